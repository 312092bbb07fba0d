import { draw, type DrawResult } from "../../../src/core/draw/draw";
import { assignTeams, assignTeamsNaive } from "../../../src/core/draw/teams";
import type { DrawOutcome, Inspector, Target } from "../../../src/core/model";
import { example, HEALTH, INSURANCE, inspector, shuffled, snapshotOf, target, task, uscc } from "./fixture";

/** One line per selected target and reserve, for compact golden vectors. */
function summary(outcome: DrawOutcome): string[] {
  return [
    ...outcome.selected.map(
      (s) => `${s.seq} ${s.stratum} ${s.uscc} ${s.leader} ${s.teams.map((t) => t.inspectors.join(",")).join("|")}`,
    ),
    ...outcome.reserves.map((r) => `R ${r.stratum}${r.rank} ${r.uscc}`),
  ];
}

function ok(r: DrawResult): DrawOutcome {
  if (!r.ok) throw new Error(r.issue.message);
  return r.outcome;
}

describe("draw: golden vectors of the worked example", () => {
  const { snapshot, seed } = example();
  it.each([
    [
      seed,
      [
        "1 重点 911301000000000048 WS002 WS002,WS003|YB002,YB001",
        "2 A 911301000000000022 WS001 WS001,WS003|YB002,YB001",
        "3 B 911301000000000035 WS002 WS002,WS001|YB002,YB001",
        "4 C 91130100000000006E WS001 WS001,WS003|YB002,YB001",
        "5 D 91130100000000008L WS002 WS002,WS003|YB001,YB002",
        "R 重点1 91130100000000007H",
        "R A1 91130100000000001Y",
        "R C1 91130100000000005B",
      ],
    ],
    [
      "1",
      [
        "1 重点 911301000000000048 WS002 WS002,WS003|YB002,YB001",
        "2 A 91130100000000001Y WS001 WS001,WS003|YB001,YB002",
        "3 B 911301000000000035 WS002 WS002,WS001|YB002,YB001",
        "4 C 91130100000000006E WS001 WS001,WS003|YB002,YB001",
        "5 D 91130100000000008L WS002 WS002,WS001|YB001,YB002",
        "R 重点1 91130100000000007H",
        "R A1 911301000000000022",
        "R C1 91130100000000005B",
      ],
    ],
    [
      "abc",
      [
        "1 重点 91130100000000007H WS001 WS001,WS003|YB002,YB001",
        "2 A 911301000000000022 WS002 WS002,WS003|YB002,YB001",
        "3 B 911301000000000035 WS002 WS002,WS001|YB001,YB002",
        "4 C 91130100000000005B WS001 WS001,WS003|YB002,YB001",
        "5 D 91130100000000008L WS002 WS002,WS001|YB002,YB001",
        "R 重点1 911301000000000048",
        "R A1 91130100000000001Y",
        "R C1 91130100000000006E",
      ],
    ],
  ])("seed %s", (s, expected) => {
    const r = draw(snapshot, s);
    expect(summary(ok(r))).toEqual(expected);
    expect(ok(r).strata).toEqual([
      { stratum: "重点", eligible: 2, selected: 1 },
      { stratum: "A", eligible: 2, selected: 1 },
      { stratum: "B", eligible: 1, selected: 1 },
      { stratum: "C", eligible: 2, selected: 1 },
      { stratum: "D", eligible: 1, selected: 1 },
    ]);
  });

  it("rejects seeds that are empty, too long or not printable", () => {
    for (const bad of ["", "x".repeat(201), "a\tb"]) {
      const r = draw(snapshot, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issue.code).toBe("seed_invalid");
    }
  });
});

function registry(nTargets: number, nPerDept: number): { targets: Target[]; inspectors: Inspector[] } {
  const targets = Array.from({ length: nTargets }, (_, i) => target(i + 1));
  const inspectors: Inspector[] = [];
  for (let i = 0; i < nPerDept; i++) {
    inspectors.push(inspector(`WS${String(i).padStart(3, "0")}`, HEALTH, { area: i % 2 ? "东区" : "西区" }));
    inspectors.push(inspector(`YB${String(i).padStart(3, "0")}`, INSURANCE, { area: i % 3 ? "东区" : "西区" }));
  }
  return { targets, inspectors };
}

