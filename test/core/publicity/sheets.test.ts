import { makeCalendar } from "../../../src/core/calendar";
import {
  buildPublicity,
  buildStatistics,
  GRADE_CHART_TITLE,
  listPublicitySheet,
  OVERDUE_FILL,
  RESULTS_CHART_TITLE,
  resultPublicitySheet,
  STATISTICS_SHEET,
  statisticsSheet,
} from "../../../src/core/publicity";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/workbook";
import type { Checkpoint } from "../../../src/core/model";
import { DRAW_T1, DRAW_T2, HEALTH, MEDICARE, RESULTS, draw, result, task } from "./fixture";

const calendar = makeCalendar([]);
const items: Checkpoint[] = [
  {
    itemId: "WJ-01",
    department: HEALTH,
    item: "对医疗机构和医疗行为的监督检查",
    checkpoint: "a",
    basis: "",
    method: "",
    categories: [],
    specialty: "",
    row: 2,
  },
  {
    itemId: "WJ-01",
    department: HEALTH,
    item: "对医疗机构和医疗行为的监督检查",
    checkpoint: "b",
    basis: "",
    method: "",
    categories: [],
    specialty: "",
    row: 3,
  },
  {
    itemId: "YB-01",
    department: MEDICARE,
    item: "医保基金使用情况检查",
    checkpoint: "c",
    basis: "",
    method: "",
    categories: [],
    specialty: "",
    row: 4,
  },
];

test("抽查名单公示 lists the drawn targets, and the draw at its foot", () => {
  const s = listPublicitySheet("抽查名单公示-T1", DRAW_T1, items);
  expect(s.rows[0]).toEqual(["任务编号", "任务名称", "检查对象名称", "统一社会信用代码", "检查机关", "抽查事项"]);
  expect(s.rows[1]).toEqual([
    "T1",
    "2026年医疗机构联合抽查",
    "康宁诊所",
    "U1",
    `${HEALTH}、${MEDICARE}`,
    "对医疗机构和医疗行为的监督检查、医保基金使用情况检查",
  ]);
  expect(s.rows.slice(1, 4).map((r) => r[3])).toEqual(["U1", "U2", "U3"]);
  const foot = Object.fromEntries(s.rows.slice(5).map((r) => [r[0], r[1]]));
  expect(foot).toMatchObject({
    抽取协议: "DRP-1",
    随机种子: "seed-T1",
    抽取日期: "2026-01-06",
    输入摘要: "ab".repeat(32),
  });
});

describe("结果公示", () => {
  const p = buildPublicity({ draw: DRAW_T1, results: RESULTS, calendar, today: "2026-06-02" });
  const s = resultPublicitySheet("结果公示-T1", p, DRAW_T1);

  test("columns, kind of inspection, remarks and statuses in Chinese", () => {
    expect(s.rows[0]).toEqual([
      "任务编号",
      "任务名称",
      "检查类型",
      "检查机关",
      "检查对象名称",
      "统一社会信用代码",
      "检查完成日期",
      "检查结果",
      "备注",
      "公示截止日期",
      "公示状态",
    ]);
    expect(s.rows[3]).toEqual([
      "T1",
      "2026年医疗机构联合抽查",
      "跨部门联合抽查",
      HEALTH,
      "仁和医院",
      "U2",
      "2026-02-10",
      "行政处罚",
      "处罚决定书文号：卫医罚〔2026〕1号；处罚决定日期：2026-02-13",
      "2026-03-02",
      "已公示",
    ]);
    expect(s.rows.slice(1, 7).map((r) => r[10])).toEqual(["已公示", "已逾期", "已公示", "未检查", "待公示", "待公示"]);
    expect(s.rows[2][8]).toBe("问题：病历书写不规范");
  });

  test("only the overdue row is filled", () => {
    const fills = (s.styles ?? []).filter((x) => x.style.fill === OVERDUE_FILL).map((x) => x.range);
    expect(fills).toEqual(["A3:K3"]);
  });

  test("the foot traces the draw and the calendar", () => {
    const foot = Object.fromEntries(s.rows.slice(8).map((r) => [r[0], r[1]]));
    expect(foot).toMatchObject({
      随机种子: "seed-T1",
      输入摘要: "ab".repeat(32),
      状态截至: "2026-06-02",
      工作日历: calendar.version,
    });
  });

  test("one department is 双随机抽查; a 暂定 deadline is marked", () => {
    const t = task({ id: "T9", departments: [HEALTH] });
    const d = draw(t, [["U5", "A"]], { date: "2026-12-01", timestamp: "2026-12-01T09:00:00+08:00" });
    const q = buildPublicity({
      draw: d,
      results: [result(2, { taskId: "T9", uscc: "U5", completed: "2026-12-25", result: "未发现问题" })],
      calendar,
      today: "2026-12-28",
    });
    const sheet = resultPublicitySheet("结果公示-T9", q, d);
    expect(sheet.rows[1][2]).toBe("双随机抽查");
    expect(sheet.rows[1][9]).toBe("2027-01-25（暂定）");
  });
});

