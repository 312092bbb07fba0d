// 抽查年度统计 and 抽查年度明细: the year view as two sheets. The first holds the figures (per
// department and in total), the grades, the results, the plan, the item list's coverage and the
// repeated draws, with charts; the second one row per thing each figure counts, so that a clerk
// can go from a number to its targets and 检查结果 rows.
import { GRADES, RESULT_CATEGORIES } from "../model";
import type { SheetSpec } from "../sheet";
import { EXTERNAL_LABEL } from "./input";
import type { Figure } from "./figure";
import { BATCH_STATE_LABELS } from "./plan";
import { SheetLayout, pct, planWindow, type Row } from "./layout";
import type { ScopeView, YearView } from "./view";

export const YEAR_SHEET = "抽查年度统计";
export const YEAR_DETAIL_SHEET = "抽查年度明细";

/** The note on every sheet with charts: what the command line writes. */
export const CHART_NOTE =
  "图表由加载项在 Excel 中绘制；命令行（及浏览器文件模式）写出的文件只含图表所用的数据表，不含图表本身（ExcelJS 无法写入图表），可在 Excel 或 WPS 中选中数据表插入图表。";

const UNIT_NOTE =
  "户次：一次抽取中的一个检查对象（同一对象被两次抽取计两户次）；行：「检查结果」表的一行（一个对象的一个部门）。已检查：填写了检查完成日期和检查结果。";

/** One figure line of the figures table: its label, how to read a scope, and whether the value misses its mark. */
interface FigureLine {
  key: string;
  label: string;
  value: (s: ScopeView) => number | string;
  figure?: (s: ScopeView) => Figure;
  warn?: (s: ScopeView) => boolean;
}

