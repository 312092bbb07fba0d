// CSV for Excel and WPS (RFC 4180): UTF-8 with a byte-order mark (without it Excel reads Chinese
// as the ANSI code page), CRLF line ends, a field quoted when it holds a comma, a quote or a line
// break. Written here rather than through a library: the whole rule is these few lines, and the
// core must run in the browser without streams.
import type { SheetData } from "../sheet";

export const BOM = "\uFEFF";

export type CsvCell = string | number | boolean | null;

/**
 * A field as Excel and WPS would otherwise misread it: a text starting with = + - @ (or a tab or
 * CR) would be taken as a formula, so it gets a leading apostrophe (the OWASP rule for CSV
 * injection); a long all-digit text (a USCC made of digits) would turn into a rounded number, so
 * it gets a leading tab, which both keep as text.
 */
export function guardField(text: string): string {
  if (/^[=+\-@\t\r]/.test(text)) return `'${text}`;
  if (/^\d{12,}$/.test(text)) return `\t${text}`;
  return text;
}

/** The text a guarded field stood for (a CSV this tool wrote reads back as written). */
export function unguardField(text: string): string {
  if (/^'[=+\-@\t\r]/.test(text)) return text.slice(1);
  if (/^\t\d{12,}$/.test(text)) return text.slice(1);
  return text;
}

function field(v: CsvCell): string {
  if (v === null) return "";
  const text = typeof v === "string" ? guardField(v) : typeof v === "boolean" ? (v ? "是" : "否") : String(v);
  return /[",\r\n\t]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of rows, with the BOM and a CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((r) => r.map(field).join(",") + "\r\n").join("");
}

/**
 * The rows of a CSV text (RFC 4180; a BOM dropped; CRLF, LF or CR line ends; quoted fields may
 * hold commas, quotes and line breaks). A quote inside an unquoted field is kept as written.
 */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(cur);
    cur = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cur += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cur += ch;
      i++;
      continue;
    }
    if (ch === '"' && cur === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && s[i + 1] === "\n" ? 2 : 1;
    } else {
      cur += ch;
      i++;
    }
  }
  if (cur !== "" || row.length > 0) endRow();
  return rows;
}

/** A CSV text as a sheet, every cell text (empty fields empty, guards undone), for the platform import. */
export function csvSheet(text: string, name: string): SheetData {
  return { name, rows: parseCsv(text).map((r) => r.map((c) => (c === "" ? null : unguardField(c)))) };
}
