// Freeze and draw (DRP-1 steps 1–7) over a workbook port: read, call the core once, write once.
import { draw, drawnThisYear, eligibility, generateSeed, makeSnapshot, snapshotDigest } from "../../core/draw";
import { issue, translate, type Issue, type Lang } from "../../core/issues/issue";
import { readTable, RESULT_COLUMNS, type ParseOptions } from "../../core/schema";
import type { DrawOutcome, DrawRecord, Snapshot, Stratum, Task } from "../../core/model";
import type { WorkbookPort, WriteBatch } from "../port";
import { chinaTimestamp, chinaToday } from "../cells";
import { isIsoDate } from "../../core/calendar/dates";
import { numberedSheetName, RESULT_PREFIX, SNAPSHOT_PREFIX } from "../names";
import { renderLogSheet } from "../log-sheet";
import { parseSnapshotSheet, renderSnapshotSheet } from "../snapshot-sheet";
import { renderResultSheet } from "../result-sheet";
import { resultRowsAppend } from "../results-sheet";
import { loadBook, loadValidDraws, readIfPresent, type LoadedBook } from "./load";

export interface DrawOptions extends ParseOptions {
  taskId: string;
  /** entered seed; generated from the cryptographic source when absent (unless frozen) */
  seed?: string;
  /** draw date YYYY-MM-DD, China time; today when absent */
  date?: string;
  operator?: string;
  witness?: string;
  /** reason for voiding an earlier 有效 draw (or pending freeze) of the task */
  voidReason?: string;
  /** the clock, for tests */
  now?: Date;
}

export interface FreezeOptions extends ParseOptions {
  taskId: string;
  date?: string;
  operator?: string;
  seedRule?: string;
  voidReason?: string;
  now?: Date;
}

/** The JSON of `draw --json` (cli.md). */
export interface DrawReport {
  protocol: "DRP-1";
  task: string;
  seed: string;
  seedSource: "entered" | "generated";
  frozen: boolean;
  date: string;
  timestamp: string;
  digest: string;
  sheet: string;
  snapshotSheet: string;
  strata: { stratum: Stratum; eligible: number; selected: number }[];
  excluded: Snapshot["excluded"];
  selected: {
    uscc: string;
    name: string;
    stratum: Stratum;
    leader: string;
    teams: { department: string; inspectors: string[] }[];
  }[];
  reserves: { uscc: string; stratum: Stratum; rank: number }[];
  warnings: Issue[];
}

export interface FreezeReport {
  protocol: "DRP-1";
  task: string;
  date: string;
  timestamp: string;
  digest: string;
  snapshotSheet: string;
  seedRule: string;
  eligible: number;
  excluded: Snapshot["excluded"];
}

export type Outcome<T> = { ok: true; report: T; warnings: Issue[] } | { ok: false; errors: Issue[]; warnings: Issue[] };

const fail = <T>(errors: Issue[], warnings: Issue[] = []): Outcome<T> => ({ ok: false, errors, warnings });

/** The freeze waiting for its seed, if the task has one. */
export function pendingFreeze(records: DrawRecord[], taskId: string): DrawRecord | null {
  const drawn = new Set(records.filter((r) => r.status !== "待抽取").map((r) => r.snapshotSheet));
  return records.find((r) => r.taskId === taskId && r.status === "待抽取" && !drawn.has(r.snapshotSheet)) ?? null;
}

interface Prepared {
  loaded: LoadedBook;
  task: Task;
  date: string;
  snapshot: Snapshot;
  digest: string;
  freeze: DrawRecord | null;
  warnings: Issue[];
}

