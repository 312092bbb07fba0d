// The statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01), used for a
// year whose official schedule (with 调休) is not known yet. Such deadlines are provisional (暂定).
import type { IsoDate } from "../model";

/**
 * Lunar-calendar and solar-term dates that the rule needs, per year: 春节 (正月初一), 清明, 端午, 中秋.
 * A table rather than a lunar algorithm: it is short, checkable against any almanac, and only
 * bridges the time until the State Council publishes the year's schedule.
 */
export const LUNAR_DATES: Readonly<
  Record<number, { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }>
> = {
  2027: { springFestival: "02-06", qingming: "04-05", dragonBoat: "06-09", midAutumn: "09-15" },
  2028: { springFestival: "01-26", qingming: "04-04", dragonBoat: "05-28", midAutumn: "10-03" },
  2029: { springFestival: "02-13", qingming: "04-04", dragonBoat: "06-16", midAutumn: "09-22" },
  2030: { springFestival: "02-03", qingming: "04-05", dragonBoat: "06-05", midAutumn: "09-12" },
  2031: { springFestival: "01-23", qingming: "04-05", dragonBoat: "06-24", midAutumn: "10-01" },
  2032: { springFestival: "02-11", qingming: "04-04", dragonBoat: "06-12", midAutumn: "09-19" },
  2033: { springFestival: "01-31", qingming: "04-04", dragonBoat: "06-01", midAutumn: "09-08" },
  2034: { springFestival: "02-19", qingming: "04-05", dragonBoat: "06-20", midAutumn: "09-27" },
  2035: { springFestival: "02-08", qingming: "04-05", dragonBoat: "06-10", midAutumn: "09-16" },
};

function dayBefore(year: number, monthDay: string): IsoDate {
  const [m, d] = monthDay.split("-").map(Number);
  if (d > 1) return `${year}-${String(m).padStart(2, "0")}-${String(d - 1).padStart(2, "0")}`;
  // 春节 on 01-xx or 02-01: 除夕 is the last day of the previous month (January has 31 days).
  return m === 2 ? `${year}-01-31` : `${year - 1}-12-31`;
}

function plus(year: number, monthDay: string, k: number): IsoDate {
  const [m, d] = monthDay.split("-").map(Number);
  const dim = m === 1 ? 31 : m === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : 31;
  const day = d + k;
  return day <= dim
    ? `${year}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`
    : `${year}-${String(m + 1).padStart(2, "0")}-${String(day - dim).padStart(2, "0")}`;
}

/**
 * The statutory days off of a year (13 days): 元旦 1, 春节 4 (除夕 and 初一–初三), 清明 1, 劳动节 2,
 * 端午 1, 中秋 1, 国庆 3. For a year outside LUNAR_DATES only the fixed-date ones are known.
 */
export function statutoryHolidays(year: number): IsoDate[] {
  const y = String(year).padStart(4, "0");
  const days: IsoDate[] = [`${y}-01-01`, `${y}-05-01`, `${y}-05-02`, `${y}-10-01`, `${y}-10-02`, `${y}-10-03`];
  const lunar = LUNAR_DATES[year];
  if (lunar) {
    days.push(dayBefore(year, lunar.springFestival));
    for (let k = 0; k < 3; k++) days.push(plus(year, lunar.springFestival, k));
    days.push(`${y}-${lunar.qingming}`, `${y}-${lunar.dragonBoat}`, `${y}-${lunar.midAutumn}`);
  }
  return [...new Set(days)].sort();
}
