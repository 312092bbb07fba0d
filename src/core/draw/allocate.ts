// DRP-1 steps 2 and 3: strata and how many to draw from each.
import { STRATA, type Stratum, type Target, type Task } from "../model";

/** The stratum of a target under a task. */
export function stratumOf(task: Task, t: Target): Stratum {
  return task.priorityRatio !== null && (t.complaints > 0 || t.violations) ? "重点" : t.riskGrade;
}

/** Eligible targets per stratum, each in input order (the snapshot's USCC order), strata in DRP-1 order. */
export function strata(task: Task, eligible: readonly Target[]): Map<Stratum, Target[]> {
  const out = new Map<Stratum, Target[]>(STRATA.map((s) => [s, []]));
  for (const t of eligible) out.get(stratumOf(task, t))!.push(t);
  return out;
}

/** ceil(n × bp / 10000) in integers, at most n. */
export function ratioCount(n: number, bp: number): number {
  const x = n * bp + 9999;
  return Math.min(n, (x - (x % 10000)) / 10000);
}

/** The size-band ratio (basis points) for a number of eligible targets. */
export function bandRatio(total: number): number {
  if (total <= 20) return 5000;
  if (total <= 50) return 3000;
  if (total <= 100) return 2000;
  if (total <= 200) return 1000;
  if (total <= 500) return 500;
  return 300;
}

/** k for one stratum of n targets; `total` = eligible targets in all strata. */
export function allocate(task: Task, stratum: Stratum, n: number, total: number): number {
  if (stratum === "重点") return ratioCount(n, task.priorityRatio ?? 0);
  switch (task.mode) {
    case "ratio":
      return ratioCount(n, task.ratios?.[stratum] ?? 0);
    case "count":
      return Math.min(Math.max(0, task.counts?.[stratum] ?? 0), n);
    case "bands":
      return ratioCount(n, bandRatio(total));
  }
}