async function prepare(
  port: WorkbookPort,
  options: { taskId: string; date?: string; lang?: Lang; now?: Date } & ParseOptions,
  useFreeze: boolean,
): Promise<{ ok: true; prepared: Prepared } | { ok: false; errors: Issue[]; warnings: Issue[] }> {
  const lang = options.lang ?? "zh";
  const loaded = await loadBook(port, options);
  const { book } = loaded;
  // A damaged draw log could hide an earlier 有效 draw: nothing is frozen or drawn until it reads.
  if (loaded.logProblems.length)
    return {
      ok: false,
      errors: loaded.logProblems.map((p) =>
        issue(
          "log_unreadable",
          { sheet: p.sheet, cell: p.cell, column: p.field },
          { sheet: p.sheet, cell: p.cell, field: p.field, detail: p.message },
          lang,
        ),
      ),
      warnings: [],
    };
  if (options.date !== undefined && !isIsoDate(options.date))
    return { ok: false, errors: [issue("date_invalid_option", {}, { value: options.date }, lang)], warnings: [] };

  // A task awaiting its seed is drawn on its frozen snapshot alone: the registries and the task
  // row as they are now (edited, even broken, since the freeze) play no part.
  const freeze = useFreeze ? pendingFreeze(loaded.records, options.taskId) : null;
  if (freeze) {
    const sheet = await readIfPresent(port, loaded.sheetNames, freeze.snapshotSheet);
    const parsed = sheet ? parseSnapshotSheet(sheet) : null;
    if (!parsed?.snapshot) {
      const detail = parsed ? parsed.problems.map((p) => `${p.cell} ${p.message}`).join("；") : "工作表不存在";
      return fail([issue("snapshot_unreadable", {}, { sheet: freeze.snapshotSheet, detail }, lang)]) as never;
    }
    const digest = await snapshotDigest(parsed.snapshot);
    if (digest !== freeze.digest)
      return fail([
        issue(
          "snapshot_digest_mismatch",
          {},
          { sheet: freeze.snapshotSheet, actual: digest, expected: freeze.digest },
          lang,
        ),
      ]) as never;
    return {
      ok: true,
      prepared: {
        loaded,
        task: parsed.snapshot.task,
        date: parsed.snapshot.date,
        snapshot: parsed.snapshot,
        digest,
        freeze,
        warnings: [],
      },
    };
  }

  // A fault in a 检查结果 row (the results of earlier draws, typed as inspections go on) does not
  // touch anything a draw reads: it is reported by check and publicity, and does not block a draw.
  const blocking = book.errors.filter((e) => book.sheets.results === null || e.sheet !== book.sheets.results);
  if (blocking.length)
    return {
      ok: false,
      errors: [issue("book_has_errors", {}, { count: blocking.length }, lang), ...blocking],
      warnings: book.warnings,
    };
  const task = book.tasks.find((t) => t.id === options.taskId);
  if (!task)
    return {
      ok: false,
      errors: [
        issue("task_unknown", {}, { task: options.taskId, known: book.tasks.map((t) => t.id).join("、") }, lang),
      ],
      warnings: book.warnings,
    };

  const date = options.date ?? chinaToday(options.now);
  // another task's 有效 draws; the task's own are voided by this draw (or refuse it)
  const others = (await loadValidDraws(port, loaded)).filter((d) => d.record.taskId !== task.id);
  const drawn = drawnThisYear(others, task, date);
  const el = eligibility(task, book.targets, date, drawn);
  const snapshot = makeSnapshot(
    task,
    book.items,
    el.eligible,
    book.inspectors,
    date,
    el.excluded,
    book.targets.length,
    el.inScope,
  );
  const digest = await snapshotDigest(snapshot);
  // Drawing after the task's window has closed is allowed (a late replay, a demonstration) but
  // said; the warning goes to the clerk, not into the record, which holds the protocol's only.
  const late =
    date > task.endDate ? [issue("draw_after_task_end", {}, { task: task.id, date, end: task.endDate }, lang)] : [];
  return {
    ok: true,
    prepared: { loaded, task, date, snapshot, digest, freeze: null, warnings: [...book.warnings, ...late] },
  };
}

/** Marks the task's earlier 有效 draws and pending freezes 作废 with the reason; refuses without one. */
function voidEarlier(
  records: DrawRecord[],
  taskId: string,
  reason: string | undefined,
  lang: Lang,
  except: DrawRecord | null,
): { ok: true; records: DrawRecord[] } | { ok: false; error: Issue } {
  const pending = pendingFreeze(records, taskId);
  const earlier = records.filter((r) => r !== except && r.taskId === taskId && (r.status === "有效" || r === pending));
  if (!earlier.length) return { ok: true, records };
  if (reason === undefined) {
    const r = earlier[earlier.length - 1];
    const error =
      r.status === "待抽取"
        ? issue("freeze_exists", {}, { task: taskId, sheet: r.snapshotSheet, digest: r.digest }, lang)
        : issue("draw_exists", {}, { task: taskId, sheet: r.sheet }, lang);
    return { ok: false, error };
  }
  if (!reason.trim()) return { ok: false, error: issue("void_reason_empty", {}, {}, lang) };
  return {
    ok: true,
    records: records.map((r) => (earlier.includes(r) ? { ...r, status: "作废", reason: reason.trim() } : r)),
  };
}

