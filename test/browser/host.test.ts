// The built pane in Chromium as if inside Excel: office.js is replaced by a stand-in that answers
// Office.onReady like Excel does (late, or from an old Excel), so that what host.ts decides and what
// the clerk then sees can be looked at: never file mode inside Excel, one plain message on an
// Excel too old to read a workbook, and the pane re-rendered when onReady answers late.
import type { Browser, Page } from "playwright-core";
import {
  buildBundle,
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

/** office.js as Excel's would behave: onReady after `delayMs`, ExcelApi up to 1.`max`. */
function officeStandIn(delayMs: number, max: number): string {
  return `
    (function () {
      var context = {
        host: "Excel",
        requirements: { isSetSupported: function (n, v) { return n === "ExcelApi" && Number(String(v).split(".")[1]) <= ${max}; } },
        diagnostics: { host: "Excel", platform: "PC", version: "16.0.4266.1001" },
        document: { url: "C:\\\\抽查\\\\新华区-2026.xlsx", settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { cb && cb({ status: "succeeded" }); } } }
      };
      window.Office = {
        HostType: { Excel: "Excel" },
        onReady: function () {
          return new Promise(function (resolve) {
            setTimeout(function () { window.Office.context = context; resolve({ host: "Excel", platform: "PC" }); }, ${delayMs});
          });
        }
      };
      window.Excel = { run: function () { var e = new Error("The API you are trying to use could not be found."); e.code = "ApiNotFound"; return Promise.reject(e); } };
    })();`;
}

async function openAsExcel(browser: Browser, url: string, delayMs: number, max: number): Promise<Page> {
  const { page } = await panePage(browser);
  await page.route("**/office-js/office.js", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: officeStandIn(delayMs, max) }),
  );
  await page.goto(url);
  return page;
}

describeWithBrowser("task pane inside Excel (office.js stand-in)", () => {
  let server: StaticServer;
  let browser: Browser;

  // the production build can take minutes on a loaded machine (shared with pane.test.ts)
  beforeAll(async () => {
    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("Office 2016 volume-licensed (ExcelApi 1.1): Excel mode with one plain message, not file mode", async () => {
    const page = await openAsExcel(browser, `${server.url}/taskpane.html`, 50, 1);
    await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
    expect(await page.getAttribute("body", "data-ready")).toBe("excel");
    const note = page.getByTestId("adapter-notes");
    await note.waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toContain("此版本的 Excel 不支持读取和写入工作表（需要 ExcelApi 1.7）");
    await screenshot(page, "pane-excel-2016-message");
    await page.close();
  });

  test("a slow onReady inside Excel (hinted by _host_Info): connecting, never file mode, then Excel", async () => {
    const url = `${server.url}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`;
    const page = await openAsExcel(browser, url, 11_000, 12);
    await page.waitForSelector('body[data-ready="connecting"]', { timeout: 20_000 });
    await expect(page.getByText("正在连接 Excel…").isVisible()).resolves.toBe(true);
    expect(await page.getByRole("button", { name: "打开 .xlsx 文件" }).count()).toBe(0);
    await screenshot(page, "pane-excel-connecting");
    await page.waitForSelector('body[data-ready="excel"]', { timeout: 20_000 });
    await expect(page.getByText("Excel 工作簿").first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  test("a slow onReady without hints: file mode first, then Excel when onReady names it", async () => {
    const page = await openAsExcel(browser, `${server.url}/taskpane.html`, 10_000, 12);
    await page.waitForSelector('body[data-ready="file"]', { timeout: 20_000 });
    await page.waitForSelector('body[data-ready="excel"]', { timeout: 20_000 });
    expect(await page.getByRole("button", { name: "打开 .xlsx 文件" }).count()).toBe(0);
    await screenshot(page, "pane-excel-late-onready");
    await page.close();
  });
});
