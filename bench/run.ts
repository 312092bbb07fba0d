// The bench: every figure beside a baseline measured in the same run, each side in a child
// process of its own so that its peak RSS is its own. Prints a table and writes
// test-output/bench.json. Asserts nothing and fails on no timing.
//
//   npm run bench                      all cases (about 1.5–3 minutes on 2 cores)
//   npm run bench -- --quick           without the ~1M-target cases
//   npm run bench -- --only draw,read  cases whose name starts with one of these
//
// Times are wall-clock on a shared machine: read the ratios, not the milliseconds.
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { CLI_CASES } from "./cli";
import { median, timeIt } from "./timing";

// ---------------------------------------------------------------------------------------------
// What a child reports

interface Figures {
  [figure: string]: number | string | boolean;
}

interface ChildResult {
  case: string;
  side: Side;
  figures: Figures;
  /** peak resident set size of the child process, bytes (getrusage ru_maxrss) */
  peakRss: number;
  /** resident set size after the imports, before any work, bytes */
  floorRss: number;
  wallMs: number;
}

type Side = "subject" | "baseline";

export interface Case {
  name: string;
  /** what the subject is, and what the baseline is */
  subject: string;
  baseline: string;
  /** a ~1M-target case, left out by --quick */
  large?: boolean;
  run: Record<Side, () => Promise<Figures>>;
  /** the rows of the table: figure key, label, unit */
  rows: Row[];
}

