// 年度抽查统计: the year view. Per department and in total, the targets drawn against the
// registry, the plan and the yearly share; the grades; the item list's coverage; repeated draws;
// inspections, results, publicity, penalties and follow-up. Every figure keeps what it counts.
import {
  GRADES,
  RESULT_CATEGORIES,
  type Grade,
  type InspectionResult,
  type IsoDate,
  type ResultCategory,
  type Target,
} from "../model";
import { issue, type Issue } from "../issues/issue";
import type { Calendar, WorkingDayResult } from "../calendar";
import { rowDeadlines, type RowDeadlines } from "../publicity/deadlines";
import { isProblem } from "../publicity/build";
import { RESULTS_SHEET } from "../publicity/validate";
import { DEFAULT_SHARE, yearOfDate, type YearDraw, type YearDrawTarget, type YearInput } from "./input";
import { figure, rate, type Figure, type FigureEntry } from "./figure";
import { batchIssues, batchStatuses, departmentScope, inScope, type BatchStatus, type PlanColumns } from "./plan";

/** A grade's line: registry targets (in scope, by their grade now) and targets drawn (by the grade drawn in). */
export interface GradeLine {
  registry: number;
  drawn: Figure;
  /** drawn / registry */
  share: number;
}

/** 同年同一事项重复抽取 */
export interface Repeat {
  uscc: string;
  name: string;
  itemId: string;
  sheets: string[];
}

export interface ItemCoverage {
  itemId: string;
  item: string;
  department: string;
  /** the draws whose task carries the item */
  sheets: string[];
}

/** The figures of one scope: a department, or the total (department ''). */
export interface ScopeView {
  department: string;
  /** registry targets in scope (the total: every row of 检查对象名录库) */
  registry: number;
  /** distinct targets drawn */
  drawn: Figure;
  /** drawn / registry */
  share: number;
  /** the yearly share set, as a fraction */
  goal: number;
  meetsGoal: boolean;
  /** targets still to draw to reach the goal (0 when reached) */
  toGoal: number;
  /** planned targets of the year's batches of this scope; null without a plan */
  planned: number | null;
  byGrade: Record<Grade, GradeLine>;
  /** drawn targets whose grade is not known (external list without grades, not in the registry) */
  ungraded: Figure;
  /** 检查户次: (draw, target) */
  inspections: Figure;
  /** 户次 drawn by a draw stratified by grade */
  graded: Figure;
  notGraded: Figure;
  /** graded / inspections (1 with no draw): must be 100% */
  gradedShare: number;
  items: ItemCoverage[];
  uncoveredItems: ItemCoverage[];
  repeated: Repeat[];
  /** 户次 with at least one row inspected (completion date and result) */
  inspected: Figure;
  notInspected: Figure;
  /** 户次 with a row 发现问题已责令整改 or 行政处罚 */
  problems: Figure;
  /** 问题发现率: problems / inspected */
  problemRate: number;
  /** inspected rows (target × department) by category */
  results: Record<ResultCategory, Figure>;
  /** inspected 户次 whose inspected rows are all published */
  published: Figure;
  /** 公示率: published / inspected (1 when none inspected) */
  publicityRate: number;
  /** rows: published by the deadline, published after it, not published past it, not yet due */
  publishing: { onTime: Figure; late: Figure; overdue: Figure; pending: Figure; onTimeRate: number };
  /** 行政处罚 rows against the 7-working-day rule; noDate: no 处罚决定日期 */
  penalties: {
    all: Figure;
    onTime: Figure;
    late: Figure;
    overdue: Figure;
    pending: Figure;
    noDate: Figure;
    onTimeRate: number;
  };
  /** rows found with problems against the 20-working-day follow-up */
  followUp: { due: Figure; done: Figure; pending: Figure; overdue: Figure; doneRate: number };
}

export interface YearView {
  year: number;
  today: IsoDate;
  period: { from: IsoDate; to: IsoDate };
  /** basis points */
  share: number;
  calendarVersion: string;
  draws: YearDraw[];
  total: ScopeView;
  departments: ScopeView[];
  plan: BatchStatus[];
  issues: Issue[];
}

/** One target of one draw, with the items it is inspected for and its result rows. */
interface Pair {
  draw: YearDraw;
  target: YearDrawTarget;
  grade: Grade | null;
  items: string[];
  rows: PairRow[];
}

interface PairRow {
  department: string;
  result: InspectionResult | null;
  deadlines: RowDeadlines | null;
}

const inspectedRow = (r: PairRow): r is PairRow & { result: InspectionResult } =>
  r.result !== null && r.result.completed !== null && r.result.result !== null;

const byUscc = (a: { uscc: string }, b: { uscc: string }) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0);

