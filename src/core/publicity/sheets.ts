// The sheets the publicity writes: 抽查名单公示, 结果公示 and 抽查统计, described as SheetSpec.
import { RESULT_CATEGORIES, STRATA, type Checkpoint, type Stratum, type StoredDraw } from "../model";
import type { SheetSpec } from "../sheet";
import { columnLetter } from "../issues/issue";
import type { Publicity, PublicityRow } from "./build";
import { STATUS_LABELS } from "./deadlines";
import type { Statistics } from "./statistics";

export const LIST_PUBLICITY_PREFIX = "抽查名单公示-";
export const RESULT_PUBLICITY_PREFIX = "结果公示-";
export const STATISTICS_SHEET = "抽查统计";

const HEADER_STYLE = { bold: true, fill: "DDEBF7", border: true } as const;
/** Fill of an overdue row (Excel's light red). */
export const OVERDUE_FILL = "FFC7CE";

type Row = (string | number | boolean | null)[];

/** The draw's protocol, seed, date and digest, so that a printed table can be traced to its draw. */
function drawFoot(draw: StoredDraw): Row[] {
  const r = draw.record;
  return [
    [],
    ["抽取协议", r.protocol],
    ["随机种子", r.seed ?? ""],
    ["抽取日期", r.date],
    ["抽取时间", r.timestamp],
    ["输入摘要", r.digest],
    ["抽取结果表", r.sheet],
  ];
}

/** 检查类型: one department → 双随机抽查; several → 跨部门联合抽查. */
export function inspectionKind(departments: readonly string[]): string {
  return departments.length > 1 ? "跨部门联合抽查" : "双随机抽查";
}

/** 抽查名单公示: the drawn targets, with the departments that inspect them and the task's items. */
export function listPublicitySheet(name: string, draw: StoredDraw, items: readonly Checkpoint[] = []): SheetSpec {
  const task = draw.snapshot.task;
  const itemNames = new Map<string, string>();
  for (const c of items) if (!itemNames.has(c.itemId)) itemNames.set(c.itemId, c.item);
  const names = new Map(draw.snapshot.targets.map((t) => [t.uscc, t.name]));
  const header = ["任务编号", "任务名称", "检查对象名称", "统一社会信用代码", "检查机关", "抽查事项"];
  const body: Row[] = draw.outcome.selected.map((s) => {
    const departments = s.teams.map((t) => t.department);
    const itemText = [
      ...new Set(
        task.itemIds
          .filter((id) => {
            const c = items.find((i) => i.itemId === id);
            return !c || departments.includes(c.department);
          })
          .map((id) => itemNames.get(id) ?? id),
      ),
    ].join("、");
    return [task.id, task.name, names.get(s.uscc) ?? "", s.uscc, departments.join("、"), itemText];
  });
  return {
    name,
    rows: [header, ...body, ...drawFoot(draw)],
    columnWidths: [14, 24, 30, 22, 24, 40],
    styles: [{ range: `A1:F1`, style: HEADER_STYLE }],
    frozenRows: 1,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
  };
}

/** 备注: what the public may read about the result. */
export function remark(r: PublicityRow): string {
  if (r.result === "行政处罚")
    return [r.penaltyNo && `处罚决定书文号：${r.penaltyNo}`, r.penaltyDate && `处罚决定日期：${r.penaltyDate}`]
      .filter(Boolean)
      .join("；");
  if (r.result === "发现问题已责令整改")
    return [r.problem && `问题：${r.problem}`, r.rectification && `整改：${r.rectification}`]
      .filter(Boolean)
      .join("；");
  return "";
}

