// DRP-1 §9, substitution: checked against the protocol's text written out again here, literally,
// on hand-made cases (a kept inspector barred by recusal, rotation or cross-area; reserves running
// out; a substitute replaced in its turn) and on random ones.
import seedrandom from "seedrandom";
import type { Inspector, Reserve, SelectedTarget, Snapshot, Target } from "../../../src/core/model";
import { draw } from "../../../src/core/draw/draw";
import { uniform } from "../../../src/core/draw/random";
import { initialDraw, substitute, type CurrentDraw } from "../../../src/core/draw/substitute";
import { HEALTH, INSURANCE, inspector, shuffled, snapshotOf, target, task, uscc } from "./fixture";

/** §9 as written: the reference the implementation is held to. */
function literal(
  snapshot: Snapshot,
  seed: string,
  selected: SelectedTarget[],
  reserves: Reserve[],
  used: Set<string>,
  replaced: string,
  n: number,
): SelectedTarget | "no_reserve" | "team_short" {
  const t = snapshot.task;
  const place = selected.find((s) => s.uscc === replaced)!;
  const reserve = reserves
    .filter((r) => r.stratum === place.stratum && !used.has(r.uscc))
    .sort((a, b) => a.rank - b.rank)[0];
  if (!reserve) return "no_reserve";
  const sub = snapshot.targets.find((x) => x.uscc === reserve.uscc)!;
  const load = new Map<string, number>();
  for (const s of selected)
    if (s.uscc !== replaced)
      for (const team of s.teams) for (const id of team.inspectors) load.set(id, (load.get(id) ?? 0) + 1);
  const rng = seedrandom(seed + "|" + t.id + "|substitute|" + n);
  const byId = [...snapshot.inspectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const teams: { department: string; inspectors: string[] }[] = [];
  for (const dep of [t.leadDepartment, ...t.departments.filter((d) => d !== t.leadDepartment)]) {
    const spec = snapshot.specialties[dep] ?? [];
    const team: string[] = [];
    const candidate = (i: Inspector) =>
      i.department === dep &&
      i.status === "在岗" &&
      i.role === "执法人员" &&
      !team.includes(i.id) &&
      !i.recusals.includes(sub.uscc) &&
      !(t.rotate && sub.lastInspectors.includes(i.id)) &&
      (spec.length === 0 || i.specialties.some((s) => spec.includes(s))) &&
      !(t.crossArea && i.area === sub.area);
    for (const id of place.teams.find((x) => x.department === dep)?.inspectors ?? []) {
      const kept = byId.find((i) => i.id === id)!;
      if (candidate(kept)) team.push(id);
      else {
        const pool = byId.filter(candidate);
        if (pool.length === 0) return "team_short";
        const least = Math.min(...pool.map((i) => load.get(i.id) ?? 0));
        const least2 = pool.filter((i) => (load.get(i.id) ?? 0) === least);
        team.push(least2[uniform(rng, least2.length)].id);
      }
      load.set(team[team.length - 1], (load.get(team[team.length - 1]) ?? 0) + 1);
    }
    teams.push({ department: dep, inspectors: team });
  }
  return { seq: place.seq, uscc: sub.uscc, stratum: place.stratum, leader: teams[0].inspectors[0], teams };
}

/** Replaces targets one after another, checking each step against the literal protocol. */
function chainOfSubstitutions(snapshot: Snapshot, seed: string, order: (current: CurrentDraw) => string | null) {
  const made = draw(snapshot, seed);
  if (!made.ok) throw new Error(made.issue.message);
  let current = initialDraw(made.outcome);
  const steps: string[] = [];
  for (let n = 1; n <= 50; n++) {
    const replaced = order(current);
    if (replaced === null) break;
    const used = new Set(current.substitutions.map((s) => s.substitute));
    const expected = literal(snapshot, seed, current.outcome.selected, current.outcome.reserves, used, replaced, n);
    const got = substitute(snapshot, seed, current, replaced);
    if (expected === "no_reserve") {
      expect(got.ok ? "ok" : got.issue.code).toBe("substitute_no_reserve");
      steps.push("no_reserve");
      break;
    }
    if (expected === "team_short") {
      expect(got.ok ? "ok" : got.issue.code).toBe("team_short");
      steps.push("team_short");
      break;
    }
    if (!got.ok) throw new Error(got.issue.message);
    expect(got.draw.outcome.selected.find((s) => s.seq === expected.seq)).toEqual(expected);
    expect(got.substitution).toMatchObject({ n, replaced, substitute: expected.uscc, seq: expected.seq });
    current = got.draw;
    steps.push(`${replaced}->${expected.uscc}`);
  }
  return { current, steps };
}

const health = (id: string, over: Partial<Inspector> = {}) => inspector(id, HEALTH, over);
const insurance = (id: string, over: Partial<Inspector> = {}) => inspector(id, INSURANCE, over);

describe("substitution, case by case", () => {
  const targets = Array.from({ length: 12 }, (_, i) => target(i + 1, { riskGrade: "A" }));
  const base = (over: Parameters<typeof task>[0] = {}, team: Inspector[] = []) =>
    snapshotOf(
      task({ ratios: { A: 2500, B: 0, C: 0, D: 0 }, reserves: 2, ...over }),
      targets,
      team.length
        ? team
        : [health("H1"), health("H2"), health("H3"), health("H4"), insurance("Y1"), insurance("Y2"), insurance("Y3")],
    );

  test("an inspector still a candidate is kept; one recused from the substitute is drawn again", () => {
    const snapshot = base();
    const made = draw(snapshot, "s1");
    if (!made.ok) throw new Error(made.issue.message);
    const place = made.outcome.selected[0];
    const reserve = made.outcome.reserves[0];
    const barred = place.teams[0].inspectors[0];
    const withRecusal = {
      ...snapshot,
      inspectors: snapshot.inspectors.map((i) => (i.id === barred ? { ...i, recusals: [reserve.uscc] } : i)),
    };
    // the recusal only bites the substitute: the draw itself is the same
    const again = draw(withRecusal, "s1");
    expect(again.ok && again.outcome).toEqual(made.outcome);
    const r = substitute(withRecusal, "s1", initialDraw(made.outcome), place.uscc);
    if (!r.ok) throw new Error(r.issue.message);
    const now = r.draw.outcome.selected[0];
    expect(now.uscc).toBe(reserve.uscc);
    expect(now.teams[0].inspectors).not.toContain(barred);
    // the other health inspector is still a candidate and stays on the team (§9.3 visits the slots
    // in order: it may be picked for the barred first slot, its own slot then drawn again)
    expect(now.teams[0].inspectors).toContain(place.teams[0].inspectors[1]);
    expect(now.teams[1]).toEqual(place.teams[1]);
    expect(now.leader).toBe(now.teams[0].inspectors[0]);
    chainOfSubstitutions(withRecusal, "s1", (c) => (c.substitutions.length === 0 ? place.uscc : null));
  });

  test("rotation: an inspector who last inspected the substitute is drawn again", () => {
    const snapshot = base();
    const made = draw(snapshot, "s2");
    if (!made.ok) throw new Error(made.issue.message);
    const place = made.outcome.selected[1];
    const reserve = made.outcome.reserves[0];
    const last = place.teams[1].inspectors[1];
    const rotated = {
      ...snapshot,
      targets: snapshot.targets.map((t) => (t.uscc === reserve.uscc ? { ...t, lastInspectors: [last] } : t)),
    };
    const again = draw(rotated, "s2");
    if (!again.ok) throw new Error(again.issue.message);
    const r = substitute(rotated, "s2", initialDraw(again.outcome), place.uscc);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.draw.outcome.selected[1].teams[1].inspectors).not.toContain(last);
    // with rotation off the same inspector stays
    const off = { ...rotated, task: { ...rotated.task, rotate: false } };
    const drawnOff = draw(off, "s2");
    if (!drawnOff.ok) throw new Error(drawnOff.issue.message);
    const kept = substitute(off, "s2", initialDraw(drawnOff.outcome), drawnOff.outcome.selected[1].uscc);
    if (!kept.ok) throw new Error(kept.issue.message);
    expect(kept.draw.outcome.selected[1].teams).toEqual(drawnOff.outcome.selected[1].teams);
    chainOfSubstitutions(rotated, "s2", (c) => (c.substitutions.length === 0 ? place.uscc : null));
  });

  test("cross-area: an inspector of the substitute's area is drawn again", () => {
    const team = [
      health("H1", { area: "东区" }),
      health("H2", { area: "西区" }),
      health("H3", { area: "南区" }),
      health("H4", { area: "北区" }),
      insurance("Y1", { area: "南区" }),
      insurance("Y2", { area: "北区" }),
      insurance("Y3", { area: "中区" }),
    ];
    const snapshot = base({ crossArea: true }, team);
    const { steps } = chainOfSubstitutions(snapshot, "cross", (c) => c.outcome.selected[0].uscc);
    expect(steps.length).toBeGreaterThanOrEqual(2);
  });

  test("reserves run out: the third substitution in a stratum of two reserves is refused", () => {
    const snapshot = base();
    const { steps } = chainOfSubstitutions(snapshot, "s3", (c) => c.outcome.selected[0].uscc);
    // a substitute is replaced in its turn by the next reserve, then there is none
    expect(steps).toHaveLength(3);
    expect(steps[2]).toBe("no_reserve");
    const [a, b] = steps.map((s) => s.split("->"));
    expect(a[1]).toBe(b[0]);
  });

  test("a department with no candidate left refuses the substitution (team_short)", () => {
    const snapshot = base({}, [health("H1"), health("H2"), insurance("Y1"), insurance("Y2")]);
    const made = draw(snapshot, "s4");
    if (!made.ok) throw new Error(made.issue.message);
    const reserve = made.outcome.reserves[0];
    const blocked = {
      ...snapshot,
      inspectors: snapshot.inspectors.map((i) => (i.id === "Y1" ? { ...i, recusals: [reserve.uscc] } : i)),
    };
    const r = substitute(blocked, "s4", initialDraw(made.outcome), made.outcome.selected[0].uscc);
    expect(r.ok ? "ok" : r.issue.code).toBe("team_short");
  });

  test("the load counts the draw's current targets, the replaced one left out", () => {
    // four health inspectors, three targets with two each: after replacing one target, the two
    // inspectors it freed have the least load and one of them must be picked for a barred slot
    const snapshot = snapshotOf(
      task({ departments: [HEALTH], ratios: { A: 2500, B: 0, C: 0, D: 0 }, reserves: 1 }),
      targets,
      [health("H1"), health("H2"), health("H3"), health("H4"), health("H5"), health("H6")],
    );
    chainOfSubstitutions(snapshot, "load", (c) => (c.substitutions.length ? null : c.outcome.selected[2].uscc));
  });
});

