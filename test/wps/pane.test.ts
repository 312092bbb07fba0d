// The WPS build of the task pane in a real Chromium, with the ET fake as the page's
// window.Application (as WPS gives an add-in page its own): the pane detects WPS at once (no
// office.js, nothing fetched from outside), works on the open workbook, checks the sample's data
// and passes the WPS self-test, whose writes go through the bundled adapter into the fake.
import { buildSync } from "esbuild";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { readXlsxFile } from "../../src/workbook/xlsx/file";
import type { SheetData } from "../../src/workbook/port";
import {
  externalRequests,
  findBrowser,
  launchBrowser,
  panePage,
  screenshot,
  serve,
  warnNoBrowser,
  type StaticServer,
} from "../browser/harness";
import { buildWpsAddin, ROOT } from "./build";

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;

jest.setTimeout(900_000);

/** The sample's sheets, Date cells as serials (JSON carries no Date). */
async function sampleSheets(): Promise<SheetData[]> {
  const book = await readXlsxFile(join(ROOT, "assets", "sample-新华区-2026.xlsx"));
  const out: SheetData[] = [];
  for (const name of await book.sheetNames()) {
    const s = await book.readSheet(name);
    const rows = s.rows.map((r) =>
      r.map((v) => (v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000 : v)),
    );
    out.push({ ...s, rows });
  }
  return out;
}

describeWithBrowser("the task pane inside WPS 表格 (ET fake in Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let consoleErrors: string[];

  beforeAll(async () => {
    server = await serve(join(buildWpsAddin(), "shuangsuiji"));
    const fake = buildSync({
      entryPoints: [join(__dirname, "fake-wps.ts")],
      bundle: true,
      format: "iife",
      globalName: "FakeWps",
      write: false,
      target: "es2020",
    }).outputFiles[0].text;
    const sheets = JSON.stringify(await sampleSheets());
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser, 360));
    await page.addInitScript({
      content: `${fake}\nwindow.__fake = FakeWps.createFakeWps(${sheets}, { workbookName: "新华区-2026.xlsx" });\nwindow.Application = window.__fake.app;`,
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("starts in WPS at once, on the open workbook, with nothing fetched from outside and no office.js", async () => {
    expect(await page.getAttribute("body", "data-ready")).toBe("wps");
    await expect(page.getByText("WPS 表格工作簿").isVisible()).resolves.toBe(true);
    expect(await page.getByRole("button", { name: "打开 .xlsx 文件" }).count()).toBe(0);
    expect(requests.some((u) => /office/i.test(u))).toBe(false);
    expect(externalRequests(requests)).toEqual([]);
  });

  test("checks the sample's data through the WPS adapter", async () => {
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText("检查通过：没有错误。").waitFor({ timeout: 60_000 });
    await expect(page.getByText(/检查对象 \d+ 个/).isVisible()).resolves.toBe(true);
  });

  test("passes the WPS self-test, whose writes go through the bundled adapter, and leaves no scratch sheet", async () => {
    await page.getByRole("tab", { name: "自检" }).click();
    await page.getByRole("button", { name: "运行自检" }).click();
    await page.getByText("删除自检表").waitFor({ timeout: 120_000 });
    await screenshot(page, "wps-pane-selftest");
    expect(await page.getByText("未通过", { exact: true }).count()).toBe(0);
    expect(await page.getByText("通过", { exact: true }).count()).toBeGreaterThanOrEqual(9);
    await expect(page.getByText(/WPS 表格/).first().isVisible()).resolves.toBe(true);
    const names = await page.evaluate(() =>
      (window as unknown as { __fake: { state: { sheets: { name: string }[] } } }).__fake.state.sheets.map((s) => s.name),
    );
    expect(names.some((n) => n.startsWith("自检"))).toBe(false);
    expect(names).toContain("检查对象名录库");
    expect(consoleErrors).toEqual([]);
  });
});