/** 结果公示: one row per target and department; overdue rows filled light red; 暂定 deadlines marked. */
export function resultPublicitySheet(name: string, publicity: Publicity, draw: StoredDraw): SheetSpec {
  const task = draw.snapshot.task;
  const kind = inspectionKind(task.departments);
  const header = [
    "任务编号",
    "任务名称",
    "检查类型",
    "检查机关",
    "检查对象名称",
    "统一社会信用代码",
    "检查完成日期",
    "检查结果",
    "备注",
    "公示截止日期",
    "公示状态",
  ];
  const last = columnLetter(header.length - 1);
  const styles: NonNullable<SheetSpec["styles"]> = [{ range: `A1:${last}1`, style: HEADER_STYLE }];
  const body: Row[] = publicity.rows.map((r, i) => {
    if (r.status === "overdue") styles.push({ range: `A${i + 2}:${last}${i + 2}`, style: { fill: OVERDUE_FILL } });
    const deadline = r.publishBy === null ? "" : r.provisional ? `${r.publishBy}（暂定）` : r.publishBy;
    return [
      task.id,
      task.name,
      kind,
      r.department,
      r.name,
      r.uscc,
      r.completed ?? "",
      r.result ?? "",
      remark(r),
      deadline,
      STATUS_LABELS[r.status],
    ];
  });
  const foot: Row[] = [...drawFoot(draw), ["状态截至", publicity.today], ["工作日历", publicity.calendarVersion]];
  if (publicity.rows.some((r) => r.provisional))
    foot.push(["说明", "标「暂定」的截止日期所在年度的节假日安排尚未录入，请在「节假日」表补充后重新生成。"]);
  return {
    name,
    rows: [header, ...body, ...foot],
    columnWidths: [14, 24, 16, 18, 30, 22, 14, 20, 40, 18, 10],
    styles,
    frozenRows: 1,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
  };
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const bp = (x: number | null): string => (x === null ? "" : `${x / 100}%`);

/** Titles of the two charts of 抽查统计. */
export const RESULTS_CHART_TITLE = "检查结果分类";
export const GRADE_CHART_TITLE = "按信用风险等级的抽查情况";
/** Each chart's size on the sheet, in columns and rows. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 17;

/**
 * 抽查统计: per task, per stratum, per result category, per year, and the targets drawn twice;
 * with two native charts to the right of the tables, each drawn from a block of its own (first
 * column the categories, first row the series names): the results by category per year, and the
 * targets eligible, drawn, inspected and found with problems per credit-risk grade.
 */
export function statisticsSheet(stats: Statistics, name = STATISTICS_SHEET): SheetSpec {
  const rows: Row[] = [];
  const styles: NonNullable<SheetSpec["styles"]> = [];
  /** Adds a titled section; returns its header's 1-based row. */
  const section = (title: string, header: string[]): number => {
    if (rows.length > 0) rows.push([]);
    rows.push([title]);
    styles.push({ range: `A${rows.length}`, style: { bold: true, fontSize: 12 } });
    rows.push(header);
    styles.push({ range: `A${rows.length}:${columnLetter(header.length - 1)}${rows.length}`, style: HEADER_STYLE });
    return rows.length;
  };
  /** The block from a header row to the last row added, over its first `columns` columns. */
  const block = (headerRow: number, columns: number): string =>
    `A${headerRow}:${columnLetter(columns - 1)}${rows.length}`;

  section("按任务", [
    "年度",
    "任务编号",
    "任务名称",
    "名录库对象数",
    "范围内对象数",
    "可抽对象数",
    "抽取对象数",
    "抽查比例",
    "最低抽查比例",
    "是否达标",
    "已检查",
    "发现问题",
    "问题发现率",
    "已公示",
    "公示率",
    "逾期未公示",
    "需后续处置",
    "已后续处置",
    "后续处置完成率",
  ]);
  for (const t of stats.tasks)
    rows.push([
      t.year,
      t.task,
      t.taskName,
      t.registrySize,
      t.inScope,
      t.eligible,
      t.selected,
      pct(t.coverage),
      bp(t.minRatio),
      t.meetsMinimum === null ? "" : t.meetsMinimum ? "是" : "否",
      t.inspected,
      t.problems,
      pct(t.problemRate),
      t.published,
      pct(t.publicityRate),
      t.overdue,
      t.followUpDue,
      t.followUpDone,
      pct(t.followUpRate),
    ]);

  section("按风险等级", ["任务编号", "抽取层", "可抽对象数", "抽取对象数", "已检查", "发现问题", "问题发现率"]);
  for (const t of stats.tasks)
    for (const s of t.strata)
      rows.push([t.task, s.stratum, s.eligible, s.selected, s.inspected, s.problems, pct(s.problemRate)]);

  // The grade chart's block: the strata summed over the tasks; 抽查比例 beside it, outside the chart.
  const byGrade = new Map<Stratum, { eligible: number; selected: number; inspected: number; problems: number }>();
  for (const t of stats.tasks)
    for (const s of t.strata) {
      const g = byGrade.get(s.stratum) ?? { eligible: 0, selected: 0, inspected: 0, problems: 0 };
      g.eligible += s.eligible;
      g.selected += s.selected;
      g.inspected += s.inspected;
      g.problems += s.problems;
      byGrade.set(s.stratum, g);
    }
  const gradeHeader = section(`${GRADE_CHART_TITLE}（各任务合计）`, [
    "信用风险等级",
    "可抽对象数",
    "抽取对象数",
    "已检查",
    "发现问题",
    "抽查比例",
  ]);
  for (const stratum of STRATA) {
    const g = byGrade.get(stratum);
    if (g)
      rows.push([
        stratum,
        g.eligible,
        g.selected,
        g.inspected,
        g.problems,
        pct(g.eligible === 0 ? 0 : g.selected / g.eligible),
      ]);
  }
  const gradeBlock = rows.length > gradeHeader ? block(gradeHeader, 5) : null;

  section("按检查结果（每对象每部门一行）", ["任务编号", "未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"]);
  for (const t of stats.tasks)
    rows.push([
      t.task,
      t.results["未发现问题"],
      t.results["发现问题已责令整改"],
      t.results["行政处罚"],
      t.results["无法联系"],
    ]);

  // The results chart's block: categories down, one series per year.
  const resultsHeader = section(`${RESULTS_CHART_TITLE}（按年度，每对象每部门一行）`, [
    "检查结果",
    ...stats.years.map((y) => `${y.year}年`),
  ]);
  for (const category of RESULT_CATEGORIES) rows.push([category, ...stats.years.map((y) => y.results[category])]);
  const resultsBlock = stats.years.length > 0 ? block(resultsHeader, 1 + stats.years.length) : null;

  section("按年度", [
    "年度",
    "任务数",
    "名录库对象数",
    "抽取对象数（去重）",
    "覆盖率",
    "已检查",
    "发现问题",
    "已公示",
    "公示率",
    "逾期未公示",
    "后续处置完成率",
    "同年重复抽取对象数",
  ]);
  for (const y of stats.years)
    rows.push([
      y.year,
      y.tasks,
      y.registrySize,
      y.selected,
      pct(y.coverage),
      y.inspected,
      y.problems,
      y.published,
      pct(y.publicityRate),
      y.overdue,
      pct(y.followUpRate),
      y.drawnTwice.length,
    ]);

  section("同年重复抽取", ["年度", "统一社会信用代码", "名称", "任务"]);
  for (const y of stats.years) for (const d of y.drawnTwice) rows.push([y.year, d.uscc, d.name, d.tasks.join("、")]);

  // The charts stand one above the other, a column clear of the widest table.
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  const left = width + 1;
  const anchor = (n: number): string => {
    const top = 2 + n * (CHART_ROWS + 2);
    return `${columnLetter(left)}${top}:${columnLetter(left + CHART_COLUMNS - 1)}${top + CHART_ROWS - 1}`;
  };
  // bars for the results: their category names are long
  const charts: NonNullable<SheetSpec["charts"]> = [];
  if (resultsBlock) charts.push({ type: "bar", title: RESULTS_CHART_TITLE, range: resultsBlock, anchor: anchor(0) });
  if (gradeBlock)
    charts.push({ type: "column", title: GRADE_CHART_TITLE, range: gradeBlock, anchor: anchor(charts.length) });

  return {
    name,
    rows,
    columnWidths: [10, 22, 24, 14, 14, 14, 14, 12, 14, 10, 10, 10, 12, 10, 10, 12, 12, 12, 14],
    styles,
    page: { orientation: "landscape", fitToWidth: true },
    charts,
  };
}
