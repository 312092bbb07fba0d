// Error cells on a large sheet: their value types are asked for in syncs under 5 MB.
import { describe, expect, test } from "@jest/globals";
import { ExcelWorkbook } from "../../src/excel/workbook";
import type { CellValue } from "../../src/workbook/port";
import { createFakeExcel, PAYLOAD_LIMIT } from "./fake-excel";
import { registrySheet } from "./registry";

describe("error cells", () => {
  test("30,000 rows each with an error cell and a '#N/A' typed as text: read in syncs under 5 MB", async () => {
    const sheet = registrySheet(30_000);
    sheet.rows.forEach((r, i) => {
      if (i === 0) return;
      r[9] = { error: "#N/A" };
      if (i % 2 === 0) r[13] = "#N/A";
    });
    const fake = createFakeExcel([sheet]);
    const read = await new ExcelWorkbook(fake.run, fake.office).readSheet(sheet.name);
    expect(fake.stats.refused).toBe(0);
    expect(fake.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(read.rows[1][9]).toEqual({ error: "#N/A" });
    expect(read.rows[2][13]).toBe("#N/A");
    expect(read.rows.slice(1).every((r: CellValue[]) => (r[9] as { error?: string }).error === "#N/A")).toBe(true);
  });

  test("scattered error rows: only those rows are asked for", async () => {
    const sheet = registrySheet(5_000);
    for (const i of [10, 11, 12, 4000]) sheet.rows[i][2] = { error: "#REF!" };
    const fake = createFakeExcel([sheet]);
    const read = await new ExcelWorkbook(fake.run, fake.office).readSheet(sheet.name);
    expect([10, 11, 12, 4000].map((i) => read.rows[i][2])).toEqual(new Array(4).fill({ error: "#REF!" }));
    expect(read.rows[13][2]).toBe(sheet.rows[13][2]);
  });
});
