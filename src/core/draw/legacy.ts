// The draw log before the chain: one row per freeze and per draw, with a status column that was
// rewritten in place. Its rows become events here, so that old workbooks still verify and are
// converted on their next write. Nothing proves those rows (no hash); what can be checked is that
// their statuses follow the lifecycle the old program wrote: a row is 作废 only because a later
// freeze or draw of its task voided it.
import type { DrawRecord } from "../model";
import { issue, type Lang } from "../issues/issue";
import { blankEntry, chain, EVENT_LABELS, type LogEntry, type LogField } from "./chain";
import { buildRegister, MIGRATED_NOTE, NO, YES, type LogProblem, type Register } from "./register";
import { seedHex } from "./seed";

/** An old log row: its record and the sheet row it was read from. */
export interface LegacyRow {
  record: DrawRecord;
  row: number;
}

/** The events of an old log, in order, with the problems only the old format can have. */
export function legacyEntries(
  rows: readonly LegacyRow[],
  lang: Lang = "zh",
): { entries: LogEntry[]; problems: LogProblem[] } {
  const entries: LogEntry[] = [];
  const problems: LogProblem[] = [];
  const voids: { at: LegacyRow; before: number }[] = [];
  const eventOf = (x: LegacyRow): Partial<LogEntry> => {
    const r = x.record;
    const common: Partial<LogEntry> = {
      time: r.timestamp,
      taskId: r.taskId,
      taskName: r.taskName,
      snapshotSheet: r.snapshotSheet,
      protocol: r.protocol,
      date: r.date,
      seedRule: r.seedRule,
      frozen: r.frozen ? YES : NO,
      digest: r.digest,
      operator: r.operator,
      note: MIGRATED_NOTE,
      row: x.row,
    };
    if (r.seed === null || r.sheet === "") return { ...common, event: EVENT_LABELS.freeze };
    return {
      ...common,
      event: EVENT_LABELS.draw,
      sheet: r.sheet,
      seed: r.seed,
      seedHex: seedHex(r.seed),
      seedSource:
        r.seedSource === "generated" ? "系统生成（密码学随机源，128位）" : r.seedSource === "entered" ? "人工输入" : "",
      witness: r.witness,
      warnings: r.warnings.join("\n"),
    };
  };
  rows.forEach((x, i) => {
    if (x.record.status !== "作废") return;
    // the old program voided a row when the next freeze, or draw without a freeze, of its task came
    const voider = rows.findIndex(
      (y, k) => k > i && y.record.taskId === x.record.taskId && y.record.snapshotSheet !== x.record.snapshotSheet,
    );
    voids.push({ at: x, before: voider < 0 ? rows.length : voider });
  });
  rows.forEach((x, i) => {
    for (const v of voids.filter((v) => v.before === i)) entries.push(voidEntry(v.at, rows[i]));
    entries.push({ ...blankEntry(), ...eventOf(x) } as LogEntry);
  });
  for (const v of voids.filter((v) => v.before === rows.length)) {
    entries.push(voidEntry(v.at, null));
    problems.push({
      index: entries.length - 1,
      field: "event",
      issue: issue("log_legacy_void_unexplained", {}, { row: v.at.row, task: v.at.record.taskId }, lang),
    });
  }
  return { entries, problems };
}

function voidEntry(voided: LegacyRow, by: LegacyRow | null): LogEntry {
  const r = voided.record;
  return {
    ...blankEntry(),
    time: by?.record.timestamp ?? "",
    event: EVENT_LABELS.void,
    taskId: r.taskId,
    taskName: r.taskName,
    snapshotSheet: r.snapshotSheet,
    sheet: r.sheet,
    reason: r.reason || "（旧格式未记录原因）",
    operator: by?.record.operator ?? "",
    note: MIGRATED_NOTE,
    // problems of the void are placed at the voided row's status
    row: voided.row,
  };
}

/** The register of an old log (unchained), with the old format's own problems. */
export function legacyRegister(rows: readonly LegacyRow[], lang: Lang = "zh"): Register {
  const { entries, problems } = legacyEntries(rows, lang);
  const register = buildRegister(entries, { legacy: true, lang });
  return { ...register, problems: [...problems, ...register.problems] };
}

/**
 * The old log as a chained one: the same events, numbered and hashed from the start. Written on
 * the next write to the workbook, and said so; the old rows' truth rests on what they were.
 */
export function migrate(register: Register, lang: Lang = "zh"): Register {
  if (!register.legacy) return register;
  const drafts = register.entries.map((e) => {
    const d: Partial<Record<LogField, string>> = { ...e };
    delete (d as Partial<LogEntry>).row;
    return d;
  });
  return buildRegister(chain([], drafts), { lang });
}
