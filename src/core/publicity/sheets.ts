// The sheets the publicity writes, as SheetSpec: the two tables a clerk posts (抽查名单公示 and
// 抽查结果公示: a title naming the task, the issuing authority, the 公示日期, the columns the
// national enterprise credit publicity system shows, and a foot by which anyone can verify the
// draw), the internal deadline tracker (公示进度), and 抽查统计. Every table goes through the
// papers' builder: rows as tall as their text, never a row over 409 points, 备注 wrapped in its cell.
import {
  RESULT_CATEGORIES,
  STRATA,
  type Checkpoint,
  type IsoDate,
  type Stratum,
  type StoredDraw,
  type Unit,
} from "../model";
import type { CellStyle, SheetSpec } from "../sheet";
import { columnLetter } from "../issues/issue";
import { PaperBuilder, type Segment } from "../papers/builder";
import { GAP, inspectionKind, issuingUnit, seedBytes, unitOf } from "../papers/text";
import { COUNTING_RULE, isInspected, type Publicity, type PublicityRow } from "./build";
import { FOLLOW_UP_LABELS, STATUS_LABELS } from "./deadlines";
import type { Statistics } from "./statistics";

export { inspectionKind };

export const LIST_PUBLICITY_PREFIX = "抽查名单公示-";
export const RESULT_PUBLICITY_PREFIX = "结果公示-";
/** 公示进度: the internal tracker of deadlines and statuses, never posted. */
export const TRACKER_PREFIX = "公示进度-";
export const STATISTICS_SHEET = "抽查统计";

/** Fill of an overdue row (Excel's light red). */
export const OVERDUE_FILL = "FFC7CE";
/** Number format of a rate (a fraction shown as a percent). */
export const PERCENT_FORMAT = "0.0%";
/** What a rate of nothing (0 of 0) shows. */
export const NO_RATE = "—";

const TABLE: CellStyle = { fontSize: 10, border: true, wrap: true, vertical: "top", horizontal: "left" };
const ON_TABLE = {
  head: { bold: true, fill: "DDEBF7", horizontal: "center", vertical: "middle" } as CellStyle,
  label: { bold: true, fill: "F2F2F2" } as CellStyle,
  center: { horizontal: "center" } as CellStyle,
  number: { horizontal: "right" } as CellStyle,
  percent: { horizontal: "right", numberFormat: PERCENT_FORMAT } as CellStyle,
  overdue: { fill: OVERDUE_FILL } as CellStyle,
};
const OFF_TABLE = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle", wrap: true } as CellStyle,
  line: { fontSize: 11, horizontal: "center", vertical: "middle", wrap: true } as CellStyle,
  text: { fontSize: 10, horizontal: "left", vertical: "top", wrap: true } as CellStyle,
  section: { bold: true, fontSize: 12, horizontal: "left", vertical: "middle" } as CellStyle,
  note: { fontSize: 9, horizontal: "left", vertical: "top", wrap: true, fontColor: "404040" } as CellStyle,
};

/** What the posted tables print beyond the draw and its results. */
export interface PostingOptions {
  /** 单位信息: the issuing authority and each department's full name (the department's own name without it) */
  units?: readonly Unit[];
  /** 公示日期: the day the table is posted (default: the publicity's day; the draw date for the list) */
  date?: IsoDate;
  /** 日志链头 of the draw register when the table is made, for the verification foot */
  chainHead?: string;
}

type Cell = string | number | null;

/** One cell a column, from column 0; numbers right-aligned unless `style` says otherwise. */
function cells(values: Cell[], style?: CellStyle): Segment[] {
  return values.map((text, c) => ({
    text,
    from: c,
    to: c,
    style: style ?? (typeof text === "number" ? ON_TABLE.number : undefined),
  }));
}

/** Title, authority and 公示日期, and an opening sentence, over every column. */
function heading(b: PaperBuilder, title: string, authority: string, date: string, opening: string): void {
  b.line(title, OFF_TABLE.title, 30);
  b.line(`发布机关：${authority}${GAP}${GAP}公示日期：${date}`, OFF_TABLE.line);
  b.line(opening, OFF_TABLE.text);
}

/**
 * The verification foot: protocol, seed (with its bytes when not ASCII), dates, the input digest,
 * the register's chain head and the result sheet, each a label and its value, so that anyone can
 * replay the draw from the workbook and check it against what was posted.
 */
