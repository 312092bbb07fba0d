// The WPS adapter against the ET fake: each rule the fake enforces is first shown to bite (a
// direct call refused or mangled as WPS would), then the adapter is shown to meet it.
import { describe, expect, test } from "@jest/globals";
import type { SheetData, SheetSpec, WriteBatch } from "../../src/workbook/port";
import { WorkbookChangedError } from "../../src/workbook/port";
import { WpsWorkbook } from "../../src/wps/workbook";
import { WpsRefusedError, WpsWriteError } from "../../src/wps/errors";
import { bgr } from "../../src/wps/et";
import { READ_BLOCK_CELLS } from "../../src/wps/read";
import { joinAreas } from "../../src/wps/write";
import { createFakeWps, type FakeWpsOptions } from "./fake-wps";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });
const noPause = async () => undefined;

function book(sheets: SheetData[] = [], options: FakeWpsOptions = {}) {
  const fake = createFakeWps(sheets, options);
  const port = new WpsWorkbook(fake.app, fake.app.ActiveWorkbook, undefined, noPause);
  return { fake, port };
}

const results: SheetData = {
  name: "检查结果",
  rows: [
    ["任务编号", "名称", "备注"],
    ["T1", "甲", null],
    ["T1", "乙", "已查"],
    ["T1", "丙", null],
    ["T2", "丁", null],
  ],
};
const registry: SheetData = {
  name: "检查对象名录库",
  rows: [
    ["统一社会信用代码", "名称"],
    ["X1", "甲"],
  ],
};

const TRICKY = ["=1+1", "+86 571 8888 0000", "-1", "@张三", "00123", "2026-04-01", "TRUE", "50%", '=HYPERLINK("x")'];

describe("text stays text", () => {
  test("the fake parses a string typed into a General cell as WPS does", () => {
    const { fake } = book();
    const ws = fake.app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range("A1:I1").Value2 = [TRICKY];
    expect(ws.Range("A1:I1").Value2).toEqual([
      [-2146826259, -2146826259, -1, -2146826259, 123, 46113, true, 0.5, -2146826259],
    ]);
  });

  test("the adapter writes every string as the text it is, numbers and booleans as such", async () => {
    const { port, fake } = book();
    await port.write(batch({ create: [{ name: "S", rows: [TRICKY, [1, 2.5, true, false, null, "x"]] }] }));
    const back = await port.readSheet("S");
    expect(back.rows).toEqual([TRICKY, [1, 2.5, true, false, null, "x"]]);
    expect(fake.sheet("S").cells.get("1,1")?.format).toBe("@");
    expect(fake.sheet("S").cells.get("2,1")?.format).toBe("General");
  });

  test("an edit and an append keep text as text too", async () => {
    const { port } = book([results]);
    await port.write(
      batch({
        edit: [{ sheet: "检查结果", cells: [{ row: 2, column: 3, value: "=已作废" }] }],
        append: [
          { sheet: "检查结果", rows: [["T3", "-戊", "2026-05-01"]], whenAbsent: { name: "检查结果", rows: [] } },
        ],
      }),
    );
    const rows = (await port.readSheet("检查结果")).rows;
    expect(rows[1]).toEqual(["T1", "甲", "=已作废"]);
    expect(rows[5]).toEqual(["T3", "-戊", "2026-05-01"]);
  });
});

