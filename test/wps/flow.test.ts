// The whole job on the sample through the three adapters: draw, verify, 一企一表, results filled as
// inspectors would (scripts/fill-results.ts), then publicity. The WPS adapter over the ET fake
// writes the very cells the ExcelJS adapter writes (values and their types, sheet by sheet, in
// the same tab order), and so does the Office.js adapter over the Excel fake; then what only
// the WPS sheets carry: protection, drop-downs, print setup, frozen rows, charts.
import { beforeAll, describe, expect, test } from "@jest/globals";
import { join } from "node:path";
import { readXlsxFile } from "../../src/workbook/xlsx/file";
import { runChecklists, runDraw, runPublicity, verifyDraws } from "../../src/workbook/usecases";
import type { CellValue, SheetData, WorkbookPort } from "../../src/workbook/port";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { WpsWorkbook } from "../../src/wps/workbook";
import { bgr } from "../../src/wps/et";
import { createFakeExcel } from "../excel/fake-excel";
import { createFakeWps, type FakeWps } from "./fake-wps";
import { fillResults } from "../../scripts/fill-results";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const DRAW = { taskId: TASK, seed: "20260401-福彩3D-123", date: "2026-04-01", operator: "张三", witness: "李四" };
const NOW = new Date("2026-04-01T01:30:00Z");
const DRAW_SHEET = "抽取结果-XH-2026-03-1";
const FORMS_SHEET = "一企一表-XH-2026-03-1";
const TODAY = "2026-06-15";

