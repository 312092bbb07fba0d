// DRP-1 step 1: which targets may be drawn, and why the others may not.
import type { ExclusionReason, IsoDate, StoredDraw, Target, Task } from "../model";
import { daysBetween } from "./dates";

export interface Eligibility {
  eligible: Target[];
  excluded: Record<ExclusionReason, number>;
  /** targets not out_of_scope */
  inScope: number;
}

/** The first exclusion reason that applies to a target, or null when it is eligible. */
export function exclusionReason(
  task: Task,
  target: Target,
  date: IsoDate,
  drawnThisYear: ReadonlySet<string>,
  categories: ReadonlySet<string> = new Set(task.categories),
): ExclusionReason | null {
  if (categories.size > 0 && !categories.has(target.category)) return "out_of_scope";
  if (target.status !== "在营") return "inactive";
  // complaints override the three "don't inspect too often" rules
  if (target.complaints > 0) return null;
  if (task.excludeUpper && target.upperSampled) return "upper_sampled";
  if (
    task.cooldownDays > 0 &&
    target.lastInspected !== null &&
    daysBetween(target.lastInspected, date) < task.cooldownDays
  )
    return "cooldown";
  if (drawnThisYear.has(target.uscc)) return "drawn_this_year";
  return null;
}

export function eligibility(
  task: Task,
  targets: readonly Target[],
  date: IsoDate,
  drawnThisYear: ReadonlySet<string>,
): Eligibility {
  const excluded: Record<ExclusionReason, number> = {
    out_of_scope: 0,
    inactive: 0,
    upper_sampled: 0,
    cooldown: 0,
    drawn_this_year: 0,
  };
  const categories = new Set(task.categories);
  const eligible: Target[] = [];
  for (const t of targets) {
    const reason = exclusionReason(task, t, date, drawnThisYear, categories);
    if (reason === null) eligible.push(t);
    else excluded[reason]++;
  }
  return { eligible, excluded, inScope: targets.length - excluded.out_of_scope };
}

/**
 * USCCs selected (reserves not counted) by 有效 draws in the calendar year of `date` whose task
 * shares at least one item id with `task`.
 */
export function drawnThisYear(draws: readonly StoredDraw[], task: Task, date: IsoDate): Set<string> {
  const items = new Set(task.itemIds);
  const year = date.slice(0, 4);
  const out = new Set<string>();
  for (const d of draws) {
    if (d.record.status !== "有效" || d.record.date.slice(0, 4) !== year) continue;
    if (!d.snapshot.task.itemIds.some((i) => items.has(i))) continue;
    for (const s of d.outcome.selected) out.add(s.uscc);
  }
  return out;
}
