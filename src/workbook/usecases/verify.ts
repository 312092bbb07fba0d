// Verify: recomputes the log's chain and replays every event of it from the draws' snapshots,
// compares what the workbook holds cell by cell, finds sheets and 检查结果 rows no event accounts
// for, and says whether the registries (and task rows) changed since each draw.
import { drawnThisYear, eligibility, makeSnapshot, snapshotDigest, sortedBy } from "../../core/draw";
import { buildRegister, findDraw, isExternal, statusOf, type RegisteredDraw } from "../../core/draw/register";
import { externalDigest } from "../../core/draw/external";
import { renderExternalSheet } from "../external-sheet";
import { entryHash, type LogEntry, type LogField } from "../../core/draw/chain";
import { columnLetter, issue, type Issue, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { DrawRecord, Inspector, Snapshot, Target, Task } from "../../core/model";
import type { SheetData, SheetSpec, WorkbookPort } from "../port";
import { cellText } from "../cells";
import { renderSnapshotSheet } from "../snapshot-sheet";
import { headerOfField } from "../log-sheet";
import { loadBook, drawsSeenBy, type LoadedBook } from "./load";
import { renderDrawSheet } from "./commit";
import { EXTERNAL_PREFIX, LOG_SHEET, RESULT_PREFIX, RESULTS_SHEET, SNAPSHOT_PREFIX } from "../names";
import { resultPairs, RESULT_STATE_HEADER } from "../results-sheet";
import { pairKey } from "./result-rows";
import { readTable, RESULT_COLUMNS } from "../../core/schema";
import { pushAll } from "../../core/push-all";

/** One difference found by verify. */
export interface Mismatch {
  sheet: string;
  /** A1 address, '' when the difference is not at one cell */
  cell: string;
  /** the column header or record label of the cell */
  field: string;
  expected: string;
  actual: string;
  message: string;
}

export interface RegistryChanges {
  targetsAdded: string[];
  targetsRemoved: string[];
  targetsChanged: string[];
  inspectorsAdded: string[];
  inspectorsRemoved: string[];
  inspectorsChanged: string[];
  /** the task's row in 抽查任务 now differs from the task the draw was made on (or is gone) */
  taskChanged: boolean;
}

export interface DrawVerification {
  sheet: string;
  snapshotSheet: string;
  task: string;
  /** the status the log's events give; 无记录 for a result or snapshot sheet that no event names */
  status: DrawRecord["status"] | "无记录";
  ok: boolean;
  registryChanged: boolean;
  registryChanges: RegistryChanges;
  mismatches: Mismatch[];
}

export interface VerifyReport {
  ok: boolean;
  /** the log's chain head: the last entry's hash, to compare with a published value */
  chain: string;
  /** the log is in the format before the chain (no hash proves its rows) */
  legacy: boolean;
  /** faults of the log itself: the chain, the order of events, the headers */
  log: Mismatch[];
  /** 检查结果 rows that belong to no draw the log records */
  results: Mismatch[];
  /** unprotected records, stale 检查结果 rows, an old log: said, not failed */
  warnings: Issue[];
  draws: DrawVerification[];
}

const say = (lang: Lang, zh: string, en: string): string => (lang === "en" ? en : zh);

/** Labels of the rows under which a cell is named by the header above it. */
const TABLE_HEADS = ["序号", "备选序号", "替补序号", "统一社会信用代码", "执法证号", "分层"];

/** Compares an expected rendering with the sheet as read, cell by cell. */
export function diffSheet(expected: SheetSpec, actual: SheetData, lang: Lang = "zh"): Mismatch[] {
  const out: Mismatch[] = [];
  const rows = Math.max(expected.rows.length, actual.rows.length);
  // the header (or label) that names each cell, for a readable report
  const headerOf = (r: number, c: number): string => {
    for (let k = r - 1; k >= 0; k--) {
      const row = expected.rows[k] ?? [];
      if (TABLE_HEADS.includes(cellText(row[0] ?? null))) return cellText(row[c] ?? null);
      if (row.length === 0) break;
    }
    const row = expected.rows[r] ?? [];
    for (let k = c - 1; k >= 0; k--) if (cellText(row[k] ?? null) !== "") return cellText(row[k] ?? null);
    return "";
  };
  for (let r = 0; r < rows; r++) {
    const e = expected.rows[r] ?? [];
    const a = actual.rows[r] ?? [];
    const cols = Math.max(e.length, a.length);
    for (let c = 0; c < cols; c++) {
      const ev = cellText(e[c] ?? null);
      const av = cellText(a[c] ?? null);
      if (ev === av) continue;
      const cell = `${columnLetter(c)}${r + 1}`;
      const field = headerOf(r, c);
      out.push({
        sheet: actual.name,
        cell,
        field,
        expected: ev,
        actual: av,
        message: say(
          lang,
          `${actual.name}!${cell}（${field || "—"}）应为「${ev}」，实为「${av}」`,
          `${actual.name}!${cell} (${field || "—"}) should be "${ev}" but is "${av}"`,
        ),
      });
    }
  }
  return out;
}

function canonicalRow(x: Target | Inspector | Task): string {
  const rest: Record<string, unknown> = { ...x };
  delete rest.row;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function compareRows<T extends Target | Inspector>(frozen: T[], current: T[], key: (x: T) => string) {
  const before = new Map(frozen.map((x) => [key(x), canonicalRow(x)]));
  const after = new Map(current.map((x) => [key(x), canonicalRow(x)]));
  return {
    added: [...after.keys()].filter((k) => !before.has(k)).sort(),
    removed: [...before.keys()].filter((k) => !after.has(k)).sort(),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort(),
  };
}

const noChanges = (): RegistryChanges => ({
  targetsAdded: [],
  targetsRemoved: [],
  targetsChanged: [],
  inspectorsAdded: [],
  inspectorsRemoved: [],
  inspectorsChanged: [],
  taskChanged: false,
});

const missing = (lang: Lang, sheet: string, kind: string, field: string): Mismatch => ({
  sheet,
  cell: "",
  field,
  expected: sheet,
  actual: "",
  message: say(
    lang,
    `${kind}「${sheet}」不存在`,
    `The ${field === "快照表" ? "snapshot" : "result"} sheet "${sheet}" is missing`,
  ),
});

/** The registries now against a draw's snapshot (the draws step 1 saw then, not those made since). */
async function registryChanges(loaded: LoadedBook, d: RegisteredDraw, snapshot: Snapshot): Promise<RegistryChanges> {
  const others = (await drawsSeenBy(loaded, d)).filter((x) => x.record.taskId !== d.taskId);
  const task = snapshot.task;
  const el = eligibility(task, loaded.book.targets, snapshot.date, drawnThisYear(others, task, snapshot.date));
  const now = makeSnapshot(
    task,
    loaded.book.items,
    el.eligible,
    loaded.book.inspectors,
    snapshot.date,
    el.excluded,
    loaded.book.targets.length,
    el.inScope,
  );
  const t = compareRows(snapshot.targets, now.targets, (x) => x.uscc);
  const i = compareRows(snapshot.inspectors, now.inspectors, (x) => x.id);
  const row = loaded.book.tasks.find((x) => x.id === task.id);
  return {
    targetsAdded: t.added,
    targetsRemoved: t.removed,
    targetsChanged: t.changed,
    inspectorsAdded: i.added,
    inspectorsRemoved: i.removed,
    inspectorsChanged: i.changed,
    taskChanged: !row || canonicalRow(row) !== canonicalRow(task),
  };
}

/** Verifies one draw of the register: its snapshot, its replayed events, its result sheet. */
async function verifyDraw(
  loaded: LoadedBook,
  d: RegisteredDraw,
  warnings: Issue[],
  lang: Lang,
): Promise<DrawVerification> {
  if (isExternal(d)) return verifyExternal(loaded, d, warnings, lang);
  const mismatches: Mismatch[] = [];
  const status = statusOf(d) ?? "待抽取";
  const read = await loaded.snapshot(d);
  let snapshot: Snapshot | null = null;
  if (!read.sheet) mismatches.push(missing(lang, d.key, "快照表", "快照表"));
  else {
    if (read.sheet.protected === false)
      warnings.push(issue("sheet_unprotected", { sheet: d.key }, { sheet: d.key }, lang));
    for (const p of read.problems)
      mismatches.push({ sheet: p.sheet, cell: p.cell, field: p.field, expected: "", actual: "", message: p.message });
    snapshot = read.snapshot;
    if (snapshot) {
      // rendered in the protocol's order: rows moved on the sheet are a difference, not the same input
      const sorted = {
        ...snapshot,
        targets: sortedBy(snapshot.targets, (t) => t.uscc),
        inspectors: sortedBy(snapshot.inspectors, (i) => i.id),
      };
      pushAll(mismatches, diffSheet(renderSnapshotSheet(sorted, read.sheet.name), read.sheet, lang));
      const digest = await snapshotDigest(snapshot);
      const logged = (d.draw ?? d.freeze)!.entry.digest;
      if (digest !== logged)
        mismatches.push({
          sheet: d.key,
          cell: "",
          field: "输入摘要（SHA-256）",
          expected: logged,
          actual: digest,
          message: say(
            lang,
            `快照的摘要 ${digest} 与记录的摘要 ${logged} 不符：快照在抽取后被改动`,
            `The digest ${digest} of the snapshot differs from the recorded digest ${logged}: the snapshot was changed after the draw`,
          ),
        });
    }
  }
  const sheet = d.draw?.entry.sheet ?? "";
  // an altered draw entry whose original the result sheet still shows (the hash proves it) is
  // reported at the log's cells that were changed, and the result sheet is judged by the original
  const recovered = d.draw ? await recoverEntry(loaded, d, lang) : null;
  if (recovered) pushAll(mismatches, recovered.mismatches);
  if (snapshot && d.draw) {
    const result = await loaded.sheet(sheet);
    const subject = recovered?.draw ?? d;
    const r = await loaded.replayed(subject);
    if (!result) mismatches.push(missing(lang, sheet, "结果表", "结果表"));
    else if (!r.ok)
      mismatches.push({
        sheet,
        cell: "",
        field: "随机种子",
        expected: "",
        actual: d.draw.entry.seed,
        message: say(
          lang,
          `用记录的种子重放抽取失败：${r.issue?.message ?? "快照无法读取"}`,
          `Replaying the draw with the recorded seed fails: ${r.issue?.message ?? "the snapshot cannot be read"}`,
        ),
      });
    else {
      if (result.protected === false) warnings.push(issue("sheet_unprotected", { sheet }, { sheet }, lang));
      for (const p of r.problems) mismatches.push(logMismatch(loaded, p.index, p.field, p.issue));
      pushAll(mismatches, diffSheet(renderDrawSheet(subject, r.snapshot, r.replay), result, lang));
    }
  }
  // a fault of the log at one of this draw's events makes the draw unproven too
  const mine = new Set([d.freeze, d.draw, d.voided, ...d.substitutions].filter(Boolean).map((p) => p!.index));
  // with the original recovered, the log's faults are those of the original entry
  for (const p of (recovered?.register ?? loaded.register).problems)
    if (mine.has(p.index)) mismatches.push(logMismatch(loaded, p.index, p.field, p.issue));
  const changes = snapshot ? await registryChanges(loaded, d, snapshot) : noChanges();
  return {
    sheet: sheet || d.key,
    snapshotSheet: d.key,
    task: d.taskId,
    status,
    ok: mismatches.length === 0,
    registryChanged: Object.values(changes).some((x) => (Array.isArray(x) ? x.length > 0 : x)),
    registryChanges: changes,
    mismatches,
  };
}

/** Draw-entry fields that the result sheet's record shows, by the record's label. */
const SHOWN: [LogField, string][] = [
  ["seed", "随机种子"],
  ["digest", "输入摘要（SHA-256）"],
  ["date", "抽取日期"],
  ["time", "时间戳"],
  ["operator", "操作人"],
  ["witness", "见证人"],
  ["seedRule", "取种规则"],
  ["taskName", "任务名称"],
  ["items", "抽查事项"],
];

/** The value beside the first label cell reading `label` on a result sheet (either layout). */
function shownValue(sheet: SheetData, label: string): string | null {
  for (const row of sheet.rows)
    for (let c = 0; c + 1 < row.length; c++)
      if (cellText(row[c] ?? null).trim() === label) {
        for (let k = c + 1; k < row.length; k++) if (cellText(row[k] ?? null) !== "") return cellText(row[k] ?? null);
        return "";
      }
  return null;
}

/**
 * When a draw entry does not match its hash, the result sheet may still show the original values:
 * if putting them back makes the hash match, those are the fields that were changed.
 */
async function recoverEntry(loaded: LoadedBook, d: RegisteredDraw, lang: Lang) {
  const placed = d.draw!;
  const e = placed.entry;
  if (d.legacy || !loaded.register.problems.some((p) => p.index === placed.index && p.field === "hash")) return null;
  const result = await loaded.sheet(e.sheet);
  if (!result) return null;
  const original: LogEntry = { ...e };
  const changed: LogField[] = [];
  for (const [field, label] of SHOWN) {
    const shown = shownValue(result, label);
    if (shown !== null && shown !== e[field]) {
      original[field] = shown;
      changed.push(field);
    }
  }
  if (!changed.length || entryHash(original) !== e.hash) return null;
  const mismatches = changed.map((field) => {
    const cell = loaded.log.cellOf(placed.index, field);
    const header = headerOfField(field);
    return {
      sheet: LOG_SHEET,
      cell,
      field: header,
      expected: original[field],
      actual: e[field],
      message: say(
        lang,
        `${LOG_SHEET}!${cell}（${header}）为「${e[field]}」，但该行的哈希证明原值为「${original[field]}」（结果表也如此记载）：抽取记录在写入后被改动`,
        `${LOG_SHEET}!${cell} (${header}) reads "${e[field]}", but the row's hash proves it was "${original[field]}" (as the result sheet shows): the draw log was changed`,
      ),
    };
  });
  const fixed = buildRegister(
    loaded.register.entries.map((x, i) => (i === placed.index ? original : x)),
    { lang, legacy: loaded.register.legacy },
  );
  const again = findDraw(fixed, d.key)!;
  return { mismatches, draw: again, register: fixed };
}

/**
 * An imported draw: its list sheet re-rendered and its digest recomputed (the chained log holds
 * it), its result sheet rendered from the list; nothing to replay, no registry comparison.
 */
async function verifyExternal(
  loaded: LoadedBook,
  d: RegisteredDraw,
  warnings: Issue[],
  lang: Lang,
): Promise<DrawVerification> {
  const mismatches: Mismatch[] = [];
  const read = await loaded.external(d);
  const sheet = d.draw!.entry.sheet;
  if (!read.sheet) mismatches.push(missing(lang, d.key, "外部抽取名单表", "快照表"));
  else {
    if (read.sheet.protected === false)
      warnings.push(issue("sheet_unprotected", { sheet: d.key }, { sheet: d.key }, lang));
    for (const p of read.problems)
      mismatches.push({ sheet: p.sheet, cell: p.cell, field: p.field, expected: "", actual: "", message: p.message });
    if (read.snapshot && read.list) {
      const sorted = {
        ...read.snapshot,
        targets: sortedBy(read.snapshot.targets, (t) => t.uscc),
        inspectors: sortedBy(read.snapshot.inspectors, (i) => i.id),
      };
      pushAll(mismatches, diffSheet(renderExternalSheet(sorted, read.list, read.sheet.name), read.sheet, lang));
      const digest = await externalDigest(read.snapshot, read.list);
      const logged = d.draw!.entry.digest;
      if (digest !== logged)
        mismatches.push({
          sheet: d.key,
          cell: "",
          field: "名单摘要（SHA-256）",
          expected: logged,
          actual: digest,
          message: say(
            lang,
            `外部抽取名单的摘要 ${digest} 与记录的摘要 ${logged} 不符：名单在导入后被改动`,
            `The digest ${digest} of the imported list differs from the recorded ${logged}: the list was changed after the import`,
          ),
        });
      const result = await loaded.sheet(sheet);
      const r = await loaded.replayed(d);
      if (!result) mismatches.push(missing(lang, sheet, "结果表", "结果表"));
      else if (r.ok) {
        if (result.protected === false) warnings.push(issue("sheet_unprotected", { sheet }, { sheet }, lang));
        pushAll(mismatches, diffSheet(renderDrawSheet(d, r.snapshot, r.replay), result, lang));
      }
    }
  }
  const mine = new Set([d.draw, d.voided].filter(Boolean).map((p) => p!.index));
  for (const p of loaded.register.problems)
    if (mine.has(p.index)) mismatches.push(logMismatch(loaded, p.index, p.field, p.issue));
  return {
    sheet,
    snapshotSheet: d.key,
    task: d.taskId,
    status: statusOf(d) ?? "有效",
    ok: mismatches.length === 0,
    registryChanged: false,
    registryChanges: noChanges(),
    mismatches,
  };
}

function logMismatch(
  loaded: LoadedBook,
  index: number,
  field: Parameters<typeof headerOfField>[0],
  i: Issue,
): Mismatch {
  const entry = loaded.register.entries[index];
  return {
    sheet: LOG_SHEET,
    cell: loaded.log.cellOf(index, field),
    field: headerOfField(field),
    expected: String(i.params.expected ?? ""),
    actual: String(i.params.actual ?? entry?.[field] ?? ""),
    message: i.message,
  };
}

/**
 * The rows of 检查结果 that no draw of the log accounts for: of a task without any draw, or of a
 * target and department no draw of the task ever held. Rows of a voided draw or a replaced target
 * that are not marked are a warning (they are not counted as results).
 */
async function verifyResults(loaded: LoadedBook, warnings: Issue[], lang: Lang): Promise<Mismatch[]> {
  const name = loaded.book.sheets.results ?? RESULTS_SHEET;
  const sheet = await loaded.sheet(name);
  if (!sheet) return [];
  const table = readTable(sheet, RESULT_COLUMNS, name);
  const header = table.headerRow === null ? [] : (sheet.rows[table.headerRow - 1] ?? []).map((v) => cellText(v).trim());
  const stateAt = header.indexOf(RESULT_STATE_HEADER);
  const current = new Set<string>();
  const ever = new Set<string>();
  for (const d of loaded.register.draws) {
    const r = await loaded.replayed(d);
    if (!r.ok) continue;
    const live = statusOf(d) === "有效";
    for (const p of resultPairs(r.replay.outcome)) {
      ever.add(`${d.taskId}|${pairKey(p.uscc, p.department)}`);
      if (live) current.add(`${d.taskId}|${pairKey(p.uscc, p.department)}`);
    }
    // every target a substitution replaced held rows too
    for (const s of d.substitutions) {
      const before = await loaded.replayed(d, s.index);
      if (before.ok)
        for (const p of resultPairs(before.replay.outcome)) ever.add(`${d.taskId}|${pairKey(p.uscc, p.department)}`);
    }
  }
  const out: Mismatch[] = [];
  const stale = new Map<string, number[]>();
  for (const r of loaded.book.results) {
    const key = `${r.taskId}|${pairKey(r.uscc, r.department)}`;
    if (current.has(key)) continue;
    const marked = stateAt >= 0 && cellText(sheet.rows[r.row - 1]?.[stateAt] ?? null).trim() !== "";
    const params = { sheet: name, row: r.row, task: r.taskId, uscc: r.uscc, department: r.department };
    if (ever.has(key)) {
      if (!marked) stale.set(r.taskId, [...(stale.get(r.taskId) ?? []), r.row]);
      continue;
    }
    const i = issue("result_row_unknown", { sheet: name, row: r.row }, params, lang);
    out.push({ sheet: name, cell: `A${r.row}`, field: "任务编号", expected: "", actual: r.taskId, message: i.message });
  }
  for (const [task, rows] of stale)
    warnings.push(
      issue(
        "result_row_stale",
        { sheet: name, row: rows[0] },
        { sheet: name, task, count: rows.length, rows: rows.join("、") },
        lang,
      ),
    );
  return out;
}

/** Replays every draw (or the one named by its result or snapshot sheet) and compares. */
export async function verifyDraws(
  port: WorkbookPort,
  options: {
    sheet?: string;
    lang?: Lang;
    loaded?: LoadedBook;
    /** a chain head published outside the workbook */
    expectChain?: string;
    /** an input digest published outside the workbook */
    expectDigest?: string;
  } & ParseOptions = {},
): Promise<VerifyReport> {
  const lang = options.lang ?? "zh";
  // a caller that has read the workbook already (checklists, publicity) passes it
  const loaded = options.loaded ?? (await loadBook(port, options));
  const register = loaded.register;
  const warnings: Issue[] = [];
  if (register.legacy) warnings.push(issue("log_legacy_format", { sheet: LOG_SHEET }, {}, lang));
  const logSheet = await loaded.sheet(LOG_SHEET);
  if (logSheet && logSheet.protected === false)
    warnings.push(issue("sheet_unprotected", { sheet: LOG_SHEET }, { sheet: LOG_SHEET }, lang));

  const log: Mismatch[] = [
    ...loaded.log.sheetIssues.map((i) => ({
      sheet: LOG_SHEET,
      cell: i.cell,
      field: i.column,
      expected: "",
      actual: "",
      message: i.message,
    })),
    ...register.problems.map((p) => logMismatch(loaded, p.index, p.field, p.issue)),
  ];
  if (options.expectChain !== undefined && options.expectChain.trim().toLowerCase() !== register.head) {
    const i = issue("expect_chain_mismatch", {}, { expected: options.expectChain.trim(), actual: register.head }, lang);
    log.push({
      sheet: LOG_SHEET,
      cell: "",
      field: "本行哈希",
      expected: options.expectChain.trim(),
      actual: register.head,
      message: i.message,
    });
  }
  if (options.expectDigest !== undefined) {
    const wanted = options.expectDigest.trim().toLowerCase();
    const digests = register.draws.map((d) => (d.draw ?? d.freeze)!.entry.digest);
    if (!digests.includes(wanted)) {
      const i = issue("expect_digest_mismatch", {}, { expected: wanted, actual: digests.join("、") || "—" }, lang);
      log.push({
        sheet: LOG_SHEET,
        cell: "",
        field: "输入摘要（SHA-256）",
        expected: wanted,
        actual: digests.join("、"),
        message: i.message,
      });
    }
  }

  const chosen = register.draws.filter(
    (d) => !options.sheet || d.key === options.sheet || d.draw?.entry.sheet === options.sheet,
  );
  const draws: DrawVerification[] = [];
  for (const d of chosen) draws.push(await verifyDraw(loaded, d, warnings, lang));

  // A result or snapshot sheet that no event names claims a draw the workbook does not record.
  const named = new Set(register.draws.flatMap((d) => [d.key, d.draw?.entry.sheet ?? ""]).filter(Boolean));
  for (const name of loaded.sheetNames) {
    if (
      named.has(name) ||
      !(name.startsWith(RESULT_PREFIX) || name.startsWith(SNAPSHOT_PREFIX) || name.startsWith(EXTERNAL_PREFIX))
    )
      continue;
    if (options.sheet && options.sheet !== name) continue;
    draws.push({
      sheet: name,
      snapshotSheet: name.startsWith(SNAPSHOT_PREFIX) ? name : "",
      task: "",
      status: "无记录",
      ok: false,
      registryChanged: false,
      registryChanges: noChanges(),
      mismatches: [
        {
          sheet: name,
          cell: "",
          field: LOG_SHEET,
          expected: name,
          actual: "",
          message: say(
            lang,
            `工作表「${name}」在「${LOG_SHEET}」中没有对应的记录，无法核验：抽取记录被删改`,
            `The sheet "${name}" has no entry in the draw log "${LOG_SHEET}" and cannot be verified: the log was changed`,
          ),
        },
      ],
    });
  }
  const results = options.sheet ? [] : await verifyResults(loaded, warnings, lang);
  return {
    ok: log.length === 0 && results.length === 0 && draws.every((d) => d.ok),
    chain: register.head,
    legacy: register.legacy,
    log,
    results,
    warnings,
    draws,
  };
}
