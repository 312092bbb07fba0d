// Freeze and draw (DRP-1 steps 1–7) over a workbook port: read once, let the core (eligibility,
// the draw, the register) decide, write once.
import { draw, drawnThisYear, eligibility, generateSeed, makeSnapshot, snapshotDigest } from "../../core/draw";
import {
  activeDraw,
  findDraw,
  planDraw,
  planFreeze,
  recordOf,
  seedIssue,
  statusOf,
  withEntries,
  type RegisteredDraw,
} from "../../core/draw/register";
import { migrate } from "../../core/draw/legacy";
import { workload, workloadIssues } from "../../core/papers";
import { makeCalendar } from "../../core/calendar";
import { seedRefusal } from "../../core/draw/seed";
import type { LogEntry } from "../../core/draw/chain";
import { issue, translate, type Issue, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { Checkpoint, DrawOutcome, Snapshot, Stratum, Task } from "../../core/model";
import type { WriteBatch } from "../port";
import { chinaTimestamp, chinaToday } from "../cells";
import { isIsoDate } from "../../core/calendar/dates";
import { numberedSheetName, RESULT_PREFIX, SNAPSHOT_PREFIX } from "../names";
import { renderSnapshotSheet } from "../snapshot-sheet";
import { renderResultSheet } from "../result-sheet";
import { resultPairs, resultRowsAppend, STATE_VOIDED } from "../results-sheet";
import type { WorkbookPort } from "../port";
import { loadBook, type LoadedBook } from "./load";
import { commit, optionProblems, renderDrawSheet } from "./commit";
import { pairKey, resultRowChanges } from "./result-rows";
import { yearBeforeDraw } from "./year";
import { pushAll } from "../../core/push-all";

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
  /** DRP-1, or 外部抽取 for a list imported from a platform */
  protocol: "DRP-1" | "外部抽取";
  task: string;
  seed: string;
  /** the seed's UTF-8 bytes in hex when it is not plain ASCII, else '' */
  seedHex: string;
  /** null for an imported list (外部抽取), which has no seed */
  seedSource: "entered" | "generated" | null;
  frozen: boolean;
  date: string;
  timestamp: string;
  digest: string;
  sheet: string;
  snapshotSheet: string;
  /** the log's chain head after this write, to publish */
  chain: string;
  strata: { stratum: Stratum; eligible: number; selected: number }[];
  excluded: Snapshot["excluded"];
  selected: {
    seq: number;
    uscc: string;
    name: string;
    stratum: Stratum;
    leader: string;
    leaderName: string;
    teams: { department: string; inspectors: string[]; names: string[] }[];
  }[];
  reserves: { uscc: string; name: string; stratum: Stratum; rank: number; used: boolean }[];
  substitutions: { n: number; replaced: string; substitute: string; stratum: Stratum; rank: number; reason: string }[];
  /** the year's share after this draw and the planned batches that are late (the year view's lines) */
  year?: string[];
  warnings: Issue[];
}

export interface FreezeReport {
  protocol: "DRP-1";
  task: string;
  taskName: string;
  date: string;
  timestamp: string;
  digest: string;
  snapshotSheet: string;
  seedRule: string;
  /** the log's chain head after this write, to publish with the digest */
  chain: string;
  eligible: number;
  strata: { stratum: Stratum; eligible: number; planned: number }[];
  excluded: Snapshot["excluded"];
}

export type Outcome<T> = { ok: true; report: T; warnings: Issue[] } | { ok: false; errors: Issue[]; warnings: Issue[] };

export const fail = <T>(errors: Issue[], warnings: Issue[] = []): Outcome<T> => ({ ok: false, errors, warnings });

/** The task's items with their names, as the record shows them: 'WJ-01 对医疗机构…的监督检查；…'. */
export function itemsText(task: Task, items: readonly Checkpoint[]): string {
  return task.itemIds
    .map((id) => {
      const name = items.find((c) => c.itemId === id)?.item ?? "";
      return name ? `${id} ${name}` : id;
    })
    .join("；");
}

interface Prepared {
  loaded: LoadedBook;
  task: Task;
  date: string;
  snapshot: Snapshot;
  digest: string;
  items: string;
  /** the task's freeze awaiting its seed, when the draw is made on it */
  freeze: RegisteredDraw | null;
  warnings: Issue[];
}

/** A damaged log could hide an earlier 有效 draw: nothing is frozen, drawn, voided or replaced. */
export function logBlocks(loaded: LoadedBook): Issue[] {
  return loaded.logIssues;
}

