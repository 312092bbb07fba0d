// Reading a workbook for a use-case: the registries through the schema, the draw log, and the
// draws already in the workbook (each replayed from its own snapshot).
import { parseBook, type Book, type ParseOptions } from "../../core/schema";
import { draw } from "../../core/draw";
import type { DrawRecord, StoredDraw } from "../../core/model";
import type { SheetData, WorkbookPort } from "../port";
import { isGeneratedSheet, LOG_SHEET } from "../names";
import { parseLogSheet } from "../log-sheet";
import { parseSnapshotSheet, type SheetProblem } from "../snapshot-sheet";

export interface LoadedBook {
  book: Book;
  sheetNames: string[];
  records: DrawRecord[];
  logProblems: SheetProblem[];
}

export async function readIfPresent(port: WorkbookPort, names: string[], name: string): Promise<SheetData | null> {
  return names.includes(name) ? port.readSheet(name) : null;
}

/** Reads every sheet a clerk keeps (not the ones the software writes) and the draw log. */
export async function loadBook(port: WorkbookPort, options: ParseOptions = {}): Promise<LoadedBook> {
  const sheetNames = await port.sheetNames();
  const sheets: SheetData[] = [];
  for (const name of sheetNames) if (!isGeneratedSheet(name)) sheets.push(await port.readSheet(name));
  const book = parseBook(sheets, options);
  const log = parseLogSheet(await readIfPresent(port, sheetNames, LOG_SHEET));
  return { book, sheetNames, records: log.records, logProblems: log.problems };
}

/**
 * The 有效 draws of the workbook, each replayed from its snapshot sheet with its logged seed.
 * A draw whose snapshot cannot be read is skipped here; verify reports it.
 */
export async function loadValidDraws(port: WorkbookPort, loaded: LoadedBook): Promise<StoredDraw[]> {
  const out: StoredDraw[] = [];
  for (const record of loaded.records) {
    if (record.status !== "有效" || !record.seed || !record.sheet) continue;
    const stored = await loadDraw(port, loaded.sheetNames, record);
    if (stored) out.push(stored);
  }
  return out;
}

/**
 * The draws that DRP-1 step 1 (drawn_this_year) saw when `record` took its inputs: the draws of
 * other tasks logged before it (before its freeze, for a draw made on a freeze) that were 有效 at
 * that moment, including those voided since (a draw is voided by the next freeze or draw of its
 * task). Each is returned with status 有效, as it stood then. The task's own earlier draws never
 * count: a new draw of a task voids them.
 */
export async function drawsValidAt(port: WorkbookPort, loaded: LoadedBook, record: DrawRecord): Promise<StoredDraw[]> {
  const records = loaded.records;
  let at = records.findIndex((r) => r.snapshotSheet === record.snapshotSheet);
  if (at < 0) at = records.length;
  const out: StoredDraw[] = [];
  for (let i = 0; i < at; i++) {
    const x = records[i];
    if (x.taskId === record.taskId || !x.seed || !x.sheet) continue;
    if (x.status === "作废") {
      const voider = records.findIndex((y, k) => k > i && y.taskId === x.taskId && y.snapshotSheet !== x.snapshotSheet);
      if (voider >= 0 && voider < at) continue;
    } else if (x.status !== "有效") continue;
    const stored = await loadDraw(port, loaded.sheetNames, x);
    if (stored) out.push({ ...stored, record: { ...stored.record, status: "有效", reason: "" } });
  }
  return out;
}

/** One draw from its record: the snapshot read back and the outcome replayed; null when unreadable. */
export async function loadDraw(
  port: WorkbookPort,
  sheetNames: string[],
  record: DrawRecord,
): Promise<StoredDraw | null> {
  const sheet = await readIfPresent(port, sheetNames, record.snapshotSheet);
  if (!sheet || !record.seed) return null;
  const { snapshot } = parseSnapshotSheet(sheet);
  if (!snapshot) return null;
  const replay = draw(snapshot, record.seed);
  if (!replay.ok) return null;
  return { record, snapshot, outcome: replay.outcome };
}
