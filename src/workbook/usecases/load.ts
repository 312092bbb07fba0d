// Reading a workbook for a use-case, once: the registries through the schema, the draw log into the
// register, and the draws' snapshots and replays on demand (each read and replayed at most once).
import { parseBook, type Book, type ParseOptions } from "../../core/schema";
import type { Lang } from "../../core/issues/issue";
import type { Issue } from "../../core/issues/issue";
import type { DrawRecord, Snapshot, StoredDraw } from "../../core/model";
import { outcomeOfList, type ExternalList } from "../../core/draw/external";
import { parseExternalSheet } from "../external-sheet";
import {
  isExternal,
  recordOf,
  replay as replayDraw,
  takenAt,
  validAt,
  type LogProblem,
  type RegisteredDraw,
  type Register,
  type Replay,
} from "../../core/draw/register";
import type { SheetData, WorkbookPort } from "../port";
import { isGeneratedSheet, LOG_SHEET } from "../names";
import { logIssues, readLog, type ReadLog } from "../log-sheet";
import { parseSnapshotSheet, type SheetProblem } from "../snapshot-sheet";

/** A draw's snapshot sheet as read: the snapshot when it reads back, the problems otherwise. */
export interface ReadSnapshot {
  sheet: SheetData | null;
  snapshot: Snapshot | null;
  problems: SheetProblem[];
}

/** A draw replayed: as it stands (or stood at a point of the log), with the log's faults found. */
export type Replayed =
  | { ok: true; record: DrawRecord; snapshot: Snapshot; replay: Replay; problems: LogProblem[] }
  | { ok: false; record: DrawRecord; issue: Issue | null };

export interface LoadedBook {
  book: Book;
  sheetNames: string[];
  log: ReadLog;
  register: Register;
  /** every fault of the log at its cell (a damaged log blocks freeze, draw, void and substitution) */
  logIssues: Issue[];
  lang: Lang;
  /** a sheet the software wrote, read once */
  sheet(name: string): Promise<SheetData | null>;
  snapshot(d: RegisteredDraw): Promise<ReadSnapshot>;
  /** the draw replayed from its snapshot with its substitutions before `upto` (all when absent) */
  replayed(d: RegisteredDraw, upto?: number): Promise<Replayed>;
  /** the draws 有效 just before position `upto` of the log, each as it stood then */
  validDraws(upto?: number): Promise<StoredDraw[]>;
  /** an imported draw's sheet read back: its snapshot and the platform's list */
  external(d: RegisteredDraw): Promise<ReadExternal>;
}

/** An imported draw's sheet as read. */
export interface ReadExternal {
  sheet: SheetData | null;
  snapshot: Snapshot | null;
  list: ExternalList | null;
  problems: SheetProblem[];
}

export async function readIfPresent(port: WorkbookPort, names: string[], name: string): Promise<SheetData | null> {
  const folded = name.toLowerCase();
  const found = names.find((n) => n.toLowerCase() === folded);
  return found === undefined ? null : port.readSheet(found);
}

/** Reads every sheet a clerk keeps (not the ones the software writes) and the draw log. */
export async function loadBook(port: WorkbookPort, options: ParseOptions = {}): Promise<LoadedBook> {
  const lang = options.lang ?? "zh";
  const sheetNames = await port.sheetNames();
  const sheets: SheetData[] = [];
  for (const name of sheetNames) if (!isGeneratedSheet(name)) sheets.push(await port.readSheet(name));
  const book = parseBook(sheets, options);
  const read = new Map<string, Promise<SheetData | null>>();
  const sheet = (name: string) => {
    let p = read.get(name);
    if (!p) read.set(name, (p = readIfPresent(port, sheetNames, name)));
    return p;
  };
  const log = readLog(await sheet(LOG_SHEET), lang);
  const snapshots = new Map<string, Promise<ReadSnapshot>>();
  const snapshot = (d: RegisteredDraw) => {
    let p = snapshots.get(d.key);
    if (!p)
      snapshots.set(
        d.key,
        (p = sheet(d.key).then((s) => {
          if (!s) return { sheet: null, snapshot: null, problems: [] };
          const parsed = parseSnapshotSheet(s);
          return { sheet: s, snapshot: parsed.snapshot, problems: parsed.problems };
        })),
      );
    return p;
  };
  const externals = new Map<string, Promise<ReadExternal>>();
  const external = (d: RegisteredDraw) => {
    let p = externals.get(d.key);
    if (!p)
      externals.set(
        d.key,
        (p = sheet(d.key).then((s) => {
          if (!s) return { sheet: null, snapshot: null, list: null, problems: [] };
          return { sheet: s, ...parseExternalSheet(s) };
        })),
      );
    return p;
  };
  const replays = new Map<string, Promise<Replayed>>();
  const replayed = (d: RegisteredDraw, upto = Infinity): Promise<Replayed> => {
    // a draw of another register (verify's recovered original) is replayed afresh
    const key = log.register.draws.includes(d) ? `${d.key}|${upto}` : null;
    let p = key === null ? undefined : replays.get(key);
    if (!p && isExternal(d))
      // a list drawn by a platform is not replayed: its targets and teams are the list's
      p = external(d).then((x): Replayed => {
        const record = recordOf(d, upto);
        if (!x.snapshot || !x.list) return { ok: false, record, issue: null };
        const outcome = outcomeOfList(x.snapshot, x.list);
        return {
          ok: true,
          record,
          snapshot: x.snapshot,
          replay: { outcome, substitutions: [], warnings: [] },
          problems: [],
        };
      });
    if (!p) {
      p = snapshot(d).then((s): Replayed => {
        const record = recordOf(d, upto);
        if (!s.snapshot) return { ok: false, record, issue: null };
        const r = replayDraw(d, s.snapshot, { upto, lang });
        if (!r.ok) return { ok: false, record, issue: r.issue };
        return { ok: true, record, snapshot: s.snapshot, replay: r.replay, problems: r.problems };
      });
      if (key !== null) replays.set(key, p);
    }
    return p;
  };
  const validDraws = async (upto = Infinity): Promise<StoredDraw[]> => {
    const out: StoredDraw[] = [];
    for (const d of validAt(log.register, upto)) {
      const r = await replayed(d, upto);
      // a draw whose snapshot does not read back is reported by verify
      if (r.ok) out.push(storedOf(r));
    }
    return out;
  };
  return {
    book,
    sheetNames,
    log,
    register: log.register,
    logIssues: logIssues(log),
    lang,
    sheet,
    snapshot,
    replayed,
    validDraws,
    external,
  };
}

/** The replayed draw in the shape the checklists and publicity take. */
export function storedOf(r: Extract<Replayed, { ok: true }>): StoredDraw {
  return { record: r.record, snapshot: r.snapshot, outcome: r.replay.outcome, substitutions: r.replay.substitutions };
}

/** The draws that DRP-1 step 1 saw when `d` took its inputs (its freeze, or its draw). */
export function drawsSeenBy(loaded: LoadedBook, d: RegisteredDraw): Promise<StoredDraw[]> {
  return loaded.validDraws(takenAt(d));
}
