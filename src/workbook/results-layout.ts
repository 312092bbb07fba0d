// The layout of 检查结果, the sheet inspectors fill in: column widths for its thirteen columns,
// the header frozen on screen and repeated on every printed page, A4 landscape fitted to the
// page's width, and the four categories as a drop-down. The draw creates the sheet with it and
// scripts/fill-results.ts rewrites the sheet with it, so neither loses the other's layout.
import { RESULT_CATEGORIES, type InspectionResult } from "../core/model";
import { RESULT_COLUMNS } from "../core/schema/columns";
import { columnLetter } from "../core/issues/issue";
import { lineCount, rowHeight } from "../core/papers/fit";
import type { SheetSpec } from "./port";

/** Width in characters per column; the free-text columns are the widest and wrap. */
const WIDTHS: Record<Exclude<keyof InspectionResult, "row">, number> = {
  taskId: 12,
  uscc: 20,
  name: 24,
  department: 13,
  completed: 11,
  result: 17,
  problem: 24,
  rectification: 20,
  penaltyNo: 18,
  penaltyDate: 11,
  followUp: 20,
  enteredBy: 8,
  published: 11,
};

export const RESULTS_COLUMN_WIDTHS: readonly number[] = RESULT_COLUMNS.map((c) => WIDTHS[c.key]);
const HEADER_FONT = 11;

/**
 * Everything of 检查结果 but its rows, for a sheet of `rowCount` rows (header included): the
 * drop-down of 检查结果 covers the data rows. The header wraps in its cells, as tall as it needs.
 */
export function resultsSheetLayout(
  rowCount: number,
): Pick<SheetSpec, "columnWidths" | "rowHeights" | "styles" | "frozenRows" | "page" | "validations"> {
  const last = columnLetter(RESULT_COLUMNS.length - 1);
  const resultColumn = columnLetter(RESULT_COLUMNS.findIndex((c) => c.key === "result"));
  const headerLines = Math.max(
    ...RESULT_COLUMNS.map((c, i) => lineCount(c.header, RESULTS_COLUMN_WIDTHS[i], HEADER_FONT)),
  );
  return {
    columnWidths: [...RESULTS_COLUMN_WIDTHS],
    rowHeights: [rowHeight(headerLines, HEADER_FONT)],
    styles: [
      {
        range: `A1:${last}1`,
        style: { bold: true, fill: "DDEBF7", border: true, wrap: true, vertical: "middle", horizontal: "center" },
      },
    ],
    frozenRows: 1,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
    validations:
      rowCount > 1 ? [{ range: `${resultColumn}2:${resultColumn}${rowCount}`, list: [...RESULT_CATEGORIES] }] : [],
  };
}
