// The fake enforces what real Excel enforces (../shared/office-js-audit.md §3). Each test here
// fails on the lenient fake this one replaced: that fake served every member to every host,
// took "+…" and "-…" as text, refused every write to a protected sheet, had no workbook
// protection, no limits, accepted tables over merges, threw on long getRanges addresses and
// refused requests only above 5 MiB.
import { describe, expect, test } from "@jest/globals";
import {
  AREAS_ADDRESS_LIMIT,
  createFakeExcel,
  PAYLOAD_LIMIT,
  type FakeExcelHandle,
  type FakeOptions,
  CURRENT_EXCEL_API,
} from "./fake-excel";

type Ctx = Excel.RequestContext;
const sheet = (options: FakeOptions = {}, rows: (string | number | null)[][] = [["a"]]) =>
  createFakeExcel([{ name: "S", rows }], options);
const runOn = (fake: FakeExcelHandle, f: (ws: Excel.Worksheet, context: Ctx) => void) =>
  fake.run(async (context) => {
    f(context.workbook.worksheets.getItem("S"), context);
    await context.sync();
  });

describe("members are gated by their requirement set", () => {
  const cases: [string, number, (ws: Excel.Worksheet, context: Ctx) => void][] = [
    ["getRangeByIndexes (1.7)", 7, (ws) => ws.getRangeByIndexes(0, 0, 1, 1).load("values")],
    ["getUsedRangeOrNullObject (1.4)", 4, (ws) => ws.getUsedRangeOrNullObject(true).load("rowCount")],
    ["getItemOrNullObject (1.4)", 4, (_ws, c) => c.workbook.worksheets.getItemOrNullObject("S").load("name")],
    ["freezePanes.freezeRows (1.7)", 7, (ws) => ws.freezePanes.freezeRows(1)],
    ["tabColor (1.7)", 7, (ws) => (ws.tabColor = "#C00000")],
    ["workbook.protection (1.7)", 7, (_ws, c) => c.workbook.protection.load("protected")],
    ["protect with a password (1.7)", 7, (ws) => ws.protection.protect({}, "pw")],
    ["protect (1.2)", 2, (ws) => ws.protection.protect()],
    ["rowHeight (1.2)", 2, (ws) => (ws.getRange("A1").format.rowHeight = 20)],
    ["merge (1.2)", 2, (ws) => ws.getRange("A1:B1").merge()],
    ["dataValidation (1.8)", 8, (ws) => ws.getRange("A1").dataValidation.clear()],
    ["getRanges (1.9)", 9, (ws) => (ws.getRanges("A1,B2").format.font.bold = true)],
    ["pageLayout (1.9)", 9, (ws) => (ws.pageLayout.orientation = "Landscape")],
    ["horizontalPageBreaks (1.9)", 9, (ws) => ws.horizontalPageBreaks.add("A5")],
  ];
  test.each(cases)("%s: ApiNotFound one version below, fine at it", async (_name, minor, f) => {
    await expect(runOn(sheet({ maxExcelApi: minor - 1 }), f)).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(runOn(sheet({ maxExcelApi: minor }), f)).resolves.toBeUndefined();
  });
});