function verificationFoot(b: PaperBuilder, draw: StoredDraw, chainHead: string | undefined): void {
  const r = draw.record;
  const last = b.widths.length - 1;
  b.gap(8);
  b.line("抽取核验信息", OFF_TABLE.section);
  b.beginBase(TABLE);
  const pair = (label: string, value: string) =>
    b.place([
      { text: label, from: 0, to: 1, style: ON_TABLE.label },
      { text: value, from: 2, to: last },
    ]);
  pair("抽取协议", r.protocol);
  pair("随机种子", r.seed ?? "");
  const bytes = r.seed ? seedBytes(r.seed) : "";
  if (bytes) pair("种子 UTF-8 字节", bytes);
  if (r.seedRule) pair("取种规则", r.seedRule);
  pair("抽取日期 / 时间", `${r.date}${GAP}${r.timestamp}`);
  pair("输入摘要（SHA-256）", r.digest);
  pair("日志链头", chainHead || "—");
  pair("抽取结果表", r.sheet);
  b.endBase();
  b.line(
    "核验方法：以工作簿中的抽取快照表和上列随机种子，按 DRP-1 协议复算（shuangsuiji verify），应得到与本表一致的名单；输入摘要和日志链头应与本表所列一致。",
    OFF_TABLE.note,
  );
}

/** The task's items that a target's departments inspect, by name, in the task's order. */
function targetItems(itemIds: readonly string[], departments: readonly string[], items: readonly Checkpoint[]): string {
  const names: string[] = [];
  for (const id of itemIds) {
    const c = items.find((i) => i.itemId === id);
    if (c && !departments.includes(c.department)) continue;
    const name = c?.item ?? id;
    if (!names.includes(name)) names.push(name);
  }
  return names.join("、");
}

/** 序号, 检查对象名称, 统一社会信用代码, 检查实施机关, 检查类型, 抽查事项. */
const LIST_WIDTHS = [6, 28, 21, 28, 14, 48];

/**
 * 抽查名单公示: the drawn targets (substitutes in their places, reserves not listed), with the
 * authorities that inspect them, the kind of inspection and the task's items.
 */
export function listPublicitySheet(
  name: string,
  draw: StoredDraw,
  items: readonly Checkpoint[] = [],
  options: PostingOptions = {},
): SheetSpec {
  const task = draw.snapshot.task;
  const units = options.units ?? [];
  const names = new Map(draw.snapshot.targets.map((t) => [t.uscc, t.name]));
  const kind = inspectionKind(task.departments);
  const b = new PaperBuilder(LIST_WIDTHS);
  heading(
    b,
    `${task.name} 抽查名单公示`,
    issuingUnit(task, units).authority,
    options.date ?? draw.record.date,
    `根据“双随机、一公开”监管要求，现将${task.name}（任务编号 ${task.id}，检查期间 ${task.startDate} 至 ${task.endDate}）随机抽取的检查对象名单公示如下（共 ${draw.outcome.selected.length} 户）：`,
  );
  b.beginBase(TABLE);
  const header = b.place(
    cells(["序号", "检查对象名称", "统一社会信用代码", "检查实施机关", "检查类型", "抽查事项"], ON_TABLE.head),
  ).last;
  draw.outcome.selected.forEach((s, i) => {
    const departments = s.teams.map((t) => t.department);
    b.place(
      cells([
        i + 1,
        names.get(s.uscc) ?? "",
        s.uscc,
        departments.map((d) => unitOf(d, units).authority).join("、"),
        kind,
        targetItems(task.itemIds, departments, items),
      ]).map((seg, c) => (c === 0 ? { ...seg, style: ON_TABLE.center } : seg)),
    );
  });
  b.endBase();
  verificationFoot(b, draw, options.chainHead);
  return b.spec(name, { orientation: "landscape", printTitleRows: `${header}:${header}` }, { frozenRows: header });
}

/** 备注: what the public may read about a result beyond its category and decision number. */
export function remark(r: PublicityRow): string {
  if (r.result === "行政处罚") return r.penaltyDate ? `处罚决定日期：${r.penaltyDate}` : "";
  if (r.result === "发现问题已责令整改")
    return [r.problem && `问题：${r.problem}`, r.rectification && `整改：${r.rectification}`]
      .filter(Boolean)
      .join("；");
  return "";
}

/** 序号, 检查对象名称, 统一社会信用代码, 检查实施机关, 检查类型, 检查日期, 检查结果, 处罚决定书文号, 备注. */
const RESULT_WIDTHS = [6, 26, 21, 24, 14, 12, 18, 22, 34];

