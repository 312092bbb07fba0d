// Small conversions between domain values and the cells of the sheets the software writes.
// These sheets are read back by the software itself (verify, checklists, publicity), so each
// value is written in one exact form and read back to the identical value.
import { isUncalculatedFormula } from "../core/sheet";
import { isCellError, type CellValue } from "./port";

export const LIST_SEPARATOR = "、";

export type Cell = string | number | boolean | null;

/** The text of a cell as the software reads it back: numbers without exponent, dates as YYYY-MM-DD. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  if (isUncalculatedFormula(v)) return `=${v.formula}`;
  return String(v);
}

export const yesNo = (b: boolean): string => (b ? "是" : "否");
export const parseYes = (s: string): boolean | null => (s === "是" ? true : s === "否" ? false : null);

/** Basis points as a percent text: 300 → '3%', 255 → '2.55%'. */
export function percentText(bp: number | null): string {
  return bp === null ? "" : `${bp / 100}%`;
}

/** '3%' → 300; '' → null; anything else → undefined (unreadable). */
export function parsePercentText(s: string): number | null | undefined {
  if (s === "") return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?%$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export const listText = (xs: readonly string[]): string => xs.join(LIST_SEPARATOR);
export const parseListText = (s: string): string[] => (s === "" ? [] : s.split(LIST_SEPARATOR));

/** A non-negative integer from a cell written by the software, or undefined. */
export function parseIntText(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

/** Now as ISO 8601 in China time: 2026-04-01T09:30:00+08:00. */
export function chinaTimestamp(now: Date = new Date()): string {
  const t = new Date(now.getTime() + 8 * 3600 * 1000);
  return `${t.toISOString().slice(0, 19)}+08:00`;
}

/** Today's date in China time. */
export function chinaToday(now: Date = new Date()): string {
  return chinaTimestamp(now).slice(0, 10);
}
