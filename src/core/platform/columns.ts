// The columns of a drawn list exported by a platform (河北省双随机执法监管平台, a ministry's
// system, a city's own): matched by header, each field under the names platforms give it.
import type { ColumnDef } from "../schema/columns";
import { parseDate, parseGrade, parseList, parseText, parseUscc, parseId, type ValueParser } from "../schema/values";

export type PlatformKey =
  "uscc" | "name" | "items" | "inspectors" | "inspectorIds" | "departments" | "date" | "taskId" | "taskName" | "grade";

/** A field of the list: the header shown when it is missing, the other names it goes by. */
export interface PlatformField {
  key: PlatformKey;
  header: string;
  synonyms: string[];
  parse: ValueParser<unknown>;
  empty: unknown;
}

export const PLATFORM_FIELDS: readonly PlatformField[] = [
  {
    key: "uscc",
    header: "统一社会信用代码",
    synonyms: ["社会信用代码", "信用代码", "统一代码", "主体身份代码", "统一社会信用代码/注册号", "uscc"],
    parse: parseUscc,
    empty: null,
  },
  {
    key: "name",
    header: "名称",
    synonyms: [
      "检查对象名称",
      "企业名称",
      "主体名称",
      "单位名称",
      "市场主体名称",
      "检查对象",
      "被检查对象",
      "对象名称",
      "name",
    ],
    parse: parseText,
    empty: "",
  },
  {
    key: "items",
    header: "检查事项",
    synonyms: ["抽查事项", "事项名称", "检查事项名称", "抽查检查事项", "抽查内容", "items", "item_ids"],
    parse: parseList,
    empty: [],
  },
  {
    key: "inspectors",
    header: "检查人员",
    synonyms: ["执法人员", "执法检查人员", "检查人", "检查人员姓名", "执法人员姓名", "inspectors"],
    parse: parseList,
    empty: [],
  },
  {
    key: "inspectorIds",
    header: "执法证号",
    synonyms: ["执法证件号", "执法证编号", "执法证件号码", "inspector_ids"],
    parse: parseList,
    empty: [],
  },
  {
    key: "departments",
    header: "检查部门",
    synonyms: ["实施部门", "实施机关", "检查机关", "检查实施机关", "检查单位", "部门", "department", "departments"],
    parse: parseList,
    empty: [],
  },
  {
    key: "date",
    header: "抽取日期",
    synonyms: ["抽取时间", "派发日期", "派发时间", "抽查日期", "抽检日期", "draw_date", "date"],
    parse: parseDate,
    empty: null,
  },
  {
    key: "taskId",
    header: "任务编号",
    synonyms: ["抽查任务编号", "任务代码", "计划编号", "task_id"],
    parse: parseId,
    empty: "",
  },
  {
    key: "taskName",
    header: "任务名称",
    synonyms: ["抽查任务名称", "抽查任务", "计划名称", "task_name"],
    parse: parseText,
    empty: "",
  },
  {
    key: "grade",
    header: "信用风险等级",
    synonyms: ["风险等级", "信用等级", "风险分类", "信用风险分类", "风险分类等级", "risk_grade"],
    parse: parseGrade,
    empty: null,
  },
];

/**
 * The fields as the schema's column definitions, one per name a field goes by, none required:
 * the import checks its required fields itself, so that one missing field is reported once.
 */
export function platformColumnDefs(): ColumnDef<PlatformKey>[] {
  return PLATFORM_FIELDS.flatMap((f) =>
    [f.header, ...f.synonyms].map((h) => ({
      key: f.key,
      header: h,
      alias: h,
      parse: f.parse,
      required: false,
      empty: f.empty,
    })),
  );
}
