#!/usr/bin/env node
/* eslint-disable no-undef */
// npm run build:wps — the WPS 表格 add-in, ready for an intranet server and for offline installs.
// The pane is the very build the Excel add-in serves (webpack.config.js, production), taken as it
// is and wrapped as a WPS add-in: without office.js (WPS has its own object model), its bundles'
// syntax lowered with esbuild to a browser engine as old as WPS 2019's (WPS_TARGET, default
// chrome69: the engine a given WPS embeds is not published), beside the add-in's entry page, ribbon
// and icon (wps-addin/). dist-wps/ (WPS_DIST_DIR) is the server folder; copy all of it to the server:
//   shuangsuiji/           the add-in (online mode): index.html, ribbon.xml, ribbon.js, taskpane.html …
//   shuangsuiji.7z         the same add-in packed by wpsjs for offline mode (folder shuangsuiji_<version>/)
//   jsplugins.xml          online mode: WPS loads the add-in from <WPS_ADDIN_URL>shuangsuiji/ at each start
//   jsplugins-offline.xml  offline mode: WPS fetches <WPS_ADDIN_URL>shuangsuiji.7z once and runs it locally
// WPS_ADDIN_URL is where dist-wps/ is served, ending in '/' (default http://127.0.0.1:3889/).
// Options: --from DIR wraps a pane already built by `npm run build` (DIST_DIR) instead of building one.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ADDIN = "shuangsuiji";
const OUT = path.resolve(ROOT, process.env.WPS_DIST_DIR || "dist-wps");
const VERSION = require(path.join(ROOT, "package.json")).version;
const TARGET = process.env.WPS_TARGET || "chrome69";

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

/** The built pane, as the add-in folder WPS loads. */
function wrapPane(paneDir, addinDir) {
  if (!fs.existsSync(path.join(paneDir, "taskpane.html"))) fail(`${paneDir} 中没有构建好的任务窗格（taskpane.html）`);
  fs.rmSync(addinDir, { recursive: true, force: true });
  // office.js and the Excel manifest have no use in WPS
  fs.cpSync(paneDir, addinDir, {
    recursive: true,
    filter: (src) => !/[\\/]office-js([\\/]|$)|[\\/]manifest[^\\/]*\.xml$|[\\/]\.built$/.test(src),
  });
  const htmlFile = path.join(addinDir, "taskpane.html");
  const html = fs
    .readFileSync(htmlFile, "utf8")
    .replace(/<script[^>]*src=["']?[^"' >]*office\.js["']?[^>]*>\s*<\/script>/gi, "");
  if (/office\.js/i.test(html)) fail("taskpane.html 中的 office.js 引用未能去掉");
  fs.writeFileSync(htmlFile, html);
  const esbuild = require("esbuild");
  for (const f of fs.readdirSync(addinDir).filter((n) => n.endsWith(".js"))) {
    const file = path.join(addinDir, f);
    const out = esbuild.transformSync(fs.readFileSync(file, "utf8"), {
      target: TARGET,
      minifyWhitespace: true,
      charset: "utf8",
    });
    fs.writeFileSync(file, out.code);
  }
  for (const f of ["index.html", "ribbon.xml", "ribbon.js"])
    fs.copyFileSync(path.join(__dirname, f), path.join(addinDir, f));
  fs.mkdirSync(path.join(addinDir, "images"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "assets", "icon-32.png"), path.join(addinDir, "images", "icon.png"));
}

async function main() {
  const url = serverUrl();
  const addinDir = path.join(OUT, ADDIN);
  const at = process.argv.indexOf("--from");
  let paneDir = at > 0 ? path.resolve(process.argv[at + 1] || "") : null;
  let built = null;
  if (!paneDir) {
    built = fs.mkdtempSync(path.join(os.tmpdir(), "ssj-pane-"));
    // the CDN reference is dropped below: no need to copy office.js only to leave it out
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, DIST_DIR: built, OFFICE_JS: "cdn" },
    });
    paneDir = built;
  }
  fs.mkdirSync(OUT, { recursive: true });
  try {
    wrapPane(paneDir, addinDir);
  } finally {
    if (built) fs.rmSync(built, { recursive: true, force: true });
  }
  // engine-worker.js: the use-cases run in it in WPS too (src/wps/host.ts)
  for (const f of ["index.html", "ribbon.xml", "ribbon.js", "taskpane.html", "taskpane.js", "engine-worker.js"])
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
