// Verify: replays each draw from its snapshot and compares, cell by cell, with what the workbook
// holds; then says whether the registries have changed since the draw.
import { draw, drawnThisYear, eligibility, makeSnapshot, snapshotDigest } from "../../core/draw";
import { columnLetter, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { DrawRecord, Inspector, Snapshot, Target } from "../../core/model";
import type { SheetData, SheetSpec, WorkbookPort } from "../port";
import { cellText } from "../cells";
import { parseSnapshotSheet, renderSnapshotSheet } from "../snapshot-sheet";
import { renderResultSheet } from "../result-sheet";
import { drawsValidAt, loadBook, readIfPresent, type LoadedBook } from "./load";
import { pendingFreeze } from "./draw";
import { LOG_SHEET, RESULT_PREFIX, SNAPSHOT_PREFIX } from "../names";

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
}

export interface DrawVerification {
  sheet: string;
  snapshotSheet: string;
  task: string;
  /** the log's status; 无记录 for a result or snapshot sheet that the log does not know */
  status: DrawRecord["status"] | "无记录";
  ok: boolean;
  registryChanged: boolean;
  registryChanges: RegistryChanges;
  mismatches: Mismatch[];
}

export interface VerifyReport {
  ok: boolean;
  draws: DrawVerification[];
}

