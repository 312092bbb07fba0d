// Rendering a SheetSpec into an ExcelJS worksheet. `checkSpec` finds every fault that rendering
// could meet, so that a batch can be refused before the workbook is touched.
import type ExcelJS from "exceljs";
import type { CellStyle, SheetSpec } from "../port";
import { clampBlock, columnName, parseRange, type Block } from "./a1";

type Cell = string | number | boolean | null;

/** Excel's limits that a spec can run into. */
const MAX_TEXT = 32767;
/** Excel refuses an in-cell list longer than this (the list written as one formula text). */
export const MAX_LIST_CHARS = 255;
/** A closed range larger than this is a caller's bug (each cell becomes an object). */
const MAX_RANGE_CELLS = 2_000_000;

const FORBIDDEN_NAME = /[:\\/?*[\]]/;

/** Throws when Excel would not accept the name of a sheet. */
export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.trim() === "") throw new Error("sheet name is empty");
  if ([...name].length > 31) throw new Error(`sheet name longer than 31 characters: ${name}`);
  if (FORBIDDEN_NAME.test(name)) throw new Error(`sheet name has one of : \\ / ? * [ ]: ${name}`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`sheet name starts or ends with ': ${name}`);
  if (name.toLowerCase() === "history") throw new Error("sheet name History is reserved by Excel");
}

const TABLE_NAME = /^[A-Za-z_\\\u3400-\u9fff][A-Za-z0-9_.\\\u3400-\u9fff]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/** Throws on every fault of the spec that rendering would meet (ranges, lists, values, names). */
export function checkSpec(spec: SheetSpec): void {
  checkSheetName(spec.name);
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    if (!Array.isArray(row)) throw new Error(`${spec.name}: row ${r + 1} is not an array`);
    for (let c = 0; c < row.length; c++) checkValue(spec.name, row[c], r + 1, c + 1);
  }
  for (const w of spec.columnWidths ?? [])
    if (w !== null && w !== undefined && !(typeof w === "number" && w >= 0 && w <= 255))
      throw new Error(`${spec.name}: bad column width ${w}`);
  for (const s of spec.styles ?? []) {
    checkBlock(spec.name, s.range);
    checkStyle(spec.name, s.style);
  }
  checkMerges(spec);
  checkRowHeights(spec);
  if (spec.frozenRows !== undefined && !(Number.isInteger(spec.frozenRows) && spec.frozenRows >= 0))
    throw new Error(`${spec.name}: bad frozen row count ${spec.frozenRows}`);
  for (const u of spec.unlocked ?? []) checkBlock(spec.name, u);
  for (const v of spec.validations ?? []) {
    checkBlock(spec.name, v.range);
    listFormula(v.list);
  }
  if (spec.page) {
    const p = spec.page;
    if (p.orientation !== "portrait" && p.orientation !== "landscape")
      throw new Error(`${spec.name}: bad orientation ${String(p.orientation)}`);
    if (p.printTitleRows !== undefined && !/^\$?\d+:\$?\d+$/.test(p.printTitleRows))
      throw new Error(`${spec.name}: print titles must be rows such as 1:3, not ${p.printTitleRows}`);
    if (p.printTitleRows !== undefined) parseRange(p.printTitleRows);
    for (const b of p.rowBreaks ?? [])
      if (!(Number.isInteger(b) && b >= 1 && b < 1048576)) throw new Error(`${spec.name}: bad row break ${b}`);
  }
  if (spec.table) tableColumns(spec);
  if (spec.tabColor !== undefined && !/^[0-9A-Fa-f]{6}$/.test(spec.tabColor))
    throw new Error(`${spec.name}: bad tab colour ${spec.tabColor}`);
}

/** Merges must be closed and disjoint; checked through the cells they cover, in linear time. */
function checkMerges(spec: SheetSpec): void {
  const owner = new Map<number, string>();
  for (const m of spec.merges ?? []) {
    const b = checkBlock(spec.name, m);
    if (b.top === null || b.left === null) throw new Error(`${spec.name}: a merge needs a closed range: ${m}`);
    for (let r = b.top; r <= b.bottom!; r++)
      for (let c = b.left; c <= b.right!; c++) {
        const k = r * 16385 + c;
        const other = owner.get(k);
        if (other !== undefined) throw new Error(`${spec.name}: merges overlap: ${other} and ${m}`);
        owner.set(k, m);
      }
  }
}

