// The year view of the fixture's year, every figure worked out by hand.
//
// Deadlines (2026 State Council schedule: 清明 04-06, 劳动节 05-01..05-05 with 05-09 worked,
// 端午 06-19, 中秋 09-25 with 09-20 worked, 国庆 10-01..10-07 with 10-10 worked), counted from
// the day after:
//   03-20 + 20: 03-23..27 (5), 03-30..04-03 (10), 04-07..10 (14), 04-13..17 (19), 04-20 (20) → 04-20
//   03-24 + 20 → 04-22;   04-15 + 7: 04-16, 17, 20..24 → 04-24
//   04-08 + 20: 04-09..10 (2), 13..17 (7), 20..24 (12), 27..30 (16), 05-06..08 (19), 05-09 (20) → 05-09
//   06-02 + 20 → 07-01 (06-19 off);   06-05 + 20 → 07-06
//   07-28 + 20 → 08-25;   08-05 + 7 → 08-14;   07-30 + 20 → 08-27;   08-03 + 20 → 08-31
//   09-10 + 20: 09-11 (1), 14..18 (6), 20 (7, worked), 21..24 (11), 28..30 (14), 10-08..09 (16), 10-10 (17), 10-12..14 (20) → 10-14
import { computeYearView, figureRows, figureTargets, yearJson, type ScopeView } from "../../../src/core/year";
import { H, M, u, yearInput } from "./fixture";

const view = computeYearView(yearInput());
const us = (...ns: number[]) => ns.map(u).sort();
const rows = (f: Parameters<typeof figureRows>[0]) => figureRows(f);
const dept = (d: string): ScopeView => view.departments.find((s) => s.department === d)!;

describe("the total", () => {
  const t = view.total;

  test("targets drawn against the registry, the share and the goal", () => {
    // T0 is 2025's; T1 1 2 3 4, T2 5 10, T3 6 7 1 99, T4 8 9 11 12 → 13 distinct
    expect(view.draws.map((d) => d.taskId)).toEqual(["T1", "T2", "T3", "T4"]);
    expect(t.registry).toBe(40);
    expect(t.drawn.value).toBe(13);
    expect(figureTargets(t.drawn)).toEqual(us(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 99));
    expect(t.drawn.entries.find((e) => e.uscc === u(1))!.sheets).toEqual(["抽取结果-T1-1", "外部抽取-T3"]);
    expect(t.share).toBe(0.325); // 13 / 40
    expect(t.goal).toBe(0.25);
    expect(t.meetsGoal).toBe(true);
    expect(t.toGoal).toBe(0);
    // the year's batches: 4 + ceil(32 × 15%) = 5 + 3 + 6 + 5; 2025's row is not counted
    expect(t.planned).toBe(23);
  });

  test("by grade: the registry's grade now, a target's grade as drawn", () => {
    // drawn: 4 A, 8 A | 1 B, 5 B, 9 B, 12 B (drawn as B) | 2 C, 10 C, 6 C | 3 D, 7 D, 11 D | 99 unknown
    expect(
      Object.fromEntries(Object.entries(t.byGrade).map(([g, l]) => [g, [l.registry, l.drawn.value, l.share]])),
    ).toEqual({
      A: [10, 2, 0.2],
      B: [10, 4, 0.4],
      C: [10, 3, 0.3],
      D: [10, 3, 0.3],
    });
    expect(figureTargets(t.byGrade.B.drawn)).toEqual(us(1, 5, 9, 12));
    expect(figureTargets(t.ungraded)).toEqual([u(99)]);
  });

  test("share drawn by grade: the platform's list was not stratified", () => {
    // 户次: T1 4 + T2 2 + T3 4 + T4 4 = 14; T3's 4 not by grade
    expect(t.inspections.value).toBe(14);
    expect(t.graded.value).toBe(10);
    expect(figureTargets(t.notGraded)).toEqual(us(1, 6, 7, 99));
    expect(t.gradedShare).toBe(0.7143); // 10 / 14
  });

  test("items never covered and targets drawn twice for the same item", () => {
    expect(t.items.map((i) => [i.itemId, i.sheets])).toEqual([
      ["WJ-01", ["抽取结果-T1-1", "抽取结果-T4-1"]],
      ["WJ-02", []],
      ["WJ-03", ["抽取结果-T2-1"]],
      ["YB-01", ["抽取结果-T1-1", "外部抽取-T3"]],
    ]);
    expect(t.uncoveredItems.map((i) => i.itemId)).toEqual(["WJ-02"]);
    expect(t.repeated).toEqual([
      { uscc: u(1), name: "对象1", itemId: "YB-01", sheets: ["抽取结果-T1-1", "外部抽取-T3"] },
    ]);
  });

  test("inspected, problems, results by category", () => {
    // inspected 户次: T1 1 2 3, T2 5 10, T3 6 7 1, T4 8 9 = 10; not: T1 4, T3 99, T4 11, T4 12
    expect(t.inspected.value).toBe(10);
    expect(rows(t.inspected)).toEqual([2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17]);
    expect(t.notInspected.value).toBe(4);
    expect(figureTargets(t.notInspected)).toEqual(us(4, 99, 11, 12));
    // problems: T1 2 (r4), T1 3 (r6), T2 5 (r10), T3 6 (r12), T3 7 (r13), T4 8 (r16)
    expect(t.problems.value).toBe(6);
    expect(rows(t.problems)).toEqual([4, 6, 10, 12, 13, 16]);
    expect(t.problemRate).toBe(0.6);
    expect(Object.fromEntries(Object.entries(t.results).map(([c, f]) => [c, rows(f)]))).toEqual({
      未发现问题: [2, 3, 5, 7, 14, 17],
      发现问题已责令整改: [4, 10, 16],
      行政处罚: [6, 12, 13],
      无法联系: [11],
    });
  });

  test("publicity: 公示率 by 户次, on time by row", () => {
    // 户次 with every inspected row published: T1 1 (r2, r3 late), T1 2, T2 5, T2 10, T3 7, T3 1, T4 9
    expect(t.published.value).toBe(7);
    expect(t.publicityRate).toBe(0.7);
    expect(rows(t.publishing.onTime)).toEqual([2, 4, 5, 6, 10, 11, 13, 14, 17]);
    expect(rows(t.publishing.late)).toEqual([3]); // 04-21 after 04-20
    expect(rows(t.publishing.overdue)).toEqual([7, 12]); // by 05-09, by 08-14
    expect(rows(t.publishing.pending)).toEqual([16]); // by 10-14
    expect(t.publishing.onTimeRate).toBe(0.75); // 9 / (9 + 1 + 2)
  });

  test("penalties within 7 working days, and the one without a decision date", () => {
    expect(rows(t.penalties.all)).toEqual([6, 12, 13]);
    expect(rows(t.penalties.onTime)).toEqual([6]); // 04-20 ≤ 04-24
    expect(rows(t.penalties.overdue)).toEqual([12]); // 08-14 passed
    expect(rows(t.penalties.late)).toEqual([]);
    expect(rows(t.penalties.noDate)).toEqual([13]);
    expect(t.penalties.onTimeRate).toBe(0.5);
  });

  test("follow-up within 20 working days", () => {
    expect(rows(t.followUp.due)).toEqual([4, 6, 10, 12, 13, 16]);
    expect(rows(t.followUp.done)).toEqual([4, 6, 13]);
    expect(rows(t.followUp.overdue)).toEqual([10, 12]); // by 07-01, by 08-25
    expect(rows(t.followUp.pending)).toEqual([16]); // by 10-14
    expect(t.followUp.doneRate).toBe(0.6); // 3 / (3 + 2)
  });
});