describe("substitution against the literal protocol on random cases", () => {
  test.each(Array.from({ length: 40 }, (_, k) => k))("case %i", (k) => {
    const rng = seedrandom(`case-${k}`);
    const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)];
    const areas = ["东区", "西区", "南区"];
    const targets: Target[] = Array.from({ length: 10 + Math.floor(rng() * 20) }, (_, i) =>
      target(i + 1, {
        riskGrade: pick(["A", "B", "C", "D"] as const),
        area: pick(areas),
        complaints: rng() < 0.1 ? 1 : 0,
      }),
    );
    const inspectors: Inspector[] = [];
    for (const [dep, prefix, count] of [
      [HEALTH, "H", 4 + Math.floor(rng() * 5)],
      [INSURANCE, "Y", 4 + Math.floor(rng() * 4)],
    ] as const)
      for (let i = 1; i <= count; i++)
        inspectors.push(
          inspector(`${prefix}${String(i).padStart(2, "0")}`, dep, {
            area: pick(areas),
            status: rng() < 0.1 ? "不在岗" : "在岗",
            recusals: targets.filter(() => rng() < 0.08).map((t) => t.uscc),
          }),
        );
    for (const t of targets) t.lastInspectors = inspectors.filter(() => rng() < 0.1).map((i) => i.id);
    const snapshot = snapshotOf(
      task({
        ratios: { A: 2000, B: 3000, C: 4000, D: 5000 },
        priorityRatio: rng() < 0.5 ? 5000 : null,
        reserves: 1 + Math.floor(rng() * 3),
        rotate: rng() < 0.7,
        crossArea: rng() < 0.3,
      }),
      shuffled(targets, k),
      shuffled(inspectors, k + 1),
    );
    const seed = `随机-${k}`;
    if (!draw(snapshot, seed).ok) return;
    chainOfSubstitutions(snapshot, seed, (c) =>
      c.outcome.selected.length ? c.outcome.selected[Math.floor(rng() * c.outcome.selected.length)].uscc : null,
    );
  });
});

test("a target not selected, or already replaced, is refused with its own code", () => {
  const snapshot = snapshotOf(
    task({ reserves: 1 }),
    Array.from({ length: 8 }, (_, i) => target(i + 1)),
    [health("H1"), health("H2"), health("H3"), insurance("Y1"), insurance("Y2"), insurance("Y3")],
  );
  const made = draw(snapshot, "x");
  if (!made.ok) throw new Error(made.issue.message);
  const current = initialDraw(made.outcome);
  expect((substitute(snapshot, "x", current, uscc(999)) as { issue: { code: string } }).issue.code).toBe(
    "substitute_not_selected",
  );
  const first = made.outcome.selected.find((s) => made.outcome.reserves.some((r) => r.stratum === s.stratum))!;
  const r = substitute(snapshot, "x", current, first.uscc);
  if (!r.ok) throw new Error(r.issue.message);
  expect((substitute(snapshot, "x", r.draw, first.uscc) as { issue: { code: string } }).issue.code).toBe(
    "substitute_already_replaced",
  );
});