export interface Row {
  label: string;
  unit: "ms" | "bytes" | "count" | "MB";
  /** key in the subject's figures; `baselineKey` in the baseline's (same key when absent) */
  key: string;
  baselineKey?: string;
  /** a fixed baseline (a naive design's count, e.g. one sync), used when the baseline side has no such key */
  baselineValue?: number;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the children

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

// Imports are lazy: a case's child loads only what it needs, and a module that is being edited
// elsewhere breaks only the cases that use it.
const drawBench = () => import("./draw");
const checklistBench = () => import("./checklist");

// ---------------------------------------------------------------------------------------------
// The cases

function drawCase(n: number, label: string, reps: number, baselineReps: number, large = false): Case {
  const run = (naiveTeams: boolean, r: number) => async (): Promise<Figures> => {
    const { drawFixture, inspectorCount, SEED } = await drawBench();
    const { draw } = await import("../src/core/draw/draw");
    const f = drawFixture(n);
    let out: ReturnType<typeof draw> | null = null;
    const t = await timeIt(r, r > 1 ? 1 : 0, () => (out = draw(f.snapshot, SEED, { naiveTeams })));
    const result = out as ReturnType<typeof draw> | null;
    return {
      ms: t.ms,
      reps: r,
      targets: f.snapshot.targets.length,
      inspectors: inspectorCount(n),
      selected: result?.ok ? result.outcome.selected.length : -1,
      outcome: sha256(JSON.stringify(result)),
    };
  };
  return {
    name: `draw-${label}`,
    subject: `draw(snapshot, seed): DRP-1 with bucketed team assignment, ${label} registry (median of ${reps})`,
    baseline: `draw(snapshot, seed, {naiveTeams: true}): O(inspectors) a pick (${baselineReps === 1 ? "1 run" : `median of ${baselineReps}`})`,
    large,
    run: { subject: run(false, reps), baseline: run(true, baselineReps) },
    rows: [
      { label: "time", unit: "ms", key: "ms" },
      { label: "peak RSS", unit: "MB", key: "peakRss" },
    ],
  };
}

/**
 * The whole DRP-1 draw from the registry (eligibility, snapshot, strata, selection, teams) beside
 * the naive draw the issue names: the whole registry sorted by Math.random(), the first k taken.
 */
function wholeDrawCase(n: number, label: string, reps: number, large = false): Case {
  const run = (naive: boolean) => async (): Promise<Figures> => {
    const { makeTargets, fixtureOf, SEED } = await drawBench();
    const { draw } = await import("../src/core/draw/draw");
    const targets = makeTargets(n);
    // k of the real draw, so that both sides pick as many
    const k = (() => {
      const r = draw(fixtureOf(targets).snapshot, SEED);
      return r.ok ? r.outcome.selected.length : 0;
    })();
    const phases = { eligibilityMs: 0, snapshotMs: 0, drawMs: 0 };
    const t = await timeIt(reps, 1, () => {
      if (naive) {
        targets
          .map((x) => ({ x, key: Math.random() }))
          .sort((a, b) => a.key - b.key)
          .slice(0, k);
        return;
      }
      const times: Record<string, number> = {};
      const log = <T>(name: string, f: () => T): T => {
        const t0 = performance.now();
        const out = f();
        times[name] = performance.now() - t0;
        return out;
      };
      const f = fixtureOf(targets, log);
      const t0 = performance.now();
      draw(f.snapshot, SEED);
      phases.eligibilityMs = times["eligibility"] ?? 0;
      phases.snapshotMs = times["snapshot (sort by USCC)"] ?? 0;
      phases.drawMs = performance.now() - t0;
    });
    return { ms: t.ms, selected: k, ...phases };
  };
  return {
    name: `whole-draw-${label}`,
    subject: `eligibility + snapshot + draw from a ${label} registry, 2-department teams (median of ${reps})`,
    baseline: "naive draw: the whole registry sorted by Math.random(), the first k taken (no strata, no teams)",
    large,
    run: { subject: run(false), baseline: run(true) },
    rows: [
      { label: "time", unit: "ms", key: "ms", note: "goal: ≤ 2 s and ≤ 2× the naive draw" },
      { label: "  eligibility", unit: "ms", key: "eligibilityMs", baselineValue: NaN, note: "last measured run" },
      {
        label: "  snapshot (sort by USCC)",
        unit: "ms",
        key: "snapshotMs",
        baselineValue: NaN,
        note: "last measured run",
      },
      { label: "  strata, selection, teams", unit: "ms", key: "drawMs", baselineValue: NaN, note: "last measured run" },
      { label: "peak RSS", unit: "MB", key: "peakRss" },
    ],
  };
}

/** The first rows of both digest cases: node:crypto's time, and @noble/hashes' beside it. */
const DIGEST_TIME_ROWS: Row[] = [
  { label: "time", unit: "ms", key: "ms", note: "goal at 1M: < 500 ms" },
  { label: "  with @noble/hashes", unit: "ms", key: "nobleMs", baselineValue: NaN, note: "the pane's hasher, 1 run" },
  {
    label: "  making the lines alone",
    unit: "ms",
    key: "linesMs",
    baselineValue: NaN,
    note: "canonicalLines from the snapshot's objects, nothing hashed",
  },
  {
    label: "  hashing the text once made",
    unit: "ms",
    key: "hashMadeMs",
    baselineValue: NaN,
    note: "UTF-8 and SHA-256 (node:crypto) of chunks made before the clock: the floor",
  },
];

function digestCase(n: number, label: string, reps: number, large = false): Case {
  return {
    name: `digest-${label}`,
    subject: `snapshotDigest: canonical lines made one at a time into node:crypto's incremental SHA-256, ${label}-target snapshot (median of ${reps}); also with @noble/hashes (the browser's)`,
    baseline: `sha256sum of the same canonical bytes, from a file (median of ${reps}, process start included)`,
    large,
    run: {
      subject: async () => {
        const { drawFixture } = await drawBench();
        const { snapshotDigest } = await import("../src/core/draw/canonical");
        const { nobleSha256 } = await import("../src/core/draw/sha256");
        const { snapshot } = drawFixture(n);
        let digest = "";
        const t = await timeIt(reps, 1, async () => (digest = await snapshotDigest(snapshot)));
        let noble = "";
        const tn = await timeIt(1, 0, async () => (noble = await snapshotDigest(snapshot, nobleSha256)));
        const { digestParts } = await import("./digest-parts");
        const parts = await digestParts(snapshot, reps);
        return { ms: t.ms, reps, nobleMs: tn.ms, digest, sameWithNoble: noble === digest, ...parts };
      },
      baseline: async () => {
        const { drawFixture } = await drawBench();
        const { canonicalSnapshot } = await import("../src/core/draw/canonical");
        const { execFileSync } = await import("node:child_process");
        const { tmpdir } = await import("node:os");
        const { rmSync } = await import("node:fs");
        const { snapshot } = drawFixture(n);
        const file = join(tmpdir(), `bench-canonical-${process.pid}.txt`);
        const text = canonicalSnapshot(snapshot);
        writeFileSync(file, text, "utf8");
        let digest = "";
        const t = await timeIt(
          reps,
          1,
          () => (digest = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]),
        );
        rmSync(file, { force: true });
        return { ms: t.ms, reps, hashedBytes: Buffer.byteLength(text, "utf8"), digest };
      },
    },
    rows: [
      ...DIGEST_TIME_ROWS,
      { label: "bytes hashed", unit: "bytes", key: "hashedBytes", baselineValue: NaN },
      { label: "peak RSS", unit: "MB", key: "peakRss", note: "the baseline also builds the canonical text whole" },
    ],
  };
}

