// Builds the WPS add-in once per source tree (npm run build:wps into a temporary folder named by
// the sources' fingerprint), for the packaging and browser tests of test/wps.
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";

export const ROOT = resolve(__dirname, "../..");
/** the server address the test build is made for */
export const SERVER = "http://intranet.example/wps/";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function fingerprint(): string {
  const hash = createHash("sha256");
  const inputs = [
    ...filesUnder(join(ROOT, "src")),
    ...filesUnder(join(ROOT, "wps-addin")),
    ...filesUnder(join(ROOT, "assets")).filter((f) => /icon-.*\.png$/.test(f)),
    join(ROOT, "webpack.config.js"),
    join(ROOT, "package.json"),
    join(ROOT, "package-lock.json"),
  ].sort();
  for (const f of inputs) hash.update(f).update(readFileSync(f));
  return hash.digest("hex").slice(0, 16);
}

/** The built server folder (jsplugins.xml, shuangsuiji.7z, shuangsuiji/). */
export function buildWpsAddin(): string {
  const dir = join(tmpdir(), `shuangsuiji-wps-${fingerprint()}`);
  const done = join(dir, ".built");
  if (existsSync(done)) return dir;
  execFileSync(process.execPath, [join(ROOT, "wps-addin", "build.cjs")], {
    cwd: ROOT,
    env: { ...process.env, WPS_DIST_DIR: dir, WPS_ADDIN_URL: SERVER },
    stdio: "pipe",
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(done, new Date().toISOString());
  return dir;
}
