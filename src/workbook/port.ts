// The workbook port: a workbook as named sheets of cell values, and a way to write new sheets.
// Two adapters implement it: src/excel (Office.js) and src/workbook/xlsx (ExcelJS).
// No domain rule lives behind this interface; adapters only move cells. The cell and sheet value
// types are the core's (src/core/sheet.ts).
import type { SheetData, SheetSpec } from "../core/sheet";

export { isCellError } from "../core/sheet";
export type { A1Range, CellError, CellStyle, CellValue, SheetData, SheetSpec } from "../core/sheet";

/**
 * What one use-case writes, in one step: all of it or nothing.
 * - create: new sheets (a name already present is an error, nothing is written);
 * - replace: sheets the software owns (such as 抽取记录), rewritten whole; created when absent;
 * - append: rows added under the last used row of a sheet (created from `create` when absent).
 */
export interface WriteBatch {
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