const xlsxBench = () => import("./xlsx");

/** The digest of the snapshot a real draw digests: the N-row registry as the package reader reads it. */
function digestAsReadCase(rows: number, label: string): Case {
  return {
    name: `digest-read-${label}`,
    subject: `snapshotDigest (node:crypto) of the snapshot a draw digests on the sample with a ${label}-row 检查对象名录库, read by XlsxWorkbook.open (median of 3); also with @noble/hashes`,
    baseline: "sha256sum of the same canonical bytes, from a file (median of 3, process start included)",
    large: true,
    run: {
      subject: async () => (await xlsxBench()).digestAsRead(rows),
      baseline: async () => (await xlsxBench()).sha256sumAsRead(rows),
    },
    rows: [
      ...DIGEST_TIME_ROWS,
      { label: "targets in the snapshot", unit: "count", key: "targets", baselineValue: NaN },
      { label: "bytes hashed", unit: "bytes", key: "hashedBytes" },
      { label: "peak RSS", unit: "MB", key: "peakRss", note: "the subject holds the registry as read" },
    ],
  };
}

/**
 * A draw (read, check, draw, write, save: what `shuangsuiji draw --out` does) on the sample with
 * an N-row registry, beside ExcelJS's streaming reader over the same file and a file copy.
 */
function registryCase(rows: number, label: string, large = false, draw = true): Case {
  const what = draw ? "draw" : "check";
  return {
    name: `${what}-registry-${label}`,
    subject: draw
      ? `shuangsuiji draw on the sample with a ${label}-row 检查对象名录库 (XlsxWorkbook.open: read, check, draw, write the sheets, save)`
      : `shuangsuiji check on the sample with a ${label}-row 检查对象名录库 (XlsxWorkbook.open)`,
    baseline: "ExcelJS's streaming WorkbookReader over every row of the same file; and a copy of the file",
    large,
    run: {
      subject: async () => {
        const x = await xlsxBench();
        return draw ? x.drawOn(rows) : x.checkOn(rows);
      },
      baseline: async () => (await xlsxBench()).streamingReadOf(rows),
    },
    rows: [
      {
        label: draw ? "read + check + draw + write + save" : "read + check",
        unit: "ms",
        key: "ms",
        note: `goal: ≤ 2× the streaming read${rows <= 200_000 ? "; < 20 s" : ""}`,
      },
      { label: "  reading sheets", unit: "ms", key: "readMs", note: "vs the streaming read alone" },
      ...(draw
        ? [
            {
              label: "  writing the draw + saving",
              unit: "ms" as const,
              key: "writeSaveMs",
              note: "vs copying the file",
            },
            { label: "output .xlsx", unit: "bytes" as const, key: "outputBytes", baselineValue: NaN },
          ]
        : []),
      { label: "peak RSS", unit: "MB", key: "peakRss", note: "goal: < 2 GB" },
    ],
  };
}

async function checklistSpec() {
  const { checklistInput, CHECKLIST_SHEET } = await checklistBench();
  const { buildForms, renderChecklistSheet } = await import("../src/core/checklist");
  const { draw, items } = checklistInput();
  let t0 = performance.now();
  const forms = buildForms(draw, items);
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const spec = renderChecklistSheet(forms, CHECKLIST_SHEET);
  const renderMs = performance.now() - t0;
  return {
    spec,
    figures: {
      targets: draw.outcome.selected.length,
      checkpoints: items.length,
      buildMs,
      renderMs,
      rows: spec.rows.length,
      merges: spec.merges?.length ?? 0,
      styles: spec.styles?.length ?? 0,
    },
  };
}

