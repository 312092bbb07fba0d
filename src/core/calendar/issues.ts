// The warning that a deadline was computed through a year without an official holiday schedule.
import { issue, type Issue, type Lang } from "../issues/issue";

export const HOLIDAY_SHEET = "节假日";

/** One warning per year, ascending, naming the year and how to make its deadlines final. */
export function provisionalYearIssues(years: Iterable<number>, lang: Lang = "zh"): Issue[] {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map((year) => issue("calendar_year_provisional", { sheet: HOLIDAY_SHEET }, { year }, lang));
}
