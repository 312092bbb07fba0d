// The engine in its Web Worker, in the built pane in a real Chromium, on a workbook of 20,000
// targets: the work is done in the worker (ExcelJS is fetched by the worker, never by the page),
// the pane paints each step (reading, checking, drawing, writing, building the download) while it
// runs, and what comes out is the command line's draw. The main thread's longest tasks are written
// to test-output/worker-longtasks.json for reading, not asserted (npm run bench measures them).
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { runDraw } from "../../src/workbook/usecases";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { registryBook } from "../../bench/registry-book";
import {
  OUTPUT,
  buildBundle,
  externalRequests,
  findBrowser,
  launchBrowser,
  panePage,
  screenshot,
  serve,
  warnNoBrowser,
  type StaticServer,
} from "./harness";

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;

jest.setTimeout(600_000);

const TASK = "XH-2026-03";
const SEED = "20260401-福彩3D-123";
const DATE = "2026-04-01";
const TARGETS = 20_000;

/** Recorded in the page from its first script on: long tasks, and the progress line's text at each frame. */
const RECORDER = `
  window.__longtasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { window.__longtasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  window.__painted = [];
  (function frame() {
    var el = document.querySelector('[data-testid="step-progress"]');
    var text = el ? el.textContent : null;
    var last = window.__painted[window.__painted.length - 1];
    if (text && text !== last) window.__painted.push(text);
    requestAnimationFrame(frame);
  })();
`;

interface Step {
  name: string;
  /** wall time of the step, as the page saw it */
  ms: number;
  longestTaskMs: number;
  painted: string[];
}

/** Runs `act` and reports the main thread's longest task and the progress texts painted meanwhile. */
async function step(page: Page, name: string, act: () => Promise<void>): Promise<Step> {
  const t0 = await page.evaluate(() => {
    (window as unknown as { __painted: string[] }).__painted = [];
    return performance.now();
  });
  await act();
  return page.evaluate(
    ({ name, t0 }) => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[]; __painted: string[] };
      const during = w.__longtasks.filter((t) => t.start >= t0);
      return {
        name,
        ms: performance.now() - t0,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        painted: [...w.__painted],
      };
    },
    { name, t0 },
  );
}

async function choose(page: Page, label: string, option: RegExp): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

