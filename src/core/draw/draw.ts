// DRP-1 steps 2–5 as one pure function of (snapshot, seed).
import type { DrawOutcome, Reserve, SelectedTarget, Snapshot, StratumCount, Target } from "../model";
import { issue, type Issue } from "../issues/issue";
import { allocate, strata } from "./allocate";
import { seedProblem } from "./random";
import { select } from "./select";
import { assignTeams, assignTeamsNaive, type TeamShortage } from "./teams";

export const PROTOCOL = "DRP-1";

export type DrawResult = { ok: true; outcome: DrawOutcome; warnings: Issue[] } | { ok: false; issue: Issue };

export interface DrawOptions {
  /** use the literal O(inspectors)-a-pick team algorithm (for cross-checking) */
  naiveTeams?: boolean;
}

export function draw(snapshot: Snapshot, seed: string, options: DrawOptions = {}): DrawResult {
  const problem = seedProblem(seed);
  if (problem !== null)
    return { ok: false, issue: issue("seed_invalid", {}, { length: Array.from(seed).length, problem }) };
  const task = snapshot.task;
  const byStratum = strata(task, snapshot.targets);
  const total = snapshot.targets.length;
  const counts: StratumCount[] = [];
  const chosen: { target: Target; stratum: SelectedTarget["stratum"] }[] = [];
  const reserves: Reserve[] = [];
  for (const [stratum, list] of byStratum) {
    if (list.length === 0) continue;
    const k = allocate(task, stratum, list.length, total);
    const s = select(seed, task.id, stratum, list, k, task.reserves);
    counts.push({ stratum, eligible: list.length, selected: k });
    for (const t of s.selected) chosen.push({ target: t, stratum });
    s.reserves.forEach((t, i) => reserves.push({ uscc: t.uscc, stratum, rank: i + 1 }));
  }
  const assign = options.naiveTeams ? assignTeamsNaive : assignTeams;
  const teams = assign(
    snapshot,
    seed,
    chosen.map((c) => c.target),
  );
  if (!teams.ok) return { ok: false, issue: teamShortIssue(teams.shortage) };
  const selected: SelectedTarget[] = chosen.map((c, i) => ({
    seq: i + 1,
    uscc: c.target.uscc,
    stratum: c.stratum,
    leader: teams.teams[i].leader,
    teams: teams.teams[i].teams,
  }));
  const warnings: Issue[] = [];
  const min = task.minRatio;
  if (min !== null && min > 0 && selected.length * 10000 < min * snapshot.inScope)
    warnings.push(
      issue(
        "below_min_ratio",
        {},
        {
          task: task.id,
          selected: selected.length,
          inScope: snapshot.inScope,
          ratio: percent((selected.length * 10000) / Math.max(1, snapshot.inScope)),
          min: percent(min),
        },
      ),
    );
  return { ok: true, outcome: { strata: counts, selected, reserves }, warnings };
}

function percent(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

export function teamShortIssue(s: TeamShortage): Issue {
  return issue(
    "team_short",
    {},
    {
      target: s.target.name,
      uscc: s.target.uscc,
      department: s.department,
      needed: s.needed,
      available: s.available,
      total: s.total,
      ...s.removed,
    },
  );
}
