// DRP-1 step 5: a joint team for every selected target, least-loaded inspectors first.
import type { Inspector, Snapshot, Target, TeamAssignment } from "../model";
import { sortedBy } from "./order";
import { makeRng, uniform, type Rng } from "./random";

/** The rules of step 5.1, in the order their removals are counted. */
export const TEAM_RULES = ["off_duty", "expert", "in_team", "recusal", "rotation", "specialty", "same_area"] as const;
export type TeamRule = (typeof TEAM_RULES)[number];

export interface Team {
  uscc: string;
  leader: string;
  teams: TeamAssignment[];
}

/** Why a department ran out of candidates. */
export interface TeamShortage {
  target: Target;
  department: string;
  needed: number;
  /** candidates left (always 0 when the draw fails) and inspectors of the department */
  available: number;
  total: number;
  removed: Record<TeamRule, number>;
}

export type TeamsResult = { ok: true; teams: Team[] } | { ok: false; shortage: TeamShortage };

/** Departments in visiting order: the lead first, then the others as written in the task. */
export function departmentOrder(snapshot: Snapshot): string[] {
  const t = snapshot.task;
  return [t.leadDepartment, ...t.departments.filter((d) => d !== t.leadDepartment)];
}

/** The first rule of step 5.1 that removes an inspector from a pick, or null when it is a candidate. */
export function ruleAgainst(
  snapshot: Snapshot,
  department: string,
  inspector: Inspector,
  target: Target,
  team: readonly string[],
): TeamRule | "department" | null {
  const task = snapshot.task;
  if (inspector.department !== department) return "department";
  if (inspector.status !== "在岗") return "off_duty";
  if (inspector.role !== "执法人员") return "expert";
  if (team.includes(inspector.id)) return "in_team";
  if (inspector.recusals.includes(target.uscc)) return "recusal";
  if (task.rotate && target.lastInspectors.includes(inspector.id)) return "rotation";
  const needed = snapshot.specialties[department] ?? [];
  if (needed.length > 0 && !inspector.specialties.some((s) => needed.includes(s))) return "specialty";
  if (task.crossArea && inspector.area === target.area) return "same_area";
  return null;
}

export function shortageOf(
  snapshot: Snapshot,
  department: string,
  target: Target,
  team: readonly string[],
): TeamShortage {
  const removed = Object.fromEntries(TEAM_RULES.map((r) => [r, 0])) as Record<TeamRule, number>;
  let total = 0;
  let available = 0;
  for (const i of snapshot.inspectors) {
    if (i.department !== department) continue;
    total++;
    const r = ruleAgainst(snapshot, department, i, target, team);
    if (r === null) available++;
    else if (r !== "department") removed[r]++;
  }
  return { target, department, needed: snapshot.task.perDepartment, available, total, removed };
}

function byId(inspectors: readonly Inspector[]): Inspector[] {
  return sortedBy(inspectors, (i) => i.id);
}

/**
 * The protocol as written: for every pick, filter all inspectors, sort, keep the least loaded.
 * O(inspectors) a pick; kept as the reference that the fast version is tested against.
 */
export function assignTeamsNaive(snapshot: Snapshot, seed: string, selected: readonly Target[]): TeamsResult {
  const task = snapshot.task;
  const rng = makeRng(seed + "|" + task.id + "|inspectors");
  const inspectors = byId(snapshot.inspectors);
  const load = new Map<string, number>();
  const teams: Team[] = [];
  for (const target of selected) {
    const assignments: TeamAssignment[] = [];
    let leader = "";
    for (const dep of departmentOrder(snapshot)) {
      const team: string[] = [];
      for (let p = 0; p < task.perDepartment; p++) {
        const cands = inspectors.filter((i) => ruleAgainst(snapshot, dep, i, target, team) === null);
        if (cands.length === 0) return { ok: false, shortage: shortageOf(snapshot, dep, target, team) };
        const least = Math.min(...cands.map((i) => load.get(i.id) ?? 0));
        const pool = cands.filter((i) => (load.get(i.id) ?? 0) === least);
        const pick = pool[uniform(rng, pool.length)];
        load.set(pick.id, least + 1);
        team.push(pick.id);
      }
      if (dep === task.leadDepartment) leader = team[0];
      assignments.push({ department: dep, inspectors: team });
    }
    teams.push({ uscc: target.uscc, leader, teams: assignments });
  }
  return { ok: true, teams };
}

