// The canonical serialisation of a snapshot and its SHA-256 digest (docs/draw-protocol.md §7).
// The digest is taken in one pass: the lines are joined a chunk at a time and fed to an
// incremental SHA-256, so that a 1M-target snapshot never exists as one string.
import type { Inspector, Snapshot, Target } from "../model";
import { EXCLUSION_REASONS } from "../model";
import { byteOrder, inByteOrder, sortedBy } from "./order";
import { defaultSha256, type Sha256 } from "./sha256";

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

/**
 * A target's line. JSON.stringify writes what json() writes, natively: a million lines of a
 * registry as read take half the time that json(), or a UTF-8 writer in JavaScript field by
 * field, take.
 */
function targetLine(t: Target): string {
  return (
    JSON.stringify([
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
    ]) + "\n"
  );
}

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

/** Text is handed to the hash in chunks of about this many UTF-16 code units. */
export const CHUNK = 1 << 15;

/**
 * SHA-256 of the UTF-8 canonical serialisation, 64 lower-case hex digits, in one pass: the lines
 * are joined into a chunk of text at a time and each chunk fed to an incremental SHA-256, which
 * encodes it as UTF-8 (natively, in node:crypto). `hasher` makes it (by default node:crypto in
 * Node, @noble/hashes elsewhere; see ./sha256.ts); every hasher gives the same digest of the
 * same bytes.
 */
export async function snapshotDigest(s: Snapshot, hasher: () => Sha256 = defaultSha256): Promise<string> {
  const h = hasher();
  let chunk = "";
  for (const p of canonicalPieces(s)) {
    if (typeof p === "string") chunk += p;
    else
      for (const x of p) {
        chunk += targetLine(x);
        if (chunk.length >= CHUNK) {
          h.update(chunk);
          chunk = "";
        }
      }
  }
  if (chunk) h.update(chunk);
  return h.hex();
}