describe("draw: properties", () => {
  it("does not depend on the row order of its inputs", () => {
    const { targets, inspectors } = registry(60, 7);
    const t = task({ reserves: 2, priorityRatio: 3000 });
    targets[3].complaints = 1;
    targets[9].violations = true;
    const a = draw(snapshotOf(t, targets, inspectors), "order");
    for (const k of [1, 2, 3]) {
      const b = draw(snapshotOf(t, shuffled(targets, k), shuffled(inspectors, k + 10)), "order");
      expect(b).toEqual(a);
    }
  });

  it("selects every target of a stratum with frequency k/n (chi-square, 3000 fixed seeds)", () => {
    const n = 10;
    const k = 3;
    const targets = Array.from({ length: n }, (_, i) => target(i + 1, { riskGrade: "B" }));
    const t = task({ ratios: { A: 0, B: 3000, C: 0, D: 0 } });
    const { inspectors } = registry(0, 3);
    const snap = snapshotOf(t, targets, inspectors);
    const hits = new Map<string, number>();
    const runs = 3000;
    for (let s = 0; s < runs; s++)
      for (const x of ok(draw(snap, `fair-${s}`)).selected) hits.set(x.uscc, (hits.get(x.uscc) ?? 0) + 1);
    const expected = (runs * k) / n;
    let chi = 0;
    for (const x of targets) chi += ((hits.get(x.uscc) ?? 0) - expected) ** 2 / expected;
    // 9 degrees of freedom: P(chi² > 27.88) = 0.001
    expect(chi).toBeLessThan(27.88);
    expect(hits.size).toBe(n);
  });

  it("keeps loads within a department within one of each other", () => {
    const { targets, inspectors } = registry(80, 9);
    const out = ok(draw(snapshotOf(task({ rotate: false }), targets, inspectors), "load"));
    const load = new Map<string, number>();
    for (const s of out.selected)
      for (const team of s.teams) for (const id of team.inspectors) load.set(id, (load.get(id) ?? 0) + 1);
    for (const prefix of ["WS", "YB"]) {
      const l = inspectors.filter((i) => i.id.startsWith(prefix)).map((i) => load.get(i.id) ?? 0);
      expect(Math.max(...l) - Math.min(...l)).toBeLessThanOrEqual(1);
    }
  });

  it("gives reserves no team and ranks them after the selected ones", () => {
    const { targets, inspectors } = registry(20, 4);
    const t = task({ ratios: { A: 2000, B: 2000, C: 2000, D: 2000 }, reserves: 2 });
    const out = ok(draw(snapshotOf(t, targets, inspectors), "reserve"));
    const chosen = new Set(out.selected.map((s) => s.uscc));
    expect(out.reserves).toHaveLength(8);
    for (const r of out.reserves) expect(chosen.has(r.uscc)).toBe(false);
    expect(out.reserves.map((r) => `${r.stratum}${r.rank}`)).toEqual(["A1", "A2", "B1", "B2", "C1", "C2", "D1", "D2"]);
    // the reserves are the continuation of the same shuffle: asking for more selects them next
    const more = ok(
      draw(
        snapshotOf({ ...t, ratios: { A: 6000, B: 6000, C: 6000, D: 6000 }, reserves: 0 }, targets, inspectors),
        "reserve",
      ),
    );
    const aSel = more.selected.filter((s) => s.stratum === "A").map((s) => s.uscc);
    expect(aSel.slice(1)).toEqual(out.reserves.filter((r) => r.stratum === "A").map((r) => r.uscc));
  });

  it("warns when the selection falls below the minimum ratio", () => {
    const { targets, inspectors } = registry(40, 4);
    const t = task({ ratios: { A: 100, B: 100, C: 100, D: 100 }, minRatio: 2000 });
    const r = draw(snapshotOf(t, targets, inspectors), "min");
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["below_min_ratio"]);
  });
});

