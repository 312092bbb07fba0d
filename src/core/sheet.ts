// The cell and sheet value types: a sheet as read (SheetData) and a sheet to write (SheetSpec).
// The core owns them; the workbook port and its adapters move them in and out of a workbook.

/** An error value in a cell, such as '#N/A' or '#DIV/0!'. */
export interface CellError {
  error: string;
}

/**
 * One cell as read. Text (rich text flattened, hyperlinks as their text), number, boolean,
 * Date (an Excel date cell, as a UTC Date whose UTC fields are the cell's calendar fields; the
 * Office.js adapter, which reads values only, gives a date cell as its serial number, which the
 * schema's date parser takes as well), an error value, or null when empty. Formula cells give
 * their cached result; a formula cell whose file holds no result is an UncalculatedFormula.
 */
export type CellValue = string | number | boolean | Date | CellError | UncalculatedFormula | null;

/**
 * A formula cell without a calculated result in the file (a program wrote the formula and never
 * calculated it; Excel would on opening). Its value is unknown, so it is never read as empty.
 */
export interface UncalculatedFormula {
  /** the formula as stored, without the leading '=' */
  formula: string;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

export function isUncalculatedFormula(v: unknown): v is UncalculatedFormula {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as UncalculatedFormula).formula === "string"
  );
}

/** A sheet as read: rows[0] is sheet row 1, rows[r][0] is column A. Trailing empties may be cut. */
export interface SheetData {
  name: string;
  rows: CellValue[][];
  /** Excel tables on the sheet, if any: their header row (1-based), column span and, when the adapter can tell, last row. */
  tables?: { name: string; headerRow: number; firstColumn: number; lastColumn: number; lastRow?: number }[];
  /** whether the sheet is protected, when the adapter can tell (verify reports unprotected records) */
  protected?: boolean;
}

/** A cell address range in A1 notation, e.g. 'A1:D3' or 'B7'. */
export type A1Range = string;

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  /** 'RRGGBB' */
  fill?: string;
  /** 'RRGGBB' */
  fontColor?: string;
  border?: boolean;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Excel number format of the number cells, e.g. '0.0%' (text cells keep the text format) */
  numberFormat?: string;
}

/**
 * A sheet to write, described completely. Strings are always written as text, never as
 * formulas (an adapter sets the text number format before writing). Numbers, booleans and
 * null are written as such. Dates are written as text 'YYYY-MM-DD' by the caller.
 */
export interface SheetSpec {
  name: string;
  /** rows[0] is sheet row 1 */
  rows: (string | number | boolean | null)[][];
  /** width in characters, per column from A */
  columnWidths?: number[];
  /** height in points, per row from row 1 (null or absent: the default height) */
  rowHeights?: (number | null | undefined)[];
  styles?: { range: A1Range; style: CellStyle }[];
  merges?: A1Range[];
  /** rows frozen at the top */
  frozenRows?: number;
  /** the sheet tab's colour, 'RRGGBB' (a voided draw's sheets are red) */
  tabColor?: string;
  /** protect the sheet; every cell locked except `unlocked` */
  protect?: boolean;
  unlocked?: A1Range[];
  /** in-cell drop-down lists */
  validations?: { range: A1Range; list: string[] }[];
  page?: {
    orientation: "portrait" | "landscape";
    fitToWidth?: boolean;
    /** rows repeated at the top of each printed page, e.g. '1:3' */
    printTitleRows?: string;
    /** 1-based rows after which a page break is set */
    rowBreaks?: number[];
  };
  /** an Excel table over a range whose first row is the header */
  table?: { name: string; range: A1Range };
  /**
   * Native charts over ranges of this sheet (the first column holds the categories, the first
   * row the series names). The Office.js adapter draws them; ExcelJS cannot write charts, so the
   * .xlsx adapter leaves them out and the data stays on the sheet.
   */
  charts?: { type: "column" | "bar" | "pie"; title: string; range: A1Range; anchor: A1Range }[];
}
