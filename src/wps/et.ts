// The part of the WPS 表格 (ET) object model that the adapter uses, typed by hand.
// Why not the vendor's `wps-jsapi` 1.0.5 declarations: they are generated from the COM type
// library with the out-parameter kept, so every method that returns an object is declared as
// returning void (`Range(Cell1?, Cell2?, RHS?: EtRange): void`, `Worksheets.Add(…): void`), and
// `UsedRange` and `Value2` are declared as numbers; no call chain the adapter makes type-checks
// against them. Member names, argument orders and constants below follow those declarations
// (lib.et.d.ts) and the WPS 表格 API reference; test/wps/et-names.test.ts checks the names.
// The API is synchronous and VBA-like: every property read and call is a round trip to the host.

/** A cell value as WPS gives it through Value2 (dates as serial numbers, errors as below). */
export type EtScalar = string | number | boolean | null | undefined;

/** Application (ET): window.Application in an add-in page. */
export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ActiveWindow: EtWindow | null;
  /** the 'are you sure?' dialogs, such as the one Worksheet.Delete shows by default */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  readonly WorksheetFunction: { IsError(value: EtRange): boolean };
  readonly Name?: string;
  readonly Version?: string;
  readonly Build?: string | number;
}

/** Workbook */
export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: EtWorksheets;
  /** 保护工作簿 (structure): no sheet can be added, deleted, renamed or moved */
  readonly ProtectStructure: boolean;
  readonly Names: EtNames;
}

/** Worksheets: Item by 1-based index or by name (case-insensitive, as in the UI). */
export interface EtWorksheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  /** a new worksheet before `Before` or after `After`; it becomes the active sheet */
  Add(Before?: EtWorksheet | null, After?: EtWorksheet | null, Count?: number, Type?: number): EtWorksheet;
}

/** Worksheet */
export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  /** the block from the first to the last cell holding a value or a format; A1 on an empty sheet */
  readonly UsedRange: EtRange;
  /** one block, or several separated by commas (at most 255 characters) */
  Range(address: string): EtRange;
  Activate(): void;
  /** shows a confirmation dialog unless Application.DisplayAlerts is false; false when not deleted */
  Delete(): boolean | void;
  Move(Before?: EtWorksheet | null, After?: EtWorksheet | null): void;
  Protect(
    Password?: string,
    DrawingObjects?: boolean,
    Contents?: boolean,
    Scenarios?: boolean,
    UserInterfaceOnly?: boolean,
    AllowFormattingCells?: boolean,
    AllowFormattingColumns?: boolean,
    AllowFormattingRows?: boolean,
  ): void;
  /** without the password of a sheet protected with one, WPS asks the clerk for it */
  Unprotect(Password?: string): void;
  readonly ProtectContents: boolean;
  readonly Protection: {
    readonly AllowFormattingCells: boolean;
    readonly AllowFormattingColumns: boolean;
    readonly AllowFormattingRows: boolean;
  };
  readonly PageSetup: EtPageSetup;
  /** at most 1,026 on a sheet */
  readonly HPageBreaks: { readonly Count: number; Add(Before: EtRange): unknown };
  /** Color: a BGR number (red + green·256 + blue·65536) */
  readonly Tab: { Color: number | boolean };
  readonly ListObjects: EtListObjects;
  readonly Shapes: EtShapes;
}

/** Range: a cell, a block, whole rows or columns, or several areas. */
export interface EtRange {
  /** a scalar for one cell, rows of values for a block; assigned the same way */
  Value2: unknown;
  /** a format code; '@' is text: what is written afterwards is kept as typed */
  NumberFormat: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: number;
  readonly Areas: { readonly Count: number; Item(index: number): EtRange };
  readonly Font: { Bold: unknown; Size: unknown; Color: unknown };
  readonly Interior: { Color: unknown };
  /** LineStyle 1 (xlContinuous) on the collection draws every edge and inside line */
  readonly Borders: { LineStyle: unknown; Weight: unknown };
  WrapText: unknown;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  /** in characters of the standard font, at most 255 */
  ColumnWidth: unknown;
  /** in points, at most 409 */
  RowHeight: unknown;
  Locked: unknown;
  readonly Validation: EtValidation;
  readonly EntireRow: EtRange;
  /** points from the sheet's top-left corner, for placing a chart over a block */
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
  /** the formula as typed ('=…'), or the constant as text */
  Formula: unknown;
  readonly HasFormula: unknown;
  /** true when the block is (within) one merged cell */
  readonly MergeCells: unknown;
  /** several areas: each is merged on its own; Across: each row of each area */
  Merge(Across?: boolean): void;
  /** whole rows inserted shift the rows below down (Shift xlDown = -4121) */
  Insert(Shift?: number): void;
  ClearContents(): void;
  /** rows deleted shift the cells below up (Shift xlUp = -4162) */
  Delete(Shift?: number): void;
  Select(): void;
}

/** Validation (数据有效性) */
export interface EtValidation {
  /** Type 3 (xlValidateList): Formula1 a comma list; refused where a validation is already set */
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
  InCellDropdown: boolean;
  IgnoreBlank: boolean;
  readonly Formula1: string;
}

/** PageSetup */
export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  /** false for FitToPagesWide/Tall to apply */
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

/** Window: the frozen rows belong to the window showing the active sheet. */
export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

/** Names: defined names of the workbook; a hidden one keeps the clerk's sheet choices. */
export interface EtNames {
  readonly Count: number;
  Item(index: number | string): EtName;
  Add(Name: string, RefersTo: string, Visible?: boolean): EtName;
}

export interface EtName {
  readonly Name: string;
  readonly RefersTo: string;
  Visible: boolean;
  Delete(): void;
}

/** ListObjects: the sheet's tables (表格). */
export interface EtListObjects {
  readonly Count: number;
  Item(index: number): EtListObject;
  /** SourceType 1 (xlSrcRange), XlListObjectHasHeaders 1 (xlYes) */
  Add(SourceType: number, Source: EtRange, LinkSource?: unknown, XlListObjectHasHeaders?: number): EtListObject;
}

export interface EtListObject {
  Name: string;
  readonly Range: EtRange;
  readonly ShowHeaders?: boolean;
}

/** Shapes: a chart is added as a shape that holds it. */
export interface EtShapes {
  AddChart(Type: number, Left: number, Top: number, Width: number, Height: number): { readonly Chart: EtChart };
}

export interface EtChart {
  /** PlotBy 2 (xlColumns): the block's first column holds the categories, its first row the names */
  SetSourceData(Source: EtRange, PlotBy?: number): void;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
}

/** The constants the adapter passes (XlDVType, XlHAlign…), from the vendor's declarations. */
export const XL = {
  validateList: 3,
  validAlertStop: 1,
  between: 1,
  continuous: 1,
  thin: 2,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  bottom: -4107,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  shiftUp: -4162,
  shiftDown: -4121,
  srcRange: 1,
  yes: 1,
  columns: 2,
  columnClustered: 51,
  barClustered: 57,
  pie: 5,
} as const;

/** Error values as the COM bridge may hand them over (VT_ERROR codes), and their texts. */
export const ERROR_CODES: Readonly<Record<number, string>> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

/** 'RRGGBB' → the BGR number ET takes for Color. */
export function bgr(rgb: string): number {
  const n = parseInt(rgb, 16);
  return ((n >> 16) & 0xff) + (((n >> 8) & 0xff) << 8) + ((n & 0xff) << 16);
}