const checklistXlsx: Case = {
  name: "checklist-xlsx",
  subject:
    "一企一表 5,000 targets × 20 checkpoints: buildForms, renderChecklistSheet, XlsxWorkbook.write + toBuffer (the ExcelJS adapter: a workbook held in ExcelJS, its new sheets written by the package writer)",
  baseline:
    "a plain ExcelJS write (addWorksheet, cell values, writeBuffer) of the same cells: no styles, merges, protection or page setup",
  run: {
    subject: async () => {
      const { spec, figures } = await checklistSpec();
      const { XlsxWorkbook } = await import("../src/workbook/xlsx");
      const book = XlsxWorkbook.empty();
      const t0 = performance.now();
      await book.write({ create: [spec], replace: [], append: [] });
      const bytes = await book.toBuffer();
      return { ...figures, writeMs: performance.now() - t0, xlsxBytes: bytes.length };
    },
    baseline: async () => {
      const { spec, figures } = await checklistSpec();
      const ExcelJS = (await import("exceljs")).default;
      const t0 = performance.now();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(spec.name);
      spec.rows.forEach((cells, r) => {
        const row = ws.getRow(r + 1);
        cells.forEach((v, c) => {
          if (v !== null) row.getCell(c + 1).value = v;
        });
      });
      const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
      return { ...figures, writeMs: performance.now() - t0, xlsxBytes: bytes.byteLength };
    },
  },
  rows: [
    { label: "buildForms", unit: "ms", key: "buildMs", baselineValue: NaN, note: "no baseline" },
    { label: "renderChecklistSheet", unit: "ms", key: "renderMs", baselineValue: NaN, note: "no baseline" },
    { label: "write .xlsx to a buffer", unit: "ms", key: "writeMs" },
    { label: ".xlsx size", unit: "bytes", key: "xlsxBytes" },
    { label: "peak RSS", unit: "MB", key: "peakRss", note: "both build and render the sheet first" },
  ],
};

/** The fake's record of the syncs since its last reset. */
function syncFigures(stats: {
  syncs: number;
  largestRequestBytes: number;
  refused: number;
  requests: { bytes: number }[];
}) {
  return {
    syncs: stats.syncs,
    largestRequestBytes: stats.largestRequestBytes,
    refused: stats.refused,
    // bytes of the largest sync tried, accepted or refused
    largestTriedBytes: stats.requests.reduce((m, r) => Math.max(m, r.bytes), 0),
  };
}

const checklistExcel: Case = {
  name: "checklist-excel",
  subject: "一企一表 sheet written by the Office.js adapter (ExcelWorkbook.write) into the Excel fake",
  baseline:
    "naive: one sync setting every value of the sheet at once (sent to the fake, which refuses a request over 5 MB)",
  run: {
    subject: async () => {
      const { spec, figures } = await checklistSpec();
      const { createFakeExcel } = await import("../test/excel/fake-excel");
      const { ExcelWorkbook } = await import("../src/excel/workbook");
      const fake = createFakeExcel([]);
      const book = new ExcelWorkbook(fake.run, fake.office);
      fake.resetStats();
      const t0 = performance.now();
      let failed = "";
      try {
        await book.write({ create: [spec], replace: [], append: [] });
      } catch (e) {
        // a figure too: the adapter's write did not fit Excel's limits
        failed = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      }
      return {
        rows: figures.rows,
        merges: figures.merges,
        styles: figures.styles,
        fakeMs: performance.now() - t0,
        ...syncFigures(fake.stats),
        failedAs: failed,
        notes: book.notes.join(" | "),
      };
    },
    baseline: async () => {
      const { spec, figures } = await checklistSpec();
      const { createFakeExcel } = await import("../test/excel/fake-excel");
      const { blockAddress } = await import("../src/excel/a1");
      const fake = createFakeExcel([]);
      const width = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
      const values = spec.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
      fake.resetStats();
      let refused = "";
      const t0 = performance.now();
      await fake.run(async (context) => {
        const ws = context.workbook.worksheets.add(spec.name);
        ws.getRange(blockAddress(0, 0, values.length, width)).values = values as (string | number | boolean)[][];
        try {
          await context.sync();
        } catch (e) {
          refused = (e as { code?: string }).code ?? String(e);
        }
      });
      return { rows: figures.rows, fakeMs: performance.now() - t0, ...syncFigures(fake.stats), refusedAs: refused };
    },
  },
  rows: [
    { label: "syncs", unit: "count", key: "syncs" },
    {
      label: "largest request",
      unit: "bytes",
      key: "largestRequestBytes",
      baselineKey: "largestTriedBytes",
      note: "Excel's limit: 5 MB",
    },
    { label: "syncs refused", unit: "count", key: "refused" },
    {
      label: "time in the fake",
      unit: "ms",
      key: "fakeMs",
      baselineValue: NaN,
      note: "the fake, not Excel; no baseline",
    },
    { label: "peak RSS", unit: "MB", key: "peakRss" },
  ],
};

