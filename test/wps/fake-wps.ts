// An in-memory fake of the WPS 表格 (ET) object model the adapter uses, for tests without WPS.
// It refuses what WPS refuses, after the WPS 表格 API reference and Excel's documented limits,
// which ET follows: sheet names (31 characters, no : \ / ? * [ ], no leading or trailing
// apostrophe, unique without regard to case), writes to locked cells and format changes on a
// protected sheet (column widths and row heights only when the protection allows them), text
// over 32,767 characters, row heights over 409 pt, column widths over 255, more than 1,026 page
// breaks, Range() addresses over 255 characters, a validation added where one is already set or
// with a list over 255 characters, a table over merged cells, sheets added, deleted, renamed or
// moved in a workbook whose structure is protected, and a merge over several values unless the
// alerts are off. Like ET, a string written into a cell that is not text ('@') is parsed as the
// clerk's typing would be: '=…', '+…', '-…', '@…' become formulas (here: #NAME?), numbers and
// dates become numbers, TRUE/FALSE booleans. Worksheet.Delete asks for confirmation unless
// Application.DisplayAlerts is false (here the clerk answers no). Value2 hands an error cell
// over as a COM error code (or as its text, by option), and a single cell as a scalar.
import type { CellValue, SheetData } from "../../src/workbook/port";
import { blockText, columnName, MAX_COLUMN, MAX_ROW, parseRange } from "../../src/workbook/xlsx/a1";
import { ERROR_CODES } from "../../src/wps/et";

type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar | null;
  /** an error value's text ('#N/A') */
  error?: string;
  formula?: string;
  format: string;
  locked: boolean;
}

export interface FakeRule {
  formula: string;
  inCellDropdown: boolean;
  ignoreBlank: boolean;
}

/** One sheet of the fake workbook. */
export interface FakeWpsSheet {
  name: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Locked set on whole columns (cells without an entry of their own follow it) */
  columnLocked: Map<number, boolean>;
  merges: string[];
  /** per cell, the rule object shared by the cells of one Validation.Add */
  validations: Map<string, FakeRule>;
  /** style properties set, in order: address, property, value */
  styles: { address: string; property: string; value: unknown }[];
  frozenRows: number;
  protected: boolean;
  password?: string;
  allow: { cells: boolean; columns: boolean; rows: boolean };
  page: {
    orientation?: number;
    paperSize?: number;
    zoom?: number | boolean;
    fitWide?: number | boolean;
    fitTall?: number | boolean;
    printTitleRows?: string;
  };
  /** rows before which a manual page break is set (HPageBreaks.Add(A{n})) */
  pageBreaks: number[];
  tabColor?: number | boolean;
  tables: { name: string; address: string }[];
  charts: { type: number; source?: string; title?: string; left: number; top: number; width: number; height: number }[];
}

export interface FakeWpsOptions {
  /** how Value2 hands an error cell over: its COM error code (default) or its text */
  errorValues?: "code" | "text";
  /** no WorksheetFunction.IsError, as an older build might lack */
  noIsError?: boolean;
  /** Validation.Add refused, as a host without data validation would */
  refuseValidation?: boolean;
  /** Shapes.AddChart refused */
  refuseCharts?: boolean;
  /** FitToPagesWide refused */
  refuseFitToWidth?: boolean;
  /** the n-th Value2 assignment (1-based) throws, to test failures mid-write */
  failAtWrite?: number;
  /** Worksheet.Delete throws, for the rollback's report */
  refuseDeletes?: boolean;
  /** the workbook's structure is protected (保护工作簿) */
  structureProtected?: boolean;
  workbookName?: string;
}

export interface FakeWpsStats {
  /** host calls by member, e.g. 'Value2=' (assignments), 'Value2' (reads), 'Range' */
  calls: Record<string, number>;
}

export class FakeWpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WpsError";
  }
}

const key = (r: number, c: number): string => `${r},${c}`;
const unkey = (k: string): [number, number] => k.split(",").map(Number) as [number, number];
const DEFAULT_WIDTH = 8.38;
const DEFAULT_HEIGHT = 13.5;
const FORBIDDEN = /[:\\/?*[\]]/;

