// Reading a sheet in blocks of rows: a few syncs, none over Excel on the web's 5 MB limit.
// Dates come back as serial numbers (no number formats are loaded, which would double the
// bytes); the schema parser converts serials. Error cells come back as {error}.
import type { CellValue, SheetData } from "../workbook/port";
import { jsonBytes } from "./a1";
import { isPayloadTooLarge, READ_CELL_LIMIT, SYNC_BYTE_BUDGET, type ExcelRun } from "./run";

/** Rows in the first block, from which the bytes per row are estimated. */
const FIRST_BLOCK_ROWS = 2000;
/** Every n-th row is measured. */
const SAMPLE_STEP = 20;

type Raw = (string | number | boolean)[][];

export async function readSheet(run: ExcelRun, name: string): Promise<SheetData> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const tables = context.workbook.worksheets.getItem(name).tables;
    tables.load("items/name");
    sheet.load("protection/protected");
    await context.sync();
    const isProtected = sheet.protection.protected;
    if (used.isNullObject) return { name, rows: [], protected: isProtected };

    const tableRanges = tables.items.map((t) => {
      const r = t.getRange();
      r.load("rowIndex,columnIndex,columnCount");
      return { name: t.name, range: r };
    });

    const top = used.rowIndex;
    const left = used.columnIndex;
    const width = used.columnCount;
    const total = used.rowCount;
    const raw: Raw[] = [];
    // Rows per block within the cell limit; rows per sync from the measured bytes per row.
    const blockRows = Math.max(1, Math.floor(READ_CELL_LIMIT / width));
    let perSync = Math.min(FIRST_BLOCK_ROWS, blockRows);
    let done = 0;
    while (done < total) {
      const rows = Math.min(perSync, total - done);
      const blocks: { range: Excel.Range; rows: number }[] = [];
      for (let at = 0; at < rows; at += blockRows) {
        const n = Math.min(blockRows, rows - at);
        const range = sheet.getRangeByIndexes(top + done + at, left, n, width);
        range.load("values");
        blocks.push({ range, rows: n });
      }
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadTooLarge(e) || rows === 1) throw e;
        perSync = Math.max(1, Math.floor(rows / 2));
        continue;
      }
      let sampled = 0;
      let bytes = 0;
      for (const b of blocks) {
        const values = b.range.values as Raw;
        raw.push(values);
        // A sample of rows is enough to size the next sync; measuring every row costs as much as the read.
        for (let i = 0; i < values.length; i += SAMPLE_STEP) {
          bytes += jsonBytes(values[i]) + 1;
          sampled++;
        }
      }
      done += rows;
      const perRow = Math.max(1, (bytes / sampled) * 1.1);
      perSync = Math.max(1, Math.floor(SYNC_BYTE_BUDGET / perRow));
    }
    const values: (string | number | boolean)[][] = raw.flat();

    await markErrors(context, sheet, values, top, left, width);

    const rows: CellValue[][] = [];
    for (let r = 0; r < top; r++) rows.push([]);
    for (const row of values) rows.push(toCells(row, left));
    trimTrailing(rows);
    const result: SheetData = { name, rows, protected: isProtected };
    if (tableRanges.length > 0) {
      result.tables = tableRanges.map((t) => ({
        name: t.name,
        headerRow: t.range.rowIndex + 1,
        firstColumn: t.range.columnIndex + 1,
        lastColumn: t.range.columnIndex + t.range.columnCount,
      }));
    }
    return result;
  });
}

const ERROR_TEXT =
  /^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** Request bytes of one range load as Office.js sends it (object path, action, address), with room to spare. */
const RANGE_LOAD_BYTES = 400;
/** Response bytes of one cell's value type ("Double", "Error", …) at most. */
const VALUE_TYPE_BYTES = 12;

/**
 * Marks error cells as {error}. Excel gives errors as their text, so only rows holding such a
 * text are asked for their value types (more syncs only when such rows exist): consecutive such
 * rows as one range, the ranges of a sync within the byte budget.
 */
async function markErrors(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  values: (string | number | boolean | CellValue)[][],
  top: number,
  left: number,
  width: number,
): Promise<void> {
  // runs of consecutive suspect rows, each within the cell limit
  const maxRows = Math.max(1, Math.floor(Math.min(READ_CELL_LIMIT, SYNC_BYTE_BUDGET / VALUE_TYPE_BYTES) / width));
  const runs: { start: number; rows: number }[] = [];
  values.forEach((row, i) => {
    if (!row.some((v) => typeof v === "string" && ERROR_TEXT.test(v))) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.rows === i && last.rows < maxRows) last.rows++;
    else runs.push({ start: i, rows: 1 });
  });
  let at = 0;
  while (at < runs.length) {
    const part: { start: number; range: Excel.Range }[] = [];
    let bytes = 0;
    for (; at < runs.length; at++) {
      const run = runs[at];
      const cost = RANGE_LOAD_BYTES + run.rows * width * VALUE_TYPE_BYTES;
      if (part.length > 0 && bytes + cost > SYNC_BYTE_BUDGET) break;
      const range = sheet.getRangeByIndexes(top + run.start, left, run.rows, width);
      range.load("valueTypes");
      part.push({ start: run.start, range });
      bytes += cost;
    }
    await context.sync();
    for (const { start, range } of part)
      range.valueTypes.forEach((types, r) =>
        types.forEach((t, c) => {
          if (t === "Error") values[start + r][c] = { error: String(values[start + r][c]) };
        }),
      );
  }
}

function toCells(row: (string | number | boolean | CellValue)[], left: number): CellValue[] {
  const out: CellValue[] = new Array(left).fill(null);
  for (const v of row) out.push(v === "" ? null : (v as CellValue));
  let end = out.length;
  while (end > 0 && out[end - 1] === null) end--;
  out.length = end;
  return out;
}

function trimTrailing(rows: CellValue[][]): void {
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
}

export async function sheetNames(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}
