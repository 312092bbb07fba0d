// The draw register: the one place that owns a draw's lifecycle (freeze, draw, void, substitute).
// It reads the chained log (chain.ts), derives every draw's status from its events, says which
// draws were 有效 at any point of the log, and makes the entries of new events. Pure: the
// use-cases read the sheets, call it once, and write what it returns.
import type {
  DrawOutcome,
  DrawRecord,
  DrawStatus,
  SeedSource,
  Snapshot,
  SubstitutionRecord,
  TeamAssignment,
} from "../model";
import { issue, type Issue, type Lang } from "../issues/issue";
import {
  chain,
  chainHead,
  checkChain,
  EVENT_LABELS,
  eventKind,
  type EventKind,
  type LogEntry,
  type LogField,
} from "./chain";
import { draw as drawOutcome, PROTOCOL } from "./draw";
import { EXTERNAL_PROTOCOL } from "./external";
import { seedHex, seedRefusal, type SeedRefusal } from "./seed";
import { initialDraw, substitute, type CurrentDraw, type Substitution } from "./substitute";

export const SEED_SOURCE_LABELS: Record<SeedSource, string> = {
  entered: "人工输入",
  generated: "系统生成（密码学随机源，128位）",
};
/** The note of entries converted from the log format before the chain. */
export const MIGRATED_NOTE = "迁移自旧格式";
export const YES = "是";
export const NO = "否";

/** One event of a draw, with its place in the log. */
export interface Placed {
  entry: LogEntry;
  /** 0-based position in the log */
  index: number;
}

/** A draw (or a freeze awaiting its seed) as the log records it; keyed by its snapshot sheet. */
export interface RegisteredDraw {
  key: string;
  taskId: string;
  taskName: string;
  freeze: Placed | null;
  draw: Placed | null;
  voided: Placed | null;
  substitutions: Placed[];
  /** entries converted from the log format before the chain (no hash proves them) */
  legacy: boolean;
}

/** A fault of the log at one entry's field, for the workbook to place at its cell. */
export interface LogProblem {
  index: number;
  field: LogField;
  issue: Issue;
}

export interface Register {
  entries: LogEntry[];
  /** in the order of their first event */
  draws: RegisteredDraw[];
  problems: LogProblem[];
  /** the last entry's hash */
  head: string;
  /** the log was read in the format before the chain: it is converted on the next write */
  legacy: boolean;
}

/** A draw imported from a platform's list (外部抽取), not made by DRP-1. */
export const isExternal = (d: RegisteredDraw): boolean => d.draw?.entry.event === EVENT_LABELS.import;

/** The status of a draw from its events before position `upto` (null: it did not exist yet). */
export function statusOf(d: RegisteredDraw, upto = Infinity): DrawStatus | null {
  if (d.voided && d.voided.index < upto) return "作废";
  if (d.draw && d.draw.index < upto) return "有效";
  if (d.freeze && d.freeze.index < upto) return "待抽取";
  return null;
}

