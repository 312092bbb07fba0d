// One error model for everything a clerk can get wrong: an Issue is a value, never an exception.
import { catalogue, type IssueCode } from "./catalogue";

export type Lang = "zh" | "en";
export type Severity = "error" | "warning";

/** 问题: one error or warning, at a cell when it has one. */
export interface Issue {
  severity: Severity;
  /** sheet name as found in the workbook ('' when the issue is not about a sheet) */
  sheet: string;
  /** 1-based sheet row, or null when the issue concerns a whole sheet or column */
  row: number | null;
  /** the column's header as the clerk wrote it (or the expected header), '' when none */
  column: string;
  /** A1 address such as 'C7', '' when none */
  cell: string;
  code: IssueCode;
  message: string;
  /** the parameters the message was made from, for re-rendering in another language */
  params: Record<string, string | number>;
}

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'C7' from a 0-based column and a 1-based row. */
export function cellAddress(columnIndex: number, row: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}

/** Fills a message template: '{value}' → params.value. */
export function render(code: IssueCode, params: Record<string, string | number>, lang: Lang): string {
  const entry = catalogue[code];
  const template = lang === "en" ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export interface IssueAt {
  sheet?: string;
  row?: number | null;
  column?: string;
  /** 0-based column index; gives the cell address together with row */
  columnIndex?: number;
  cell?: string;
}

/** Makes an issue; its severity comes from the catalogue. */
export function issue(
  code: IssueCode,
  at: IssueAt,
  params: Record<string, string | number> = {},
  lang: Lang = "zh",
): Issue {
  const row = at.row ?? null;
  const cell = at.cell ?? (row !== null && at.columnIndex !== undefined ? cellAddress(at.columnIndex, row) : "");
  return {
    severity: catalogue[code].severity,
    sheet: at.sheet ?? "",
    row,
    column: at.column ?? "",
    cell,
    code,
    message: render(code, params, lang),
    params,
  };
}

/** The same issues with their messages in another language. */
export function translate(issues: Issue[], lang: Lang): Issue[] {
  return issues.map((i) => ({ ...i, message: render(i.code, i.params, lang) }));
}

/** Sorted by sheet (in the given order, others after by name), then row, then column address. */
export function sortIssues(issues: Issue[], sheetOrder: string[] = []): Issue[] {
  const rank = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  const colKey = (cell: string) => {
    const m = /^([A-Z]+)/.exec(cell);
    return m ? [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
  };
  return [...issues].sort(
    (a, b) =>
      rank(a.sheet) - rank(b.sheet) ||
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      colKey(a.cell) - colKey(b.cell),
  );
}
