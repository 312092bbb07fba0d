// The one way a use-case writes after a register event: the new log entries (appended, or the old
// log converted once), the sheets the event changes, a precondition that the log still ends where
// it was read (another draw may have landed meanwhile), and no text Excel would refuse.
import type { LogEntry } from "../../core/draw/chain";
import { chainHead } from "../../core/draw/chain";
import { migrate } from "../../core/draw/legacy";
import { MIGRATED_NOTE, recordOf, type RegisteredDraw, type Replay } from "../../core/draw/register";
import { columnLetter, issue, type Issue, type Lang } from "../../core/issues/issue";
import type { Snapshot } from "../../core/model";
import { WorkbookChangedError, type SheetSpec, type WorkbookPort, type WriteBatch } from "../port";
import { logRow, renderLogSheet } from "../log-sheet";
import { LOG_SHEET } from "../names";
import { renderResultSheet } from "../result-sheet";
import { renderResultSheetV1 } from "../result-sheet-v1";
import type { LoadedBook } from "./load";
import { statusOf } from "../../core/draw/register";
import { resultPairs, STATE_VOIDED } from "../results-sheet";
import { pairKey, resultRowChanges } from "./result-rows";
import { pushAll } from "../../core/push-all";

const MAX_TEXT = 32767;
/** Free text given as an option (operator, witness, seed rule, reasons): a line, not a document. */
export const MAX_OPTION = 200;

/** Options longer than a record can show. */
export function optionProblems(options: Record<string, string | undefined>, lang: Lang): Issue[] {
  return Object.entries(options).flatMap(([option, v]) => {
    const length = v === undefined ? 0 : Array.from(v.trim()).length;
    return length > MAX_OPTION ? [issue("option_too_long", {}, { option, length, max: MAX_OPTION }, lang)] : [];
  });
}

/**
 * The result sheet of a draw as it stands. Draws made before the chained log keep the layout they
 * were drawn with, until a void or a substitution made since renders them anew.
 */
export function renderDrawSheet(d: RegisteredDraw, snapshot: Snapshot, replay: Replay): SheetSpec {
  const record = { ...recordOf(d), warnings: replay.warnings };
  const native = (e: LogEntry) => !e.note.startsWith(MIGRATED_NOTE);
  const layout1 = d.legacy && !(d.voided && native(d.voided.entry)) && !d.substitutions.some((s) => native(s.entry));
  if (layout1) return renderResultSheetV1(record, snapshot, replay.outcome);
  return renderResultSheet({ record, snapshot, outcome: replay.outcome, substitutions: replay.substitutions });
}

/** Every text of the batch longer than a cell holds, as an issue at the cell it would go to. */
function longTexts(batch: WriteBatch, lang: Lang): Issue[] {
  const out: Issue[] = [];
  const check = (sheet: string, row: number, column: number, v: unknown) => {
    if (typeof v === "string" && v.length > MAX_TEXT)
      out.push(
        issue(
          "text_too_long",
          { sheet },
          { sheet, cell: `${columnLetter(column)}${row}`, length: v.length, source: v.slice(0, 20) + "…" },
          lang,
        ),
      );
  };
  for (const s of [...batch.create, ...batch.replace])
    s.rows.forEach((r, i) => r.forEach((v, c) => check(s.name, i + 1, c, v)));
  for (const a of batch.append) a.rows.forEach((r, i) => r.forEach((v, c) => check(a.sheet, i + 1, c, v)));
  for (const e of batch.edit ?? []) for (const c of e.cells ?? []) check(e.sheet, c.row, c.column - 1, c.value);
  return out;
}

export type Committed = { ok: true; head: string; warnings: Issue[] } | { ok: false; errors: Issue[] };

/** The (target|department) pairs a task's draws hold once the write is made. */
export interface After {
  task: string;
  pairs: ReadonlySet<string>;
}

/**
 * The 检查结果 rows that the old program left behind for its voided draws (it never removed them):
 * tidied once, with the log's conversion, as a void does now; `after` is what the event's own task
 * holds once it is written.
 */