test("抽查统计 holds the task and year figures", () => {
  const stats = buildStatistics([DRAW_T1, DRAW_T2], RESULTS, calendar, "2026-06-02");
  const s = statisticsSheet(stats);
  expect(s.name).toBe("抽查统计");
  const t1 = s.rows.find((r) => r[1] === "T1" && r[0] === 2026)!;
  expect(t1.slice(3, 10)).toEqual([100, 50, 5, 3, "6%", "3%", "是"]);
  const twice = s.rows.findIndex((r) => r[0] === "同年重复抽取");
  expect(s.rows[twice + 2]).toEqual([2026, "U1", "康宁诊所", "T1、T2"]);
});

describe("抽查统计 charts", () => {
  const stats = buildStatistics([DRAW_T1, DRAW_T2], RESULTS, calendar, "2026-06-02");
  const s = statisticsSheet(stats);

  /** The cells of an A1 block of the rendered rows. */
  function cells(range: string): (string | number | boolean | null)[][] {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) throw new Error(`not a block: ${range}`);
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const out = [];
    for (let r = Number(m[2]); r <= Number(m[4]); r++) {
      const row = [];
      for (let c = col(m[1]); c <= col(m[3]); c++) row.push(s.rows[r - 1]?.[c] ?? null);
      out.push(row);
    }
    return out;
  }

  test("results by category: a bar chart over categories down and one series per year", () => {
    const chart = s.charts!.find((c) => c.title === RESULTS_CHART_TITLE)!;
    expect(chart.type).toBe("bar");
    expect(cells(chart.range)).toEqual([
      ["检查结果", "2026年"],
      ["未发现问题", 2],
      ["发现问题已责令整改", 2],
      ["行政处罚", 2],
      ["无法联系", 0],
    ]);
    // the block sits under its section title
    const top = Number(/\d+/.exec(chart.range)![0]);
    expect(s.rows[top - 2][0]).toBe("检查结果分类（按年度，每对象每部门一行）");
  });

  test("selection by credit-risk grade: a column chart over the strata summed over the tasks", () => {
    const chart = s.charts!.find((c) => c.title === GRADE_CHART_TITLE)!;
    expect(chart.type).toBe("column");
    // T1 draws A, B, D of A2 B1 C1 D1; T2 draws A and C of the same; T2's one inspected target had no problem
    expect(cells(chart.range)).toEqual([
      ["信用风险等级", "可抽对象数", "抽取对象数", "已检查", "发现问题"],
      ["A", 4, 2, 2, 1],
      ["B", 2, 1, 1, 1],
      ["C", 2, 1, 0, 0],
      ["D", 2, 1, 1, 1],
    ]);
    const top = Number(/\d+/.exec(chart.range)![0]);
    expect(s.rows[top - 1][5]).toBe("抽查比例");
    expect(s.rows[top][5]).toBe("50%");
  });

  test("the charts stand to the right of every table, a column clear, one above the other", () => {
    const widest = Math.max(...s.rows.map((r) => r.length));
    expect(widest).toBe(19);
    expect(s.charts!.map((c) => c.anchor)).toEqual(["U2:AB18", "U21:AB37"]);
  });

  test("no draws: no charts, and the sheet still renders", () => {
    const empty = statisticsSheet(buildStatistics([], [], calendar, "2026-06-02"));
    expect(empty.charts).toEqual([]);
    expect(empty.rows.some((r) => r[0] === "检查结果分类（按年度，每对象每部门一行）")).toBe(true);
  });

  test("the .xlsx adapter writes the sheet and leaves the charts out", async () => {
    const book = XlsxWorkbook.empty();
    await book.write({ create: [s], replace: [], append: [] });
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    const read = await again.readSheet(STATISTICS_SHEET);
    expect(read.rows.length).toBe(s.rows.length);
    const chart = s.charts![0];
    const top = Number(/\d+/.exec(chart.range)![0]);
    expect(read.rows[top].slice(0, 2)).toEqual(["未发现问题", 2]);
  });
});