describe("WPS's limits", () => {
  test("the fake refuses text over 32,767 characters, rows over 409 pt, bad sheet names, long addresses", () => {
    const { fake } = book([registry]);
    const wb = fake.app.ActiveWorkbook;
    const ws = wb.Worksheets.Item(1);
    expect(() => (ws.Range("A3").Value2 = "x".repeat(32768))).toThrow(/32767/);
    expect(() => (ws.Range("3:3").RowHeight = 410)).toThrow(/409/);
    expect(() => (ws.Range("A:A").ColumnWidth = 256)).toThrow(/255/);
    for (const bad of ["a/b", "'x", "x".repeat(32), "检查对象名录库".replace("检", "检"), "HISTORY"])
      expect(() => (wb.Worksheets.Add(null, ws).Name = bad)).toThrow(/名称/);
    expect(() => ws.Range(Array.from({ length: 80 }, (_, i) => `A${i + 1}`).join(","))).toThrow(/地址/);
  });

  test("the adapter refuses such a spec before the workbook changes", async () => {
    const { port, fake } = book([registry]);
    const before = fake.state.sheets.map((s) => s.name);
    for (const spec of [
      { name: "S", rows: [["x".repeat(32768)]] },
      { name: "S", rows: [["x"]], rowHeights: [410] },
      { name: "a/b", rows: [["x"]] },
    ] as SheetSpec[])
      await expect(port.write(batch({ create: [spec] }))).rejects.toThrow();
    expect(fake.state.sheets.map((s) => s.name)).toEqual(before);
  });

  test("many styled ranges go to WPS as multi-area addresses of at most 255 characters", async () => {
    const { port, fake } = book();
    const styles = Array.from({ length: 400 }, (_, i) => ({ range: `B${2 * i + 1}`, style: { bold: true } }));
    await port.write(batch({ create: [{ name: "S", rows: [["x"]], styles }] }));
    const bold = fake.sheet("S").styles.filter((s) => s.property === "Font.Bold");
    expect(bold.length).toBe(400);
    expect(fake.stats.calls["Font.Bold="]).toBeLessThan(40);
    for (const list of joinAreas(styles.map((s) => s.range))) expect(list.length).toBeLessThanOrEqual(255);
  });

  test("more than 1,026 page breaks: the first 1,026 are set and the pane is told", async () => {
    const { port, fake } = book();
    const rowBreaks = Array.from({ length: 1100 }, (_, i) => i + 1);
    await port.write(batch({ create: [{ name: "S", rows: [["x"]], page: { orientation: "portrait", rowBreaks } }] }));
    expect(fake.sheet("S").pageBreaks).toHaveLength(1026);
    expect(port.notes.join("")).toMatch(/1100 个分页符.*最多 1026/);
  });
});

describe("protection", () => {
  test("the fake refuses locked cells of a protected sheet, and takes its unlocked ones", () => {
    const { fake } = book([registry]);
    const ws = fake.app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range("B2").Locked = false;
    ws.Protect(undefined, true, true, true, false, false, true, true);
    expect(() => (ws.Range("A2").Value2 = "y")).toThrow(/受保护/);
    ws.Range("B2").Value2 = "乙";
    expect(() => (ws.Range("A1").Font.Bold = true)).toThrow(/受保护/);
    ws.Range("A:A").ColumnWidth = 20;
    expect(() => ws.Range("2:2").Delete()).toThrow(/受保护/);
  });

  test("an append to a protected sheet unprotects it, writes, and protects it again as it was", async () => {
    const { port, fake } = book([{ ...results, protected: true }]);
    fake.app.ActiveWorkbook.Worksheets.Item("检查结果").Protect(undefined, true, true, true, false, false, true, false);
    await port.write(
      batch({ append: [{ sheet: "检查结果", rows: [["T3", "戊"]], whenAbsent: { name: "检查结果", rows: [] } }] }),
    );
    expect(fake.sheet("检查结果").protected).toBe(true);
    expect(fake.sheet("检查结果").allow).toEqual({ cells: false, columns: true, rows: false });
    expect((await port.readSheet("检查结果")).rows[5]).toEqual(["T3", "戊"]);
  });

  test("a sheet protected with a password the software lacks is refused by name, before anything is written", async () => {
    const { port, fake } = book([results, registry]);
    fake.app.ActiveWorkbook.Worksheets.Item("检查结果").Protect("clerk");
    const write = port.write(
      batch({
        create: [{ name: "抽取结果-T1-1", rows: [["x"]] }],
        append: [{ sheet: "检查结果", rows: [["T3"]], whenAbsent: { name: "检查结果", rows: [] } }],
      }),
    );
    await expect(write).rejects.toBeInstanceOf(WpsRefusedError);
    await expect(write).rejects.toThrow(/「检查结果」受保护.*未写入任何内容/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["检查结果", "检查对象名录库"]);
    expect(fake.sheet("检查结果").protected).toBe(true);
  });

  test("a workbook whose structure is protected is refused before anything is written", async () => {
    const { port, fake } = book([registry], { structureProtected: true });
    expect(() => fake.app.ActiveWorkbook.Worksheets.Add()).toThrow(/保护/);
    await expect(port.write(batch({ create: [{ name: "S", rows: [["x"]] }] }))).rejects.toThrow(/工作簿结构受保护/);
    expect(fake.state.sheets).toHaveLength(1);
  });
});