async function legacyLeftovers(loaded: LoadedBook, after: After): Promise<NonNullable<WriteBatch["edit"]>> {
  const current = new Set<string>();
  for (const d of await loaded.validDraws())
    if (d.record.taskId !== after.task)
      for (const p of resultPairs(d.outcome)) current.add(`${d.record.taskId}|${pairKey(p.uscc, p.department)}`);
  for (const p of after.pairs) current.add(`${after.task}|${p}`);
  const edits: NonNullable<WriteBatch["edit"]> = [];
  const tasks = new Set(loaded.register.draws.map((d) => d.taskId));
  for (const task of tasks) {
    const retire = new Set<string>();
    for (const d of loaded.register.draws) {
      if (d.taskId !== task || statusOf(d) !== "作废") continue;
      const r = await loaded.replayed(d);
      if (!r.ok) continue;
      for (const p of resultPairs(r.replay.outcome))
        if (!current.has(`${task}|${pairKey(p.uscc, p.department)}`)) retire.add(pairKey(p.uscc, p.department));
    }
    if (retire.size) pushAll(edits, (await resultRowChanges(loaded, task, retire, STATE_VOIDED, null)).edit);
  }
  return edits;
}

type Edit = NonNullable<WriteBatch["edit"]>[number];

/** One edit per sheet: cells and rows of several edits of a sheet, all by the row numbers as read. */
function mergeEdits(edits: Edit[]): Edit[] {
  const bySheet = new Map<string, { cells: Map<string, NonNullable<Edit["cells"]>[number]>; rows: Set<number> }>();
  for (const e of edits) {
    const m = bySheet.get(e.sheet) ?? { cells: new Map(), rows: new Set<number>() };
    bySheet.set(e.sheet, m);
    for (const c of e.cells ?? []) m.cells.set(`${c.row}|${c.column}`, c);
    for (const r of e.deleteRows ?? []) m.rows.add(r);
  }
  return [...bySheet].map(([sheet, m]) => ({ sheet, cells: [...m.cells.values()], deleteRows: [...m.rows] }));
}

/** Writes the entries and the sheets in one batch, or nothing. */
export async function commit(
  port: WorkbookPort,
  loaded: LoadedBook,
  entries: LogEntry[],
  parts: Partial<Pick<WriteBatch, "create" | "replace" | "edit" | "append">>,
  after: After,
): Promise<Committed> {
  const lang = loaded.lang;
  const base = migrate(loaded.register, lang);
  const converting = loaded.register.legacy && loaded.log.present;
  const leftovers = converting ? await legacyLeftovers(loaded, after) : [];
  const removed = leftovers.reduce((n, e) => n + (e.deleteRows?.length ?? 0), 0);
  const warnings: Issue[] = converting
    ? [issue("log_migrated", {}, { events: base.entries.length, removed }, lang)]
    : [];
  const batch: WriteBatch = {
    expect: [{ sheet: LOG_SHEET, lastRow: loaded.log.lastRow }],
    create: parts.create ?? [],
    replace: [...(parts.replace ?? []), ...(converting ? [renderLogSheet([...base.entries, ...entries])] : [])],
    edit: mergeEdits([...(parts.edit ?? []), ...leftovers]),
    append: [
      ...(converting ? [] : [{ sheet: LOG_SHEET, rows: entries.map(logRow), whenAbsent: renderLogSheet([]) }]),
      ...(parts.append ?? []),
    ],
  };
  const tooLong = longTexts(batch, lang);
  if (tooLong.length) return { ok: false, errors: tooLong };
  try {
    await port.write(batch);
  } catch (e) {
    if (e instanceof WorkbookChangedError || (e instanceof Error && e.name === "WorkbookChangedError")) {
      const x = e as WorkbookChangedError;
      return {
        ok: false,
        errors: [issue("workbook_changed", {}, { sheet: x.sheet, expected: x.expected, actual: x.actual }, lang)],
      };
    }
    throw e;
  }
  return { ok: true, head: chainHead([...base.entries, ...entries]), warnings };
}
