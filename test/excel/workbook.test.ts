import { describe, expect, test } from "@jest/globals";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { activateSheet, selectCell } from "../../src/excel/navigate";
import { loadSheetChoices, saveSheetChoices } from "../../src/excel/sheet-choices";
import { selfTest } from "../../src/excel/self-test";
import { capabilities, UnsupportedHostError } from "../../src/excel/capabilities";
import type { SheetSpec, WriteBatch } from "../../src/workbook/port";
import { createFakeExcel, PAYLOAD_LIMIT, CURRENT_EXCEL_API } from "./fake-excel";
import { measureExcelAdapter, resultSpec } from "./measure";
import { registrySheet } from "./registry";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

describe("reading", () => {
  test("a sheet reads back as its content, rows from sheet row 1 and columns from A", async () => {
    const rows = [
      [],
      [null, "编号", "名称", "日期"],
      [null, "T1", "甲", 46000],
      [null, "T2", { error: "#N/A" }, true],
      [null, "#N/A", null, 1.5],
    ];
    const fake = createFakeExcel([{ name: "名录", rows }]);
    const book = new ExcelWorkbook(fake.run, fake.office);
    expect(await book.sheetNames()).toEqual(["名录"]);
    const sheet = await book.readSheet("名录");
    // '#N/A' typed as text stays text; the error cell is an error.
    expect(sheet.rows).toEqual([
      [],
      [null, "编号", "名称", "日期"],
      [null, "T1", "甲", 46000],
      [null, "T2", { error: "#N/A" }, true],
      [null, "#N/A", null, 1.5],
    ]);
  });

  test("an empty sheet reads as no rows", async () => {
    const fake = createFakeExcel([{ name: "空", rows: [] }]);
    expect((await new ExcelWorkbook(fake.run, fake.office).readSheet("空")).rows).toEqual([]);
  });

  test("a 100,000-row registry is read in a few syncs, each under 5 MB", async () => {
    const sheet = registrySheet(100_000);
    const fake = createFakeExcel([sheet]);
    const read = await new ExcelWorkbook(fake.run, fake.office).readSheet(sheet.name);
    console.log(`100,000 × 15 read: ${fake.stats.syncs} syncs, largest ${fake.stats.largestRequestBytes} bytes`);
    // compared as JSON: jest's deep equality on 1.5 million cells takes seconds
    expect(read.rows).toHaveLength(sheet.rows.length);
    expect(JSON.stringify(read.rows) === JSON.stringify(sheet.rows)).toBe(true);
    expect(fake.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.stats.refused).toBe(0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(20);
  });

  test("rows much longer than the first ones are still read: a refused sync is retried in smaller parts", async () => {
    const long = "长".repeat(700);
    const rows = [
      ...Array.from({ length: 2000 }, (_, i) => [`r${i}`]),
      ...Array.from({ length: 3000 }, (_, i) => [`${long}${i}`]),
    ];
    const fake = createFakeExcel([{ name: "S", rows }]);
    const read = await new ExcelWorkbook(fake.run, fake.office).readSheet("S");
    expect(read.rows).toHaveLength(5000);
    expect(read.rows[4999]).toEqual([`${long}2999`]);
    expect(fake.stats.refused).toBeGreaterThanOrEqual(1);
    expect(fake.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("tables on a written sheet are reported with their header row", async () => {
    const fake = createFakeExcel();
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(
      batch({
        create: [
          { name: "表", rows: [["说明"], ["编号", "名称"], ["1", "甲"]], table: { name: "名单", range: "A2:B3" } },
        ],
      }),
    );
    expect((await book.readSheet("表")).tables).toEqual([
      { name: "名单", headerRow: 2, firstColumn: 1, lastColumn: 2 },
    ]);
  });
});

describe("writing", () => {
  test("a typed =HYPERLINK(…) and other formula-like names stay text", async () => {
    const fake = createFakeExcel();
    const book = new ExcelWorkbook(fake.run, fake.office);
    const names = ['=HYPERLINK("http://evil.example","点我")', "+86 571", "-1+1", "@SUM(A1)"];
    await book.write(batch({ create: [{ name: "名单", rows: [["名称"], ...names.map((n) => [n])] }] }));
    const sheet = fake.workbookState.sheets.find((s) => s.name === "名单")!;
    expect(sheet.formulas.size).toBe(0);
    expect((await book.readSheet("名单")).rows.slice(1).map((r) => r[0])).toEqual(names);
  });

  test("the fake turns '=…' into a formula when the cell is not text, as Excel does", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [] }]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["=1+1"]];
      await context.sync();
    });
    expect(fake.workbookState.sheets[0].formulas.get("0,0")).toBe("=1+1");
  });

  test("a protected result sheet is protected with its input cells unlocked, drop-downs, table and page setup", async () => {
    const fake = createFakeExcel([], { maxExcelApi: CURRENT_EXCEL_API });
    const book = new ExcelWorkbook(fake.run, fake.office, "pw");
    const spec: SheetSpec = {
      ...resultSpec(10),
      // a merged foot line below the table: Excel refuses a table over merged cells
      rows: [...resultSpec(10).rows, [], ["以上共 10 户"]],
      merges: ["A13:B13"],
      unlocked: ["F2:F11"],
      validations: [{ range: "F2:F11", list: ["未发现问题", "行政处罚"] }],
      table: { name: "结果表", range: "A1:H11" },
      page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1", rowBreaks: [5] },
    };
    await book.write(batch({ create: [spec] }));
    const s = fake.workbookState.sheets[0];
    expect(s.protected).toBe(true);
    expect(s.password).toBe("pw");
    expect(s.unlocked).toEqual(["F2:F11"]);
    expect(s.validations[0].rule.list.source).toBe("未发现问题,行政处罚");
    expect(s.tables).toEqual([{ name: "结果表", address: "A1:H11" }]);
    expect(s.merges).toEqual(["A13:B13"]);
    expect(s.frozenRows).toBe(1);
    expect(s.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
      rowBreaks: ["A6"],
    });
    expect(s.columnWidths.get(3)).toBeGreaterThan(s.columnWidths.get(0)!);
    // and the fake refuses a write to it, as Excel does
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(spec.name).getRange("A2").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("a sheet name already present: nothing is written", async () => {
    const fake = createFakeExcel([{ name: "已有", rows: [["x"]] }]);
    const book = new ExcelWorkbook(fake.run, fake.office);
    await expect(
      book.write(
        batch({
          create: [
            { name: "新表", rows: [["a"]] },
            { name: "已有", rows: [["b"]] },
          ],
        }),
      ),
    ).rejects.toThrow("已存在");
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["已有"]);
    expect(fake.cells("已有")).toEqual([["x"]]);
  });

  test("a failure mid-write leaves no created sheet and the replaced and appended sheets as they were", async () => {
    const log = { name: "抽取记录", rows: [["编号"], ["D1"]] };
    const results = { name: "检查结果", rows: [["任务编号"], ["R1"]] };
    const fake = createFakeExcel([log, results], { failAtWrite: 4 });
    const book = new ExcelWorkbook(fake.run, fake.office);
    const write = book.write(
      batch({
        create: [resultSpec(20, "结果1"), resultSpec(20, "快照1")],
        replace: [{ name: "抽取记录", rows: [["编号"], ["D1"], ["D2"]], protect: true }],
        append: [{ sheet: "检查结果", rows: [["R2"]], whenAbsent: { name: "检查结果", rows: [["任务编号"]] } }],
      }),
    );
    // the host's error reaches the pane in Chinese, its code kept for support
    await expect(write).rejects.toMatchObject({ code: "GeneralException", message: expect.stringContaining("Excel") });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["抽取记录", "检查结果"]);
    expect(fake.cells("抽取记录")).toEqual([["编号"], ["D1"]]);
    expect(fake.cells("检查结果")).toEqual([["任务编号"], ["R1"]]);
  });

  test("replace rewrites an owned protected sheet in place; append adds rows below the used range", async () => {
    const fake = createFakeExcel(
      [
        { name: "前", rows: [["x"]] },
        {
          name: "检查结果",
          rows: [
            ["任务编号", "检查结果"],
            ["R1", "行政处罚"],
          ],
        },
        { name: "后", rows: [["y"]] },
      ],
      { maxExcelApi: CURRENT_EXCEL_API },
    );
    const book = new ExcelWorkbook(fake.run, fake.office);
    const log = (n: number): SheetSpec => ({
      name: "抽取记录",
      rows: Array.from({ length: n }, (_, i) => [`D${i}`]),
      protect: true,
      table: { name: "记录", range: `A1:A${n}` },
    });
    await book.write(batch({ replace: [log(3)] }));
    await book.write(batch({ replace: [log(2)] }));
    expect(fake.cells("抽取记录")).toEqual([["D0"], ["D1"]]);
    expect(fake.workbookState.sheets.find((s) => s.name === "抽取记录")!.tables.map((t) => t.name)).toEqual(["记录"]);
    await book.write(
      batch({
        append: [
          {
            sheet: "检查结果",
            rows: [
              ["R2", null],
              ["R3", null],
            ],
            whenAbsent: { name: "检查结果", rows: [] },
            validations: [{ column: 2, list: ["未发现问题", "行政处罚"] }],
          },
        ],
      }),
    );
    expect(fake.cells("检查结果")).toEqual([
      ["任务编号", "检查结果"],
      ["R1", "行政处罚"],
      ["R2", null],
      ["R3", null],
    ]);
    expect(fake.workbookState.sheets.find((s) => s.name === "检查结果")!.validations.map((v) => v.address)).toEqual([
      "B3:B4",
    ]);
    const positions = fake.workbookState.sheets.map((s) => s.name);
    await book.write(batch({ replace: [log(1)] }));
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(positions);
  });

  test("append to an absent sheet creates it from whenAbsent", async () => {
    const fake = createFakeExcel();
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(
      batch({
        append: [{ sheet: "检查结果", rows: [["R1"]], whenAbsent: { name: "检查结果", rows: [["任务编号"]] } }],
      }),
    );
    expect(fake.cells("检查结果")).toEqual([["任务编号"], ["R1"]]);
  });

  test("a 5,000-row result is written in few syncs, each under 5 MB, and reports progress", async () => {
    const fake = createFakeExcel();
    const seen: number[] = [];
    await new ExcelWorkbook(fake.run, fake.office).write(batch({ create: [resultSpec(5000)] }), (done) =>
      seen.push(done),
    );
    console.log(`5,000-row write: ${fake.stats.syncs} syncs, largest ${fake.stats.largestRequestBytes} bytes`);
    expect(fake.stats.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(seen[seen.length - 1]).toBe(5001);
    expect(fake.cells("抽取结果-测试")).toHaveLength(5001);
  });

  test("a host without ExcelApi 1.8 writes all but the drop-downs, says so, and adds them when opened on 1.8", async () => {
    const results = {
      name: "检查结果",
      rows: [
        ["任务编号", "检查结果"],
        ["R1", "行政处罚"],
      ],
    };
    const fake = createFakeExcel([results], { maxExcelApi: 7 });
    const book = new ExcelWorkbook(fake.run, fake.office);
    const spec: SheetSpec = {
      name: "一企一表",
      rows: [["a"], ["b"]],
      validations: [{ range: "A2", list: ["是", "否"] }],
    };
    await book.write(
      batch({
        create: [resultSpec(3), spec],
        append: [
          {
            sheet: "检查结果",
            rows: [["R2"], ["R3"]],
            whenAbsent: results,
            validations: [{ column: 2, list: ["未发现问题", "行政处罚"] }],
          },
        ],
      }),
    );
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果", "抽取结果-测试", "一企一表"]);
    expect(fake.cells("检查结果")).toEqual([["任务编号", "检查结果"], ["R1", "行政处罚"], ["R2"], ["R3"]]);
    expect(fake.workbookState.sheets.flatMap((s) => s.validations)).toEqual([]);
    expect(book.notes.join()).toContain("不支持单元格下拉列表（需要 ExcelApi 1.8）");
    // the same workbook opened in an Excel with 1.8: the pane's start-up adds them and says so
    fake.options.maxExcelApi = 8;
    const later = new ExcelWorkbook(fake.run, fake.office);
    const notes = await later.completeDeferred();
    expect(notes).toHaveLength(2);
    const lists = (name: string) =>
      fake.workbookState.sheets.find((s) => s.name === name)!.validations.map((v) => [v.address, v.rule.list.source]);
    expect(lists("检查结果")).toEqual([["B3:B4", "未发现问题,行政处罚"]]);
    expect(lists("一企一表")).toEqual([["A2", "是,否"]]);
    // done once: the list is forgotten
    expect(await new ExcelWorkbook(fake.run, fake.office).completeDeferred()).toEqual([]);
  });

  test("hosts below ExcelApi 1.7 get one plain message before anything is read", async () => {
    for (const v of [1, 4, 6]) {
      const fake = createFakeExcel([{ name: "名录", rows: [["x"]] }], { maxExcelApi: v });
      const book = new ExcelWorkbook(fake.run, fake.office);
      const message = "此版本的 Excel 不支持读取和写入工作表（需要 ExcelApi 1.7）";
      await expect(book.sheetNames()).rejects.toThrow(message);
      await expect(book.readSheet("名录")).rejects.toBeInstanceOf(UnsupportedHostError);
      await expect(book.write(batch({ create: [resultSpec(2)] }))).rejects.toThrow(message);
      expect(fake.stats.syncs).toBe(0);
    }
  });

  test("a host without ExcelApi 1.9 writes the sheet without page setup and says so", async () => {
    const fake = createFakeExcel([], { maxExcelApi: 8 });
    const book = new ExcelWorkbook(fake.run, fake.office);
    await book.write(batch({ create: [resultSpec(3)] }));
    expect(fake.workbookState.sheets[0].page.orientation).toBeUndefined();
    expect(book.notes.join()).toContain("ExcelApi 1.9");
  });
});

