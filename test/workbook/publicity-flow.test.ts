// The whole job on the sample, through both adapters: draw, results filled as inspectors would
// (scripts/fill-results.ts), then `publicity` — its JSON as cli.md gives it, its statuses on the
// working-day calendar, and the same sheets written by the ExcelJS adapter and the Office.js one.
import { describe, expect, test, beforeAll } from "@jest/globals";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readXlsxFile, saveAtomic } from "../../src/workbook/xlsx/file";
import { runDraw, runPublicity } from "../../src/workbook/usecases";
import type { SheetData, WorkbookPort } from "../../src/workbook/port";
import { isCellError } from "../../src/workbook/port";
import { main } from "../../src/cli/main";
import { makeCalendar } from "../../src/core/calendar";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { createFakeExcel, EXCEL_API_VERSIONS } from "../excel/fake-excel";
import { fillResults, filledRows } from "../../scripts/fill-results";
import ExcelJS from "exceljs";
import { RESULTS_COLUMN_WIDTHS } from "../../src/workbook/results-layout";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const DRAW = { taskId: TASK, seed: "20260401-福彩3D-123", date: "2026-04-01", operator: "张三", witness: "李四" };
const NOW = new Date("2026-04-01T01:30:00Z");
const TODAY = "2026-06-15";
const PUBLICITY_SHEETS = ["抽查名单公示-XH-2026-03", "结果公示-XH-2026-03", "抽查统计", "公示进度-XH-2026-03"];

async function drawAndFill(port: WorkbookPort): Promise<void> {
  const r = await runDraw(port, { ...DRAW, now: NOW });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  await fillResults(port, { taskId: TASK, start: "2026-04-13" });
}

const text = (sheet: SheetData) =>
  sheet.rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : isCellError(v) ? v.error : String(v))));
