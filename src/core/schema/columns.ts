// Column definitions of the input sheets (docs: shared/spec/workbook.md): the Chinese header,
// the English alias, the value parser, whether a value is required, and the value when empty.
import type {
  Checkpoint,
  DrawMode,
  HolidayOverride,
  InspectionResult,
  Inspector,
  PlanBatch,
  Target,
  Task,
  Unit,
} from "../model";
import { RESULT_CATEGORIES } from "../model";
import type { SheetKind } from "./sheets";
import {
  enumParser,
  integerParser,
  parseDate,
  parseGrade,
  parseId,
  parseIdList,
  parseInteger,
  parseList,
  parsePercent,
  parseText,
  parseUscc,
  parseUsccList,
  parseYear,
  parseYesNo,
  type ValueParser,
} from "./values";

/** 列定义: one column of an input sheet. */
export interface ColumnDef<K extends string = string> {
  /** field name in the parsed row */
  key: K;
  /** Chinese header, as clerks type it */
  header: string;
  /** English alias, also accepted as the header */
  alias: string;
  parse: ValueParser<unknown>;
  /** an empty cell is an error (required_missing) and a missing column is an error (header_missing) */
  required: boolean;
  /** the value of an empty cell of an optional column */
  empty: unknown;
}

function col<K extends string>(
  key: K,
  header: string,
  alias: string,
  parse: ValueParser<unknown>,
  required: boolean,
  empty: unknown = null,
): ColumnDef<K> {
  return { key, header, alias, parse, required, empty };
}

/** 经营状态 */
export const parseTargetStatus = enumParser({
  在营: ["active", "open", "营业", "存续"],
  停业: ["suspended", "closed_temporarily"],
  注销: ["deregistered", "cancelled", "closed", "吊销"],
});
/** 人员类型 */
export const parseInspectorRole = enumParser({ 执法人员: ["officer", "inspector"], 专家: ["expert"] });
/** 在岗状态 */
export const parseInspectorStatus = enumParser({ 在岗: ["on_duty", "active"], 不在岗: ["off_duty", "inactive"] });
/** 节假日 类型 */
export const parseHolidayKind = enumParser({ 休息日: ["rest", "holiday", "off"], 工作日: ["work", "workday"] });
/** 抽取方式 */
export const parseMode = enumParser<DrawMode>(
  { ratio: ["按风险等级比例", "按比例"], count: ["按数量"], bands: ["按规模分段", "按规模"] },
  "按风险等级比例/按数量/按规模分段",
);
/** 检查结果 category */
export const parseResultCategory = enumParser(
  Object.fromEntries(RESULT_CATEGORIES.map((c) => [c, [] as string[]])) as Record<
    (typeof RESULT_CATEGORIES)[number],
    string[]
  >,
);

export const ITEM_COLUMNS = [
  col("itemId", "事项编号", "item_id", parseId, true),
  col("department", "部门", "department", parseText, true),
  col("item", "抽查事项", "item", parseText, true),
  col("checkpoint", "检查要点", "checkpoint", parseText, true),
  col("basis", "抽查依据", "basis", parseText, false, ""),
  col("method", "检查方式", "method", parseText, false, ""),
  col("categories", "适用对象类别", "categories", parseList, false, []),
  col("specialty", "专业类别", "specialty", parseText, false, ""),
] as const satisfies readonly ColumnDef<keyof Checkpoint>[];

export const TARGET_COLUMNS = [
  col("uscc", "统一社会信用代码", "uscc", parseUscc, true),
  col("name", "名称", "name", parseText, true),
  col("category", "对象类别", "category", parseText, true),
  col("tags", "行业标签", "tags", parseList, false, []),
  col("area", "所属区域", "area", parseText, false, ""),
  col("address", "地址", "address", parseText, false, ""),
  col("legalRep", "负责人", "legal_rep", parseText, false, ""),
  col("phone", "联系电话", "phone", parseText, false, ""),
  col("riskGrade", "信用风险等级", "risk_grade", parseGrade, true),
  col("complaints", "投诉举报次数", "complaints", parseInteger, false, 0),
  col("violations", "严重违法记录", "violations", parseYesNo, false, false),
  col("upperSampled", "本年度上级已抽检", "upper_sampled", parseYesNo, false, false),
  col("lastInspected", "最近检查日期", "last_inspected", parseDate, false, null),
  col("lastInspectors", "最近检查人员", "last_inspectors", parseIdList, false, []),
  col("status", "经营状态", "status", parseTargetStatus, false, "在营"),
] as const satisfies readonly ColumnDef<keyof Target>[];

export const INSPECTOR_COLUMNS = [
  col("id", "执法证号", "inspector_id", parseId, true),
  col("name", "姓名", "name", parseText, true),
  col("department", "部门", "department", parseText, true),
  col("section", "科室", "section", parseText, false, ""),
  col("title", "职务", "title", parseText, false, ""),
  col("specialties", "专业类别", "specialties", parseList, false, []),
  col("fields", "执法领域", "fields", parseList, false, []),
  col("role", "人员类型", "role", parseInspectorRole, false, "执法人员"),
  col("status", "在岗状态", "status", parseInspectorStatus, false, "在岗"),
  col("area", "所属区域", "area", parseText, false, ""),
  col("recusals", "回避对象", "recusals", parseUsccList, false, []),
] as const satisfies readonly ColumnDef<keyof Inspector>[];

