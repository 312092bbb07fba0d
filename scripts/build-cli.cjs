// Builds the command line into build/cli/: one plain-JavaScript file (esbuild bundles the CLI's
// own dependencies: ExcelJS, jszip, zod, seedrandom, chinese-days, …) and a package.json with no
// dependencies, so that `npm pack build/cli` then `npm i -g <tgz>` installs `shuangsuiji` alone,
// without the task pane's React and Fluent UI, and starts without compiling any TypeScript.
// Runs at `npm ci` / `npm install` (the root's `prepare`) and by `npm run build:cli`.
//
//   node scripts/build-cli.cjs [--out DIR]     (default: build/cli)
/* eslint-disable no-undef */
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const outIndex = process.argv.indexOf("--out");
const outDir = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, "build", "cli"));
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

let esbuild;
try {
  esbuild = require("esbuild");
} catch {
  console.error("build-cli: esbuild 不可用（npm ci 应已安装它）/ esbuild is not installed; run npm ci first");
  process.exit(1);
}

/** The package folder of a bundled input (node_modules/x or node_modules/@s/x), or null for our own files. */
function packageDir(input) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : null;
}

/** The license texts of every package in the bundle, as their licenses ask to be kept with it. */
function thirdPartyNotices(inputs) {
  const dirs = [...new Set(Object.keys(inputs).map(packageDir).filter(Boolean))].sort();
  const parts = [];
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    let pkg;
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(abs, "package.json"), "utf8"));
    } catch {
      continue;
    }
    const file = fs.readdirSync(abs).find((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f));
    const text = file
      ? fs.readFileSync(path.join(abs, file), "utf8").trim()
      : `License: ${pkg.license ?? "see the package"}`;
    parts.push(`${pkg.name}@${pkg.version} (${pkg.license ?? "?"})\n\n${text}`);
  }
  return `Third-party software bundled in shuangsuiji.cjs\n${"=".repeat(48)}\n\n${parts.join(`\n\n${"-".repeat(72)}\n\n`)}\n`;
}

async function build() {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  const bundle = path.join(outDir, "shuangsuiji.cjs");
  const temp = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [path.join(root, "src", "cli", "entry.ts")],
    outfile: temp,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minifySyntax: true,
    minifyWhitespace: true,
    keepNames: true,
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  fs.chmodSync(temp, 0o755);
  // a second build at the same time never leaves a half-written bundle
  fs.renameSync(temp, bundle);
  const cliPackage = {
    name: rootPackage.name,
    version: rootPackage.version,
    description: rootPackage.description,
    license: rootPackage.license,
    bin: { shuangsuiji: "shuangsuiji.cjs" },
    engines: rootPackage.engines,
    files: ["shuangsuiji.cjs", "README.md", "THIRD-PARTY-LICENSES.txt"],
  };
  fs.writeFileSync(path.join(outDir, "package.json"), JSON.stringify(cliPackage, null, 2) + "\n");
  fs.writeFileSync(path.join(outDir, "THIRD-PARTY-LICENSES.txt"), thirdPartyNotices(result.metafile.inputs));
  fs.writeFileSync(
    path.join(outDir, "README.md"),
    `# shuangsuiji ${rootPackage.version}\n\n双随机抽查助手的命令行：检查工作簿、冻结、抽取、核验、一企一表、结果公示。\n\n` +
      "```sh\nshuangsuiji check 名录.xlsx\nshuangsuiji draw 名录.xlsx --task 任务编号 --seed 种子 --out 结果.xlsx\nshuangsuiji --help\n```\n\n" +
      "Node.js 20 or later. Every dependency is inside shuangsuiji.cjs (licenses in THIRD-PARTY-LICENSES.txt).\n",
  );
  const size = fs.statSync(bundle).size;
  console.log(
    `build-cli: ${path.relative(root, bundle) || bundle} (${(size / 1048576).toFixed(1)} MB) in ${Date.now() - started} ms`,
  );
}

build().catch((e) => {
  console.error(`build-cli: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
