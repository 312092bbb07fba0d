// The built pane's Content-Security-Policy in a real Chromium: the page itself tries to reach
// another origin (a fetch, an image, a script) and each is refused before any request leaves,
// while the pane's own files (office.js, the bundles, the icon) still load and it starts.
import { readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import {
  ROOT,
  buildBundle,
  findBrowser,
  launchBrowser,
  panePage,
  screenshot,
  serve,
  warnNoBrowser,
  type StaticServer,
} from "./harness";

const { contentSecurityPolicy } = require("../../webpack.config.js") as {
  contentSecurityPolicy: (localOfficeJs: boolean) => string;
};

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;

jest.setTimeout(240_000);

/** Another origin (another port on this computer) that answers everything and counts what reached it. */
async function otherOrigin(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const js = (req.url ?? "").endsWith(".js");
    res.writeHead(200, {
      "Content-Type": js ? "text/javascript" : "image/gif",
      "Access-Control-Allow-Origin": "*",
    });
    // a script that would mark the page, a 1×1 GIF otherwise: a success would be visible
    res.end(js ? "window.__foreignScriptRan = true;" : Buffer.from("R0lGODlhAQABAAAAACw=", "base64"));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

interface Attempt {
  fetch: string;
  image: string;
  script: string;
  scriptRan: boolean;
  violations: { directive: string; blocked: string }[];
}

describeWithBrowser("the pane's Content-Security-Policy", () => {
  let server: StaticServer;
  let other: Awaited<ReturnType<typeof otherOrigin>>;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let consoleErrors: string[];

  beforeAll(async () => {
    server = await serve(buildBundle());
    other = await otherOrigin();
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready]", { timeout: 30_000 });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await other?.close();
  });

  test("the built page carries the policy, before any script, as README gives it for the server", async () => {
    const policy = contentSecurityPolicy(true);
    const meta = page.locator('head > meta[http-equiv="Content-Security-Policy"]');
    expect(await meta.getAttribute("content")).toBe(policy);
    // a policy after a script would not cover that script
    const firstScript = await page.evaluate(() => {
      const head = [...document.head.children];
      const m = head.findIndex((e) => e.getAttribute("http-equiv") === "Content-Security-Policy");
      const s = head.findIndex((e) => e.tagName === "SCRIPT");
      return { meta: m, script: s };
    });
    expect(firstScript.meta).toBeGreaterThanOrEqual(0);
    expect(firstScript.meta).toBeLessThan(firstScript.script);
    for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "worker-src 'self'"])
      expect(policy).toContain(directive);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`Content-Security-Policy: ${policy}`);
  });

  test("the pane's own files still load under it: office.js, the bundle, the icon", async () => {
    expect(await page.getAttribute("body", "data-ready")).toBe("file");
    expect(requests.some((u) => u.endsWith("/office-js/office.js"))).toBe(true);
    expect(requests.some((u) => u.endsWith("/taskpane.js"))).toBe(true);
    await expect(page.getByRole("button", { name: "打开 .xlsx 文件" }).isVisible()).resolves.toBe(true);
  });

  test("a fetch, an image and a script to another origin are refused, and nothing reaches it", async () => {
    const before = consoleErrors.length;
    const attempt: Attempt = await page.evaluate(async (target) => {
      const violations: { directive: string; blocked: string }[] = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
      );
      const fetched = await fetch(`${target}/data.json`).then(
        (r) => `answered ${r.status}`,
        (e: Error) => `refused: ${e.name}`,
      );
      const loaded = (el: HTMLImageElement | HTMLScriptElement, src: string) =>
        new Promise<string>((ok) => {
          el.onload = () => ok("loaded");
          el.onerror = () => ok("refused");
          el.src = src;
          document.body.appendChild(el);
        });
      const image = await loaded(document.createElement("img"), `${target}/pixel.gif`);
      const script = await loaded(document.createElement("script"), `${target}/tracker.js`);
      // violation events are queued as tasks: let them arrive
      await new Promise((r) => setTimeout(r, 100));
      return {
        fetch: fetched,
        image,
        script,
        scriptRan: (window as { __foreignScriptRan?: boolean }).__foreignScriptRan === true,
        violations,
      };
    }, other.url);
    expect(attempt.fetch).toBe("refused: TypeError");
    expect(attempt.image).toBe("refused");
    expect(attempt.script).toBe("refused");
    expect(attempt.scriptRan).toBe(false);
    expect(attempt.violations.map((v) => v.directive).sort()).toEqual(["connect-src", "img-src", "script-src-elem"]);
    for (const v of attempt.violations) expect(v.blocked.startsWith(other.url)).toBe(true);
    // refused in the browser, not answered: the other server saw nothing
    expect(other.hits).toEqual([]);
    // Chromium reports each refusal on the console, and nothing else went wrong
    const errors = consoleErrors.slice(before);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const e of errors) expect(e).toMatch(/Content Security Policy/);
    expect(consoleErrors.slice(0, before)).toEqual([]);
    await screenshot(page, "pane-csp-refusals");
  });
});
