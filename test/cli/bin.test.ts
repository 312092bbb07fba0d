// The real command: bin/shuangsuiji.js (what `npx shuangsuiji` runs in a checkout) starts the
// bundle that `npm ci` built, in its own process, with no TypeScript compiled at start.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./built";
import { SAMPLE } from "./helpers";

const BIN = join(ROOT, "bin", "shuangsuiji.js");

function shuangsuiji(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
}

beforeAll(() => {
  // the checkout's own build, from the sources as they are (what `npm ci` / prepare does)
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.cjs")], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(r.stderr);
});

describe("bin/shuangsuiji.js", () => {
  test("check on the sample exits 0 with one JSON document on stdout", () => {
    const r = shuangsuiji(["check", SAMPLE, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  test("bad usage exits 2 with the usage on stderr", () => {
    const r = shuangsuiji(["draw", SAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("命令 draw 需要选项 --task。");
    expect(r.stderr).toContain("用法 / usage");
  });

  test("--version is the package's", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const r = shuangsuiji(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`shuangsuiji ${version}`);
  });

  test("the bundle holds no TypeScript loader: it starts without tsx", () => {
    const bundle = readFileSync(join(ROOT, "build", "cli", "shuangsuiji.cjs"), "utf8");
    expect(bundle.startsWith("#!/usr/bin/env node")).toBe(true);
    expect(bundle).not.toMatch(/require\("tsx/);
    expect(readFileSync(BIN, "utf8")).not.toMatch(/tsx/);
  });
});