/** Where the draw took its inputs: its freeze, or its draw when it was not frozen first. */
export function takenAt(d: RegisteredDraw): number {
  return (d.freeze ?? d.draw)!.index;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Reads the entries into draws and checks the whole log: the chain (unless legacy), each
 * field's form, and that the events follow the lifecycle. Every fault is a problem at its field.
 */
export function buildRegister(entries: LogEntry[], options: { legacy?: boolean; lang?: Lang } = {}): Register {
  const lang = options.lang ?? "zh";
  const problems: LogProblem[] = [];
  const problem = (index: number, field: LogField, code: Parameters<typeof issue>[0], params = {}) =>
    problems.push({ index, field, issue: issue(code, {}, { seq: index + 1, ...params }, lang) });
  if (!options.legacy)
    for (const b of checkChain(entries))
      problem(b.index, b.field, b.field === "hash" ? "log_entry_altered" : "log_chain_broken", {
        expected: b.expected,
        actual: b.actual,
      });

  const byKey = new Map<string, RegisteredDraw>();
  const draws: RegisteredDraw[] = [];
  entries.forEach((e, index) => {
    const kind = eventKind(e.event);
    if (!kind) return problem(index, "event", "log_field_invalid", { field: "事件", value: e.event });
    if (!ISO_TIME.test(e.time) && !(options.legacy && e.time === ""))
      problem(index, "time", "log_field_invalid", { field: "时间", value: e.time });
    if (e.taskId === "") problem(index, "taskId", "log_field_invalid", { field: "任务编号", value: "" });
    if (e.snapshotSheet === "") problem(index, "snapshotSheet", "log_field_invalid", { field: "快照表", value: "" });
    const existing = byKey.get(e.snapshotSheet);
    const placed = { entry: e, index };
    const active = (taskId: string) =>
      draws.find((d) => d.taskId === taskId && d !== existing && ["待抽取", "有效"].includes(statusOf(d) ?? ""));
    if (kind === "import") {
      // 导入: a list drawn by a platform, recorded as it was drawn there (no seed, no freeze)
      if (existing)
        return problem(index, "event", "log_event_out_of_order", { event: e.event, sheet: e.snapshotSheet });
      if (e.protocol !== EXTERNAL_PROTOCOL)
        problem(index, "protocol", "log_field_invalid", { field: "协议", value: e.protocol });
      if (!ISO_DATE.test(e.date)) problem(index, "date", "log_field_invalid", { field: "抽取日期", value: e.date });
      if (!HEX64.test(e.digest)) problem(index, "digest", "log_field_invalid", { field: "输入摘要", value: e.digest });
      if (e.sheet === "") problem(index, "sheet", "log_field_invalid", { field: "结果表", value: "" });
      const other = active(e.taskId);
      if (other) problem(index, "event", "log_two_active", { task: e.taskId, sheet: other.key });
      const d: RegisteredDraw = {
        key: e.snapshotSheet,
        taskId: e.taskId,
        taskName: e.taskName,
        freeze: null,
        draw: placed,
        voided: null,
        substitutions: [],
        legacy: false,
      };
      byKey.set(d.key, d);
      draws.push(d);
      return;
    }
    if (kind === "freeze" || kind === "draw") {
      if (e.protocol !== PROTOCOL)
        problem(index, "protocol", "log_field_invalid", { field: "协议", value: e.protocol });
      if (!ISO_DATE.test(e.date)) problem(index, "date", "log_field_invalid", { field: "抽取日期", value: e.date });
      if (!HEX64.test(e.digest)) problem(index, "digest", "log_field_invalid", { field: "输入摘要", value: e.digest });
      if (![YES, NO].includes(e.frozen))
        problem(index, "frozen", "log_field_invalid", { field: "先冻结后取种", value: e.frozen });
    }
    if (kind === "freeze") {
      if (existing)
        return problem(index, "event", "log_event_out_of_order", { event: e.event, sheet: e.snapshotSheet });
      const other = active(e.taskId);
      if (other) problem(index, "event", "log_two_active", { task: e.taskId, sheet: other.key });
      if (e.frozen !== YES) problem(index, "frozen", "log_field_invalid", { field: "先冻结后取种", value: e.frozen });
      const d: RegisteredDraw = {
        key: e.snapshotSheet,
        taskId: e.taskId,
        taskName: e.taskName,
        freeze: placed,
        draw: null,
        voided: null,
        substitutions: [],
        legacy: !!options.legacy || e.note.startsWith(MIGRATED_NOTE),
      };
      byKey.set(d.key, d);
      draws.push(d);
      return;
    }
    if (kind === "draw") {
      if (e.sheet === "") problem(index, "sheet", "log_field_invalid", { field: "结果表", value: "" });
      if (e.seed === "") problem(index, "seed", "log_field_invalid", { field: "随机种子", value: "" });
      if (!Object.values(SEED_SOURCE_LABELS).includes(e.seedSource))
        problem(index, "seedSource", "log_field_invalid", { field: "种子来源", value: e.seedSource });
      // draws made before the rule of DRP-1 §8 keep the seed they recorded
      if (!options.legacy && !e.note.startsWith(MIGRATED_NOTE)) {
        const refused = seedRefusal(e.seed);
        if (refused) problem(index, "seed", "log_field_invalid", { field: "随机种子", value: e.seed });
        if (e.seedHex !== seedHex(e.seed))
          problem(index, "seedHex", "log_field_invalid", { field: "种子UTF-8", value: e.seedHex });
      }
      if (existing) {
        const f = existing.freeze?.entry;
        if (!f || existing.draw || existing.voided)
          return problem(index, "event", "log_event_out_of_order", { event: e.event, sheet: e.snapshotSheet });
        if (e.frozen !== YES) problem(index, "frozen", "log_field_invalid", { field: "先冻结后取种", value: e.frozen });
        for (const field of ["taskId", "date", "digest", "seedRule"] as const)
          if (e[field] !== f[field])
            problem(index, field, "log_differs_from_freeze", { field, value: e[field], frozen: f[field] });
        existing.draw = placed;
        return;
      }
      const other = active(e.taskId);
      if (other) problem(index, "event", "log_two_active", { task: e.taskId, sheet: other.key });
      if (e.frozen !== NO) problem(index, "frozen", "log_field_invalid", { field: "先冻结后取种", value: e.frozen });
      const d: RegisteredDraw = {
        key: e.snapshotSheet,
        taskId: e.taskId,
        taskName: e.taskName,
        freeze: null,
        draw: placed,
        voided: null,
        substitutions: [],
        legacy: !!options.legacy || e.note.startsWith(MIGRATED_NOTE),
      };
      byKey.set(d.key, d);
      draws.push(d);
      return;
    }
    // void and substitute act on a draw the log already knows
    if (!existing || existing.taskId !== e.taskId)
      return problem(index, "snapshotSheet", "log_event_unknown_draw", { event: e.event, sheet: e.snapshotSheet });
    if (e.reason.trim() === "") problem(index, "reason", "log_field_invalid", { field: "原因", value: "" });
    if (kind === "void") {
      if (existing.voided)
        return problem(index, "event", "log_event_out_of_order", { event: e.event, sheet: e.snapshotSheet });
      existing.voided = placed;
      return;
    }
    if (statusOf(existing) !== "有效" || isExternal(existing))
      return problem(index, "event", "log_event_out_of_order", { event: e.event, sheet: e.snapshotSheet });
    if (e.n !== String(existing.substitutions.length + 1))
      problem(index, "n", "log_field_invalid", { field: "替补序号", value: e.n });
    existing.substitutions.push(placed);
  });
  return { entries, draws, problems, head: chainHead(entries), legacy: !!options.legacy };
}

// ------------------------------------------------------------------ queries

export function findDraw(register: Register, sheet: string): RegisteredDraw | null {
  return register.draws.find((d) => d.key === sheet || (d.draw !== null && d.draw.entry.sheet === sheet)) ?? null;
}

/** The task's draw that is 待抽取 or 有效 now (at most one: the lifecycle allows no more). */
export function activeDraw(register: Register, taskId: string): RegisteredDraw | null {
  const live = register.draws.filter((d) => d.taskId === taskId && ["待抽取", "有效"].includes(statusOf(d) ?? ""));
  return live[live.length - 1] ?? null;
}

/** The draws that were 有效 just before position `upto` of the log (the end when absent). */
export function validAt(register: Register, upto = Infinity): RegisteredDraw[] {
  return register.draws.filter((d) => statusOf(d, upto) === "有效");
}

/** The result sheet name of a draw, or '' while it awaits its seed. */
export const resultSheetOf = (d: RegisteredDraw): string => d.draw?.entry.sheet ?? "";

/** The record of a draw as the log states it (the draw event's fields, the freeze's, the void's). */
export function recordOf(d: RegisteredDraw, upto = Infinity): DrawRecord {
  const e = (d.draw && d.draw.index < upto ? d.draw : d.freeze)!.entry;
  const voided = d.voided && d.voided.index < upto ? d.voided.entry : null;
  const source = (Object.keys(SEED_SOURCE_LABELS) as SeedSource[]).find((k) => SEED_SOURCE_LABELS[k] === e.seedSource);
  return {
    protocol: isExternal(d) ? EXTERNAL_PROTOCOL : PROTOCOL,
    taskId: d.taskId,
    taskName: e.taskName,
    seed: e.seed === "" ? null : e.seed,
    seedSource: source ?? null,
    seedRule: e.seedRule,
    frozen: e.frozen === YES,
    date: e.date,
    timestamp: e.time,
    operator: e.operator,
    witness: e.witness,
    digest: e.digest,
    sheet: e.sheet,
    snapshotSheet: d.key,
    status: statusOf(d, upto) ?? "待抽取",
    reason: voided?.reason ?? "",
    warnings: e.warnings === "" ? [] : e.warnings.split("\n"),
    seedHex: e.seedHex,
    items: e.items,
    freezeTimestamp: d.freeze?.entry.time ?? "",
    freezeOperator: d.freeze?.entry.operator ?? "",
    voidedAt: voided?.time ?? "",
    voidedBy: voided?.operator ?? "",
    source: isExternal(d) ? e.note : "",
  };
}

// ------------------------------------------------------------------ replay

/** A substitution with the reason, time and operator the log gives it. */
export type LoggedSubstitution = SubstitutionRecord;

export interface Replay {
  outcome: DrawOutcome;
  substitutions: LoggedSubstitution[];
  /** the protocol's warnings of the draw, in Chinese as the record keeps them */
  warnings: string[];
}

/** The teams of a target as one text: departments in visiting order, inspectors in pick order. */
export function teamText(teams: readonly TeamAssignment[]): string {
  return teams.map((t) => `${t.department}：${t.inspectors.join("、")}`).join("；");
}

/**
 * Replays a draw from its snapshot and logged seed, then every substitution logged before `upto`
 * (§9), and checks each substitution entry against the replay. Problems are at the entry's fields.
 */
export function replay(
  d: RegisteredDraw,
  snapshot: Snapshot,
  options: { upto?: number; lang?: Lang } = {},
): { ok: true; replay: Replay; problems: LogProblem[] } | { ok: false; issue: Issue } {
  const upto = options.upto ?? Infinity;
  const lang = options.lang ?? "zh";
  if (!d.draw || d.draw.index >= upto) return { ok: false, issue: issue("draw_not_made", {}, { sheet: d.key }, lang) };
  if (isExternal(d)) return { ok: false, issue: issue("draw_external", {}, { sheet: d.key }, lang) };
  const seed = d.draw.entry.seed;
  const made = drawOutcome(snapshot, seed);
  if (!made.ok) return { ok: false, issue: made.issue };
  let current: CurrentDraw = initialDraw(made.outcome);
  const logged: LoggedSubstitution[] = [];
  const problems: LogProblem[] = [];
  for (const s of d.substitutions) {
    if (s.index >= upto) break;
    const e = s.entry;
    const next = substitute(snapshot, seed, current, e.replaced);
    if (!next.ok) {
      problems.push({ index: s.index, field: "replaced", issue: next.issue });
      break;
    }
    const made = next.draw.outcome.selected.find((x) => x.seq === next.substitution.seq)!;
    const expected: Partial<Record<LogField, string>> = {
      substitute: next.substitution.substitute,
      stratum: next.substitution.stratum,
      rank: String(next.substitution.rank),
      team: teamText(made.teams),
    };
    for (const [field, value] of Object.entries(expected) as [LogField, string][])
      if (e[field] !== value)
        problems.push({
          index: s.index,
          field,
          issue: issue(
            "log_substitution_differs",
            {},
            { seq: s.index + 1, field, value: e[field], expected: value },
            lang,
          ),
        });
    current = next.draw;
    logged.push({ ...next.substitution, reason: e.reason, time: e.time, operator: e.operator });
  }
  return {
    ok: true,
    replay: { outcome: current.outcome, substitutions: logged, warnings: made.warnings.map((w) => w.message) },
    problems,
  };
}

// ------------------------------------------------------------------ new events

export type Plan = { ok: true; entries: LogEntry[] } | { ok: false; issue: Issue };

interface Who {
  time: string;
  operator: string;
}

/**
 * A new freeze, draw or import of the task, chained after the 作废 entry that must precede it: none
 * when the task has no live draw; refused without a reason when it has one (a draw is never
 * replaced silently).
 */
function afterVoids(
  register: Register,
  inputs: Who & { taskId: string; voidReason?: string },
  except: RegisteredDraw | null,
  lang: Lang,
  entry: Partial<Record<LogField, string>>,
): Plan {
  const live = activeDraw(register, inputs.taskId);
  const reason = inputs.voidReason;
  if (!live || live === except) return { ok: true, entries: chain(register.entries, [entry]) };
  if (reason === undefined) {
    const status = statusOf(live);
    return {
      ok: false,
      issue:
        status === "待抽取"
          ? issue(
              "freeze_exists",
              {},
              { task: inputs.taskId, sheet: live.key, digest: live.freeze!.entry.digest },
              lang,
            )
          : issue("draw_exists", {}, { task: inputs.taskId, sheet: resultSheetOf(live) }, lang),
    };
  }
  if (reason.trim() === "") return { ok: false, issue: issue("void_reason_empty", {}, {}, lang) };
  return { ok: true, entries: chain(register.entries, [voidDraft(live, reason.trim(), inputs), entry]) };
}

function voidDraft(d: RegisteredDraw, reason: string, who: Who): Partial<Record<LogField, string>> {
  return {
    time: who.time,
    event: EVENT_LABELS.void,
    taskId: d.taskId,
    taskName: d.taskName,
    snapshotSheet: d.key,
    sheet: resultSheetOf(d),
    reason,
    operator: who.operator,
  };
}

export interface NewInputs {
  taskId: string;
  taskName: string;
  snapshotSheet: string;
  date: string;
  digest: string;
  /** the task's items with their names, as the record shows them */
  items: string;
}

/** 冻结: the entries of a freeze (after voiding the task's live draw when a reason is given). */
export function planFreeze(
  register: Register,
  inputs: NewInputs & Who & { seedRule: string; voidReason?: string; lang?: Lang },
): Plan {
  const lang = inputs.lang ?? "zh";
  return afterVoids(register, inputs, null, lang, {
    time: inputs.time,
    event: EVENT_LABELS.freeze,
    taskId: inputs.taskId,
    taskName: inputs.taskName,
    snapshotSheet: inputs.snapshotSheet,
    protocol: PROTOCOL,
    date: inputs.date,
    seedRule: inputs.seedRule,
    frozen: YES,
    digest: inputs.digest,
    items: inputs.items,
    operator: inputs.operator,
  });
}

/** A refused seed as an issue naming the code point. */
export function seedIssue(seed: string, refusal: SeedRefusal, lang: Lang = "zh"): Issue {
  const length = Array.from(seed).length;
  switch (refusal.problem) {
    case "empty":
    case "too_long":
      return issue("seed_length", {}, { length }, lang);
    case "edge_space":
      return issue("seed_edge_space", {}, {}, lang);
    case "not_nfc":
      return issue("seed_not_nfc", {}, { codePoint: refusal.codePoint }, lang);
    case "character":
      return issue(`seed_char_${refusal.kind}`, {}, { codePoint: refusal.codePoint }, lang);
  }
}

/**
 * 抽取: the entries of a draw, on the task's pending freeze (`frozen`) or on inputs taken now.
 * The seed must pass DRP-1 §8.
 */
export function planDraw(
  register: Register,
  inputs: NewInputs &
    Who & {
      sheet: string;
      seed: string;
      seedSource: SeedSource;
      witness: string;
      warnings: string[];
      frozen: RegisteredDraw | null;
      voidReason?: string;
      lang?: Lang;
    },
): Plan {
  const lang = inputs.lang ?? "zh";
  const refused = seedRefusal(inputs.seed);
  if (refused) return { ok: false, issue: seedIssue(inputs.seed, refused, lang) };
  const f = inputs.frozen?.freeze?.entry;
  return afterVoids(register, inputs, inputs.frozen, lang, {
    time: inputs.time,
    event: EVENT_LABELS.draw,
    taskId: inputs.taskId,
    taskName: inputs.taskName,
    snapshotSheet: inputs.snapshotSheet,
    sheet: inputs.sheet,
    protocol: PROTOCOL,
    date: f?.date ?? inputs.date,
    seed: inputs.seed,
    seedHex: seedHex(inputs.seed),
    seedSource: SEED_SOURCE_LABELS[inputs.seedSource],
    seedRule: f?.seedRule ?? "",
    frozen: f ? YES : NO,
    digest: f?.digest ?? inputs.digest,
    items: f?.items ?? inputs.items,
    operator: inputs.operator,
    witness: inputs.witness,
    warnings: inputs.warnings.join("\n"),
  });
}

/** 导入: the entries of a draw imported from a platform's list (after voiding the task's live draw, with a reason). */
export function planImport(
  register: Register,
  inputs: NewInputs & Who & { sheet: string; source: string; voidReason?: string; lang?: Lang },
): Plan {
  const lang = inputs.lang ?? "zh";
  return afterVoids(register, inputs, null, lang, {
    time: inputs.time,
    event: EVENT_LABELS.import,
    taskId: inputs.taskId,
    taskName: inputs.taskName,
    snapshotSheet: inputs.snapshotSheet,
    sheet: inputs.sheet,
    protocol: EXTERNAL_PROTOCOL,
    date: inputs.date,
    frozen: NO,
    digest: inputs.digest,
    items: inputs.items,
    operator: inputs.operator,
    note: inputs.source,
  });
}

/** 作废: voids a draw or a pending freeze, with its reason. */
export function planVoid(register: Register, d: RegisteredDraw, reason: string, who: Who, lang: Lang = "zh"): Plan {
  const status = statusOf(d);
  if (status === "作废") return { ok: false, issue: issue("draw_already_void", {}, { sheet: d.key }, lang) };
  if (reason.trim() === "") return { ok: false, issue: issue("void_reason_empty", {}, {}, lang) };
  return { ok: true, entries: chain(register.entries, [voidDraft(d, reason.trim(), who)]) };
}

/** 替补: the entry of a substitution that `substitute()` has made. */
export function planSubstitution(
  register: Register,
  d: RegisteredDraw,
  made: { substitution: Substitution; teams: readonly TeamAssignment[] },
  reason: string,
  who: Who,
  lang: Lang = "zh",
): Plan {
  if (statusOf(d) !== "有效")
    return { ok: false, issue: issue("draw_not_valid", {}, { sheet: d.key, status: statusOf(d) ?? "—" }, lang) };
  if (reason.trim() === "") return { ok: false, issue: issue("substitute_reason_empty", {}, {}, lang) };
  const s = made.substitution;
  return {
    ok: true,
    entries: chain(register.entries, [
      {
        time: who.time,
        event: EVENT_LABELS.substitute,
        taskId: d.taskId,
        taskName: d.taskName,
        snapshotSheet: d.key,
        sheet: resultSheetOf(d),
        reason: reason.trim(),
        operator: who.operator,
        n: String(s.n),
        replaced: s.replaced,
        substitute: s.substitute,
        stratum: s.stratum,
        rank: String(s.rank),
        team: teamText(made.teams),
      },
    ]),
  };
}

/** The register with new entries appended (the state the write will leave). */
export function withEntries(register: Register, entries: LogEntry[], lang: Lang = "zh"): Register {
  return buildRegister([...register.entries, ...entries], { lang, legacy: false });
}

export type { EventKind };