async function prepare(
  port: WorkbookPort,
  options: { taskId: string; date?: string; lang?: Lang; now?: Date } & ParseOptions,
  useFreeze: boolean,
): Promise<{ ok: true; prepared: Prepared } | { ok: false; errors: Issue[]; warnings: Issue[] }> {
  const lang = options.lang ?? "zh";
  const loaded = await loadBook(port, options);
  const { book } = loaded;
  if (logBlocks(loaded).length) return { ok: false, errors: logBlocks(loaded), warnings: [] };
  if (options.date !== undefined && !isIsoDate(options.date))
    return { ok: false, errors: [issue("date_invalid_option", {}, { value: options.date }, lang)], warnings: [] };

  // A task awaiting its seed is drawn on its frozen snapshot alone: the registries and the task
  // row as they are now (edited, even broken, since the freeze) play no part.
  const live = activeDraw(loaded.register, options.taskId);
  const freeze = useFreeze && live && statusOf(live) === "待抽取" ? live : null;
  if (freeze) {
    const read = await loaded.snapshot(freeze);
    if (!read.snapshot) {
      const detail = read.sheet ? read.problems.map((p) => `${p.cell} ${p.message}`).join("；") : "工作表不存在";
      return {
        ok: false,
        errors: [issue("snapshot_unreadable", {}, { sheet: freeze.key, detail }, lang)],
        warnings: [],
      };
    }
    const digest = await snapshotDigest(read.snapshot);
    const published = freeze.freeze!.entry.digest;
    if (digest !== published)
      return {
        ok: false,
        errors: [
          issue("snapshot_digest_mismatch", {}, { sheet: freeze.key, actual: digest, expected: published }, lang),
        ],
        warnings: [],
      };
    return {
      ok: true,
      prepared: {
        loaded,
        task: read.snapshot.task,
        date: read.snapshot.date,
        snapshot: read.snapshot,
        digest,
        items: freeze.freeze!.entry.items,
        freeze,
        warnings: [],
      },
    };
  }

  // A fault in a 检查结果 row (the results of earlier draws, typed as inspections go on), in 单位信息
  // or in 年度抽查计划 does not touch anything a draw reads: check, the papers, publicity and the
  // year view report it; it does not block a draw.
  const notRead = new Set([book.sheets.results, book.sheets.units, book.sheets.plans].filter((s) => s !== null));
  const blocking = book.errors.filter((e) => !notRead.has(e.sheet));
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
  // the draws 有效 now: the task's own live draw is voided by this one (or refuses it) and then
  // no longer counts, which the register's order of events says
  const valid = (await loaded.validDraws()).filter((d) => d.record.taskId !== task.id);
  const el = eligibility(task, book.targets, date, drawnThisYear(valid, task, date));
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
  // Drawing outside the task's window is allowed (a late replay, a demonstration) but said; the
  // warning goes to the clerk, not into the record, which holds the protocol's only.
  const window: Issue[] = [];
  if (date > task.endDate)
    window.push(issue("draw_after_task_end", {}, { task: task.id, date, end: task.endDate }, lang));
  if (date < task.startDate)
    window.push(issue("draw_before_task_start", {}, { task: task.id, date, start: task.startDate }, lang));
  return {
    ok: true,
    prepared: {
      loaded,
      task,
      date,
      snapshot,
      digest,
      items: itemsText(task, book.items),
      freeze: null,
      warnings: [...book.warnings, ...window],
    },
  };
}

/**
 * What the voids among new entries do beyond the log: each voided draw's result sheet is rendered
 * again with its banner, and its 检查结果 rows leave (except the pairs `keep` still holds).
 */
export async function voidEffects(
  loaded: LoadedBook,
  entries: LogEntry[],
  keep: ReadonlySet<string> = new Set(),
): Promise<Pick<WriteBatch, "replace" | "edit">> {
  const after = withEntries(migrate(loaded.register, loaded.lang), entries, loaded.lang);
  const replace: WriteBatch["replace"] = [];
  const edit: NonNullable<WriteBatch["edit"]> = [];
  for (const e of entries) {
    if (e.event !== "作废") continue;
    const d = findDraw(after, e.snapshotSheet)!;
    if (!d.draw) continue;
    const r = await loaded.replayed(findDraw(loaded.register, e.snapshotSheet)!);
    if (!r.ok) continue;
    replace.push(renderDrawSheet(d, r.snapshot, r.replay));
    const retire = new Set(resultPairs(r.replay.outcome).map((p) => pairKey(p.uscc, p.department)));
    for (const k of keep) retire.delete(k);
    const changes = await resultRowChanges(loaded, d.taskId, retire, STATE_VOIDED, null);
    pushAll(edit, changes.edit);
  }
  return { replace, edit };
}

