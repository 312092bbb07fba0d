// How a write is cut into calls and syncs: row heights by runs, settings of one kind as RangeAreas,
// merges across, every sync under Excel's 5 MB, and the 一企一表 of many targets.
import { describe, expect, test } from "@jest/globals";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { AREAS_CHARS, groupInOrder, joinAddresses, mergeRuns } from "../../src/excel/write";
import type { SheetSpec, WriteBatch } from "../../src/workbook/port";
import { AREAS_ADDRESS_LIMIT, createFakeExcel, PAYLOAD_LIMIT, CURRENT_EXCEL_API } from "./fake-excel";
import { checklistSpec } from "./measure";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });
const column = (n: number) => Array.from({ length: n }, (_, i) => [`r${i + 1}`]);

describe("row heights", () => {
  test("one call per run of equal heights; rows without a height are left alone", async () => {
    const fake = createFakeExcel();
    const rowHeights = [
      ...new Array<number>(1000).fill(20),
      ...new Array<null>(1000).fill(null),
      ...new Array<number>(3000).fill(30),
    ];
    await new ExcelWorkbook(fake.run, fake.office).write(
      batch({ create: [{ name: "S", rows: column(5000), rowHeights }] }),
    );
    expect(fake.stats.calls["format.rowHeight"]).toBe(2);
    const h = fake.workbookState.sheets[0].rowHeights;
    expect([h.get(0), h.get(999), h.get(1000), h.get(1999), h.get(2000), h.get(4999)]).toEqual([
      20,
      20,
      undefined,
      undefined,
      30,
      30,
    ]);
    expect(h.size).toBe(4000);
  });

  test("many runs of a few heights: a call per group of runs on ExcelApi 1.9, a call per run without it", async () => {
    // runs of 18, 18 | 30 | 18, 18 | 30 …: 1,333 runs of two heights
    const rowHeights = Array.from({ length: 2000 }, (_, i) => (i % 3 === 2 ? 30 : 18));
    const spec: SheetSpec = { name: "S", rows: column(2000), rowHeights };
    const modern = createFakeExcel([], { maxExcelApi: CURRENT_EXCEL_API });
    await new ExcelWorkbook(modern.run, modern.office).write(batch({ create: [spec] }));
    const old = createFakeExcel([], { maxExcelApi: 8 });
    await new ExcelWorkbook(old.run, old.office).write(batch({ create: [spec] }));
    expect(old.stats.calls["format.rowHeight"]).toBe(1333);
    expect(modern.stats.calls["format.rowHeight"]).toBeLessThanOrEqual(20);
    const heights = (f: typeof old) => [...f.workbookState.sheets[0].rowHeights].sort((a, b) => a[0] - b[0]);
    expect(heights(modern)).toEqual(heights(old));
    expect(heights(modern)).toHaveLength(2000);
    expect(heights(modern)[2]).toEqual([2, 30]);
  });
});

describe("settings of one kind as RangeAreas", () => {
  test("groupInOrder keeps the outcome of the order: an overlap lets the pending groups out first", () => {
    const x = { bold: true };
    const y = { fill: "FF0000" };
    const item = (address: string, key: object) => ({ address, key, id: JSON.stringify(key) });
    expect(groupInOrder([item("A1:B1", x), item("A3:B3", y), item("A5:B5", x)])).toEqual([
      { key: x, addresses: ["A1:B1", "A5:B5"] },
      { key: y, addresses: ["A3:B3"] },
    ]);
    expect(groupInOrder([item("A1:B1", x), item("A3:B3", x), item("A1", y), item("A5:B5", x)])).toEqual([
      { key: x, addresses: ["A1:B1", "A3:B3"] },
      { key: y, addresses: ["A1"] },
      { key: x, addresses: ["A5:B5"] },
    ]);
    // a whole column is not tracked cell by cell: a group of its own
    expect(groupInOrder([item("A1", x), item("B:B", y), item("A2", x)])).toEqual([
      { key: x, addresses: ["A1"] },
      { key: y, addresses: ["B:B"] },
      { key: x, addresses: ["A2"] },
    ]);
  });

  test("address lists stay under the length Excel takes, and keep every address", () => {
    const addresses = Array.from({ length: 3000 }, (_, i) => `A${i * 2 + 1}:F${i * 2 + 1}`);
    const lists = joinAddresses(addresses);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(AREAS_CHARS);
    expect(lists.join(",").split(",")).toEqual(addresses);
    expect(AREAS_CHARS).toBeLessThan(AREAS_ADDRESS_LIMIT);
  });

  test("300 styled rows, unlocked cells and drop-downs: a few calls, the same sheet as range by range", async () => {
    const n = 300;
    const spec: SheetSpec = {
      name: "S",
      rows: Array.from({ length: n }, (_, i) => [`r${i}`, null, null]),
      styles: [
        ...Array.from({ length: n / 2 }, (_, i) => ({
          range: `A${2 * i + 1}:C${2 * i + 1}`,
          style: { bold: true, border: true },
        })),
        // a later style over the first row: it must win there
        { range: "A1", style: { bold: false } },
      ],
      unlocked: Array.from({ length: n }, (_, i) => `B${i + 1}`),
      validations: Array.from({ length: n }, (_, i) => ({ range: `C${i + 1}`, list: ["是", "否"] })),
      protect: true,
    };
    const modern = createFakeExcel([], { maxExcelApi: CURRENT_EXCEL_API });
    await new ExcelWorkbook(modern.run, modern.office).write(batch({ create: [spec] }));
    const old = createFakeExcel([], { maxExcelApi: 8 });
    await new ExcelWorkbook(old.run, old.office).write(batch({ create: [spec] }));
    expect(old.stats.calls["format.font.bold"]).toBe(n / 2 + 1);
    expect(modern.stats.calls["format.font.bold"]).toBeLessThanOrEqual(4);
    expect(modern.stats.calls["format.protection.locked"]).toBeLessThanOrEqual(2);
    expect(modern.stats.calls["dataValidation.rule"]).toBeLessThanOrEqual(2);
    const state = (f: typeof old) => {
      const s = f.workbookState.sheets[0];
      const sorted = (xs: string[]) => [...xs].sort();
      return {
        formats: s.formats.map((x) => JSON.stringify(x)).sort(),
        unlocked: sorted(s.unlocked),
        validations: sorted(s.validations.map((v) => `${v.address} ${v.rule.list.source}`)),
        protected: s.protected,
      };
    };
    expect(state(modern)).toEqual(state(old));
    // the last bold set on A1 is false, in both
    const a1 = modern.workbookState.sheets[0].formats.filter((f) => f.address === "A1" && f.key === "font.bold");
    expect(a1[a1.length - 1].value).toBe(false);
  });
});

