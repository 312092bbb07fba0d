// Reading a sheet through the ET object model: the used block's Value2 in blocks of rows, one host
// call per block. Dates come as serial numbers (Value2 has no date type); the schema parser takes
// serials. Error cells come back as {error}: Value2 hands them over either as their text or as a
// COM error code, so a cell that looks like one is confirmed with WorksheetFunction.IsError (a
// clerk's text "#N/A" in a text cell stays text).
import type { CellValue, SheetData } from "../workbook/port";
import { blockText } from "../workbook/xlsx/a1";
import { ERROR_CODES, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { hostStep } from "./errors";

/** Cells one Value2 read covers at most: large enough for few calls, small enough for the bridge. */
export const READ_BLOCK_CELLS = 200_000;

const ERROR_TEXT = /^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

/** A worksheet by name as WPS matches it (without regard to case), or null. */
export function findSheet(wb: EtWorkbook, name: string): EtWorksheet | null {
  const folded = name.toLowerCase();
  const sheets = wb.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i);
    if (ws.Name.toLowerCase() === folded) return ws;
  }
  return null;
}

export function sheetNames(wb: EtWorkbook): string[] {
  const sheets = wb.Worksheets;
  const out: string[] = [];
  for (let i = 1; i <= sheets.Count; i++) out.push(sheets.Item(i).Name);
  return out;
}

/** Value2 of a block as rows × columns, whatever shape the host returned (scalar, 1-D, 2-D). */
export function valueRows(raw: unknown, rows: number, columns: number): unknown[][] {
  if (!Array.isArray(raw)) return [[raw]];
  if (rows === 1 && raw.length === columns && !Array.isArray(raw[0])) return [raw];
  return raw.map((r) => (Array.isArray(r) ? r : [r]));
}

/** The used block's rows as read, with their 1-based top row and left column. */
export interface UsedValues {
  top: number;
  left: number;
  /** rows[i][j] is the cell at (top + i, left + j) */
  rows: unknown[][];
}

export async function readUsed(ws: EtWorksheet, pause: () => Promise<void>): Promise<UsedValues> {
  const used = ws.UsedRange;
  const top = used.Row;
  const left = used.Column;
  const total = used.Rows.Count;
  const width = used.Columns.Count;
  const blockRows = Math.max(1, Math.floor(READ_BLOCK_CELLS / width));
  const rows: unknown[][] = [];
  for (let at = 0; at < total; at += blockRows) {
    const n = Math.min(blockRows, total - at);
    const address = blockText(top + at, left, top + at + n - 1, left + width - 1);
    const raw = hostStep(`读取「${ws.Name}」第 ${top + at}–${top + at + n - 1} 行`, () => ws.Range(address).Value2);
    for (const r of valueRows(raw, n, width)) rows.push(r);
    if (at + n < total) await pause();
  }
  return { top, left, rows };
}

/** The last row holding a value (formatted empty rows do not count), 0 for an empty sheet. */
export function lastValueRow(used: UsedValues): number {
  for (let i = used.rows.length - 1; i >= 0; i--) if (used.rows[i].some((v) => plain(v) !== null)) return used.top + i;
  return 0;
}

/** A Value2 cell as the port's value, errors aside: empty and '' are null. */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v;
  return String(v);
}

export async function readSheet(
  app: EtApplication,
  wb: EtWorkbook,
  name: string,
  pause: () => Promise<void>,
): Promise<SheetData> {
  const ws = findSheet(wb, name);
  if (!ws) throw new Error(`工作簿中没有名为「${name}」的工作表。`);
  const used = await readUsed(ws, pause);
  const rows: CellValue[][] = [];
  for (let r = 1; r < used.top; r++) rows.push([]);
  used.rows.forEach((raw, i) => {
    const out: CellValue[] = new Array<CellValue>(used.left - 1).fill(null);
    raw.forEach((v, j) => {
      const error = errorText(v);
      if (error !== null && isError(app, ws, used.top + i, used.left + j)) out.push({ error });
      else out.push(plain(v));
    });
    let end = out.length;
    while (end > 0 && out[end - 1] === null) end--;
    out.length = end;
    rows.push(out);
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const data: SheetData = { name: ws.Name, rows, protected: ws.ProtectContents === true };
  const tables = readTables(ws);
  if (tables.length > 0) data.tables = tables;
  return data;
}

/** The error text a cell would show when it holds an error value, or null when it cannot. */
function errorText(v: unknown): string | null {
  if (typeof v === "number") return ERROR_CODES[v] ?? null;
  if (typeof v === "string" && ERROR_TEXT.test(v)) return v;
  return null;
}

/** Asked only of cells that look like errors; a host without IsError keeps text cells as text. */
function isError(app: EtApplication, ws: EtWorksheet, row: number, column: number): boolean {
  const cell: EtRange = ws.Range(blockText(row, column, row, column));
  try {
    return app.WorksheetFunction.IsError(cell) === true;
  } catch {
    return cell.NumberFormat !== "@";
  }
}

function readTables(ws: EtWorksheet): NonNullable<SheetData["tables"]> {
  const out: NonNullable<SheetData["tables"]> = [];
  let lists;
  try {
    lists = ws.ListObjects;
  } catch {
    return out;
  }
  for (let i = 1; i <= lists.Count; i++) {
    const t = lists.Item(i);
    // a table without a header row has nothing to match columns by
    if (t.ShowHeaders === false) continue;
    const r = t.Range;
    out.push({ name: t.Name, headerRow: r.Row, firstColumn: r.Column, lastColumn: r.Column + r.Columns.Count - 1 });
  }
  return out.sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
}
