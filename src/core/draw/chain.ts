// The chained draw log (DRP-1 §10): one entry per event, each hashed over its own fields and the
// previous entry's hash, so that an edited, inserted, deleted or reordered entry breaks the chain.
// See docs/draw-protocol.md, "The draw log", for the canonical form.
import { sha256 } from "@noble/hashes/sha2";

/** The fields of a log entry, in the order they are hashed (the row hash itself last, not hashed). */
export const LOG_FIELDS = [
  "seq",
  "time",
  "event",
  "taskId",
  "taskName",
  "snapshotSheet",
  "sheet",
  "protocol",
  "date",
  "seed",
  "seedHex",
  "seedSource",
  "seedRule",
  "frozen",
  "digest",
  "items",
  "operator",
  "witness",
  "reason",
  "n",
  "replaced",
  "substitute",
  "stratum",
  "rank",
  "team",
  "warnings",
  "note",
  "prevHash",
  "hash",
] as const;
export type LogField = (typeof LOG_FIELDS)[number];

/**
 * 抽取记录的一行: every field is the exact text of its cell, so that what is hashed is what is
 * shown; the register (register.ts) reads the meaning out of them.
 */
export type LogEntry = Record<LogField, string> & {
  /** 1-based sheet row the entry was read from (0 for a new entry) */
  row: number;
};

/** The event names, as written in the 事件 column and hashed. */
export const EVENT_LABELS = { freeze: "冻结", draw: "抽取", void: "作废", substitute: "替补", import: "导入" } as const;
export type EventKind = keyof typeof EVENT_LABELS;

export function eventKind(label: string): EventKind | null {
  for (const [k, v] of Object.entries(EVENT_LABELS)) if (v === label) return k as EventKind;
  return null;
}

/** The previous hash of the first entry. */
export const GENESIS = "0".repeat(64);

/** The tag that starts every canonical entry: the log format, not the draw protocol. */
export const LOG_FORMAT = "抽取记录/1";

/** The canonical text of an entry: a JSON array of the format tag and every field but the hash. */
export function canonicalEntry(e: LogEntry): string {
  return JSON.stringify([LOG_FORMAT, ...LOG_FIELDS.filter((f) => f !== "hash").map((f) => e[f])]);
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256 of the UTF-8 canonical text, 64 lower-case hex digits. */
export function entryHash(e: LogEntry): string {
  return hex(sha256(new TextEncoder().encode(canonicalEntry(e))));
}

/** An entry with every field empty. */
export function blankEntry(): LogEntry {
  const e = { row: 0 } as LogEntry;
  for (const f of LOG_FIELDS) e[f] = "";
  return e;
}

/** Chains new entries after `previous`: numbers them, links and hashes each. */
export function chain(previous: readonly LogEntry[], drafts: readonly Partial<Record<LogField, string>>[]): LogEntry[] {
  let prev = previous.length ? previous[previous.length - 1].hash : GENESIS;
  let seq = previous.length;
  return drafts.map((d) => {
    const e: LogEntry = { ...blankEntry(), ...d, seq: String(++seq), prevHash: prev, hash: "" };
    e.hash = entryHash(e);
    prev = e.hash;
    return e;
  });
}

/** Where the chain of entries as read breaks: one problem per entry that does not link or hash. */
export interface ChainBreak {
  index: number;
  field: "seq" | "prevHash" | "hash";
  expected: string;
  actual: string;
}

export function checkChain(entries: readonly LogEntry[]): ChainBreak[] {
  const out: ChainBreak[] = [];
  let prev = GENESIS;
  entries.forEach((e, i) => {
    if (e.seq !== String(i + 1)) out.push({ index: i, field: "seq", expected: String(i + 1), actual: e.seq });
    if (e.prevHash !== prev) out.push({ index: i, field: "prevHash", expected: prev, actual: e.prevHash });
    const h = entryHash(e);
    if (e.hash !== h) out.push({ index: i, field: "hash", expected: h, actual: e.hash });
    // the next entry links to the hash as written: one edited entry breaks at itself only
    prev = e.hash;
  });
  return out;
}

/** The chain head: the last entry's hash (GENESIS for an empty log). */
export function chainHead(entries: readonly LogEntry[]): string {
  return entries.length ? entries[entries.length - 1].hash : GENESIS;
}
