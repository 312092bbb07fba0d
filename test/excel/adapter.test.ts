// The Office.js adapter meets what real Excel enforces: the port's edits, precondition, tab colour
// and protection state; clerks' protection found before the first write; Excel's limits; another
// workbook taking focus, cell-edit mode, a hung sync; and an undo that says what it could not do.
import { describe, expect, test } from "@jest/globals";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { saveSheetChoices } from "../../src/excel/sheet-choices";
import { RollbackIncompleteError, SyncTimeoutError, WriteRefusedError } from "../../src/excel/errors";
import { WorkbookChangedError, type SheetSpec, type WriteBatch } from "../../src/workbook/port";
import { createFakeExcel, type FakeOptions, CURRENT_EXCEL_API } from "./fake-excel";
import { resultSpec } from "./measure";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

const RESULTS = {
  name: "检查结果",
  rows: [
    ["任务编号", "名称", "备注"],
    ["T1", "甲", null],
    ["T1", "乙", "已查"],
    ["T1", "丙", null],
    ["T2", "丁", null],
  ],
};
const whenAbsent: SheetSpec = { name: "检查结果", rows: [["任务编号", "名称", "备注"]] };
const open = (options: FakeOptions = {}, sheets = [RESULTS]) => {
  const fake = createFakeExcel(sheets, options);
  return { fake, book: new ExcelWorkbook(fake.run, fake.office, { retryPauseMs: 0, syncTimeoutMs: 200 }) };
};

describe("the port's edits and precondition", () => {
  test("cells are set as text and rows removed from the bottom up, by the row numbers as read", async () => {
    const { fake, book } = open();
    await book.write(
      batch({ edit: [{ sheet: "检查结果", cells: [{ row: 3, column: 3, value: "=已作废" }], deleteRows: [2, 4] }] }),
    );
    expect((await book.readSheet("检查结果")).rows).toEqual([
      ["任务编号", "名称", "备注"],
      ["T1", "乙", "=已作废"],
      ["T2", "丁"],
    ]);
    expect(fake.workbookState.sheets[0].formulas.size).toBe(0);
    // consecutive rows go in one call
    await book.write(batch({ edit: [{ sheet: "检查结果", deleteRows: [2, 3] }] }));
    expect(fake.stats.calls["range.delete"]).toBe(3);
  });

  test("appends after edits go under the last row that is left", async () => {
    const { book } = open();
    await book.write(
      batch({
        edit: [{ sheet: "检查结果", deleteRows: [5] }],
        append: [{ sheet: "检查结果", rows: [["T1", "戊"]], whenAbsent }],
      }),
    );
    expect((await book.readSheet("检查结果")).rows.slice(-2)).toEqual([
      ["T1", "丙"],
      ["T1", "戊"],
    ]);
  });

  test("a sheet that no longer ends where it was read refuses the whole batch before anything is written", async () => {
    const { fake, book } = open();
    const write = book.write(
      batch({
        expect: [{ sheet: "检查结果", lastRow: 4 }],
        create: [{ name: "新表", rows: [["x"]] }],
        append: [{ sheet: "检查结果", rows: [["T3"]], whenAbsent }],
      }),
    );
    await expect(write).rejects.toBeInstanceOf(WorkbookChangedError);
    await expect(write).rejects.toMatchObject({ sheet: "检查结果", expected: 4, actual: 5 });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
    expect(fake.cells("检查结果")).toHaveLength(5);
    await book.write(
      batch({
        expect: [
          { sheet: "检查结果", lastRow: 5 },
          { sheet: "无此表", lastRow: 0 },
        ],
      }),
    );
  });

  test("an edit of a missing sheet is refused before anything changes", async () => {
    const { fake, book } = open();
    await expect(
      book.write(batch({ create: [resultSpec(2)], edit: [{ sheet: "无此表", deleteRows: [2] }] })),
    ).rejects.toBeInstanceOf(WriteRefusedError);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
  });

  test("a tab colour is set, and protection is read back", async () => {
    const { fake, book } = open();
    await book.write(
      batch({ create: [{ name: "抽取结果-T1-1", rows: [["已作废"]], tabColor: "C00000", protect: true }] }),
    );
    expect(fake.workbookState.sheets[1].tabColor).toBe("#C00000");
    expect((await book.readSheet("抽取结果-T1-1")).protected).toBe(true);
    expect((await book.readSheet("检查结果")).protected).toBe(false);
  });

  test("a failure after the edits puts the removed rows and changed cells back", async () => {
    // writes: the edited cell's format and value are 1, the appended row's value write is 2
    const { fake, book } = open({ failAtWrite: 2 });
    const before = fake.cells("检查结果");
    await expect(
      book.write(
        batch({
          edit: [{ sheet: "检查结果", cells: [{ row: 3, column: 3, value: "已作废" }], deleteRows: [2, 4] }],
          append: [{ sheet: "检查结果", rows: [["T9"]], whenAbsent }],
        }),
      ),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.cells("检查结果")).toEqual(before);
  });
});

