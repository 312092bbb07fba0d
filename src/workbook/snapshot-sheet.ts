// 抽取快照: the protected sheet that holds exactly the inputs of a draw, so that the workbook
// alone replays it. Written by freeze/draw, read back by draw (after a freeze) and verify.
import {
  EXCLUSION_REASONS,
  GRADES,
  MODE_LABELS,
  shapedInspector,
  shapedTarget,
  type DrawMode,
  type ExclusionReason,
  type Grade,
  type Inspector,
  type Snapshot,
  type Target,
  type Task,
} from "../core/model";
import type { CellValue, SheetData, SheetSpec } from "./port";
import {
  cellText,
  listText,
  parseIntText,
  parseListText,
  parsePercentText,
  parseYes,
  percentText,
  yesNo,
  type Cell,
} from "./cells";
import { columnLetter } from "../core/issues/issue";

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  out_of_scope: "不在抽查范围",
  inactive: "非在营",
  upper_sampled: "上级已抽检",
  cooldown: "检查间隔内",
  drawn_this_year: "本年度已抽取",
};

const TARGETS_TITLE = "合格检查对象";
const INSPECTORS_TITLE = "执法检查人员";
const SPECIALTY_LABEL = "专业类别要求";

/** A field of a table: header, how to write it, how to read it back (undefined = unreadable). */
interface Field<T> {
  header: string;
  write: (x: T) => Cell;
  read: (s: string, into: Partial<T>) => boolean;
}

function set<T>(into: Partial<T>, key: keyof T, v: unknown): void {
  (into as Record<keyof T, unknown>)[key] = v;
}

function text<T>(header: string, key: keyof T): Field<T> {
  return {
    header,
    write: (x) => String(x[key] ?? ""),
    read: (s, into) => {
      set(into, key, s);
      return true;
    },
  };
}
function list<T>(header: string, key: keyof T): Field<T> {
  return {
    header,
    write: (x) => listText(x[key] as unknown as string[]),
    read: (s, into) => {
      set(into, key, parseListText(s));
      return true;
    },
  };
}
function bool<T>(header: string, key: keyof T): Field<T> {
  return {
    header,
    write: (x) => yesNo(x[key] as unknown as boolean),
    read: (s, into) => {
      const b = parseYes(s);
      set(into, key, b);
      return b !== null;
    },
  };
}
function int<T>(header: string, key: keyof T): Field<T> {
  return {
    header,
    write: (x) => x[key] as unknown as number,
    read: (s, into) => {
      const n = parseIntText(s);
      set(into, key, n);
      return n !== undefined;
    },
  };
}
function oneOf<T>(header: string, key: keyof T, values: readonly string[]): Field<T> {
  return {
    header,
    write: (x) => String(x[key]),
    read: (s, into) => {
      set(into, key, s);
      return values.includes(s);
    },
  };
}
function date<T>(header: string, key: keyof T, nullable: boolean): Field<T> {
  return {
    header,
    write: (x) => (x[key] as unknown as string | null) ?? "",
    read: (s, into) => {
      if (s === "" && nullable) {
        set(into, key, null);
        return true;
      }
      set(into, key, s);
      return /^\d{4}-\d{2}-\d{2}$/.test(s);
    },
  };
}

const TARGET_FIELDS: Field<Target>[] = [
  text("统一社会信用代码", "uscc"),
  text("名称", "name"),
  text("对象类别", "category"),
  list("行业标签", "tags"),
  text("所属区域", "area"),
  text("地址", "address"),
  text("负责人", "legalRep"),
  text("联系电话", "phone"),
  oneOf("信用风险等级", "riskGrade", GRADES),
  int("投诉举报次数", "complaints"),
  bool("严重违法记录", "violations"),
  bool("本年度上级已抽检", "upperSampled"),
  date("最近检查日期", "lastInspected", true),
  list("最近检查人员", "lastInspectors"),
  oneOf("经营状态", "status", ["在营", "停业", "注销"]),
];

const INSPECTOR_FIELDS: Field<Inspector>[] = [
  text("执法证号", "id"),
  text("姓名", "name"),
  text("部门", "department"),
  text("科室", "section"),
  text("职务", "title"),
  list("专业类别", "specialties"),
  list("执法领域", "fields"),
  oneOf("人员类型", "role", ["执法人员", "专家"]),
  oneOf("在岗状态", "status", ["在岗", "不在岗"]),
  text("所属区域", "area"),
  list("回避对象", "recusals"),
];

const MODE_BY_LABEL = Object.fromEntries(Object.entries(MODE_LABELS).map(([k, v]) => [v, k])) as Record<
  string,
  DrawMode
>;