/** Per-department state: static candidates by id, and their positions bucketed by load. */
class DepartmentPool {
  readonly members: Inspector[];
  readonly load: number[];
  readonly buckets: number[][] = [[]];
  private minLoad = 0;
  readonly positionOf = new Map<string, number>();
  /** USCC → positions of members who must recuse themselves */
  readonly recusals = new Map<string, number[]>();

  constructor(snapshot: Snapshot, department: string) {
    const needed = snapshot.specialties[department] ?? [];
    this.members = byId(snapshot.inspectors).filter(
      (i) =>
        i.department === department &&
        i.status === "在岗" &&
        i.role === "执法人员" &&
        (needed.length === 0 || i.specialties.some((s) => needed.includes(s))),
    );
    this.load = this.members.map(() => 0);
    this.members.forEach((m, pos) => {
      this.positionOf.set(m.id, pos);
      this.buckets[0].push(pos);
      for (const u of m.recusals) {
        const list = this.recusals.get(u);
        if (list) list.push(pos);
        else this.recusals.set(u, [pos]);
      }
    });
  }

  /** Picks one inspector exactly as step 5.2 does, or returns -1 when no candidate is left. */
  pick(rng: Rng, excluded: ReadonlySet<number>, sameAreaOut: string | null): number {
    while (this.minLoad < this.buckets.length && this.buckets[this.minLoad].length === 0) this.minLoad++;
    for (let level = this.minLoad; level < this.buckets.length; level++) {
      const bucket = this.buckets[level];
      if (bucket.length === 0) continue;
      let pos: number;
      if (sameAreaOut !== null) {
        const pool = bucket.filter((p) => !excluded.has(p) && this.members[p].area !== sameAreaOut);
        if (pool.length === 0) continue;
        pos = pool[uniform(rng, pool.length)];
      } else {
        // the pool is the bucket minus the few excluded members at this load level
        const skip: number[] = [];
        for (const p of excluded) if (this.load[p] === level) skip.push(indexIn(bucket, p));
        const size = bucket.length - skip.length;
        if (size === 0) continue;
        let idx = uniform(rng, size);
        skip.sort((a, b) => a - b);
        for (const s of skip) if (s <= idx) idx++;
        pos = bucket[idx];
      }
      this.move(pos, level);
      return pos;
    }
    return -1;
  }

  private move(pos: number, level: number): void {
    const from = this.buckets[level];
    from.splice(indexIn(from, pos), 1);
    if (this.buckets.length === level + 1) this.buckets.push([]);
    const to = this.buckets[level + 1];
    to.splice(lowerBound(to, pos), 0, pos);
    this.load[pos] = level + 1;
  }
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexIn(sorted: readonly number[], v: number): number {
  const i = lowerBound(sorted, v);
  if (sorted[i] !== v) throw new Error("teams: bucket out of sync");
  return i;
}

/** Step 5, the same result as assignTeamsNaive, but a pick costs about the size of its pool. */
export function assignTeams(snapshot: Snapshot, seed: string, selected: readonly Target[]): TeamsResult {
  const task = snapshot.task;
  const rng = makeRng(seed + "|" + task.id + "|inspectors");
  const order = departmentOrder(snapshot);
  const pools = new Map(order.map((d) => [d, new DepartmentPool(snapshot, d)]));
  const teams: Team[] = [];
  for (const target of selected) {
    const assignments: TeamAssignment[] = [];
    let leader = "";
    for (const dep of order) {
      const pool = pools.get(dep)!;
      const excluded = new Set<number>(pool.recusals.get(target.uscc) ?? []);
      if (task.rotate)
        for (const id of target.lastInspectors) {
          const p = pool.positionOf.get(id);
          if (p !== undefined) excluded.add(p);
        }
      const team: string[] = [];
      for (let k = 0; k < task.perDepartment; k++) {
        const pos = pool.pick(rng, excluded, task.crossArea ? target.area : null);
        if (pos < 0) return { ok: false, shortage: shortageOf(snapshot, dep, target, team) };
        excluded.add(pos);
        team.push(pool.members[pos].id);
      }
      if (dep === task.leadDepartment) leader = team[0];
      assignments.push({ department: dep, inspectors: team });
    }
    teams.push({ uscc: target.uscc, leader, teams: assignments });
  }
  return { ok: true, teams };
}
