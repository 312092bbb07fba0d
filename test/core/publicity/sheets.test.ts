import { makeCalendar } from "../../../src/core/calendar";
import {
  buildPublicity,
  buildStatistics,
  COUNTING_RULE,
  GRADE_CHART_TITLE,
  listPublicitySheet,
  NO_RATE,
  OVERDUE_FILL,
  PERCENT_FORMAT,
  publicitySheets,
  publicityTrackerSheet,
  RESULTS_CHART_TITLE,
  resultPublicitySheet,
  STATISTICS_SHEET,
  statisticsSheet,
} from "../../../src/core/publicity";
import type { SheetSpec } from "../../../src/core/sheet";
import { cellsOf } from "../checklist/ranges";
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

const UNITS = [
  { department: HEALTH, authority: "石家庄市新华区卫生健康局", contact: "", phone: "", address: "", head: "", row: 2 },
  {
    department: MEDICARE,
    authority: "石家庄市新华区医疗保障局",
    contact: "",
    phone: "",
    address: "",
    head: "",
    row: 3,
  },
];
const CHAIN = "9f".repeat(32);
const options = { units: UNITS, date: "2026-06-05", chainHead: CHAIN };

/** The row of the table whose first cell is `seq`, and the header row (the frozen one). */
const header = (s: SheetSpec) => s.rows[s.frozenRows! - 1];
const body = (s: SheetSpec) => {
  const out: (string | number | boolean | null)[][] = [];
  for (let r = s.frozenRows!; r < s.rows.length && typeof s.rows[r][0] === "number"; r++) out.push(s.rows[r]);
  return out;
};
/** label → value of the verification foot */
const foot = (s: SheetSpec) =>
  Object.fromEntries(s.rows.filter((r) => typeof r[0] === "string").map((r) => [r[0], r[2]]));

describe("抽查名单公示", () => {
  const s = listPublicitySheet("抽查名单公示-T1", DRAW_T1, items, options);

  test("a title naming the task, the issuing authority (the lead's unit) and the 公示日期", () => {
    expect(s.rows[0][0]).toBe("2026年医疗机构联合抽查 抽查名单公示");
    expect(s.rows[1][0]).toBe("发布机关：石家庄市新华区卫生健康局\u3000\u3000公示日期：2026-06-05");
    // without 单位信息 the department's own name; without a date the draw's
    const bare = listPublicitySheet("x", DRAW_T1, items);
    expect(bare.rows[1][0]).toBe(`发布机关：${HEALTH}\u3000\u3000公示日期：2026-01-06`);
  });

  test("one row per drawn target: name, code, the authorities that inspect it, the kind and the items", () => {
    expect(header(s)).toEqual(["序号", "检查对象名称", "统一社会信用代码", "检查实施机关", "检查类型", "抽查事项"]);
    expect(body(s)).toEqual([
      [
        1,
        "康宁诊所",
        "U1",
        "石家庄市新华区卫生健康局、石家庄市新华区医疗保障局",
        "跨部门联合抽查",
        "对医疗机构和医疗行为的监督检查、医保基金使用情况检查",
      ],
      [
        2,
        "仁和医院",
        "U2",
        "石家庄市新华区卫生健康局、石家庄市新华区医疗保障局",
        "跨部门联合抽查",
        "对医疗机构和医疗行为的监督检查、医保基金使用情况检查",
      ],
      [
        3,
        "美丽医疗美容门诊部",
        "U3",
        "石家庄市新华区卫生健康局、石家庄市新华区医疗保障局",
        "跨部门联合抽查",
        "对医疗机构和医疗行为的监督检查、医保基金使用情况检查",
      ],
    ]);
    // the header is frozen and printed atop every page
    expect(s.page).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: `${s.frozenRows}:${s.frozenRows}`,
    });
  });

  test("the foot lets anyone verify the draw: protocol, seed, digest and chain head", () => {
    expect(foot(s)).toMatchObject({
      抽取协议: "DRP-1",
      随机种子: "seed-T1",
      "输入摘要（SHA-256）": "ab".repeat(32),
      日志链头: CHAIN,
      抽取结果表: "抽取结果-T1-1",
    });
  });
});

