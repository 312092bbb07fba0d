import { buildPublicity, DEFAULT_RESULT_COLUMNS, validateResults } from "../../../src/core/publicity";
import { makeCalendar } from "../../../src/core/calendar";
import { DRAW_T1, RESULTS, T1, result } from "./fixture";

describe("bad 检查结果 rows are reported at their cells", () => {
  const { issues, accepted } = validateResults(RESULTS, { task: T1, draw: DRAW_T1, columns: DEFAULT_RESULT_COLUMNS });
  const brief = issues.map((i) => [i.code, i.cell, i.severity]);

  test("each rule at its cell", () => {
    expect(brief).toEqual([
      ["penalty_fields_missing", "I6", "error"],
      ["penalty_fields_missing", "J6", "error"],
      ["problem_missing", "G7", "error"],
      ["result_not_in_draw", "B8", "error"], // U9 was not drawn
      ["result_not_in_draw", "D9", "error"], // U1 was, but not for 市场监管局
      ["result_duplicate", "B11", "warning"],
    ]);
    expect(issues[0].column).toBe("处罚决定书文号");
    expect(issues[0].sheet).toBe("检查结果");
    expect(issues[1].message).toContain("处罚决定日期");
  });

  test("rows of other tasks, outside the draw or duplicated are not published", () => {
    expect(accepted.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  test("the cell follows the columns as located on the sheet", () => {
    const columns = { ...DEFAULT_RESULT_COLUMNS, problem: { header: "问题", index: 25 } };
    const r = validateResults(RESULTS, { task: T1, draw: DRAW_T1, columns });
    expect(r.issues.find((i) => i.code === "problem_missing")).toMatchObject({ cell: "Z7", column: "问题" });
  });

  test("dates: before the task's start, after today, penalty before completion; result without date", () => {
    const rows = [
      result(2, { completed: "2026-01-02", result: "未发现问题" }),
      result(3, {
        department: "区医疗保障局",
        completed: "2026-07-01",
        result: "行政处罚",
        penaltyNo: "1",
        penaltyDate: "2026-06-30",
      }),
      result(4, { uscc: "U2", result: "无法联系" }),
      result(5, { uscc: "U2", department: "区医疗保障局", completed: "2026-03-02" }),
      result(6, { uscc: "U3", result: "不合格" as never, completed: "2026-03-02" }),
    ];
    const r = validateResults(rows, { task: T1, draw: DRAW_T1, columns: DEFAULT_RESULT_COLUMNS, today: "2026-06-30" });
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["completed_before_start", "E2"],
      ["completed_in_future", "E3"],
      ["penalty_before_completed", "J3"],
      ["completed_missing", "E4"],
      ["result_missing", "F5"],
      ["result_category", "F6"],
    ]);
  });

  test("buildPublicity returns the same issues in English on request", () => {
    const p = buildPublicity({
      draw: DRAW_T1,
      results: RESULTS,
      calendar: makeCalendar([]),
      today: "2026-06-02",
      lang: "en",
    });
    expect(p.issues.find((i) => i.code === "problem_missing")?.message).toMatch(/problem description is empty/);
    expect(p.issues.find((i) => i.code === "problem_missing")?.cell).toBe(""); // no columns given
    expect(p.issues.find((i) => i.code === "problem_missing")?.row).toBe(7);
  });
});
