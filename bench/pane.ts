// Bench: the task pane's main thread at 20,000 targets, in headless Chromium on the production
// build. The longest main-thread task (PerformanceObserver 'longtask') of each step a clerk waits
// for (open, check, draw, verify, 一企一表, download) with the engine in its Web Worker, and the
// same steps with Worker removed from the page (the engine on the main thread, as before), beside
// an empty page observed for as long. Run by bench/run.ts (case pane-longtask-20k); the goal is
// no task over 100 ms. Figures only: nothing is asserted.
import { join } from "node:path";
import type { Page } from "playwright-core";

type Figures = Record<string, number | string | boolean>;

const TARGETS = 20_000;
const TASK = "XH-2026-03";
const STEPS = ["open", "check", "draw", "verify", "checklists", "download"] as const;
type StepName = (typeof STEPS)[number];

const OBSERVER = `
  window.__longtasks = [];
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { window.__longtasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
`;

/** The longest task (ms) and the sum of all long tasks (ms) that started during `act`. */
async function during(page: Page, act: () => Promise<void>): Promise<{ longest: number; total: number; ms: number }> {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  // a task still running when act resolves is reported when it ends
  await page.waitForTimeout(50);
  return page.evaluate((t0) => {
    const tasks = (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks.filter(
      (t) => t.start >= t0,
    );
    return {
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      total: tasks.reduce((s, t) => s + t.duration, 0),
      ms: performance.now() - t0,
    };
  }, t0);
}

async function paneFlow(
  page: Page,
  book: string,
): Promise<Record<StepName, { longest: number; total: number; ms: number }>> {
  const out = {} as Record<StepName, { longest: number; total: number; ms: number }>;
  out.open = await during(page, async () => {
    await page.setInputFiles("#xlsx-file", book);
    await page.getByText(`已打开：registry-${TARGETS}.xlsx`).waitFor({ timeout: 300_000 });
  });
  out.check = await during(page, async () => {
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText(new RegExp(`检查对象 ${TARGETS} 个`)).waitFor({ timeout: 300_000 });
  });
  await page.getByRole("tab", { name: "抽取" }).click();
  await page.getByRole("combobox", { name: "抽查任务" }).click();
  await page.getByRole("option", { name: new RegExp(TASK) }).click();
  await page.getByLabel("抽取日期").fill("2026-04-01");
  await page.getByLabel("操作人").fill("张三");
  await page.getByLabel("监督人").fill("李四");
  await page.getByLabel("随机种子").fill("527");
  out.draw = await during(page, async () => {
    await page.getByRole("button", { name: "抽取", exact: true }).click();
    await page
      .getByText(/抽取完成：抽中 \d+ 户/)
      .first()
      .waitFor({ timeout: 300_000 });
  });
  await page.getByRole("tab", { name: "核验" }).click();
  out.verify = await during(page, async () => {
    await page.getByRole("button", { name: "核验全部抽取" }).click();
    await page.getByText("通过", { exact: true }).waitFor({ timeout: 300_000 });
  });
  await page.getByRole("tab", { name: "一企一表" }).click();
  out.checklists = await during(page, async () => {
    await page.getByRole("button", { name: "生成一企一表" }).click();
    await page.getByText(/已生成 \d+ 份一企一表/).waitFor({ timeout: 300_000 });
  });
  out.download = await during(page, async () => {
    const download = page.waitForEvent("download", { timeout: 300_000 });
    await page.getByRole("button", { name: "下载结果工作簿" }).click();
    await (await download).path();
  });
  return out;
}

async function withPane<T>(f: (open: (initScript: string, path: string) => Promise<Page>) => Promise<T>): Promise<T> {
  const { buildBundle, serve, launchBrowser, findBrowser } = await import("../test/browser/harness");
  const { writeFileSync } = await import("node:fs");
  const exe = findBrowser();
  if (!exe) throw new Error("no Chromium: install chromium to measure the pane");
  const dir = buildBundle();
  writeFileSync(join(dir, "blank.html"), "<!doctype html><title>blank</title><body></body>");
  const server = await serve(dir);
  const browser = await launchBrowser(exe);
  try {
    return await f(async (initScript, path) => {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.addInitScript(initScript);
      await page.goto(`${server.url}/${path}`);
      return page;
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

async function subject(): Promise<Figures> {
  const { registryBook } = await import("./registry-book");
  const book = await registryBook(TARGETS);
  return withPane(async (open) => {
    const figures: Figures = {};
    for (const [prefix, script] of [
      ["", OBSERVER],
      // the pane falls back to the engine on its main thread where no Worker exists
      ["main.", `${OBSERVER}\ndelete window.Worker;`],
    ] as const) {
      const page = await open(script, "taskpane.html");
      await page.waitForSelector("body[data-ready=file]", { timeout: 60_000 });
      const flow = await paneFlow(page, book);
      let longest = 0;
      for (const s of STEPS) {
        figures[`${prefix}${s}Longest`] = flow[s].longest;
        figures[`${prefix}${s}Ms`] = flow[s].ms;
        longest = Math.max(longest, flow[s].longest);
      }
      figures[`${prefix}longest`] = longest;
      figures[`${prefix}longTaskTotal`] = STEPS.reduce((sum, s) => sum + flow[s].total, 0);
      figures[`${prefix}ms`] = STEPS.reduce((sum, s) => sum + flow[s].ms, 0);
      await page.context().close();
    }
    figures.targets = TARGETS;
    return figures;
  });
}

/** An empty page from the same server, watched for as long as the pane's steps take on this machine. */
async function baseline(): Promise<Figures> {
  return withPane(async (open) => {
    const page = await open(OBSERVER, "blank.html");
    const idle = await during(page, () => page.waitForTimeout(20_000));
    await page.context().close();
    return { longest: idle.longest, longTaskTotal: idle.total, ms: idle.ms };
  });
}

const row = (label: string, key: string, note?: string) => ({
  label,
  unit: "ms" as const,
  key,
  baselineKey: "longest",
  ...(note ? { note } : {}),
});

/** The case bench/run.ts adds to its own. */
export const PANE_CASES = [
  {
    name: "pane-longtask-20k",
    subject: `headless Chromium, the built pane in file mode on ${TARGETS} targets: the main thread's longest task per step, engine in its Web Worker (and, rows "main thread", with Worker removed from the page)`,
    baseline: "the same server's empty page, watched for 20 s: its longest task",
    run: { subject, baseline },
    rows: [
      row("longest task, all steps (worker)", "longest", "goal: ≤ 100 ms"),
      row("  open the file", "openLongest"),
      row("  check", "checkLongest"),
      row("  draw", "drawLongest"),
      row("  verify", "verifyLongest"),
      row("  一企一表", "checklistsLongest"),
      row("  download", "downloadLongest"),
      { label: "long tasks in total (worker)", unit: "ms" as const, key: "longTaskTotal" },
      row("longest task, all steps (main thread)", "main.longest", "the engine without a worker"),
      row("  draw (main thread)", "main.drawLongest"),
      row("  download (main thread)", "main.downloadLongest"),
      {
        label: "long tasks in total (main thread)",
        unit: "ms" as const,
        key: "main.longTaskTotal",
        baselineKey: "longTaskTotal",
      },
      { label: "all steps, wall time (worker)", unit: "ms" as const, key: "ms", baselineValue: NaN },
      { label: "all steps, wall time (main thread)", unit: "ms" as const, key: "main.ms", baselineValue: NaN },
    ],
  },
];
