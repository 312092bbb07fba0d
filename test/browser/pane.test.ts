// The built task pane in a real Chromium, outside Office: it must start in browser file mode with
// the real office.js loaded from our own server, switch tabs and language, open a .xlsx, and never
// reach the internet (clerks' intranets have none).
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
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
    expect(await page.evaluate(() => typeof (globalThis as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe("function");
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
    for (const name of ["检查对象名录库", "执法检查人员名录库", "抽查任务"]) workbook.addWorksheet(name).addRow(["表头"]);
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
