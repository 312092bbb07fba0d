import {
  addDays,
  compare,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  weekday,
} from "../../../src/core/calendar";

describe("date helpers on YYYY-MM-DD", () => {
  test("weekday by arithmetic, whatever the machine's time zone", () => {
    expect(weekday("1970-01-01")).toBe(4); // Thursday
    expect(weekday("2026-02-13")).toBe(5); // Friday before 春节
    expect(weekday("2026-02-14")).toBe(6);
    expect(weekday("2026-10-01")).toBe(4);
    expect(weekday("2000-02-29")).toBe(2);
    expect(weekday("1969-12-31")).toBe(3);
  });

  test("addDays crosses months, leap days and years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });

  test("day numbers round-trip over 1999–2036", () => {
    const start = dayNumber("1999-01-01");
    expect(start).toBe(10592);
    for (let n = start; n < dayNumber("2036-12-31"); n++) expect(dayNumber(fromDayNumber(n))).toBe(n);
  });

  test("daysBetween and compare", () => {
    expect(daysBetween("2026-02-13", "2026-03-02")).toBe(17);
    expect(daysBetween("2026-03-02", "2026-02-13")).toBe(-17);
    expect(compare("2026-02-13", "2026-03-02")).toBe(-1);
    expect(compare("2026-03-02", "2026-03-02")).toBe(0);
    expect(compare("2026-12-01", "2026-03-02")).toBe(1);
  });

  test("isIsoDate rejects impossible dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026/03/01")).toBe(false);
  });
});
