// Where each field of a 检查结果 row sits on the sheet, so that an issue can name its cell.
// The sheet reader owns the header matching; it passes what it found.
import type { InspectionResult } from "../model";
import { RESULT_COLUMNS } from "../schema/columns";

/** One located column: the header as the clerk wrote it and its 0-based index. */
export interface LocatedColumn {
  header: string;
  index: number;
}

/** The located columns of the 检查结果 sheet; a field absent from the map gives an issue without a cell. */
export type ResultColumns = Partial<Record<keyof InspectionResult, LocatedColumn>>;

/** The default headers (workbook.md, the schema's 检查结果 columns), for the column name when the map lacks a field. */
export const RESULT_HEADERS: Record<keyof InspectionResult, string> = {
  ...(Object.fromEntries(RESULT_COLUMNS.map((c) => [c.key, c.header])) as Record<
    Exclude<keyof InspectionResult, "row">,
    string
  >),
  row: "",
};

/** The columns in the order that the draw writes them (A, B, …). */
export const DEFAULT_RESULT_COLUMNS: ResultColumns = Object.fromEntries(
  (Object.keys(RESULT_HEADERS) as (keyof InspectionResult)[])
    .filter((k) => k !== "row")
    .map((k, index) => [k, { header: RESULT_HEADERS[k], index }]),
);