describe("values", () => {
  test('"+…", "-…" and "=…" become formulas and numeric text a number in a General cell; "@" keeps them text', async () => {
    const fake = sheet();
    const texts = ["+86 571", "-1+1", "=1+1", "00123"];
    await runOn(fake, (ws) => (ws.getRange("A1:D1").values = [texts]));
    const s = fake.workbookState.sheets[0];
    expect([...s.formulas.values()]).toEqual(["=+86 571", "=-1+1", "=1+1"]);
    expect(s.values[0][3]).toBe(123);
    await runOn(fake, (ws) => {
      const r = ws.getRange("A2:D2");
      r.numberFormat = [["@", "@", "@", "@"]];
      r.values = [texts];
    });
    expect(s.values[1]).toEqual(texts);
  });

  test("a cell takes at most 32,767 characters", async () => {
    const fake = sheet();
    await expect(runOn(fake, (ws) => (ws.getRange("A1").values = [["字".repeat(32768)]]))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await runOn(fake, (ws) => (ws.getRange("A1").values = [["字".repeat(32767)]]));
  });
});

describe("protection", () => {
  test("a protected sheet refuses locked cells and takes values in unlocked ones", async () => {
    const fake = sheet();
    await runOn(fake, (ws) => {
      ws.getRange("B2:B3").format.protection.locked = false;
      ws.protection.protect();
    });
    await runOn(fake, (ws) => (ws.getRange("B2:B3").values = [["x"], ["y"]]));
    expect(fake.cells("S")[2]).toEqual([null, "y"]);
    await expect(runOn(fake, (ws) => (ws.getRange("B3:B4").values = [["x"], ["y"]]))).rejects.toMatchObject({
      code: "AccessDenied",
    });
  });

  test("row heights and column widths on a protected sheet follow allowFormatRows and allowFormatColumns", async () => {
    const fake = sheet();
    await runOn(fake, (ws) => ws.protection.protect({ allowFormatRows: true }));
    await runOn(fake, (ws) => (ws.getRange("1:1").format.rowHeight = 30));
    await expect(runOn(fake, (ws) => (ws.getRange("A:A").format.columnWidth = 30))).rejects.toMatchObject({
      code: "AccessDenied",
    });
  });

  test("a protected workbook structure refuses adding, deleting, renaming and moving sheets", async () => {
    const fake = createFakeExcel([
      { name: "S", rows: [["a"]] },
      { name: "T", rows: [] },
    ]);
    fake.protectWorkbook("pw");
    const refused = [
      (c: Ctx) => void c.workbook.worksheets.add("新"),
      (c: Ctx) => c.workbook.worksheets.getItem("T").delete(),
      (c: Ctx) => void (c.workbook.worksheets.getItem("T").name = "U"),
      (c: Ctx) => void (c.workbook.worksheets.getItem("T").position = 0),
    ];
    for (const f of refused)
      await expect(
        fake.run(async (c) => {
          f(c);
          await c.sync();
        }),
      ).rejects.toMatchObject({ code: "AccessDenied" });
    const state = await fake.run(async (c) => {
      c.workbook.protection.load("protected");
      await c.sync();
      return c.workbook.protection.protected;
    });
    expect(state).toBe(true);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["S", "T"]);
  });

  test("unprotect on a sheet that is not protected can be refused, as office-js #6784 reports", async () => {
    await expect(
      runOn(sheet({ unprotectUnprotectedThrows: true }), (ws) => ws.protection.unprotect()),
    ).rejects.toMatchObject({
      code: "AccessDenied",
    });
  });
});

