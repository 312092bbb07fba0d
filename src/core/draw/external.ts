// 外部抽取: a drawn list made by a provincial platform ("平台之外无抽查", 邢台 2022), brought in as a
// draw of its own. Not a DRP-1 draw: nothing is drawn here, the list is recorded as the platform
// drew it. It is kept on a protected sheet like a snapshot (the task, the listed targets and
// inspectors as the registries held them, and the list itself) under a digest that the chained
// log carries, so that it is as tamper-evident as any draw; its 一企一表, notices, results,
// deadlines and statistics then work as for the tool's own draws.
import type { DrawOutcome, Inspector, IsoDate, SelectedTarget, Snapshot, StratumCount, Target, Task } from "../model";
import { STRATA } from "../model";
import type { ExternalDraw } from "../platform/import";
import { canonicalLines } from "./canonical";
import { defaultSha256 } from "./sha256";
import { byteOrder, sortedBy } from "./order";

/** The protocol name an external draw is recorded under. */
export const EXTERNAL_PROTOCOL = "外部抽取";

/** One row of the list as kept: a target and one department's inspectors (ids, and the text listed). */
export interface ListedRow {
  seq: number;
  uscc: string;
  department: string;
  /** 执法证号 found in the registry, in the list's order */
  inspectors: string[];
  /** the list's own text for the inspectors (names the registry does not know stay here) */
  listed: string;
}

/** What the external sheet holds beyond a snapshot. */
export interface ExternalList {
  /** where the list came from, e.g. 河北省双随机执法监管平台 */
  source: string;
  /** the platform drew it stratified by credit-risk grade */
  byGrade: boolean;
  rows: ListedRow[];
}

/** The draw as the downstream papers take it: a snapshot, an outcome, and the list. */
export interface ExternalDrawn {
  snapshot: Snapshot;
  outcome: DrawOutcome;
  list: ExternalList;
}

/**
 * The external draw of `task` from an imported list: the listed targets and inspectors as the
 * registries hold them now (the snapshot), the list's targets in its order with their teams (the
 * outcome: no reserves), and the list as kept.
 */
export function externalDrawn(
  task: Task,
  imported: ExternalDraw,
  registry: readonly Target[],
  inspectors: readonly Inspector[],
  date: IsoDate,
): ExternalDrawn {
  const byUscc = new Map(registry.map((t) => [t.uscc, t]));
  const rows: ListedRow[] = [];
  const selected: SelectedTarget[] = [];
  const ids = new Set<string>();
  const order = [task.leadDepartment, ...task.departments.filter((d) => d !== task.leadDepartment)];
  imported.targets.forEach((t, i) => {
    const teams = order.map((department) => {
      const listed = t.teams.find((x) => x.department === department)?.inspectors ?? [];
      const found = listed.map((p) => p.id).filter((id): id is string => id !== null);
      found.forEach((id) => ids.add(id));
      rows.push({
        seq: i + 1,
        uscc: t.uscc,
        department,
        inspectors: found,
        listed: listed.map((p) => p.text).join("、"),
      });
      return { department, inspectors: found };
    });
    const target = byUscc.get(t.uscc);
    selected.push({
      seq: i + 1,
      uscc: t.uscc,
      // the registry's grade, as verify recomputes it from the snapshot; the list's is only compared
      stratum: target?.riskGrade ?? t.grade ?? "A",
      leader: teams[0]?.inspectors[0] ?? "",
      teams,
    });
  });
  const listedTargets = selected.map((s) => byUscc.get(s.uscc)).filter((t): t is Target => t !== undefined);
  const snapshot: Snapshot = {
    protocol: EXTERNAL_PROTOCOL,
    task,
    date,
    specialties: Object.fromEntries(task.departments.map((d) => [d, []])),
    targets: sortedBy(listedTargets, (t) => t.uscc),
    inspectors: sortedBy(
      inspectors.filter((x) => ids.has(x.id)),
      (x) => x.id,
    ),
    excluded: { out_of_scope: 0, inactive: 0, upper_sampled: 0, cooldown: 0, drawn_this_year: 0 },
    registrySize: registry.length,
    inScope: registry.length,
  };
  return {
    snapshot,
    outcome: { strata: strataOf(selected), selected, reserves: [] },
    list: { source: imported.source, byGrade: imported.byGrade, rows },
  };
}

/** Counts per stratum of the listed targets (the list is the frame: eligible = selected). */
export function strataOf(selected: readonly SelectedTarget[]): StratumCount[] {
  return STRATA.map((stratum) => {
    const n = selected.filter((s) => s.stratum === stratum).length;
    return { stratum, eligible: n, selected: n };
  }).filter((s) => s.selected > 0);
}

/** The outcome of an external draw from its kept list (the order of the list, teams per department). */
export function outcomeOfList(snapshot: Snapshot, list: ExternalList): DrawOutcome {
  const byUscc = new Map(snapshot.targets.map((t) => [t.uscc, t]));
  const selected: SelectedTarget[] = [];
  for (const r of list.rows) {
    let s = selected.find((x) => x.seq === r.seq);
    if (!s) {
      s = { seq: r.seq, uscc: r.uscc, stratum: byUscc.get(r.uscc)?.riskGrade ?? "A", leader: "", teams: [] };
      selected.push(s);
    }
    s.teams.push({ department: r.department, inspectors: [...r.inspectors] });
    if (!s.leader && r.department === snapshot.task.leadDepartment) s.leader = r.inspectors[0] ?? "";
  }
  return { strata: strataOf(selected), selected, reserves: [] };
}

/** The canonical lines of an external draw: the snapshot's (DRP-1 §7 form), then the list's. */
export function* externalLines(snapshot: Snapshot, list: ExternalList): Generator<string> {
  yield* canonicalLines(snapshot);
  yield JSON.stringify(["external", list.source, list.byGrade]) + "\n";
  for (const r of [...list.rows].sort((a, b) => a.seq - b.seq || byteOrder(a.department, b.department)))
    yield JSON.stringify(["listed", r.seq, r.uscc, r.department, r.inspectors, r.listed]) + "\n";
}

/** SHA-256 of the external draw's canonical lines, 64 lower-case hex digits. */
export async function externalDigest(snapshot: Snapshot, list: ExternalList): Promise<string> {
  const h = defaultSha256();
  for (const line of externalLines(snapshot, list)) h.update(line);
  return h.hex();
}
