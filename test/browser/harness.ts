// Helpers for the browser tests: build the production bundle once, serve it on localhost, launch
// the system's Chromium with playwright-core, record every request, save screenshots.
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const OUTPUT = join(ROOT, "test-output");

const BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
  "/opt/google/chrome/chrome",
  "/opt/microsoft/msedge/msedge",
];

/** The first installed Chromium-family browser, or null (then the tests warn loudly and skip). */
export function findBrowser(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return BROWSERS.find((p) => existsSync(p)) ?? null;
}

export function warnNoBrowser(): void {
  const line = "!".repeat(78);
  console.warn(
    `\n${line}\n!!! NO CHROMIUM, CHROME OR EDGE FOUND: THE BROWSER TESTS OF THE TASK PANE ARE SKIPPED.\n` +
      `!!! Install chromium (apt-get install chromium) or set CHROMIUM_PATH.\n${line}\n`,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A fingerprint of what the bundle is built from, so an unchanged tree is not built twice. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const inputs = [
    ...filesUnder(join(ROOT, "src")),
    ...filesUnder(join(ROOT, "assets")).filter((f) => /icon-.*\.png$/.test(f)),
    join(ROOT, "webpack.config.js"),
    join(ROOT, "manifest.xml"),
    join(ROOT, "package-lock.json"),
  ].sort();
  for (const f of inputs) hash.update(f).update(readFileSync(f));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds the production bundle (office.js copied locally) into a temporary folder named by the
 * sources' fingerprint, and returns that folder. Test files running in parallel share the build.
 */
export function buildBundle(): string {
  const dir = join(tmpdir(), `shuangsuiji-pane-${sourceFingerprint()}`);
  const done = join(dir, ".built");
  if (existsSync(done)) return dir;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: dir, OFFICE_JS: "local" },
    stdio: "pipe",
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(done, new Date().toISOString());
  return dir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a folder over http on 127.0.0.1 at a random free port. */
export async function serve(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Every URL the page asks for, in order, kept for the no-internet assertion. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/** The requests that leave this computer (anything but localhost, data: and blob:). */
export function externalRequests(urls: string[]): string[] {
  return urls.filter((u) => {
    if (u.startsWith("data:") || u.startsWith("blob:") || u === "about:blank") return false;
    const host = new URL(u).hostname;
    return !(host === "localhost" || host === "127.0.0.1" || host === "[::1]");
  });
}

/** Saves a full-page screenshot as test-output/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A page the width of a narrow task pane (animations off, for steady screenshots), with console errors collected. */
export async function panePage(
  browser: Browser,
  width = 320,
): Promise<{ page: Page; requests: string[]; consoleErrors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  const requests = recordRequests(page);
  const consoleErrors: string[] = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  // name the resource behind a bare "Failed to load resource" console line
  page.on("response", (r) => r.status() >= 400 && consoleErrors.push(`HTTP ${r.status()} ${r.url()}`));
  return { page, requests, consoleErrors };
}
