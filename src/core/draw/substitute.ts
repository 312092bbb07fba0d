// DRP-1 §9: a selected target that cannot be inspected is replaced by the next unused reserve of
// its stratum, which keeps what it can of the replaced target's team and draws the rest.
import type {
  DrawOutcome,
  Inspector,
  Reserve,
  SelectedTarget,
  Snapshot,
  Stratum,
  Target,
  TeamAssignment,
} from "../model";
import { issue, type Issue } from "../issues/issue";
import { byteOrder } from "./order";
import { makeRng, uniform } from "./random";
import { departmentOrder, ruleAgainst, shortageOf } from "./teams";
import { teamShortIssue } from "./draw";

/** One substitution as it was made (and as a replay makes it again). */
export interface Substitution {
  /** 1, 2, … in the order the draw's substitutions are made */
  n: number;
  /** the seq (place in DRP-1 order) the substitute takes */
  seq: number;
  replaced: string;
  substitute: string;
  stratum: Stratum;
  /** the reserve's rank in its stratum */
  rank: number;
}

/** A draw as it stands after its substitutions so far. */
export interface CurrentDraw {
  /** the draw's targets in DRP-1 order, substitutes in their replaced target's place */
  outcome: DrawOutcome;
  substitutions: Substitution[];
}

export type SubstituteResult =
  { ok: true; draw: CurrentDraw; substitution: Substitution } | { ok: false; issue: Issue };

/** The draw before any substitution. */
export function initialDraw(outcome: DrawOutcome): CurrentDraw {
  return { outcome, substitutions: [] };
}

/** Reserves not yet used by a substitution, in stratum and rank order. */
export function unusedReserves(current: CurrentDraw): Reserve[] {
  const used = new Set(current.substitutions.map((s) => s.substitute));
  return current.outcome.reserves.filter((r) => !used.has(r.uscc));
}

/**
 * Replaces the current target `replaced` by the lowest-ranked unused reserve of its stratum
 * (§9.1–9.4). `n` is one more than the draw's substitutions so far.
 */
export function substitute(snapshot: Snapshot, seed: string, current: CurrentDraw, replaced: string): SubstituteResult {
  const place = current.outcome.selected.find((s) => s.uscc === replaced);
  if (!place) {
    const wasReplaced = current.substitutions.some((s) => s.replaced === replaced);
    return {
      ok: false,
      issue: issue(wasReplaced ? "substitute_already_replaced" : "substitute_not_selected", {}, { uscc: replaced }),
    };
  }
  const reserve = unusedReserves(current).find((r) => r.stratum === place.stratum);
  if (!reserve)
    return { ok: false, issue: issue("substitute_no_reserve", {}, { uscc: replaced, stratum: place.stratum }) };
  const n = current.substitutions.length + 1;
  const targets = new Map(snapshot.targets.map((t) => [t.uscc, t]));
  const target = targets.get(reserve.uscc)!;

  // §9.3: the load of every inspector over the draw's current targets, the replaced one left out
  const load = new Map<string, number>();
  for (const s of current.outcome.selected) {
    if (s.uscc === replaced) continue;
    for (const t of s.teams) for (const id of t.inspectors) load.set(id, (load.get(id) ?? 0) + 1);
  }
  const inspectors = [...snapshot.inspectors].sort((a, b) => byteOrder(a.id, b.id));
  const byId = new Map(inspectors.map((i) => [i.id, i]));
  const rng = makeRng(seed + "|" + snapshot.task.id + "|substitute|" + n);
  const teams: TeamAssignment[] = [];
  for (const dep of departmentOrder(snapshot)) {
    const before = place.teams.find((t) => t.department === dep)?.inspectors ?? [];
    const team: string[] = [];
    const isCandidate = (i: Inspector) => ruleAgainst(snapshot, dep, i, target, team) === null;
    for (const id of before) {
      const kept = byId.get(id);
      if (kept && isCandidate(kept)) team.push(id);
      else {
        const pick = leastLoaded(inspectors.filter(isCandidate), load, rng);
        if (!pick) return { ok: false, issue: teamShortIssue(shortageOf(snapshot, dep, target, team)) };
        team.push(pick.id);
      }
      const chosen = team[team.length - 1];
      load.set(chosen, (load.get(chosen) ?? 0) + 1);
    }
    teams.push({ department: dep, inspectors: team });
  }
  const lead = teams.find((t) => t.department === snapshot.task.leadDepartment);
  const next: SelectedTarget = {
    seq: place.seq,
    uscc: target.uscc,
    stratum: place.stratum,
    leader: lead?.inspectors[0] ?? "",
    teams,
  };
  const substitution: Substitution = {
    n,
    seq: place.seq,
    replaced,
    substitute: target.uscc,
    stratum: place.stratum,
    rank: reserve.rank,
  };
  return {
    ok: true,
    substitution,
    draw: {
      outcome: {
        ...current.outcome,
        selected: current.outcome.selected.map((s) => (s.uscc === replaced ? next : s)),
      },
      substitutions: [...current.substitutions, substitution],
    },
  };
}

/** Step 5.2 among `candidates` (already in id order): the least loaded, one picked at random. */
function leastLoaded(
  candidates: Inspector[],
  load: ReadonlyMap<string, number>,
  rng: ReturnType<typeof makeRng>,
): Inspector | null {
  if (candidates.length === 0) return null;
  const least = Math.min(...candidates.map((i) => load.get(i.id) ?? 0));
  const pool = candidates.filter((i) => (load.get(i.id) ?? 0) === least);
  return pool[uniform(rng, pool.length)];
}

/** The target a substitution would bring in, without making it (for the pane's confirmation). */
export function nextReserve(current: CurrentDraw, replaced: string, targets: readonly Target[]): Target | null {
  const place = current.outcome.selected.find((s) => s.uscc === replaced);
  if (!place) return null;
  const reserve = unusedReserves(current).find((r) => r.stratum === place.stratum);
  return reserve ? (targets.find((t) => t.uscc === reserve.uscc) ?? null) : null;
}