describe("protection the clerks added", () => {
  test("appending to a protected 检查结果 keeps it protected with its own options", async () => {
    const { fake, book } = open({ maxExcelApi: CURRENT_EXCEL_API });
    fake.protectSheet("检查结果", undefined, { allowSort: true, allowFormatColumns: true });
    await book.write(
      batch({
        append: [
          {
            sheet: "检查结果",
            rows: [["T3", "戊"]],
            whenAbsent,
            validations: [{ column: 3, list: ["是", "否"] }],
          },
        ],
      }),
    );
    const s = fake.workbookState.sheets[0];
    expect(fake.cells("检查结果")[5]).toEqual(["T3", "戊"]);
    expect(s.validations.map((v) => v.address)).toEqual(["C6"]);
    expect(s.protected).toBe(true);
    expect(s.protectionOptions).toMatchObject({ allowSort: true, allowFormatColumns: true, allowFormatRows: false });
  });

  test("a password on 检查结果 is found before anything is written, and the message names the sheet", async () => {
    const { fake, book } = open();
    fake.protectSheet("检查结果", "clerk-secret");
    const write = book.write(
      batch({ create: [resultSpec(3)], append: [{ sheet: "检查结果", rows: [["T3"]], whenAbsent }] }),
    );
    await expect(write).rejects.toBeInstanceOf(WriteRefusedError);
    await expect(write).rejects.toThrow("工作表“检查结果”设有密码保护");
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
    expect(fake.workbookState.sheets[0]).toMatchObject({ protected: true, password: "clerk-secret" });
    expect(fake.stats.calls["worksheets.add"]).toBeUndefined();
  });

  test("a protected workbook structure is found before anything is written, naming the sheets", async () => {
    const { fake, book } = open();
    fake.protectWorkbook();
    const write = book.write(batch({ create: [resultSpec(3)], replace: [{ name: "抽取记录", rows: [["x"]] }] }));
    await expect(write).rejects.toThrow(/工作簿的结构受保护.*“抽取结果-测试”、“抽取记录”/);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
    expect(fake.stats.calls["worksheets.add"]).toBeUndefined();
    // appending to an existing sheet adds none: it goes through
    await book.write(batch({ append: [{ sheet: "检查结果", rows: [["T3"]], whenAbsent }] }));
    expect(fake.cells("检查结果")).toHaveLength(6);
  });
});

describe("Excel's limits, met before they are hit", () => {
  test("text over 32,767 characters is refused naming sheet, row, column and cell; nothing is written", async () => {
    const { fake, book } = open();
    const long = "字".repeat(32768);
    await expect(book.write(batch({ create: [{ name: "新表", rows: [["a"], [null, null, long]] }] }))).rejects.toThrow(
      "工作表“新表”第 2 行第 3 列（单元格 C2）的文字有 32,768 个字符",
    );
    expect(fake.stats.syncs).toBe(0);
  });

  test("an edited cell over 32,767 characters is refused naming its cell", async () => {
    const { fake, book } = open();
    await expect(
      book.write(batch({ edit: [{ sheet: "检查结果", cells: [{ row: 4, column: 3, value: "字".repeat(40000) }] }] })),
    ).rejects.toThrow("工作表“检查结果”第 4 行第 3 列（单元格 C4）");
    expect(fake.stats.syncs).toBe(0);
  });

  test("a drop-down list over 255 characters and a sheet name Excel refuses are found before any sync", async () => {
    const { fake, book } = open();
    const list = Array.from({ length: 60 }, (_, i) => `选项${i}`);
    await expect(
      book.write(batch({ create: [{ name: "新表", rows: [["a"]], validations: [{ range: "A2", list }] }] })),
    ).rejects.toThrow("超过 Excel 255 个字符的上限");
    await expect(book.write(batch({ create: [{ name: "History", rows: [["a"]] }] }))).rejects.toThrow(
      "工作表名称“History”不符合 Excel 的规则",
    );
    expect(fake.stats.syncs).toBe(0);
  });

  test("rows taller than 409 points are set to 409, and the pane is told", async () => {
    const { fake, book } = open();
    await book.write(batch({ create: [{ name: "表", rows: [["a"], ["b"], ["c"]], rowHeights: [20, 500, 409] }] }));
    const h = fake.workbookState.sheets[1].rowHeights;
    expect([h.get(0), h.get(1), h.get(2)]).toEqual([20, 409, 409]);
    expect(book.notes).toEqual([expect.stringContaining("“表”有 1 行需要的行高超过 Excel 的上限 409 磅")]);
  });

  test("more than 1,026 page breaks: the first 1,026 are set, and the pane is told", async () => {
    const { fake, book } = open({ maxExcelApi: CURRENT_EXCEL_API });
    const rowBreaks = Array.from({ length: 1100 }, (_, i) => (i + 1) * 2);
    await book.write(batch({ create: [{ name: "表", rows: [["a"]], page: { orientation: "portrait", rowBreaks } }] }));
    expect(fake.workbookState.sheets[1].page.rowBreaks).toHaveLength(1026);
    expect(book.notes.join()).toContain("需要 1,100 个分页符，超过 Excel 的上限 1,026 个");
  });
});