const FIGURES: FigureLine[] = [
  { key: "registry", label: "名录库对象数（部门按其事项适用的对象类别）", value: (s) => s.registry },
  { key: "planned", label: "年度计划抽查户数", value: (s) => s.planned ?? "" },
  { key: "drawn", label: "抽取对象数（去重）", value: (s) => s.drawn.value, figure: (s) => s.drawn },
  { key: "share", label: "年度抽查比例", value: (s) => pct(s.share), warn: (s) => !s.meetsGoal },
  { key: "goal", label: "年度目标比例", value: (s) => pct(s.goal) },
  { key: "toGoal", label: "距目标尚差户数", value: (s) => s.toGoal, warn: (s) => s.toGoal > 0 },
  { key: "inspections", label: "检查户次", value: (s) => s.inspections.value, figure: (s) => s.inspections },
  {
    key: "notGraded",
    label: "未按信用风险等级抽取的户次",
    value: (s) => s.notGraded.value,
    figure: (s) => s.notGraded,
    warn: (s) => s.notGraded.value > 0,
  },
  {
    key: "gradedShare",
    label: "按信用风险分级分类抽查占比（应为 100%）",
    value: (s) => pct(s.gradedShare),
    warn: (s) => s.gradedShare < 1,
  },
  { key: "ungraded", label: "信用风险等级不明的对象", value: (s) => s.ungraded.value, figure: (s) => s.ungraded },
  {
    key: "uncovered",
    label: "未覆盖的抽查事项数",
    value: (s) => s.uncoveredItems.length,
    warn: (s) => s.uncoveredItems.length > 0,
  },
  {
    key: "repeated",
    label: "同年同一事项重复抽取（对象×事项）",
    value: (s) => s.repeated.length,
    warn: (s) => s.repeated.length > 0,
  },
  { key: "inspected", label: "已检查户次", value: (s) => s.inspected.value, figure: (s) => s.inspected },
  { key: "notInspected", label: "未检查户次", value: (s) => s.notInspected.value, figure: (s) => s.notInspected },
  { key: "problems", label: "发现问题户次", value: (s) => s.problems.value, figure: (s) => s.problems },
  { key: "problemRate", label: "问题发现率（发现问题 / 已检查）", value: (s) => pct(s.problemRate) },
  { key: "published", label: "已公示户次", value: (s) => s.published.value, figure: (s) => s.published },
  {
    key: "publicityRate",
    label: "公示率（已公示 / 已检查）",
    value: (s) => pct(s.publicityRate),
    warn: (s) => s.publicityRate < 1,
  },
  {
    key: "onTime",
    label: "按期公示（行，20 个工作日内）",
    value: (s) => s.publishing.onTime.value,
    figure: (s) => s.publishing.onTime,
  },
  {
    key: "late",
    label: "超期公示（行）",
    value: (s) => s.publishing.late.value,
    figure: (s) => s.publishing.late,
    warn: (s) => s.publishing.late.value > 0,
  },
  {
    key: "overdue",
    label: "逾期未公示（行）",
    value: (s) => s.publishing.overdue.value,
    figure: (s) => s.publishing.overdue,
    warn: (s) => s.publishing.overdue.value > 0,
  },
  {
    key: "pending",
    label: "待公示（未到期，行）",
    value: (s) => s.publishing.pending.value,
    figure: (s) => s.publishing.pending,
  },
  {
    key: "onTimeRate",
    label: "按期公示率（按期 / 已到期）",
    value: (s) => pct(s.publishing.onTimeRate),
    warn: (s) => s.publishing.onTimeRate < 1,
  },
  { key: "penalties", label: "行政处罚（行）", value: (s) => s.penalties.all.value, figure: (s) => s.penalties.all },
  {
    key: "pOnTime",
    label: "处罚 7 个工作日内公示",
    value: (s) => s.penalties.onTime.value,
    figure: (s) => s.penalties.onTime,
  },
  {
    key: "pLate",
    label: "处罚超期公示",
    value: (s) => s.penalties.late.value,
    figure: (s) => s.penalties.late,
    warn: (s) => s.penalties.late.value > 0,
  },
  {
    key: "pOverdue",
    label: "处罚逾期未公示",
    value: (s) => s.penalties.overdue.value,
    figure: (s) => s.penalties.overdue,
    warn: (s) => s.penalties.overdue.value > 0,
  },
  {
    key: "pNoDate",
    label: "处罚未填处罚决定日期",
    value: (s) => s.penalties.noDate.value,
    figure: (s) => s.penalties.noDate,
    warn: (s) => s.penalties.noDate.value > 0,
  },
  { key: "fDue", label: "需后续处置（行）", value: (s) => s.followUp.due.value, figure: (s) => s.followUp.due },
  { key: "fDone", label: "已录入后续处置", value: (s) => s.followUp.done.value, figure: (s) => s.followUp.done },
  {
    key: "fOverdue",
    label: "超过 20 个工作日未录入后续处置",
    value: (s) => s.followUp.overdue.value,
    figure: (s) => s.followUp.overdue,
    warn: (s) => s.followUp.overdue.value > 0,
  },
  {
    key: "fPending",
    label: "待录入后续处置（未到期）",
    value: (s) => s.followUp.pending.value,
    figure: (s) => s.followUp.pending,
  },
  {
    key: "fRate",
    label: "后续处置完成率（已录入 / 已到期）",
    value: (s) => pct(s.followUp.doneRate),
    warn: (s) => s.followUp.doneRate < 1,
  },
];

const scopeName = (s: ScopeView): string => (s.department === "" ? "全部" : s.department);

/** The key of a figure in `year --json`'s `figures` where it differs from the figures table's. */
const JSON_KEYS: Record<string, string> = {
  onTime: "publishedOnTime",
  late: "publishedLate",
  overdue: "publishOverdue",
  pending: "publishPending",
  pOnTime: "penaltiesOnTime",
  pLate: "penaltiesLate",
  pOverdue: "penaltiesOverdue",
  pNoDate: "penaltiesNoDate",
  fDue: "followUpDue",
  fDone: "followUpDone",
  fOverdue: "followUpOverdue",
  fPending: "followUpPending",
};