describe("Excel's limits", () => {
  test("a row is at most 409 points high", async () => {
    const fake = sheet();
    await runOn(fake, (ws) => (ws.getRange("1:1").format.rowHeight = 409));
    await expect(runOn(fake, (ws) => (ws.getRange("1:1").format.rowHeight = 409.5))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  test("a sheet holds at most 1,026 manual page breaks", async () => {
    const fake = sheet({ maxExcelApi: CURRENT_EXCEL_API });
    await runOn(fake, (ws) => {
      for (let r = 2; r <= 1027; r++) ws.horizontalPageBreaks.add(`A${r}`);
    });
    await expect(runOn(fake, (ws) => ws.horizontalPageBreaks.add("A2000"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  test("a typed list source is at most 255 characters", async () => {
    const fake = sheet({ maxExcelApi: CURRENT_EXCEL_API });
    const list = (n: number) => ({ list: { inCellDropDown: true, source: "x".repeat(n) } });
    await runOn(fake, (ws) => (ws.getRange("A1").dataValidation.rule = list(255)));
    await expect(runOn(fake, (ws) => (ws.getRange("B1").dataValidation.rule = list(256)))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  test("sheet names follow Excel's rules on add and on rename, duplicates compared without case", async () => {
    const fake = createFakeExcel([{ name: "Sheet", rows: [] }]);
    for (const bad of ["History", "'引号", "引号'", "a".repeat(32), "a:b", ""])
      await expect(
        fake.run(async (c) => {
          c.workbook.worksheets.add(bad);
          await c.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    await fake.run(async (c) => {
      c.workbook.worksheets.add("Other");
      await c.sync();
    });
    await expect(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("Other").name = "SHEET";
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("Other").name = "history";
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a request over 5,000,000 bytes is refused, though under 5 MiB", async () => {
    const fake = sheet();
    // ASCII text: one byte a character; about 5.1 million bytes in one request
    const rows = Array.from({ length: 51 }, () => ["x".repeat(100_000)]);
    await expect(runOn(fake, (ws) => (ws.getRange("A1:A51").values = rows))).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.stats.requests[0].bytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("tables, validations and areas", () => {
  test("a table over merged cells or another table is refused; table names follow Excel's rules", async () => {
    const fake = sheet({}, [
      ["a", "b"],
      ["1", "2"],
    ]);
    await runOn(fake, (ws) => ws.getRange("A1:B1").merge());
    await expect(runOn(fake, (ws) => ws.tables.add("S!A1:B2", true))).rejects.toMatchObject({
      code: "MergedRangeConflict",
    });
    await runOn(fake, (ws) => (ws.tables.add("S!D1:E2", true).name = "名单"));
    await expect(runOn(fake, (ws) => ws.tables.add("S!E2:F3", true))).rejects.toMatchObject({
      code: "MergedRangeConflict",
    });
    for (const [i, bad] of ["A1", "有 空格", "1表"].entries())
      await expect(
        runOn(fake, (ws) => (ws.tables.add(`S!H${i * 3 + 1}:I${i * 3 + 2}`, true).name = bad)),
      ).rejects.toMatchObject({
        code: "InvalidArgument",
      });
  });

  test("clearing drop-downs removes them from every cell of the range, wherever the rule began", async () => {
    const fake = sheet({ maxExcelApi: CURRENT_EXCEL_API });
    const rule = { list: { inCellDropDown: true, source: "是,否" } };
    await runOn(fake, (ws) => (ws.getRange("A1:A10").dataValidation.rule = rule));
    await runOn(fake, (ws) => ws.getRange("A4:A5").dataValidation.clear());
    expect(fake.workbookState.sheets[0].validations.map((v) => v.address)).toEqual(["A1:A3", "A6:A10"]);
    // and a rule over cells that still have one is refused until they are cleared
    await expect(runOn(fake, (ws) => (ws.getRange("A3:A4").dataValidation.rule = rule))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  test("getRanges reads 8,192 characters of its address and silently drops the rest", async () => {
    const fake = sheet({ maxExcelApi: CURRENT_EXCEL_API });
    const addresses = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`);
    const list = addresses.join(",");
    expect(list.length).toBeGreaterThan(AREAS_ADDRESS_LIMIT);
    await runOn(fake, (ws) => (ws.getRanges(list).format.font.bold = true));
    const bold = fake.workbookState.sheets[0].formats.filter((f) => f.key === "font.bold");
    expect(bold.length).toBeLessThan(addresses.length);
    expect(bold.length).toBe(list.slice(0, AREAS_ADDRESS_LIMIT).split(",").length);
    expect(fake.stats.truncatedAreas).toBe(1);
  });

  test("the used range counts formatted cells unless asked for values only", async () => {
    const fake = sheet();
    await runOn(fake, (ws) => (ws.getRange("C5").numberFormat = [["@"]]));
    const used = (valuesOnly: boolean) =>
      fake.run(async (c) => {
        const r = c.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(valuesOnly);
        r.load("address");
        await c.sync();
        return r.address;
      });
    expect(await used(true)).toBe("S!A1");
    expect(await used(false)).toBe("S!A1:C5");
  });
});

describe("host states", () => {
  test("in cell-edit mode a run fails at once, unless it delays for cell edit: then it waits for Enter", async () => {
    const fake = sheet({ cellEditMode: true });
    const read = (c: Ctx) => {
      const r = c.workbook.worksheets.getItem("S").getRange("A1");
      r.load("values");
      return c.sync().then(() => r.values[0][0]);
    };
    await expect(fake.run(read)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    let done = false;
    const delayed = fake.excel.run({ delayForCellEdit: true }, read).then((v) => ((done = true), v));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    expect(await delayed).toBe("a");
  });

  test("another workbook taking focus: add and freeze throw GeneralException, delete InvalidSelection", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [] }], { focusLoss: { atSync: 2, syncs: 2 } });
    await fake.run(async (c) => c.sync()); // sync 1: focus still here
    await expect(
      fake.run(async (c) => {
        c.workbook.worksheets.add("新");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    await expect(
      fake.run(async (c) => {
        c.workbook.worksheets.getItem("S").delete();
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidSelection" });
    // focus back: the same call works
    await fake.run(async (c) => {
      c.workbook.worksheets.add("新");
      await c.sync();
    });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["S", "新"]);
  });

  test("a sync can never settle, and saveAsync can fail", async () => {
    const fake = sheet({ hangAtSync: 1, saveAsyncFails: true });
    const outcome = await Promise.race([
      fake.run(async (c) => c.sync()).then(() => "settled"),
      new Promise((r) => setTimeout(() => r("still waiting"), 50)),
    ]);
    expect(outcome).toBe("still waiting");
    const status = await new Promise((r) => fake.office.settings!.saveAsync((x) => r(x.status)));
    expect(status).toBe("failed");
  });
});

test("rows deleted and inserted shift what lies below: values, formats, drop-downs and merges", async () => {
  const fake = sheet({ maxExcelApi: CURRENT_EXCEL_API }, [["1"], ["2"], ["3"], ["4"], ["5"]]);
  const rule = { list: { inCellDropDown: true, source: "是,否" } };
  await runOn(fake, (ws) => {
    ws.getRange("B4:B5").dataValidation.rule = rule;
    ws.getRange("C5:D5").merge();
  });
  await runOn(fake, (ws) => ws.getRange("2:3").delete("Up"));
  const s = fake.workbookState.sheets[0];
  expect(fake.cells("S").map((r) => r[0])).toEqual(["1", "4", "5"]);
  expect(s.validations.map((v) => v.address)).toEqual(["B2:B3"]);
  expect(s.merges).toEqual(["C3:D3"]);
  await runOn(fake, (ws) => ws.getRange("2:2").insert("Down"));
  expect(fake.cells("S").map((r) => r[0] ?? null)).toEqual(["1", null, "4", "5"]);
  expect(s.validations.map((v) => v.address)).toEqual(["B3:B4"]);
});
