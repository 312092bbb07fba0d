// The real command: bin/shuangsuiji.js as a user runs it, in its own process.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { SAMPLE } from "./helpers";

const BIN = join(__dirname, "..", "..", "bin", "shuangsuiji.js");

function shuangsuiji(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
}

describe("bin/shuangsuiji.js", () => {
  test("check on the sample exits 0 with one JSON document on stdout", () => {
    const r = shuangsuiji(["check", SAMPLE, "--json"]);
    expect(r.stderr).not.toMatch(/内部错误|internal error/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  test("bad usage exits 2 with the usage on stderr", () => {
    const r = shuangsuiji(["draw", SAMPLE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("--task");
    expect(r.stderr).toContain("用法 / usage");
  });
});
