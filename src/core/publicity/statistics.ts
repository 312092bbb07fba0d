// 抽查统计: figures per task and per year over the valid draws, for the yearly report and self-checks.
import {
  RESULT_CATEGORIES,
  type InspectionResult,
  type IsoDate,
  type ResultCategory,
  type Stratum,
  type StoredDraw,
} from "../model";
import type { Issue, Lang } from "../issues/issue";
import type { Calendar } from "../calendar";
import { buildPublicity, isInspected, isProblem, rate, ratio, type PublicityRow } from "./build";

export interface StratumStatistics {
  stratum: Stratum;
  eligible: number;
  selected: number;
  /** targets of the stratum inspected by every department (COUNTING_RULE) */
  inspected: number;
  problems: number;
  /** problems / inspected targets, null when none is inspected */
  problemRate: number | null;
}

/** Rows (target × department) per 抽查结果 category. */
export type ResultCounts = Record<ResultCategory, number>;

export interface TaskStatistics {
  year: number;
  task: string;
  taskName: string;
  drawSheet: string;
  drawDate: IsoDate;
  registrySize: number;
  inScope: number;
  eligible: number;
  selected: number;
  /** selected / inScope, the base of 最低抽查比例 */
  coverage: number;
  /** 最低抽查比例 in basis points, null when the task sets none */
  minRatio: number | null;
  /** null when the task sets no minimum */
  meetsMinimum: boolean | null;
  strata: StratumStatistics[];
  /** rows (target × department) per category */
  results: ResultCounts;
  /** targets, COUNTING_RULE */
  inspected: number;
  problems: number;
  problemRate: number | null;
  published: number;
  publicityRate: number | null;
  /** rows (target × department) inspected, and published */
  rowsInspected: number;
  rowsPublished: number;
  /** rows not published past their deadline */
  overdue: number;
  followUpDue: number;
  followUpDone: number;
  followUpRate: number | null;
}

export interface YearStatistics {
  year: number;
  tasks: number;
  /** registry size at the year's latest draw */
  registrySize: number;
  /** distinct targets drawn in the year */
  selected: number;
  /** selected / registrySize */
  coverage: number;
  results: ResultCounts;
  /** targets, summed over the tasks (COUNTING_RULE) */
  inspected: number;
  problems: number;
  published: number;
  publicityRate: number | null;
  overdue: number;
  followUpDue: number;
  followUpDone: number;
  followUpRate: number | null;
  /** targets drawn by more than one valid draw in the year (防止检查过多) */
  drawnTwice: { uscc: string; name: string; tasks: string[] }[];
}

export interface Statistics {
  tasks: TaskStatistics[];
  years: YearStatistics[];
  issues: Issue[];
}

const emptyCounts = (): ResultCounts => Object.fromEntries(RESULT_CATEGORIES.map((c) => [c, 0])) as ResultCounts;

function countResults(rows: readonly PublicityRow[], into = emptyCounts()): ResultCounts {
  for (const r of rows) if (isInspected(r)) into[r.result!]++;
  return into;
}

/** Figures of the valid draws (draws of another status are left out) and their result rows. */
export function buildStatistics(
  draws: readonly StoredDraw[],
  results: readonly InspectionResult[],
  calendar: Calendar,
  today: IsoDate,
  lang: Lang = "zh",
): Statistics {
  const valid = draws
    .filter((d) => d.record.status === "有效")
    .sort((a, b) => (a.record.timestamp < b.record.timestamp ? -1 : a.record.timestamp > b.record.timestamp ? 1 : 0));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const tasks: (TaskStatistics & { rows: PublicityRow[]; names: Map<string, string> })[] = [];

  for (const draw of valid) {
    const p = buildPublicity({ draw, results, calendar, today, lang });
    for (const i of p.issues) {
      const key = `${i.code}|${i.sheet}|${i.row}|${i.cell}|${i.message}`;
      if (!seen.has(key)) (issues.push(i), seen.add(key));
    }
    const stratumOf = new Map(draw.outcome.selected.map((s) => [s.uscc, s.stratum]));
    const perTarget = new Map<string, PublicityRow[]>();
    for (const r of p.rows) perTarget.set(r.uscc, [...(perTarget.get(r.uscc) ?? []), r]);
    const strata = draw.outcome.strata.map((s) => {
      let inspected = 0;
      let problems = 0;
      for (const [uscc, rs] of perTarget) {
        if (stratumOf.get(uscc) !== s.stratum || !rs.every(isInspected)) continue;
        inspected++;
        if (rs.some((r) => isProblem(r.result))) problems++;
      }
      return {
        stratum: s.stratum,
        eligible: s.eligible,
        selected: s.selected,
        inspected,
        problems,
        problemRate: rate(problems, inspected),
      };
    });
    const task = draw.snapshot.task;
    const st = p.stats;
    tasks.push({
      year: Number(draw.record.date.slice(0, 4)),
      task: task.id,
      taskName: task.name,
      drawSheet: draw.record.sheet,
      drawDate: draw.record.date,
      registrySize: st.registrySize,
      inScope: st.inScope,
      eligible: st.eligible,
      selected: st.selected,
      coverage: st.coverage,
      minRatio: st.minRatio,
      meetsMinimum: st.meetsMinimum,
      strata,
      results: countResults(p.rows),
      inspected: st.inspected,
      problems: st.problems,
      problemRate: st.problemRate,
      published: st.published,
      publicityRate: st.publicityRate,
      rowsInspected: st.rowsInspected,
      rowsPublished: st.rowsPublished,
      overdue: st.rowsOverdue,
      followUpDue: st.followUpDue,
      followUpDone: st.followUpDone,
      followUpRate: st.followUpRate,
      rows: p.rows,
      names: new Map(draw.snapshot.targets.map((t) => [t.uscc, t.name])),
    });
  }

  const years: YearStatistics[] = [];
  for (const year of [...new Set(tasks.map((t) => t.year))].sort((a, b) => a - b)) {
    const ts = tasks.filter((t) => t.year === year);
    const drawnBy = new Map<string, string[]>();
    const names = new Map<string, string>();
    for (const t of ts)
      for (const uscc of new Set(t.rows.map((r) => r.uscc))) {
        drawnBy.set(uscc, [...(drawnBy.get(uscc) ?? []), t.task]);
        names.set(uscc, t.names.get(uscc) ?? "");
      }
    const sum = (f: (t: TaskStatistics) => number) => ts.reduce((n, t) => n + f(t), 0);
    const results = emptyCounts();
    for (const t of ts) countResults(t.rows, results);
    const inspected = sum((t) => t.inspected);
    const published = sum((t) => t.published);
    const followUpDue = sum((t) => t.followUpDue);
    const followUpDone = sum((t) => t.followUpDone);
    const registrySize = ts[ts.length - 1].registrySize;
    years.push({
      year,
      tasks: ts.length,
      registrySize,
      selected: drawnBy.size,
      coverage: ratio(drawnBy.size, registrySize),
      results,
      inspected,
      problems: sum((t) => t.problems),
      published,
      publicityRate: rate(published, inspected),
      overdue: sum((t) => t.overdue),
      followUpDue,
      followUpDone,
      followUpRate: rate(followUpDone, followUpDue),
      drawnTwice: [...drawnBy]
        .filter(([, t]) => t.length > 1)
        .map(([uscc, t]) => ({ uscc, name: names.get(uscc) ?? "", tasks: t }))
        .sort((a, b) => (a.uscc < b.uscc ? -1 : 1)),
    });
  }
  return { tasks: tasks.map(({ rows: _rows, names: _names, ...t }) => t), years, issues };
}
