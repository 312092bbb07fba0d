import { makeCalendar } from "../../../src/core/calendar";
import { buildPublicity, DEFAULT_RESULT_COLUMNS, rowDeadlines } from "../../../src/core/publicity";
import { DRAW_T1, DRAW_T2, HEALTH, MEDICARE, RESULTS, result, T1, task, draw } from "./fixture";

const calendar = makeCalendar([]);
const build = (today: string) =>
  buildPublicity({ task: T1, draw: DRAW_T1, results: RESULTS, calendar, today, columns: DEFAULT_RESULT_COLUMNS });

describe("publicity of a task", () => {
  const p = build("2026-06-02");
  const pick = (uscc: string, department: string) =>
    p.rows.find((r) => r.uscc === uscc && r.department === department)!;

  test("one row per drawn target and department, in draw order", () => {
    expect(p.rows.map((r) => `${r.uscc}/${r.department}`)).toEqual([
      `U1/${HEALTH}`,
      `U1/${MEDICARE}`,
      `U2/${HEALTH}`,
      `U2/${MEDICARE}`,
      `U3/${HEALTH}`,
      `U3/${MEDICARE}`,
    ]);
    expect(pick("U1", HEALTH).name).toBe("康宁诊所");
  });

  test("deadlines: 20 working days after completion across 劳动节, 7 after a penalty before 春节", () => {
    expect(pick("U1", HEALTH)).toMatchObject({ publishBy: "2026-06-01", status: "published", publishedLate: false });
    expect(pick("U1", MEDICARE)).toMatchObject({
      publishBy: "2026-06-01",
      status: "overdue",
      followUpBy: "2026-06-01",
      followUpStatus: "overdue",
    });
    // Penalty decided Friday 2026-02-13: 02-14 (make-up Saturday), 02-24…02-28, 03-02.
    expect(pick("U2", HEALTH)).toMatchObject({
      publishBy: "2026-03-02",
      status: "published",
      publishedLate: true,
      followUpBy: "2026-03-16",
      followUpStatus: "done",
    });
    expect(pick("U2", MEDICARE)).toMatchObject({
      publishBy: null,
      status: "not_inspected",
      followUpStatus: "not_applicable",
    });
    // No penalty date yet (an error): the 20-day rule from the completion date stands in.
    expect(pick("U3", HEALTH)).toMatchObject({ publishBy: "2026-06-02", status: "pending", followUpStatus: "pending" });
    expect(pick("U3", HEALTH).calendarVersion).toBe("chinese-days@1.5.7+节假日:0");
    expect(pick("U3", HEALTH).provisional).toBe(false);
  });

  test("status depends on today: the deadline day itself is still pending", () => {
    const row = (today: string) => build(today).rows[1];
    expect(row("2026-05-29").status).toBe("pending");
    expect(row("2026-06-01").status).toBe("pending");
    expect(row("2026-06-02").status).toBe("overdue");
    expect(build("2026-06-03").rows[4].status).toBe("overdue");
  });

  test("figures count a target once, as inspected when every department has its result", () => {
    // U1 and U3: both departments done; U2: insurance not yet, so not inspected (nor its problem)
    expect(p.stats).toMatchObject({
      selected: 3,
      inspected: 2,
      problems: 2,
      // U1's insurance row and U3's rows are unpublished
      published: 0,
      problemRate: 1,
      publicityRate: 0,
      rowsInspected: 5,
      rowsProblems: 4,
      followUpRate: 0.25,
      minRatio: 300,
      meetsMinimum: true,
      coverage: 0.06,
      registryCoverage: 0.03,
      rows: 6,
      rowsPublished: 2,
      rowsPending: 2,
      rowsOverdue: 1,
      rowsNotInspected: 1,
      rowsPublishedLate: 1,
      followUpDue: 4,
      followUpDone: 1,
      followUpOverdue: 1,
    });
  });

  test("0 of 0 is no rate: nothing inspected gives null rates, not 100%", () => {
    const q = buildPublicity({ draw: DRAW_T1, results: [], calendar, today: "2026-06-02" });
    expect(q.stats).toMatchObject({ inspected: 0, problemRate: null, publicityRate: null, followUpRate: null });
  });

  test("a draw pair without a 检查结果 row is not inspected, with a warning", () => {
    const q = buildPublicity({ draw: DRAW_T2, results: RESULTS, calendar, today: "2026-06-02" });
    expect(q.rows.map((r) => [r.uscc, r.status, r.publishBy])).toEqual([
      ["U1", "pending", "2026-06-29"], // 20 working days after Sat 05-30, 端午 06-19 off
      ["U4", "not_inspected", null],
    ]);
    expect(q.issues.map((i) => i.code)).toEqual(["completed_before_start", "result_row_missing"]);
  });
});

describe("a deadline in a year the calendar lacks", () => {
  const late = task({ id: "T9", departments: [HEALTH] });
  const d = draw(late, [["U5", "A"]], { date: "2026-12-01", timestamp: "2026-12-01T09:00:00+08:00" });
  const rows = [
    result(2, { taskId: "T9", uscc: "U5", completed: "2026-12-25", result: "发现问题已责令整改", problem: "x" }),
  ];

  test("is 暂定 and the warning names 2027", () => {
    const p = buildPublicity({ draw: d, results: rows, calendar, today: "2027-01-04" });
    expect(p.rows[0]).toMatchObject({ publishBy: "2027-01-25", provisional: true, followUpProvisional: true });
    const w = p.issues.filter((i) => i.code === "calendar_year_provisional");
    expect(w).toHaveLength(1);
    expect(w[0].params).toEqual({ year: 2027 });
    expect(w[0].message).toContain("2027");
  });

  test("is final once the 节假日 sheet has a 2027 row, and the override counts", () => {
    const cal = makeCalendar([{ date: "2027-01-04", kind: "休息日", row: 2 }]);
    const p = buildPublicity({ draw: d, results: rows, calendar: cal, today: "2027-01-04" });
    expect(p.rows[0]).toMatchObject({ publishBy: "2027-01-26", provisional: false });
    expect(p.issues.filter((i) => i.code === "calendar_year_provisional")).toEqual([]);
  });
});

test("rowDeadlines: a 行政处罚 row uses the penalty date across 国庆", () => {
  const r = result(2, { completed: "2026-09-28", result: "行政处罚", penaltyNo: "1", penaltyDate: "2026-09-30" });
  const d = rowDeadlines(r, calendar, "2026-10-16");
  expect(d).toMatchObject({
    publishBy: "2026-10-15",
    status: "overdue",
    followUpBy: "2026-10-30",
    followUpStatus: "pending",
  });
});
