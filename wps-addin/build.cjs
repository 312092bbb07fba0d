#!/usr/bin/env node
/* eslint-disable no-undef */
// npm run build:wps — the WPS 表格 add-in, ready for an intranet server and for offline installs.
// dist-wps/ (WPS_DIST_DIR) is the server folder as a whole; copy all of it to the server:
//   shuangsuiji/           the add-in (online mode): index.html, ribbon.xml, ribbon.js, taskpane.html …
//   shuangsuiji.7z         the same add-in packed by wpsjs for offline mode (folder shuangsuiji_<version>/)
//   jsplugins.xml          online mode: WPS loads the add-in from <WPS_ADDIN_URL>shuangsuiji/ at each start
//   jsplugins-offline.xml  offline mode: WPS fetches <WPS_ADDIN_URL>shuangsuiji.7z once and runs it locally
// WPS_ADDIN_URL is where dist-wps/ is served, ending in '/' (default http://127.0.0.1:3889/).
// Options: --no-bundle reuses dist-wps/shuangsuiji/ as built before (packaging only).
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ADDIN = "shuangsuiji";
const OUT = path.resolve(ROOT, process.env.WPS_DIST_DIR || "dist-wps");
const VERSION = require(path.join(ROOT, "package.json")).version;

function fail(message) {
  console.error(`WPS 加载项打包失败：${message}`);
  process.exit(1);
}

/** The server address, checked: http(s), ending in '/'. */
function serverUrl() {
  const url = process.env.WPS_ADDIN_URL || "http://127.0.0.1:3889/";
  if (!/^https?:\/\/[^\s"<>]+\/$/.test(url))
    fail(`WPS_ADDIN_URL 应是以 / 结尾的 http(s) 地址，例如 http://内网服务器/wps/，而不是 ${url}`);
  return url;
}

const xmlAttr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** jsplugins.xml as WPS reads it (the format wpsjs itself writes for `wpsjs debug`). */
function jsplugins(url, offline) {
  const entry = offline
    ? `  <jsplugin name="${ADDIN}" type="et" url="${xmlAttr(`${url}${ADDIN}.7z`)}" version="${VERSION}"/>`
    : `  <jspluginonline name="${ADDIN}" type="et" url="${xmlAttr(`${url}${ADDIN}/`)}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${entry}\n</jsplugins>\n`;
}

/** The offline package by wpsjs's own build (`wpsjs build`, offline): <name>_<version>/ in a .7z. */
async function packOffline(addinDir) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "ssj-wps-"));
  fs.writeFileSync(
    path.join(stage, "package.json"),
    JSON.stringify({ name: ADDIN, version: VERSION, addonType: "et", description: "双随机抽查助手" }),
  );
  fs.cpSync(addinDir, stage, { recursive: true });
  // npm installs 7zip-bin's binary without its execute bit on some systems
  const sevenZip = require("7zip-bin").path7za;
  fs.chmodSync(sevenZip, 0o755);
  const cwd = process.cwd();
  process.chdir(stage);
  try {
    // wpsjs reads the project's package.json from the working folder when it is loaded; its
    // package exports only vite_plugins, so its build module is found beside that file
    const wpsjsSrc = path.dirname(require.resolve("wpsjs/vite_plugins"));
    const { buildWithArgs } = require(path.join(wpsjsSrc, "lib", "build.js"));
    const buildDir = await buildWithArgs({ pluginType: "offline" });
    const archive = path.join(buildDir, `${ADDIN}.7z`);
    const unpacked = path.join(buildDir, `${ADDIN}_${VERSION}`);
    // wpsjs resolves before 7-Zip has finished; it removes the unpacked copy when it has
    for (let waited = 0; fs.existsSync(unpacked) || !fs.existsSync(archive); waited += 200) {
      if (waited > 120_000) fail("7-Zip 未能在两分钟内完成压缩");
      await new Promise((r) => setTimeout(r, 200));
    }
    fs.copyFileSync(archive, path.join(OUT, `${ADDIN}.7z`));
  } finally {
    process.chdir(cwd);
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

async function main() {
  const url = serverUrl();
  const addinDir = path.join(OUT, ADDIN);
  if (!process.argv.includes("--no-bundle")) {
    fs.rmSync(OUT, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--config", "wps-addin/webpack.config.cjs"],
      { cwd: ROOT, stdio: "inherit", env: { ...process.env, WPS_DIST_DIR: path.relative(ROOT, OUT) } },
    );
  }
  for (const f of ["index.html", "ribbon.xml", "ribbon.js", "taskpane.html", "taskpane.js"])
    if (!fs.existsSync(path.join(addinDir, f))) fail(`缺少 ${ADDIN}/${f}`);
  await packOffline(addinDir);
  fs.writeFileSync(path.join(OUT, "jsplugins.xml"), jsplugins(url, false));
  fs.writeFileSync(path.join(OUT, "jsplugins-offline.xml"), jsplugins(url, true));
  console.log(
    [
      `WPS 加载项已生成：${OUT}`,
      `  在线模式：把整个目录放到 ${url}，在 oem.ini 中设 JSPluginsServer=${url}jsplugins.xml`,
      `  离线模式：改用 jsplugins-offline.xml（WPS 首次启动时下载 ${url}${ADDIN}.7z 并在本机运行）`,
    ].join("\n"),
  );
}

main().catch((e) => fail(e && e.message ? e.message : String(e)));
