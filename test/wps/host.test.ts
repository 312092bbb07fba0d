// The pane's side of WPS: the host probe, the engine over the WPS adapter (notes as warnings, the
// clerk's sheet choices kept in the workbook, going to a cell), and the self-test on the fake.
import { beforeAll, describe, expect, test } from "@jest/globals";
import { join } from "node:path";
import { readXlsxFile } from "../../src/workbook/xlsx/file";
import * as useCases from "../../src/workbook/usecases";
import type { SheetData } from "../../src/workbook/port";
import { detectWps } from "../../src/wps/detect";
import { MessageChannel, type MessagePort } from "worker_threads";
import { createWpsEngine, wpsEngineOver } from "../../src/wps/host";
import { createEngine } from "../../src/taskpane/port-engine";
import { connectEngine, servePort } from "../../src/taskpane/worker/client";
import { Endpoint, type Channel } from "../../src/taskpane/worker/rpc";
import { serveEngine } from "../../src/taskpane/worker/serve";
import { openFileEngine } from "../../src/taskpane/file-host";
import { WpsWorkbook } from "../../src/wps/workbook";
import { wpsSelfTest } from "../../src/wps/self-test";
import { createFakeWps, type FakeWpsOptions } from "./fake-wps";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");
const noPause = async () => undefined;
let sample: SheetData[];

beforeAll(async () => {
  const book = await readXlsxFile(SAMPLE);
  sample = [];
  for (const name of await book.sheetNames()) sample.push(await book.readSheet(name));
});

const engineOn = (options: FakeWpsOptions = {}) => {
  const fake = createFakeWps(sample, options);
  return { fake, engine: createWpsEngine(fake.app, useCases, { pause: noPause }) };
};

describe("detectWps", () => {
  test("finds ET's Application on the page, or through wps.EtApplication()", () => {
    const { app } = createFakeWps();
    expect(detectWps({ Application: app })).toBe(app);
    expect(detectWps({ wps: { EtApplication: () => app } })).toBe(app);
  });

  test("finds nothing in Excel, in a browser tab or in WPS 文字", () => {
    expect(detectWps({})).toBeNull();
    expect(detectWps({ Office: {}, Excel: {} })).toBeNull();
    expect(detectWps({ Application: { ActiveDocument: {} } })).toBeNull();
    expect(
      detectWps({
        wps: {
          EtApplication: () => {
            throw new Error("not ET");
          },
        },
      }),
    ).toBeNull();
  });

  test("finds ET even with no workbook open (the pane then asks for one)", () => {
    const app = { ActiveWorkbook: null };
    expect(detectWps({ Application: app })).toBe(app);
  });
});

/** The sample's draw, asked in the clerk's language. */
const drawIn = (lang: "zh" | "en") => ({
  lang,
  sheetMap: {},
  taskId: "XH-2026-03",
  seed: "527",
  date: "2026-04-01",
  operator: "张三",
  witness: "李四",
});

const channels: MessagePort[] = [];
afterAll(() => channels.forEach((p) => p.close()));

/** The engine's worker, over Node's MessageChannel: the use-cases there, the WPS adapter here. */
const inWorker = (fake: ReturnType<typeof createFakeWps>) =>
  wpsEngineOver(
    fake.app,
    async (port, hooks) => {
      const { port1, port2 } = new MessageChannel();
      channels.push(port1, port2);
      serveEngine(port2 as unknown as Channel, {
        useCases: async () => useCases,
        createEngine,
        openFile: (bytes, name, observe) => openFileEngine(bytes, name, observe),
      });
      const main = new Endpoint(port1 as unknown as Channel);
      return connectEngine(main, servePort(main, port, hooks));
    },
    { pause: noPause },
  );

