// Checks of the 检查结果 rows of one task against its draw and the publicity rules.
import { RESULT_CATEGORIES, type InspectionResult, type IsoDate, type StoredDraw, type Task } from "../model";
import { issue, type Issue, type Lang } from "../issues/issue";
import type { IssueCode } from "../issues/catalogue";
import { RESULT_HEADERS, type ResultColumns } from "./columns";

export const RESULTS_SHEET = "检查结果";

export interface ValidateResultsOptions {
  task: Task;
  draw: StoredDraw;
  /** located columns; without it issues carry the header but no cell address */
  columns?: ResultColumns;
  sheet?: string;
  /** China date; when given, completion dates after it are warned about */
  today?: IsoDate;
  lang?: Lang;
}

/** `uscc|department` */
export const pairKey = (uscc: string, department: string): string => `${uscc}|${department}`;

/** The (target, department) pairs of a draw, in DRP-1 order. */
export function drawPairs(draw: StoredDraw): { uscc: string; department: string }[] {
  return draw.outcome.selected.flatMap((s) => s.teams.map((t) => ({ uscc: s.uscc, department: t.department })));
}

/**
 * Issues of the task's rows (rows of other tasks are not looked at), each at its cell, and the
 * rows that can be published: those of the draw, first of each (target, department).
 */
export function validateResults(
  results: readonly InspectionResult[],
  options: ValidateResultsOptions,
): { issues: Issue[]; accepted: InspectionResult[] } {
  const { task, draw, columns = {}, sheet = RESULTS_SHEET, today, lang = "zh" } = options;
  const issues: Issue[] = [];
  const at = (r: InspectionResult, field: keyof InspectionResult) => ({
    sheet,
    row: r.row || null,
    column: columns[field]?.header ?? RESULT_HEADERS[field],
    columnIndex: columns[field]?.index,
  });
  const add = (
    code: IssueCode,
    r: InspectionResult,
    field: keyof InspectionResult,
    params: Record<string, string | number>,
  ) => issues.push(issue(code, at(r, field), params, lang));

  const pairs = new Set(drawPairs(draw).map((p) => pairKey(p.uscc, p.department)));
  const drawnTargets = new Set(draw.outcome.selected.map((s) => s.uscc));
  const firstRow = new Map<string, InspectionResult>();
  const accepted: InspectionResult[] = [];

  for (const r of results) {
    if (r.taskId !== task.id) continue;
    const key = pairKey(r.uscc, r.department);
    if (!pairs.has(key)) {
      // The code names the wrong cell: the target when it was not drawn, else the department.
      add("result_not_in_draw", r, drawnTargets.has(r.uscc) ? "department" : "uscc", {
        uscc: r.uscc,
        department: r.department,
        task: task.id,
      });
      continue;
    }
    const first = firstRow.get(key);
    if (first) {
      add("result_duplicate", r, "uscc", { uscc: r.uscc, department: r.department, task: task.id, first: first.row });
      continue;
    }
    firstRow.set(key, r);
    accepted.push(r);

    if (r.result !== null && !(RESULT_CATEGORIES as readonly string[]).includes(r.result))
      add("result_category", r, "result", { value: r.result });
    if (r.completed !== null && r.completed < task.startDate)
      add("completed_before_start", r, "completed", { completed: r.completed, task: task.id, start: task.startDate });
    if (r.completed !== null && today !== undefined && r.completed > today)
      add("completed_in_future", r, "completed", { completed: r.completed, today });
    if (r.result !== null && r.completed === null) add("completed_missing", r, "completed", { result: r.result });
    if (r.result === null && r.completed !== null) add("result_missing", r, "result", { completed: r.completed });
    if (r.result === "行政处罚") {
      if (r.penaltyNo.trim() === "") add("penalty_fields_missing", r, "penaltyNo", { field: RESULT_HEADERS.penaltyNo });
      if (r.penaltyDate === null)
        add("penalty_fields_missing", r, "penaltyDate", { field: RESULT_HEADERS.penaltyDate });
      else if (r.completed !== null && r.penaltyDate < r.completed)
        add("penalty_before_completed", r, "penaltyDate", { penaltyDate: r.penaltyDate, completed: r.completed });
    }
    if (r.result === "发现问题已责令整改" && r.problem.trim() === "") add("problem_missing", r, "problem", {});
  }
  return { issues, accepted };
}