/** Row heights, when given, are points from 0 to 409. */
function checkRowHeights(spec: SheetSpec): void {
  for (const h of rowHeights(spec))
    if (h !== null && h !== undefined && !(typeof h === "number" && h >= 0 && h <= 409))
      throw new Error(`${spec.name}: bad row height ${String(h)}`);
}

/** A cell's address for a message. */
const where = (sheet: string, row: number, column: number) => `${sheet}!${columnName(column)}${row}`;

// a snapshot sheet has millions of cells: no address and no closure is made unless one is wrong
function checkValue(sheet: string, v: unknown, row: number, column: number): void {
  if (v === null || v === undefined || typeof v === "boolean") return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`${where(sheet, row, column)}: number ${v} cannot be written`);
    return;
  }
  if (typeof v === "string") {
    if (v.length > MAX_TEXT) throw new Error(`${where(sheet, row, column)}: text longer than ${MAX_TEXT} characters`);
    return;
  }
  throw new Error(`${where(sheet, row, column)}: not a string, number, boolean or null`);
}

function checkBlock(sheet: string, range: string): Block {
  const b = parseRange(range);
  if (b.top !== null && b.left !== null) {
    const cells = (b.bottom! - b.top + 1) * (b.right! - b.left + 1);
    if (cells > MAX_RANGE_CELLS) throw new Error(`${sheet}: range too large: ${range}`);
  }
  return b;
}

