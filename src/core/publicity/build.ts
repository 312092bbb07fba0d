// 结果公示: one row per drawn target and department, with its deadline and status, and the task's figures.
import type { InspectionResult, IsoDate, ResultCategory, StoredDraw, Task } from "../model";
import type { Issue, Lang } from "../issues/issue";
import { issue } from "../issues/issue";
import { provisionalYearIssues, type Calendar } from "../calendar";
import type { ResultColumns } from "./columns";
import { rowDeadlines, type FollowUpStatus, type PublicityStatus } from "./deadlines";
import { drawPairs, pairKey, RESULTS_SHEET, validateResults } from "./validate";

/** One row of the publicity table. */
export interface PublicityRow {
  uscc: string;
  name: string;
  department: string;
  result: ResultCategory | null;
  completed: IsoDate | null;
  penaltyNo: string;
  penaltyDate: IsoDate | null;
  problem: string;
  rectification: string;
  publishBy: IsoDate | null;
  status: PublicityStatus;
  /** publishBy is 暂定 (runs through a year without an official schedule) */
  provisional: boolean;
  calendarVersion: string;
  published: IsoDate | null;
  publishedLate: boolean;
  followUpBy: IsoDate | null;
  followUpStatus: FollowUpStatus;
  followUpProvisional: boolean;
  /** 1-based row on 检查结果, null when the sheet has no row for this pair */
  row: number | null;
}

/**
 * 计数规则, the one rule of every figure: a target (户) counts as inspected when every department
 * of its team has its result (completion date and category); problems and published are counted
 * among the inspected targets only (a problem found by any department; published when every
 * department's row is). Rows (target × department) are counted apart, as rows. A rate whose
 * denominator is 0 is null ('—' on paper), never 0% or 100%.
 */
export const COUNTING_RULE =
  "计数规则：检查对象按户计，一户的每个参与部门都录入了检查完成日期和检查结果，才计为“已检查”；“发现问题”“已公示”只在已检查的户中计（任一部门发现问题即计为发现问题，各部门均已公示才计为已公示）。按部门的数字另按“每户每部门一行”计。比率的分母为 0 时记为“—”。";

/** The figures of one task; targets are counted once whatever the number of departments. */
export interface PublicityStats {
  /** targets drawn */
  selected: number;
  /** targets every department of which has its result (COUNTING_RULE) */
  inspected: number;
  /** inspected targets with a row 发现问题已责令整改 or 行政处罚 */
  problems: number;
  /** inspected targets whose rows are all published */
  published: number;
  /** selected / inScope (the base of 最低抽查比例), rounded to 4 decimals (0 when nothing is in scope) */
  coverage: number;
  /** selected / registrySize, rounded to 4 decimals */
  registryCoverage: number;
  registrySize: number;
  inScope: number;
  eligible: number;
  /** 最低抽查比例 in basis points, null when the task sets none */
  minRatio: number | null;
  /** selected ≥ minRatio × inScope; null when the task sets no minimum */
  meetsMinimum: boolean | null;
  /** problems / inspected targets, null when none is inspected */
  problemRate: number | null;
  /** published / inspected targets, null when none is inspected */
  publicityRate: number | null;
  /** rows (target × department) by status */
  rows: number;
  /** rows with a completion date and a result */
  rowsInspected: number;
  /** inspected rows 发现问题已责令整改 or 行政处罚 */
  rowsProblems: number;
  rowsPublished: number;
  rowsPending: number;
  rowsOverdue: number;
  rowsNotInspected: number;
  rowsPublishedLate: number;
  followUpDue: number;
  followUpDone: number;
  followUpOverdue: number;
  /** followUpDone / followUpDue, null when none is due */
  followUpRate: number | null;
}

export interface Publicity {
  task: string;
  taskName: string;
  rows: PublicityRow[];
  stats: PublicityStats;
  calendarVersion: string;
  today: IsoDate;
  issues: Issue[];
}

export interface BuildPublicityInput {
  /** defaults to the task of the draw's snapshot */
  task?: Task;
  /** the task's valid (有效) draw */
  draw: StoredDraw;
  /** the rows of 检查结果 (other tasks' rows are ignored) */
  results: readonly InspectionResult[];
  calendar: Calendar;
  /** China date */
  today: IsoDate;
  columns?: ResultColumns;
  sheet?: string;
  lang?: Lang;
}

export const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
/** a / b rounded to 4 decimals, null when b is 0 (a rate of nothing is no rate) */
export const rate = (a: number, b: number): number | null => (b === 0 ? null : ratio(a, b));

export const isProblem = (r: ResultCategory | null): boolean => r === "发现问题已责令整改" || r === "行政处罚";

