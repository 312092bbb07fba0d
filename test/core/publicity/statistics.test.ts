import { makeCalendar } from "../../../src/core/calendar";
import { buildStatistics } from "../../../src/core/publicity";
import { DRAW_T1, DRAW_T2, DRAW_T3_VOID, RESULTS } from "./fixture";

describe("statistics of the valid draws of 2026", () => {
  // The void draw of T3 (which drew U2) must not count anywhere.
  const s = buildStatistics([DRAW_T2, DRAW_T3_VOID, DRAW_T1], RESULTS, makeCalendar([]), "2026-06-02");

  test("per task, in draw order", () => {
    expect(s.tasks.map((t) => t.task)).toEqual(["T1", "T2"]);
    const [t1, t2] = s.tasks;
    expect(t1).toMatchObject({
      year: 2026,
      registrySize: 100,
      inScope: 50,
      eligible: 5,
      selected: 3,
      coverage: 0.06,
      minRatio: 300,
      meetsMinimum: true,
      // U2 waits for its insurance result: not inspected
      inspected: 2,
      problems: 2,
      problemRate: 1,
      published: 0,
      publicityRate: 0,
      rowsInspected: 5,
      rowsPublished: 2,
      overdue: 1,
      followUpDue: 4,
      followUpDone: 1,
      followUpRate: 0.25,
      results: { 未发现问题: 1, 发现问题已责令整改: 2, 行政处罚: 2, 无法联系: 0 },
    });
    expect(t1.strata).toEqual([
      { stratum: "A", eligible: 2, selected: 1, inspected: 1, problems: 1, problemRate: 1 },
      { stratum: "B", eligible: 1, selected: 1, inspected: 0, problems: 0, problemRate: null },
      { stratum: "C", eligible: 1, selected: 0, inspected: 0, problems: 0, problemRate: null },
      { stratum: "D", eligible: 1, selected: 1, inspected: 1, problems: 1, problemRate: 1 },
    ]);
    // 2 of 50 in scope is 4%, below the task's 10%.
    expect(t2).toMatchObject({
      selected: 2,
      coverage: 0.04,
      meetsMinimum: false,
      inspected: 1,
      problems: 0,
      published: 0,
    });
  });

  test("per year: distinct targets, coverage of the registry, targets drawn twice", () => {
    expect(s.years).toHaveLength(1);
    expect(s.years[0]).toMatchObject({
      year: 2026,
      tasks: 2,
      registrySize: 100,
      selected: 4,
      coverage: 0.04,
      inspected: 3,
      problems: 2,
      published: 0,
      publicityRate: 0,
      overdue: 1,
      results: { 未发现问题: 2, 发现问题已责令整改: 2, 行政处罚: 2, 无法联系: 0 },
      drawnTwice: [{ uscc: "U1", name: "康宁诊所", tasks: ["T1", "T2"] }],
    });
  });

  test("issues of every task, each once", () => {
    const codes = s.issues.map((i) => i.code);
    expect(codes).toContain("completed_before_start");
    expect(codes.filter((c) => c === "problem_missing")).toHaveLength(1);
  });
});
