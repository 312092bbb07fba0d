import { createEngine, type HostHooks } from "../../src/taskpane/port-engine";
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

  test("offers checklists and publicity only when their use-cases exist", () => {
    const engine = createEngine(mockPort(), mockUseCases(), host());
    expect(engine.writeChecklists).toBeUndefined();
    expect(engine.buildPublicity).toBeUndefined();
    expect(engine.saveCopy).toBeUndefined();
    const withChecklists = createEngine(
      mockPort(),
      { ...mockUseCases(), writeChecklists: async () => ({ ok: true, report: { sheets: ["一企一表_1"] }, warnings: [] }) },
      host(),
    );
    expect(typeof withChecklists.writeChecklists).toBe("function");
  });

  test("cell selection goes to the host", async () => {
    const h = host();
    const engine = createEngine(mockPort(), mockUseCases(), h);
    await engine.selectCell("检查对象名录库", "A7");
    expect(h.selected).toEqual(["检查对象名录库!A7"]);
    expect(await engine.loadSheetMap()).toEqual({ targets: "对象" });
  });
});
