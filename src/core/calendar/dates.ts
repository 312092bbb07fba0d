// Calendar arithmetic on 'YYYY-MM-DD' strings by pure arithmetic on day numbers, so that no
// result depends on the machine's time zone (no Date object is ever read in local time).
import type { IsoDate } from "../model";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Y/M/D of a valid 'YYYY-MM-DD', or null. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The dates a clerk's sheet or option may hold: a date outside them is a typing slip (0000-01-01, 1899-12-31). */
export const MIN_DATE: IsoDate = "1900-01-01";
export const MAX_DATE: IsoDate = "2100-12-31";

/** A valid 'YYYY-MM-DD' from MIN_DATE to MAX_DATE (the CLI's --date/--today and the use-cases' options). */
export function isIsoDate(date: unknown): date is IsoDate {
  return typeof date === "string" && parseIsoDate(date) !== null && date >= MIN_DATE && date <= MAX_DATE;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  const p = parseIsoDate(date);
  // A malformed date here is a bug of the caller: sheet readers turn clerks' dates into valid ones.
  if (!p) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return p;
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The 'YYYY-MM-DD' of a day number (civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** Day of the week: 0 Sunday, 1 Monday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** −1, 0 or 1; valid 'YYYY-MM-DD' strings order as text. */
export function compare(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
