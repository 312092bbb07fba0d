// npm run build:wps, checked offline: the add-in folder WPS loads (ribbon.xml and the callbacks it
// names, index.html, the pane without office.js, bundles an older WPS engine can parse), the
// offline .7z in wpsjs's layout, and jsplugins.xml pointing where docs/wps.md says. Then the
// built pane in a real Chromium, with the ET fake as the page's window.Application (as WPS gives
// an add-in page its own): it detects WPS at once (no office.js, nothing fetched from outside),
// works on the open workbook, checks the sample's data and passes the WPS self-test, whose
// writes go through the bundled adapter into the fake. One file, so that the build is made once.
import { execFileSync } from "child_process";
import { chmodSync, existsSync, readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import { parse } from "acorn";
import { SaxesParser } from "saxes";
import { buildWpsAddin, ROOT, SERVER } from "./build";
import { buildSync } from "esbuild";
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

jest.setTimeout(900_000);

interface El {
  name: string;
  attributes: Record<string, string>;
  children: El[];
}

/** A strict parse (saxes throws on any well-formedness error) into a small element tree. */
function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: "#document", attributes: {}, children: [] };
  const stack = [root];
  parser.on("opentag", (tag) => {
    const el: El = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}
const all = (el: El): El[] => [el, ...el.children.flatMap(all)];

const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
let out: string;
let addin: string;

beforeAll(() => {
  out = buildWpsAddin();
  addin = join(out, "shuangsuiji");
});

/** ribbon.js run as WPS runs it, over a stand-in Application that records the task pane. */
function ribbon(book = "C:\\抽查\\甲.xlsx") {
  const storage = new Map<string, unknown>();
  const panes: { url: string; Visible: boolean; DockPosition?: number; ID: number; navigated: string[] }[] = [];
  const app = {
    ActiveWorkbook: { FullName: book, Name: "甲.xlsx" } as { FullName: string; Name: string } | null,
    PluginStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: unknown) => storage.set(k, v),
    },
    CreateTaskPane(url: string) {
      const pane = {
        url,
        Visible: false,
        ID: panes.length + 1,
        navigated: [] as string[],
        Navigate: (u: string) => pane.navigated.push(u),
      };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes[id - 1],
  };
  const scope: Record<string, unknown> = {
    window: { Application: app },
    document: { location: "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/shuangsuiji_0.1.0/index.html" },
    decodeURI,
  };
  runInNewContext(readFileSync(join(addin, "ribbon.js"), "utf8"), scope);
  return { scope: scope as Record<string, (...a: unknown[]) => unknown>, app, panes };
}

