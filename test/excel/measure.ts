// Figures for the bench: syncs and the largest request for a 100,000-row read, a 5,000-row result
// write and the 一企一表 of 5,000 targets, through the Office.js adapter into the Excel fake.
// Run: npx tsx test/excel/measure.ts
import { buildForms, renderChecklistSheet } from "../../src/core/checklist";
import { ExcelWorkbook } from "../../src/excel/workbook";
import type { SheetSpec } from "../../src/workbook/port";
import { checklistInput } from "../core/checklist/fixture";
import { createFakeExcel, type FakeExcelHandle } from "./fake-excel";
import { registrySheet } from "./registry";

export interface SyncFigures {
  syncs: number;
  largestRequestBytes: number;
  /** syncs refused for size and retried smaller (0 when the budget holds) */
  refused: number;
  /** Office.js calls queued (actions), all syncs together */
  calls: number;
}

function figures(fake: FakeExcelHandle): SyncFigures {
  return {
    syncs: fake.stats.syncs,
    largestRequestBytes: fake.stats.largestRequestBytes,
    refused: fake.stats.refused,
    calls: Object.values(fake.stats.calls).reduce((n, c) => n + c, 0),
  };
}

export async function measureExcelAdapter(
  readRows = 100_000,
  writeRows = 5_000,
  forms = 5_000,
): Promise<{ read: SyncFigures; write: SyncFigures; checklist: SyncFigures & { rows: number } }> {
  const fake = createFakeExcel([registrySheet(readRows)]);
  const book = new ExcelWorkbook(fake.run, fake.office);
  fake.resetStats();
  await book.readSheet("检查对象名录库");
  const read = figures(fake);

  fake.resetStats();
  await book.write({ create: [resultSpec(writeRows)], replace: [], append: [] });
  const write = figures(fake);

  const spec = checklistSpec(forms);
  fake.resetStats();
  await book.write({ create: [spec], replace: [], append: [] });
  const checklist = { ...figures(fake), rows: spec.rows.length };
  return { read, write, checklist };
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

/**
 * The 一企一表 sheet of `n` drawn targets of three categories, two departments and 20 checkpoints
 * each (the bench's data): one form per target, about 39 rows a form.
 */
export function checklistSpec(n: number, name = "一企一表-测试"): SheetSpec {
  const { draw, items } = checklistInput(n);
  return renderChecklistSheet(buildForms(draw, items), name);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const m = await measureExcelAdapter();
  const line = (label: string, f: SyncFigures) =>
    console.log(
      `${label.padEnd(40)} ${String(f.syncs).padStart(4)} syncs   largest ${f.largestRequestBytes
        .toLocaleString("en")
        .padStart(10)} bytes   ${String(f.refused)} refused   ${f.calls.toLocaleString("en").padStart(9)} calls`,
    );
  line("read 100,000-row registry (15 columns)", m.read);
  line("write 5,000-row result sheet", m.write);
  line(`write 一企一表 of 5,000 forms (${m.checklist.rows.toLocaleString("en")} rows)`, m.checklist);
  console.log(`(${Math.round(performance.now() - t0)} ms in the fake)`);
}

if (require.main === module) void main();
