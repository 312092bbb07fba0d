// The workbook port: a workbook as named sheets of cell values, and a way to write new sheets.
// Two adapters implement it: src/excel (Office.js) and src/workbook/xlsx (ExcelJS).
// No domain rule lives behind this interface; adapters only move cells. The cell and sheet value
// types are the core's (src/core/sheet.ts).
import type { SheetData, SheetSpec } from "../core/sheet";

export { isCellError } from "../core/sheet";
export type { A1Range, CellError, CellStyle, CellValue, SheetData, SheetSpec } from "../core/sheet";

/**
 * What one use-case writes, in one step: all of it or nothing.
 * - expect: written only if the sheet still ends where the use-case read it (another draw may have
 *   landed meanwhile); otherwise `WorkbookChangedError` and nothing is written;
 * - create: new sheets (a name already present is an error, nothing is written);
 * - replace: sheets the software owns (such as a result sheet), rewritten whole; created when absent;
 * - edit: cells set and rows removed on an existing sheet (检查结果 rows of a voided draw), by the
 *   row numbers as read; cells first, then the rows, removed from the bottom up;
 * - append: rows added under the last used row of a sheet (created from `whenAbsent` when absent),
 *   after the edits; a protected sheet stays protected.
 * The order is create and replace, then edit, then append.
 */
export interface WriteBatch {
  expect?: { sheet: string; lastRow: number }[];
  edit?: {
    sheet: string;
    cells?: { row: number; column: number; value: string | number | boolean | null }[];
    deleteRows?: number[];
  }[];
  create: SheetSpec[];
  replace: SheetSpec[];
  append: {
    sheet: string;
    rows: (string | number | boolean | null)[][];
    /** the sheet to create (header and styling) when `sheet` does not exist yet */
    whenAbsent: SheetSpec;
    /** drop-downs for the appended rows, by 1-based column */
    validations?: { column: number; list: string[] }[];
  }[];
}

/** The workbook changed since the use-case read it: the sheet no longer ends at the row it expected. */
export class WorkbookChangedError extends Error {
  constructor(
    readonly sheet: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`sheet ${sheet} ends at row ${actual}, expected ${expected}: the workbook changed since it was read`);
    this.name = "WorkbookChangedError";
  }
}

export interface ProgressReporter {
  (done: number, total: number, label?: string): void;
}

/** A workbook, read sheet by sheet and written in one batch. */
export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  readSheet(name: string): Promise<SheetData>;
  /** Writes the batch whole, or on failure removes what it created and throws. */
  write(batch: WriteBatch, progress?: ProgressReporter): Promise<void>;
}