describe("per department", () => {
  test("departments in the item list's order", () => {
    expect(view.departments.map((s) => s.department)).toEqual([H, M]);
  });

  test("区卫生健康局: every category in scope, only its own rows", () => {
    const s = dept(H);
    expect(s.registry).toBe(40);
    expect(figureTargets(s.drawn)).toEqual(us(1, 2, 3, 4, 5, 10, 8, 9, 11, 12));
    expect(s.share).toBe(0.25);
    expect(s.meetsGoal).toBe(true); // exactly 25%
    expect(s.planned).toBe(13); // 4 + 3 + 6
    expect([
      s.byGrade.A.drawn.value,
      s.byGrade.B.drawn.value,
      s.byGrade.C.drawn.value,
      s.byGrade.D.drawn.value,
    ]).toEqual([2, 4, 2, 2]);
    expect(s.inspections.value).toBe(10);
    expect(s.gradedShare).toBe(1);
    expect(s.uncoveredItems.map((i) => i.itemId)).toEqual(["WJ-02"]);
    expect(s.repeated).toEqual([]);
    expect(s.inspected.value).toBe(7);
    expect(rows(s.inspected)).toEqual([2, 4, 6, 10, 11, 16, 17]);
    expect(s.problems.value).toBe(4);
    expect(s.problemRate).toBe(0.5714);
    expect(s.published.value).toBe(6);
    expect(s.publicityRate).toBe(0.8571);
    expect(rows(s.publishing.onTime)).toEqual([2, 4, 6, 10, 11, 17]);
    expect(s.publishing.onTimeRate).toBe(1);
    expect(rows(s.followUp.overdue)).toEqual([10]);
    expect(s.followUp.doneRate).toBe(0.6667);
  });

  test("区医疗保障局: its items apply to 诊所 only, and it misses the goal", () => {
    const s = dept(M);
    expect(s.registry).toBe(32);
    expect(figureTargets(s.drawn)).toEqual(us(1, 2, 3, 4, 6, 7, 99));
    expect(s.share).toBe(0.2188); // 7 / 32 = 0.21875
    expect(s.meetsGoal).toBe(false);
    expect(s.toGoal).toBe(1); // ceil(32 × 25%) = 8
    expect(s.planned).toBe(10); // 5 + 5
    expect(Object.values(s.byGrade).map((l) => [l.registry, l.drawn.value])).toEqual([
      [8, 1],
      [8, 1],
      [8, 2],
      [8, 2],
    ]);
    expect(s.ungraded.value).toBe(1);
    expect(s.gradedShare).toBe(0.5); // T1's 4 of 8
    expect(s.uncoveredItems).toEqual([]);
    expect(s.repeated.map((r) => [r.uscc, r.itemId])).toEqual([[u(1), "YB-01"]]);
    expect(s.inspected.value).toBe(6);
    expect(s.problems.value).toBe(2);
    expect(s.problemRate).toBe(0.3333);
    expect(s.published.value).toBe(4);
    expect(s.publicityRate).toBe(0.6667);
    expect(rows(s.publishing.onTime)).toEqual([5, 13, 14]);
    expect(rows(s.publishing.late)).toEqual([3]);
    expect(rows(s.publishing.overdue)).toEqual([7, 12]);
    expect(s.publishing.onTimeRate).toBe(0.5);
    expect(rows(s.penalties.overdue)).toEqual([12]);
    expect(s.penalties.onTimeRate).toBe(0);
    expect(s.followUp.doneRate).toBe(0.5);
  });
});