const trimRows = (rows: string[][]) => {
  const out = rows.map((r) => {
    const c = [...r];
    while (c.length && c[c.length - 1] === "") c.pop();
    return c;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
};

describe("publicity on the sample with results filled", () => {
  let file: string;
  let json: any;
  let code: number;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-pub-"));
    file = join(dir, "drawn.xlsx");
    const book = await readXlsxFile(SAMPLE);
    await drawAndFill(book);
    await saveAtomic(book, file);
    const out: string[] = [];
    code = await main(["publicity", file, "--task", TASK, "--today", TODAY, "--json", "--out", join(dir, "pub.xlsx")], {
      out: (s) => out.push(s),
      err: (s) => out.push(s),
    });
    json = JSON.parse(out.join("\n"));
  });

  test("prints the JSON of cli.md: task, rows with their deadline and status, and the figures", () => {
    expect(code).toBe(0);
    expect(json.task).toBe(TASK);
    expect(Object.keys(json.stats)).toEqual(
      expect.arrayContaining(["selected", "inspected", "problems", "published", "coverage"]),
    );
    // 17 targets × 2 departments
    expect(json.stats.selected).toBe(17);
    expect(json.rows).toHaveLength(34);
    for (const r of json.rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(["uscc", "department", "result", "completed", "publishBy", "status"]),
      );
      expect(["published", "pending", "overdue", "not_inspected"]).toContain(r.status);
    }
  });

  test("each row's status follows from its dates as of --today", () => {
    const calendar = makeCalendar([]);
    const byStatus = (s: string) => json.rows.filter((r: any) => r.status === s).length;
    // filled by i mod 6: 0 published; 1 no problem, unpublished, long past due; 2 problem,
    // unpublished, past due; 3 penalty, unpublished, past due; 4 completed 2026-06-12, due in July;
    // 5 not inspected — 34 rows: i mod 6 = 0..3 six times each, 4 and 5 five times each
    expect(byStatus("published")).toBe(6);
    expect(byStatus("overdue")).toBe(18);
    expect(byStatus("pending")).toBe(5);
    expect(byStatus("not_inspected")).toBe(5);
    for (const r of json.rows) {
      if (r.status === "not_inspected") expect(r.publishBy).toBeNull();
      if (r.result === "未发现问题" || r.result === "发现问题已责令整改")
        expect(r.publishBy).toBe(calendar.addWorkingDays(r.completed, 20).date);
      if (r.status === "pending") expect(r.publishBy > TODAY).toBe(true);
      if (r.status === "overdue") expect(r.publishBy < TODAY).toBe(true);
    }
    // a penalty is published within 7 working days of its decision, not 20 of the inspection
    const penalty = json.rows.find((r: any) => r.result === "行政处罚");
    expect(penalty.publishBy).not.toBe(calendar.addWorkingDays(penalty.completed, 20).date);
    // a target counts as inspected when every department has its result
    expect(json.stats.inspected).toBe(targetsWithAllResults(json.rows));
    expect(json.stats.inspected).toBeLessThan(json.stats.selected);
    expect(json.stats.rowsInspected).toBe(
      json.rows.filter((r: any) => r.completed !== null && r.result !== null).length,
    );
  });

  test.each(EXCEL_API_VERSIONS)("ExcelJS and Office.js (ExcelApi 1.%i) write the same publicity", async (api) => {
    const viaXlsx = await readXlsxFile(SAMPLE);
    await drawAndFill(viaXlsx);
    const pubX = await runPublicity(viaXlsx, { taskId: TASK, today: TODAY });
    expect(pubX.ok).toBe(true);

    const source = await readXlsxFile(SAMPLE);
    const sheets: SheetData[] = [];
    // createFakeExcel stores Date cells as serial numbers, as Excel holds them
    for (const name of await source.sheetNames()) sheets.push(await source.readSheet(name));
    const fake = createFakeExcel(sheets, { maxExcelApi: api });
    const viaExcel = new ExcelWorkbook(fake.run, fake.office);
    await drawAndFill(viaExcel);
    const pubE = await runPublicity(viaExcel, { taskId: TASK, today: TODAY });
    expect(pubE.ok).toBe(true);

    expect(await viaExcel.sheetNames()).toEqual(expect.arrayContaining(PUBLICITY_SHEETS));
    for (const name of PUBLICITY_SHEETS) {
      const a = trimRows(text(await viaXlsx.readSheet(name)));
      const b = trimRows(text(await viaExcel.readSheet(name)));
      expect(b).toEqual(a);
      expect(a.length).toBeGreaterThan(3);
    }
    // the foot of the result table carries the draw's seed and digest, for the public to verify
    const foot = trimRows(text(await viaXlsx.readSheet("结果公示-XH-2026-03"))).flat();
    expect(foot).toContain(DRAW.seed);
    expect(foot.some((c) => /^[0-9a-f]{64}$/.test(c))).toBe(true);
  });

  test("the fill script keeps 检查结果's layout: widths, frozen header, A4 landscape fitted to width, the drop-down", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("检查结果")!;
    RESULTS_COLUMN_WIDTHS.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
    // ExcelJS reads a drop-down back cell by cell
    const lists = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    for (let r = 2; r <= ws.rowCount; r++) expect(lists[`F${r}`]?.formulae[0]).toContain("发现问题已责令整改");
  });

  test("the fill script fills only the task's rows and keeps what a clerk typed as typed", () => {
    const rows = filledRows(
      [
        ["任务编号", "统一社会信用代码"],
        ["T0", '=HYPERLINK("x")'],
        [TASK, "X"],
      ],
      { taskId: TASK, start: "2026-04-13" },
    );
    expect(rows[1][1]).toBe('=HYPERLINK("x")');
    expect(rows[1][4]).toBeNull();
    expect(rows[2][4]).toBe("2026-04-14");
  });
});

function targetsWithAllResults(rows: any[]): number {
  const by = new Map<string, boolean>();
  for (const r of rows) by.set(r.uscc, (by.get(r.uscc) ?? true) && r.completed !== null && r.result !== null);
  return [...by.values()].filter(Boolean).length;
}