/** Excel/ET serial of a UTC calendar date. */
const serial = (d: Date): number => (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;

function newSheet(name: string): FakeWpsSheet {
  return {
    name,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    columnLocked: new Map(),
    merges: [],
    validations: new Map(),
    styles: [],
    frozenRows: 0,
    protected: false,
    allow: { cells: false, columns: false, rows: false },
    page: {},
    pageBreaks: [],
    tables: [],
    charts: [],
  };
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
  wholeRows: boolean;
  wholeColumns: boolean;
}

function parseAreas(address: string): Area[] {
  if (typeof address !== "string" || address.length > 255) throw new FakeWpsError("Range 方法失败：地址无效");
  return address.split(",").map((part) => {
    let b;
    try {
      b = parseRange(part.replace(/^.*!/, ""));
    } catch {
      throw new FakeWpsError(`Range 方法失败：${part}`);
    }
    return {
      top: b.top ?? 1,
      left: b.left ?? 1,
      bottom: b.bottom ?? MAX_ROW,
      right: b.right ?? MAX_COLUMN,
      wholeRows: b.left === null,
      wholeColumns: b.top === null,
    };
  });
}

const areaText = (a: Area): string =>
  a.wholeRows
    ? `${a.top}:${a.bottom}`
    : a.wholeColumns
      ? `${columnName(a.left)}:${columnName(a.right)}`
      : blockText(a.top, a.left, a.bottom, a.right);

const overlaps = (a: Area, b: Area): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function* cellsOf(a: Area): Generator<[number, number]> {
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) yield [r, c];
}

/** What ET makes of a string typed into a cell that is not text. */
function parseTyped(s: string): { value: Scalar | null; error?: string; formula?: string; format?: string } {
  if (s === "") return { value: null };
  const t = s.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^[=+\-@]/.test(s)) return { value: null, formula: s, error: "#NAME?" };
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (d) {
    const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
    if (date.getUTCMonth() === Number(d[2]) - 1 && date.getUTCDate() === Number(d[3]))
      return { value: serial(date), format: "yyyy/m/d" };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: s };
}

export interface FakeWps {
  /** window.Application as an add-in page sees it */
  app: any;
  state: { sheets: FakeWpsSheet[]; active: string | null; structureProtected: boolean; selection?: string };
  stats: FakeWpsStats;
  sheet(name: string): FakeWpsSheet;
  /** the cell's value as stored: a scalar, null, or {error} */
  cell(sheet: string, address: string): CellValue;
  options: FakeWpsOptions;
}

