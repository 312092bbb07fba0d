// 抽查年度统计, 抽查年度明细 and the reports as SheetSpecs: what a clerk reads on them.
import type { SheetSpec } from "../../../src/core/sheet";
import {
  computeYearView,
  reportPeriod,
  yearReportSheets,
  yearSheets,
  YEAR_DETAIL_SHEET,
  YEAR_SHEET,
} from "../../../src/core/year";
import { RESULTS, u, yearInput } from "./fixture";

const view = computeYearView(yearInput());
const [stats, detail] = yearSheets(view);

/** The 1-based row whose first cell is `label`. */
const rowOf = (spec: SheetSpec, label: string): number => spec.rows.findIndex((r) => r[0] === label) + 1;
const cellRange = (range: string) => {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
  return { left: m[1], top: Number(m[2]), right: m[3], bottom: Number(m[4]) };
};

describe("抽查年度统计", () => {
  test("the sheets' names, title and period", () => {
    expect([stats.name, detail.name]).toEqual([YEAR_SHEET, YEAR_DETAIL_SHEET]);
    expect(stats.rows[0][0]).toBe("2026 年度“双随机、一公开”抽查统计");
    expect(stats.rows[1][0]).toContain("统计期间 2026-01-01 至 2026-12-31");
    expect(stats.rows[1][0]).toContain("状态截至 2026-09-30");
    expect(stats.page).toMatchObject({ orientation: "landscape", fitToWidth: true });
  });

  test("the figures per scope, in total and per department", () => {
    const header = stats.rows[rowOf(stats, "指标") - 1];
    expect(header.slice(0, 5)).toEqual(["指标", "全部", "区卫生健康局", "区医疗保障局", "明细"]);
    const line = (label: string) => stats.rows[rowOf(stats, label) - 1].slice(1, 4);
    expect(line("抽取对象数（去重）")).toEqual([13, 10, 7]);
    expect(line("年度抽查比例")).toEqual(["32.5%", "25%", "21.9%"]);
    expect(line("距目标尚差户数")).toEqual([0, 0, 1]);
    expect(line("按信用风险分级分类抽查占比（应为 100%）")).toEqual(["71.4%", "100%", "50%"]);
    expect(line("公示率（已公示 / 已检查）")).toEqual(["70%", "85.7%", "66.7%"]);
    expect(line("超过 20 个工作日未录入后续处置")).toEqual([2, 1, 1]);
    expect(line("年度计划抽查户数")).toEqual([23, 13, 10]);
  });

  test("a figure that misses its mark is filled red", () => {
    const r = rowOf(stats, "年度抽查比例");
    const red = stats.styles!.filter((s) => s.style.fill === "FFC7CE").map((s) => s.range);
    expect(red).toContain(`D${r}`); // 区医疗保障局 21.9% < 25%
    expect(red).not.toContain(`B${r}`);
    expect(red).not.toContain(`C${r}`);
  });

  test("each figure points at its rows of 抽查年度明细, and those rows list what it counts", () => {
    let checked = 0;
    for (const row of stats.rows) {
      const pointer = row[4];
      if (typeof pointer !== "string" || !pointer.startsWith("「")) continue;
      const [, a, b] = /第 (\d+)–(\d+) 行/.exec(pointer)!.map(Number);
      const lines = detail.rows.slice(a - 1, b);
      expect(lines.every((l) => l[0] === row[0])).toBe(true);
      // as many detail rows as the figure's values over the total and the departments
      expect(lines.length).toBe((row[1] as number) + (row[2] as number) + (row[3] as number));
      expect(detail.rows[a - 2][0]).not.toBe(row[0]);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
    // the follow-up overdue: 5 (r10) and 6 (r12) in total
    const overdue = detail.rows.filter((r) => r[0] === "超过 20 个工作日未录入后续处置" && r[1] === "全部");
    expect(overdue.map((r) => [r[2], r[4], r[6]])).toEqual([
      [u(5), "区卫生健康局", "10"],
      [u(6), "区医疗保障局", "12"],
    ]);
  });

  test("the plan, the uncovered item, the repeat and the external draw are on the sheet", () => {
    const text = stats.rows.map((r) => r.join("|"));
    expect(text).toContain("第4批|区卫生健康局|09-01 至 10-31|6||0|已开始未抽取|");
    expect(text).toContain("第3批|区卫生健康局|08-01 至 09-15|3||0|逾期未抽取|");
    expect(text).toContain("WJ-02 对消毒产品和消毒服务机构的监督检查|区卫生健康局|否|");
    expect(text).toContain(`${u(1)}|对象1|YB-01|抽取结果-T1-1、外部抽取-T3`);
    expect(text).toContain("外部抽取-T3|T3|任务T3|2026-07-15|外部抽取|否|4");
  });

  test("charts over their data blocks, under the tables, after a page break; the note says the CLI writes the data only", () => {
    expect(stats.charts!.map((c) => [c.type, c.title])).toEqual([
      ["column", "按信用风险等级的抽取与检查"],
      ["bar", "各部门抽取、检查与发现问题"],
      ["pie", "检查结果分类（全部）"],
    ]);
    const [grade, depts, pie] = stats.charts!.map((c) => cellRange(c.range));
    // first row the series names, first column the categories
    expect(stats.rows[grade.top - 1].slice(0, 4)).toEqual(["信用风险等级", "抽取对象数", "其中已检查", "其中发现问题"]);
    expect(stats.rows.slice(grade.top, grade.bottom).map((r) => r[0])).toEqual(["A 类", "B 类", "C 类", "D 类"]);
    expect(stats.rows.slice(depts.top, depts.bottom).map((r) => r.slice(0, 4))).toEqual([
      ["区卫生健康局", 10, 7, 4],
      ["区医疗保障局", 7, 6, 2],
    ]);
    expect(pie.right).toBe("B");
    expect(stats.rows.slice(pie.top, pie.bottom).map((r) => r.slice(0, 2))).toEqual([
      ["未发现问题", 6],
      ["发现问题已责令整改", 3],
      ["行政处罚", 3],
      ["无法联系", 1],
    ]);
    for (const c of stats.charts!) expect(cellRange(c.anchor).top).toBeGreaterThan(stats.rows.length);
    expect(stats.page!.rowBreaks).toContain(stats.rows.length);
    expect(stats.rows.some((r) => String(r[0]).includes("命令行") && String(r[0]).includes("不含图表本身"))).toBe(true);
  });

  test("merges never overlap and stay within the sheet's columns", () => {
    const cells = new Set<string>();
    for (const m of stats.merges!) {
      const b = cellRange(m);
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left.charCodeAt(0); c <= b.right.charCodeAt(0); c++) {
          const k = `${String.fromCharCode(c)}${r}`;
          expect(cells.has(k)).toBe(false);
          cells.add(k);
        }
      expect(b.right.charCodeAt(0) - 64).toBeLessThanOrEqual(stats.columnWidths!.length);
    }
  });
});