describe("draw: team rules", () => {
  const one = [target(1, { area: "东区", lastInspectors: ["WS001"] })];

  it("honours recusal, rotation, specialty and cross-area", () => {
    const inspectors = [
      inspector("WS001", HEALTH, { area: "西区" }), // last inspector: rotated out
      inspector("WS002", HEALTH, { area: "西区", recusals: [uscc(1)] }), // recused
      inspector("WS003", HEALTH, { area: "东区" }), // same area
      inspector("WS004", HEALTH, { area: "西区", specialties: ["医疗"] }),
      inspector("WS005", HEALTH, { area: "西区", specialties: ["医疗"] }),
      inspector("WS006", HEALTH, { area: "西区", specialties: ["传染病"] }), // wrong specialty
      inspector("YB001", INSURANCE, { area: "西区" }),
      inspector("YB002", INSURANCE, { area: "西区" }),
    ];
    const t = task({ crossArea: true, ratios: { A: 0, B: 10000, C: 0, D: 0 } });
    const snap = {
      ...snapshotOf(t, [target(1, { ...one[0], riskGrade: "B" })], inspectors),
      specialties: { [HEALTH]: ["医疗"], [INSURANCE]: [] },
    };
    for (const seed of ["a", "b", "c", "d"]) {
      const out = ok(draw(snap, seed));
      expect([...out.selected[0].teams[0].inspectors].sort()).toEqual(["WS004", "WS005"]);
      expect(out.selected[0].leader).toBe(out.selected[0].teams[0].inspectors[0]);
    }
  });

  it("fails as a whole with team_short naming target, department, need and removals", () => {
    const inspectors = [
      inspector("WS001", HEALTH),
      inspector("WS002", HEALTH, { status: "不在岗" }),
      inspector("WS003", HEALTH, { role: "专家" }),
      inspector("WS004", HEALTH, { recusals: [uscc(1)] }),
      inspector("YB001", INSURANCE),
      inspector("YB002", INSURANCE),
    ];
    const t = task({ ratios: { A: 0, B: 10000, C: 0, D: 0 } });
    const r = draw(snapshotOf(t, [target(1, { riskGrade: "B" })], inspectors), "short");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue.code).toBe("team_short");
    expect(r.issue.params).toMatchObject({
      uscc: uscc(1),
      department: HEALTH,
      needed: 2,
      available: 0,
      total: 4,
      off_duty: 1,
      expert: 1,
      in_team: 1,
      recusal: 1,
    });
    expect(r.issue.message).toContain(HEALTH);
    expect(r.issue.message).toContain("对象1");
  });
});

describe("assignTeams equals the literal algorithm", () => {
  it("on random registries and tasks", () => {
    let s = 7;
    const rnd = (m: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s % m);
    for (let c = 0; c < 60; c++) {
      const areas = ["东区", "西区", "南区"];
      const targets = Array.from({ length: 5 + rnd(30) }, (_, i) =>
        target(i + 1, { area: areas[rnd(3)], lastInspectors: rnd(2) ? [`WS${rnd(12)}`, `YB${rnd(12)}`] : [] }),
      );
      const inspectors: Inspector[] = [];
      for (const [p, dep] of [
        ["WS", HEALTH],
        ["YB", INSURANCE],
      ] as const)
        for (let i = 0; i < 3 + rnd(10); i++)
          inspectors.push(
            inspector(`${p}${i}`, dep, {
              area: areas[rnd(3)],
              status: rnd(8) ? "在岗" : "不在岗",
              specialties: rnd(3) ? ["医疗"] : ["其他"],
              recusals: rnd(4) ? [] : [targets[rnd(targets.length)].uscc],
            }),
          );
      const t = task({ rotate: rnd(2) === 0, crossArea: rnd(3) === 0, perDepartment: 2 + rnd(2) });
      const snap = {
        ...snapshotOf(t, targets, inspectors),
        specialties: { [HEALTH]: rnd(2) ? ["医疗"] : [], [INSURANCE]: [] },
      };
      const seed = `case-${c}`;
      expect(assignTeams(snap, seed, targets)).toEqual(assignTeamsNaive(snap, seed, targets));
      expect(draw(snap, seed)).toEqual(draw(snap, seed, { naiveTeams: true }));
    }
  });
});
