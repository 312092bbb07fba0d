// The canonical serialisation of a snapshot and its SHA-256 digest (docs/draw-protocol.md §7).
// The digest is taken in one pass: the lines are written as UTF-8 a chunk at a time and fed to an
// incremental SHA-256, so that a 1M-target snapshot never exists as one string.
import type { Inspector, Snapshot, Target } from "../model";
import { EXCLUSION_REASONS } from "../model";
import { byteOrder, inByteOrder, sortedBy } from "./order";
import { defaultSha256, type Sha256 } from "./sha256";
import { Utf8Writer } from "../utf8-writer";

export type { Sha256, Sha256Factory } from "./sha256";
export { nobleSha256, defaultSha256 } from "./sha256";

// Characters that JSON.stringify escapes in a string: '"', '\\', controls and lone surrogates. A
// string with none of them (surrogate pairs aside, which take the slow path) it writes as itself.
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const NEEDS_CARE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it, without its cost in the common case. */
const quote = (s: string): string => (NEEDS_CARE.test(s) ? JSON.stringify(s) : `"${s}"`);

/** One JSON value, byte for byte as JSON.stringify writes it (arrays, strings, numbers, booleans, null). */
function json(v: unknown): string {
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "null"; // inside an array, as JSON.stringify writes it
    default:
      if (v === null) return "null";
      if (Array.isArray(v)) {
        let out = "[";
        for (let i = 0; i < v.length; i++) out += (i ? "," : "") + json(v[i]);
        return out + "]";
      }
      return JSON.stringify(v);
  }
}

const line = (fields: unknown[]): string => json(fields) + "\n";

/** A target's line as text; the digest writes the same bytes field by field (writeTargetLine). */
function targetLine(t: Target): string {
  return line([
    "target",
    t.uscc,
    t.name,
    t.category,
    t.tags,
    t.area,
    t.address,
    t.legalRep,
    t.phone,
    t.riskGrade,
    t.complaints,
    t.violations,
    t.upperSampled,
    t.lastInspected,
    t.lastInspectors,
    t.status,
  ]);
}

const num = (n: number) => (Number.isFinite(n) ? String(n) : "null");

function inspectorLine(i: Inspector): string {
  return line([
    "inspector",
    i.id,
    i.name,
    i.department,
    i.section,
    i.title,
    i.specialties,
    i.fields,
    i.role,
    i.status,
    i.area,
    i.recusals,
  ]);
}

/** The list in byte order of its key; the list itself when it is in that order already (a snapshot is). */
function inOrder<T>(list: readonly T[], key: (x: T) => string): readonly T[] {
  return inByteOrder(list, key) ? list : sortedBy(list, key);
}

/**
 * The canonical lines in the order of docs/draw-protocol.md §7, each ending in '\n'; the targets,
 * a million lines at a time, as their list (in USCC order), which the caller writes line by line.
 */
function* canonicalPieces(s: Snapshot): Generator<string | readonly Target[]> {
  const t = s.task;
  yield line(["protocol", s.protocol]);
  yield line([
    "task",
    t.id,
    t.name,
    t.leadDepartment,
    t.departments,
    t.itemIds,
    t.categories,
    t.mode,
    t.ratios === null ? null : [t.ratios.A, t.ratios.B, t.ratios.C, t.ratios.D],
    t.counts === null ? null : [t.counts.A, t.counts.B, t.counts.C, t.counts.D],
    t.priorityRatio,
    t.minRatio,
    t.perDepartment,
    t.rotate,
    t.excludeUpper,
    t.cooldownDays,
    t.reserves,
    t.crossArea,
    t.startDate,
    t.endDate,
  ]);
  yield line(["date", s.date]);
  for (const dep of Object.keys(s.specialties).sort(byteOrder)) yield line(["specialties", dep, s.specialties[dep]]);
  yield inOrder(s.targets, (t) => t.uscc);
  for (const x of inOrder(s.inspectors, (i) => i.id)) yield inspectorLine(x);
  yield line(["excluded", ...EXCLUSION_REASONS.map((r) => s.excluded[r])]);
  yield line(["counts", s.registrySize, s.inScope]);
}

/** The canonical lines, each ending in '\n', in the order of docs/draw-protocol.md §7. */
export function* canonicalLines(s: Snapshot): Generator<string> {
  for (const p of canonicalPieces(s))
    if (typeof p === "string") yield p;
    else for (const x of p) yield targetLine(x);
}

/** One JSON array per line, in a fixed order; see docs/draw-protocol.md for the exact layout. */
export function canonicalSnapshot(s: Snapshot): string {
  let out = "";
  for (const l of canonicalLines(s)) out += l;
  return out;
}

function jsonList(w: Utf8Writer, xs: readonly string[]): boolean {
  if (xs.length === 0) {
    w.ascii("[]");
    return true;
  }
  w.byte(91); // [
  for (let i = 0; i < xs.length; i++) {
    if (i) w.byte(44);
    if (!w.jsonString(xs[i])) return false;
  }
  w.byte(93); // ]
  return true;
}

const COMMA = 44;

/** targetLine's fields into `w`; false as soon as one is not written as it is (then `w` is rewound). */
function targetFields(w: Utf8Writer, t: Target): boolean {
  w.ascii('["target",');
  if (!w.jsonString(t.uscc)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.name)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.category)) return false;
  w.byte(COMMA);
  if (!jsonList(w, t.tags)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.area)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.address)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.legalRep)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.phone)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.riskGrade)) return false;
  w.byte(COMMA);
  w.ascii(num(t.complaints));
  w.ascii(t.violations ? ",true," : ",false,");
  w.ascii(t.upperSampled ? "true," : "false,");
  if (t.lastInspected === null) w.ascii("null");
  else if (!w.jsonString(t.lastInspected)) return false;
  w.byte(COMMA);
  if (!jsonList(w, t.lastInspectors)) return false;
  w.byte(COMMA);
  if (!w.jsonString(t.status)) return false;
  w.ascii("]\n");
  return true;
}

/**
 * targetLine's bytes, written field by field into `w` (a million lines never become strings);
 * a line with a field JSON escapes is written from targetLine instead.
 */
function writeTargetLine(w: Utf8Writer, t: Target): void {
  const start = w.length;
  if (targetFields(w, t)) return;
  w.rewind(start);
  w.text(targetLine(t));
}

/** Bytes are handed to the hash in chunks of about this many. */
const CHUNK = 1 << 16;

/**
 * SHA-256 of the UTF-8 canonical serialisation, 64 lower-case hex digits, in one pass: the lines
 * are written as UTF-8 into a chunk at a time and the chunks fed to an incremental SHA-256.
 * `hasher` makes it (by default node:crypto in Node, @noble/hashes elsewhere; see ./sha256.ts);
 * every hasher gives the same digest of the same bytes.
 */
export async function snapshotDigest(s: Snapshot, hasher: () => Sha256 = defaultSha256): Promise<string> {
  const h = hasher();
  const w = new Utf8Writer(CHUNK);
  for (const p of canonicalPieces(s)) {
    if (typeof p === "string") w.text(p);
    else
      for (const x of p) {
        writeTargetLine(w, x);
        if (w.full) h.bytes(w.take());
      }
    if (w.full) h.bytes(w.take());
  }
  if (w.length) h.bytes(w.take());
  return h.hex();
}
