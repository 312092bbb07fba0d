// The command as users run it: the bundle built by scripts/build-cli.cjs, in its own process.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/**
 * Builds the command line package into a fresh temp folder (from the sources as they are now,
 * so that the test never runs a stale build); returns the folder.
 */
const made: string[] = [];

/** Removes the folders made by buildPackage. */
export function removeBuilt(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function buildPackage(): string {
  const work = mkdtempSync(join(tmpdir(), "ssj-built-"));
  made.push(work);
  const dir = join(work, "pkg");
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.cjs"), "--out", dir], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`build-cli failed: ${r.stderr}`);
  return dir;
}

export interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundle to its end. */
export function runBundle(pkg: string, args: string[], cwd = tmpdir()): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(pkg, "shuangsuiji.cjs"), ...args], {
    encoding: "utf8",
    cwd,
    timeout: 90_000,
  });
}

/** Starts the bundle; `done` settles when it exits. */
export function startBundle(
  pkg: string,
  args: string[],
): { pid: number; kill: (s: NodeJS.Signals) => void; done: Promise<Done> } {
  const child = spawn(process.execPath, [join(pkg, "shuangsuiji.cjs"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<Done>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { pid: child.pid!, kill: (s) => child.kill(s), done };
}