/** The rows a posted result table holds: inspected rows (a date and one of the four categories). */
export const postableRows = (p: Publicity): PublicityRow[] => p.rows.filter(isInspected);

/**
 * 抽查结果公示: the inspected rows only (one per target and department, in the four official
 * categories), with the columns of the national enterprise credit publicity system: 检查实施机关,
 * 类型, 日期, 结果, and the penalty decision number for 行政处罚; no deadline, status or internal
 * note (those are on the tracker).
 */
export function resultPublicitySheet(
  name: string,
  publicity: Publicity,
  draw: StoredDraw,
  options: PostingOptions = {},
): SheetSpec {
  const task = draw.snapshot.task;
  const units = options.units ?? [];
  const kind = inspectionKind(task.departments);
  const rows = postableRows(publicity);
  const b = new PaperBuilder(RESULT_WIDTHS);
  heading(
    b,
    `${task.name} 抽查结果公示`,
    issuingUnit(task, units).authority,
    options.date ?? publicity.today,
    `现将${task.name}（任务编号 ${task.id}）已完成检查的 ${rows.length} 条抽查结果公示如下（按检查实施机关每户一条）：`,
  );
  b.beginBase(TABLE);
  const header = b.place(
    cells(
      [
        "序号",
        "检查对象名称",
        "统一社会信用代码",
        "检查实施机关",
        "检查类型",
        "检查日期",
        "检查结果",
        "处罚决定书文号",
        "备注",
      ],
      ON_TABLE.head,
    ),
  ).last;
  rows.forEach((r, i) => {
    b.place(
      cells([
        i + 1,
        r.name,
        r.uscc,
        unitOf(r.department, units).authority,
        kind,
        r.completed ?? "",
        r.result ?? "",
        r.result === "行政处罚" ? r.penaltyNo : "",
        remark(r),
      ]).map((seg, c) => (c === 0 ? { ...seg, style: ON_TABLE.center } : seg)),
    );
  });
  if (rows.length === 0) b.line("（暂无已完成检查的结果）");
  b.endBase();
  verificationFoot(b, draw, options.chainHead);
  return b.spec(name, { orientation: "landscape", printTitleRows: `${header}:${header}` }, { frozenRows: header });
}

/** 序号, 名称, 代码, 部门, 完成日期, 结果, 公示截止, 状态, 公示日期, 后续处置截止, 后续处置状态, 检查结果表行. */
const TRACKER_WIDTHS = [6, 24, 21, 14, 12, 18, 18, 9, 12, 18, 10, 8];

const deadlineText = (date: IsoDate | null, provisional: boolean): string =>
  date === null ? "" : provisional ? `${date}（暂定）` : date;

/**
 * 公示进度 (internal, never posted): every row of the draw with its deadline on the working-day
 * calendar, its status as of the day, overdue rows filled, and the follow-up deadline.
 */
export function publicityTrackerSheet(name: string, publicity: Publicity, draw: StoredDraw): SheetSpec {
  const task = draw.snapshot.task;
  const b = new PaperBuilder(TRACKER_WIDTHS);
  b.line(`${task.name}（${task.id}）公示进度`, OFF_TABLE.title, 30);
  b.line(
    `内部跟踪，不对外公示${GAP}状态截至 ${publicity.today}${GAP}工作日历 ${publicity.calendarVersion}`,
    OFF_TABLE.line,
  );
  b.line(
    "公示截止日期：检查完成之日后第 20 个工作日；行政处罚为处罚决定之日后第 7 个工作日。后续处置截止：检查完成之日后第 20 个工作日。已逾期的行标红。",
    OFF_TABLE.text,
  );
  b.beginBase(TABLE);
  const header = b.place(
    cells(
      [
        "序号",
        "检查对象名称",
        "统一社会信用代码",
        "部门",
        "检查完成日期",
        "检查结果",
        "公示截止日期",
        "公示状态",
        "公示日期",
        "后续处置截止日期",
        "后续处置状态",
        "检查结果表行",
      ],
      ON_TABLE.head,
    ),
  ).last;
  publicity.rows.forEach((r, i) => {
    const overdue = r.status === "overdue";
    b.place(
      cells(
        [
          i + 1,
          r.name,
          r.uscc,
          r.department,
          r.completed ?? "",
          r.result ?? "",
          deadlineText(r.publishBy, r.provisional),
          STATUS_LABELS[r.status],
          r.published ?? "",
          deadlineText(r.followUpBy, r.followUpProvisional),
          FOLLOW_UP_LABELS[r.followUpStatus],
          r.row ?? "",
        ],
        overdue ? ON_TABLE.overdue : undefined,
      ),
    );
  });
  b.endBase();
  if (publicity.rows.some((r) => r.provisional || r.followUpProvisional))
    b.line("标「暂定」的截止日期所在年度的节假日安排尚未录入，请在「节假日」表补充后重新生成。", OFF_TABLE.note);
  return b.spec(name, { orientation: "landscape", printTitleRows: `${header}:${header}` }, { frozenRows: header });
}