describe("抽查结果公示", () => {
  const p = buildPublicity({ draw: DRAW_T1, results: RESULTS, calendar, today: "2026-06-02" });
  const s = resultPublicitySheet("结果公示-T1", p, DRAW_T1, options);

  test("the columns of the national credit publicity system, and nothing internal", () => {
    expect(header(s)).toEqual([
      "序号",
      "检查对象名称",
      "统一社会信用代码",
      "检查实施机关",
      "检查类型",
      "检查日期",
      "检查结果",
      "处罚决定书文号",
      "备注",
    ]);
    const text = s.rows.flat().join("|");
    for (const internal of ["公示截止日期", "公示状态", "未检查", "待公示", "已逾期"])
      expect(text).not.toContain(internal);
    expect((s.styles ?? []).some((x) => x.style.fill === OVERDUE_FILL)).toBe(false);
  });

  test("only inspected rows, each with its department's authority; the decision number for 行政处罚", () => {
    expect(body(s)).toEqual([
      [1, "康宁诊所", "U1", "石家庄市新华区卫生健康局", "跨部门联合抽查", "2026-04-30", "未发现问题", "", ""],
      [
        2,
        "康宁诊所",
        "U1",
        "石家庄市新华区医疗保障局",
        "跨部门联合抽查",
        "2026-04-30",
        "发现问题已责令整改",
        "",
        "问题：病历书写不规范",
      ],
      [
        3,
        "仁和医院",
        "U2",
        "石家庄市新华区卫生健康局",
        "跨部门联合抽查",
        "2026-02-10",
        "行政处罚",
        "卫医罚〔2026〕1号",
        "处罚决定日期：2026-02-13",
      ],
      [4, "美丽医疗美容门诊部", "U3", "石家庄市新华区卫生健康局", "跨部门联合抽查", "2026-05-06", "行政处罚", "", ""],
      [
        5,
        "美丽医疗美容门诊部",
        "U3",
        "石家庄市新华区医疗保障局",
        "跨部门联合抽查",
        "2026-05-06",
        "发现问题已责令整改",
        "",
        "",
      ],
    ]);
    expect(s.rows[0][0]).toBe("2026年医疗机构联合抽查 抽查结果公示");
    expect(s.rows[1][0]).toContain("公示日期：2026-06-05");
    expect(foot(s)).toMatchObject({ 随机种子: "seed-T1", "输入摘要（SHA-256）": "ab".repeat(32), 日志链头: CHAIN });
  });

  test("备注 wraps in its own cell, as tall as its text, never a row over 409 points", () => {
    const long = RESULTS.map((r) => (r.row === 3 ? { ...r, problem: "病历书写不规范，".repeat(400) } : r));
    const q = buildPublicity({ draw: DRAW_T1, results: long, calendar, today: "2026-06-02" });
    const t = resultPublicitySheet("结果公示-T1", q, DRAW_T1, options);
    const remarks = (t.styles ?? []).filter((x) => x.style.wrap);
    expect(remarks.length).toBeGreaterThan(0);
    expect(Math.max(...(t.rowHeights as number[]))).toBeLessThanOrEqual(409);
    const at = t.rows.findIndex((r) => r[0] === 2);
    let text = "";
    for (let r = at; r < t.rows.length && (r === at || t.rows[r][0] === null); r++) text += t.rows[r][8] ?? "";
    expect(text).toBe(`问题：${"病历书写不规范，".repeat(400)}`);
    expect(t.rowHeights![at]).toBeGreaterThan(100);
  });
});

describe("公示进度, the internal tracker", () => {
  const p = buildPublicity({ draw: DRAW_T1, results: RESULTS, calendar, today: "2026-06-02" });
  const s = publicityTrackerSheet("公示进度-T1", p, DRAW_T1);

  test("every row of the draw with its deadline and status; overdue rows filled", () => {
    expect(header(s).slice(0, 8)).toEqual([
      "序号",
      "检查对象名称",
      "统一社会信用代码",
      "部门",
      "检查完成日期",
      "检查结果",
      "公示截止日期",
      "公示状态",
    ]);
    expect(body(s).map((r) => r[7])).toEqual(["已公示", "已逾期", "已公示", "未检查", "待公示", "待公示"]);
    expect(body(s)[2].slice(4, 9)).toEqual(["2026-02-10", "行政处罚", "2026-03-02", "已公示", "2026-03-03"]);
    const overdue = (s.styles ?? []).filter((x) => x.style.fill === OVERDUE_FILL).map((x) => x.range);
    const row = s.frozenRows! + 2;
    expect(overdue).toEqual([`A${row}:L${row}`]);
    expect(s.rows[1][0]).toContain("不对外公示");
    expect(s.rows[1][0]).toContain(calendar.version);
  });

  test("a 暂定 deadline is marked", () => {
    const t = task({ id: "T9", departments: [HEALTH] });
    const d = draw(t, [["U5", "A"]], { date: "2026-12-01", timestamp: "2026-12-01T09:00:00+08:00" });
    const q = buildPublicity({
      draw: d,
      results: [result(2, { taskId: "T9", uscc: "U5", completed: "2026-12-25", result: "未发现问题" })],
      calendar,
      today: "2026-12-28",
    });
    const sheet = publicityTrackerSheet("公示进度-T9", q, d);
    expect(body(sheet)[0][6]).toBe("2027-01-25（暂定）");
    expect(resultPublicitySheet("结果公示-T9", q, d).rows.flat()).toContain("双随机抽查");
  });
});