describe("all or nothing", () => {
  const seeded = () => book([results, registry]);
  const whole = (): WriteBatch =>
    batch({
      create: [{ name: "新表", rows: Array.from({ length: 10 }, (_, i) => [`r${i}`]) }],
      replace: [{ name: "检查对象名录库", rows: [["替换"]] }],
      edit: [{ sheet: "检查结果", cells: [{ row: 3, column: 3, value: "已作废" }], deleteRows: [2, 4] }],
      append: [{ sheet: "检查结果", rows: [["T9", "庚"]], whenAbsent: { name: "检查结果", rows: [] } }],
    });

  test("a failure at any write leaves the workbook as it was", async () => {
    // the batch writes four blocks of values: the new sheet, the replacing one, the edit, the append
    for (const failAtWrite of [1, 2, 3, 4]) {
      const { port, fake } = book([results, registry], { failAtWrite });
      const before = JSON.stringify(await Promise.all(["检查结果", "检查对象名录库"].map((n) => port.readSheet(n))));
      const write = port.write(whole());
      await expect(write).rejects.toBeInstanceOf(WpsWriteError);
      await expect(write).rejects.toThrow(/已撤销本次写入的全部内容/);
      expect(fake.state.sheets.map((s) => s.name)).toEqual(["检查结果", "检查对象名录库"]);
      const after = JSON.stringify(await Promise.all(["检查结果", "检查对象名录库"].map((n) => port.readSheet(n))));
      expect({ failAtWrite, after }).toEqual({ failAtWrite, after: before });
    }
  });

  test("the whole batch, when nothing fails: created, replaced in place, edited bottom-up, appended after", async () => {
    const { port, fake } = seeded();
    await port.write(whole());
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["检查结果", "检查对象名录库", "新表"]);
    expect((await port.readSheet("检查对象名录库")).rows).toEqual([["替换"]]);
    expect((await port.readSheet("检查结果")).rows).toEqual([
      ["任务编号", "名称", "备注"],
      ["T1", "乙", "已作废"],
      ["T2", "丁"],
      ["T9", "庚"],
    ]);
    // the replaced sheet went without the confirmation dialog, and the clerk stays where they were
    expect(fake.app.DisplayAlerts).toBe(true);
    expect(fake.state.active).toBe("检查结果");
  });

  test("the fake's Delete asks first: with the alerts on, the sheet stays", () => {
    const { fake } = seeded();
    expect(fake.app.ActiveWorkbook.Worksheets.Item(2).Delete()).toBe(false);
    expect(fake.state.sheets).toHaveLength(2);
  });

  test("what the undo could not remove is named in the message", async () => {
    const { port, fake } = book([results, registry], { failAtWrite: 2, refuseDeletes: true });
    const write = port.write(
      batch({
        create: [
          { name: "甲表", rows: [["x"]] },
          { name: "乙表", rows: [["y"]] },
        ],
      }),
    );
    await expect(write).rejects.toThrow(
      /撤销时以下内容未能复原.*未能删除新建的工作表「乙表」.*未能删除新建的工作表「甲表」/,
    );
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["检查结果", "检查对象名录库", "甲表", "乙表"]);
  });

  test("a sheet that no longer ends where it was read refuses the whole batch", async () => {
    const { port, fake } = seeded();
    const write = port.write(
      batch({ expect: [{ sheet: "检查结果", lastRow: 4 }], create: [{ name: "新表", rows: [["x"]] }] }),
    );
    await expect(write).rejects.toBeInstanceOf(WorkbookChangedError);
    expect(fake.state.sheets).toHaveLength(2);
    await port.write(
      batch({
        expect: [
          { sheet: "检查结果", lastRow: 5 },
          { sheet: "无此表", lastRow: 0 },
        ],
      }),
    );
  });

  test("edits of a missing sheet, or of one also rewritten, are refused before anything changes", async () => {
    const { port } = seeded();
    await expect(port.write(batch({ edit: [{ sheet: "无此表", deleteRows: [2] }] }))).rejects.toThrow(/no such sheet/);
    await expect(
      port.write(
        batch({ replace: [{ name: "检查结果", rows: [["x"]] }], edit: [{ sheet: "检查结果", deleteRows: [2] }] }),
      ),
    ).rejects.toThrow(/both rewritten and edited/);
    expect((await port.readSheet("检查结果")).rows).toHaveLength(5);
  });
});

