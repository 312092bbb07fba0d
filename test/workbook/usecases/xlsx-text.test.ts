// Through the .xlsx adapter: a clerk's text that looks like a formula (=HYPERLINK(...), +, -, @)
// stays text in every sheet the software writes, and the whole flow verifies after a save.
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import type { SheetSpec } from "../../../src/workbook/port";
import { runChecklists, runDraw, runPublicity, verifyDraws } from "../../../src/workbook/usecases";
import { loadExcelJS, sheetXml } from "../xlsx/helpers";
import { DATE, INSPECTORS, NOW, SEED, TARGETS, TASK, TASKS, fixtureSheets, setCell, sheetOf } from "./fixture";

const HYPERLINK = '=HYPERLINK("http://x","y")';
/** What the clerk typed, as it must come back somewhere in each written sheet. */
const TYPED = [HYPERLINK, "=张明", "+李华", "-王芳", "@地址", "=1+1"];

/** The fixture with formula-like names, as a .xlsx in memory (every clerk's value written as text). */
async function trickyBook(): Promise<XlsxWorkbook> {
  const sheets = fixtureSheets({ targets: 24 });
  const targets = sheetOf(sheets, TARGETS);
  for (let r = 2; r <= targets.rows.length; r++) setCell(sheets, TARGETS, r, "名称", `${HYPERLINK}${r}`);
  setCell(sheets, TARGETS, 2, "地址", "@地址");
  setCell(sheets, INSPECTORS, 2, "姓名", "=张明");
  setCell(sheets, INSPECTORS, 3, "姓名", "+李华");
  setCell(sheets, INSPECTORS, 4, "姓名", "-王芳");
  setCell(sheets, TASKS, 2, "任务名称", "=1+1");
  const book = XlsxWorkbook.empty();
  await book.write({ create: sheets as SheetSpec[], replace: [], append: [] });
  return XlsxWorkbook.fromBuffer(await book.toBuffer());
}

describe("formula-like text through the .xlsx adapter", () => {
  let bytes: Uint8Array;
  let written: string[];
  beforeAll(async () => {
    const book = await trickyBook();
    const before = await book.sheetNames();
    const d = await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW });
    if (!d.ok) throw new Error(JSON.stringify(d.errors));
    const c = await runChecklists(book, { draw: d.report.sheet });
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const p = await runPublicity(book, { taskId: TASK, today: "2026-04-24" });
    if (!p.ok) throw new Error(JSON.stringify(p.errors));
    bytes = await book.toBuffer();
    written = (await book.sheetNames()).filter((n) => !before.includes(n));
  });

  test("every sheet is written", () => {
    expect(written.sort()).toEqual(
      [
        `抽取结果-${TASK}-1`,
        `抽取快照-${TASK}-1`,
        "抽取记录",
        "检查结果",
        `一企一表-${TASK}-1`,
        `抽查名单公示-${TASK}`,
        `结果公示-${TASK}`,
        "抽查统计",
        `公示进度-${TASK}`,
      ].sort(),
    );
  });

  test("no written cell is a formula, and the names come back as the text typed", async () => {
    const wb = await loadExcelJS(bytes);
    const seen = new Map<string, number>();
    for (const name of written) {
      const ws = wb.getWorksheet(name)!;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect({ sheet: name, cell: cell.address, type: cell.type }).not.toEqual(
            expect.objectContaining({ type: ExcelJS.ValueType.Formula }),
          );
          const v = cell.value;
          if (typeof v === "string" && TYPED.some((t) => v.includes(t))) seen.set(name, (seen.get(name) ?? 0) + 1);
        }),
      );
      expect(await sheetXml(bytes, name)).not.toMatch(/<f[ >]/);
    }
    // the formula-like names are there, as text, on every sheet that shows a name
    expect(Object.fromEntries(written.map((n) => [n, (seen.get(n) ?? 0) > 0]))).toEqual(
      Object.fromEntries(written.map((n) => [n, true])),
    );
    const results = wb.getWorksheet("检查结果")!;
    expect(String(results.getCell("C2").value)).toMatch(/^=HYPERLINK\("http:\/\/x","y"\)\d+$/);
  });

  test("the saved workbook still verifies", async () => {
    const again = await XlsxWorkbook.fromBuffer(bytes);
    const v = await verifyDraws(again);
    expect(v.ok).toBe(true);
    expect(v.draws.map((d) => [d.ok, d.registryChanged])).toEqual([[true, false]]);
  });
});