describe("host states", () => {
  test("focus lost for one sync during the swap: the undo removes what was added, the message is Chinese", async () => {
    // sync 1 reads, sync 2 writes the new and the temporary sheet, sync 3 swaps: its delete fails
    const { fake, book } = open({ focusLoss: { atSync: 3, syncs: 1 } });
    const write = book.write(
      batch({ create: [{ name: "新表", rows: [["a"]] }], replace: [{ name: "检查结果", rows: [["x"]] }] }),
    );
    await expect(write).rejects.toMatchObject({ code: "InvalidSelection" });
    await expect(write).rejects.toThrow("另一个工作簿");
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
    expect(fake.cells("检查结果")).toHaveLength(5);
  });

  test("focus lost for good: the undo says exactly which sheets it could not remove, and only those remain", async () => {
    const { fake, book } = open({ focusLoss: { atSync: 4 }, maxExcelApi: CURRENT_EXCEL_API });
    const write = book.write(
      batch({
        create: [resultSpec(3, "结果1"), resultSpec(3, "快照1")],
        replace: [{ name: "检查结果", rows: [["x"]] }],
      }),
    );
    await expect(write).rejects.toBeInstanceOf(RollbackIncompleteError);
    const error = (await write.catch((e) => e)) as RollbackIncompleteError;
    const left = fake.workbookState.sheets.map((s) => s.name).filter((n) => n !== "检查结果");
    expect(left.length).toBeGreaterThan(0);
    expect(error.leftovers).toEqual(left.reverse().map((n) => `工作表“${n}”（请手动删除）`));
    expect(error.message).toContain("撤销未能全部完成，工作簿中还留有：工作表“");
  });

  test("unprotect refused on an unprotected sheet (office-js #6784): appended rows are still removed", async () => {
    const { fake, book } = open({ unprotectUnprotectedThrows: true, failAtWrite: 2 });
    await expect(
      book.write(
        batch({
          create: [{ name: "新表", rows: [["a"]] }],
          append: [{ sheet: "检查结果", rows: [["T3"], ["T4"]], whenAbsent }],
        }),
      ),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.cells("检查结果")).toHaveLength(5);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
  });

  test("a sync that never settles is given up with a plain message, and the undo still runs", async () => {
    const { fake, book } = open({ hangAtSync: 3 });
    const write = book.write(batch({ create: [resultSpec(3)] }));
    await expect(write).rejects.toBeInstanceOf(SyncTimeoutError);
    await expect(write).rejects.toThrow("Excel 在 0 秒内没有响应");
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["检查结果"]);
  });

  test("cell-edit mode: the host's error is said in Chinese", async () => {
    const { book } = open({ cellEditMode: true });
    await expect(book.sheetNames()).rejects.toThrow("请先按 Enter 或 Esc 结束编辑");
  });

  test("saveAsync failing: the sheet choices are not kept, and the clerk is told in Chinese", async () => {
    const { fake } = open({ saveAsyncFails: true });
    await expect(saveSheetChoices(fake.office, { targets: "名录" })).rejects.toThrow("工作表选择未能保存");
  });
});

describe("drop-downs on ExcelApi 1.7", () => {
  test("rows deleted before a 1.8 host opens the workbook move the remembered drop-downs with them", async () => {
    const { fake, book } = open({ maxExcelApi: 7 });
    await book.write(
      batch({
        append: [
          {
            sheet: "检查结果",
            rows: [["T3"], ["T3"], ["T3"]],
            whenAbsent,
            validations: [{ column: 3, list: ["是", "否"] }],
          },
        ],
      }),
    );
    // remembered for rows 6–8; a void then removes rows 2 and 7
    await book.write(batch({ edit: [{ sheet: "检查结果", deleteRows: [2, 7] }] }));
    fake.options.maxExcelApi = 9;
    await new ExcelWorkbook(fake.run, fake.office).completeDeferred();
    expect(fake.workbookState.sheets[0].validations.map((v) => v.address)).toEqual(["C5", "C6"]);
  });

  test("a draw on 1.7 keeps the clerks' protected 检查结果 protected when the drop-downs are added later", async () => {
    const { fake, book } = open({ maxExcelApi: 7 });
    fake.protectSheet("检查结果");
    await book.write(
      batch({
        append: [{ sheet: "检查结果", rows: [["T3"]], whenAbsent, validations: [{ column: 3, list: ["是", "否"] }] }],
      }),
    );
    fake.options.maxExcelApi = 8;
    const notes = await new ExcelWorkbook(fake.run, fake.office).completeDeferred();
    expect(notes).toEqual(["已为“检查结果”补上 1 处下拉列表（上次写入时的 Excel 不支持下拉列表）。"]);
    expect(fake.workbookState.sheets[0]).toMatchObject({ protected: true });
    expect(fake.workbookState.sheets[0].validations.map((v) => v.address)).toEqual(["C6"]);
  });
});
