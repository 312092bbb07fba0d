// Bench: the built command (`shuangsuiji check`, the bundle of build/cli) beside ExcelJS reading
// the same file, each a fresh node process started the same way, timed from spawn to exit (the
// median of a few runs after one unmeasured), peak RSS from /usr/bin/time when present. Run by
// bench/run.ts (cases cli-check-*); the goal is within 1.2× of the plain read.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";

type Figures = Record<string, number | string | boolean>;

const ROOT = join(__dirname, "..");
const SAMPLE = join(ROOT, "assets", "sample-新华区-2026.xlsx");
const BUNDLE = join(ROOT, "build", "cli", "shuangsuiji.cjs");
const TIME = "/usr/bin/time";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall time (ms) and peak RSS (bytes, NaN without /usr/bin/time) of one node process. */
function spawnTimed(args: string[]): { ms: number; peak: number; status: number | null; stdout: string } {
  const withTime = existsSync(TIME);
  const [cmd, argv] = withTime ? [TIME, ["-f", "%M", process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, {
    encoding: "utf8",
    maxBuffer: 64 * 1048576,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const ms = performance.now() - t0;
  const kb = withTime ? Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]) : NaN;
  return { ms, peak: kb * 1024, status: r.status, stdout: r.stdout };
}

function measure(args: string[], reps: number): Figures {
  spawnTimed(args); // unmeasured: the file and node in the page cache
  const runs = Array.from({ length: reps }, () => spawnTimed(args));
  const failed = runs.find((r) => r.status !== 0);
  if (failed) throw new Error(`exit ${failed.status}: ${failed.stdout.slice(0, 400)}`);
  return { ms: median(runs.map((r) => r.ms)), childPeak: Math.max(...runs.map((r) => r.peak)), reps };
}

/** A valid USCC for the i-th synthetic target (area 130105, the check character computed). */
async function syntheticUscc(i: number): Promise<string> {
  const { usccCheckChar, USCC_ALPHABET } = await import("../src/core/schema/uscc");
  const alphabet = USCC_ALPHABET.replace(/[IOSVZ]/g, "");
  let n = i;
  let body = "";
  for (let k = 0; k < 7; k++) {
    body = alphabet[n % alphabet.length] + body;
    n = Math.floor(n / alphabet.length);
  }
  const first17 = `91130105M${body}A`.slice(0, 17);
  return first17 + usccCheckChar(first17)!;
}

/**
 * The sample with its registry grown to `n` targets (the sample's rows repeated, each with its
 * own USCC and name), made once and kept in test-output/ for the runs that follow.
 */
export async function largeWorkbook(n: number): Promise<string> {
  const dir = join(ROOT, "test-output");
  const file = join(dir, `bench-cli-${n}.xlsx`);
  if (existsSync(file)) return file;
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet("检查对象名录库")!;
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ""));
  const usccCol = header.indexOf("统一社会信用代码");
  const nameCol = header.indexOf("名称");
  const templates: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) templates.push([...(ws.getRow(r).values as ExcelJS.CellValue[])]);
  for (let i = 0; i < n; i++) {
    const values = [...templates[i % templates.length]];
    values[usccCol] = await syntheticUscc(i);
    values[nameCol] = `${String(values[nameCol])}（${i + 1}）`;
    const row = ws.getRow(i + 2);
    // cell by cell: ExcelJS reads a dense array as starting at column A, its .values at index 1
    for (let c = 1; c < values.length; c++) row.getCell(c).value = values[c] ?? null;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

const exceljsRead = (file: string) => [
  "-e",
  `const E=require(${JSON.stringify(require.resolve("exceljs"))});new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{},e=>{console.error(e);process.exit(1)})`,
  file,
];

function cliCheckCase(label: string, file: () => Promise<string>, reps: number, withTsx = false) {
  return {
    name: `cli-check-${label}`,
    subject: `node build/cli/shuangsuiji.cjs check BOOK --json (${label}), spawn to exit, median of ${reps}`,
    baseline: `node -e "new ExcelJS.Workbook().xlsx.readFile(BOOK)" on the same file, spawn to exit, median of ${reps}`,
    run: {
      subject: async (): Promise<Figures> => {
        if (!existsSync(BUNDLE)) throw new Error("build/cli/shuangsuiji.cjs is missing: run npm run build:cli");
        const book = await file();
        const f = measure([BUNDLE, "check", book, "--json"], reps);
        const out = spawnSync(process.execPath, [BUNDLE, "check", book, "--json"], { encoding: "utf8" });
        const doc = JSON.parse(out.stdout) as { ok: boolean };
        // what bin/ did before the build: the TypeScript sources compiled by tsx at each start
        const tsx = withTsx
          ? measure(["--import", "tsx", join(ROOT, "src", "cli", "entry.ts"), "check", book, "--json"], reps)
          : {};
        return { ...f, checkOk: doc.ok, ...(withTsx ? { tsxMs: tsx.ms } : {}) };
      },
      baseline: async (): Promise<Figures> => measure(exceljsRead(await file()), reps),
    },
    rows: [
      { label: "time, spawn to exit", unit: "ms" as const, key: "ms", note: "goal: within 1.2×" },
      { label: "peak RSS of the process", unit: "MB" as const, key: "childPeak" },
      ...(withTsx
        ? [
            {
              label: "the sources through tsx",
              unit: "ms" as const,
              key: "tsxMs",
              baselineKey: "ms",
              note: "as bin/ ran before the build",
            },
          ]
        : []),
    ],
  };
}

/** The cases bench/run.ts adds to its own. */
export const CLI_CASES = [
  cliCheckCase("sample", async () => SAMPLE, 5, true),
  cliCheckCase("20k", () => largeWorkbook(20_000), 3),
];
