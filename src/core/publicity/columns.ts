// Where each field of a 检查结果 row sits on the sheet, so that an issue can name its cell.
// The sheet reader owns the header matching; it passes what it found.
import type { InspectionResult } from "../model";

/** One located column: the header as the clerk wrote it and its 0-based index. */
export interface LocatedColumn {
  header: string;
  index: number;
}

/** The located columns of the 检查结果 sheet; a field absent from the map gives an issue without a cell. */
export type ResultColumns = Partial<Record<keyof InspectionResult, LocatedColumn>>;

/** The default headers (workbook.md), used for the column name when the map lacks a field. */
export const RESULT_HEADERS: Record<keyof InspectionResult, string> = {
  taskId: "任务编号",
  uscc: "统一社会信用代码",
  name: "名称",
  department: "部门",
  completed: "检查完成日期",
  result: "检查结果",
  problem: "问题描述",
  rectification: "整改情况",
  penaltyNo: "处罚决定书文号",
  penaltyDate: "处罚决定日期",
  followUp: "后续处置",
  enteredBy: "录入人",
  published: "公示日期",
  row: "",
};

/** The columns in the order that the draw writes them (A, B, …). */
export const DEFAULT_RESULT_COLUMNS: ResultColumns = Object.fromEntries(
  (Object.keys(RESULT_HEADERS) as (keyof InspectionResult)[])
    .filter((k) => k !== "row")
    .map((k, index) => [k, { header: RESULT_HEADERS[k], index }]),
);