/** The figures that the detail sheet lists, in the order of the figures table. */
function detailFigures(): { key: string; label: string; figure: (s: ScopeView) => Figure }[] {
  const lines = FIGURES.filter((f) => f.figure).map((f) => ({
    key: JSON_KEYS[f.key] ?? f.key,
    label: f.label,
    figure: f.figure!,
  }));
  for (const c of RESULT_CATEGORIES)
    lines.push({ key: `result:${c}`, label: `检查结果：${c}（行）`, figure: (s) => s.results[c] });
  return lines;
}

/**
 * Where each figure's entries sit on the detail sheet: by `${figure}|${scope}` (the figure's key in
 * `year --json`, the scope '' for the total or a department), the first row of its first entry
 * (1-based); entry k of the figure is on row first + k. Figures of a scope without entries are absent.
 */
export type DetailPlaces = Record<string, number>;

/** 抽查年度明细: one row per entry of each figure, figure by figure, the total first then each department. */
export function yearDetailSheet(
  view: YearView,
  name = YEAR_DETAIL_SHEET,
): { spec: SheetSpec; spans: Map<string, [number, number]>; places: DetailPlaces } {
  const header = ["指标", "范围", "统一社会信用代码", "名称", "部门", "抽取表", "检查结果行"];
  const rows: Row[] = [header];
  const spans = new Map<string, [number, number]>();
  const places: DetailPlaces = {};
  const scopes = [view.total, ...view.departments];
  for (const f of detailFigures()) {
    const first = rows.length + 1;
    for (const s of scopes) {
      const entries = f.figure(s).entries;
      if (entries.length > 0) places[`${f.key}|${s.department}`] = rows.length + 1;
      for (const e of entries)
        rows.push([f.label, scopeName(s), e.uscc, e.name, e.department, e.sheets.join("、"), e.rows.join("、")]);
    }
    if (rows.length + 1 > first) spans.set(f.label, [first, rows.length]);
  }
  return {
    spec: {
      name,
      rows,
      columnWidths: [30, 14, 22, 30, 16, 28, 12],
      styles: [{ range: "A1:G1", style: { bold: true, fill: "DDEBF7", border: true } }],
      frozenRows: 1,
      page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
    },
    spans,
    places,
  };
}

/** The title's line of the period, the date and the goal. */
export function periodLine(view: YearView): string {
  return `统计期间 ${view.period.from} 至 ${view.period.to}（按抽取日期）；状态截至 ${view.today}；年度抽查比例目标 ${pct(view.share / 10000)}；工作日历 ${view.calendarVersion}`;
}