/** DRP-1 step 6, first half: writes the snapshot and logs the task as 待抽取. */
export async function runFreeze(port: WorkbookPort, options: FreezeOptions): Promise<Outcome<FreezeReport>> {
  const lang = options.lang ?? "zh";
  const bad = optionProblems(
    { operator: options.operator, "seed-rule": options.seedRule, "void-previous": options.voidReason },
    lang,
  );
  if (bad.length) return fail(bad);
  const prep = await prepare(port, options, false);
  if (!prep.ok) return prep;
  const { loaded, task, date, snapshot, digest, items } = prep.prepared;
  const trial = draw(snapshot, "preview");
  if (trial.ok && trial.outcome.selected.length === 0)
    return fail(
      [issue("draw_selects_nothing", {}, { task: task.id, eligible: snapshot.targets.length }, lang)],
      prep.prepared.warnings,
    );
  const snapshotSheet = numberedSheetName(SNAPSHOT_PREFIX, task.id, loaded.sheetNames);
  const timestamp = chinaTimestamp(options.now);
  const base = migrate(loaded.register, lang);
  const plan = planFreeze(base, {
    taskId: task.id,
    taskName: task.name,
    snapshotSheet,
    date,
    digest,
    items,
    seedRule: options.seedRule?.trim() ?? "",
    time: timestamp,
    operator: options.operator?.trim() ?? "",
    voidReason: options.voidReason,
    lang,
  });
  if (!plan.ok) return fail([plan.issue], prep.prepared.warnings);
  const effects = await voidEffects(loaded, plan.entries);
  const written = await commit(
    port,
    loaded,
    plan.entries,
    { create: [renderSnapshotSheet(snapshot, snapshotSheet)], ...effects },
    { task: task.id, pairs: new Set() },
  );
  if (!written.ok) return fail(written.errors, prep.prepared.warnings);
  return {
    ok: true,
    warnings: [...prep.prepared.warnings, ...written.warnings],
    report: {
      protocol: "DRP-1",
      task: task.id,
      taskName: task.name,
      date,
      timestamp,
      digest,
      snapshotSheet,
      seedRule: options.seedRule?.trim() ?? "",
      chain: written.head,
      eligible: snapshot.targets.length,
      strata: trial.ok
        ? trial.outcome.strata.map((s) => ({ stratum: s.stratum, eligible: s.eligible, planned: s.selected }))
        : [],
      excluded: snapshot.excluded,
    },
  };
}

/** The report of a draw as it stands (also after a substitution). */
export function drawReport(
  d: RegisteredDraw,
  snapshot: Snapshot,
  outcome: DrawOutcome,
  substitutions: DrawReport["substitutions"],
  head: string,
  warnings: Issue[],
): DrawReport {
  const r = recordOf(d);
  const targets = new Map(snapshot.targets.map((t) => [t.uscc, t]));
  const names = new Map(snapshot.inspectors.map((i) => [i.id, i.name]));
  const used = new Set(substitutions.map((s) => s.substitute));
  return {
    protocol: r.protocol,
    task: r.taskId,
    seed: r.seed ?? "",
    seedHex: r.seedHex ?? "",
    seedSource: r.seedSource ?? (r.protocol === "外部抽取" ? null : "entered"),
    frozen: r.frozen,
    date: r.date,
    timestamp: r.timestamp,
    digest: r.digest,
    sheet: r.sheet,
    snapshotSheet: r.snapshotSheet,
    chain: head,
    strata: outcome.strata,
    excluded: snapshot.excluded,
    selected: outcome.selected.map((s) => ({
      seq: s.seq,
      uscc: s.uscc,
      name: targets.get(s.uscc)?.name ?? "",
      stratum: s.stratum,
      leader: s.leader,
      leaderName: names.get(s.leader) ?? "",
      teams: s.teams.map((t) => ({ ...t, names: t.inspectors.map((id) => names.get(id) ?? "") })),
    })),
    reserves: outcome.reserves.map((x) => ({ ...x, name: targets.get(x.uscc)?.name ?? "", used: used.has(x.uscc) })),
    substitutions,
    warnings,
  };
}