/** The task's parameters as label/value rows, in a fixed order. */
function taskRows(task: Task): [string, Cell][] {
  const rows: [string, Cell][] = [
    ["任务编号", task.id],
    ["任务名称", task.name],
    ["牵头部门", task.leadDepartment],
    ["参与部门", listText(task.departments)],
    ["抽查事项", listText(task.itemIds)],
    ["对象类别", listText(task.categories)],
    ["抽取方式", MODE_LABELS[task.mode]],
  ];
  for (const g of GRADES) rows.push([`${g}类比例`, task.ratios ? percentText(task.ratios[g]) : ""]);
  for (const g of GRADES) rows.push([`${g}类数量`, task.counts ? task.counts[g] : ""]);
  rows.push(
    ["重点对象比例", percentText(task.priorityRatio)],
    ["最低抽查比例", percentText(task.minRatio)],
    ["每部门检查人数", task.perDepartment],
    ["回避上次检查人员", yesNo(task.rotate)],
    ["排除上级已抽检", yesNo(task.excludeUpper)],
    ["检查间隔天数", task.cooldownDays],
    ["备选数量", task.reserves],
    ["异地交叉检查", yesNo(task.crossArea)],
    ["开始日期", task.startDate],
    ["结束日期", task.endDate],
  );
  return rows;
}

/** Renders the snapshot sheet. */
export function renderSnapshotSheet(snapshot: Snapshot, name: string): SheetSpec {
  const rows: Cell[][] = [];
  const width = Math.max(TARGET_FIELDS.length, INSPECTOR_FIELDS.length);
  rows.push([`抽取快照 ${snapshot.task.id}（${snapshot.protocol}）`]);
  rows.push(["说明", "本表为抽取时冻结的全部输入，受保护；任何改动都会使核验失败。"]);
  rows.push(["协议", snapshot.protocol]);
  rows.push(["抽取日期", snapshot.date]);
  for (const r of taskRows(snapshot.task)) rows.push(r);
  rows.push(["名录库对象数", snapshot.registrySize]);
  rows.push(["范围内对象数", snapshot.inScope]);
  for (const r of EXCLUSION_REASONS) rows.push([`排除：${EXCLUSION_LABELS[r]}`, snapshot.excluded[r]]);
  for (const dept of snapshot.task.departments)
    rows.push([SPECIALTY_LABEL, dept, listText(snapshot.specialties[dept] ?? [])]);
  rows.push([]);
  const targetsTitle = rows.length + 1;
  rows.push([`${TARGETS_TITLE}（${snapshot.targets.length}）`]);
  rows.push(TARGET_FIELDS.map((f) => f.header));
  for (const t of snapshot.targets) rows.push(TARGET_FIELDS.map((f) => f.write(t)));
  rows.push([]);
  const inspectorsTitle = rows.length + 1;
  rows.push([`${INSPECTORS_TITLE}（${snapshot.inspectors.length}）`]);
  rows.push(INSPECTOR_FIELDS.map((f) => f.header));
  for (const i of snapshot.inspectors) rows.push(INSPECTOR_FIELDS.map((f) => f.write(i)));
  const last = columnLetter(width - 1);
  return {
    name,
    rows,
    columnWidths: [20, 22, 14, 14, 12, 24, 10, 14, 12, 10, 10, 12, 12, 16, 10],
    styles: [
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: `A${targetsTitle}:${last}${targetsTitle + 1}`, style: { bold: true, fill: "DDEBF7" } },
      { range: `A${inspectorsTitle}:${last}${inspectorsTitle + 1}`, style: { bold: true, fill: "DDEBF7" } },
    ],
    protect: true,
    page: { orientation: "landscape", fitToWidth: true },
  };
}

/** A place in a sheet that could not be read back, for verify's report. */
export interface SheetProblem {
  sheet: string;
  cell: string;
  field: string;
  message: string;
}