function checkStyle(sheet: string, style: CellStyle): void {
  for (const c of [style.fill, style.fontColor])
    if (c !== undefined && !/^[0-9A-Fa-f]{6}$/.test(c)) throw new Error(`${sheet}: colour must be RRGGBB: ${c}`);
  if (style.fontSize !== undefined && !(style.fontSize > 0 && style.fontSize <= 409))
    throw new Error(`${sheet}: bad font size ${style.fontSize}`);
  if (
    style.numberFormat !== undefined &&
    !(typeof style.numberFormat === "string" && /^[^"]{1,255}$/.test(style.numberFormat))
  )
    throw new Error(`${sheet}: bad number format ${String(style.numberFormat)}`);
}

/**
 * The formula of an in-cell list: a quoted comma list. Excel splits it at commas and allows no
 * escaping, and refuses more than 255 characters; such a list is a caller's bug, so it throws.
 */
export function listFormula(list: readonly string[]): string {
  if (list.length === 0) throw new Error("a drop-down list is empty");
  for (const item of list)
    if (typeof item !== "string" || item === "" || /[,"]/.test(item))
      throw new Error(`a drop-down item must be non-empty text without , or ": ${String(item)}`);
  const joined = list.join(",");
  if (joined.length > MAX_LIST_CHARS)
    throw new Error(`a drop-down list is longer than ${MAX_LIST_CHARS} characters: ${joined.slice(0, 40)}…`);
  return `"${joined}"`;
}

/** The table's header names and data rows; throws unless the header is distinct non-empty text. */
export function tableColumns(spec: SheetSpec): { top: number; left: number; names: string[]; rows: Cell[][] } {
  const t = spec.table!;
  if (!TABLE_NAME.test(t.name) || CELL_LIKE.test(t.name) || t.name.length > 255)
    throw new Error(`${spec.name}: not a valid Excel table name: ${t.name}`);
  const b = parseRange(t.range);
  if (b.top === null || b.left === null) throw new Error(`${spec.name}: a table needs a closed range: ${t.range}`);
  const names: string[] = [];
  for (let c = b.left; c <= b.right!; c++) {
    const v = spec.rows[b.top - 1]?.[c - 1];
    if (typeof v !== "string" || v.trim() === "")
      throw new Error(`${spec.name}: table header ${columnName(c)}${b.top} is not text`);
    if (names.some((n) => n.toLowerCase() === v.toLowerCase()))
      throw new Error(`${spec.name}: table header repeats ${v}`);
    names.push(v);
  }
  const rows: Cell[][] = [];
  for (let r = b.top + 1; r <= b.bottom!; r++) {
    const row: Cell[] = [];
    for (let c = b.left; c <= b.right!; c++) row.push(spec.rows[r - 1]?.[c - 1] ?? null);
    rows.push(row);
  }
  if (rows.length === 0) throw new Error(`${spec.name}: a table needs at least one row under its header`);
  return { top: b.top, left: b.left, names, rows };
}

// ---------------------------------------------------------------------------------------------

export const TEXT_FORMAT = "@";
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

export function styleParts(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = { argb: `FF${style.fontColor.toUpperCase()}` };
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill !== undefined)
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill.toUpperCase()}` } };
  if (style.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
  if (style.vertical !== undefined) alignment.vertical = style.vertical;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  // text cells take the text format over it (StyleIndex.asText)
  if (style.numberFormat !== undefined) out.numFmt = style.numberFormat;
  return out;
}

/** Merges `add` onto `base`, font, alignment and protection key by key, into a new object. */
function mergeStyle(base: Partial<ExcelJS.Style>, add: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = { ...base };
  for (const [k, v] of Object.entries(add) as [keyof ExcelJS.Style, unknown][]) {
    if (k === "font" || k === "alignment" || k === "protection")
      (out as Record<string, unknown>)[k] = { ...((base as Record<string, object>)[k] ?? {}), ...(v as object) };
    else (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/**
 * Writes a string as text: the value stays a string cell, and the '@' format keeps Excel from
 * reading the clerk's later edit of the cell as a formula or a number.
 */
export function writeValue(cell: ExcelJS.Cell, v: Cell, style?: Partial<ExcelJS.Style>): void {
  if (v === null || v === "") {
    if (style) cell.style = style;
    return;
  }
  cell.style = typeof v === "string" ? { ...(style ?? {}), numFmt: TEXT_FORMAT } : (style ?? {});
  cell.value = v;
}

/** Data extent of the spec: last row and last column holding a cell (0 when empty). */
function extent(spec: SheetSpec): { rows: number; columns: number } {
  return { rows: spec.rows.length, columns: spec.rows.reduce((m, r) => Math.max(m, r.length), 0) };
}

/** Row heights in points, per row from 1; a field that SheetSpec may carry (checklists set it). */
export function rowHeights(spec: SheetSpec): (number | null | undefined)[] {
  return (spec as SheetSpec & { rowHeights?: (number | null | undefined)[] }).rowHeights ?? [];
}

/** A styled span of one row: columns `left`..`right` take part `id`. */
interface Span {
  left: number;
  right: number;
  id: number;
}

/**
 * Each cell's style as the ordered list of the parts that apply to it, resolved once per distinct
 * list into one shared object. Equal parts share one id whatever range brought them, so a sheet
 * of many ranges styled alike (a form repeated 5,000 times) comes down to a handful of style
 * objects: ExcelJS registers a style once per object, and would otherwise serialise every cell's.
 */
export class StyleIndex {
  private readonly parts: Partial<ExcelJS.Style>[] = [];
  /** the last styled row and column (for the part writer's extent) */
  private maxRow = 0;
  private maxColumn = 0;
  /** the row that take() resolved last */
  private taken: { r: number; styles: (Partial<ExcelJS.Style> | undefined)[] } | null = null;
  private readonly ids = new Map<string, number>();
  private readonly byObject = new WeakMap<CellStyle, number>();
  /** spans per 1-based row, in the order the ranges were added (later parts win) */
  private readonly rows: (Span[] | undefined)[] = [];
  private readonly resolved = new Map<string, Partial<ExcelJS.Style>>();
  private readonly text = new WeakMap<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
  private last: { spans: Span[]; styles: (Partial<ExcelJS.Style> | undefined)[] } | null = null;

  /** Adds a spec's style over a block; a spec reuses its style objects, so each is converted once. */
  addStyle(block: { top: number; left: number; bottom: number; right: number }, style: CellStyle): void {
    let id = this.byObject.get(style);
    if (id === undefined) this.byObject.set(style, (id = this.intern(styleParts(style))));
    this.addId(block, id);
  }

  add(block: { top: number; left: number; bottom: number; right: number }, part: Partial<ExcelJS.Style>): void {
    this.addId(block, this.intern(part));
  }

  private intern(part: Partial<ExcelJS.Style>): number {
    const content = JSON.stringify(part);
    let id = this.ids.get(content);
    if (id === undefined) this.ids.set(content, (id = this.parts.push(part) - 1));
    return id;
  }

  private addId(block: { top: number; left: number; bottom: number; right: number }, id: number): void {
    const span: Span = { left: block.left, right: block.right, id };
    this.maxRow = Math.max(this.maxRow, block.bottom);
    this.maxColumn = Math.max(this.maxColumn, block.right);
    for (let r = block.top; r <= block.bottom; r++) (this.rows[r] ??= []).push(span);
  }

  /**
   * The shared style of every styled cell of row `r`, by 1-based column (undefined: unstyled).
   * Resolved lists are cached by their ids, e.g. '0' or '0,3'.
   */
  row(r: number): (Partial<ExcelJS.Style> | undefined)[] {
    const spans = this.rows[r];
    if (!spans) return [];
    // each row is asked for once: let it go, so the index shrinks as the sheet is written
    this.rows[r] = undefined;
    // a run of rows under the same ranges (a block styled at once) resolves once
    const last = this.last;
    if (last && last.spans.length === spans.length && last.spans.every((s, i) => s === spans[i])) return last.styles;
    const keys: string[] = [];
    for (const s of spans)
      for (let c = s.left; c <= s.right; c++) keys[c] = keys[c] === undefined ? String(s.id) : `${keys[c]},${s.id}`;
    const out: (Partial<ExcelJS.Style> | undefined)[] = new Array(keys.length);
    for (let c = 1; c < keys.length; c++) {
      const k = keys[c];
      if (k === undefined) continue;
      let style = this.resolved.get(k);
      if (!style) {
        style = k.split(",").reduce<Partial<ExcelJS.Style>>((acc, id) => mergeStyle(acc, this.parts[Number(id)]), {});
        this.resolved.set(k, style);
      }
      out[c] = style;
    }
    this.last = { spans, styles: out };
    return out;
  }

  /** The style with the text number format, one shared object per style. */
  asText(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    let t = this.text.get(style);
    if (!t) this.text.set(style, (t = { ...style, numFmt: TEXT_FORMAT }));
    return t;
  }

  lastRow(): number {
    return this.maxRow;
  }

  lastColumn(): number {
    return this.maxColumn;
  }

  /** The last styled column of a row, 0 when none (asked before the row is taken). */
  rowExtent(r: number): number {
    if (this.taken?.r === r) return this.taken.styles.length - 1;
    const spans = this.rows[r];
    return spans ? Math.max(...spans.map((s) => s.right)) : 0;
  }

  /** The shared style of one cell, as text when asked; a row is resolved once, cells in any order. */
  take(r: number, c: number, asText: boolean): Partial<ExcelJS.Style> | undefined {
    if (this.taken?.r !== r) this.taken = { r, styles: this.row(r) };
    const style = this.taken.styles[c];
    return style && asText ? this.asText(style) : style;
  }
}

/**
 * Renders a checked spec into an empty worksheet. `charts` are left out: ExcelJS cannot write
 * charts, and their data stays on the sheet as rows.
 */
export async function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): Promise<void> {
  const size = extent(spec);
  const styles = new StyleIndex();
  for (const s of spec.styles ?? []) styles.addStyle(clampBlock(parseRange(s.range), size.rows, size.columns), s.style);
  // unlocked cells of a protected sheet; a whole-column range also goes to the column's own
  // style, so that the empty cells below the data are unlocked too
  const unlockedColumns: number[] = [];
  if (spec.protect)
    for (const u of spec.unlocked ?? []) {
      const b = parseRange(u);
      if (b.top === null && b.left !== null) for (let c = b.left; c <= b.right!; c++) unlockedColumns.push(c);
      styles.add(clampBlock(b, size.rows, size.columns), { protection: { locked: false } });
    }

  const plainText: Partial<ExcelJS.Style> = { numFmt: TEXT_FORMAT };
  for (let i = 0; i < size.rows; i++) {
    const r = i + 1;
    const row = spec.rows[i];
    const rowStyles = styles.row(r);
    const width = Math.max(row.length, rowStyles.length - 1);
    if (width === 0) continue;
    const xlRow = ws.getRow(r);
    for (let c = 1; c <= width; c++) {
      const v = c <= row.length ? row[c - 1] : null;
      const style = rowStyles[c];
      if (v === null || v === undefined || v === "") {
        if (style) xlRow.getCell(c).style = style;
        continue;
      }
      const cell = xlRow.getCell(c);
      if (typeof v === "string") cell.style = style ? styles.asText(style) : plainText;
      else if (style) cell.style = style;
      cell.value = v;
    }
  }

  (spec.columnWidths ?? []).forEach((w, i) => {
    if (w !== null && w !== undefined) ws.getColumn(i + 1).width = w;
  });
  rowHeights(spec).forEach((h, i) => {
    if (typeof h === "number") ws.getRow(i + 1).height = h;
  });
  // the column's own style only: ExcelJS's column setter would also rewrite each cell's style
  for (const c of unlockedColumns) {
    const column = ws.getColumn(c) as unknown as { style: Partial<ExcelJS.Style> };
    column.style = { ...(column.style ?? {}), protection: { locked: false } };
  }

  // checkSpec found them disjoint; with useLinearMerges each costs only its own cells
  for (const m of spec.merges ?? []) {
    const b = parseRange(m);
    if (b.top !== b.bottom || b.left !== b.right) ws.mergeCells(m); // a one-cell merge means nothing
  }

  if (spec.tabColor) ws.properties.tabColor = { argb: `FF${spec.tabColor}` };
  if (spec.frozenRows)
    ws.views = [{ state: "frozen", xSplit: 0, ySplit: spec.frozenRows, topLeftCell: `A${spec.frozenRows + 1}` }];

  for (const v of spec.validations ?? []) {
    const b = clampBlock(parseRange(v.range), size.rows, size.columns);
    addListValidation(ws, b, v.list);
  }

  if (spec.page) {
    const p = spec.page;
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = p.orientation;
    if (p.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (p.printTitleRows) ws.pageSetup.printTitlesRow = p.printTitleRows.replace(/\$/g, "");
    for (const b of p.rowBreaks ?? []) ws.getRow(b).addPageBreak();
  }

  if (spec.table) {
    const t = tableColumns(spec);
    ws.addTable({
      name: spec.table.name,
      ref: `${columnName(t.left)}${t.top}`,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.names.map((name) => ({ name, filterButton: true })),
      rows: t.rows,
    });
  }

  if (spec.protect)
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      // widening a column or a row to read or print changes no data
      formatColumns: true,
      formatRows: true,
    });
}

/** The model of an in-cell drop-down list that refuses other entries. */
export function listValidation(list: readonly string[]): ExcelJS.DataValidation {
  return { type: "list", allowBlank: true, formulae: [listFormula(list)], showErrorMessage: true, errorStyle: "stop" };
}

/**
 * An in-cell drop-down over a block, kept by ExcelJS as one range: the key always has the
 * 'B2:B9' form, even for one cell, because ExcelJS joins single-cell keys with their equal
 * neighbours when saving, in text order, into overlapping ranges.
 */
export function addListValidation(
  ws: ExcelJS.Worksheet,
  b: { top: number; left: number; bottom: number; right: number },
  list: readonly string[],
): void {
  // declared by ExcelJS's typings only on the streaming worksheet, present on every worksheet
  const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
    .dataValidations;
  validations.model[`${columnName(b.left)}${b.top}:${columnName(b.right)}${b.bottom}`] = listValidation(list);
}