describe("the add-in folder", () => {
  test("holds what WPS loads: the entry page, the ribbon and its callbacks, the pane and its engine worker", () => {
    for (const f of [
      "index.html",
      "ribbon.xml",
      "ribbon.js",
      "taskpane.html",
      "taskpane.js",
      "engine-worker.js",
      "images/icon.png",
    ])
      expect(existsSync(join(addin, f))).toBe(true);
    expect(readFileSync(join(addin, "index.html"), "utf8")).toMatch(/<script[^>]*src=["']?ribbon\.js/);
  });

  test("ribbon.xml is well-formed customUI whose every callback is a function of ribbon.js", () => {
    const ui = parseXml(readFileSync(join(addin, "ribbon.xml"), "utf8"));
    expect(ui.name).toBe("customUI");
    expect(ui.attributes.xmlns).toBe("http://schemas.microsoft.com/office/2006/01/customui");
    const callbacks = all(ui).flatMap((el) =>
      Object.entries(el.attributes)
        .filter(([k]) => /^(on[A-Z]|get[A-Z])/.test(k))
        .map(([, v]) => v),
    );
    expect(callbacks).toEqual(expect.arrayContaining(["OnAddinLoad", "OnAction", "GetImage"]));
    const { scope } = ribbon();
    for (const name of callbacks) expect(typeof scope[name]).toBe("function");
    const button = all(ui).find((el) => el.name === "button")!;
    expect(button.attributes.label).toBe("抽查助手");
    expect(existsSync(join(addin, String(scope.GetImage({ Id: button.attributes.id }))))).toBe(true);
  });

  test("the button opens the pane beside the entry page, hides it, and reloads it for another workbook", () => {
    const { scope, app, panes } = ribbon();
    scope.OnAddinLoad({});
    scope.OnAction({ Id: "ssjShowPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0].url).toBe(
      "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/shuangsuiji_0.1.0/taskpane.html",
    );
    expect(panes[0]).toMatchObject({ Visible: true, DockPosition: 2 });
    scope.OnAction({ Id: "ssjShowPane" });
    expect(panes[0].Visible).toBe(false);
    app.ActiveWorkbook = { FullName: "C:\\抽查\\乙.xlsx", Name: "乙.xlsx" };
    scope.OnAction({ Id: "ssjShowPane" });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(true);
    expect(panes[0].navigated).toEqual([panes[0].url]);
  });

  test("the pane loads no office.js, and every bundle parses as ES2019, what Chrome 69 reads (ribbon.js as ES5)", () => {
    const html = readFileSync(join(addin, "taskpane.html"), "utf8");
    expect(html).not.toMatch(/office/i);
    const scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["taskpane.js"]);
    const bundles = execFileSync("ls", [addin], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f.endsWith(".js"));
    expect(bundles.length).toBeGreaterThanOrEqual(4);
    for (const f of bundles) {
      const code = readFileSync(join(addin, f), "utf8");
      expect(() => parse(code, { ecmaVersion: f === "ribbon.js" ? 5 : 2019, sourceType: "script" })).not.toThrow();
    }
    // the check bites: optional chaining is ES2020
    expect(() => parse("a?.b", { ecmaVersion: 2019 })).toThrow();
  });
});

describe("deployment files", () => {
  test("jsplugins.xml loads the add-in online from the server folder", () => {
    const xml = parseXml(readFileSync(join(out, "jsplugins.xml"), "utf8"));
    expect(xml.name).toBe("jsplugins");
    expect(xml.children).toEqual([
      {
        name: "jspluginonline",
        attributes: { name: "shuangsuiji", type: "et", url: `${SERVER}shuangsuiji/` },
        children: [],
      },
    ]);
  });

  test("jsplugins-offline.xml names the .7z and the version, and the .7z holds the add-in in wpsjs's layout", () => {
    const xml = parseXml(readFileSync(join(out, "jsplugins-offline.xml"), "utf8"));
    expect(xml.children).toEqual([
      {
        name: "jsplugin",
        attributes: { name: "shuangsuiji", type: "et", url: `${SERVER}shuangsuiji.7z`, version: VERSION },
        children: [],
      },
    ]);
    // npm leaves the binary without its execute bit; the build sets it, but a build cached from an
    // earlier checkout (the same sources) set it on that checkout's copy
    const sevenZip: string = require("7zip-bin").path7za;
    chmodSync(sevenZip, 0o755);
    const listing = execFileSync(sevenZip, ["l", join(out, "shuangsuiji.7z")], { encoding: "utf8" });
    for (const f of ["index.html", "ribbon.xml", "ribbon.js", "taskpane.html", "taskpane.js", "engine-worker.js"])
      expect(listing).toContain(`shuangsuiji_${VERSION}/${f}`);
  });

  test("docs/wps.md and the README tell the clerk the same names and settings", () => {
    const docs = readFileSync(join(ROOT, "docs", "wps.md"), "utf8");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const s of [
      "npm run build:wps",
      "WPS_ADDIN_URL",
      "JsApiPlugin=true",
      "JSPluginsServer=",
      "jsplugins.xml",
      "jsplugins-offline.xml",
      "shuangsuiji.7z",
      `shuangsuiji_${VERSION}`,
      "jsaddons",
    ])
      expect({ s, found: docs.includes(s) }).toEqual({ s, found: true });
    expect(readme).toContain("docs/wps.md");
    expect(readme).toContain("npm run build:wps");
  });
});

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;

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
    server = await serve(join(out, "shuangsuiji"));
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

  test("checks the sample's data through the WPS adapter, the use-cases in the engine's worker", async () => {
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText("检查通过：没有错误。").waitFor({ timeout: 60_000 });
    await expect(page.getByText(/检查对象 \d+ 个/).isVisible()).resolves.toBe(true);
    // the worker started (from the add-in's own folder) and the check ran in it: WPS's object
    // model, on the page's thread only, answered its reads
    expect(requests.filter((u) => u.endsWith("/engine-worker.js"))).toHaveLength(1);
  });

  test("passes the WPS self-test, whose writes go through the bundled adapter, and leaves no scratch sheet", async () => {
    await page.getByRole("tab", { name: "自检" }).click();
    await page.getByRole("button", { name: "运行自检" }).click();
    await page.getByText("删除自检表").waitFor({ timeout: 120_000 });
    await screenshot(page, "wps-pane-selftest");
    expect(await page.getByText("未通过", { exact: true }).count()).toBe(0);
    expect(await page.getByText("通过", { exact: true }).count()).toBeGreaterThanOrEqual(9);
    await expect(
      page
        .getByText(/WPS 表格/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    const names = await page.evaluate(() =>
      (window as unknown as { __fake: { state: { sheets: { name: string }[] } } }).__fake.state.sheets.map(
        (s) => s.name,
      ),
    );
    expect(names.some((n) => n.startsWith("自检"))).toBe(false);
    expect(names).toContain("检查对象名录库");
    expect(consoleErrors).toEqual([]);
  });
});
