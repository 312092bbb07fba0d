// The digest in a browser: the core's snapshotDigest, bundled alone for the web (no process, so no
// node:crypto: @noble/hashes), gives in headless Chromium the digest node:crypto gives here, for
// the worked example of docs/draw-protocol.md and for a snapshot whose text needs every escape.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import type { Browser } from "playwright-core";
import { snapshotDigest } from "../../../src/core/draw/canonical";
import { findBrowser, launchBrowser, ROOT, warnNoBrowser } from "../../browser/harness";
import { example, target } from "./fixture";

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;

jest.setTimeout(240_000);

/** 2,000 targets whose names hold quotes, backslashes, controls, a lone surrogate, an emoji. */
const awkward = () => {
  const { snapshot } = example();
  const odd = ['"', "\\", "\n", "\u0001", "\ud800", "\u{1f600}", "对象"];
  return {
    ...snapshot,
    targets: Array.from({ length: 2000 }, (_, i) => target(i + 1, { name: odd[i % odd.length] + `对象${i}` })),
  };
};

/** The entry bundled for the page: the core's digest, on window, of a snapshot given as JSON. */
const ENTRY = `
import { snapshotDigest } from ${JSON.stringify(join(ROOT, "src/core/draw/canonical"))};
window.digestOf = (json) => snapshotDigest(JSON.parse(json));
window.hasProcess = typeof process !== "undefined";
`;

function bundle(dir: string): Promise<string> {
  writeFileSync(join(dir, "entry.js"), ENTRY);
  return new Promise((ok, fail) =>
    webpack(
      {
        mode: "production",
        target: "web",
        entry: join(dir, "entry.js"),
        output: { path: dir, filename: "digest.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: "ts-loader",
              options: { transpileOnly: true, configFile: join(ROOT, "tsconfig.json") },
            },
          ],
        },
        performance: { hints: false },
      },
      (err, stats) => {
        if (err || stats?.hasErrors()) fail(err ?? new Error(stats!.toString("errors-only")));
        else ok(readFileSync(join(dir, "digest.js"), "utf8"));
      },
    ),
  );
}

describeWithBrowser("snapshotDigest in headless Chromium", () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "digest-browser-"));
    browser = await launchBrowser(executable!);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("gives the digests node:crypto gives, with @noble/hashes", async () => {
    const script = await bundle(dir);
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>digest</title>");
    await page.addScriptTag({ content: script });
    expect(await page.evaluate(() => (window as unknown as { hasProcess: boolean }).hasProcess)).toBe(false);
    const digestOf = (json: string) =>
      page.evaluate((j) => (window as unknown as { digestOf: (j: string) => Promise<string> }).digestOf(j), json);
    const worked = example().snapshot;
    expect(await digestOf(JSON.stringify(worked))).toBe(
      "a04d1fa2f74e87e747f00d280241563cbb8e7ff89999fb46d8b83479a2ee5a80",
    );
    const odd = awkward();
    expect(await digestOf(JSON.stringify(odd))).toBe(await snapshotDigest(odd));
  });
});
