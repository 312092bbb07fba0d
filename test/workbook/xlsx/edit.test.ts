// The port's edits, precondition, tab colour and protection state on the ExcelJS adapter: what a
// void does to 检查结果 (rows removed, cells marked), and a write refused when the sheet moved on.
import type { SheetSpec, WriteBatch } from "../../../src/workbook/port";
import { WorkbookChangedError } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { loadExcelJS, sheetXml } from "./helpers";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

async function bookWith(spec: SheetSpec): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.empty();
  await book.write(batch({ create: [spec] }));
  return XlsxWorkbook.fromBuffer(await book.toBuffer());
}

const results: SheetSpec = {
  name: "检查结果",
  rows: [
    ["任务编号", "名称", "备注"],
    ["T1", "甲", null],
    ["T1", "乙", "已查"],
    ["T1", "丙", null],
    ["T2", "丁", null],
  ],
};

test("cells are set as text and rows removed from the bottom up, by the row numbers as read", async () => {
  const book = await bookWith(results);
  await book.write(
    batch({ edit: [{ sheet: "检查结果", cells: [{ row: 3, column: 3, value: "=已作废" }], deleteRows: [2, 4] }] }),
  );
  const back = await XlsxWorkbook.fromBuffer(await book.toBuffer());
  expect((await back.readSheet("检查结果")).rows).toEqual([
    ["任务编号", "名称", "备注"],
    ["T1", "乙", "=已作废"],
    ["T2", "丁"],
  ]);
  expect(await sheetXml(await back.toBuffer(), "检查结果")).not.toMatch(/<f[\s>]/);
});

test("appends after edits go under the last row that is left", async () => {
  const book = await bookWith(results);
  await book.write(
    batch({
      edit: [{ sheet: "检查结果", deleteRows: [5] }],
      append: [{ sheet: "检查结果", rows: [["T1", "戊"]], whenAbsent: results }],
    }),
  );
  expect((await book.readSheet("检查结果")).rows.slice(-2)).toEqual([
    ["T1", "丙"],
    ["T1", "戊"],
  ]);
});

test("a sheet that no longer ends where it was read refuses the whole batch", async () => {
  const book = await bookWith(results);
  const write = book.write(
    batch({
      expect: [{ sheet: "检查结果", lastRow: 4 }],
      create: [{ name: "新表", rows: [["x"]] }],
    }),
  );
  await expect(write).rejects.toBeInstanceOf(WorkbookChangedError);
  expect(await book.sheetNames()).toEqual(["检查结果"]);
  await book.write(
    batch({
      expect: [
        { sheet: "检查结果", lastRow: 5 },
        { sheet: "无此表", lastRow: 0 },
      ],
    }),
  );
});

test("editing a sheet that is also rewritten, or a missing one, is refused before anything changes", async () => {
  const book = await bookWith(results);
  await expect(book.write(batch({ edit: [{ sheet: "无此表", deleteRows: [2] }] }))).rejects.toThrow(/no such sheet/);
  await expect(
    book.write(
      batch({ replace: [{ name: "检查结果", rows: [["x"]] }], edit: [{ sheet: "检查结果", deleteRows: [2] }] }),
    ),
  ).rejects.toThrow(/both rewritten and edited/);
  expect((await book.readSheet("检查结果")).rows).toHaveLength(5);
});

test("a tab colour is saved, and protection is read back", async () => {
  const book = await bookWith({ name: "抽取结果-T1-1", rows: [["已作废"]], tabColor: "C00000", protect: true });
  const ws = (await loadExcelJS(await book.toBuffer())).getWorksheet("抽取结果-T1-1")!;
  expect(ws.properties.tabColor).toEqual({ argb: "FFC00000" });
  expect((await book.readSheet("抽取结果-T1-1")).protected).toBe(true);
  const plain = await bookWith({ name: "S", rows: [["x"]] });
  expect((await plain.readSheet("S")).protected).toBe(false);
});