/** Runs DRP-1 (on the frozen snapshot when the task awaits its seed) and writes the draw in one step. */
export async function runDraw(port: WorkbookPort, options: DrawOptions): Promise<Outcome<DrawReport>> {
  const lang = options.lang ?? "zh";
  const bad = optionProblems(
    { operator: options.operator, witness: options.witness, "void-previous": options.voidReason },
    lang,
  );
  if (bad.length) return fail(bad);
  const prep = await prepare(port, options, true);
  if (!prep.ok) return prep;
  const { loaded, task, date, snapshot, digest, freeze, items } = prep.prepared;
  const warnings = [...prep.prepared.warnings];

  // A seed is typed or pasted: spaces around it are no part of it (the log keeps it trimmed, and a
  // replay must use the very seed the draw used).
  const entered = options.seed === undefined ? undefined : options.seed.trim();
  if (freeze && entered === undefined)
    return fail(
      [
        issue(
          "seed_required",
          {},
          { task: task.id, timestamp: freeze.freeze!.entry.time, rule: freeze.freeze!.entry.seedRule || "—" },
          lang,
        ),
      ],
      warnings,
    );
  const seedSource = entered === undefined ? "generated" : "entered";
  const seed = entered ?? generateSeed();
  // DRP-1 §8 for every new draw: the seed is refused naming the offending code point
  const refused = seedRefusal(seed);
  if (refused) return fail([seedIssue(seed, refused, lang)], warnings);
  const result = draw(snapshot, seed);
  if (!result.ok) return fail(translate([result.issue], lang), warnings);
  if (result.outcome.selected.length === 0)
    return fail(
      [issue("draw_selects_nothing", {}, { task: task.id, eligible: snapshot.targets.length }, lang)],
      warnings,
    );
  const outcome: DrawOutcome = result.outcome;

  const sheet = numberedSheetName(RESULT_PREFIX, task.id, loaded.sheetNames);
  const snapshotSheet = freeze ? freeze.key : numberedSheetName(SNAPSHOT_PREFIX, task.id, loaded.sheetNames);
  const base = migrate(loaded.register, lang);
  const plan = planDraw(base, {
    taskId: task.id,
    taskName: task.name,
    snapshotSheet,
    sheet,
    date,
    digest,
    items,
    seed,
    seedSource,
    time: chinaTimestamp(options.now),
    operator: options.operator?.trim() ?? "",
    witness: options.witness?.trim() ?? "",
    // the record keeps the protocol's warnings in Chinese whatever the clerk's language, so that a
    // replay in any language renders the same sheet
    warnings: result.warnings.map((w) => w.message),
    frozen: freeze ? findDraw(base, freeze.key) : null,
    voidReason: options.voidReason,
    lang,
  });
  if (!plan.ok) return fail([plan.issue], warnings);
  const after = withEntries(base, plan.entries, lang);
  const mine = findDraw(after, snapshotSheet)!;
  const rows = resultRowsAppend(snapshot, outcome);
  const keep = new Set(resultPairs(outcome).map((p) => pairKey(p.uscc, p.department)));
  const effects = await voidEffects(loaded, plan.entries, keep);
  const added = await resultRowChanges(loaded, task.id, new Set(), "", rows);
  const written = await commit(
    port,
    loaded,
    plan.entries,
    {
      create: [
        renderResultSheet({ record: recordOf(mine), snapshot, outcome, substitutions: [] }),
        ...(freeze ? [] : [renderSnapshotSheet(snapshot, snapshotSheet)]),
      ],
      replace: effects.replace,
      edit: effects.edit,
      append: added.append,
    },
    { task: task.id, pairs: keep },
  );
  if (!written.ok) return fail(written.errors, warnings);
  // more inspections per inspector than the task window has working days: said, not refused
  const load = workloadIssues(workload(snapshot, outcome, makeCalendar(loaded.book.holidays)), lang);
  warnings.push(...translate(result.warnings, lang), ...written.warnings, ...load);
  const year = await yearBeforeDraw(
    loaded,
    { taskId: task.id, departments: task.departments, count: outcome.selected.length, date },
    lang,
  );
  return {
    ok: true,
    warnings,
    report: {
      ...drawReport(mine, snapshot, outcome, [], written.head, translate(result.warnings, lang)),
      year: year?.lines ?? [],
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
    /** the freeze's seed rule and time, when the task awaits its seed */
    seedRule: string;
    frozenAt: string;
    /** the snapshot sheet of the freeze awaiting its seed ('' when not frozen) */
    frozenSheet: string;
    chain: string;
    /** how far the year's share will stand after the draw, and the late planned batches */
    year: string[];
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
  const live = activeDraw(loaded.register, task.id);
  const planned = strata.reduce((n, x) => n + x.planned, 0);
  const year = await yearBeforeDraw(
    loaded,
    { taskId: task.id, departments: task.departments, count: planned, date },
    options.lang ?? "zh",
  );
  return {
    ok: true,
    warnings: translate(
      [
        ...(trial.ok ? [...prep.prepared.warnings, ...trial.warnings] : [...prep.prepared.warnings, trial.issue]),
        ...(year?.issues ?? []),
      ],
      options.lang ?? "zh",
    ),
    report: {
      frozen: freeze !== null,
      digest,
      date,
      strata,
      excluded: snapshot.excluded,
      existing: live && statusOf(live) === "有效" ? (live.draw?.entry.sheet ?? null) : null,
      seedRule: freeze?.freeze?.entry.seedRule ?? "",
      frozenAt: freeze?.freeze?.entry.time ?? "",
      frozenSheet: freeze?.key ?? "",
      chain: loaded.register.head,
      year: year?.lines ?? [],
    },
  };
}
