// Bench: DRP-1 on 1,048,575 targets and 2,000 inspectors beside a naive Math.random() sort.
// Prints figures, asserts nothing. Run: npx tsx bench/draw.ts
import { eligibility } from "../src/core/draw/eligibility";
import { makeSnapshot } from "../src/core/draw/snapshot";
import { draw } from "../src/core/draw/draw";
import { snapshotDigest } from "../src/core/draw/canonical";
import { allocate, strata } from "../src/core/draw/allocate";
import { select } from "../src/core/draw/select";
import { assignTeams } from "../src/core/draw/teams";
import type { Grade, Inspector, Target, Task } from "../src/core/model";
import { usccCheckChar } from "../src/core/schema/uscc";

const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

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

export async function main(): Promise<void> {
  const N = 1048575;
  const grades: Grade[] = ["A", "B", "C", "D"];
  const targets: Target[] = timed("build registry (not timed in draw)", () =>
    Array.from({ length: N }, (_, i) => {
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
    }),
  );
  const deps = ["区卫生健康局", "区医疗保障局"];
  const inspectors: Inspector[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `${i % 2 ? "YB" : "WS"}${Math.floor(i / 2)}`,
    name: `人员${i}`,
    department: deps[i % 2],
    section: "",
    title: "",
    specialties: [],
    fields: [],
    role: "执法人员",
    status: "在岗",
    area: `区${i % 7}`,
    recusals: i % 10 === 0 ? [targets[i * 37].uscc] : [],
    row: i + 2,
  }));
  const task: Task = {
    id: "BENCH",
    name: "bench",
    leadDepartment: deps[0],
    departments: deps,
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
  console.log(`DRP-1 bench: ${N} targets, ${inspectors.length} inspectors, 2-department teams`);
  const t0 = performance.now();
  const el = timed("eligibility", () => eligibility(task, targets, "2026-04-01", new Set()));
  const snap = timed("snapshot (sort by USCC)", () =>
    makeSnapshot(task, [], el.eligible, inspectors, "2026-04-01", el.excluded, N, el.inScope),
  );
  const r = timed("draw (strata, select, teams)", () => draw(snap, "bench-seed"));
  const total = performance.now() - t0;
  const selected = r.ok ? r.outcome.selected.length : -1;
  console.log(`whole draw: ${total.toFixed(0)} ms, selected ${selected} of ${snap.targets.length} eligible`);
  // the parts of draw(), separately
  const chosen = timed("  strata + allocate + select", () => {
    const out: Target[] = [];
    for (const [stratum, list] of strata(task, snap.targets))
      out.push(
        ...select(
          "bench-seed",
          task.id,
          stratum,
          list,
          allocate(task, stratum, list.length, snap.targets.length),
          task.reserves,
        ).selected,
      );
    return out;
  });
  timed("  teams (bucketed)", () => assignTeams(snap, "bench-seed", chosen));
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
  console.log(`peak rss ${mb(process.memoryUsage().rss)}`);
}

if (require.main === module) void main();
