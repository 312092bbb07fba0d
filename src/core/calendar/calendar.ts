// 工作日历: Chinese working days = Monday–Friday, minus the State Council's holidays, plus its
// make-up working days (调休); the 节假日 sheet overrides day by day.
import type { HolidayOverride, IsoDate } from "../model";
import { CHINESE_DAYS_VERSION, LIBRARY_HOLIDAYS, LIBRARY_WORKDAYS, LIBRARY_YEARS } from "./data";
import { addDays, isWeekend, yearOf } from "./dates";
import { statutoryHolidays } from "./statutory";

/** Where the schedule of a year comes from. */
export type YearSource = "library" | "sheet" | "provisional";

/** The n-th working day after a date. */
export interface WorkingDayResult {
  date: IsoDate;
  /** 暂定: some day counted lies in a year without an official schedule */
  provisional: boolean;
  /** the years of the days counted (the start date excluded), ascending */
  years: number[];
}

/** 工作日历 */
export interface Calendar {
  /** names the data, recorded with each deadline, e.g. 'chinese-days@1.5.7+节假日:3:1a2b3c4d' */
  readonly version: string;
  isWorkingDay(date: IsoDate): boolean;
  /** the n-th working day after `date`, `date` itself not counted; n = 0 gives `date` */
  addWorkingDays(date: IsoDate, n: number): WorkingDayResult;
  /**
   * library: chinese-days has the year; sheet: the 节假日 sheet has at least one row in it (the
   * clerk has entered the year's schedule); provisional: weekends + statutory days only.
   */
  yearSource(year: number): YearSource;
}

/** FNV-1a, 32 bits: a short fingerprint of the overrides for the version string (not security). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function makeCalendar(overrides: readonly HolidayOverride[]): Calendar {
  // Later rows win when the sheet names a day twice, as a clerk reading top-down would expect.
  const byDate = new Map<string, boolean>();
  for (const o of overrides) byDate.set(o.date, o.kind === "工作日");
  const sheetYears = new Set([...byDate.keys()].map(yearOf));
  const libraryYears = new Set(LIBRARY_YEARS);
  const statutory = new Map<number, Set<string>>();

  const yearSource = (year: number): YearSource =>
    libraryYears.has(year) ? "library" : sheetYears.has(year) ? "sheet" : "provisional";

  const isWorkingDay = (date: IsoDate): boolean => {
    const o = byDate.get(date);
    if (o !== undefined) return o;
    const year = yearOf(date);
    if (libraryYears.has(year)) {
      if (LIBRARY_WORKDAYS.has(date)) return true;
      if (LIBRARY_HOLIDAYS.has(date)) return false;
      return !isWeekend(date);
    }
    let days = statutory.get(year);
    if (!days) statutory.set(year, (days = new Set(statutoryHolidays(year))));
    return !isWeekend(date) && !days.has(date);
  };

  const addWorkingDays = (date: IsoDate, n: number): WorkingDayResult => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
    let d = date;
    const years = new Set<number>();
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      years.add(yearOf(d));
      if (isWorkingDay(d)) left--;
    }
    const sorted = [...years].sort((a, b) => a - b);
    return { date: d, provisional: sorted.some((y) => yearSource(y) === "provisional"), years: sorted };
  };

  const canonical = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, w]) => `${d}${w ? "W" : "H"}`)
    .join(",");
  const version =
    `chinese-days@${CHINESE_DAYS_VERSION}+节假日:${byDate.size}` +
    (byDate.size > 0 ? `:${fingerprint(canonical)}` : "");

  return { version, isWorkingDay, addWorkingDays, yearSource };
}
