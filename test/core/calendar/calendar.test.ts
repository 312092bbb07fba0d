// Dates relied on (国务院办公厅 2026 schedule, as in chinese-days 1.5.7):
// 元旦 01-01–01-03, 01-04 (Sun) worked; 春节 02-15–02-23, 02-14 (Sat) and 02-28 (Sat) worked;
// 劳动节 05-01–05-05, 05-09 (Sat) worked; 中秋 09-25–09-27; 国庆 10-01–10-07, 09-20 (Sun) and 10-10 (Sat) worked.
import { readFileSync } from "fs";
import { join } from "path";
import {
  CHINESE_DAYS_VERSION,
  LIBRARY_YEARS,
  makeCalendar,
  provisionalYearIssues,
  statutoryHolidays,
} from "../../../src/core/calendar";
import type { HolidayOverride } from "../../../src/core/model";

const official = makeCalendar([]);

describe("2026 official calendar", () => {
  test("holidays and make-up working days", () => {
    expect(official.isWorkingDay("2026-01-04")).toBe(true); // Sunday, worked
    expect(official.isWorkingDay("2026-02-14")).toBe(true); // Saturday, worked
    expect(official.isWorkingDay("2026-02-16")).toBe(false);
    expect(official.isWorkingDay("2026-02-23")).toBe(false); // Monday, still 春节
    expect(official.isWorkingDay("2026-02-24")).toBe(true);
    expect(official.isWorkingDay("2026-02-28")).toBe(true); // Saturday, worked
    expect(official.isWorkingDay("2026-05-05")).toBe(false);
    expect(official.isWorkingDay("2026-05-09")).toBe(true);
    expect(official.isWorkingDay("2026-09-20")).toBe(true);
    expect(official.isWorkingDay("2026-10-07")).toBe(false);
    expect(official.isWorkingDay("2026-10-08")).toBe(true);
    expect(official.isWorkingDay("2026-10-10")).toBe(true); // Saturday, worked
  });

  test("20 working days around 春节 skip 02-15–02-23 and count the make-up Saturdays", () => {
    const r = official.addWorkingDays("2026-02-10", 20);
    expect(r).toEqual({ date: "2026-03-16", provisional: false, years: [2026] });
  });

  test("a penalty decided on the Friday before 春节: 7 working days end on 03-02", () => {
    expect(official.addWorkingDays("2026-02-13", 7).date).toBe("2026-03-02");
    expect(official.addWorkingDays("2026-02-13", 1).date).toBe("2026-02-14");
  });

  test("劳动节: 20 working days after 04-30 end on 06-01", () => {
    expect(official.addWorkingDays("2026-04-30", 20).date).toBe("2026-06-01");
  });

  test("国庆: 7 working days after 09-30 end on 10-15; after Friday 09-18 the Sunday 09-20 counts", () => {
    expect(official.addWorkingDays("2026-09-30", 7).date).toBe("2026-10-15");
    expect(official.addWorkingDays("2026-09-18", 7).date).toBe("2026-09-29");
    expect(official.addWorkingDays("2026-09-28", 20).date).toBe("2026-10-30");
  });

  test("the start date is not counted; n = 0 gives the date itself", () => {
    expect(official.addWorkingDays("2026-03-02", 1).date).toBe("2026-03-03");
    expect(official.addWorkingDays("2026-03-02", 0)).toEqual({ date: "2026-03-02", provisional: false, years: [] });
  });
});

describe("节假日 overrides", () => {
  const row = (date: string, kind: HolidayOverride["kind"], r: number): HolidayOverride => ({ date, kind, row: r });

  test("a day declared 休息日 moves the deadline, and the version names the overrides", () => {
    const cal = makeCalendar([row("2026-03-02", "休息日", 2)]);
    expect(cal.isWorkingDay("2026-03-02")).toBe(false);
    expect(cal.addWorkingDays("2026-02-13", 7).date).toBe("2026-03-03");
    expect(cal.version).toMatch(/^chinese-days@1\.5\.7\+节假日:1:[0-9a-f]{8}$/);
    expect(cal.version).not.toBe(makeCalendar([row("2026-03-03", "休息日", 2)]).version);
  });

  test("a Saturday declared 工作日 counts", () => {
    const cal = makeCalendar([row("2026-03-07", "工作日", 2)]);
    expect(cal.isWorkingDay("2026-03-07")).toBe(true);
    expect(cal.addWorkingDays("2026-03-06", 1).date).toBe("2026-03-07");
  });

  test("without overrides the version names only the data", () => {
    expect(official.version).toBe("chinese-days@1.5.7+节假日:0");
  });
});

describe("a year the library lacks", () => {
  test("the installed data ends with 2026", () => {
    expect(LIBRARY_YEARS[0]).toBe(2004);
    expect(LIBRARY_YEARS[LIBRARY_YEARS.length - 1]).toBe(2026);
    expect(official.yearSource(2027)).toBe("provisional");
  });

  test("2027 uses weekends plus the statutory days of the 2024 rules", () => {
    expect(statutoryHolidays(2027)).toEqual([
      "2027-01-01",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-04-05",
      "2027-05-01",
      "2027-05-02",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01",
      "2027-10-02",
      "2027-10-03",
    ]);
    expect(official.isWorkingDay("2027-02-05")).toBe(false); // Friday, 除夕
    expect(official.isWorkingDay("2027-02-08")).toBe(false); // Monday, 初三
    expect(official.isWorkingDay("2027-02-09")).toBe(true);
    expect(official.isWorkingDay("2027-06-09")).toBe(false);
  });

  test("a deadline running into 2027 is provisional and names the year", () => {
    // 2026-12-28…31 (4), 2027-01-01 off, then 16 weekdays of January.
    expect(official.addWorkingDays("2026-12-25", 20)).toEqual({
      date: "2027-01-25",
      provisional: true,
      years: [2026, 2027],
    });
    const [w] = provisionalYearIssues([2027, 2027]);
    expect(w.severity).toBe("warning");
    expect(w.sheet).toBe("节假日");
    expect(w.message).toContain("2027");
  });

  test("one 节假日 row in 2027 makes the year covered (no longer provisional)", () => {
    const cal = makeCalendar([{ date: "2027-01-02", kind: "休息日", row: 2 }]);
    expect(cal.yearSource(2027)).toBe("sheet");
    expect(cal.addWorkingDays("2026-12-25", 20).provisional).toBe(false);
  });

  test("every year of the lunar table has 13 statutory days (中秋 falls in 国庆 in 2028 and 2031: 12)", () => {
    for (let y = 2027; y <= 2035; y++) expect(statutoryHolidays(y)).toHaveLength(y === 2028 || y === 2031 ? 12 : 13);
  });
});

test("CHINESE_DAYS_VERSION matches the installed package", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "../../../node_modules/chinese-days/package.json"), "utf8"));
  expect(pkg.version).toBe(CHINESE_DAYS_VERSION);
});
