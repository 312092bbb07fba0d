import { allocate, bandRatio, ratioCount, strata } from "../../../src/core/draw/allocate";
import { target, task } from "./fixture";

describe("allocation", () => {
  it("rounds ratios up in integers and never exceeds n", () => {
    expect(ratioCount(34, 300)).toBe(2); // 3% of 34 = 1.02 → 2
    expect(ratioCount(100, 300)).toBe(3);
    expect(ratioCount(0, 300)).toBe(0);
    expect(ratioCount(7, 10000)).toBe(7);
    expect(ratioCount(7, 20000)).toBe(7);
    expect(ratioCount(1, 1)).toBe(1);
    // 0.1 + 0.2 style float traps: 29 × 700 = 20300 → 3 (2.03 up)
    expect(ratioCount(29, 700)).toBe(3);
    expect(ratioCount(1048575, 300)).toBe(31458);
  });

  it("ratio mode uses the grade's ratio", () => {
    const t = task({ ratios: { A: 300, B: 500, C: 1000, D: 2000 } });
    expect(allocate(t, "A", 34, 100)).toBe(2);
    expect(allocate(t, "D", 10, 100)).toBe(2);
    expect(allocate(t, "C", 0, 100)).toBe(0);
  });

  it("count mode takes min(count, n)", () => {
    const t = task({ mode: "count", ratios: null, counts: { A: 1, B: 2, C: 3, D: 50 } });
    expect(allocate(t, "C", 10, 100)).toBe(3);
    expect(allocate(t, "D", 10, 100)).toBe(10);
    expect(allocate(t, "A", 0, 100)).toBe(0);
  });

  it("bands mode uses the band of the total at its lower bound", () => {
    expect([20, 21, 50, 51, 100, 101, 200, 201, 500, 501].map(bandRatio)).toEqual([
      5000, 3000, 3000, 2000, 2000, 1000, 1000, 500, 500, 300,
    ]);
    const t = task({ mode: "bands", ratios: null });
    expect(allocate(t, "A", 15, 20)).toBe(8); // 50% of 15 = 7.5 → 8
    expect(allocate(t, "B", 34, 600)).toBe(2); // 3%
  });

  it("the 重点 stratum uses priority_ratio in every mode", () => {
    for (const mode of ["ratio", "count", "bands"] as const) {
      const t = task({ mode, priorityRatio: 5000, counts: { A: 0, B: 0, C: 0, D: 0 } });
      expect(allocate(t, "重点", 5, 1000)).toBe(3);
    }
  });

  it("forms 重点 only when the task has a priority ratio", () => {
    const ts = [target(1, { complaints: 1 }), target(2, { violations: true }), target(3)];
    expect(strata(task({ priorityRatio: 1000 }), ts).get("重点")).toHaveLength(2);
    expect(strata(task(), ts).get("重点")).toHaveLength(0);
    expect([...strata(task(), ts).keys()]).toEqual(["重点", "A", "B", "C", "D"]);
  });
});
