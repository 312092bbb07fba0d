// 半年情况报告 and 全年情况报告 (平顶山 2021: by 7月2日 and by 11月15日): a print-ready report sheet
// with the tables the plan asks for and native charts, the 检查案件查处汇总表, and the previous
// year's penalised targets and how their rectification stands.
import { GRADES, RESULT_CATEGORIES, type InspectionResult, type IsoDate, type Unit } from "../model";
import type { SheetSpec } from "../sheet";
import { EXTERNAL_LABEL } from "./input";
import { CHART_NOTE, YEAR_SHEET, periodLine } from "./sheets";
import { BATCH_STATE_LABELS } from "./plan";
import { SheetLayout, pct, planWindow, type Row } from "./layout";
import type { YearView } from "./view";
import type { FigureEntry } from "./figure";

export type ReportKind = "half" | "year";

export const REPORT_TITLES: Record<ReportKind, string> = { half: "半年情况报告", year: "全年情况报告" };

/** The draws a report counts: the first half (01-01 to 06-30) or the whole year. */
export function reportPeriod(year: number, kind: ReportKind): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-01-01`, to: kind === "half" ? `${year}-06-30` : `${year}-12-31` };
}

/** When the report is due (平顶山 2021): the half-year report by 07-02, the year report by 11-15. */
export function reportDue(year: number, kind: ReportKind): IsoDate {
  return kind === "half" ? `${year}-07-02` : `${year}-11-15`;
}

export const reportSheetName = (kind: ReportKind, year: number): string => `${REPORT_TITLES[kind]}-${year}`;
export const casesSheetName = (year: number): string => `检查案件查处汇总表-${year}`;
export const rectificationSheetName = (year: number): string => `上年处罚整改落实-${year}`;

export interface ReportOptions {
  kind: ReportKind;
  /** 单位信息: the reporting authorities' full names */
  units?: readonly Unit[];
  /** the year view of the year before, for its penalised targets' rectification */
  previous?: YearView;
  /** 报送单位, when it is not the authorities of the departments */
  reporter?: string;
  /** the 检查结果 rows, for the cases' and the rectification's details (by row) */
  results?: readonly InspectionResult[];
}

/**
 * The report's sheets: the report itself (A4 portrait, fitted to width, charts under the tables),
 * the case summary (A4 landscape) and, with `previous`, the previous year's penalised targets.
 * `view` must have been computed over `reportPeriod(year, kind)`.
 */
export function yearReportSheets(view: YearView, options: ReportOptions): SheetSpec[] {
  const { kind, units = [] } = options;
  const byRow = new Map((options.results ?? []).map((r) => [r.row, r]));
  const details = (e: FigureEntry) => (e.rows.length > 0 ? (byRow.get(e.rows[0]) ?? null) : null);
  const t = view.total;
  const authorities = view.departments.map(
    (s) => units.find((u) => u.department === s.department)?.authority || s.department,
  );
  const reporter = options.reporter ?? [...new Set(authorities)].join("、");
  const l = new SheetLayout([24, 11, 11, 11, 11, 11, 11, 12]);
  l.title(`${view.year} 年“双随机、一公开”抽查${REPORT_TITLES[kind]}`);
  l.line(`报送单位：${reporter}`);
  l.line(periodLine(view));
  l.line(`报送期限：${reportDue(view.year, kind)} 前`);

  l.heading("一、工作开展情况");
  const external = view.draws.filter((d) => d.external).length;
  const covered = t.items.length - t.uncoveredItems.length;
  const summary: Row[] = [
    [
      "开展抽查任务（有效抽取）",
      `${view.draws.length} 次`,
      external > 0 ? `其中平台${EXTERNAL_LABEL} ${external} 次` : "",
    ],
    ["检查对象名录库", `${t.registry} 户`, ""],
    ["抽取检查对象（去重）", `${t.drawn.value} 户`, `检查 ${t.inspections.value} 户次`],
    ["年度抽查比例", pct(t.share), `目标 ${pct(t.goal)}，${t.meetsGoal ? "已达到" : `尚差 ${t.toGoal} 户`}`],
    ["按信用风险分级分类抽查占比", pct(t.gradedShare), "应达到 100%"],
    [
      "抽查事项覆盖",
      `${covered} / ${t.items.length} 项`,
      t.uncoveredItems.length > 0 ? `未覆盖：${t.uncoveredItems.map((i) => i.itemId).join("、")}` : "全覆盖",
    ],
    ["已检查户次", `${t.inspected.value}`, `未检查 ${t.notInspected.value} 户次`],
    ["发现问题户次 / 问题发现率", `${t.problems.value} / ${pct(t.problemRate)}`, ""],
    [
      "行政处罚（行）",
      `${t.penalties.all.value}`,
      `7 个工作日内公示 ${t.penalties.onTime.value}，超期 ${t.penalties.late.value}，逾期未公示 ${t.penalties.overdue.value}`,
    ],
    [
      "公示率",
      pct(t.publicityRate),
      `按期公示率 ${pct(t.publishing.onTimeRate)}，逾期未公示 ${t.publishing.overdue.value} 行`,
    ],
    [
      "后续处置完成率",
      pct(t.followUp.doneRate),
      `需处置 ${t.followUp.due.value} 行，超过 20 个工作日未录入 ${t.followUp.overdue.value} 行`,
    ],
  ];
  const warn: [number, number][] = [];
  if (!t.meetsGoal) warn.push([3, 1]);
  if (t.gradedShare < 1) warn.push([4, 1]);
  if (t.uncoveredItems.length > 0) warn.push([5, 1]);
  if (t.publicityRate < 1) warn.push([9, 1]);
  if (t.followUp.doneRate < 1) warn.push([10, 1]);
  l.table(["项目", "情况", "说明"], summary, { warn, right: [1], spanLast: true });

  l.heading("二、各部门抽查情况");
  const depts = l.table(
    ["部门", "抽取对象数", "已检查户次", "发现问题户次", "抽查比例", "问题发现率", "公示率", "后续处置完成率"],
    view.departments.map((s) => [
      s.department,
      s.drawn.value,
      s.inspected.value,
      s.problems.value,
      pct(s.share),
      pct(s.problemRate),
      pct(s.publicityRate),
      pct(s.followUp.doneRate),
    ]),
    {
      right: [1, 2, 3, 4, 5, 6, 7],
      warn: view.departments.flatMap((s, i) => [
        ...(s.meetsGoal ? [] : [[i, 4] as [number, number]]),
        ...(s.publicityRate < 1 ? [[i, 6] as [number, number]] : []),
        ...(s.followUp.doneRate < 1 ? [[i, 7] as [number, number]] : []),
      ]),
    },
  );
  l.chart("bar", "各部门抽取、检查与发现问题", depts.header, depts.last, 4);

  l.heading("三、按信用风险等级抽查情况");
  const problemTargets = new Set(t.problems.entries.map((e) => e.uscc));
  const grades = l.table(
    ["信用风险等级", "抽取对象数", "其中发现问题", "名录库对象数", "抽查比例"],
    GRADES.map((g) => [
      `${g} 类`,
      t.byGrade[g].drawn.value,
      t.byGrade[g].drawn.entries.filter((e) => problemTargets.has(e.uscc)).length,
      t.byGrade[g].registry,
      pct(t.byGrade[g].share),
    ]),
    { right: [1, 2, 3, 4] },
  );
  l.chart("column", "按信用风险等级的抽取与发现问题", grades.header, grades.last, 3);

  l.heading("四、检查结果分类（行）");
  const all = RESULT_CATEGORIES.reduce((n, c) => n + t.results[c].value, 0);
  const results = l.table(
    ["检查结果", "行数", "占已检查"],
    RESULT_CATEGORIES.map((c) => [c, t.results[c].value, pct(all === 0 ? 0 : t.results[c].value / all)]),
    { right: [1, 2] },
  );
  l.chart("pie", "检查结果分类", results.header, results.last, 2);

  l.heading("五、年度抽查计划执行情况");
  if (view.plan.length === 0) l.line("本年度未填写「年度抽查计划」。");
  else
    l.table(
      ["批次（计划时间）", "部门", "计划户数", "执行任务", "已抽取", "状态"],
      view.plan.map((b) => [
        `${b.batch.batch}（${planWindow(b.batch.start, b.batch.end, view.year)}）`,
        b.batch.department,
        b.planned ?? "",
        b.carriers.map((d) => d.taskId).join("、"),
        b.drawn.value,
        BATCH_STATE_LABELS[b.state],
      ]),
      {
        right: [2, 4],
        spanLast: true,
        warn: view.plan.flatMap((b, i) =>
          ["late", "overdue", "short"].includes(b.state) ? [[i, 5] as [number, number]] : [],
        ),
      },
    );

  l.heading("六、存在的问题");
  const problems: string[] = [];
  if (!t.meetsGoal) problems.push(`年度抽查比例 ${pct(t.share)}，低于目标 ${pct(t.goal)}，尚差 ${t.toGoal} 户。`);
  for (const s of view.departments)
    if (!s.meetsGoal)
      problems.push(`${s.department}抽查比例 ${pct(s.share)}，低于目标 ${pct(s.goal)}，尚差 ${s.toGoal} 户。`);
  if (t.gradedShare < 1) problems.push(`有 ${t.notGraded.value} 户次未按信用风险等级抽取。`);
  if (t.uncoveredItems.length > 0)
    problems.push(`抽查事项未全覆盖：${t.uncoveredItems.map((i) => `${i.itemId} ${i.item}`).join("；")}。`);
  if (t.repeated.length > 0)
    problems.push(`同年同一事项重复抽取 ${t.repeated.length} 处（对象×事项，见「${YEAR_SHEET}」）。`);
  if (t.publishing.overdue.value + t.publishing.late.value > 0)
    problems.push(`逾期未公示 ${t.publishing.overdue.value} 行，超期公示 ${t.publishing.late.value} 行。`);
  if (t.penalties.overdue.value + t.penalties.late.value > 0)
    problems.push(`行政处罚信息未在 7 个工作日内公示 ${t.penalties.overdue.value + t.penalties.late.value} 行。`);
  if (t.penalties.noDate.value > 0) problems.push(`行政处罚 ${t.penalties.noDate.value} 行未填写处罚决定日期。`);
  if (t.followUp.overdue.value > 0) problems.push(`后续处置超过 20 个工作日未录入 ${t.followUp.overdue.value} 行。`);
  for (const b of view.plan.filter((x) => ["late", "overdue", "short"].includes(x.state)))
    problems.push(`计划批次「${b.batch.batch}」（${b.batch.department}）${BATCH_STATE_LABELS[b.state]}。`);
  if (problems.length === 0) l.line("无。");
  else problems.forEach((p, i) => l.line(`${i + 1}. ${p}`));

  l.heading(`七、${view.year - 1} 年随机抽查被行政处罚单位整改落实情况`);
  if (!options.previous) l.line(`未提供 ${view.year - 1} 年的抽取与检查结果，请另行填报。`);
  else {
    const n = options.previous.total.penalties.all.value;
    l.line(
      n === 0
        ? `${view.year - 1} 年随机抽查无行政处罚。`
        : `${view.year - 1} 年随机抽查行政处罚 ${n} 行，整改落实情况见「${rectificationSheetName(view.year)}」。`,
    );
  }

  l.heading("说明");
  l.line(
    `检查案件查处情况见「${casesSheetName(view.year)}」。户次：一次抽取中的一个检查对象；行：「检查结果」表的一行（一个对象的一个部门）。`,
  );
  l.line(CHART_NOTE);

  const sheets: SheetSpec[] = [
    l.build(reportSheetName(kind, view.year), { orientation: "portrait", fitToWidth: true }),
  ];

  // 检查案件查处汇总表: the period's 行政处罚 rows
  const cases = new SheetLayout([6, 26, 21, 14, 10, 12, 30, 22, 12, 12, 11]);
  cases.title(`${view.year} 年随机抽查检查案件查处汇总表`);
  cases.line(periodLine(view));
  // entries of different figures are different objects: matched by draw, target and department
  const key = (e: FigureEntry) => `${e.sheets.join("、")}|${e.uscc}|${e.department}`;
  const onTime = new Set(t.penalties.onTime.entries.map(key));
  const notOnTime = new Set([...t.penalties.late.entries, ...t.penalties.overdue.entries].map(key));
  const caseRows: Row[] = t.penalties.all.entries.map((e, i) => {
    const d = details(e);
    return [
      i + 1,
      e.name,
      e.uscc,
      e.department,
      d?.taskId ?? "",
      d?.completed ?? "",
      d?.problem ?? "",
      d?.penaltyNo ?? "",
      d?.penaltyDate ?? "",
      d?.published ?? "",
      onTime.has(key(e)) ? "是" : notOnTime.has(key(e)) ? "否" : "",
    ];
  });
  const h = cases.table(
    [
      "序号",
      "单位名称",
      "统一社会信用代码",
      "检查部门",
      "任务编号",
      "检查完成日期",
      "违法事实（问题描述）",
      "处罚决定书文号",
      "处罚决定日期",
      "公示日期",
      "7 个工作日内公示",
    ],
    caseRows,
    { warn: caseRows.flatMap((r, i) => (r[10] === "否" ? [[i, 10] as [number, number]] : [])) },
  );
  if (caseRows.length === 0) cases.line("本期无行政处罚。");
  sheets.push(
    cases.build(casesSheetName(view.year), {
      orientation: "landscape",
      fitToWidth: true,
      printTitleRows: `${h.header}:${h.header}`,
    }),
  );

  if (options.previous) {
    const prev = new SheetLayout([6, 26, 21, 14, 22, 30, 30, 10]);
    prev.title(`${view.year - 1} 年随机抽查被行政处罚单位整改落实情况`);
    const body: Row[] = options.previous.total.penalties.all.entries.map((e, i) => {
      const d = details(e);
      const done = d !== null && (d.rectification.trim() !== "" || d.followUp.trim() !== "");
      return [
        i + 1,
        e.name,
        e.uscc,
        e.department,
        d?.penaltyNo ?? "",
        d?.rectification ?? "",
        d?.followUp ?? "",
        done ? "已落实" : "未填写",
      ];
    });
    const ph = prev.table(
      ["序号", "单位名称", "统一社会信用代码", "检查部门", "处罚决定书文号", "整改情况", "后续处置", "落实情况"],
      body,
      { warn: body.flatMap((r, i) => (r[7] === "未填写" ? [[i, 7] as [number, number]] : [])) },
    );
    if (body.length === 0) prev.line(`${view.year - 1} 年随机抽查无行政处罚。`);
    sheets.push(
      prev.build(rectificationSheetName(view.year), {
        orientation: "landscape",
        fitToWidth: true,
        printTitleRows: `${ph.header}:${ph.header}`,
      }),
    );
  }
  return sheets;
}
