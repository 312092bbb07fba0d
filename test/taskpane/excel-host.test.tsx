// The engine inside Excel, over the Excel fake: batches wait for cell edit, the adapter's notes
// reach the pane's feed (and <AdapterNotes> shows them), drop-downs an older Excel left undone
// are added at start-up, and a host below ExcelApi 1.7 gets one plain message at once.
import { describe, expect, test } from "@jest/globals";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AdapterNotes } from "../../src/taskpane/components/AdapterNotes";
import { openExcelEngine } from "../../src/taskpane/excel-host";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { createFakeExcel, type FakeOptions } from "../excel/fake-excel";

const open = (options: FakeOptions, sheets = [{ name: "检查结果", rows: [["任务编号", "检查结果"]] }]) => {
  const fake = createFakeExcel(sheets, options);
  return { fake, engine: openExcelEngine({ excel: fake.excel, office: fake.office, title: "样例.xlsx" }) };
};

describe("openExcelEngine", () => {
  test("a clerk still typing in a cell: the pane's call waits for Enter instead of failing", async () => {
    const { fake, engine } = open({ cellEditMode: true });
    let names: string[] | null = null;
    const pending = (await engine).sheetNames().then((n) => (names = n));
    await new Promise((r) => setTimeout(r, 20));
    expect(names).toBeNull();
    fake.endCellEdit();
    await pending;
    expect(names).toEqual(["检查结果"]);
  });

  test("on ExcelApi 1.7 the drop-downs are skipped with a note; opened on 1.8, they are added and the pane says so", async () => {
    const { fake, engine } = open({ maxExcelApi: 7 });
    const e = await engine;
    expect(e.notes?.current()).toEqual([]);
    // what the draw's 检查结果 append does, through the engine's port
    const book = new ExcelWorkbook(fake.run, fake.office);
    book.onNotes = (texts) => e.notes?.publish(texts.map((text) => ({ text, intent: "warning" })));
    await book.write({
      create: [],
      replace: [],
      append: [
        {
          sheet: "检查结果",
          rows: [["T1", null]],
          whenAbsent: { name: "检查结果", rows: [] },
          validations: [{ column: 2, list: ["未发现问题", "行政处罚"] }],
        },
      ],
    });
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <AdapterNotes engine={e} lang="zh" />
      </FluentProvider>,
    );
    expect(html).toContain("此版本的 Excel 不支持单元格下拉列表（需要 ExcelApi 1.8）");
    expect(html).toContain("知道了");
    fake.options.maxExcelApi = 8;
    const later = await openExcelEngine({ excel: fake.excel, office: fake.office, title: "样例.xlsx" });
    // start-up work runs in the background: wait for its note
    for (let i = 0; i < 100 && !later.notes?.current().length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(later.notes?.current()).toEqual([
      { text: "已为“检查结果”补上 1 处下拉列表（上次写入时的 Excel 不支持下拉列表）。", intent: "info" },
    ]);
    expect(fake.workbookState.sheets[0].validations.map((v) => v.address)).toEqual(["B2"]);
  });

  test("Office 2016 volume-licensed (ExcelApi 1.1): one plain message at start, and nothing is read", async () => {
    const { fake, engine } = open({ maxExcelApi: 1 });
    const e = await engine;
    expect(e.notes?.current()).toEqual([
      { text: expect.stringContaining("此版本的 Excel 不支持读取和写入工作表（需要 ExcelApi 1.7）"), intent: "error" },
    ]);
    await expect(e.sheetNames()).rejects.toThrow("需要 ExcelApi 1.7");
    expect(fake.stats.syncs).toBe(0);
  });

  test("no notes: nothing is shown", () => {
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <AdapterNotes engine={null} lang="zh" />
      </FluentProvider>,
    );
    expect(html).not.toContain("adapter-notes");
  });
});
