// A1 references as the port writes them, and the mistakes that must not reach ExcelJS.
import { columnName, columnNumber, parseRange } from "../../../src/workbook/xlsx/a1";

describe("A1 references", () => {
  test("column letters both ways, past Z and AZ", () => {
    expect([1, 26, 27, 52, 53, 16384].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "XFD"]);
    expect(["A", "Z", "AA", "xfd"].map(columnNumber)).toEqual([1, 26, 27, 16384]);
  });

  test("cells, ranges in either order, whole rows and columns", () => {
    expect(parseRange("B7")).toEqual({ top: 7, left: 2, bottom: 7, right: 2 });
    expect(parseRange("$D$3:B1")).toEqual({ top: 1, left: 2, bottom: 3, right: 4 });
    expect(parseRange("1:3")).toEqual({ top: 1, left: null, bottom: 3, right: null });
    expect(parseRange("C:E")).toEqual({ top: null, left: 3, bottom: null, right: 5 });
  });

  test("malformed or out-of-sheet references are refused", () => {
    for (const bad of ["", "A", "7", "A1:B", "A0", "XFE1", "A1048577", "A1:B2:C3", "Sheet1!A1"])
      expect(() => parseRange(bad)).toThrow();
  });
});
