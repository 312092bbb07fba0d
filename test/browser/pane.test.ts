// The built task pane in a real Chromium, outside Office: it must start in browser file mode with
// the real office.js loaded from our own server, switch tabs and language, open a .xlsx, and never
// reach the internet (clerks' intranets have none); and it must do a clerk's whole job on the
// sample workbook, producing a workbook whose draw is the command line's draw.
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { loadBook, runDraw, verifyDraws } from "../../src/workbook/usecases";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { alterCell, fillResults } from "../taskpane/workbook-edits";
import {
  OUTPUT,
  ROOT,
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

jest.setTimeout(240_000);

describeWithBrowser("task pane in a browser, outside Office", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let consoleErrors: string[];

  beforeAll(async () => {
    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads the real office.js from the local copy and starts in file mode", async () => {
    expect(await page.getAttribute("body", "data-ready")).toBe("file");
    expect(requests.some((u) => u.endsWith("/office-js/office.js"))).toBe(true);
    expect(await page.evaluate(() => typeof (globalThis as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe(
      "function",
    );
    await expect(page.getByText("浏览器文件模式").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "打开 .xlsx 文件" }).isVisible()).resolves.toBe(true);
    expect(await page.getAttribute("#xlsx-file", "accept")).toContain(".xlsx");
    // ExcelJS is not downloaded until a file is opened
    expect(requests.some((u) => /\/xlsx\.[0-9a-f]+\.js$/.test(u))).toBe(false);
    expect(await page.title()).toBe("双随机抽查助手");
    await screenshot(page, "pane-start-file-mode");
  });

  test("each tab can be selected and shows its panel", async () => {
    const tabs = ["数据", "抽取", "核验", "一企一表", "结果公示", "自检"];
    const files = ["tab-data", "tab-draw", "tab-verify", "tab-checklists", "tab-publicity", "tab-selftest"];
    for (const [k, name] of tabs.entries()) {
      const tab = page.getByRole("tab", { name });
      await tab.click();
      expect(await tab.getAttribute("aria-selected")).toBe("true");
      const panel = page.getByRole("tabpanel");
      expect(await panel.getAttribute("aria-labelledby")).toBe(await tab.getAttribute("id"));
      await screenshot(page, `pane-${files[k]}-no-file`);
    }
    // the self-test tab shows the host as seen outside Office
    await expect(page.getByRole("button", { name: "运行自检" }).isVisible()).resolves.toBe(true);
    await page.getByRole("tab", { name: "数据" }).click();
    await expect(page.getByText("请先打开一个 .xlsx 工作簿。").isVisible()).resolves.toBe(true);
  });

  test("the tabs can be reached and switched with the keyboard", async () => {
    await page.getByRole("tab", { name: "数据" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "抽取" }).getAttribute("aria-selected")).toBe("true");
    await page.getByRole("tab", { name: "数据" }).click();
  });

  test("switches to English and back", async () => {
    await page.getByRole("button", { name: /语言/ }).click();
    await expect(page.getByRole("heading", { name: "Random Inspection Assistant" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("tab", { name: "Verify" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Open .xlsx file" }).isVisible()).resolves.toBe(true);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await screenshot(page, "pane-english");
    await page.getByRole("button", { name: /Language/ }).click();
    await expect(page.getByRole("heading", { name: "双随机抽查助手" }).isVisible()).resolves.toBe(true);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
  });

  test("opens a .xlsx in the browser, loading ExcelJS only then, and lists its sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ["检查对象名录库", "执法检查人员名录库", "抽查任务"])
      workbook.addWorksheet(name).addRow(["表头"]);
    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, "pane-open-test.xlsx");
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.setInputFiles("#xlsx-file", file);
    await page.getByText("已打开：pane-open-test.xlsx").waitFor({ timeout: 30_000 });
    expect(requests.some((u) => /\/xlsx\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    await expect(page.getByRole("button", { name: "下载结果工作簿" }).isVisible()).resolves.toBe(true);

    await page.locator('[data-kind="targets"]').click();
    await expect(page.getByRole("option", { name: "执法检查人员名录库" }).isVisible()).resolves.toBe(true);
    await page.getByRole("option", { name: "检查对象名录库" }).click();
    await expect(page.locator('[data-kind="targets"]').textContent()).resolves.toContain("检查对象名录库");
    await screenshot(page, "pane-tab-data-file-open");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载结果工作簿" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("pane-open-test-结果.xlsx");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile((await saved.path())!);
    expect(back.worksheets.map((w) => w.name)).toEqual(["检查对象名录库", "执法检查人员名录库", "抽查任务"]);

    for (const [name, file] of [
      ["抽取", "pane-tab-draw"],
      ["核验", "pane-tab-verify"],
      ["一企一表", "pane-tab-checklists"],
      ["结果公示", "pane-tab-publicity"],
      ["自检", "pane-tab-selftest"],
    ]) {
      await page.getByRole("tab", { name }).click();
      // a workbook without draws: the checklist and publicity tabs say what to do first
      if (name === "一企一表")
        await page.getByText("工作簿中还没有有效的抽取结果，请先在“抽取”页抽取。").waitFor({ timeout: 10_000 });
      if (name === "结果公示") {
        await page.getByText("还没有任务完成有效抽取，请先在“抽取”页抽取。").waitFor({ timeout: 10_000 });
        await expect(page.getByRole("button", { name: "生成结果公示" }).isDisabled()).resolves.toBe(true);
      }
      await screenshot(page, file);
    }
  });

  test("never made a request outside localhost, and logged no errors", async () => {
    // office.js starts its telemetry frame 3 s after loading: give it the chance to misbehave
    await page.waitForTimeout(4000);
    expect(requests.length).toBeGreaterThan(3);
    expect(externalRequests(requests)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

const SAMPLE = join(ROOT, "assets", "sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const TASK_LABEL = "XH-2026-03 新华区2026年第三次跨部门联合抽查";
const SEED = "20260401-福彩3D-123";
const DATE = "2026-04-01";

/** Chooses an option of the Fluent drop-down labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

/**
 * Saves a screenshot after checking that nothing sticks out sideways: a task pane has no
 * horizontal scroll bar worth the name, so every element must fit the pane's width.
 */
async function shot(page: Page, name: string): Promise<void> {
  const wider = await page.evaluate(() =>
    Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[${(el.textContent ?? "").slice(0, 30)}] ${el.getBoundingClientRect().right}`,
      ),
  );
  expect([name, wider]).toEqual([name, []]);
  await screenshot(page, name);
}

/** Opens a .xlsx in the pane and waits until the pane says so. */
async function openInPane(page: Page, file: string, name: string): Promise<void> {
  await page.setInputFiles("#xlsx-file", file);
  await page.getByText(`已打开：${name}`).waitFor({ timeout: 30_000 });
}

describeWithBrowser("a clerk's whole job in browser file mode, on the sample workbook", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let wide: Page;
  let wideRequests: string[] = [];
  let wideErrors: string[] = [];
  let requests: string[];
  let consoleErrors: string[];
  let downloaded: string;
  let shownDigest: string;

  beforeAll(async () => {
    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser, 320));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=file]", { timeout: 30_000 });
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("opens the sample and checks it: no errors", async () => {
    await openInPane(page, SAMPLE, "sample-新华区-2026.xlsx");
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText("检查通过：没有错误。").waitFor({ timeout: 30_000 });
    await expect(page.getByText("事项 29 条，检查对象 300 个，检查人员 30 人，任务 1 个").isVisible()).resolves.toBe(
      true,
    );
    await shot(page, "pane-job-1-check-320");
  });

  test("previews, then draws the task with the entered seed and date", async () => {
    await page.getByRole("tab", { name: "抽取" }).click();
    await choose(page, "抽查任务", TASK_LABEL);
    await page.getByLabel("抽取日期").fill(DATE);
    await page.getByRole("button", { name: "查看抽取计划" }).click();
    const plan = page.getByRole("region", { name: "查看抽取计划" });
    await plan.waitFor();
    // the sample's five strata, each with its eligible and planned counts
    await expect(plan.getByRole("rowheader").allTextContents()).resolves.toEqual(["重点", "A", "B", "C", "D"]);
    await shot(page, "pane-job-2-preview-320");

    await page.getByLabel("操作人").fill("张三");
    await page.getByLabel("监督人").fill("李四");
    await page.getByLabel("随机种子").fill(SEED);
    await page.getByRole("button", { name: "抽取", exact: true }).click();
    const done = page.getByText(/抽取完成：抽中 17 户，结果表“抽取结果-XH-2026-03-1”/).first();
    await done.waitFor({ timeout: 60_000 });
    shownDigest = (await page.getByTestId("draw-digest").first().textContent()) ?? "";
    expect(shownDigest).toMatch(/^[0-9a-f]{64}$/);
    await shot(page, "pane-job-3-drawn-320");
  });

  test("verifies the draw: passed", async () => {
    await page.getByRole("tab", { name: "核验" }).click();
    await page.getByRole("button", { name: "核验全部抽取" }).click();
    await page.getByText("通过", { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.getByText("不一致", { exact: true }).count()).resolves.toBe(0);
    await shot(page, "pane-job-4-verified-320");
  });

  test("writes the 一企一表 of the valid draw, offered without asking", async () => {
    await page.getByRole("tab", { name: "一企一表" }).click();
    const picker = page.getByRole("combobox", { name: "选择抽取结果" });
    await expect(picker.textContent()).resolves.toContain("抽取结果-XH-2026-03-1（有效");
    await page.getByRole("button", { name: "生成一企一表" }).click();
    await page.getByText("已生成 17 份一企一表，写入工作表“一企一表-XH-2026-03-1”。").waitFor({ timeout: 60_000 });
    await shot(page, "pane-job-5-checklists-320");
  });

  test("builds the publicity with its key figures; nothing is overdue before any inspection", async () => {
    await page.getByRole("tab", { name: "结果公示" }).click();
    // the one task with a valid draw is chosen already
    await expect(page.getByRole("combobox", { name: "抽查任务" }).textContent()).resolves.toContain(TASK_LABEL);
    await page.getByRole("button", { name: "生成结果公示" }).click();
    await page.getByText("已写入：抽查名单公示-XH-2026-03、结果公示-XH-2026-03、抽查统计").waitFor({ timeout: 60_000 });
    const figure = (key: string) => page.locator(`[data-figure="${key}"] dd`).textContent();
    await expect(figure("selected")).resolves.toBe("17");
    await expect(figure("inspected")).resolves.toBe("0");
    await expect(figure("coverage")).resolves.toContain("5.67%");
    await expect(figure("coverage")).resolves.toContain("最低 3%");
    await expect(figure("coverage")).resolves.toContain("达到最低抽查比例");
    await expect(page.getByText("没有逾期未公示的结果。").isVisible()).resolves.toBe(true);
    await shot(page, "pane-job-6-publicity-320");
  });

  test("downloads a workbook whose draw is the command line's draw on the same inputs, and verifies", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载结果工作簿" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe("sample-新华区-2026-结果.xlsx");
    downloaded = join(OUTPUT, "pane-job-download.xlsx");
    await saved.saveAs(downloaded);

    const book = await XlsxWorkbook.fromBuffer(readFileSync(downloaded));
    const names = await book.sheetNames();
    for (const sheet of [
      "抽取结果-XH-2026-03-1",
      "抽取快照-XH-2026-03-1",
      "抽取记录",
      "检查结果",
      "一企一表-XH-2026-03-1",
      "结果公示-XH-2026-03",
      "抽查统计",
    ])
      expect(names).toContain(sheet);
    const verified = await verifyDraws(book, { lang: "zh" });
    expect(verified.ok).toBe(true);
    expect(verified.draws.map((d) => [d.sheet, d.ok])).toEqual([["抽取结果-XH-2026-03-1", true]]);

    const [stored] = await (await loadBook(book, {})).validDraws();
    expect(stored.record).toMatchObject({
      taskId: TASK,
      seed: SEED,
      seedSource: "entered",
      date: DATE,
      operator: "张三",
      witness: "李四",
    });

    const cli = await runDraw(await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE)), {
      lang: "zh",
      taskId: TASK,
      seed: SEED,
      date: DATE,
    });
    if (!cli.ok) throw new Error(cli.errors.map((e) => e.message).join("\n"));
    expect(stored.outcome.selected.map((s) => s.uscc)).toEqual(cli.report.selected.map((s) => s.uscc));
    expect(stored.outcome.selected.map((s) => s.teams)).toEqual(
      cli.report.selected.map((s) => s.teams.map((x) => ({ department: x.department, inspectors: x.inspectors }))),
    );
    expect(stored.outcome.selected.map((s) => s.leader)).toEqual(cli.report.selected.map((s) => s.leader));
    expect(stored.record.digest).toBe(cli.report.digest);
    expect(shownDigest).toBe(cli.report.digest);
  });

  test("at 500 px, with results typed in: overdue rows are listed, each leading to its 检查结果 row", async () => {
    const book = await XlsxWorkbook.fromBuffer(readFileSync(downloaded));
    fillResults(book, [
      {
        row: 2,
        completed: "2026-04-10",
        result: "发现问题已责令整改",
        problem: "消毒记录不全",
        published: "2026-04-20",
      },
      { row: 3, completed: "2026-04-10", result: "未发现问题", published: "2026-04-20" },
      { row: 4, completed: "2026-04-10", result: "未发现问题" },
      { row: 5, completed: "2026-06-25", result: "未发现问题" },
      { row: 7, completed: "2026-04-13", result: "未发现问题" },
    ]);
    const filled = join(OUTPUT, "pane-job-results-typed.xlsx");
    writeFileSync(filled, await book.toBuffer());
    const expectedRows = (await book.readSheet("检查结果")).rows;

    const p = await panePage(browser, 500);
    wide = p.page;
    wideRequests = p.requests;
    wideErrors = p.consoleErrors;
    await wide.goto(`${server.url}/taskpane.html`);
    await wide.waitForSelector("body[data-ready=file]", { timeout: 30_000 });
    await openInPane(wide, filled, "pane-job-results-typed.xlsx");
    await wide.getByRole("tab", { name: "结果公示" }).click();
    await wide.getByLabel("统计日期").fill("2026-06-30");
    await wide.getByRole("button", { name: "生成结果公示" }).click();
    await wide.getByText("逾期未公示的结果：2 行").waitFor({ timeout: 60_000 });
    const figure = (key: string) => wide.locator(`[data-figure="${key}"] dd`).textContent();
    // the third target waits for its insurance result: inspected counts targets every department finished
    await expect(figure("inspected")).resolves.toBe("2");
    await expect(figure("problems")).resolves.toBe("1");
    await expect(figure("published")).resolves.toBe("1公示率 50%");
    await expect(figure("overdue")).resolves.toBe("2");

    // the longest overdue first; each link names its row, and the row holds that target
    const links = wide.getByRole("button", { name: /^定位到“检查结果”第 \d+ 行/ });
    await expect(links.allTextContents()).resolves.toEqual(["第 4 行", "第 7 行"]);
    for (const [k, row] of [4, 7].entries()) {
      const item = wide.locator("li[data-uscc]").nth(k);
      const uscc = await item.getAttribute("data-uscc");
      expect(uscc).toBe(expectedRows[row - 1][1]);
      await expect(item.textContent()).resolves.toContain(String(expectedRows[row - 1][2]));
    }
    await links.nth(1).focus();
    await wide.keyboard.press("Enter");
    await wide.getByText("浏览器文件模式无法在表格中定位：请在下载的工作簿中查看“检查结果”第 7 行。").waitFor();
    await shot(wide, "pane-job-7-overdue-500");

    await wide.getByRole("button", { name: /语言/ }).click();
    await wide.getByRole("button", { name: "Build publicity" }).click();
    await wide.getByText("Overdue for publication: 2").waitFor({ timeout: 60_000 });
    await shot(wide, "pane-job-8-overdue-english-500");
    await wide.getByRole("button", { name: /Language/ }).click();
  });

  test("refuses the 一企一表 of a draw whose locked result was altered, and says why", async () => {
    const book = await XlsxWorkbook.fromBuffer(readFileSync(downloaded));
    const [stored] = await (await loadBook(book, {})).validDraws();
    const first = stored.snapshot.targets.find((x) => x.uscc === stored.outcome.selected[0].uscc)!;
    const cell = alterCell(book, "抽取结果-XH-2026-03-1", first.name, `${first.name}（改）`);
    const forged = join(OUTPUT, "pane-job-forged.xlsx");
    writeFileSync(forged, await book.toBuffer());

    await openInPane(wide, forged, "pane-job-forged.xlsx");
    await wide.getByRole("tab", { name: "一企一表" }).click();
    await expect(wide.getByRole("combobox", { name: "选择抽取结果" }).textContent()).resolves.toContain(
      "抽取结果-XH-2026-03-1",
    );
    await wide.getByRole("button", { name: "生成一企一表" }).click();
    const alert = wide.getByRole("alert").filter({ hasText: "已拒绝" });
    await alert.waitFor({ timeout: 60_000 });
    await expect(alert.textContent()).resolves.toContain("核验未通过");
    await expect(alert.textContent()).resolves.toContain(`抽取结果-XH-2026-03-1!${cell}`);
    await expect(wide.getByText(/已生成 \d+ 份一企一表/).count()).resolves.toBe(0);
    await shot(wide, "pane-job-9-refused-500");
  });

  test("never made a request outside localhost, and logged no errors", async () => {
    expect(externalRequests([...requests, ...wideRequests])).toEqual([]);
    expect([...consoleErrors, ...wideErrors]).toEqual([]);
  });
});