const REGISTRY_ROWS = 100_000;

const registryRead: Case = {
  name: "read-registry",
  subject: `ExcelWorkbook.readSheet of a ${REGISTRY_ROWS.toLocaleString("en")}-row 检查对象名录库 (15 columns) from the Excel fake`,
  baseline:
    "naive: one sync loading the used range's values whole (sent to the fake, which refuses a response over 5 MB)",
  run: {
    subject: async () => {
      const { createFakeExcel } = await import("../test/excel/fake-excel");
      const { registrySheet } = await import("../test/excel/registry");
      const { ExcelWorkbook } = await import("../src/excel/workbook");
      const fake = createFakeExcel([registrySheet(REGISTRY_ROWS)]);
      const book = new ExcelWorkbook(fake.run, fake.office);
      fake.resetStats();
      const t0 = performance.now();
      let rowsRead = 0;
      let failed = "";
      try {
        rowsRead = (await book.readSheet("检查对象名录库")).rows.length;
      } catch (e) {
        failed = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      }
      return { rowsRead, fakeMs: performance.now() - t0, ...syncFigures(fake.stats), failedAs: failed };
    },
    baseline: async () => {
      const { createFakeExcel } = await import("../test/excel/fake-excel");
      const { registrySheet } = await import("../test/excel/registry");
      const fake = createFakeExcel([registrySheet(REGISTRY_ROWS)]);
      fake.resetStats();
      let refused = "";
      let rowsRead = 0;
      const t0 = performance.now();
      await fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("检查对象名录库").getUsedRange();
        range.load("values");
        try {
          await context.sync();
          rowsRead = range.values.length;
        } catch (e) {
          refused = (e as { code?: string }).code ?? String(e);
        }
      });
      return { rowsRead, fakeMs: performance.now() - t0, ...syncFigures(fake.stats), refusedAs: refused };
    },
  },
  rows: [
    { label: "syncs", unit: "count", key: "syncs" },
    {
      label: "largest request",
      unit: "bytes",
      key: "largestRequestBytes",
      baselineKey: "largestTriedBytes",
      note: "request + response; Excel's limit: 5 MB",
    },
    { label: "syncs refused", unit: "count", key: "refused" },
    {
      label: "time in the fake",
      unit: "ms",
      key: "fakeMs",
      baselineValue: NaN,
      note: "the fake, not Excel; no baseline",
    },
    { label: "peak RSS", unit: "MB", key: "peakRss" },
  ],
};

/** gzip size of a file, as a server would send it */
async function gzipSize(path: string): Promise<number> {
  const { gzipSync } = await import("node:zlib");
  const { readFileSync } = await import("node:fs");
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/**
 * The task pane's production bundle: the JS loaded at start against all the JS of the build (what
 * an eager bundle would load); the goal is under 400 KB gzip with ExcelJS outside it.
 */
const paneBundle: Case = {
  name: "pane-bundle",
  subject: "production build: taskpane.js, loaded at start (gzip)",
  baseline: "every JS file of the same build together (an eager bundle), gzip",
  run: {
    subject: async () => {
      const { buildBundle } = await import("../test/browser/harness");
      const { readdirSync } = await import("node:fs");
      const dir = buildBundle();
      const js = readdirSync(dir).filter((f) => f.endsWith(".js"));
      const initial = await gzipSize(join(dir, "taskpane.js"));
      const xlsx = js.find((f) => f.startsWith("xlsx."));
      const engine = js.find((f) => f.startsWith("engine."));
      return {
        initialGz: initial,
        xlsxGz: xlsx ? await gzipSize(join(dir, xlsx)) : 0,
        engineGz: engine ? await gzipSize(join(dir, engine)) : 0,
        officeJsGz: await gzipSize(join(dir, "office-js", "office.js")),
      };
    },
    baseline: async () => {
      const { buildBundle } = await import("../test/browser/harness");
      const { readdirSync } = await import("node:fs");
      const dir = buildBundle();
      let all = 0;
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".js"))) all += await gzipSize(join(dir, f));
      return { initialGz: all };
    },
  },
  rows: [
    { label: "initial JS", unit: "bytes", key: "initialGz", note: "goal: < 400 KB gzip" },
    {
      label: "engine chunk (use-cases)",
      unit: "bytes",
      key: "engineGz",
      baselineValue: NaN,
      note: "loaded on first use",
    },
    { label: "ExcelJS chunk", unit: "bytes", key: "xlsxGz", baselineValue: NaN, note: "browser file mode only" },
    { label: "office.js loader (local)", unit: "bytes", key: "officeJsGz", baselineValue: NaN, note: "self-hosted" },
  ],
};