/**
 * The 检查结果 rows of a draw, less those whose (target, department) the task already has a row
 * for (a redraw that selects a target again): one row per pair, and what inspectors typed stays.
 * When the sheet exists, each value goes under its own header wherever the clerks have put it
 * (title rows above, columns moved or added); a column they removed gets nothing.
 */
async function newResultRows(
  port: WorkbookPort,
  loaded: LoadedBook,
  taskId: string,
  append: WriteBatch["append"][number],
): Promise<WriteBatch["append"][number]> {
  const key = (uscc: unknown, department: unknown) => `${String(uscc)}|${String(department)}`;
  const present = new Set(loaded.book.results.filter((r) => r.taskId === taskId).map((r) => key(r.uscc, r.department)));
  const rows = append.rows.filter((row) => !present.has(key(row[1], row[3])));
  const sheet = await readIfPresent(port, loaded.sheetNames, append.sheet);
  const table = sheet ? readTable(sheet, RESULT_COLUMNS, append.sheet) : null;
  if (!table || table.headerRow === null) return { ...append, rows };
  // the appended rows follow the header of the sheet the draw would create; each value goes
  // under the column of the same header on the clerks' sheet
  const place = (append.whenAbsent.rows[0] ?? []).map((h) => {
    const column = RESULT_COLUMNS.find((c) => c.header === h);
    return column ? table.columns[column.key]?.index : undefined;
  });
  const width = Math.max(0, ...place.map((i) => (i ?? -1) + 1));
  const moved = rows.map((row) => {
    const out: (typeof row)[number][] = Array.from({ length: width }, () => null);
    row.forEach((v, i) => {
      const at = place[i];
      if (at !== undefined) out[at] = v;
    });
    return out;
  });
  const validations = (append.validations ?? []).flatMap((v) => {
    const at = place[v.column - 1];
    return at === undefined ? [] : [{ ...v, column: at + 1 }];
  });
  return { ...append, rows: moved, validations };
}

/** DRP-1 step 6, first half: writes the snapshot and logs the task as 待抽取. */
export async function runFreeze(port: WorkbookPort, options: FreezeOptions): Promise<Outcome<FreezeReport>> {
  const lang = options.lang ?? "zh";
  const prep = await prepare(port, options, false);
  if (!prep.ok) return prep;
  const { loaded, task, date, snapshot, digest } = prep.prepared;
  const voided = voidEarlier(loaded.records, task.id, options.voidReason, lang, null);
  if (!voided.ok) return fail([voided.error], prep.prepared.warnings);
  const snapshotSheet = numberedSheetName(SNAPSHOT_PREFIX, task.id, loaded.sheetNames);
  const timestamp = chinaTimestamp(options.now);
  const record: DrawRecord = {
    protocol: "DRP-1",
    taskId: task.id,
    taskName: task.name,
    seed: null,
    seedSource: null,
    seedRule: options.seedRule?.trim() ?? "",
    frozen: true,
    date,
    timestamp,
    operator: options.operator?.trim() ?? "",
    witness: "",
    digest,
    sheet: "",
    snapshotSheet,
    status: "待抽取",
    reason: "",
    warnings: [],
  };
  const batch: WriteBatch = {
    create: [renderSnapshotSheet(snapshot, snapshotSheet)],
    replace: [renderLogSheet([...voided.records, record])],
    append: [],
  };
  await port.write(batch);
  return {
    ok: true,
    warnings: prep.prepared.warnings,
    report: {
      protocol: "DRP-1",
      task: task.id,
      date,
      timestamp,
      digest,
      snapshotSheet,
      seedRule: record.seedRule,
      eligible: snapshot.targets.length,
      excluded: snapshot.excluded,
    },
  };
}

