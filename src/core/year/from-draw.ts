// From the tool's own draws and the clerk's input to the year's inputs: a stored DRP-1 draw as a
// YearDraw (the register's current targets are the caller's to give), and the yearly share typed.
import type { StoredDraw } from "../model";
import { issue, type Issue, type Lang } from "../issues/issue";
import { parsePercent } from "../schema/values";
import type { YearDraw, YearDrawTarget } from "./input";

/**
 * A DRP-1 draw as the year counts it: its selected targets with the grade and the teams they were
 * drawn with. `current` replaces the selection when substitutions changed it (substitutes in,
 * replaced targets out), in the shape of the outcome's selected targets.
 */
export function yearDrawOf(
  draw: StoredDraw,
  current: StoredDraw["outcome"]["selected"] = draw.outcome.selected,
): YearDraw {
  const task = draw.snapshot.task;
  const byUscc = new Map(draw.snapshot.targets.map((t) => [t.uscc, t]));
  const targets: YearDrawTarget[] = current.map((s) => {
    const t = byUscc.get(s.uscc);
    return {
      uscc: s.uscc,
      name: t?.name ?? "",
      stratum: s.stratum,
      grade: t?.riskGrade ?? (s.stratum === "重点" ? null : s.stratum),
      departments: s.teams.map((x) => x.department),
    };
  });
  return {
    sheet: draw.record.sheet,
    taskId: task.id,
    taskName: task.name,
    date: draw.record.date,
    itemIds: [...task.itemIds],
    departments: [...task.departments],
    external: false,
    // every DRP-1 draw is stratified by grade (重点 aside): its strata are the grades
    byGrade: true,
    targets,
  };
}

/** The yearly share as the clerk types it ('5%', '0.05', '5'), in basis points, or the issue. */
export function parseYearShare(text: string, lang: Lang = "zh"): { share: number } | { issue: Issue } {
  const p = parsePercent(text.trim());
  if (p.ok && p.value > 0) return { share: p.value };
  return { issue: issue("year_share_invalid", {}, { value: text }, lang) };
}
