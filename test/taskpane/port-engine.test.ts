import { createEngine, type HostHooks } from "../../src/taskpane/port-engine";
import type { WorkbookPort } from "../../src/workbook/port";
import { mockPort, mockUseCases } from "./mock-engine";

const host = (): HostHooks & { selected: string[] } => {
  const selected: string[] = [];
  return {
    selected,
    mode: "excel",
    title: "样例.xlsx",
    loadSheetMap: async () => ({ targets: "对象" }),
    saveSheetMap: async () => undefined,
    selectCell: async (sheet, cell) => void selected.push(`${sheet}!${cell}`),
    activateSheet: async () => undefined,
    selfTest: async () => ({ checks: [], excelApi: [] }),
  };
};

const named = (...names: string[]): WorkbookPort => ({
  sheetNames: async () => names,
  readSheet: async (name) => ({ name, rows: [] }),
  write: async () => undefined,
});

describe("createEngine", () => {
  test("a draw's writes move the pane's progress bar, and only during that draw", async () => {
    const port = mockPort();
    const engine = createEngine(port, mockUseCases(), host());
    const seen: number[] = [];
    const out = await engine.runDraw(
      { lang: "zh", sheetMap: {}, taskId: "T1", operator: "张三", witness: "李四", seed: "2026" },
      (done, total) => seen.push(done / total),
    );
    expect(out.ok && out.report.seed).toBe("2026");
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    // a later write (another use-case) no longer reports to the finished draw's callback
    await engine.check({ lang: "zh", sheetMap: {} });
    await port.write({ create: [], replace: [], append: [] });
    expect(seen).toHaveLength(3);
  });

  test("passes the language and the clerk's sheet choices to the use-case", async () => {
    const engine = createEngine(mockPort(), mockUseCases(), host());
    const zh = await engine.check({ lang: "zh", sheetMap: { targets: "名录" } });
    const en = await engine.check({ lang: "en", sheetMap: {} });
    expect(zh.errors[0].message).toBe("校验码错误");
    expect(en.errors[0].message).toBe("bad check character");
    expect(zh.sheets.targets).toBe("名录");
  });

  test("checklists name the draw by its result sheet and pass the progress callback on", async () => {
    const calls: unknown[] = [];
    const engine = createEngine(
      mockPort(),
      {
        ...mockUseCases(),
        runChecklists: async (_port, options) => {
          calls.push({ draw: options.draw, lang: options.lang, sheetMap: options.sheetMap });
          options.progress?.(1, 1);
          return {
            ok: true,
            warnings: [],
            report: { draw: options.draw, task: "T1", sheet: "一企一表-T1-1", forms: 4, rows: 80 },
          };
        },
      },
      host(),
    );
    const seen: string[] = [];
    const out = await engine.writeChecklists(
      { lang: "en", sheetMap: { items: "事项" }, drawSheet: "抽取结果-T1-1" },
      (d, t) => seen.push(`${d}/${t}`),
    );
    expect(calls).toEqual([{ draw: "抽取结果-T1-1", lang: "en", sheetMap: { items: "事项" } }]);
    expect(seen).toEqual(["1/1"]);
    expect(out.ok && out.report.sheet).toBe("一企一表-T1-1");
  });

  test("cell selection goes to the host", async () => {
    const h = host();
    const engine = createEngine(mockPort(), mockUseCases(), h);
    await engine.selectCell("检查对象名录库", "A7");
    expect(h.selected).toEqual(["检查对象名录库!A7"]);
    expect(await engine.loadSheetMap()).toEqual({ targets: "对象" });
    expect(engine.saveCopy).toBeUndefined();
  });
});