/** Runs DRP-1 (on the frozen snapshot when the task awaits its seed) and writes the draw in one step. */
export async function runDraw(port: WorkbookPort, options: DrawOptions): Promise<Outcome<DrawReport>> {
  const lang = options.lang ?? "zh";
  const prep = await prepare(port, options, true);
  if (!prep.ok) return prep;
  const { loaded, task, date, snapshot, digest, freeze } = prep.prepared;
  const warnings = [...prep.prepared.warnings];

  // A seed is typed or pasted: spaces around it are no part of it (the log keeps it trimmed, and a
  // replay must use the very seed the draw used).
  const entered = options.seed === undefined ? undefined : options.seed.trim();
  if (freeze && entered === undefined)
    return fail(
      [issue("seed_required", {}, { task: task.id, timestamp: freeze.timestamp, rule: freeze.seedRule || "—" }, lang)],
      warnings,
    );
  // A draw made on a freeze consumes that freeze; only earlier 有效 draws need a reason.
  const voided = voidEarlier(loaded.records, task.id, options.voidReason, lang, freeze);
  if (!voided.ok) return fail([voided.error], warnings);
  const records = voided.records;

  const seedSource = entered === undefined ? "generated" : "entered";
  const seed = entered ?? generateSeed();
  // The record keeps the protocol's warnings in Chinese whatever the clerk's language, so that a
  // replay in any language re-renders the same sheet; the report carries them in the clerk's language.
  const result = draw(snapshot, seed);
  if (!result.ok) return fail(translate([result.issue], lang), warnings);
  const outcome: DrawOutcome = result.outcome;
  warnings.push(...translate(result.warnings, lang));

  const sheet = numberedSheetName(RESULT_PREFIX, task.id, loaded.sheetNames);
  const snapshotSheet = freeze ? freeze.snapshotSheet : numberedSheetName(SNAPSHOT_PREFIX, task.id, loaded.sheetNames);
  const timestamp = chinaTimestamp(options.now);
  const record: DrawRecord = {
    protocol: "DRP-1",
    taskId: task.id,
    taskName: task.name,
    seed,
    seedSource,
    seedRule: freeze?.seedRule ?? "",
    frozen: freeze !== null,
    date,
    timestamp,
    operator: options.operator?.trim() ?? "",
    witness: options.witness?.trim() ?? "",
    digest,
    sheet,
    snapshotSheet,
    status: "有效",
    reason: "",
    warnings: result.warnings.map((w) => w.message),
  };
  const batch: WriteBatch = {
    create: [
      renderResultSheet(record, snapshot, outcome),
      ...(freeze ? [] : [renderSnapshotSheet(snapshot, snapshotSheet)]),
    ],
    replace: [renderLogSheet([...records, record])],
    append: [await newResultRows(port, loaded, task.id, resultRowsAppend(snapshot, outcome))],
  };
  await port.write(batch);
  const names = new Map(snapshot.targets.map((t) => [t.uscc, t.name]));
  return {
    ok: true,
    warnings,
    report: {
      protocol: "DRP-1",
      task: task.id,
      seed,
      seedSource,
      frozen: record.frozen,
      date,
      timestamp,
      digest,
      sheet,
      snapshotSheet,
      strata: outcome.strata,
      excluded: snapshot.excluded,
      selected: outcome.selected.map((s) => ({
        uscc: s.uscc,
        name: names.get(s.uscc) ?? "",
        stratum: s.stratum,
        leader: s.leader,
        teams: s.teams,
      })),
      reserves: outcome.reserves,
      warnings: translate(result.warnings, lang),
    },
  };
}

/** What the pane shows before drawing: eligible and planned counts per stratum, without writing. */
export async function previewDraw(
  port: WorkbookPort,
  options: { taskId: string; date?: string; now?: Date } & ParseOptions,
): Promise<
  Outcome<{
    frozen: boolean;
    digest: string;
    date: string;
    strata: { stratum: Stratum; eligible: number; planned: number }[];
    excluded: Snapshot["excluded"];
    existing: string | null;
  }>
> {
  const prep = await prepare(port, options, true);
  if (!prep.ok) return prep;
  const { snapshot, digest, freeze, date, loaded, task } = prep.prepared;
  // the allocation does not depend on the seed: any seed gives the planned k per stratum
  const trial = draw(snapshot, "preview");
  const strata = trial.ok
    ? trial.outcome.strata.map((s) => ({ stratum: s.stratum, eligible: s.eligible, planned: s.selected }))
    : [];
  const existing = loaded.records.find((r) => r.taskId === task.id && r.status === "有效")?.sheet ?? null;
  return {
    ok: true,
    warnings: translate(
      trial.ok ? [...prep.prepared.warnings, ...trial.warnings] : [...prep.prepared.warnings, trial.issue],
      options.lang ?? "zh",
    ),
    report: { frozen: freeze !== null, digest, date, strata, excluded: snapshot.excluded, existing },
  };
}