/** A fake WPS with one workbook holding the given sheets (Date cells stored as serials). */
export function createFakeWps(sheets: SheetData[] = [], options: FakeWpsOptions = {}): FakeWps {
  const state: FakeWps["state"] = {
    sheets: [],
    active: null,
    structureProtected: options.structureProtected === true,
  };
  const stats: FakeWpsStats = { calls: {} };
  const count = (name: string) => (stats.calls[name] = (stats.calls[name] ?? 0) + 1);
  let writes = 0;
  for (const s of sheets) {
    const sh = newSheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell: FakeCell = { value: null, format: "General", locked: true };
        if (v instanceof Date) {
          cell.value = serial(v);
          cell.format = "yyyy/m/d";
        } else if (typeof v === "object") cell.error = "error" in v ? v.error : "#VALUE!";
        else cell.value = v;
        sh.cells.set(key(r + 1, c + 1), cell);
      }),
    );
    sh.protected = s.protected === true;
    for (const t of s.tables ?? [])
      sh.tables.push({ name: t.name, address: blockText(t.headerRow, t.firstColumn, t.headerRow + 1, t.lastColumn) });
    state.sheets.push(sh);
  }
  if (state.sheets.length === 0) state.sheets.push(newSheet("Sheet1"));
  state.active = state.sheets[0].name;
  let alerts = true;
  let screen = true;
  const names = new Map<string, { name: string; refersTo: string; visible: boolean }>();

  const find = (name: string): FakeWpsSheet | undefined =>
    state.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
  const structure = () => {
    if (state.structureProtected) throw new FakeWpsError("工作簿受保护，不能更改工作簿结构");
  };
  const checkName = (name: unknown, self: FakeWpsSheet | null) => {
    if (typeof name !== "string" || name.trim() === "" || [...name].length > 31 || FORBIDDEN.test(name))
      throw new FakeWpsError(`工作表名称无效：${String(name)}`);
    if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history")
      throw new FakeWpsError(`工作表名称无效：${name}`);
    const other = find(name);
    if (other && other !== self) throw new FakeWpsError(`工作表名称已被占用：${name}`);
  };

  const cellAt = (sh: FakeWpsSheet, r: number, c: number): FakeCell | undefined => sh.cells.get(key(r, c));
  const ensure = (sh: FakeWpsSheet, r: number, c: number): FakeCell => {
    let cell = sh.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null, format: "General", locked: sh.columnLocked.get(c) ?? true };
      sh.cells.set(key(r, c), cell);
    }
    return cell;
  };
  const locked = (sh: FakeWpsSheet, r: number, c: number): boolean =>
    cellAt(sh, r, c)?.locked ?? sh.columnLocked.get(c) ?? true;
  const contentsProtected = (sh: FakeWpsSheet, areas: Area[]) => {
    if (!sh.protected) return;
    for (const a of areas) {
      if (a.wholeColumns || a.wholeRows) throw new FakeWpsError("不能更改受保护的工作表中的单元格");
      for (const [r, c] of cellsOf(a))
        if (locked(sh, r, c)) throw new FakeWpsError(`${sh.name}!${blockText(r, c, r, c)} 受保护，不能更改`);
    }
  };
  const formatProtected = (sh: FakeWpsSheet, what: "cells" | "columns" | "rows") => {
    if (sh.protected && !sh.allow[what]) throw new FakeWpsError("不能更改受保护的工作表的格式");
  };

  function storeValue(sh: FakeWpsSheet, r: number, c: number, v: unknown): void {
    if (typeof v === "string" && v.length > 32767) throw new FakeWpsError("单元格中的文本不能超过 32767 个字符");
    const cell = ensure(sh, r, c);
    delete cell.error;
    delete cell.formula;
    if (v === null || v === undefined || v === "") {
      cell.value = null;
      return;
    }
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new FakeWpsError("数值无效");
      cell.value = v;
      return;
    }
    if (typeof v === "boolean") {
      cell.value = v;
      return;
    }
    if (typeof v !== "string") throw new FakeWpsError(`不能写入 ${typeof v}`);
    if (cell.format === "@") {
      cell.value = v;
      return;
    }
    const t = parseTyped(v);
    cell.value = t.value;
    if (t.error) cell.error = t.error;
    if (t.formula) cell.formula = t.formula;
    if (t.format && cell.format === "General") cell.format = t.format;
  }

  function readValue(sh: FakeWpsSheet, r: number, c: number): Scalar | undefined {
    const cell = cellAt(sh, r, c);
    if (!cell) return undefined;
    if (cell.error !== undefined) {
      if (options.errorValues === "text") return cell.error;
      const code = Object.entries(ERROR_CODES).find(([, t]) => t === cell.error)?.[0];
      return code === undefined ? cell.error : Number(code);
    }
    return cell.value === null ? undefined : cell.value;
  }

  function mergeArea(sh: FakeWpsSheet, a: Area): void {
    if (a.top === a.bottom && a.left === a.right) return;
    const text = areaText(a);
    for (const m of sh.merges)
      if (overlaps(parseAreas(m)[0], a)) throw new FakeWpsError(`合并区域重叠：${m} 与 ${text}`);
    let values = 0;
    for (const [r, c] of cellsOf(a)) if (readValue(sh, r, c) !== undefined) values++;
    if (values > 1) {
      // ET asks whether to keep only the top-left value; with the alerts on, the write stops here
      if (alerts) throw new FakeWpsError("合并单元格时只保留左上角的值（对话框）");
      for (const [r, c] of cellsOf(a))
        if (r !== a.top || c !== a.left) cellAt(sh, r, c) && (ensure(sh, r, c).value = null);
    }
    sh.merges.push(text);
  }

  function deleteRows(sh: FakeWpsSheet, top: number, bottom: number): void {
    if (sh.protected) throw new FakeWpsError("不能删除受保护的工作表中的行");
    const n = bottom - top + 1;
    const move = <V>(m: Map<string, V>) => {
      const out = new Map<string, V>();
      for (const [k, v] of m) {
        const [r, c] = unkey(k);
        if (r < top) out.set(k, v);
        else if (r > bottom) out.set(key(r - n, c), v);
      }
      return out;
    };
    sh.cells = move(sh.cells);
    sh.validations = move(sh.validations);
    const heights = new Map<number, number>();
    for (const [r, h] of sh.rowHeights)
      if (r < top) heights.set(r, h);
      else if (r > bottom) heights.set(r - n, h);
    sh.rowHeights = heights;
    sh.merges = sh.merges.flatMap((m) => {
      const a = parseAreas(m)[0];
      if (a.bottom < top) return [m];
      if (a.top > bottom) return [blockText(a.top - n, a.left, a.bottom - n, a.right)];
      return [];
    });
  }

  function insertRows(sh: FakeWpsSheet, top: number, bottom: number): void {
    if (sh.protected) throw new FakeWpsError("不能在受保护的工作表中插入行");
    const n = bottom - top + 1;
    const move = <V>(m: Map<string, V>) => {
      const out = new Map<string, V>();
      for (const [k, v] of m) {
        const [r, c] = unkey(k);
        out.set(r < top ? k : key(r + n, c), v);
      }
      return out;
    };
    sh.cells = move(sh.cells);
    sh.validations = move(sh.validations);
    const heights = new Map<number, number>();
    for (const [r, h] of sh.rowHeights) heights.set(r < top ? r : r + n, h);
    sh.rowHeights = heights;
  }

  const pointsLeft = (sh: FakeWpsSheet, c: number) => {
    let x = 0;
    for (let i = 1; i < c; i++) x += (sh.columnWidths.get(i) ?? DEFAULT_WIDTH) * 6;
    return x;
  };
  const pointsTop = (sh: FakeWpsSheet, r: number) => {
    let y = 0;
    for (let i = 1; i < r; i++) y += sh.rowHeights.get(i) ?? DEFAULT_HEIGHT;
    return y;
  };

  // the sheet each range belongs to, for WorksheetFunction.IsError
  const owners = new WeakMap<object, FakeWpsSheet>();

  function range(sh: FakeWpsSheet, areas: Area[]): any {
    const first = areas[0];
    const style = (property: string, what: "cells" = "cells") => ({
      set(value: unknown) {
        count(`${property}=`);
        formatProtected(sh, what);
        for (const a of areas) sh.styles.push({ address: areaText(a), property, value });
      },
      get() {
        const hit = [...sh.styles].reverse().find((s) => s.property === property && s.address === areaText(first));
        return hit?.value;
      },
    });
    const rule = (): FakeRule | undefined => sh.validations.get(key(first.top, first.left));
    const validation = {
      Add(type: number, alertStyle?: number, operator?: number, formula1?: string) {
        count("Validation.Add");
        if (options.refuseValidation) throw new FakeWpsError("此版本不支持数据有效性");
        formatProtected(sh, "cells");
        if (type !== 3 || typeof formula1 !== "string" || formula1 === "") throw new FakeWpsError("数据有效性参数无效");
        if (formula1.length > 255) throw new FakeWpsError("序列来源不能超过 255 个字符");
        for (const a of areas)
          for (const [r, c] of cellsOf(a))
            if (sh.validations.has(key(r, c))) throw new FakeWpsError("该区域已有数据有效性，请先删除");
        const shared: FakeRule = { formula: formula1, inCellDropdown: true, ignoreBlank: true };
        for (const a of areas) for (const [r, c] of cellsOf(a)) sh.validations.set(key(r, c), shared);
      },
      Delete() {
        count("Validation.Delete");
        formatProtected(sh, "cells");
        for (const a of areas) for (const [r, c] of cellsOf(a)) sh.validations.delete(key(r, c));
      },
      get InCellDropdown() {
        return rule()?.inCellDropdown ?? true;
      },
      set InCellDropdown(v: boolean) {
        for (const a of areas)
          for (const [r, c] of cellsOf(a)) {
            const x = sh.validations.get(key(r, c));
            if (x) x.inCellDropdown = v;
          }
      },
      get IgnoreBlank() {
        return rule()?.ignoreBlank ?? true;
      },
      set IgnoreBlank(v: boolean) {
        for (const a of areas)
          for (const [r, c] of cellsOf(a)) {
            const x = sh.validations.get(key(r, c));
            if (x) x.ignoreBlank = v;
          }
      },
      get Formula1() {
        return rule()?.formula;
      },
    };
    const obj: any = {
      get Value2() {
        count("Value2");
        const a = first;
        if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 5_000_000) throw new FakeWpsError("内存不足");
        if (a.top === a.bottom && a.left === a.right) return readValue(sh, a.top, a.left);
        const out: (Scalar | undefined)[][] = [];
        for (let r = a.top; r <= a.bottom; r++) {
          const row: (Scalar | undefined)[] = [];
          for (let c = a.left; c <= a.right; c++) row.push(readValue(sh, r, c));
          out.push(row);
        }
        return out;
      },
      set Value2(v: unknown) {
        count("Value2=");
        writes++;
        if (options.failAtWrite === writes) throw new FakeWpsError("写入失败（注入）");
        contentsProtected(sh, areas);
        for (const a of areas) {
          if (a.wholeColumns || a.wholeRows) throw new FakeWpsError("fake: a value over whole rows or columns");
          if (Array.isArray(v)) {
            for (const [r, c] of cellsOf(a)) {
              const row = v[r - a.top];
              const cv = Array.isArray(row) ? row[c - a.left] : r === a.top ? row : undefined;
              // a block larger than the array fills #N/A, as ET does
              if (cv === undefined && (!Array.isArray(row) || c - a.left >= row.length)) {
                const cell = ensure(sh, r, c);
                cell.value = null;
                cell.error = "#N/A";
              } else storeValue(sh, r, c, cv);
            }
          } else for (const [r, c] of cellsOf(a)) storeValue(sh, r, c, v);
        }
      },
      get Formula() {
        const cell = cellAt(sh, first.top, first.left);
        return cell?.formula ?? (cell?.value === null || cell?.value === undefined ? "" : String(cell.value));
      },
      set Formula(v: unknown) {
        count("Formula=");
        contentsProtected(sh, areas);
        for (const a of areas)
          for (const [r, c] of cellsOf(a)) {
            const s = String(v ?? "");
            const cell = ensure(sh, r, c);
            if (s.startsWith("=") && cell.format !== "@") {
              cell.formula = s;
              cell.value = null;
              cell.error = "#NAME?";
            } else storeValue(sh, r, c, s);
          }
      },
      get MergeCells() {
        return sh.merges.some((m) => {
          const b = parseAreas(m)[0];
          return b.top <= first.top && first.bottom <= b.bottom && b.left <= first.left && first.right <= b.right;
        });
      },
      get HasFormula() {
        return cellAt(sh, first.top, first.left)?.formula !== undefined;
      },
      get NumberFormat() {
        const f = new Set<string>();
        for (const [r, c] of cellsOf(first)) f.add(cellAt(sh, r, c)?.format ?? "General");
        return f.size === 1 ? [...f][0] : null;
      },
      set NumberFormat(v: unknown) {
        count("NumberFormat=");
        formatProtected(sh, "cells");
        for (const a of areas) {
          if (a.wholeColumns || a.wholeRows) throw new FakeWpsError("fake: a format over whole rows or columns");
          for (const [r, c] of cellsOf(a)) ensure(sh, r, c).format = String(v);
        }
      },
      get Locked() {
        return locked(sh, first.top, first.left);
      },
      set Locked(v: unknown) {
        count("Locked=");
        if (sh.protected) throw new FakeWpsError("不能更改受保护的工作表的格式");
        for (const a of areas) {
          if (a.wholeColumns) {
            for (let c = a.left; c <= a.right; c++) sh.columnLocked.set(c, v === true);
            for (const [k, cell] of sh.cells)
              if (unkey(k)[1] >= a.left && unkey(k)[1] <= a.right) cell.locked = v === true;
          } else for (const [r, c] of cellsOf(a)) ensure(sh, r, c).locked = v === true;
        }
      },
      get ColumnWidth() {
        return sh.columnWidths.get(first.left) ?? DEFAULT_WIDTH;
      },
      set ColumnWidth(v: unknown) {
        count("ColumnWidth=");
        if (typeof v !== "number" || v < 0 || v > 255) throw new FakeWpsError("列宽不能超过 255");
        formatProtected(sh, "columns");
        for (const a of areas) for (let c = a.left; c <= a.right; c++) sh.columnWidths.set(c, v);
      },
      get RowHeight() {
        return sh.rowHeights.get(first.top) ?? DEFAULT_HEIGHT;
      },
      set RowHeight(v: unknown) {
        count("RowHeight=");
        if (typeof v !== "number" || v < 0 || v > 409) throw new FakeWpsError("行高不能超过 409 磅");
        formatProtected(sh, "rows");
        for (const a of areas) {
          if (a.wholeColumns) throw new FakeWpsError("fake: a height over whole columns");
          for (let r = a.top; r <= a.bottom; r++) sh.rowHeights.set(r, v);
        }
      },
      get Row() {
        return first.top;
      },
      get Column() {
        return first.left;
      },
      get Count() {
        return areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
      },
      get Rows() {
        return { Count: first.bottom - first.top + 1 };
      },
      get Columns() {
        return { Count: first.right - first.left + 1 };
      },
      get Areas() {
        return { Count: areas.length, Item: (i: number) => range(sh, [areas[i - 1]]) };
      },
      get EntireRow() {
        return range(sh, [
          { top: first.top, bottom: first.bottom, left: 1, right: MAX_COLUMN, wholeRows: true, wholeColumns: false },
        ]);
      },
      get Left() {
        return pointsLeft(sh, first.left);
      },
      get Top() {
        return pointsTop(sh, first.top);
      },
      get Width() {
        return pointsLeft(sh, first.right + 1) - pointsLeft(sh, first.left);
      },
      get Height() {
        return pointsTop(sh, first.bottom + 1) - pointsTop(sh, first.top);
      },
      Font: {},
      Interior: {},
      Borders: {},
      Validation: validation,
      Merge(across?: boolean) {
        count("Merge");
        formatProtected(sh, "cells");
        for (const a of areas)
          if (across) for (let r = a.top; r <= a.bottom; r++) mergeArea(sh, { ...a, top: r, bottom: r });
          else mergeArea(sh, a);
      },
      ClearContents() {
        count("ClearContents");
        contentsProtected(sh, areas);
        for (const a of areas)
          for (const [r, c] of cellsOf(a)) {
            const cell = cellAt(sh, r, c);
            if (cell) {
              cell.value = null;
              delete cell.error;
              delete cell.formula;
            }
          }
      },
      Delete() {
        count("Delete");
        if (areas.length !== 1 || !first.wholeRows) throw new FakeWpsError("fake: only whole rows are deleted");
        deleteRows(sh, first.top, first.bottom);
      },
      Insert() {
        count("Insert");
        if (areas.length !== 1 || !first.wholeRows) throw new FakeWpsError("fake: only whole rows are inserted");
        insertRows(sh, first.top, first.bottom);
      },
      Select() {
        if (state.active !== sh.name) throw new FakeWpsError("只能选择活动工作表上的区域");
        state.selection = `${sh.name}!${areas.map(areaText).join(",")}`;
      },
    };
    for (const [name, props] of [
      ["Font", ["Bold", "Size", "Color"]],
      ["Interior", ["Color"]],
      ["Borders", ["LineStyle", "Weight"]],
    ] as const)
      for (const p of props) Object.defineProperty(obj[name], p, style(`${name}.${p}`));
    for (const p of ["WrapText", "HorizontalAlignment", "VerticalAlignment"]) Object.defineProperty(obj, p, style(p));
    owners.set(obj, sh);
    return obj;
  }

  const worksheets: Map<FakeWpsSheet, any> = new Map();
  function worksheet(sh: FakeWpsSheet): any {
    const known = worksheets.get(sh);
    if (known) return known;
    const gone = () => {
      if (!state.sheets.includes(sh)) throw new FakeWpsError("对象已被删除");
    };
    const page = {
      get Orientation() {
        return sh.page.orientation ?? 1;
      },
      set Orientation(v: number) {
        if (v !== 1 && v !== 2) throw new FakeWpsError("Orientation 无效");
        sh.page.orientation = v;
      },
      get PaperSize() {
        return sh.page.paperSize ?? 9;
      },
      set PaperSize(v: number) {
        if (!Number.isInteger(v)) throw new FakeWpsError("PaperSize 无效");
        sh.page.paperSize = v;
      },
      get Zoom() {
        return sh.page.zoom ?? 100;
      },
      set Zoom(v: number | boolean) {
        if (v !== false && !(typeof v === "number" && v >= 10 && v <= 400)) throw new FakeWpsError("Zoom 无效");
        sh.page.zoom = v;
      },
      get FitToPagesWide() {
        return sh.page.fitWide ?? 1;
      },
      set FitToPagesWide(v: number | boolean) {
        if (options.refuseFitToWidth) throw new FakeWpsError("不支持缩放到页宽");
        sh.page.fitWide = v;
      },
      get FitToPagesTall() {
        return sh.page.fitTall ?? 1;
      },
      set FitToPagesTall(v: number | boolean) {
        sh.page.fitTall = v;
      },
      get PrintTitleRows() {
        return sh.page.printTitleRows ?? "";
      },
      set PrintTitleRows(v: string) {
        if (!/^\$\d+:\$\d+$/.test(v)) throw new FakeWpsError("打印标题无效");
        sh.page.printTitleRows = v;
      },
    };
    const ws: any = {
      get Name() {
        gone();
        return sh.name;
      },
      set Name(v: string) {
        count("Name=");
        gone();
        structure();
        checkName(v, sh);
        if (state.active === sh.name) state.active = v;
        sh.name = v;
      },
      get Index() {
        return state.sheets.indexOf(sh) + 1;
      },
      get UsedRange() {
        count("UsedRange");
        let top = Infinity;
        let left = Infinity;
        let bottom = 0;
        let right = 0;
        for (const [k, cell] of sh.cells) {
          if (cell.value === null && cell.error === undefined && cell.format === "General" && cell.locked) continue;
          const [r, c] = unkey(k);
          top = Math.min(top, r);
          left = Math.min(left, c);
          bottom = Math.max(bottom, r);
          right = Math.max(right, c);
        }
        if (bottom === 0) return range(sh, parseAreas("A1"));
        return range(sh, parseAreas(blockText(top, left, bottom, right)));
      },
      Range(address: string) {
        count("Range");
        gone();
        return range(sh, parseAreas(address));
      },
      Activate() {
        gone();
        state.active = sh.name;
      },
      Delete() {
        count("Worksheet.Delete");
        gone();
        structure();
        if (options.refuseDeletes) throw new FakeWpsError("删除工作表失败（注入）");
        // the confirmation dialog: the clerk, asked whether to delete the sheet, says no
        if (alerts) return false;
        if (state.sheets.length === 1) throw new FakeWpsError("工作簿至少要含有一张可视工作表");
        state.sheets.splice(state.sheets.indexOf(sh), 1);
        if (state.active === sh.name) state.active = state.sheets[0].name;
        return true;
      },
      Move(before?: any, after?: any) {
        count("Move");
        structure();
        const target = before ?? after;
        if (!target) throw new FakeWpsError("fake: Move into a new workbook");
        state.sheets.splice(state.sheets.indexOf(sh), 1);
        const at = state.sheets.findIndex((s) => s.name === target.Name);
        state.sheets.splice(before ? at : at + 1, 0, sh);
      },
      Protect(
        password?: string,
        _drawing?: boolean,
        _contents?: boolean,
        _scenarios?: boolean,
        _ui?: boolean,
        cells?: boolean,
        columns?: boolean,
        rows?: boolean,
      ) {
        count("Protect");
        sh.protected = true;
        sh.password = password || undefined;
        sh.allow = { cells: cells === true, columns: columns === true, rows: rows === true };
      },
      Unprotect(password?: string) {
        count("Unprotect");
        if (!sh.protected) return;
        // without the password ET asks the clerk for it; here the clerk cancels
        if (sh.password !== undefined && password !== sh.password) throw new FakeWpsError("密码不正确");
        sh.protected = false;
        sh.password = undefined;
      },
      get ProtectContents() {
        return sh.protected;
      },
      get Protection() {
        return {
          AllowFormattingCells: sh.allow.cells,
          AllowFormattingColumns: sh.allow.columns,
          AllowFormattingRows: sh.allow.rows,
        };
      },
      PageSetup: page,
      HPageBreaks: {
        get Count() {
          return sh.pageBreaks.length;
        },
        Add(before: any) {
          count("HPageBreaks.Add");
          if (sh.pageBreaks.length >= 1026) throw new FakeWpsError("分页符已达上限 1026");
          sh.pageBreaks.push(before.Row);
          return {};
        },
      },
      Tab: {
        get Color() {
          return sh.tabColor ?? false;
        },
        set Color(v: number | boolean) {
          if (v !== false && !(typeof v === "number" && v >= 0 && v <= 0xffffff)) throw new FakeWpsError("颜色无效");
          sh.tabColor = v;
        },
      },
      ListObjects: {
        get Count() {
          return sh.tables.length;
        },
        Item(i: number) {
          const t = sh.tables[i - 1];
          if (!t) throw new FakeWpsError("下标越界");
          return {
            get Name() {
              return t.name;
            },
            set Name(v: string) {
              if (!/^[A-Za-z_\\\u3400-\u9fff][A-Za-z0-9_.\\\u3400-\u9fff]*$/.test(v))
                throw new FakeWpsError("表名无效");
              for (const s of state.sheets)
                for (const o of s.tables)
                  if (o !== t && o.name.toLowerCase() === v.toLowerCase()) throw new FakeWpsError("表名已存在");
              t.name = v;
            },
            Range: range(sh, parseAreas(t.address)),
            ShowHeaders: true,
          };
        },
        Add(sourceType: number, source: any, _link: unknown, headers: number) {
          count("ListObjects.Add");
          if (sourceType !== 1 || headers !== 1) throw new FakeWpsError("参数无效");
          const a = parseAreas(
            blockText(
              source.Row,
              source.Column,
              source.Row + source.Rows.Count - 1,
              source.Column + source.Columns.Count - 1,
            ),
          )[0];
          for (const m of sh.merges)
            if (overlaps(parseAreas(m)[0], a)) throw new FakeWpsError("表格不能与合并单元格重叠");
          for (const t of sh.tables) if (overlaps(parseAreas(t.address)[0], a)) throw new FakeWpsError("表格不能重叠");
          let n = 1;
          while (state.sheets.some((s) => s.tables.some((t) => t.name === `表${n}`))) n++;
          sh.tables.push({ name: `表${n}`, address: areaText(a) });
          return ws.ListObjects.Item(sh.tables.length);
        },
      },
      Shapes: {
        AddChart(type: number, left: number, top: number, width: number, height: number) {
          count("Shapes.AddChart");
          if (options.refuseCharts) throw new FakeWpsError("此版本不支持图表");
          if (sh.protected) throw new FakeWpsError("不能在受保护的工作表中插入图表");
          const chart: FakeWpsSheet["charts"][number] = { type, left, top, width, height };
          sh.charts.push(chart);
          return {
            Chart: {
              SetSourceData(source: any) {
                chart.source = areaText(
                  parseAreas(
                    blockText(
                      source.Row,
                      source.Column,
                      source.Row + source.Rows.Count - 1,
                      source.Column + source.Columns.Count - 1,
                    ),
                  )[0],
                );
              },
              HasTitle: false,
              ChartTitle: {
                get Text() {
                  return chart.title ?? "";
                },
                set Text(v: string) {
                  chart.title = v;
                },
              },
            },
          };
        },
      },
    };
    worksheets.set(sh, ws);
    return ws;
  }

  const window = {
    get FreezePanes() {
      return state.active !== null && (find(state.active)?.frozenRows ?? 0) > 0;
    },
    set FreezePanes(v: boolean) {
      const sh = state.active === null ? undefined : find(state.active);
      if (!sh) throw new FakeWpsError("没有活动工作表");
      sh.frozenRows = v ? split : 0;
    },
    get SplitRow() {
      return split;
    },
    set SplitRow(v: number) {
      split = v;
    },
    SplitColumn: 0,
  };
  let split = 0;

  const workbook = {
    get Name() {
      return options.workbookName ?? "抽查.xlsx";
    },
    get FullName() {
      return `C:\\抽查\\${options.workbookName ?? "抽查.xlsx"}`;
    },
    get ProtectStructure() {
      return state.structureProtected;
    },
    Worksheets: {
      get Count() {
        return state.sheets.length;
      },
      Item(index: number | string) {
        count("Worksheets.Item");
        const sh = typeof index === "number" ? state.sheets[index - 1] : find(index);
        if (!sh) throw new FakeWpsError("下标越界");
        return worksheet(sh);
      },
      Add(before?: any, after?: any) {
        count("Worksheets.Add");
        structure();
        let n = state.sheets.length + 1;
        while (find(`Sheet${n}`)) n++;
        const sh = newSheet(`Sheet${n}`);
        const target = before ?? after;
        const at = target
          ? state.sheets.findIndex((s) => s.name === target.Name) + (before ? 0 : 1)
          : Math.max(
              0,
              state.sheets.findIndex((s) => s.name === state.active),
            );
        state.sheets.splice(at, 0, sh);
        state.active = sh.name;
        return worksheet(sh);
      },
    },
    Names: {
      get Count() {
        return names.size;
      },
      Item(index: number | string) {
        const n = typeof index === "number" ? [...names.values()][index - 1] : names.get(String(index).toLowerCase());
        if (!n) throw new FakeWpsError("名称不存在");
        return {
          Name: n.name,
          RefersTo: n.refersTo,
          get Visible() {
            return n.visible;
          },
          set Visible(v: boolean) {
            n.visible = v;
          },
          Delete: () => void names.delete(n.name.toLowerCase()),
        };
      },
      Add(name: string, refersTo: string, visible?: boolean) {
        if (!/^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*$/.test(name)) throw new FakeWpsError("名称无效");
        if (!refersTo.startsWith("=") || refersTo.length > 8192) throw new FakeWpsError("引用无效");
        const m = /^="(.*)"$/.exec(refersTo);
        if (m && m[1].replace(/""/g, '"').length > 255) throw new FakeWpsError("公式中的文本不能超过 255 个字符");
        names.set(name.toLowerCase(), { name, refersTo, visible: visible !== false });
        return workbook.Names.Item(name);
      },
    },
  };

  const app = {
    get ActiveWorkbook() {
      return workbook;
    },
    get ActiveSheet() {
      const sh = state.active === null ? undefined : find(state.active);
      return sh ? worksheet(sh) : null;
    },
    get ActiveWindow() {
      return window;
    },
    get DisplayAlerts() {
      return alerts;
    },
    set DisplayAlerts(v: boolean) {
      alerts = v;
    },
    get ScreenUpdating() {
      return screen;
    },
    set ScreenUpdating(v: boolean) {
      screen = v;
    },
    WorksheetFunction: {
      IsError(r: any) {
        if (options.noIsError) throw new FakeWpsError("不支持");
        const sh = owners.get(r);
        return sh ? cellAt(sh, r.Row, r.Column)?.error !== undefined : false;
      },
    },
    Name: "WPS 表格",
    Version: "12.1.0.fake",
    Build: 16120,
  };
  return {
    app,
    state,
    stats,
    options,
    sheet(name: string) {
      const sh = find(name);
      if (!sh) throw new Error(`fake: no sheet ${name}`);
      return sh;
    },
    cell(sheet: string, address: string): CellValue {
      const a = parseAreas(address)[0];
      const c = cellAt(this.sheet(sheet), a.top, a.left);
      if (!c) return null;
      if (c.error !== undefined) return { error: c.error };
      return c.value;
    },
  };
}
