// Native charts through the Office.js adapter, and the fake's model of them.
import { describe, expect, test } from "@jest/globals";
import { makeCalendar } from "../../src/core/calendar";
import { RESULT_CATEGORIES } from "../../src/core/model";
import { buildStatistics, GRADE_CHART_TITLE, RESULTS_CHART_TITLE, statisticsSheet } from "../../src/core/publicity";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { selfTest } from "../../src/excel/self-test";
import type { SheetSpec, WriteBatch } from "../../src/workbook/port";
import { DRAW_T1, DRAW_T2, RESULTS } from "../core/publicity/fixture";
import { createFakeExcel, CURRENT_EXCEL_API } from "./fake-excel";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

const FIGURES: SheetSpec = {
  name: "统计",
  rows: [
    ["检查结果", "2025年", "2026年"],
    ["未发现问题", 1, 2],
    ["行政处罚", 0, 3],
  ],
  charts: [
    { type: "column", title: "检查结果分类", range: "A1:C3", anchor: "E2:L18" },
    { type: "pie", title: "2025年", range: "A1:B3", anchor: "E20" },
  ],
  protect: true,
};

describe("charts", () => {
  test("each chart is drawn over its block, series by columns, titled and placed; then the sheet is protected", async () => {
    const fake = createFakeExcel();
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(batch({ create: [FIGURES] }));
    const s = fake.workbookState.sheets[0];
    expect(s.protected).toBe(true);
    expect(book.notes).toEqual([]);
    expect(s.charts.map(({ sourceSheet: _s, ...c }) => c)).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        source: "A1:C3",
        seriesBy: "Columns",
        title: "检查结果分类",
        position: { start: "E2", end: "L18" },
        categories: ["未发现问题", "行政处罚"],
        series: [
          { name: "2025年", values: [1, 0] },
          { name: "2026年", values: [2, 3] },
        ],
      },
      {
        name: "Chart 2",
        type: "Pie",
        source: "A1:B3",
        seriesBy: "Columns",
        title: "2025年",
        position: { start: "E20" },
        categories: ["未发现问题", "行政处罚"],
        series: [{ name: "2025年", values: [1, 0] }],
      },
    ]);
    // a chart is three calls: add, title, position
    expect(fake.stats.calls["charts.add"]).toBe(2);
    expect(fake.stats.calls["chart.title.text"]).toBe(2);
    expect(fake.stats.calls["chart.setPosition"]).toBe(2);
  });

  test("抽查统计 written through the adapter: its two charts read the figures of its blocks", async () => {
    const stats = buildStatistics([DRAW_T1, DRAW_T2], RESULTS, makeCalendar([]), "2026-06-02");
    const fake = createFakeExcel();
    await new ExcelWorkbook(fake.run, fake.office).write(batch({ replace: [statisticsSheet(stats)] }));
    const charts = fake.workbookState.sheets[0].charts;
    expect(charts.map((c) => [c.title, c.type, c.position?.start])).toEqual([
      [RESULTS_CHART_TITLE, "BarClustered", "U2"],
      [GRADE_CHART_TITLE, "ColumnClustered", "U21"],
    ]);
    expect(charts[0].categories).toEqual([...RESULT_CATEGORIES]);
    expect(charts[0].series).toEqual([{ name: "2026年", values: [2, 2, 2, 0] }]);
    expect(charts[1].categories).toEqual(["A", "B", "C", "D"]);
    expect(charts[1].series.map((x) => x.name)).toEqual(["可抽对象数", "抽取对象数", "已检查", "发现问题"]);
    expect(charts[1].series[1].values).toEqual([2, 1, 1, 1]);
  });

  test("a replaced sheet keeps its charts, their source following the sheet to its name", async () => {
    const fake = createFakeExcel([{ name: "前", rows: [["x"]] }]);
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(batch({ replace: [FIGURES] }));
    const updated: SheetSpec = { ...FIGURES, rows: [FIGURES.rows[0], ["未发现问题", 5, 6], ["行政处罚", 7, 8]] };
    await book.write(batch({ replace: [updated] }));
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["前", "统计"]);
    const s = fake.workbookState.sheets[1];
    expect(s.charts).toHaveLength(2);
    expect(s.charts[0].sourceSheet.name).toBe("统计");
    expect(s.charts[0].series[0].values).toEqual([5, 7]);
  });

  test("a host that refuses charts keeps the sheet, its figures and protection, and says so", async () => {
    const fake = createFakeExcel([], { refuseCharts: true });
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(batch({ create: [FIGURES] }));
    const s = fake.workbookState.sheets[0];
    expect(fake.cells("统计")).toEqual(FIGURES.rows);
    expect(s.charts).toEqual([]);
    expect(s.protected).toBe(true);
    expect(book.notes).toEqual([expect.stringContaining("“统计”的图表未能绘制（表中的数据已写入）")]);
  });

  test("the self-test reports a host whose charts fail, and the rest as working", async () => {
    const fake = createFakeExcel([], { refuseCharts: true, maxExcelApi: CURRENT_EXCEL_API });
    const report = await selfTest(fake.run, fake.office);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(["图表（插入柱形图、标题、位置）"]);
    expect(report.checks.find((c) => !c.ok)?.detail).toContain("图表未能绘制");
    expect(fake.workbookState.sheets).toEqual([]);
  });
});

describe("the fake's charts are faithful", () => {
  const sheet = (rows: (string | number | null)[][]) => createFakeExcel([{ name: "S", rows }]);

  test("a protected sheet takes no new chart", async () => {
    const fake = sheet([
      ["类别", "数量"],
      ["甲", 1],
    ]);
    await expect(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.protection.protect();
        ws.charts.add("ColumnClustered", ws.getRange("A1:B2"), "Columns");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("a chart's name is read only once loaded; the collection loads its items and count", async () => {
    const fake = sheet([
      ["类别", "数量"],
      ["甲", 1],
    ]);
    await expect(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        const chart = ws.charts.add("Pie", ws.getRange("A1:B2"), "Columns");
        await context.sync();
        return chart.name; // never loaded: the mistake under test
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    const names = await fake.run(async (context) => {
      const charts = context.workbook.worksheets.getItem("S").charts;
      charts.load("items/name,count");
      await context.sync();
      return [charts.count, charts.items.map((c) => c.name)];
    });
    expect(names).toEqual([1, ["Chart 1"]]);
  });

  test("a number in the first row is data, not a series name, as in Excel", async () => {
    const fake = sheet([
      ["检查结果", 2026],
      ["未发现问题", 2],
    ]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.charts.add("ColumnClustered", ws.getRange("A1:B2"), "Columns");
      await context.sync();
    });
    const c = fake.workbookState.sheets[0].charts[0];
    expect(c.categories).toEqual(["检查结果", "未发现问题"]);
    expect(c.series).toEqual([{ name: null, values: [2026, 2] }]);
  });

  test("an unknown chart type or series direction is refused", async () => {
    const fake = sheet([["a", 1]]);
    const add = (type: string, by: string) =>
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("S");
        ws.charts.add(type as Excel.ChartType, ws.getRange("A1:B1"), by as Excel.ChartSeriesBy);
        await context.sync();
      });
    await expect(add("Column", "Columns")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(add("Pie", "Diagonal")).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