/** Compares an expected rendering with the sheet as read, cell by cell. */
export function diffSheet(expected: SheetSpec, actual: SheetData, lang: Lang = "zh"): Mismatch[] {
  const out: Mismatch[] = [];
  const rows = Math.max(expected.rows.length, actual.rows.length);
  // the header (or label) that names each cell, for a readable report
  const headerOf = (r: number, c: number): string => {
    for (let k = r - 1; k >= 0; k--) {
      const row = expected.rows[k] ?? [];
      const first = cellText(row[0] ?? null);
      if (["序号", "备选序号", "统一社会信用代码", "执法证号", "分层", "排除原因"].includes(first))
        return cellText(row[c] ?? null);
      if (row.length === 0) break;
    }
    return c > 0 ? cellText(expected.rows[r]?.[c - 1] ?? null) : "";
  };
  for (let r = 0; r < rows; r++) {
    const e = expected.rows[r] ?? [];
    const a = actual.rows[r] ?? [];
    const cols = Math.max(e.length, a.length);
    for (let c = 0; c < cols; c++) {
      const ev = cellText(e[c] ?? null);
      const av = cellText(a[c] ?? null);
      if (ev !== av) {
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
  }
  return out;
}

function canonicalRow(x: Target | Inspector): string {
  const rest: Record<string, unknown> = { ...x };
  delete rest.row;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

function compareRows<T extends Target | Inspector>(
  frozen: T[],
  current: T[],
  key: (x: T) => string,
): { added: string[]; removed: string[]; changed: string[] } {
  const before = new Map(frozen.map((x) => [key(x), canonicalRow(x)]));
  const after = new Map(current.map((x) => [key(x), canonicalRow(x)]));
  return {
    added: [...after.keys()].filter((k) => !before.has(k)).sort(),
    removed: [...before.keys()].filter((k) => !after.has(k)).sort(),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort(),
  };
}

const say = (lang: Lang, zh: string, en: string): string => (lang === "en" ? en : zh);

/** The 1-based row of an A1 address, or null. */
function rowOfCell(cell: string): number | null {
  const m = /^[A-Z]+(\d+)$/.exec(cell);
  return m ? Number(m[1]) : null;
}

/** The 1-based sheet row of each record of the log, in the order parseLogSheet reads them. */
function logRecordRows(sheet: SheetData | null): number[] {
  if (!sheet) return [];
  const width = (sheet.rows[0] ?? []).length;
  const out: number[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (Array.from({ length: width }, (_, c) => cellText(row[c] ?? null).trim()).some((t) => t !== "")) out.push(r + 1);
  }
  return out;
}

/** Record fields that both the log and the result sheet show: the log's header, the sheet's label. */
const SHARED_FIELDS: {
  log: string;
  label: string;
  key: "seed" | "date" | "timestamp" | "operator" | "witness" | "digest" | "seedRule" | "taskName";
}[] = [
  { log: "随机种子", label: "随机种子", key: "seed" },
  { log: "输入摘要（SHA-256）", label: "输入摘要（SHA-256）", key: "digest" },
  { log: "抽取日期", label: "抽取日期", key: "date" },
  { log: "时间", label: "时间戳", key: "timestamp" },
  { log: "操作人", label: "操作人", key: "operator" },
  { log: "见证人", label: "见证人", key: "witness" },
  { log: "取种规则", label: "取种规则", key: "seedRule" },
  { log: "任务名称", label: "任务名称", key: "taskName" },
];

/** The value next to the first cell reading `label` in the record block on top of a result sheet. */
function shownValue(sheet: SheetData, label: string): string | null {
  for (const row of sheet.rows.slice(1, 20))
    for (let c = 0; c + 1 < row.length; c++) if (cellText(row[c]).trim() === label) return cellText(row[c + 1]);
  return null;
}

/**
 * When the log row of a draw differs from its result sheet in fields both show, and the result
 * sheet is exactly what the snapshot gives with the sheet's own values (and the snapshot's digest
 * is the sheet's), the log is what was changed: one mismatch per changed log cell. Otherwise none.
 */
function editedLogFields(
  record: DrawRecord,
  snapshot: Snapshot,
  digest: string,
  resultSheet: SheetData,
  logSheet: SheetData,
  logRow: number,
  lang: Lang,
): Mismatch[] {
  const alt: DrawRecord = { ...record };
  const changed: { field: (typeof SHARED_FIELDS)[number]; shown: string; logged: string }[] = [];
  for (const field of SHARED_FIELDS) {
    const shown = shownValue(resultSheet, field.label);
    const logged = record[field.key] ?? "";
    if (shown === null || shown === logged) continue;
    if (field.key === "seed") alt.seed = shown === "" ? null : shown;
    else alt[field.key] = shown;
    changed.push({ field, shown, logged });
  }
  if (!changed.length || !alt.seed || alt.digest !== digest) return [];
  const replay = draw(snapshot, alt.seed);
  if (!replay.ok) return [];
  const expected = renderResultSheet(
    { ...alt, warnings: replay.warnings.map((w) => w.message) },
    snapshot,
    replay.outcome,
  );
  if (diffSheet(expected, resultSheet).length) return [];
  const header = (logSheet.rows[0] ?? []).map((v) => cellText(v).trim());
  return changed.map(({ field, shown, logged }) => {
    const c = header.indexOf(field.log);
    const cell = c >= 0 ? `${columnLetter(c)}${logRow}` : "";
    return {
      sheet: logSheet.name,
      cell,
      field: field.log,
      expected: shown,
      actual: logged,
      message: say(
        lang,
        `${logSheet.name}!${cell}（${field.log}）为「${logged}」，而结果表「${resultSheet.name}」与快照一致地记为「${shown}」：抽取记录在抽取后被改动`,
        `${logSheet.name}!${cell} (${field.log}) reads "${logged}", while the result sheet "${resultSheet.name}", consistent with the snapshot, records "${shown}": the draw log was changed after the draw`,
      ),
    };
  });
}

/** Replays every draw (or the one named by its result or snapshot sheet) and compares. */
export async function verifyDraws(
  port: WorkbookPort,
  options: { sheet?: string; lang?: Lang; loaded?: LoadedBook } & ParseOptions = {},
): Promise<VerifyReport> {
  const lang = options.lang ?? "zh";
  // a caller that has read the workbook already (checklists, publicity) passes it: the
  // registries are not read twice
  const loaded = options.loaded ?? (await loadBook(port, options));
  const pending = new Set(
    [...new Set(loaded.records.map((r) => r.taskId))].map((t) => pendingFreeze(loaded.records, t)).filter(Boolean),
  );
  const records = loaded.records.filter(
    (r) =>
      (r.status !== "待抽取" || pending.has(r)) &&
      (!options.sheet || r.sheet === options.sheet || r.snapshotSheet === options.sheet),
  );
  const logSheet = await readIfPresent(port, loaded.sheetNames, LOG_SHEET);
  const logRows = logRecordRows(logSheet);
  const draws: DrawVerification[] = [];
  for (const record of records) {
    const mismatches: Mismatch[] = [];
    const miss = (sheet: string, field: string, expected: string, actual: string, message: string) =>
      mismatches.push({ sheet, cell: "", field, expected, actual, message });
    // the log's own row, when it cannot be read back
    const logRow = logRows[loaded.records.indexOf(record)];
    for (const p of loaded.logProblems)
      if (logRow !== undefined && rowOfCell(p.cell) === logRow)
        mismatches.push({ sheet: p.sheet, cell: p.cell, field: p.field, expected: "", actual: "", message: p.message });

    let snapshot: Snapshot | null = null;
    let digest: string | null = null;
    const snapSheet = await readIfPresent(port, loaded.sheetNames, record.snapshotSheet);
    if (!snapSheet)
      miss(
        record.snapshotSheet,
        "快照表",
        record.snapshotSheet,
        "",
        say(lang, `快照表「${record.snapshotSheet}」不存在`, `The snapshot sheet "${record.snapshotSheet}" is missing`),
      );
    else {
      const parsed = parseSnapshotSheet(snapSheet);
      for (const p of parsed.problems)
        mismatches.push({ sheet: p.sheet, cell: p.cell, field: p.field, expected: "", actual: "", message: p.message });
      snapshot = parsed.snapshot;
      if (snapshot) {
        mismatches.push(...diffSheet(renderSnapshotSheet(snapshot, snapSheet.name), snapSheet, lang));
        digest = await snapshotDigest(snapshot);
      }
    }
    const resultSheet =
      snapshot && record.status !== "待抽取" ? await readIfPresent(port, loaded.sheetNames, record.sheet) : null;
    // A log row that disagrees with a result sheet and snapshot that agree with each other: the
    // log was changed, and is reported at its own cells.
    const logEdits =
      snapshot && digest && resultSheet && logSheet && logRow !== undefined
        ? editedLogFields(record, snapshot, digest, resultSheet, logSheet, logRow, lang)
        : [];
    const reported = new Set(mismatches.map((m) => `${m.sheet}!${m.cell}`));
    mismatches.push(...logEdits.filter((m) => !reported.has(`${m.sheet}!${m.cell}`)));
    if (snapshot && digest && digest !== record.digest && logEdits.length === 0)
      miss(
        record.snapshotSheet,
        "输入摘要（SHA-256）",
        record.digest,
        digest,
        say(
          lang,
          `快照的摘要 ${digest} 与记录的摘要 ${record.digest} 不符：快照在抽取后被改动`,
          `The digest ${digest} of the snapshot differs from the recorded digest ${record.digest}: the snapshot was changed after the draw`,
        ),
      );
    if (snapshot && record.status !== "待抽取" && logEdits.length === 0) {
      const replay = record.seed ? draw(snapshot, record.seed) : null;
      if (!resultSheet)
        miss(
          record.sheet,
          "结果表",
          record.sheet,
          "",
          say(lang, `结果表「${record.sheet}」不存在`, `The result sheet "${record.sheet}" is missing`),
        );
      else if (!replay || !replay.ok)
        miss(
          record.sheet,
          "随机种子",
          "",
          record.seed ?? "",
          say(
            lang,
            `用记录的种子重放抽取失败：${replay && !replay.ok ? replay.issue.message : "无种子"}`,
            `Replaying the draw with the recorded seed fails: ${replay && !replay.ok ? replay.issue.message : "no seed"}`,
          ),
        );
      else {
        const expected = renderResultSheet(
          { ...record, warnings: replay.warnings.map((w) => w.message) },
          snapshot,
          replay.outcome,
        );
        mismatches.push(...diffSheet(expected, resultSheet, lang));
      }
    }

    const changes: RegistryChanges = {
      targetsAdded: [],
      targetsRemoved: [],
      targetsChanged: [],
      inspectorsAdded: [],
      inspectorsRemoved: [],
      inspectorsChanged: [],
    };
    if (snapshot) {
      // the draws that step 1 saw when this one took its inputs, not those made since
      const others = await drawsValidAt(port, loaded, record);
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
      Object.assign(changes, {
        targetsAdded: t.added,
        targetsRemoved: t.removed,
        targetsChanged: t.changed,
        inspectorsAdded: i.added,
        inspectorsRemoved: i.removed,
        inspectorsChanged: i.changed,
      });
    }
    const registryChanged = Object.values(changes).some((xs: string[]) => xs.length > 0);
    draws.push({
      sheet: record.sheet || record.snapshotSheet,
      snapshotSheet: record.snapshotSheet,
      task: record.taskId,
      status: record.status,
      ok: mismatches.length === 0,
      registryChanged,
      registryChanges: changes,
      mismatches,
    });
  }
  // A result or snapshot sheet that no log row names (the log deleted or its row removed) cannot be
  // verified: it claims a draw that the workbook does not record.
  const logged = new Set(loaded.records.flatMap((r) => [r.sheet, r.snapshotSheet]).filter(Boolean));
  for (const name of loaded.sheetNames) {
    if (logged.has(name) || !(name.startsWith(RESULT_PREFIX) || name.startsWith(SNAPSHOT_PREFIX))) continue;
    if (options.sheet && options.sheet !== name) continue;
    draws.push({
      sheet: name,
      snapshotSheet: name.startsWith(SNAPSHOT_PREFIX) ? name : "",
      task: "",
      status: "无记录",
      ok: false,
      registryChanged: false,
      registryChanges: {
        targetsAdded: [],
        targetsRemoved: [],
        targetsChanged: [],
        inspectorsAdded: [],
        inspectorsRemoved: [],
        inspectorsChanged: [],
      },
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
            `The sheet "${name}" has no row in the draw log "${LOG_SHEET}" and cannot be verified: the log was changed`,
          ),
        },
      ],
    });
  }
  return { ok: draws.every((d) => d.ok), draws };
}
