// Bench: DRP-1 on a synthetic registry (1,048,575 targets and 2,000 inspectors by default) beside
// a naive Math.random() sort. Prints figures, asserts nothing. Run: npx tsx bench/draw.ts [targets]
// bench/run.ts reuses drawFixture() for its draw and digest figures.
import { eligibility } from "../src/core/draw/eligibility";
import { makeSnapshot } from "../src/core/draw/snapshot";
import { draw } from "../src/core/draw/draw";
import { snapshotDigest } from "../src/core/draw/canonical";
import { allocate, strata } from "../src/core/draw/allocate";
import { select } from "../src/core/draw/select";
import { assignTeams } from "../src/core/draw/teams";
import type { Grade, Inspector, Snapshot, Target, Task } from "../src/core/model";
import { usccCheckChar } from "../src/core/schema/uscc";

const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

export const FULL_TARGETS = 1048575;
export const SEED = "bench-seed";

function timed<T>(label: string, f: () => T): T {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  const heap1 = process.memoryUsage().heapUsed;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   heap Δ ${mb(heap1 - heap0).padStart(9)}   rss ${mb(process.memoryUsage().rss)}`,
  );
  return out;
}

/** One inspector per ~500 targets (2,000 for the full registry), at least 20. */
export function inspectorCount(targets: number): number {
  return Math.max(20, Math.round((targets * 2000) / FULL_TARGETS));
}

export function makeTargets(n: number): Target[] {
  const grades: Grade[] = ["A", "B", "C", "D"];
  return Array.from({ length: n }, (_, i) => {
    const first17 = "9113" + String(i).padStart(13, "0");
    return {
      uscc: first17 + usccCheckChar(first17),
      name: `对象${i}`,
      category: "诊所",
      tags: [],
      area: `区${i % 7}`,
      address: "",
      legalRep: "",
      phone: "",
      riskGrade: grades[i % 4],
      complaints: i % 97 === 0 ? 1 : 0,
      violations: false,
      upperSampled: i % 50 === 0,
      lastInspected: i % 31 === 0 ? "2026-03-01" : null,
      lastInspectors: i % 5 === 0 ? [`WS${i % 1000}`] : [],
      status: i % 40 === 0 ? "停业" : "在营",
      row: i + 2,
    };
  });
}

const DEPARTMENTS = ["区卫生健康局", "区医疗保障局"];

export function makeInspectors(n: number, targets: readonly Target[]): Inspector[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${i % 2 ? "YB" : "WS"}${Math.floor(i / 2)}`,
    name: `人员${i}`,
    department: DEPARTMENTS[i % 2],
    section: "",
    title: "",
    specialties: [],
    fields: [],
    role: "执法人员",
    status: "在岗",
    area: `区${i % 7}`,
    recusals: i % 10 === 0 ? [targets[(i * 37) % targets.length].uscc] : [],
    row: i + 2,
  }));
}

export function makeTask(): Task {
  return {
    id: "BENCH",
    name: "bench",
    leadDepartment: DEPARTMENTS[0],
    departments: DEPARTMENTS,
    itemIds: ["I1"],
    categories: [],
    mode: "ratio",
    ratios: { A: 300, B: 400, C: 600, D: 800 },
    counts: null,
    priorityRatio: 1000,
    minRatio: 300,
    perDepartment: 2,
    rotate: true,
    excludeUpper: true,
    cooldownDays: 90,
    reserves: 5,
    crossArea: false,
    startDate: "2026-04-01",
    endDate: "2026-06-30",
    row: 2,
  };
}

export interface DrawFixture {
  task: Task;
  targets: Target[];
  inspectors: Inspector[];
  snapshot: Snapshot;
}

type Log = <T>(label: string, f: () => T) => T;

/** The registry, inspectors and task of the bench, and the snapshot the draw reads. */
export function drawFixture(n: number, log: Log = (_l, f) => f()): DrawFixture {
  return fixtureOf(makeTargets(n), log);
}

/** Eligibility and snapshot over a registry already built. */
export function fixtureOf(targets: Target[], log: Log = (_l, f) => f()): DrawFixture {
  const n = targets.length;
  const task = makeTask();
  const inspectors = makeInspectors(inspectorCount(n), targets);
  const el = log("eligibility", () => eligibility(task, targets, "2026-04-01", new Set()));
  const snapshot = log("snapshot (sort by USCC)", () =>
    makeSnapshot(task, [], el.eligible, inspectors, "2026-04-01", el.excluded, n, el.inScope),
  );
  return { task, targets, inspectors, snapshot };
}

export async function main(n = FULL_TARGETS): Promise<void> {
  const registry = timed("build registry (not timed in draw)", () => makeTargets(n));
  const t0 = performance.now();
  const { task, targets, inspectors, snapshot: snap } = fixtureOf(registry, timed);
  console.log(`DRP-1 bench: ${n} targets, ${inspectors.length} inspectors, 2-department teams`);
  const r = timed("draw (strata, select, teams)", () => draw(snap, SEED));
  const total = performance.now() - t0;
  const selected = r.ok ? r.outcome.selected.length : -1;
  console.log(
    `whole draw (eligibility to teams): ${total.toFixed(0)} ms, selected ${selected} of ${snap.targets.length} eligible`,
  );
  // the parts of draw(), separately
  const chosen = timed("  strata + allocate + select", () => {
    const out: Target[] = [];
    for (const [stratum, list] of strata(task, snap.targets))
      out.push(
        ...select(
          SEED,
          task.id,
          stratum,
          list,
          allocate(task, stratum, list.length, snap.targets.length),
          task.reserves,
        ).selected,
      );
    return out;
  });
  timed("  teams (bucketed)", () => assignTeams(snap, SEED, chosen));
  const d0 = performance.now();
  const digest = await snapshotDigest(snap);
  console.log(
    `${"digest (canonical + SHA-256)".padEnd(34)} ${(performance.now() - d0).toFixed(0).padStart(6)} ms   ${digest.slice(0, 16)}…`,
  );
  const n0 = performance.now();
  const naive = timed("naive: sort all by Math.random()", () =>
    targets
      .map((t) => ({ t, k: Math.random() }))
      .sort((a, b) => a.k - b.k)
      .slice(0, selected),
  );
  const naiveMs = performance.now() - n0;
  void naive;
  console.log(`whole DRP-1 draw / naive sort = ${(total / naiveMs).toFixed(2)}`);
  console.log(`peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

if (require.main === module) void main(process.argv[2] ? Number(process.argv[2]) : undefined);
