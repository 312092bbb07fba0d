import { drawnThisYear, eligibility } from "../../../src/core/draw/eligibility";
import type { StoredDraw } from "../../../src/core/model";
import { snapshotOf, target, task, uscc } from "./fixture";

describe("eligibility", () => {
  const none = new Set<string>();

  it("counts each target under the first failing reason, in order", () => {
    const t = task({ categories: ["诊所"], cooldownDays: 30 });
    const drawn = new Set([uscc(5), uscc(6)]);
    const ts = [
      target(1, { category: "医院", status: "注销" }), // out_of_scope before inactive
      target(2, { status: "停业", upperSampled: true }), // inactive before upper_sampled
      target(3, { upperSampled: true, lastInspected: "2026-03-30" }), // upper before cooldown
      target(4, { lastInspected: "2026-03-30" }), // cooldown
      target(5, { lastInspected: "2026-03-30" }), // cooldown before drawn
      target(6), // drawn_this_year
      target(7, { lastInspected: "2026-03-02" }), // 30 days: not within
      target(8),
    ];
    const r = eligibility(t, ts, "2026-04-01", drawn);
    expect(r.excluded).toEqual({ out_of_scope: 1, inactive: 1, upper_sampled: 1, cooldown: 2, drawn_this_year: 1 });
    expect(r.eligible.map((x) => x.uscc)).toEqual([uscc(7), uscc(8)]);
    expect(r.inScope).toBe(7);
  });

  it("complaints exempt from upper_sampled, cooldown and drawn_this_year, not from scope or status", () => {
    const t = task({ categories: ["诊所"], cooldownDays: 30 });
    const c = { complaints: 1 };
    const ts = [
      target(1, { ...c, upperSampled: true }),
      target(2, { ...c, lastInspected: "2026-03-31" }),
      target(3, c),
      target(4, { ...c, category: "医院" }),
      target(5, { ...c, status: "停业" }),
    ];
    const r = eligibility(t, ts, "2026-04-01", new Set([uscc(3)]));
    expect(r.eligible).toHaveLength(3);
    expect(r.excluded.out_of_scope).toBe(1);
    expect(r.excluded.inactive).toBe(1);
  });

  it("keeps upper-sampled targets when the task does not exclude them", () => {
    const r = eligibility(task({ excludeUpper: false }), [target(1, { upperSampled: true })], "2026-04-01", none);
    expect(r.eligible).toHaveLength(1);
  });

  it("cooldown counts calendar days across month and year ends, in any time zone", () => {
    const t = task({ cooldownDays: 10 });
    const at = (last: string, d: string) =>
      eligibility(t, [target(1, { lastInspected: last })], d, none).eligible.length;
    expect(at("2025-12-23", "2026-01-01")).toBe(0); // 9 days
    expect(at("2025-12-22", "2026-01-01")).toBe(1); // 10 days
    expect(at("2026-03-01", "2026-03-11")).toBe(1); // across the US DST change (03-08)
    expect(at("2026-03-02", "2026-03-11")).toBe(0);
  });

  it("drawnThisYear takes selected (not reserves) of valid draws this year sharing an item", () => {
    const base = snapshotOf(task(), [], []);
    const mk = (
      status: "有效" | "作废",
      date: string,
      itemIds: string[],
      sel: string[],
      res: string[],
    ): StoredDraw => ({
      record: { status, date } as StoredDraw["record"],
      snapshot: { ...base, task: task({ id: "X", itemIds }) },
      outcome: {
        strata: [],
        selected: sel.map((u, i) => ({ seq: i + 1, uscc: u, stratum: "A", leader: "", teams: [] })),
        reserves: res.map((u, i) => ({ uscc: u, stratum: "A", rank: i + 1 })),
      },
    });
    const set = drawnThisYear(
      [
        mk("有效", "2026-02-01", ["I2", "I9"], [uscc(1)], [uscc(2)]),
        mk("作废", "2026-02-01", ["I1"], [uscc(3)], []),
        mk("有效", "2025-12-31", ["I1"], [uscc(4)], []),
        mk("有效", "2026-03-01", ["I9"], [uscc(5)], []),
      ],
      task(),
      "2026-04-01",
    );
    expect([...set]).toEqual([uscc(1)]);
  });
});
