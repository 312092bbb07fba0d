// A1 references for the ExcelJS adapter: the port speaks A1, ExcelJS takes row and column numbers.

/** A rectangle of cells, 1-based and inclusive; `null` bounds mean a whole row or column range. */
export interface Block {
  top: number | null;
  left: number | null;
  bottom: number | null;
  right: number | null;
}

/** 1 → 'A', 27 → 'AA'. */
export function columnName(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'A' → 1, 'AA' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const MAX_ROW = 1048576;
export const MAX_COLUMN = 16384;

/** 'B7', 'A1:D3', '1:3' or 'C:C' (dollars allowed) → a block; throws on anything else. */
export function parseRange(range: string): Block {
  const parts = range.replace(/\$/g, "").trim().split(":");
  if (parts.length > 2) throw new Error(`bad A1 range: ${range}`);
  const ends = parts.map((p) => {
    const m = /^([A-Za-z]{0,3})(\d{0,7})$/.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw new Error(`bad A1 range: ${range}`);
    return { column: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  });
  const [a, b = a] = ends;
  if ((a.row === null) !== (b.row === null) || (a.column === null) !== (b.column === null))
    throw new Error(`bad A1 range: ${range}`);
  if (parts.length === 1 && (a.row === null || a.column === null)) throw new Error(`bad A1 range: ${range}`);
  const block: Block = {
    top: a.row === null ? null : Math.min(a.row, b.row!),
    bottom: a.row === null ? null : Math.max(a.row, b.row!),
    left: a.column === null ? null : Math.min(a.column, b.column!),
    right: a.column === null ? null : Math.max(a.column, b.column!),
  };
  if ((block.top ?? 1) < 1 || (block.bottom ?? 1) > MAX_ROW || (block.left ?? 1) < 1 || (block.right ?? 1) > MAX_COLUMN)
    throw new Error(`A1 range out of the sheet: ${range}`);
  return block;
}

/** A block with open bounds closed to the given extent (whole rows/columns clipped to the data). */
export function clampBlock(b: Block, lastRow: number, lastColumn: number) {
  return {
    top: b.top ?? 1,
    left: b.left ?? 1,
    bottom: b.bottom ?? Math.max(lastRow, 1),
    right: b.right ?? Math.max(lastColumn, 1),
  };
}

/** A1 text of a closed block: 'B2' or 'B2:D4'. */
export function blockText(top: number, left: number, bottom: number, right: number): string {
  const tl = `${columnName(left)}${top}`;
  return top === bottom && left === right ? tl : `${tl}:${columnName(right)}${bottom}`;
}