describe("the half-year and year reports", () => {
  const previous = computeYearView(yearInput({ year: 2025 }));
  const sheets = yearReportSheets(view, { kind: "year", previous, results: RESULTS });
  const [report, cases, rectification] = sheets;

  test("the year report: its sheets, A4 portrait, the due date", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "全年情况报告-2026",
      "检查案件查处汇总表-2026",
      "上年处罚整改落实-2026",
    ]);
    expect(report.rows[0][0]).toBe("2026 年“双随机、一公开”抽查全年情况报告");
    expect(report.page).toMatchObject({ orientation: "portrait", fitToWidth: true });
    expect(report.rows.map((r) => r[0])).toContain("报送期限：2026-11-15 前");
    expect(report.charts!.map((c) => c.type)).toEqual(["bar", "column", "pie"]);
  });

  test("the summary and the problems it lists", () => {
    const summary = (label: string) => report.rows.find((r) => r[0] === label)!.slice(1, 3);
    expect(summary("开展抽查任务（有效抽取）")).toEqual(["4 次", "其中平台外部抽取 1 次"]);
    expect(summary("年度抽查比例")).toEqual(["32.5%", "目标 25%，已达到"]);
    expect(summary("抽查事项覆盖")).toEqual(["3 / 4 项", "未覆盖：WJ-02"]);
    expect(summary("后续处置完成率")).toEqual(["60%", "需处置 6 行，超过 20 个工作日未录入 2 行"]);
    const problems = report.rows.map((r) => String(r[0])).filter((t) => /^\d+\. /.test(t));
    expect(problems).toContain("1. 区医疗保障局抽查比例 21.9%，低于目标 25%，尚差 1 户。");
    expect(problems).toContain("4. 同年同一事项重复抽取 1 处（对象×事项，见「抽查年度统计」）。");
    expect(problems.some((p) => p.includes("计划批次「第3批」（区卫生健康局）逾期未抽取"))).toBe(true);
  });

  test("检查案件查处汇总表: the penalties with their decision numbers and whether published in 7 working days", () => {
    const body = cases.rows.filter((r) => typeof r[0] === "number");
    expect(body.map((r) => [r[2], r[7], r[8], r[9], r[10]])).toEqual([
      [u(3), "新卫医罚〔2026〕1号", "2026-04-15", "2026-04-20", "是"],
      [u(6), "新医保罚〔2026〕2号", "2026-08-05", "", "否"],
      [u(7), "新医保罚〔2026〕3号", "", "2026-08-10", ""],
    ]);
    expect(cases.page).toMatchObject({ orientation: "landscape", fitToWidth: true });
    expect(cases.page!.printTitleRows).toMatch(/^\d+:\d+$/);
  });

  test("the previous year's penalised targets and their rectification", () => {
    const body = rectification.rows.filter((r) => typeof r[0] === "number");
    expect(body.map((r) => [r[2], r[4], r[5], r[7]])).toEqual([
      [u(13), "新卫医罚〔2025〕9号", "已整改到位", "已落实"],
      [u(14), "新卫医罚〔2025〕10号", "", "未填写"],
    ]);
    expect(report.rows.map((r) => r[0])).toContain(
      "2025 年随机抽查行政处罚 2 行，整改落实情况见「上年处罚整改落实-2026」。",
    );
  });

  test("the half-year report counts the first half's draws and is due 07-02", () => {
    const half = computeYearView(yearInput({ period: reportPeriod(2026, "half") }));
    const [r] = yearReportSheets(half, { kind: "half", results: RESULTS });
    expect(r.name).toBe("半年情况报告-2026");
    expect(r.rows.map((x) => x[0])).toContain("报送期限：2026-07-02 前");
    expect(r.rows.find((x) => x[0] === "抽取检查对象（去重）")![1]).toBe("6 户");
    expect(r.rows.map((x) => x[0])).toContain("未提供 2025 年的抽取与检查结果，请另行填报。");
  });
});