/**
 * Time from navigation to an interactive pane (the file picker and the tabs ready) in headless
 * Chromium, served from localhost; the baseline is an empty page from the same server.
 */
const paneLoad: Case = {
  name: "pane-load",
  subject: "headless Chromium: navigation → pane ready (body[data-ready], tabs shown), median of 5 fresh pages",
  baseline: "the same server's empty page (navigation → load), median of 5",
  run: {
    subject: async () => paneTimes(false),
    baseline: async () => paneTimes(true),
  },
  rows: [{ label: "time to interactive", unit: "ms", key: "ms", note: "office.js served locally" }],
};

async function paneTimes(blank: boolean): Promise<Figures> {
  const { buildBundle, serve, launchBrowser, findBrowser } = await import("../test/browser/harness");
  const { writeFileSync } = await import("node:fs");
  const exe = findBrowser();
  if (!exe) throw new Error("no Chromium: install chromium to measure the pane");
  const dir = buildBundle();
  writeFileSync(join(dir, "blank.html"), "<!doctype html><title>blank</title><body></body>");
  const server = await serve(dir);
  const browser = await launchBrowser(exe);
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      const t0 = performance.now();
      if (blank) await page.goto(`${server.url}/blank.html`, { waitUntil: "load" });
      else {
        await page.goto(`${server.url}/taskpane.html`);
        await page.waitForSelector("body[data-ready]", { timeout: 60_000 });
        await page.getByRole("tab").first().waitFor({ timeout: 60_000 });
      }
      if (i > 0) times.push(performance.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { ms: median(times) };
}

const CASES: Case[] = [
  drawCase(10_000, "10k", 15, 15),
  drawCase(1_048_575, "1M", 3, 1, true),
  wholeDrawCase(1_048_575, "1M", 3, true),
  digestCase(10_000, "10k", 15),
  digestCase(1_048_575, "1M", 3, true),
  digestAsReadCase(1_048_575, "1M"),
  registryCase(200_000, "200k", false, false),
  registryCase(200_000, "200k"),
  registryCase(1_048_575, "1M", true, false),
  registryCase(1_048_575, "1M", true),
  checklistXlsx,
  checklistExcel,
  registryRead,
  paneBundle,
  paneLoad,
  ...CLI_CASES,
  ...(require("./checklists") as typeof import("./checklists")).PAPER_CASES,
  ...(require("./pane") as typeof import("./pane")).PANE_CASES,
];

/** A child that loads nothing and does nothing: the floor under every peak RSS above. */
const FLOOR: Case = {
  name: "_floor",
  subject: "a child that does nothing",
  baseline: "",
  run: { subject: async () => ({}), baseline: async () => ({}) },
  rows: [],
};

// ---------------------------------------------------------------------------------------------
// The child

async function child(name: string, side: Side): Promise<void> {
  const c = [...CASES, FLOOR].find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  const floorRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const figures = await c.run[side]();
  const result: ChildResult = {
    case: name,
    side,
    figures,
    peakRss: process.resourceUsage().maxRSS * 1024,
    floorRss,
    wallMs: performance.now() - t0,
  };
  await new Promise<void>((resolve, reject) => process.send!(result, (e: Error | null) => (e ? reject(e) : resolve())));
}

function runChild(name: string, side: Side): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // fork keeps process.execArgv: the child runs under tsx's loader as this process does
    const p = fork(__filename, ["--child", name, side], { stdio: ["ignore", "inherit", "pipe", "ipc"] });
    let result: ChildResult | null = null;
    let stderr = "";
    p.stderr!.on("data", (d) => (stderr += d));
    p.on("message", (m) => (result = m as ChildResult));
    p.on("error", reject);
    p.on("exit", (code, signal) => {
      if (result && code === 0) resolve(result);
      else
        reject(
          new Error(`${name}/${side} exited ${signal ?? code}: ${stderr.trim().split("\n").slice(0, 12).join("\n")}`),
        );
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The parent

interface TableRow {
  case: string;
  figure: string;
  unit: Row["unit"];
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  note?: string;
}

function show(v: number | null, unit: Row["unit"]): string {
  if (v === null || Number.isNaN(v)) return "—";
  switch (unit) {
    case "ms":
      return v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
    case "MB":
      return `${(v / 1048576).toFixed(0)} MB`;
    case "bytes":
      return v >= 1048576 ? `${(v / 1048576).toFixed(2)} MB` : `${v.toLocaleString("en")} B`;
    case "count":
      return v.toLocaleString("en");
  }
}

function pick(r: ChildResult | null, key: string): number | null {
  if (!r) return null;
  const v = key === "peakRss" ? r.peakRss : key === "floorRss" ? r.floorRss : r.figures[key];
  return typeof v === "number" ? v : null;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i >= 2 && i <= 4 ? pad(c, widths[i], true) : pad(c, widths[i], false)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]), widths.map((w) => "─".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return n;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function parseArgs(argv: string[]) {
  const only = argv.find((a) => a.startsWith("--only"));
  const onlyList = only
    ? (only.includes("=") ? only.split("=")[1] : (argv[argv.indexOf(only) + 1] ?? "")).split(",").filter(Boolean)
    : [];
  return { quick: argv.includes("--quick") || process.env.BENCH_QUICK === "1", only: onlyList };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cases = CASES.filter(
    (c) => (!args.quick || !c.large) && (args.only.length === 0 || args.only.some((o) => c.name.startsWith(o))),
  );
  const started = new Date();
  const load0 = loadavg();
  const t0 = performance.now();
  console.log(
    `bench: ${cases.length} cases, each side in a child process; node ${process.version}, ${cpus().length} cores, ` +
      `load ${load0.map((x) => x.toFixed(2)).join(" ")}`,
  );
  const results: { case: Case; subject: ChildResult | null; baseline: ChildResult | null; errors: string[] }[] = [];
  let floor: ChildResult | null = null;
  try {
    floor = await runChild(FLOOR.name, "subject");
  } catch {
    floor = null;
  }
  for (const c of cases) {
    const entry = {
      case: c,
      subject: null as ChildResult | null,
      baseline: null as ChildResult | null,
      errors: [] as string[],
    };
    for (const side of ["subject", "baseline"] as const) {
      const s0 = performance.now();
      process.stdout.write(`  ${c.name} / ${side} … `);
      try {
        entry[side] = await runChild(c.name, side);
        console.log(`${((performance.now() - s0) / 1000).toFixed(1)} s`);
      } catch (e) {
        console.log("failed");
        entry.errors.push((e as Error).message);
      }
    }
    results.push(entry);
  }
  const totalMs = performance.now() - t0;
  const load1 = loadavg();

  const rows: TableRow[] = [];
  for (const r of results) {
    const failed = r.subject?.figures.failedAs;
    for (const row of r.case.rows) {
      // when the adapter failed, its largest sync is the refused one
      const key = failed && row.key === "largestRequestBytes" ? "largestTriedBytes" : row.key;
      const value = pick(r.subject, key);
      const fromBaseline = pick(r.baseline, row.baselineKey ?? row.key);
      const baseline =
        row.baselineValue !== undefined && (fromBaseline === null || Number.isNaN(row.baselineValue))
          ? Number.isNaN(row.baselineValue)
            ? null
            : row.baselineValue
          : fromBaseline;
      const ratio = value !== null && baseline !== null && baseline !== 0 ? value / baseline : null;
      const note = failed && row.key !== "peakRss" ? `ADAPTER FAILED: ${failed}` : row.note;
      rows.push({ case: r.case.name, figure: row.label, unit: row.unit, value, baseline, ratio, note });
    }
  }

  console.log("");
  const printed: string[][] = [["case", "figure", "value", "baseline", "ratio", "note"]];
  for (const r of rows)
    printed.push([
      r.case,
      r.figure,
      show(r.value, r.unit),
      show(r.baseline, r.unit),
      r.ratio === null ? "—" : `${r.ratio >= 10 ? r.ratio.toFixed(0) : r.ratio.toFixed(2)}×`,
      r.note ?? "",
    ]);
  console.log(table(printed));
  console.log("\nratio = value / baseline (lower is better for every figure).");
  console.log("Baselines:");
  for (const r of results) {
    console.log(`  ${r.case.name}: ${r.case.subject}`);
    console.log(`  ${" ".repeat(r.case.name.length)}  vs ${r.case.baseline}`);
  }
  console.log("Checks:");
  for (const r of results) {
    const s = r.subject?.figures;
    const b = r.baseline?.figures;
    if (!s || !b) continue;
    if (typeof s.outcome === "string")
      console.log(
        `  ${r.case.name}: ${s.targets} eligible, ${s.inspectors} inspectors, ${s.selected} selected; ` +
          `same outcome as the naive teams: ${s.outcome === b.outcome ? "yes" : "NO"}`,
      );
    if (typeof s.digest === "string" && typeof b.digest === "string")
      console.log(
        `  ${r.case.name}: digest ${s.digest.slice(0, 16)}…; the same as sha256sum's: ${s.digest === b.digest ? "yes" : "NO"}` +
          (typeof s.sameWithNoble === "boolean" ? `; with @noble/hashes: ${s.sameWithNoble ? "yes" : "NO"}` : "") +
          (typeof s.partsDigest === "string"
            ? `; of the text made first: ${s.partsDigest === s.digest ? "yes" : "NO"}`
            : ""),
      );
    else if (typeof s.digest === "string") console.log(`  ${r.case.name}: digest ${s.digest.slice(0, 16)}…`);
    if (typeof s.selected === "number" && typeof b.rowsRead === "number")
      console.log(`  ${r.case.name}: ${s.selected} selected; the streaming read saw ${b.rowsRead} rows`);
    if (typeof s.xlsxBytes === "number")
      console.log(`  ${r.case.name}: ${s.rows} rows, ${s.merges} merges, ${s.styles} style ranges`);
    if (typeof b.refusedAs === "string" && !s.failedAs)
      console.log(
        `  ${r.case.name}: the naive sync ${b.refusedAs ? `was refused by the fake (${b.refusedAs})` : "was accepted"}; ` +
          `the adapter's largest sync ${show(pick(r.subject, "largestRequestBytes"), "bytes")} in ${s.syncs} syncs` +
          (typeof s.rowsRead === "number" ? `, ${s.rowsRead} rows read` : ""),
      );
  }
  for (const r of results) {
    const s = r.subject?.figures;
    if (s && typeof s.failedAs === "string" && s.failedAs)
      console.log(
        `  ${r.case.name}: THE ADAPTER FAILED (${s.failedAs}) after ${s.syncs} syncs; largest sync tried ` +
          `${show(pick(r.subject, "largestTriedBytes"), "bytes")}`,
      );
    if (s && typeof s.notes === "string" && s.notes) console.log(`  ${r.case.name}: adapter notes: ${s.notes}`);
  }
  if (floor) console.log(`  child process floor (tsx, no work): peak RSS ${show(floor.peakRss, "MB")}`);
  console.log(
    `Total ${(totalMs / 1000).toFixed(0)} s; load average ${load0[0].toFixed(2)} → ${load1[0].toFixed(2)} on ${cpus().length} cores ` +
      "(shared: timings are noisy, compare ratios).",
  );
  const failures = results.flatMap((r) => r.errors);
  for (const f of failures) console.log(`FAILED ${f}`);

  const out = join(process.cwd(), "test-output");
  mkdirSync(out, { recursive: true });
  const file = join(out, "bench.json");
  writeFileSync(
    file,
    JSON.stringify(
      {
        started: started.toISOString(),
        totalMs,
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memoryBytes: totalmem(),
        loadAverage: { start: load0, end: load1 },
        quick: args.quick,
        childFloorPeakRss: floor?.peakRss ?? null,
        rows,
        cases: results.map((r) => ({
          name: r.case.name,
          subject: r.case.subject,
          baseline: r.case.baseline,
          results: { subject: r.subject, baseline: r.baseline },
          errors: r.errors,
        })),
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`Figures written to ${file}`);
  if (failures.length > 0) process.exitCode = 1;
}

if (process.argv[2] === "--child") {
  child(process.argv[3], process.argv[4] as Side).catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
} else {
  void main();
}
