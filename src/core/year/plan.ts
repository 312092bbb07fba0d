// 年度抽查计划 against the draws: what each planned batch asked for, which draws carry it, how far
// it stands, and whether it is late.
import type { Checkpoint, IsoDate, PlanBatch, Target } from "../model";
import { issue, type Issue, type Lang } from "../issues/issue";
import type { YearDraw } from "./input";
import { figure, type Figure, type FigureEntry } from "./figure";

export const PLAN_SHEET = "年度抽查计划";

/** Where the plan's columns are, when the caller read the sheet (for the issues' cells). */
export type PlanColumns = Partial<Record<keyof PlanBatch, { header: string; index: number }>>;

/**
 * 批次状态: not_started (window ahead), late (window open, no draw carries it), overdue (window
 * over, no draw), in_progress (carried, short of the plan, window open), done (carried, plan
 * reached or no number planned), short (window over, short of the plan).
 */
export type BatchState = "not_started" | "late" | "overdue" | "in_progress" | "done" | "short";

export const BATCH_STATE_LABELS: Record<BatchState, string> = {
  not_started: "未开始",
  late: "已开始未抽取",
  overdue: "逾期未抽取",
  in_progress: "进行中",
  done: "已完成",
  short: "未达计划",
};

export interface BatchStatus {
  batch: PlanBatch;
  /** the registry targets the planned ratio is taken of (department's scope, batch's categories) */
  base: number;
  /** planned targets: 计划抽查户数, or ceil(base × 计划抽查比例) */
  planned: number | null;
  /** the draws of the batch's tasks in the year */
  carriers: YearDraw[];
  /** distinct targets of those draws inspected by the batch's department (and of its categories) */
  drawn: Figure;
  /** the batch's items that none of its draws carries */
  missingItems: string[];
  state: BatchState;
  /** draws in the window by the same department that the plan does not list (a hint to the clerk) */
  candidates: YearDraw[];
}

/** Targets in a department's scope: the categories its items apply to (an item without categories: all). */
export function departmentScope(items: readonly Checkpoint[], department: string): Set<string> | null {
  const own = items.filter((c) => c.department === department);
  if (own.length === 0 || own.some((c) => c.categories.length === 0)) return null;
  return new Set(own.flatMap((c) => c.categories));
}

export function inScope(t: Target, scope: Set<string> | null): boolean {
  return scope === null || scope.has(t.category);
}

export interface BatchInput {
  year: number;
  today: IsoDate;
  registry: readonly Target[];
  items: readonly Checkpoint[];
  plan: readonly PlanBatch[];
  /** the year's draws in effect */
  draws: readonly YearDraw[];
}

const overlaps = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

export function batchStatuses(input: BatchInput): BatchStatus[] {
  const { year, today, registry, items, plan, draws } = input;
  const categoryOf = new Map(registry.map((t) => [t.uscc, t.category]));
  return plan
    .filter((b) => b.year === year)
    .map((batch) => {
      const scope = departmentScope(items, batch.department);
      const inBatch = (category: string | undefined): boolean =>
        category === undefined || batch.categories.length === 0 || batch.categories.includes(category);
      const base = registry.filter((t) => inScope(t, scope) && inBatch(t.category)).length;
      const planned =
        batch.plannedCount !== null
          ? batch.plannedCount
          : batch.plannedRatio !== null
            ? Math.ceil((base * batch.plannedRatio) / 10000)
            : null;
      const carriers = draws.filter((d) => batch.taskIds.includes(d.taskId));
      const byTarget = new Map<string, FigureEntry>();
      for (const d of carriers)
        for (const t of d.targets) {
          if (!t.departments.includes(batch.department) || !inBatch(categoryOf.get(t.uscc))) continue;
          const e = byTarget.get(t.uscc);
          if (e) e.sheets.push(d.sheet);
          else byTarget.set(t.uscc, { uscc: t.uscc, name: t.name, sheets: [d.sheet], department: "", rows: [] });
        }
      const drawn = figure([...byTarget.values()].sort((a, b) => (a.uscc < b.uscc ? -1 : 1)));
      const carried = new Set(carriers.flatMap((d) => d.itemIds));
      const missingItems = carriers.length === 0 ? [] : batch.itemIds.filter((id) => !carried.has(id));
      const open = today >= batch.start;
      const over = today > batch.end;
      const reached = planned === null || drawn.value >= planned;
      const state: BatchState =
        carriers.length === 0
          ? over
            ? "overdue"
            : open
              ? "late"
              : "not_started"
          : reached
            ? "done"
            : over
              ? "short"
              : "in_progress";
      const candidates = draws.filter(
        (d) =>
          !batch.taskIds.includes(d.taskId) &&
          d.departments.includes(batch.department) &&
          d.date >= batch.start &&
          d.date <= batch.end &&
          (batch.itemIds.length === 0 || overlaps(batch.itemIds, d.itemIds)),
      );
      return { batch, base, planned, carriers, drawn, missingItems, state, candidates };
    });
}

/** The plan's warnings: late and overdue batches, batches short of the plan once over, tasks listed but not drawn. */
export function batchIssues(
  statuses: readonly BatchStatus[],
  today: IsoDate,
  lang: Lang = "zh",
  columns: PlanColumns = {},
): Issue[] {
  const at = (b: PlanBatch, field: keyof PlanBatch, header: string) => ({
    sheet: PLAN_SHEET,
    row: b.row || null,
    column: columns[field]?.header ?? header,
    columnIndex: columns[field]?.index,
  });
  const issues: Issue[] = [];
  for (const s of statuses) {
    const b = s.batch;
    const base = { batch: b.batch, department: b.department, start: b.start, end: b.end };
    const hint =
      s.candidates.length > 0
        ? lang === "en"
          ? `Draws that may carry it: ${s.candidates.map((d) => `${d.taskId} (${d.date})`).join(", ")}; if so, list their task ids in 任务编号.`
          : `可能执行此批次的抽取：${s.candidates.map((d) => `任务「${d.taskId}」（${d.date}）`).join("、")}；如是，请在「任务编号」列填写。`
        : lang === "en"
          ? "Draw a task for it, or adjust the plan (and publish the adjusted plan)."
          : "请按计划组织抽取，或按程序调整年度计划并公开。";
    if (s.state === "late")
      issues.push(issue("year_batch_late", at(b, "taskIds", "任务编号"), { ...base, hint }, lang));
    if (s.state === "overdue")
      issues.push(issue("year_batch_overdue", at(b, "taskIds", "任务编号"), { ...base, hint }, lang));
    if (s.state === "short" && s.planned !== null)
      issues.push(
        issue(
          "year_batch_short",
          at(
            b,
            b.plannedCount !== null ? "plannedCount" : "plannedRatio",
            b.plannedCount !== null ? "计划抽查户数" : "计划抽查比例",
          ),
          { ...base, planned: s.planned, drawn: s.drawn.value, missing: s.planned - s.drawn.value },
          lang,
        ),
      );
    if (today > b.end && s.missingItems.length > 0)
      issues.push(
        issue(
          "year_batch_items_missing",
          at(b, "itemIds", "抽查事项"),
          {
            ...base,
            items: s.missingItems.join("、"),
            tasks: [...new Set(s.carriers.map((d) => d.taskId))].join("、"),
          },
          lang,
        ),
      );
    if (today > b.end && s.carriers.length > 0)
      for (const task of b.taskIds)
        if (!s.carriers.some((d) => d.taskId === task))
          issues.push(
            issue("year_batch_task_not_drawn", at(b, "taskIds", "任务编号"), { ...base, task, year: b.year }, lang),
          );
  }
  return issues;
}
