// `year --json`: the year view as the one JSON document of cli.md (its fields first, more added),
// with, for every figure, the USCCs and 检查结果 rows it counts.
import { GRADES, RESULT_CATEGORIES } from "../model";
import type { Issue } from "../issues/issue";
import { figureRows, figureTargets, type Figure } from "./figure";
import type { ScopeView, YearView } from "./view";

/** What a figure counts: the USCCs and the 检查结果 rows. */
export interface FigureJson {
  targets: string[];
  rows: number[];
}

const detail = (f: Figure): FigureJson => ({ targets: figureTargets(f), rows: figureRows(f) });

const issueJson = (i: Issue) => ({
  sheet: i.sheet,
  row: i.row,
  column: i.column,
  cell: i.cell,
  code: i.code,
  message: i.message,
});

function scopeJson(s: ScopeView) {
  const byGrade = Object.fromEntries(
    GRADES.map((g) => [
      g,
      { registry: s.byGrade[g].registry, drawn: s.byGrade[g].drawn.value, share: s.byGrade[g].share },
    ]),
  );
  const results = Object.fromEntries(RESULT_CATEGORIES.map((c) => [c, s.results[c].value]));
  const figures: Record<string, FigureJson> = {
    drawn: detail(s.drawn),
    ungraded: detail(s.ungraded),
    notGraded: detail(s.notGraded),
    inspected: detail(s.inspected),
    notInspected: detail(s.notInspected),
    problems: detail(s.problems),
    published: detail(s.published),
    publishedOnTime: detail(s.publishing.onTime),
    publishedLate: detail(s.publishing.late),
    publishOverdue: detail(s.publishing.overdue),
    publishPending: detail(s.publishing.pending),
    penalties: detail(s.penalties.all),
    penaltiesOnTime: detail(s.penalties.onTime),
    penaltiesLate: detail(s.penalties.late),
    penaltiesOverdue: detail(s.penalties.overdue),
    penaltiesNoDate: detail(s.penalties.noDate),
    followUpDue: detail(s.followUp.due),
    followUpDone: detail(s.followUp.done),
    followUpOverdue: detail(s.followUp.overdue),
  };
  for (const g of GRADES) figures[`drawn${g}`] = detail(s.byGrade[g].drawn);
  for (const c of RESULT_CATEGORIES) figures[`result:${c}`] = detail(s.results[c]);
  return {
    registry: s.registry,
    drawn: s.drawn.value,
    share: s.share,
    goal: s.goal,
    byGrade,
    uncoveredItems: s.uncoveredItems.map((i) => i.itemId),
    repeated: s.repeated.map((r) => ({ uscc: r.uscc, name: r.name, item: r.itemId, sheets: r.sheets })),
    inspected: s.inspected.value,
    published: s.published.value,
    publicityRate: s.publicityRate,
    meetsGoal: s.meetsGoal,
    toGoal: s.toGoal,
    planned: s.planned,
    ungraded: s.ungraded.value,
    inspections: s.inspections.value,
    gradedShare: s.gradedShare,
    notInspected: s.notInspected.value,
    problems: s.problems.value,
    problemRate: s.problemRate,
    results,
    publishing: {
      onTime: s.publishing.onTime.value,
      late: s.publishing.late.value,
      overdue: s.publishing.overdue.value,
      pending: s.publishing.pending.value,
      onTimeRate: s.publishing.onTimeRate,
    },
    penalties: {
      total: s.penalties.all.value,
      onTime: s.penalties.onTime.value,
      late: s.penalties.late.value,
      overdue: s.penalties.overdue.value,
      pending: s.penalties.pending.value,
      noDate: s.penalties.noDate.value,
      onTimeRate: s.penalties.onTimeRate,
    },
    followUp: {
      due: s.followUp.due.value,
      done: s.followUp.done.value,
      pending: s.followUp.pending.value,
      overdue: s.followUp.overdue.value,
      doneRate: s.followUp.doneRate,
    },
    figures,
  };
}

/** The JSON document of `year --json`. */
export function yearJson(view: YearView) {
  return {
    year: view.year,
    ...scopeJson(view.total),
    today: view.today,
    period: view.period,
    calendar: view.calendarVersion,
    draws: view.draws.map((d) => ({
      sheet: d.sheet,
      task: d.taskId,
      taskName: d.taskName,
      date: d.date,
      external: d.external,
      byGrade: d.byGrade,
      targets: d.targets.length,
    })),
    departments: view.departments.map((s) => ({ department: s.department, ...scopeJson(s) })),
    plan: view.plan.map((b) => ({
      row: b.batch.row,
      batch: b.batch.batch,
      department: b.batch.department,
      start: b.batch.start,
      end: b.batch.end,
      tasks: b.batch.taskIds,
      state: b.state,
      planned: b.planned,
      drawn: b.drawn.value,
      missingItems: b.missingItems,
      late: b.state === "late" || b.state === "overdue",
    })),
    warnings: view.issues.filter((i) => i.severity === "warning").map(issueJson),
    errors: view.issues.filter((i) => i.severity === "error").map(issueJson),
  };
}
