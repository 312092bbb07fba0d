// Opening a clerk's workbook and saving it again keeps what plain ExcelJS would lose: page breaks,
// and drop-downs over whole columns (kept as ranges, not expanded into a million cells).
import ExcelJS from "exceljs";
import type { WriteBatch } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { bytesOf, sheetXml } from "./helpers";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });
type Validations = { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } };

async function clerkWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("检查结果");
  ws.getRow(1).values = ["任务编号", "检查结果", "严重违法记录"];
  ws.getRow(2).values = ["T0", "未发现问题", "否"];
  const dv = (ws as unknown as Validations).dataValidations.model;
  dv["B2:B1048576"] = {
    type: "list",
    allowBlank: true,
    formulae: ['"未发现问题,发现问题已责令整改,行政处罚,无法联系"'],
  };
  dv["C2"] = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  dv["C3"] = dv["C2"];
  const print = wb.addWorksheet("一企一表-1");
  for (let r = 1; r <= 30; r++) print.getCell(`A${r}`).value = `第${r}行`;
  print.getRow(10).addPageBreak();
  print.getRow(20).addPageBreak();
  return bytesOf(wb);
}

describe("opening and saving again", () => {
  test("a whole-column drop-down stays one range, in memory and in the saved file", async () => {
    const book = await XlsxWorkbook.fromBuffer(await clerkWorkbook());
    const model = (book.workbook.getWorksheet("检查结果") as unknown as Validations).dataValidations.model;
    expect(Object.keys(model).length).toBeLessThan(10);
    expect(model["B2:B1048576"]?.formulae).toEqual(['"未发现问题,发现问题已责令整改,行政处罚,无法联系"']);
    expect((await book.readSheet("检查结果")).rows[1]).toEqual(["T0", "未发现问题", "否"]);
    const xml = await sheetXml(await book.toBuffer(), "检查结果");
    expect(xml).toMatch(/<dataValidation\b[^>]*type="list"[^>]*sqref="B2:B1048576"/);
    expect(xml).toMatch(/sqref="C2:C3"/); // small ones as ExcelJS keeps them
  });

  test("page breaks survive a load and save", async () => {
    const book = await XlsxWorkbook.fromBuffer(await clerkWorkbook());
    await book.write(batch({ create: [{ name: "新表", rows: [["x"]] }] }));
    const xml = await sheetXml(await book.toBuffer(), "一企一表-1");
    expect(xml).toMatch(/<rowBreaks\b[^>]*count="2"/);
    expect(xml).toMatch(/<brk\b[^>]*id="10"/);
    expect(xml).toMatch(/<brk\b[^>]*id="20"/);
  });

  test("appending under a whole-column drop-down adds no second one over the same cells", async () => {
    const book = await XlsxWorkbook.fromBuffer(await clerkWorkbook());
    const list = ["未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"];
    await book.write(
      batch({
        append: [
          {
            sheet: "检查结果",
            rows: [
              ["T1", null, null],
              ["T1", null, null],
            ],
            whenAbsent: { name: "检查结果", rows: [] },
            validations: [
              { column: 2, list },
              { column: 3, list: ["是", "否"] },
            ],
          },
        ],
      }),
    );
    const xml = await sheetXml(await book.toBuffer(), "检查结果");
    // B: the clerk's whole column applies; C3 keeps the clerk's list, C4 gets the new one
    expect(xml.match(/<dataValidation\b[^>]*sqref="B/g)).toHaveLength(1);
    const sqrefs = [...xml.matchAll(/sqref="(C[^"]*)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(["C2:C3", "C4:C4"]);
  });

  test("drop-downs over rows 2 to 30 stay one range through two load-save rounds (no overlapping copies)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名录");
    ws.getCell("A1").value = "信用风险等级";
    (ws as unknown as Validations).dataValidations.model["A2:A30"] = { type: "list", formulae: ['"A,B,C,D"'] };
    let bytes = await bytesOf(wb);
    for (let round = 0; round < 2; round++) bytes = await (await XlsxWorkbook.fromBuffer(bytes)).toBuffer();
    const sqrefs = [...(await sheetXml(bytes, "名录")).matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(["A2:A30"]);
  });

  test("appended rows 8 to 12 get one drop-down range, not overlapping pieces", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("检查结果");
    for (let r = 1; r <= 7; r++) ws.getCell(`A${r}`).value = `行${r}`;
    const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    const rows = Array.from({ length: 5 }, (_, i) => [`新${i}`, null]);
    await book.write(
      batch({
        append: [
          {
            sheet: "检查结果",
            rows,
            whenAbsent: { name: "检查结果", rows: [] },
            validations: [{ column: 2, list: ["甲", "乙"] }],
          },
        ],
      }),
    );
    const again = await (await XlsxWorkbook.fromBuffer(await book.toBuffer())).toBuffer();
    const sqrefs = [...(await sheetXml(again, "检查结果")).matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]);
    expect(sqrefs).toEqual(["B8:B12"]);
  });
});