/** Rows as read, trailing empty cells and rows cut, so that adapters that keep more compare equal. */
const trimmed = (sheet: SheetData): CellValue[][] => {
  const rows = sheet.rows.map((r) => {
    const c = r.map((v) => (v === undefined ? null : v));
    while (c.length && (c[c.length - 1] === null || c[c.length - 1] === "")) c.pop();
    return c;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
};

async function theJob(port: WorkbookPort, afterDraw = (): void => undefined): Promise<{ verified: boolean }> {
  const drawn = await runDraw(port, { ...DRAW, now: NOW });
  if (!drawn.ok) throw new Error(JSON.stringify(drawn.errors));
  afterDraw();
  const verified = await verifyDraws(port, {});
  const forms = await runChecklists(port, { draw: DRAW_SHEET });
  if (!forms.ok) throw new Error(JSON.stringify(forms.errors));
  await fillResults(port, { taskId: TASK, start: "2026-04-13" });
  const pub = await runPublicity(port, { taskId: TASK, today: TODAY });
  if (!pub.ok) throw new Error(JSON.stringify(pub.errors));
  return { verified: verified.ok && verified.draws.every((d) => d.ok) };
}

describe("draw, verify, 一企一表 and publicity through the ExcelJS, Office.js and WPS adapters", () => {
  let source: SheetData[];
  let viaXlsx: WorkbookPort;
  let viaExcel: WorkbookPort;
  let viaWps: WpsWorkbook;
  let wps: FakeWps;
  let wpsVerified: boolean;
  const notes: string[] = [];
  // 检查结果 as the draw left it (fill-results later rewrites it whole, without drop-downs)
  let results: {
    validations: Map<string, { formula: string; inCellDropdown: boolean }>;
    frozenRows: number;
    last: number;
  };

  beforeAll(async () => {
    const book = await readXlsxFile(SAMPLE);
    source = [];
    for (const name of await book.sheetNames()) source.push(await book.readSheet(name));
    viaXlsx = book;
    await theJob(viaXlsx);
    const excel = createFakeExcel(source);
    viaExcel = new ExcelWorkbook(excel.run, excel.office);
    await theJob(viaExcel);
    wps = createFakeWps(source);
    viaWps = new WpsWorkbook(wps.app, wps.app.ActiveWorkbook, undefined, async () => undefined);
    // every write's notes, not only the last one's
    const write = viaWps.write.bind(viaWps);
    viaWps.write = async (batch, progress) => {
      await write(batch, progress);
      notes.push(...viaWps.notes);
    };
    wpsVerified = (
      await theJob(viaWps, () => {
        const sheet = wps.sheet("检查结果");
        const rows = [...sheet.cells.keys()].map((k) => Number(k.split(",")[0]));
        results = { validations: new Map(sheet.validations), frozenRows: sheet.frozenRows, last: Math.max(...rows) };
      })
    ).verified;
  });

  test("the three workbooks hold the same sheets in the same tab order", async () => {
    const names = await viaXlsx.sheetNames();
    expect(names).toEqual(expect.arrayContaining([DRAW_SHEET, FORMS_SHEET, "抽取记录", "检查结果", "抽查统计"]));
    expect(await viaWps.sheetNames()).toEqual(names);
    expect(await viaExcel.sheetNames()).toEqual(names);
  });

  test("every sheet holds the same cells, with the same types, through WPS as through ExcelJS and Office.js", async () => {
    const written = (await viaXlsx.sheetNames()).filter((n) => !source.some((s) => s.name === n));
    expect(written.length).toBeGreaterThanOrEqual(8);
    for (const name of written) {
      const expected = trimmed(await viaXlsx.readSheet(name));
      expect({ name, rows: trimmed(await viaWps.readSheet(name)) }).toEqual({ name, rows: expected });
      expect({ name, rows: trimmed(await viaExcel.readSheet(name)) }).toEqual({ name, rows: expected });
      expect(expected.length).toBeGreaterThan(1);
    }
    // text stays text: a seed with a leading digit run and dates written as YYYY-MM-DD
    const record = trimmed(await viaWps.readSheet(DRAW_SHEET)).flat();
    expect(record).toContain(DRAW.seed);
    expect(record).toContain("2026-04-01");
  });

  test("the draw verifies through WPS, and the draw's sheets are protected there", async () => {
    expect(wpsVerified).toBe(true);
    for (const name of [DRAW_SHEET, "抽取快照-XH-2026-03-1", "抽取记录", FORMS_SHEET]) {
      expect(wps.sheet(name).protected).toBe(true);
      expect((await viaWps.readSheet(name)).protected).toBe(true);
    }
    expect(wps.sheet("检查结果").protected).toBe(false);
  });

  test("检查结果 gets the four results as a drop-down on every written row, and its header frozen", () => {
    const { validations, last } = results;
    // 17 targets, two departments each
    expect(last).toBe(35);
    for (let r = 2; r <= last; r++) {
      const rule = validations.get(`${r},6`);
      expect(rule?.formula).toBe("未发现问题,发现问题已责令整改,行政处罚,无法联系");
      expect(rule?.inCellDropdown).toBe(true);
    }
    expect(validations.get(`${last + 1},6`)).toBeUndefined();
    expect(validations.get("1,6")).toBeUndefined();
    expect(results.frozenRows).toBe(1);
  });

  test("一企一表 prints one form a page: A4 portrait, fit to width, a break between forms, answers unlocked", () => {
    const sheet = wps.sheet(FORMS_SHEET);
    expect(sheet.page).toMatchObject({ orientation: 1, paperSize: 9, zoom: false, fitWide: 1, fitTall: false });
    // the sample's draw selects 17 targets: 16 breaks between them
    expect(sheet.pageBreaks).toHaveLength(16);
    const unlocked = [...sheet.cells.values()].filter((c) => !c.locked);
    expect(unlocked.length).toBeGreaterThan(0);
    expect(Math.max(...sheet.rowHeights.values())).toBeLessThanOrEqual(409);
    expect(sheet.merges.length).toBeGreaterThan(0);
  });

  test("抽查统计 carries its charts over its own figures, and nothing was skipped", () => {
    const sheet = wps.sheet("抽查统计");
    expect(sheet.charts.length).toBeGreaterThan(0);
    for (const c of sheet.charts) {
      expect(c.title).toBeTruthy();
      expect(c.source).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    }
    expect(notes).toEqual([]);
  });

  test("header styles reach WPS as its own colours (BGR numbers)", () => {
    const log = wps.sheet("抽取记录").styles;
    expect(log).toContainEqual({
      address: expect.stringMatching(/^A1:[A-Z]+1$/),
      property: "Interior.Color",
      value: bgr("DDEBF7"),
    });
    expect(log).toContainEqual({ address: expect.stringMatching(/^A1:[A-Z]+1$/), property: "Font.Bold", value: true });
  });
});