describe("the plan", () => {
  test("each batch's state, planned and drawn counts", () => {
    expect(view.plan.map((b) => [b.batch.row, b.state, b.planned, b.drawn.value])).toEqual([
      [2, "done", 4, 4],
      [3, "short", 5, 4], // ceil(32 × 15%); T3's 6 7 1 99
      [4, "overdue", 3, 0],
      [5, "late", 6, 0],
      [6, "not_started", 5, 0],
    ]);
    expect(view.plan.find((b) => b.batch.row === 5)!.candidates.map((d) => d.taskId)).toEqual(["T4"]);
  });

  test("the warnings: late and overdue batches, a batch short, a draw not by grade, a repeat, a stray row", () => {
    const found = view.issues.map((i) => [i.code, i.sheet, i.row]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["year_batch_short", "年度抽查计划", 3],
        ["year_batch_overdue", "年度抽查计划", 4],
        ["year_batch_late", "年度抽查计划", 5],
        ["year_draw_not_by_grade", "外部抽取-T3", null],
        ["year_repeated", "外部抽取-T3", null],
        ["year_results_unmatched", "检查结果", 19],
      ]),
    );
    expect(found).toHaveLength(6);
    expect(view.issues.every((i) => i.severity === "warning")).toBe(true);
    const late = view.issues.find((i) => i.code === "year_batch_late")!;
    expect(late.message).toContain("第4批");
    expect(late.message).toContain("任务「T4」（2026-09-01）");
    expect(late.column).toBe("任务编号");
    const short = view.issues.find((i) => i.code === "year_batch_short")!;
    expect(short.message).toContain("计划抽查 5 户");
    expect(short.message).toContain("尚差 1 户");
  });

  test("the plan's cell addresses when the caller gives the columns", () => {
    const v = computeYearView({ ...yearInput(), planColumns: { taskIds: { header: "任务编号", index: 9 } } });
    expect(v.issues.find((i) => i.code === "year_batch_late")!.cell).toBe("J5");
  });
});

describe("options", () => {
  test("a half-year period counts the draws dated by 06-30 only", () => {
    const half = computeYearView(yearInput({ period: { from: "2026-01-01", to: "2026-06-30" } }));
    expect(half.draws.map((d) => d.taskId)).toEqual(["T1", "T2"]);
    expect(half.total.drawn.value).toBe(6);
    expect(half.total.repeated).toEqual([]);
    expect(half.total.gradedShare).toBe(1);
  });

  test("the default goal is 3%", () => {
    const v = computeYearView(yearInput({ share: undefined }));
    expect(v.share).toBe(300);
    expect(v.total.goal).toBe(0.03);
  });

  test("messages in English", () => {
    const v = computeYearView(yearInput({ lang: "en" }));
    expect(v.issues.find((i) => i.code === "year_batch_overdue")!.message).toMatch(/^Planned batch "第3批"/);
  });
});

test("year --json: the fields of cli.md, and what each figure counts", () => {
  const j = yearJson(view);
  expect(j).toMatchObject({
    year: 2026,
    registry: 40,
    drawn: 13,
    share: 0.325,
    goal: 0.25,
    byGrade: { A: { registry: 10, drawn: 2 }, B: { registry: 10, drawn: 4 } },
    uncoveredItems: ["WJ-02"],
    repeated: [{ uscc: u(1), item: "YB-01" }],
    inspected: 10,
    published: 7,
    publicityRate: 0.7,
  });
  expect(j.figures.followUpOverdue).toEqual({ targets: us(5, 6), rows: [10, 12] });
  expect(j.departments.map((d) => [d.department, d.drawn, d.meetsGoal])).toEqual([
    [H, 10, true],
    [M, 7, false],
  ]);
  expect(j.plan.filter((b) => b.late).map((b) => b.row)).toEqual([4, 5]);
  expect(j.warnings).toHaveLength(6);
  // one JSON document: it survives a round trip unchanged
  expect(JSON.parse(JSON.stringify(j))).toEqual(j);
});
