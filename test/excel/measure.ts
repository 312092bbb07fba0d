// Figures for the bench: syncs and the largest request for a 100,000-row read and a 5,000-row write.
import { ExcelWorkbook } from "../../src/excel/workbook";
import type { SheetSpec } from "../../src/workbook/port";
import { createFakeExcel } from "./fake-excel";
import { registrySheet } from "./registry";

export interface SyncFigures {
  syncs: number;
  largestRequestBytes: number;
  /** syncs refused for size and retried smaller (0 when the budget holds) */
  refused: number;
}

export async function measureExcelAdapter(
  readRows = 100_000,
  writeRows = 5_000,
): Promise<{ read: SyncFigures; write: SyncFigures }> {
  const fake = createFakeExcel([registrySheet(readRows)]);
  const book = new ExcelWorkbook(fake.run, fake.office);
  fake.resetStats();
  await book.readSheet("检查对象名录库");
  const read = {
    syncs: fake.stats.syncs,
    largestRequestBytes: fake.stats.largestRequestBytes,
    refused: fake.stats.refused,
  };

  fake.resetStats();
  await book.write({ create: [resultSpec(writeRows)], replace: [], append: [] });
  const write = {
    syncs: fake.stats.syncs,
    largestRequestBytes: fake.stats.largestRequestBytes,
    refused: fake.stats.refused,
  };
  return { read, write };
}

/** A protected draw result sheet of `rows` rows, as the draw writes it. */
export function resultSpec(rows: number, name = "抽取结果-测试"): SheetSpec {
  const body: (string | number)[][] = [
    ["序号", "层", "统一社会信用代码", "名称", "部门", "检查组", "组长", "抽查事项"],
  ];
  for (let i = 1; i <= rows; i++) {
    body.push([
      i,
      "A",
      `91330100MA${String(i).padStart(7, "0")}X`,
      `杭州市某某医疗美容诊所有限公司第${i}分店`,
      "卫生健康委",
      "王一、李二",
      "王一",
      "S01、S02",
    ]);
  }
  return {
    name,
    rows: body,
    columnWidths: [6, 6, 22, 36, 12, 16, 8, 16],
    styles: [{ range: "A1:H1", style: { bold: true, fill: "DDEBF7", border: true } }],
    frozenRows: 1,
    protect: true,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
  };
}
