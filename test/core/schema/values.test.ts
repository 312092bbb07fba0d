import {
  cellText,
  integerParser,
  parseDate,
  parseGrade,
  parseId,
  parseInteger,
  parseList,
  parseMode,
  parsePercent,
  parseTargetStatus,
  parseText,
  parseUscc,
  parseUsccList,
  parseYesNo,
  parseInspectorRole,
  parseInspectorStatus,
  parseHolidayKind,
  type Parsed,
} from "../../../src/core/schema";
import { usccCheckChar } from "../../../src/core/schema/uscc";
import { uscc } from "./fixtures";

const value = <T>(p: Parsed<T>) => (p.ok ? p.value : `!${p.code}`);

describe("text", () => {
  test("is trimmed; a number becomes its string without '.0'", () => {
    expect(value(parseText("  医疗机构 \u3000"))).toBe("医疗机构");
    expect(value(parseText(12))).toBe("12");
    expect(value(parseText(12.0))).toBe("12");
    expect(value(parseText(13812345678))).toBe("13812345678");
    expect(value(parseText(3.5))).toBe("3.5");
  });
  test("a date cell in a text column reads as its calendar date", () => {
    expect(value(parseText(new Date(Date.UTC(2026, 2, 30))))).toBe("2026-03-30");
  });
  test("an id is NFKC so full-width and half-width ids are one", () => {
    expect(value(parseId("Ｔ２０２６－０１"))).toBe("T2026-01");
  });
  test("an error cell is an error", () => {
    expect(value(parseText({ error: "#N/A" }))).toBe("!cell_error");
    expect(cellText({ error: "#REF!" })).toBe("#REF!");
  });
});

describe("list", () => {
  test("splits on every separator, trims, drops empties", () => {
    expect(value(parseList("医疗机构、诊所，医疗美容机构,药店；养老机构;学校\n托育机构\r\n 、 ,"))).toEqual([
      "医疗机构",
      "诊所",
      "医疗美容机构",
      "药店",
      "养老机构",
      "学校",
      "托育机构",
    ]);
  });
  test("a single value is a one-item list", () => {
    expect(value(parseList("诊所"))).toEqual(["诊所"]);
    expect(value(parseList(5))).toEqual(["5"]);
  });
  test("USCC lists are normalised", () => {
    expect(value(parseUsccList(`${uscc(1).toLowerCase()}，${uscc(2)}`))).toEqual([uscc(1), uscc(2)]);
  });
});

describe("yes/no", () => {
  test.each([
    ["是", true],
    ["否", false],
    ["Y", true],
    ["n", false],
    ["Yes", true],
    ["NO", false],
    ["true", true],
    ["FALSE", false],
    ["1", true],
    ["0", false],
    ["　是　", true],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
  ])("%p → %p", (cell, expected) => {
    expect(value(parseYesNo(cell))).toBe(expected);
  });
  test.each(["对", "2", "maybe", 2])("%p is an error (not silently true)", (cell) => {
    expect(value(parseYesNo(cell))).toBe("!yesno_invalid");
  });
});

describe("date", () => {
  test("Excel serial numbers by arithmetic", () => {
    expect(value(parseDate(46111))).toBe("2026-03-30");
    expect(value(parseDate(25569))).toBe("1970-01-01");
    expect(value(parseDate(46111.75))).toBe("2026-03-30");
    expect(value(parseDate(61))).toBe("1900-03-01");
  });
  test("a Date cell by its UTC fields", () => {
    expect(value(parseDate(new Date(Date.UTC(2026, 2, 30))))).toBe("2026-03-30");
    expect(value(parseDate(new Date(Date.UTC(2026, 11, 31, 23, 59))))).toBe("2026-12-31");
  });
  test.each([
    ["2026-03-30", "2026-03-30"],
    ["2026/3/30", "2026-03-30"],
    ["2026年3月30日", "2026-03-30"],
    ["2026.3.30", "2026-03-30"],
    [" 2026-3-5 ", "2026-03-05"],
    ["２０２６－０３－３０", "2026-03-30"],
    ["2026-03-30 00:00:00", "2026-03-30"],
    ["2024-02-29", "2024-02-29"],
  ])("text %p", (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });
  test.each(["2026-02-30", "2025-02-29", "2026-13-01", "30/3/2026", "明天", "2026-03", 0, 1, 60, -5, 3e6, true])(
    "%p is an error",
    (cell) => {
      expect(value(parseDate(cell))).toBe("!date_invalid");
    },
  );
});