describe("merges", () => {
  test("one-row merges over the same columns on consecutive rows become one merge-across call", () => {
    const runs = mergeRuns(["A1:F1", "A2:F2", "A3:B3", "C3:F3", "A4:B4", "C4:F4", "A6:F6", "A7:A9"]);
    expect([...runs].sort((a, b) => (a.address < b.address ? -1 : 1))).toEqual([
      { address: "A1:F2", across: true },
      { address: "A3:B4", across: true },
      { address: "A6:F6", across: false },
      { address: "A7:A9", across: false },
      { address: "C3:F4", across: true },
    ]);
  });

  test("the sheet's merged areas are those asked for, in fewer calls", async () => {
    const merges = Array.from({ length: 400 }, (_, i) => `A${i + 1}:C${i + 1}`).concat(["D1:D3"]);
    const fake = createFakeExcel();
    await new ExcelWorkbook(fake.run, fake.office).write(batch({ create: [{ name: "S", rows: column(400), merges }] }));
    expect(fake.stats.calls["merge"]).toBe(2);
    expect([...fake.workbookState.sheets[0].merges].sort()).toEqual([...merges].sort());
  });
});

describe("every sync under 5 MB", () => {
  test("8,000 bordered ranges on a host without RangeAreas: several syncs, none refused", async () => {
    const n = 8_000;
    const spec: SheetSpec = {
      name: "S",
      rows: column(n),
      styles: Array.from({ length: n }, (_, i) => ({
        range: `A${i + 1}`,
        style: { fontSize: 10, border: true, wrap: true, horizontal: "left" as const, vertical: "middle" as const },
      })),
    };
    const fake = createFakeExcel([], { maxExcelApi: 8 });
    await new ExcelWorkbook(fake.run, fake.office).write(batch({ create: [spec] }));
    expect(fake.stats.refused).toBe(0);
    expect(fake.stats.syncs).toBeGreaterThan(3);
    expect(fake.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("the 一企一表 of 400 targets: few syncs, none refused, every merge, lock, list and height in place", async () => {
    const spec = checklistSpec(400);
    const fake = createFakeExcel([], { maxExcelApi: CURRENT_EXCEL_API });
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(batch({ create: [spec] }));
    console.log(
      `一企一表 of 400 forms (${spec.rows.length} rows): ${fake.stats.syncs} syncs, largest ${fake.stats.largestRequestBytes} bytes`,
    );
    expect(fake.stats.refused).toBe(0);
    expect(fake.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(book.notes).toEqual([]);
    const s = fake.workbookState.sheets[0];
    expect([...s.merges].sort()).toEqual([...spec.merges!].sort());
    expect([...s.unlocked].sort()).toEqual([...spec.unlocked!].sort());
    expect(s.validations.map((v) => v.address).sort()).toEqual(spec.validations!.map((v) => v.range).sort());
    expect(s.rowHeights.size).toBe(spec.rows.length);
    expect(spec.rowHeights!.every((h, i) => s.rowHeights.get(i) === h)).toBe(true);
    expect(s.page.rowBreaks).toHaveLength(399);
    expect(s.protected).toBe(true);
    expect(fake.cells(spec.name).length).toBe(spec.rows.length);
  });
});
