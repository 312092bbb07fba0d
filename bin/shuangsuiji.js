#!/usr/bin/env node
// The shuangsuiji command of a checkout (`npx shuangsuiji`): runs the bundle that `npm ci` built
// (scripts/build-cli.cjs, into build/cli/), so that no TypeScript is compiled at each start.
// The installed package (npm pack build/cli) runs the bundle directly.
/* global require, process, __dirname */
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "build", "cli", "shuangsuiji.cjs");

if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "命令行尚未构建：请在项目文件夹中运行 npm run build:cli（npm ci 会自动构建）。\n" +
      "The command line is not built yet: run npm run build:cli (npm ci builds it).\n",
  );
  process.exit(2);
}

/** The newest modification time under a folder (the sources the bundle was built from). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

// a developer who changed the sources gets told, rather than silently running the old build
const sources = path.join(root, "src");
if (fs.existsSync(sources) && newest(sources) > fs.statSync(bundle).mtimeMs)
  process.stderr.write(
    "注意：src/ 有比命令行构建更新的修改，请运行 npm run build:cli。/ note: src/ changed since the build; run npm run build:cli.\n",
  );

require(bundle);
