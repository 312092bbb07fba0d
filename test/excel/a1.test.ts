import { describe, expect, test } from "@jest/globals";
import { blockAddress, columnIndex, columnLetters, parseAddress, utf8Length } from "../../src/excel/a1";

describe("A1 addresses", () => {
  test("columns convert both ways past Z and AZ", () => {
    for (const [i, s] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [51, "AZ"],
      [52, "BA"],
      [16383, "XFD"],
    ] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
  });

  test("blocks and addresses round-trip, with sheet names and $ signs", () => {
    expect(blockAddress(1, 2, 3, 4)).toBe("C2:F4");
    expect(blockAddress(6, 2, 1, 1)).toBe("C7");
    expect(parseAddress("'名录'!$C$2:F4")).toEqual({ row: 1, column: 2, rowCount: 3, columnCount: 4 });
    expect(parseAddress("1:3")).toMatchObject({ row: 0, rowCount: 3, column: 0, columnCount: 16384 });
  });

  test("UTF-8 length counts Chinese as three bytes", () => {
    expect(utf8Length("a名")).toBe(new TextEncoder().encode("a名").length);
    expect(utf8Length("😀")).toBe(4);
  });
});