/** Reads the snapshot sheet back to the identical Snapshot, or says which cells are unreadable. */
export function parseSnapshotSheet(sheet: SheetData): { snapshot: Snapshot | null; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const at = (r: number, c: number): string => cellText(sheet.rows[r]?.[c] as CellValue | undefined).trim();
  const problem = (r: number, c: number, field: string, message: string) =>
    problems.push({ sheet: sheet.name, cell: `${columnLetter(c)}${r + 1}`, field, message });

  const labels = new Map<string, number[]>();
  let targetsAt = -1;
  let inspectorsAt = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const a = at(r, 0);
    if (a.startsWith(`${TARGETS_TITLE}（`) && targetsAt < 0) targetsAt = r;
    else if (a.startsWith(`${INSPECTORS_TITLE}（`) && inspectorsAt < 0) inspectorsAt = r;
    else if (targetsAt < 0 && a) labels.set(a, [...(labels.get(a) ?? []), r]);
  }
  const value = (label: string): string => {
    const r = labels.get(label)?.[0];
    if (r === undefined) {
      problems.push({ sheet: sheet.name, cell: "", field: label, message: `缺少「${label}」一行` });
      return "";
    }
    return at(r, 1);
  };
  const valueAt = (label: string) => labels.get(label)?.[0] ?? 0;
  const need = <T>(label: string, v: T | undefined | null, allowNull = false): T => {
    if (v === undefined || (v === null && !allowNull)) problem(valueAt(label), 1, label, `「${label}」的值无法读取`);
    return v as T;
  };

  const protocol = value("协议");
  if (protocol !== "DRP-1" && protocol !== "外部抽取")
    problem(valueAt("协议"), 1, "协议", `协议「${protocol}」不是 DRP-1`);
  const mode = MODE_BY_LABEL[value("抽取方式")];
  need("抽取方式", mode);
  const ratioValues = GRADES.map((g) => need(`${g}类比例`, parsePercentText(value(`${g}类比例`)), true));
  const countValues = GRADES.map((g) => {
    const s = value(`${g}类数量`);
    return s === "" ? null : need(`${g}类数量`, parseIntText(s));
  });
  const byGrade = (xs: (number | null)[]): Record<Grade, number> | null =>
    xs.every((x) => x === null)
      ? null
      : (Object.fromEntries(GRADES.map((g, i) => [g, xs[i] ?? 0])) as Record<Grade, number>);
  const dateValue = (label: string) => {
    const s = value(label);
    return need(label, /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  };
  const task: Task = {
    id: value("任务编号"),
    name: value("任务名称"),
    leadDepartment: value("牵头部门"),
    departments: parseListText(value("参与部门")),
    itemIds: parseListText(value("抽查事项")),
    categories: parseListText(value("对象类别")),
    mode,
    ratios: byGrade(ratioValues),
    counts: byGrade(countValues),
    priorityRatio: need("重点对象比例", parsePercentText(value("重点对象比例")), true),
    minRatio: need("最低抽查比例", parsePercentText(value("最低抽查比例")), true),
    perDepartment: need("每部门检查人数", parseIntText(value("每部门检查人数"))),
    rotate: need("回避上次检查人员", parseYes(value("回避上次检查人员"))),
    excludeUpper: need("排除上级已抽检", parseYes(value("排除上级已抽检"))),
    cooldownDays: need("检查间隔天数", parseIntText(value("检查间隔天数"))),
    reserves: need("备选数量", parseIntText(value("备选数量"))),
    crossArea: need("异地交叉检查", parseYes(value("异地交叉检查"))),
    startDate: dateValue("开始日期"),
    endDate: dateValue("结束日期"),
    row: 0,
  };
  const excluded = Object.fromEntries(
    EXCLUSION_REASONS.map((r) => {
      const label = `排除：${EXCLUSION_LABELS[r]}`;
      return [r, need(label, parseIntText(value(label)))];
    }),
  ) as Record<ExclusionReason, number>;
  const specialties: Record<string, string[]> = {};
  for (const r of labels.get(SPECIALTY_LABEL) ?? []) specialties[at(r, 1)] = parseListText(at(r, 2));

  const table = <T>(titleRow: number, title: string, fields: Field<T>[]): T[] => {
    if (titleRow < 0) {
      problems.push({ sheet: sheet.name, cell: "", field: title, message: `缺少「${title}」表` });
      return [];
    }
    const declared = /（(\d+)）$/.exec(at(titleRow, 0));
    fields.forEach((f, c) => {
      if (at(titleRow + 1, c) !== f.header) problem(titleRow + 1, c, f.header, `表头应为「${f.header}」`);
    });
    const out: T[] = [];
    let r = titleRow + 2;
    for (; r < sheet.rows.length && fields.some((_, c) => at(r, c) !== ""); r++) {
      const into: Partial<T> = {};
      fields.forEach((f, c) => {
        if (!f.read(at(r, c), into)) problem(r, c, f.header, `「${f.header}」的值「${at(r, c)}」无法读取`);
      });
      (into as { row?: number }).row = r + 1;
      out.push(into as T);
    }
    if (!declared || Number(declared[1]) !== out.length)
      problem(titleRow, 0, title, `「${title}」标明的行数与实际行数 ${out.length} 不符`);
    return out;
  };
  // one shape for all, as the registries' targets have (see shapedTarget)
  const targets = table(targetsAt, TARGETS_TITLE, TARGET_FIELDS).map((t) => shapedTarget(t, t.row));
  const inspectors = table(inspectorsAt, INSPECTORS_TITLE, INSPECTOR_FIELDS).map((i) => shapedInspector(i, i.row));

  const snapshot: Snapshot = {
    protocol: protocol === "外部抽取" ? "外部抽取" : "DRP-1",
    task,
    date: dateValue("抽取日期"),
    specialties,
    targets,
    inspectors,
    excluded,
    registrySize: need("名录库对象数", parseIntText(value("名录库对象数"))),
    inScope: need("范围内对象数", parseIntText(value("范围内对象数"))),
  };
  return { snapshot: problems.length ? null : snapshot, problems };
}