describeWithBrowser(`the engine in a Web Worker, ${TARGETS} targets`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let consoleErrors: string[];
  let book: string;
  const steps: Step[] = [];

  beforeAll(async () => {
    book = await registryBook(TARGETS);
    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser, 320));
    await page.addInitScript(RECORDER);
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=file]", { timeout: 30_000 });
  }, 900_000);

  afterAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, "worker-longtasks.json"), JSON.stringify({ targets: TARGETS, steps }, null, 2));
    await browser?.close();
    await server?.close();
  });

  test("opens the file in the worker: the engine and ExcelJS are loaded there, not by the page", async () => {
    steps.push(
      await step(page, "open", async () => {
        await page.setInputFiles("#xlsx-file", book);
        await page.getByText(`已打开：registry-${TARGETS}.xlsx`).waitFor({ timeout: 120_000 });
      }),
    );
    expect(steps[0].painted).toContain("正在读取文件…");
    expect(page.workers().length).toBe(1);
    expect(page.workers()[0].url()).toMatch(/\/engine-worker\.js$/);
    // the page's own scripts: the pane, and no ExcelJS chunk loaded by a <script> of the page
    const pageScripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    expect(pageScripts.some((s) => /\/xlsx\.[0-9a-f]+\.js$/.test(s))).toBe(false);
    expect(await page.evaluate(() => typeof (window as { ExcelJS?: unknown }).ExcelJS)).toBe("undefined");
  });

  test("checks the 20,000 targets with the step painted while the worker works", async () => {
    steps.push(
      await step(page, "check", async () => {
        await page.getByRole("button", { name: "检查数据" }).click();
        await page.getByText(new RegExp(`检查对象 ${TARGETS} 个`)).waitFor({ timeout: 180_000 });
      }),
    );
    expect(steps[steps.length - 1].painted.some((t) => t.startsWith("正在检查数据"))).toBe(true);
  });

  test("draws, painting its reading, drawing and writing, and the draw is the command line's", async () => {
    await page.getByRole("tab", { name: "抽取" }).click();
    await choose(page, "抽查任务", new RegExp(TASK));
    await page.getByLabel("抽取日期").fill(DATE);
    await page.getByLabel("操作人").fill("张三");
    await page.getByLabel("监督人").fill("李四");
    await page.getByLabel("随机种子").fill(SEED);
    steps.push(
      await step(page, "draw", async () => {
        await page.getByRole("button", { name: "抽取", exact: true }).click();
        // seconds at 20,000 targets: the progress line is up, and looked at
        await page.getByTestId("step-progress").waitFor({ timeout: 30_000 });
        await page.screenshot({ path: join(OUTPUT, "pane-worker-20000-progress.png") });
        await page
          .getByText(/抽取完成：抽中 \d+ 户/)
          .first()
          .waitFor({ timeout: 300_000 });
      }),
    );
    const painted = steps[steps.length - 1].painted;
    // several steps, each painted while the worker was at it (its reads are too quick to see here:
    // the workbook is in the worker's memory since it was opened)
    expect(painted.some((t) => t.startsWith("正在抽取"))).toBe(true);
    expect(painted.some((t) => t.startsWith("正在写入工作簿"))).toBe(true);
    // the page, not the whole list of drawn targets (a full-page shot is 250,000 pixels tall)
    await page.screenshot({ path: join(OUTPUT, "pane-worker-20000-drawn.png") });

    const shown = (await page.getByTestId("draw-digest").first().textContent()) ?? "";
    const cli = await runDraw(await XlsxWorkbook.fromBuffer(readFileSync(book)), {
      taskId: TASK,
      seed: SEED,
      date: DATE,
      operator: "张三",
      witness: "李四",
    });
    expect(cli.ok).toBe(true);
    expect(shown).toBe(cli.ok ? cli.report.digest : "");
  });

  test("verifies and writes the 一企一表 through the worker", async () => {
    await page.getByRole("tab", { name: "核验" }).click();
    steps.push(
      await step(page, "verify", async () => {
        await page.getByRole("button", { name: "核验全部抽取" }).click();
        await page.getByText("通过", { exact: true }).waitFor({ timeout: 180_000 });
      }),
    );
    const verifying = steps[steps.length - 1].painted;
    await page.getByRole("tab", { name: "一企一表" }).click();
    steps.push(
      await step(page, "checklists", async () => {
        await page.getByRole("button", { name: "生成一企一表" }).click();
        await page.getByText(/已生成 \d+ 份一企一表/).waitFor({ timeout: 180_000 });
      }),
    );
    // verifying (over a second here) is painted: as 核验, or as the reading of a draw's sheet by
    // name, whichever step runs past 200 ms on this machine (a quiet one reads the snapshot faster)
    expect(verifying.some((t) => t.startsWith("正在核验") || t.startsWith("正在读取工作表「抽取"))).toBe(true);
  });

  test("builds the download in the worker, painted, and it holds the draw", async () => {
    let saved = "";
    let toEvent = 0;
    steps.push(
      await step(page, "download", async () => {
        const download = page.waitForEvent("download", { timeout: 180_000 });
        const t0 = Date.now();
        await page.getByRole("button", { name: "下载结果工作簿" }).click();
        const file = await download;
        toEvent = Date.now() - t0;
        saved = join(OUTPUT, "pane-worker-download.xlsx");
        await file.saveAs(saved);
      }),
    );
    // The pane paints an action once it has run 200 ms. From a workbook that the draw wrote as a
    // package the download often takes less; the browser's download event reaches the test some
    // time after the action ends, so a step of over 500 ms to that event must have been painted.
    const download = steps[steps.length - 1];
    console.log(`download: ${toEvent} ms from the click to the browser's download event`);
    expect(toEvent <= 500 || download.painted.some((t) => t.startsWith("正在生成下载文件"))).toBe(true);
    const names = await (await XlsxWorkbook.fromBuffer(readFileSync(saved))).sheetNames();
    expect(names).toContain(`抽取结果-${TASK}-1`);
    expect(names).toContain(`一企一表-${TASK}-1`);
    // the progress line is gone once nothing runs
    await expect(page.getByTestId("step-progress").count()).resolves.toBe(0);
    console.log(
      steps
        .map((s) => `${s.name}: ${Math.round(s.ms)} ms, longest main-thread task ${Math.round(s.longestTaskMs)} ms`)
        .join("\n"),
    );
  });

  test("never left localhost, and logged no errors", async () => {
    expect(externalRequests(requests)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

/** office.js as Excel 2021's would answer, whose Excel.run fails with the host's ApiNotFound. */
const OFFICE_STAND_IN = `
  (function () {
    var context = {
      host: "Excel",
      requirements: { isSetSupported: function (n, v) { return n === "ExcelApi" && Number(String(v).split(".")[1]) <= 12; } },
      diagnostics: { host: "Excel", platform: "PC", version: "16.0.14332.20000" },
      document: { url: "C:\\\\抽查\\\\新华区-2026.xlsx", settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { cb && cb({ status: "succeeded" }); } } }
    };
    window.Office = {
      HostType: { Excel: "Excel" },
      onReady: function () {
        return new Promise(function (resolve) {
          setTimeout(function () { window.Office.context = context; resolve({ host: "Excel", platform: "PC" }); }, 50);
        });
      }
    };
    window.Excel = { run: function () { var e = new Error("The API you are trying to use could not be found."); e.code = "ApiNotFound"; return Promise.reject(e); } };
  })();`;

describeWithBrowser("the engine in a Web Worker inside Excel (office.js stand-in)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the worker asks the main thread's Excel adapter, whose error comes back in Chinese", async () => {
    const { page, consoleErrors } = await panePage(browser);
    await page.route("**/office-js/office.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STAND_IN }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=excel]", { timeout: 30_000 });
    // the use-cases run in the worker even inside Excel, where Office.js stays on this thread
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/\/engine-worker\.js$/)]);
    await page.getByRole("button", { name: "检查数据" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "ApiNotFound" });
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("此版本的 Excel 缺少本助手所需的接口");
    // the adapter's Chinese, never the host's English or a stack
    expect(text).not.toContain("could not be found");
    expect(text).not.toMatch(/at \w+ \(|worker/i);
    await screenshot(page, "pane-worker-excel-error");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
