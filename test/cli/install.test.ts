// The package installs globally and works from any folder: built, `npm pack`ed, and installed
// with `npm i -g` into a temp prefix, as a clerk's administrator would; it brings nothing with
// it (the pane's React and Fluent UI stay out: every dependency is inside the bundle).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT, buildPackage, removeBuilt } from "./built";
import { SAMPLE } from "./helpers";

const npm = (args: string[], cwd: string) =>
  spawnSync("npm", args, {
    encoding: "utf8",
    cwd,
    timeout: 120_000,
    env: { ...process.env, npm_config_audit: "false" },
  });

afterAll(removeBuilt);

test("npm pack + npm i -g: shuangsuiji runs from another folder, with no dependency installed", () => {
  const pkg = buildPackage();
  const work = dirname(pkg);
  const packed = npm(["pack", pkg, "--pack-destination", work], ROOT);
  expect(packed.status).toBe(0);
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const tgz = join(work, `shuangsuiji-${version}.tgz`);
  const prefix = join(work, "prefix");
  const installed = npm(["install", "--global", "--prefix", prefix, "--no-fund", tgz], work);
  expect(installed.stderr).not.toMatch(/ERR!/);
  expect(installed.status).toBe(0);
  // nothing but the package itself: no React, no Fluent UI, no ExcelJS folder
  const modules = join(prefix, "lib", "node_modules");
  expect(readdirSync(modules)).toEqual(["shuangsuiji"]);
  expect(readdirSync(join(modules, "shuangsuiji")).sort()).toEqual(
    ["README.md", "THIRD-PARTY-LICENSES.txt", "package.json", "shuangsuiji.cjs"].sort(),
  );
  const elsewhere = mkdtempSync(join(work, "elsewhere-"));
  const command = join(prefix, "bin", "shuangsuiji");
  const v = spawnSync(command, ["--version"], { encoding: "utf8", cwd: elsewhere });
  expect(v.stdout.trim()).toBe(`shuangsuiji ${version}`);
  const check = spawnSync(command, ["check", SAMPLE, "--json"], { encoding: "utf8", cwd: elsewhere, timeout: 60_000 });
  expect(check.status).toBe(0);
  expect(JSON.parse(check.stdout)).toEqual({ ok: true, errors: [], warnings: [] });
  expect(readFileSync(join(modules, "shuangsuiji", "THIRD-PARTY-LICENSES.txt"), "utf8")).toContain("exceljs@");
});