/** Keys of the task columns that are not Task fields as such (gathered into ratios / counts). */
export type TaskColumnKey =
  | Exclude<keyof Task, "ratios" | "counts">
  | "ratioA"
  | "ratioB"
  | "ratioC"
  | "ratioD"
  | "countA"
  | "countB"
  | "countC"
  | "countD";

export const TASK_COLUMNS = [
  col("id", "任务编号", "task_id", parseId, true),
  col("name", "任务名称", "task_name", parseText, true),
  col("leadDepartment", "牵头部门", "lead_department", parseText, true),
  col("departments", "参与部门", "departments", parseList, true),
  col("itemIds", "抽查事项", "item_ids", parseIdList, true),
  col("categories", "对象类别", "categories", parseList, false, []),
  col("mode", "抽取方式", "mode", parseMode, true),
  col("ratioA", "A类比例", "ratio_a", parsePercent, false, null),
  col("ratioB", "B类比例", "ratio_b", parsePercent, false, null),
  col("ratioC", "C类比例", "ratio_c", parsePercent, false, null),
  col("ratioD", "D类比例", "ratio_d", parsePercent, false, null),
  col("countA", "A类数量", "count_a", parseInteger, false, null),
  col("countB", "B类数量", "count_b", parseInteger, false, null),
  col("countC", "C类数量", "count_c", parseInteger, false, null),
  col("countD", "D类数量", "count_d", parseInteger, false, null),
  col("priorityRatio", "重点对象比例", "priority_ratio", parsePercent, false, null),
  col("minRatio", "最低抽查比例", "min_ratio", parsePercent, false, null),
  // ≥ 2 is checked by the task rules with its own code (per_department_too_small).
  col("perDepartment", "每部门检查人数", "per_department", integerParser(0), false, 2),
  col("rotate", "回避上次检查人员", "rotate", parseYesNo, false, true),
  col("excludeUpper", "排除上级已抽检", "exclude_upper", parseYesNo, false, true),
  col("cooldownDays", "检查间隔天数", "cooldown_days", parseInteger, false, 0),
  col("reserves", "备选数量", "reserves", parseInteger, false, 0),
  col("crossArea", "异地交叉检查", "cross_area", parseYesNo, false, false),
  col("startDate", "开始日期", "start_date", parseDate, true),
  col("endDate", "结束日期", "end_date", parseDate, true),
] as const satisfies readonly ColumnDef<TaskColumnKey>[];

export const HOLIDAY_COLUMNS = [
  col("date", "日期", "date", parseDate, true),
  col("kind", "类型", "kind", parseHolidayKind, true),
] as const satisfies readonly ColumnDef<keyof HolidayOverride>[];

export const RESULT_COLUMNS = [
  col("taskId", "任务编号", "task_id", parseId, true),
  col("uscc", "统一社会信用代码", "uscc", parseUscc, true),
  col("name", "名称", "name", parseText, false, ""),
  col("department", "部门", "department", parseText, false, ""),
  col("completed", "检查完成日期", "completed", parseDate, false, null),
  col("result", "检查结果", "result", parseResultCategory, false, null),
  col("problem", "问题描述", "problem", parseText, false, ""),
  col("rectification", "整改情况", "rectification", parseText, false, ""),
  col("penaltyNo", "处罚决定书文号", "penalty_no", parseText, false, ""),
  col("penaltyDate", "处罚决定日期", "penalty_date", parseDate, false, null),
  col("followUp", "后续处置", "follow_up", parseText, false, ""),
  col("enteredBy", "录入人", "entered_by", parseText, false, ""),
  col("published", "公示日期", "published", parseDate, false, null),
] as const satisfies readonly ColumnDef<keyof InspectionResult>[];

/** 单位信息: one row per department (the issuing authority on notices and publicity). */
export const UNIT_COLUMNS = [
  col("department", "部门", "department", parseText, true),
  col("authority", "单位全称", "authority", parseText, true),
  col("contact", "联系人", "contact", parseText, false, ""),
  col("phone", "联系电话", "phone", parseText, false, ""),
  col("address", "地址", "address", parseText, false, ""),
  col("head", "负责人", "head", parseText, false, ""),
] as const satisfies readonly ColumnDef<keyof Unit>[];

/** 年度抽查计划: one row per batch (and department) of the year's plan. */
export const PLAN_COLUMNS = [
  col("year", "年度", "year", parseYear, true),
  col("batch", "批次", "batch", parseText, false, ""),
  col("department", "部门", "department", parseText, true),
  col("itemIds", "抽查事项", "item_ids", parseIdList, false, []),
  col("categories", "对象类别", "categories", parseList, false, []),
  col("plannedRatio", "计划抽查比例", "planned_ratio", parsePercent, false, null),
  col("plannedCount", "计划抽查户数", "planned_count", parseInteger, false, null),
  col("start", "计划开始日期", "start", parseDate, true),
  col("end", "计划结束日期", "end", parseDate, true),
  col("taskIds", "任务编号", "task_ids", parseIdList, false, []),
] as const satisfies readonly ColumnDef<keyof PlanBatch>[];

/** The columns of each sheet kind. */
export const COLUMNS: Record<SheetKind, readonly ColumnDef[]> = {
  items: ITEM_COLUMNS,
  targets: TARGET_COLUMNS,
  inspectors: INSPECTOR_COLUMNS,
  tasks: TASK_COLUMNS,
  holidays: HOLIDAY_COLUMNS,
  results: RESULT_COLUMNS,
  units: UNIT_COLUMNS,
  plans: PLAN_COLUMNS,
};
