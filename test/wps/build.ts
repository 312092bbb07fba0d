// The WPS add-in for the tests of test/wps: the production pane the browser tests build (one
// webpack build for the whole suite, test/browser/harness.ts), wrapped by npm run build:wps
// (wps-addin/build.cjs --from) into a temporary folder named by what it is made from.
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { buildBundle, ROOT } from "../browser/harness";

export { ROOT };
/** the server address the test build is made for */
export const SERVER = "http://intranet.example/wps/";

/** The built server folder (jsplugins.xml, shuangsuiji.7z, shuangsuiji/). */
export function buildWpsAddin(): string {
  const pane = buildBundle();
  const hash = createHash("sha256").update(basename(pane));
  for (const f of readdirSync(join(ROOT, "wps-addin")).sort())
    hash.update(f).update(readFileSync(join(ROOT, "wps-addin", f)));
  hash.update(readFileSync(join(ROOT, "package.json")));
  const dir = join(tmpdir(), `shuangsuiji-wps-${hash.digest("hex").slice(0, 16)}`);
  const done = join(dir, ".built");
  if (existsSync(done)) return dir;
  execFileSync(process.execPath, [join(ROOT, "wps-addin", "build.cjs"), "--from", pane], {
    cwd: ROOT,
    env: { ...process.env, WPS_DIST_DIR: dir, WPS_ADDIN_URL: SERVER },
    stdio: "pipe",
  });
  writeFileSync(done, new Date().toISOString());
  return dir;
}