describe("the engine over the WPS adapter", () => {
  test("in the engine's worker: the same draw, the same cells written, WPS's refusals as warnings", async () => {
    const draw = drawIn("en");
    const here = engineOn({ refuseValidation: true });
    const expected = await here.engine.runDraw(draw);
    const fake = createFakeWps(sample, { refuseValidation: true });
    const engine = await inWorker(fake);
    expect(engine.title).toBe(fake.app.ActiveWorkbook.Name);
    const out = await engine.runDraw(draw);
    if (!out.ok || !expected.ok) throw new Error("both draws should succeed");
    // the same draw (the time of day aside, and the chain, which holds it)
    const same = (r: typeof out.report) => ({ ...r, timestamp: "", chain: "" });
    expect(same(out.report)).toEqual(same(expected.report));
    expect(out.warnings).toEqual(expected.warnings);
    expect(out.warnings.filter((w) => w.code === "host_feature_skipped")).toHaveLength(1);
    // the worker's writes landed in WPS's workbook, on this thread: the results rows, cell for cell
    const rows = async (f: ReturnType<typeof createFakeWps>) =>
      (await WpsWorkbook.active(f.app, undefined, noPause).readSheet("检查结果")).rows;
    expect((await rows(fake)).length).toBeGreaterThan(10);
    expect(await rows(fake)).toEqual(await rows(here.fake));
    expect((await engine.verifyDraws({ lang: "zh", sheetMap: {} })).ok).toBe(true);
    await engine.selectCell("检查对象名录库", "B2");
    expect(fake.app.ActiveSheet?.Name).toBe("检查对象名录库");
  });

  test("checks and draws the sample, on the workbook it opened with", async () => {
    const { engine, fake } = engineOn();
    expect(engine.mode).toBe("excel");
    expect(engine.title).toBe(fake.app.ActiveWorkbook.Name);
    const check = await engine.check({ lang: "zh", sheetMap: {} });
    expect(check.errors).toEqual([]);
    const out = await engine.runDraw(drawIn("zh"));
    expect(out.ok).toBe(true);
    expect(out.warnings.filter((w) => w.code === "host_feature_skipped")).toEqual([]);
  });

  test("what WPS refused comes back as a warning of the draw, in the clerk's language", async () => {
    const { engine } = engineOn({ refuseValidation: true });
    const out = await engine.runDraw(drawIn("en"));
    expect(out.ok).toBe(true);
    const notes = out.warnings.filter((w) => w.code === "host_feature_skipped");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(/^This WPS refused part of the write .*“检查结果”的下拉列表/);
    expect(notes[0].severity).toBe("warning");
  });

  test("the clerk's sheet choices are kept in the workbook, as hidden names", async () => {
    const { engine, fake } = engineOn();
    await engine.saveSheetMap({ targets: "检查对象名录库", items: '事项"清单' });
    expect(await engine.loadSheetMap()).toEqual({ targets: "检查对象名录库", items: '事项"清单' });
    const names = fake.app.ActiveWorkbook.Names;
    expect(names.Count).toBe(2);
    expect(names.Item(1).Visible).toBe(false);
    await engine.saveSheetMap({ tasks: "抽查任务" });
    expect(await engine.loadSheetMap()).toEqual({ tasks: "抽查任务" });
  });

  test("going to a cell activates its sheet and selects it", async () => {
    const { engine, fake } = engineOn();
    await engine.selectCell("检查对象名录库", "C7");
    expect(fake.state.active).toBe("检查对象名录库");
    expect(fake.state.selection).toBe("检查对象名录库!C7");
  });
});

describe("the WPS self-test", () => {
  test("passes every check on a WPS that takes everything, and leaves no scratch sheet", async () => {
    const fake = createFakeWps(sample);
    const before = fake.state.sheets.map((s) => s.name);
    const report = await wpsSelfTest(fake.app, fake.app.ActiveWorkbook, noPause, "test");
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(9);
    expect(report.host).toBe("WPS 表格");
    expect(report.version).toBe("12.1.0.fake build 16120");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(before);
  });

  test("says which moves this WPS refuses", async () => {
    const fake = createFakeWps(sample, { refuseValidation: true, refuseCharts: true });
    const report = await wpsSelfTest(fake.app, fake.app.ActiveWorkbook, noPause, "test");
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toEqual(["下拉列表"]);
    const first = report.checks[0];
    expect(first.detail).toMatch(/下拉列表.*未能设置.*图表“自检图表”未能绘制/);
  });
});