export function buildPublicity(input: BuildPublicityInput): Publicity {
  const { draw, results, calendar, today, columns, sheet = RESULTS_SHEET, lang = "zh" } = input;
  const task = input.task ?? draw.snapshot.task;
  const { issues, accepted } = validateResults(results, { task, draw, columns, sheet, today, lang });
  const byPair = new Map(accepted.map((r) => [pairKey(r.uscc, r.department), r]));
  const names = new Map(draw.snapshot.targets.map((t) => [t.uscc, t.name]));
  const provisionalYears = new Set<number>();

  const rows: PublicityRow[] = drawPairs(draw).map(({ uscc, department }) => {
    const found = byPair.get(pairKey(uscc, department));
    if (!found) issues.push(issue("result_row_missing", { sheet }, { uscc, department }, lang));
    const r: InspectionResult = found ?? {
      taskId: task.id,
      uscc,
      name: names.get(uscc) ?? "",
      department,
      completed: null,
      result: null,
      problem: "",
      rectification: "",
      penaltyNo: "",
      penaltyDate: null,
      followUp: "",
      enteredBy: "",
      published: null,
      row: 0,
    };
    const d = rowDeadlines(r, calendar, today);
    d.provisionalYears.forEach((y) => provisionalYears.add(y));
    return {
      uscc,
      name: names.get(uscc) || r.name,
      department,
      result: r.result,
      completed: r.completed,
      penaltyNo: r.penaltyNo,
      penaltyDate: r.penaltyDate,
      problem: r.problem,
      rectification: r.rectification,
      publishBy: d.publishBy,
      status: d.status,
      provisional: d.provisional,
      calendarVersion: calendar.version,
      published: r.published,
      publishedLate: d.publishedLate,
      followUpBy: d.followUpBy,
      followUpStatus: d.followUpStatus,
      followUpProvisional: d.followUpProvisional,
      row: found ? found.row : null,
    };
  });
  issues.push(...provisionalYearIssues(provisionalYears, lang));
  return {
    task: task.id,
    taskName: task.name,
    rows,
    stats: publicityStats(draw, rows),
    calendarVersion: calendar.version,
    today,
    issues,
  };
}

/** A row that has its result: a completion date and a category. */
export const isInspected = (r: { completed: IsoDate | null; result: ResultCategory | null }): boolean =>
  r.completed !== null && r.result !== null;

/** The task's figures under COUNTING_RULE; the pane, the command line and 抽查统计 all show these. */
export function publicityStats(draw: StoredDraw, rows: readonly PublicityRow[]): PublicityStats {
  const byTarget = new Map<string, PublicityRow[]>();
  for (const s of draw.outcome.selected) byTarget.set(s.uscc, []);
  for (const r of rows) byTarget.get(r.uscc)?.push(r);
  let inspected = 0;
  let problems = 0;
  let published = 0;
  for (const rs of byTarget.values()) {
    if (rs.length === 0 || !rs.every(isInspected)) continue;
    inspected++;
    if (rs.some((r) => isProblem(r.result))) problems++;
    if (rs.every((r) => r.status === "published")) published++;
  }
  const count = (p: (r: PublicityRow) => boolean) => rows.filter(p).length;
  const { registrySize, inScope } = draw.snapshot;
  const task = draw.snapshot.task;
  const selected = draw.outcome.selected.length;
  const followUpDue = count((r) => r.followUpStatus !== "not_applicable");
  const followUpDone = count((r) => r.followUpStatus === "done");
  return {
    selected,
    inspected,
    problems,
    published,
    coverage: ratio(selected, inScope),
    registryCoverage: ratio(selected, registrySize),
    registrySize,
    inScope,
    eligible: draw.snapshot.targets.length,
    minRatio: task.minRatio,
    meetsMinimum: task.minRatio === null ? null : selected * 10000 >= task.minRatio * inScope,
    problemRate: rate(problems, inspected),
    publicityRate: rate(published, inspected),
    rows: rows.length,
    rowsInspected: count(isInspected),
    rowsProblems: count((r) => isInspected(r) && isProblem(r.result)),
    rowsPublished: count((r) => r.status === "published"),
    rowsPending: count((r) => r.status === "pending"),
    rowsOverdue: count((r) => r.status === "overdue"),
    rowsNotInspected: count((r) => r.status === "not_inspected"),
    rowsPublishedLate: count((r) => r.publishedLate),
    followUpDue,
    followUpDone,
    followUpOverdue: count((r) => r.followUpStatus === "overdue"),
    followUpRate: rate(followUpDone, followUpDue),
  };
}