function pairEntry(p: Pair, rows: readonly PairRow[]): FigureEntry {
  return {
    uscc: p.target.uscc,
    name: p.target.name,
    sheets: [p.draw.sheet],
    department: "",
    rows: rows.flatMap((r) => (r.result && r.result.row ? [r.result.row] : [])),
  };
}

function rowEntry(p: Pair, r: PairRow): FigureEntry {
  return {
    uscc: p.target.uscc,
    name: p.target.name,
    sheets: [p.draw.sheet],
    department: r.department,
    rows: r.result && r.result.row ? [r.result.row] : [],
  };
}

const resultKey = (task: string, uscc: string, department: string) => `${task}|${uscc}|${department}`;

/** The calendar with its deadlines remembered: a year's rows share few distinct dates. */
function remembering(calendar: Calendar): Calendar {
  const seen = new Map<string, WorkingDayResult>();
  return {
    version: calendar.version,
    isWorkingDay: (date) => calendar.isWorkingDay(date),
    yearSource: (year) => calendar.yearSource(year),
    addWorkingDays(date, n) {
      const k = `${date}|${n}`;
      let r = seen.get(k);
      if (!r) seen.set(k, (r = calendar.addWorkingDays(date, n)));
      return r;
    },
  };
}

export function computeYearView(input: YearInput & { planColumns?: PlanColumns }): YearView {
  const { year, today, registry, items, results, lang = "zh" } = input;
  const calendar = remembering(input.calendar);
  const share = input.share ?? DEFAULT_SHARE;
  const period = input.period ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  const issues: Issue[] = [];

  const draws = input.draws
    .filter((d) => yearOfDate(d.date) === year && d.date >= period.from && d.date <= period.to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.sheet < b.sheet ? -1 : 1));
  const registryBy = new Map<string, Target>(registry.map((t) => [t.uscc, t]));

  // items: id → name and department (the first checkpoint row of the id)
  const itemInfo = new Map<string, { item: string; department: string }>();
  for (const c of items)
    if (!itemInfo.has(c.itemId)) itemInfo.set(c.itemId, { item: c.item, department: c.department });

  // the first result row of each (task, target, department) counts, as on the publicity tables
  const resultBy = new Map<string, InspectionResult>();
  for (const r of results) {
    const k = resultKey(r.taskId, r.uscc, r.department);
    if (!resultBy.has(k)) resultBy.set(k, r);
  }

  const pairKeys = new Set<string>();
  const pairs: Pair[] = draws.flatMap((draw) =>
    draw.targets.map((target) => {
      const itemsOf = draw.itemIds.filter((id) => {
        const info = itemInfo.get(id);
        return !info || target.departments.includes(info.department);
      });
      const rows: PairRow[] = target.departments.map((department) => {
        const key = resultKey(draw.taskId, target.uscc, department);
        pairKeys.add(key);
        const result = resultBy.get(key) ?? null;
        return { department, result, deadlines: result ? rowDeadlines(result, calendar, today) : null };
      });
      return {
        draw,
        target,
        grade: target.grade ?? registryBy.get(target.uscc)?.riskGrade ?? null,
        items: itemsOf,
        rows,
      };
    }),
  );

  // result rows of the year's tasks that belong to no current target (a replaced target's row, a
  // typo); a second row of a pair is the publicity's warning (result_duplicate), not repeated here
  const tasks = new Set(draws.map((d) => d.taskId));
  for (const r of results)
    if (tasks.has(r.taskId) && !pairKeys.has(resultKey(r.taskId, r.uscc, r.department)) && r.row)
      issues.push(
        issue(
          "year_results_unmatched",
          { sheet: RESULTS_SHEET, row: r.row },
          { row: r.row, task: r.taskId, uscc: r.uscc, department: r.department, year },
          lang,
        ),
      );

  for (const d of draws)
    if (!d.byGrade && d.targets.length > 0)
      issues.push(
        issue(
          "year_draw_not_by_grade",
          { sheet: d.sheet },
          { sheet: d.sheet, task: d.taskId, count: d.targets.length },
          lang,
        ),
      );

  const plan = batchStatuses({ year, today, registry, items, plan: input.plan, draws });
  issues.push(...batchIssues(plan, today, lang, input.planColumns));

  // departments: the item list's order, then the draws', then the plan's
  const departments: string[] = [];
  const addDept = (d: string) => d !== "" && !departments.includes(d) && departments.push(d);
  items.forEach((c) => addDept(c.department));
  draws.forEach((d) => d.departments.forEach(addDept));
  input.plan.filter((b) => b.year === year).forEach((b) => addDept(b.department));

  const scope = (department: string): ScopeView => {
    const dept = department === "" ? null : department;
    const cats = dept === null ? null : departmentScope(items, dept);
    // the registry in scope, counted in one pass (a registry can hold 200,000 rows)
    const registryCount = { all: 0, A: 0, B: 0, C: 0, D: 0 };
    for (const t of registry)
      if (inScope(t, cats)) {
        registryCount.all++;
        registryCount[t.riskGrade]++;
      }
    const ps = dept === null ? pairs : pairs.filter((p) => p.target.departments.includes(dept));
    // each pair's rows of this scope, filtered once
    const scopeRows = new Map<Pair, PairRow[]>(
      ps.map((p) => [p, dept === null ? p.rows : p.rows.filter((r) => r.department === dept)]),
    );
    const rowsOf = (p: Pair) => scopeRows.get(p)!;

    // distinct targets, each under the grade of its latest draw in the year
    const drawnBy = new Map<string, { entry: FigureEntry; grade: Grade | null }>();
    for (const p of ps) {
      const seen = drawnBy.get(p.target.uscc);
      if (seen) {
        seen.entry.sheets.push(p.draw.sheet);
        if (p.grade !== null) seen.grade = p.grade;
      } else
        drawnBy.set(p.target.uscc, {
          entry: { uscc: p.target.uscc, name: p.target.name, sheets: [p.draw.sheet], department: "", rows: [] },
          grade: p.grade,
        });
    }
    const drawnList = [...drawnBy.values()].sort((a, b) => byUscc(a.entry, b.entry));
    const drawn = figure(drawnList.map((d) => d.entry));
    const byGrade = Object.fromEntries(
      GRADES.map((g) => {
        const reg = registryCount[g];
        const f = figure(drawnList.filter((d) => d.grade === g).map((d) => d.entry));
        return [g, { registry: reg, drawn: f, share: rate(f.value, reg) }];
      }),
    ) as Record<Grade, GradeLine>;
    const ungraded = figure(drawnList.filter((d) => d.grade === null).map((d) => d.entry));

    // figures share their entries (one per pair, one per row): a year can count 100,000 of them
    const allEntries = new Map(ps.map((p) => [p, pairEntry(p, rowsOf(p))]));
    const whole = (p: Pair) => allEntries.get(p)!;
    const inspections = figure(ps.map(whole));
    const graded = figure(ps.filter((p) => p.draw.byGrade).map(whole));
    const notGraded = figure(ps.filter((p) => !p.draw.byGrade).map(whole));

    // the item list's coverage by the draws of this scope
    const itemIds = [...itemInfo.keys()].filter((id) => dept === null || itemInfo.get(id)!.department === dept);
    const scopeDraws = dept === null ? draws : draws.filter((d) => d.departments.includes(dept));
    const coverage: ItemCoverage[] = itemIds.map((itemId) => ({
      itemId,
      item: itemInfo.get(itemId)!.item,
      department: itemInfo.get(itemId)!.department,
      sheets: scopeDraws.filter((d) => d.itemIds.includes(itemId)).map((d) => d.sheet),
    }));

    // the same target drawn for the same item by two draws of the year
    const byTargetItem = new Map<string, { p: Pair; sheets: string[] }>();
    for (const p of ps)
      for (const id of p.items) {
        if (dept !== null && itemInfo.get(id)?.department !== dept && itemInfo.has(id)) continue;
        const k = `${p.target.uscc}|${id}`;
        const seen = byTargetItem.get(k);
        if (seen) {
          if (!seen.sheets.includes(p.draw.sheet)) seen.sheets.push(p.draw.sheet);
        } else byTargetItem.set(k, { p, sheets: [p.draw.sheet] });
      }
    const repeated: Repeat[] = [...byTargetItem.entries()]
      .filter(([, v]) => v.sheets.length > 1)
      .map(([k, v]) => ({
        uscc: v.p.target.uscc,
        name: v.p.target.name,
        itemId: k.slice(k.indexOf("|") + 1),
        sheets: v.sheets,
      }))
      .sort((a, b) => byUscc(a, b) || (a.itemId < b.itemId ? -1 : 1));

    const inspectedPairs = ps.filter((p) => rowsOf(p).some(inspectedRow));
    const inspected = figure(inspectedPairs.map((p) => pairEntry(p, rowsOf(p).filter(inspectedRow))));
    const notInspected = figure(ps.filter((p) => !rowsOf(p).some(inspectedRow)).map(whole));
    const problems = figure(
      inspectedPairs
        .filter((p) => rowsOf(p).some((r) => inspectedRow(r) && isProblem(r.result.result)))
        .map((p) =>
          pairEntry(
            p,
            rowsOf(p).filter((r) => inspectedRow(r) && isProblem(r.result.result)),
          ),
        ),
    );
    const published = figure(
      inspectedPairs
        .filter((p) =>
          rowsOf(p)
            .filter(inspectedRow)
            .every((r) => r.deadlines!.status === "published"),
        )
        .map((p) => pairEntry(p, rowsOf(p).filter(inspectedRow))),
    );

    const doneRows: { p: Pair; r: PairRow & { result: InspectionResult } }[] = [];
    for (const p of ps) for (const r of rowsOf(p)) if (inspectedRow(r)) doneRows.push({ p, r });
    const rowEntries = new Map(doneRows.map((x) => [x.r, rowEntry(x.p, x.r)]));
    const rowsWhere = (f: (r: PairRow & { result: InspectionResult }) => boolean) =>
      figure(doneRows.filter((x) => f(x.r)).map((x) => rowEntries.get(x.r)!));
    const results = Object.fromEntries(
      RESULT_CATEGORIES.map((c) => [c, rowsWhere((r) => r.result.result === c)]),
    ) as Record<ResultCategory, Figure>;

    const dl = (r: PairRow) => r.deadlines!;
    const onTime = rowsWhere((r) => dl(r).status === "published" && !dl(r).publishedLate);
    const late = rowsWhere((r) => dl(r).status === "published" && dl(r).publishedLate);
    const overdue = rowsWhere((r) => dl(r).status === "overdue");
    const pending = rowsWhere((r) => dl(r).status === "pending");

    const penalty = (r: PairRow & { result: InspectionResult }) => r.result.result === "行政处罚";
    const dated = (r: PairRow & { result: InspectionResult }) => penalty(r) && r.result.penaltyDate !== null;
    const pOnTime = rowsWhere((r) => dated(r) && dl(r).status === "published" && !dl(r).publishedLate);
    const pLate = rowsWhere((r) => dated(r) && dl(r).status === "published" && dl(r).publishedLate);
    const pOverdue = rowsWhere((r) => dated(r) && dl(r).status === "overdue");

    const fDone = rowsWhere((r) => dl(r).followUpStatus === "done");
    const fOverdue = rowsWhere((r) => dl(r).followUpStatus === "overdue");

    const goalCount = Math.ceil((registryCount.all * share) / 10000);
    const batches = plan.filter((b) => dept === null || b.batch.department === dept);
    return {
      department,
      registry: registryCount.all,
      drawn,
      share: rate(drawn.value, registryCount.all),
      goal: share / 10000,
      meetsGoal: drawn.value * 10000 >= share * registryCount.all,
      toGoal: Math.max(0, goalCount - drawn.value),
      planned: batches.some((b) => b.planned !== null) ? batches.reduce((n, b) => n + (b.planned ?? 0), 0) : null,
      byGrade,
      ungraded,
      inspections,
      graded,
      notGraded,
      gradedShare: rate(graded.value, inspections.value, 1),
      items: coverage,
      uncoveredItems: coverage.filter((c) => c.sheets.length === 0),
      repeated,
      inspected,
      notInspected,
      problems,
      problemRate: rate(problems.value, inspected.value),
      results,
      published,
      publicityRate: rate(published.value, inspected.value, 1),
      publishing: {
        onTime,
        late,
        overdue,
        pending,
        onTimeRate: rate(onTime.value, onTime.value + late.value + overdue.value, 1),
      },
      penalties: {
        all: rowsWhere(penalty),
        onTime: pOnTime,
        late: pLate,
        overdue: pOverdue,
        pending: rowsWhere((r) => dated(r) && dl(r).status === "pending"),
        noDate: rowsWhere((r) => penalty(r) && r.result.penaltyDate === null),
        onTimeRate: rate(pOnTime.value, pOnTime.value + pLate.value + pOverdue.value, 1),
      },
      followUp: {
        due: rowsWhere((r) => dl(r).followUpStatus !== "not_applicable"),
        done: fDone,
        pending: rowsWhere((r) => dl(r).followUpStatus === "pending"),
        overdue: fOverdue,
        doneRate: rate(fDone.value, fDone.value + fOverdue.value, 1),
      },
    };
  };

  const total = scope("");
  for (const r of total.repeated)
    issues.push(
      issue(
        "year_repeated",
        { sheet: r.sheets[r.sheets.length - 1] },
        { uscc: r.uscc, name: r.name, year, item: r.itemId, sheets: r.sheets.join("、") },
        lang,
      ),
    );

  return {
    year,
    today,
    period,
    share,
    calendarVersion: calendar.version,
    draws,
    total,
    departments: departments.map(scope),
    plan,
    issues,
  };
}