describe("percent to basis points", () => {
  test.each([
    ["5%", 500],
    ["５％", 500],
    [" 12.5 % ", 1250],
    ["100%", 10000],
    ["0%", 0],
    ["1%", 100],
    ["0.5%", 50],
    [0.05, 500],
    ["0.05", 500],
    [5, 500],
    ["5", 500],
    [0.125, 1250],
    [1, 10000],
    ["1", 10000],
    [0, 0],
    [100, 10000],
    [3.333, 333],
  ])("%p → %p", (cell, bp) => {
    expect(value(parsePercent(cell))).toBe(bp);
  });
  test.each(["101%", 101, -0.05, "-5%", "五%", "5%%", "", true])("%p is an error", (cell) => {
    expect(value(parsePercent(cell))).toBe("!percent_invalid");
  });
});

describe("integer", () => {
  test("numbers and numbers stored as text", () => {
    expect(value(parseInteger(12))).toBe(12);
    expect(value(parseInteger("12"))).toBe(12);
    expect(value(parseInteger(" １２ "))).toBe(12);
    expect(value(parseInteger("3.0"))).toBe(3);
    expect(value(parseInteger(0))).toBe(0);
  });
  test.each([1.5, "1.5", -1, "-1", "三", "12次", true])("%p is an error", (cell) => {
    expect(value(parseInteger(cell))).toBe("!integer_invalid");
  });
  test("a minimum", () => {
    expect(value(integerParser(2)(1))).toBe("!integer_invalid");
    expect(value(integerParser(2)(2))).toBe(2);
  });
});

describe("grade", () => {
  test.each([
    ["A", "A"],
    ["a", "A"],
    ["Ｄ", "D"],
    [" c ", "C"],
    ["B类", "B"],
    ["b级", "B"],
  ])("%p → %p", (cell, g) => {
    expect(value(parseGrade(cell))).toBe(g);
  });
  test.each(["E", "AB", "甲", 1])("%p is an error", (cell) => {
    expect(value(parseGrade(cell))).toBe("!grade_invalid");
  });
});

describe("enumerations", () => {
  test("Chinese values and English aliases", () => {
    expect(value(parseMode("按风险等级比例"))).toBe("ratio");
    expect(value(parseMode("Ratio"))).toBe("ratio");
    expect(value(parseMode("按数量"))).toBe("count");
    expect(value(parseMode("count"))).toBe("count");
    expect(value(parseMode("按规模分段"))).toBe("bands");
    expect(value(parseMode("bands"))).toBe("bands");
    expect(value(parseTargetStatus("停业"))).toBe("停业");
    expect(value(parseTargetStatus(" 注销 "))).toBe("注销");
    expect(value(parseInspectorRole("专家"))).toBe("专家");
    expect(value(parseInspectorRole("expert"))).toBe("专家");
    expect(value(parseInspectorStatus("不在岗"))).toBe("不在岗");
    expect(value(parseHolidayKind("工作日"))).toBe("工作日");
    expect(value(parseHolidayKind("休息日"))).toBe("休息日");
  });
  test("anything else is enum_invalid naming the allowed values", () => {
    const p = parseMode("随机");
    expect(p).toEqual({
      ok: false,
      code: "enum_invalid",
      params: { value: "随机", allowed: "按风险等级比例/按数量/按规模分段" },
    });
    expect(value(parseTargetStatus("歇业"))).toBe("!enum_invalid");
  });
});

describe("USCC", () => {
  const good = uscc(7);
  test("a valid code is accepted as is", () => {
    expect(parseUscc(good)).toEqual({ ok: true, value: good });
  });
  test("lower-case, full-width and spaced codes are accepted, flagged as normalised", () => {
    const code = "9113010" + "0MA0000001";
    const valid = code + usccCheckChar(code);
    expect(parseUscc(valid.toLowerCase())).toEqual({ ok: true, value: valid, normalized: true });
    const fullWidth = [...valid].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
    expect(parseUscc(fullWidth)).toEqual({ ok: true, value: valid, normalized: true });
    expect(parseUscc(` ${valid.slice(0, 6)} ${valid.slice(6)} `)).toEqual({ ok: true, value: valid, normalized: true });
  });
  test("length, charset and checksum are separate problems", () => {
    expect(value(parseUscc(good.slice(0, 17)))).toBe("!uscc_length");
    expect(value(parseUscc(good + "1"))).toBe("!uscc_length");
    expect(value(parseUscc(good.slice(0, 16) + "I" + good[17]))).toBe("!uscc_charset");
    const wrong = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(value(parseUscc(wrong))).toBe("!uscc_checksum");
  });
  test("a code stored as a big number has lost digits", () => {
    expect(value(parseUscc(911301000000000000))).toBe("!uscc_as_number");
  });
});
