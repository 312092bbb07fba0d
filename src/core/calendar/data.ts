// The State Council holiday schedules as published in chinese-days' data. Only the data is used:
// the package's date functions read a date as UTC and take its weekday in local time.
import chineseDays from "chinese-days/dist/chinese-days.json";

/** The package version the data comes from; a test checks it against node_modules. */
export const CHINESE_DAYS_VERSION = "1.5.7";

/** Holiday dates (休息日, weekends inside a holiday included) and make-up working days (调休上班). */
export const LIBRARY_HOLIDAYS: ReadonlySet<string> = new Set(
  Object.keys(chineseDays.holidays as Record<string, string>),
);
export const LIBRARY_WORKDAYS: ReadonlySet<string> = new Set(
  Object.keys(chineseDays.workdays as Record<string, string>),
);

/** The years whose official schedule the data holds. */
export const LIBRARY_YEARS: readonly number[] = [
  ...new Set([...LIBRARY_HOLIDAYS].map((d) => Number(d.slice(0, 4)))),
].sort((a, b) => a - b);