/** Titles of the two charts of 抽查统计. */
export const RESULTS_CHART_TITLE = "检查结果分类";
export const GRADE_CHART_TITLE = "按信用风险等级的抽查情况";
/** Each chart's size on the sheet, in columns and rows. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 17;

const STATISTICS_WIDTHS = [10, 14, 24, 12, 12, 12, 12, 12, 12, 10, 10, 10, 12, 10, 10, 12, 12, 12, 14];

/** A rate as a cell: a number shown as a percent, or '—' when it is no rate. */
const rateCell = (x: number | null): Cell => (x === null ? NO_RATE : x);
/** Basis points as a fraction (a percent cell), or '' when not set. */
const bpCell = (x: number | null): Cell => (x === null ? "" : x / 10000);

/**
 * 抽查统计: per task, per stratum, per result category, per year, and the targets drawn twice,
 * the counting rule stated on top; counts are numbers, rates are numbers in a percent format
 * ('—' for 0 of 0). Two native charts stand to the right of the tables, each drawn from a block
 * of its own (first column the categories, first row the series names).
 */
export function statisticsSheet(stats: Statistics, name = STATISTICS_SHEET): SheetSpec {
  const b = new PaperBuilder(STATISTICS_WIDTHS);
  const width = STATISTICS_WIDTHS.length;
  b.place([{ text: "抽查统计", from: 0, to: 5, style: { ...OFF_TABLE.title, horizontal: "left" } }], 28);
  b.place([{ text: COUNTING_RULE, from: 0, to: 12, style: OFF_TABLE.text }]);

  /** Adds a titled table; `rates` are the 0-based columns holding rates. Returns its header row. */
  const table = (title: string, header: string[], rows: Cell[][], rates: number[] = []): number => {
    b.gap(8);
    b.place([{ text: title, from: 0, to: Math.max(header.length - 1, 5), style: OFF_TABLE.section }]);
    b.beginBase(TABLE, header.length - 1);
    const top = b.place(cells(header, ON_TABLE.head)).last;
    for (const row of rows)
      b.place(
        cells(row).map((seg, c) =>
          rates.includes(c)
            ? { ...seg, style: typeof seg.text === "number" ? ON_TABLE.percent : ON_TABLE.number }
            : seg,
        ),
      );
    b.endBase();
    return top;
  };
  /** The block from a header row over `rows` rows and its first `columns` columns. */
  const block = (top: number, rows: number, columns: number): string =>
    `A${top}:${columnLetter(columns - 1)}${top + rows}`;

  table(
    "按任务",
    [
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
      "已检查（户）",
      "发现问题（户）",
      "问题发现率",
      "已公示（户）",
      "公示率",
      "逾期未公示（条）",
      "需后续处置（条）",
      "已后续处置（条）",
      "后续处置完成率",
    ],
    stats.tasks.map((t) => [
      t.year,
      t.task,
      t.taskName,
      t.registrySize,
      t.inScope,
      t.eligible,
      t.selected,
      t.inScope === 0 ? NO_RATE : t.coverage,
      bpCell(t.minRatio),
      t.meetsMinimum === null ? "" : t.meetsMinimum ? "是" : "否",
      t.inspected,
      t.problems,
      rateCell(t.problemRate),
      t.published,
      rateCell(t.publicityRate),
      t.overdue,
      t.followUpDue,
      t.followUpDone,
      rateCell(t.followUpRate),
    ]),
    [7, 8, 12, 14, 18],
  );

  table(
    "按风险等级",
    ["任务编号", "抽取层", "可抽对象数", "抽取对象数", "已检查（户）", "发现问题（户）", "问题发现率"],
    stats.tasks.flatMap((t) =>
      t.strata.map((s) => [
        t.task,
        s.stratum,
        s.eligible,
        s.selected,
        s.inspected,
        s.problems,
        rateCell(s.problemRate),
      ]),
    ),
    [6],
  );

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
  const gradeRows: Cell[][] = [];
  for (const stratum of STRATA) {
    const g = byGrade.get(stratum);
    if (g)
      gradeRows.push([
        stratum,
        g.eligible,
        g.selected,
        g.inspected,
        g.problems,
        g.eligible === 0 ? NO_RATE : Math.round((g.selected / g.eligible) * 10000) / 10000,
      ]);
  }
  // the block's headers name the chart's series: short, the unit in the title
  const gradeTop = table(
    `${GRADE_CHART_TITLE}（各任务合计，户）`,
    ["信用风险等级", "可抽对象数", "抽取对象数", "已检查", "发现问题", "抽查比例"],
    gradeRows,
    [5],
  );

  table(
    "按检查结果（每户每部门一条）",
    ["任务编号", ...RESULT_CATEGORIES],
    stats.tasks.map((t) => [t.task, ...RESULT_CATEGORIES.map((c) => t.results[c])]),
  );

  // The results chart's block: categories down, one series per year.
  const resultsTop = table(
    `${RESULTS_CHART_TITLE}（按年度，每户每部门一条）`,
    ["检查结果", ...stats.years.map((y) => `${y.year}年`)],
    RESULT_CATEGORIES.map((c) => [c, ...stats.years.map((y) => y.results[c])]),
  );

  table(
    "按年度",
    [
      "年度",
      "任务数",
      "名录库对象数",
      "抽取对象数（去重）",
      "覆盖率",
      "已检查（户）",
      "发现问题（户）",
      "已公示（户）",
      "公示率",
      "逾期未公示（条）",
      "后续处置完成率",
      "同年重复抽取对象数",
    ],
    stats.years.map((y) => [
      y.year,
      y.tasks,
      y.registrySize,
      y.selected,
      y.registrySize === 0 ? NO_RATE : y.coverage,
      y.inspected,
      y.problems,
      y.published,
      rateCell(y.publicityRate),
      y.overdue,
      rateCell(y.followUpRate),
      y.drawnTwice.length,
    ]),
    [4, 8, 10],
  );

  table(
    "同年重复抽取",
    ["年度", "统一社会信用代码", "名称", "任务"],
    stats.years.flatMap((y) => y.drawnTwice.map((d) => [y.year, d.uscc, d.name, d.tasks.join("、")])),
  );

  // The charts stand one above the other, a column clear of the widest table.
  const left = width + 1; // 0-based: one empty column after the last
  const anchor = (n: number): string => {
    const top = 2 + n * (CHART_ROWS + 2);
    return `${columnLetter(left)}${top}:${columnLetter(left + CHART_COLUMNS - 1)}${top + CHART_ROWS - 1}`;
  };
  // bars for the results: their category names are long
  const charts: NonNullable<SheetSpec["charts"]> = [];
  if (stats.years.length > 0)
    charts.push({
      type: "bar",
      title: RESULTS_CHART_TITLE,
      range: block(resultsTop, RESULT_CATEGORIES.length, 1 + stats.years.length),
      anchor: anchor(0),
    });
  if (gradeRows.length > 0)
    charts.push({
      type: "column",
      title: GRADE_CHART_TITLE,
      range: block(gradeTop, gradeRows.length, 5),
      anchor: anchor(charts.length),
    });

  const spec = b.spec(name, { orientation: "landscape" });
  return { ...spec, charts };
}

export interface PublicitySheetsInput {
  publicity: Publicity;
  draw: StoredDraw;
  statistics: Statistics;
  items: readonly Checkpoint[];
  /** names of the four sheets */
  names: { list: string; results: string; tracker: string; statistics: string };
  options?: PostingOptions;
}

/**
 * The four sheets of a task's publicity, in the order written: the two posted tables, the
 * statistics and the internal tracker.
 */
export function publicitySheets(input: PublicitySheetsInput): SheetSpec[] {
  const { publicity, draw, statistics, items, names, options = {} } = input;
  return [
    listPublicitySheet(names.list, draw, items, options),
    resultPublicitySheet(names.results, publicity, draw, options),
    statisticsSheet(statistics, names.statistics),
    publicityTrackerSheet(names.tracker, publicity, draw),
  ];
}