describe("what WPS lacks becomes a note, never a silent gap", () => {
  const spec: SheetSpec = {
    name: "S",
    rows: [
      ["类别", "数量"],
      ["甲", 3],
      ["乙", 5],
    ],
    validations: [{ range: "C2:C3", list: ["是", "否"] }],
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
    charts: [{ type: "column", title: "数量", range: "A1:B3", anchor: "D2:H10" }],
    tabColor: "C00000",
    protect: true,
  };

  test("on a WPS that takes everything, nothing is noted and everything is set", async () => {
    const { port, fake } = book();
    await port.write(batch({ create: [spec] }));
    expect(port.notes).toEqual([]);
    const s = fake.sheet("S");
    expect(s.validations.get("2,3")?.formula).toBe("是,否");
    expect(s.page).toMatchObject({ orientation: 2, paperSize: 9, fitWide: 1, printTitleRows: "$1:$1" });
    expect(s.charts).toEqual([expect.objectContaining({ type: 51, source: "A1:B3", title: "数量" })]);
    expect(s.tabColor).toBe(bgr("C00000"));
    expect(s.protected).toBe(true);
  });

  test("a refused drop-down, chart or fit to width is noted; the rows are written all the same", async () => {
    const { port, fake } = book([], { refuseValidation: true, refuseCharts: true, refuseFitToWidth: true });
    await port.write(batch({ create: [spec] }));
    expect(port.notes).toEqual([
      "“S”的下拉列表（是、否）未能设置，请在该列直接填写。",
      "“S”的“缩放到一页宽”未能设置。",
      "“S”的图表“数量”未能绘制（表中的数据已写入）。",
    ]);
    expect(fake.cell("S", "B3")).toBe(5);
    expect(fake.sheet("S").protected).toBe(true);
  });
});

describe("reading", () => {
  test("error cells are errors whether WPS hands them over as codes or as text; a typed '#N/A' stays text", async () => {
    for (const errorValues of ["code", "text"] as const) {
      const { port, fake } = book([{ name: "S", rows: [["#N/A", { error: "#DIV/0!" }, 1]] }], { errorValues });
      fake.app.ActiveWorkbook.Worksheets.Item("S").Range("A1").NumberFormat = "@";
      expect((await port.readSheet("S")).rows).toEqual([["#N/A", { error: "#DIV/0!" }, 1]]);
    }
    const { port } = book([{ name: "S", rows: [[{ error: "#REF!" }]] }], { errorValues: "text", noIsError: true });
    expect((await port.readSheet("S")).rows).toEqual([[{ error: "#REF!" }]]);
  });

  test("a one-cell sheet, an empty one, dates as serials, tables and protection", async () => {
    const { port, fake } = book([
      { name: "一格", rows: [[null, "x"]] },
      { name: "空", rows: [] },
      { name: "日期", rows: [[new Date(Date.UTC(2026, 3, 1))]], protected: true },
      {
        name: "表",
        rows: [[null], [null, "甲", "乙"], [null, 1, 2]],
        tables: [{ name: "T", headerRow: 2, firstColumn: 2, lastColumn: 3 }],
      },
    ]);
    expect((await port.readSheet("一格")).rows).toEqual([[null, "x"]]);
    expect((await port.readSheet("空")).rows).toEqual([]);
    const dates = await port.readSheet("日期");
    expect(dates.rows).toEqual([[46113]]);
    expect(dates.protected).toBe(true);
    expect((await port.readSheet("表")).tables).toEqual([{ name: "T", headerRow: 2, firstColumn: 2, lastColumn: 3 }]);
    expect(fake.stats.calls["Value2"]).toBe(4);
  });

  test("a large sheet is read in blocks of rows, one Value2 each", async () => {
    const rows = Array.from({ length: 21_000 }, (_, i) => Array.from({ length: 10 }, (_, j) => `${i}-${j}`));
    const { port, fake } = book([{ name: "大", rows }]);
    const back = await port.readSheet("大");
    expect(back.rows).toEqual(rows);
    expect(fake.stats.calls["Value2"]).toBe(Math.ceil((21_000 * 10) / READ_BLOCK_CELLS));
  });

  test("a sheet name is found without regard to case, as WPS finds it; a missing one is named", async () => {
    const { port } = book([{ name: "Sheet", rows: [["x"]] }]);
    expect((await port.readSheet("SHEET")).rows).toEqual([["x"]]);
    await expect(port.readSheet("无此表")).rejects.toThrow(/没有名为「无此表」的工作表/);
  });
});