/** 抽查年度统计 (with the detail sheet it points to). */
export function yearSheets(view: YearView, name = YEAR_SHEET, detailName = YEAR_DETAIL_SHEET): SheetSpec[] {
  const detail = yearDetailSheet(view, detailName);
  const scopes = [view.total, ...view.departments];
  // A: labels; then one column per scope; then 明细; at least the plan table's eight columns
  const widths = [30, ...scopes.map(() => 12), 24];
  while (widths.length < 8) widths.push(12);
  const l = new SheetLayout(widths);
  l.title(`${view.year} 年度“双随机、一公开”抽查统计`);
  l.line(periodLine(view));

  l.heading("一、总体情况");
  const body: Row[] = [];
  const warn: [number, number][] = [];
  for (const f of FIGURES) {
    const i = body.length;
    scopes.forEach((s, j) => {
      if (f.warn?.(s)) warn.push([i, j + 1]);
    });
    const span = detail.spans.get(f.label);
    body.push([f.label, ...scopes.map((s) => f.value(s)), span ? `「${detailName}」第 ${span[0]}–${span[1]} 行` : ""]);
  }
  const valueColumns = scopes.map((_, j) => j + 1);
  l.table(["指标", ...scopes.map(scopeName), "明细"], body, { warn, right: valueColumns, spanLast: true });

  l.heading("二、按信用风险等级（全部）");
  const t = view.total;
  // a target counts under its grade when one of its 户次 was inspected (found with problems)
  const inspectedTargets = new Set(t.inspected.entries.map((e) => e.uscc));
  const problemTargets = new Set(t.problems.entries.map((e) => e.uscc));
  const gradeRows: Row[] = GRADES.map((g) => {
    const drawn = t.byGrade[g].drawn.entries.map((e) => e.uscc);
    return [
      `${g} 类`,
      drawn.length,
      drawn.filter((u) => inspectedTargets.has(u)).length,
      drawn.filter((u) => problemTargets.has(u)).length,
      t.byGrade[g].registry,
      pct(t.byGrade[g].share),
    ];
  });
  if (t.ungraded.value > 0) gradeRows.push(["等级不明", t.ungraded.value, "", "", "", ""]);
  const grades = l.table(
    ["信用风险等级", "抽取对象数", "其中已检查", "其中发现问题", "名录库对象数", "抽查比例"],
    gradeRows,
    {
      right: [1, 2, 3, 4, 5],
    },
  );
  l.chart("column", "按信用风险等级的抽取与检查", grades.header, grades.header + GRADES.length, 4);

  l.heading("三、按部门（图表数据）");
  const depts = l.table(
    ["部门", "抽取对象数", "已检查户次", "发现问题户次"],
    view.departments.map((s) => [s.department, s.drawn.value, s.inspected.value, s.problems.value]),
    { right: [1, 2, 3] },
  );
  l.chart("bar", "各部门抽取、检查与发现问题", depts.header, depts.last, 4);

  l.heading("四、检查结果分类（行）");
  const results = l.table(
    ["检查结果", ...scopes.map(scopeName)],
    RESULT_CATEGORIES.map((c) => [c, ...scopes.map((s) => s.results[c].value)]),
    { right: valueColumns },
  );
  l.chart("pie", "检查结果分类（全部）", results.header, results.last, 2);

  l.heading("五、年度抽查计划执行情况");
  if (view.plan.length === 0) l.line("本年度「年度抽查计划」表没有批次。");
  else
    l.table(
      ["批次", "部门", "计划时间", "计划抽查户数", "执行任务", "已抽取", "状态", "未抽查事项"],
      view.plan.map((b) => [
        b.batch.batch,
        b.batch.department,
        planWindow(b.batch.start, b.batch.end, view.year),
        b.planned ?? "",
        b.carriers.map((d) => d.taskId).join("、"),
        b.drawn.value,
        BATCH_STATE_LABELS[b.state],
        b.missingItems.join("、"),
      ]),
      {
        warn: view.plan.flatMap((b, i) =>
          ["late", "overdue", "short"].includes(b.state) ? [[i, 6] as [number, number]] : [],
        ),
        right: [3, 5],
        spanLast: true,
      },
    );

  l.heading("六、抽查事项覆盖");
  l.table(
    ["抽查事项", "部门", "是否覆盖", "抽取表"],
    t.items.map((c) => [`${c.itemId} ${c.item}`, c.department, c.sheets.length > 0 ? "是" : "否", c.sheets.join("、")]),
    { warn: t.items.flatMap((c, i) => (c.sheets.length === 0 ? [[i, 2] as [number, number]] : [])), spanLast: true },
  );

  l.heading("七、同年同一事项重复抽取");
  if (t.repeated.length === 0) l.line("无。");
  else
    l.table(
      ["统一社会信用代码", "名称", "事项编号", "抽取表"],
      t.repeated.map((r) => [r.uscc, r.name, r.itemId, r.sheets.join("、")]),
      { spanLast: true },
    );

  l.heading("八、本年度有效抽取");
  l.table(
    ["抽取表", "任务编号", "任务名称", "抽取日期", "抽取方式", "按等级分层", "抽取对象数"],
    view.draws.map((d) => [
      d.sheet,
      d.taskId,
      d.taskName,
      d.date,
      d.external ? EXTERNAL_LABEL : "DRP-1",
      d.byGrade ? "是" : "否",
      d.targets.length,
    ]),
    { right: [6], spanLast: true },
  );

  l.heading("说明");
  l.line(UNIT_NOTE);
  l.line(`各指标所计的对象与检查结果行见「${detailName}」；标红的数字未达要求。`);
  l.line(CHART_NOTE);

  return [l.build(name, { orientation: "landscape", fitToWidth: true }), detail.spec];
}
