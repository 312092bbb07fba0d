// A1 addresses for the adapter: the port speaks A1, Office.js ranges are built from it.

/** 'A' → 0, 'AA' → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → 'A', 26 → 'AA'. */
export function columnLetters(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a block, 0-based start, e.g. (0,0,2,3) → 'A1:C2'. */
export function blockAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const tl = `${columnLetters(column)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return tl;
  return `${tl}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
}

/** 'Sheet1!B2:D4' or 'B2' → 0-based {row, column, rowCount, columnCount}. Whole rows '1:3' span 16384 columns. */
export function parseAddress(address: string): { row: number; column: number; rowCount: number; columnCount: number } {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = bare.replace(/\$/g, "").split(":");
  const cell = (s: string): { r: number | null; c: number | null } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m) throw new Error(`bad address ${address}`);
    return { c: m[1] ? columnIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const p = cell(a);
  const q = cell(b);
  const r0 = p.r ?? 0;
  const r1 = q.r ?? 1048575;
  const c0 = p.c ?? 0;
  const c1 = q.c ?? 16383;
  return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

/** UTF-8 length of a string, to budget request bytes without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes that a 2-D array costs in a request (its JSON). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}