test("抽查统计: counts as numbers, rates as numbers in a percent format, — for 0 of 0, the rule stated", () => {
  const stats = buildStatistics([DRAW_T1, DRAW_T2], RESULTS, calendar, "2026-06-02");
  const s = statisticsSheet(stats);
  expect(s.name).toBe("抽查统计");
  expect(s.rows[1][0]).toBe(COUNTING_RULE);
  const t1 = s.rows.find((r) => r[1] === "T1" && r[0] === 2026)!;
  // 名录库, 范围内, 可抽, 抽取, 抽查比例, 最低比例, 达标, 已检查, 发现问题, 问题发现率, 已公示, 公示率
  expect(t1.slice(3, 15)).toEqual([100, 50, 5, 3, 0.06, 0.03, "是", 2, 2, 1, 0, 0]);
  const row = s.rows.indexOf(t1) + 1;
  const percent = new Set(
    (s.styles ?? []).filter((x) => x.style.numberFormat === PERCENT_FORMAT).flatMap((x) => cellsOf(x.range)),
  );
  for (const col of ["H", "I", "M", "O", "S"]) expect(percent.has(`${col}${row}`)).toBe(true);
  expect(percent.has(`G${row}`)).toBe(false);
  // T2's one stratum C target is not inspected: its problem rate is no rate
  const c = s.rows.find((r) => r[0] === "T2" && r[1] === "C")!;
  expect(c.slice(2, 7)).toEqual([1, 1, 0, 0, NO_RATE]);
  const twice = s.rows.findIndex((r) => r[0] === "同年重复抽取");
  expect(s.rows[twice + 2].slice(0, 4)).toEqual([2026, "U1", "康宁诊所", "T1、T2"]);
  // the headers wrap in their cells: no label is cut
  expect((s.styles ?? []).filter((x) => x.style.wrap).length).toBeGreaterThan(0);
});

test("publicitySheets: the posted tables, the statistics and the tracker, in that order", () => {
  const p = buildPublicity({ draw: DRAW_T1, results: RESULTS, calendar, today: "2026-06-02" });
  const stats = buildStatistics([DRAW_T1], RESULTS, calendar, "2026-06-02");
  const names = { list: "L", results: "R", tracker: "T", statistics: "S" };
  const sheets = publicitySheets({ publicity: p, draw: DRAW_T1, statistics: stats, items, names, options });
  expect(sheets.map((x) => x.name)).toEqual(["L", "R", "S", "T"]);
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
    expect(s.rows[top - 2][0]).toBe("检查结果分类（按年度，每户每部门一条）");
  });

  test("selection by credit-risk grade: a column chart over the strata summed over the tasks", () => {
    const chart = s.charts!.find((c) => c.title === GRADE_CHART_TITLE)!;
    expect(chart.type).toBe("column");
    // T1 draws A, B, D of A2 B1 C1 D1; T2 draws A and C of the same; T2's one inspected target had no problem
    expect(cells(chart.range)).toEqual([
      ["信用风险等级", "可抽对象数", "抽取对象数", "已检查", "发现问题"],
      ["A", 4, 2, 2, 1],
      ["B", 2, 1, 0, 0],
      ["C", 2, 1, 0, 0],
      ["D", 2, 1, 1, 1],
    ]);
    const top = Number(/\d+/.exec(chart.range)![0]);
    expect(s.rows[top - 1][5]).toBe("抽查比例");
    expect(s.rows[top][5]).toBe(0.5);
  });

  test("the charts stand to the right of every table, a column clear, one above the other", () => {
    const widest = Math.max(...s.rows.map((r) => r.length));
    expect(widest).toBe(19);
    expect(s.charts!.map((c) => c.anchor)).toEqual(["U2:AB18", "U21:AB37"]);
  });

  test("no draws: no charts, and the sheet still renders", () => {
    const empty = statisticsSheet(buildStatistics([], [], calendar, "2026-06-02"));
    expect(empty.charts).toEqual([]);
    expect(empty.rows.some((r) => r[0] === "检查结果分类（按年度，每户每部门一条）")).toBe(true);
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
