// Bench sides for large workbooks (bench/run.ts runs each in a child process of its own): check
// and draw through the package adapter as the command line runs them, ExcelJS's own streaming
// reader over the same file, and a plain file copy.
import { execFileSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookPort } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { checkBook, runDraw } from "../src/workbook/usecases";
import { loadBook } from "../src/workbook/usecases/load";
import { eligibility, makeSnapshot } from "../src/core/draw";
import { canonicalLines, nobleSha256, snapshotDigest } from "../src/core/draw/canonical";
import { registryBook } from "./registry-book";
import { digestParts } from "./digest-parts";
import { timeIt } from "./timing";

export const TASK = "XH-2026-03";

/** The port with the time spent reading and writing through it, in ms. */
function timedPort(book: XlsxWorkbook): { port: WorkbookPort; times: { readMs: number; writeMs: number } } {
  const times = { readMs: 0, writeMs: 0 };
  const port: WorkbookPort = {
    sheetNames: () => book.sheetNames(),
    readSheet: async (name) => {
      const t0 = performance.now();
      try {
        return await book.readSheet(name);
      } finally {
        times.readMs += performance.now() - t0;
      }
    },
    write: async (batch, progress) => {
      const t0 = performance.now();
      try {
        return await book.write(batch, progress);
      } finally {
        times.writeMs += performance.now() - t0;
      }
    },
  };
  return { port, times };
}

/** `shuangsuiji check` on a workbook with `rows` registry rows, in this process. */
export async function checkOn(rows: number) {
  const path = await registryBook(rows);
  const t0 = performance.now();
  const book = await XlsxWorkbook.open(readFileSync(path));
  const { port, times } = timedPort(book);
  const report = await checkBook(port);
  return { ms: performance.now() - t0, ...times, targets: report.counts.targets, errors: report.errors.length };
}

/** `shuangsuiji draw --out` on a workbook with `rows` registry rows: read, check, draw, write, save. */
export async function drawOn(rows: number) {
  const path = await registryBook(rows);
  const out = join(tmpdir(), `bench-drawn-${process.pid}.xlsx`);
  const t0 = performance.now();
  const book = await XlsxWorkbook.open(readFileSync(path));
  const { port, times } = timedPort(book);
  const r = await runDraw(port, {
    taskId: TASK,
    seed: "527",
    date: "2026-04-01",
    now: new Date("2026-04-01T02:00:00Z"),
  });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  const t1 = performance.now();
  writeFileSync(out, await book.toBuffer());
  const saveMs = performance.now() - t1;
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  return {
    ms: performance.now() - t0,
    ...times,
    saveMs,
    writeSaveMs: times.writeMs + saveMs,
    selected: r.report.selected.length,
    digest: r.report.digest,
    inputBytes: statSync(path).size,
    outputBytes: bytes,
  };
}

/** ExcelJS's streaming WorkbookReader over every row of every sheet, and a copy of the file. */
export async function streamingReadOf(rows: number) {
  const path = await registryBook(rows);
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    worksheets: "emit",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  let read = 0;
  for await (const ws of reader)
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) read += row.cellCount > 0 ? 1 : 0;
  const ms = performance.now() - t0;
  const copy = join(tmpdir(), `bench-copy-${process.pid}.xlsx`);
  const t1 = performance.now();
  copyFileSync(path, copy);
  const copyMs = performance.now() - t1;
  rmSync(copy, { force: true });
  return { ms, readMs: ms, rowsRead: read, copyMs, writeSaveMs: copyMs };
}

/** The snapshot that a draw of the bench task on the N-row registry digests, as the package reader reads it. */
async function snapshotAsRead(rows: number) {
  const book = await XlsxWorkbook.open(readFileSync(await registryBook(rows)));
  const b = (await loadBook(book)).book;
  const task = b.tasks.find((t) => t.id === TASK)!;
  const date = "2026-04-01";
  const el = eligibility(task, b.targets, date, new Set());
  return makeSnapshot(task, b.items, el.eligible, b.inspectors, date, el.excluded, b.targets.length, el.inScope);
}

/** Its canonical text in a file, made once for each N (test-output/bench-books/). */
async function canonicalFileOf(rows: number, made?: Awaited<ReturnType<typeof snapshotAsRead>>): Promise<string> {
  const file = join(__dirname, "..", "test-output", "bench-books", `canonical-${rows}.txt`);
  if (existsSync(file)) return file;
  const snapshot = made ?? (await snapshotAsRead(rows));
  const fd = openSync(`${file}.part`, "w");
  for (const line of canonicalLines(snapshot)) writeSync(fd, line);
  closeSync(fd);
  renameSync(`${file}.part`, file);
  return file;
}

/** snapshotDigest over the snapshot of the N-row registry as read (median of 3), and with @noble/hashes once. */
export async function digestAsRead(rows: number) {
  const snapshot = await snapshotAsRead(rows);
  let digest = "";
  const t = await timeIt(3, 0, async () => (digest = await snapshotDigest(snapshot)));
  let noble = "";
  const tn = await timeIt(1, 0, async () => (noble = await snapshotDigest(snapshot, nobleSha256)));
  const file = await canonicalFileOf(rows, snapshot);
  const parts = await digestParts(snapshot, 3);
  return {
    ...parts,
    ms: t.ms,
    times: t.times.map(Math.round).join(" "),
    nobleMs: tn.ms,
    digest,
    sameWithNoble: noble === digest,
    targets: snapshot.targets.length,
    hashedBytes: statSync(file).size,
  };
}

/** sha256sum of the same canonical bytes, from the file (median of 3, process start included). */
export async function sha256sumAsRead(rows: number) {
  const file = await canonicalFileOf(rows);
  let digest = "";
  const t = await timeIt(3, 0, () => (digest = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]));
  return { ms: t.ms, digest, hashedBytes: statSync(file).size };
}