describe("the fake is faithful", () => {
  test("reading a property that was not loaded and synced throws", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [["a"]] }]);
    await expect(
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem("S").getRange("A1");
        r.load("values");
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- the mistake under test
        return r.values; // no sync yet
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem("S").getRange("A1");
        r.load("values");
        await context.sync();
        // eslint-disable-next-line office-addins/load-object-before-read -- the mistake under test
        return r.address;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("a request over 5 MB and a read over 5,000,000 cells are refused", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [] }]);
    const big = Array.from({ length: 60_000 }, () => ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange(`A1:A${big.length}`).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await expect(
      fake.run(async (context) => {
        const r = context.workbook.worksheets.getItem("S").getRange("A1:E1000001");
        r.load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });

  test("capabilities list the requirement sets up to the host's", () => {
    expect(capabilities(createFakeExcel([], { maxExcelApi: 9 }).office).excelApi).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("pane helpers", () => {
  test("selectCell activates the sheet and selects the cell", async () => {
    const fake = createFakeExcel([
      { name: "A", rows: [] },
      { name: "名录", rows: [] },
    ]);
    await selectCell(fake.run, "名录", "C7");
    expect(fake.workbookState.active).toBe("名录");
    expect(fake.workbookState.selection).toEqual({ sheet: "名录", address: "C7" });
    await activateSheet(fake.run, "A");
    expect(fake.workbookState.active).toBe("A");
  });

  test("sheet choices are saved in the document settings and loaded back", async () => {
    const fake = createFakeExcel();
    expect(loadSheetChoices(fake.office)).toEqual({});
    await saveSheetChoices(fake.office, { targets: "名录库2026" });
    expect(fake.settings.get("shuangsuiji.sheetChoices")).toEqual({ targets: "名录库2026" });
    expect(loadSheetChoices(fake.office)).toEqual({ targets: "名录库2026" });
  });

  test("selfTest passes on the fake and removes its scratch sheet", async () => {
    const fake = createFakeExcel([{ name: "名录", rows: [["x"]] }], { maxExcelApi: CURRENT_EXCEL_API });
    const report = await selfTest(fake.run, fake.office);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(5);
    expect(report.checks.find((c) => c.name.startsWith("图表"))).toMatchObject({ ok: true });
    expect(report.checks.find((c) => c.name.startsWith("多区域格式"))).toMatchObject({ ok: true });
    expect(fake.stats.calls["charts.add"]).toBe(1);
    expect(report.excelApi).toContain("1.20");
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["名录"]);
  });

  test("selfTest runs the draw's own moves and reports what Excel does at its limits", async () => {
    const fake = createFakeExcel([{ name: "名录", rows: [["x"]] }], { maxExcelApi: CURRENT_EXCEL_API });
    const report = await selfTest(fake.run, fake.office);
    const detail = (prefix: string) => report.checks.find((c) => c.name.startsWith(prefix));
    for (const name of [
      "替换受保护的工作表",
      "向受保护的工作表追加行",
      "修改和删除行",
      "标签颜色",
      "409 磅行高",
      "接近上限的一次同步",
    ])
      expect(detail(name)).toMatchObject({ ok: true });
    expect(detail("409 磅行高")?.detail).toBe("409 磅可用；设为 420 磅时 Excel 拒绝（InvalidArgument）");
    expect(detail("接近上限的一次同步")?.detail).toMatch(/一次写入 \d+ 行、约 3,\d{3} KB/);
    expect(detail("Excel 的边界")?.detail).toBe(
      "1,027 个分页符：Excel 拒绝（InvalidArgument）；10,892 字符的地址：Excel 接受，末尾的区域被静默丢弃；" +
        "未受保护时撤销保护：Excel 接受；密码错误：Excel 拒绝（BadPassword）",
    );
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["名录"]);
  });

  test("selfTest on an old host reports what is missing and still removes its scratch sheet", async () => {
    const fake = createFakeExcel([], { maxExcelApi: 7 });
    const report = await selfTest(fake.run, fake.office);
    const missing = report.checks.filter((c) => !c.ok);
    expect(missing.map((c) => [c.name, c.detail])).toEqual([
      ["单元格下拉列表（数据验证）", "需要 ExcelApi 1.8，此 Excel 不支持"],
      ["页面设置（A4、横向、适应页宽、打印标题、分页）", "需要 ExcelApi 1.9，此 Excel 不支持"],
      ["多区域格式（大表的样式、行高、锁定、下拉列表）", "需要 ExcelApi 1.9，此 Excel 不支持"],
      ["Excel 的边界（分页符、长地址、密码、未保护时撤销保护）", "需要 ExcelApi 1.9，此 Excel 不支持"],
    ]);
    // the draw's own moves work on 1.7, the drop-down remembered for later
    expect(report.checks.find((c) => c.name.startsWith("向受保护的工作表追加行"))?.detail).toContain("已记下待补");
    expect(report.checks.find((c) => c.name.startsWith("图表"))?.ok).toBe(true);
    expect(report.checks.find((c) => c.name === "分块读取")?.ok).toBe(true);
    expect(fake.workbookState.sheets).toEqual([]);
  });
});

test("measure gives the figures for the bench", async () => {
  const m = await measureExcelAdapter(10_000, 500, 50);
  expect(m.read.syncs).toBeGreaterThan(0);
  expect(m.write.largestRequestBytes).toBeGreaterThan(0);
  expect(m.checklist.refused).toBe(0);
  expect(m.checklist.rows).toBeGreaterThan(50 * 30);
});
