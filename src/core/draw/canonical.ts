// The canonical serialisation of a snapshot and its SHA-256 digest (docs/draw-protocol.md §8).
import type { Inspector, Snapshot, Target } from "../model";
import { EXCLUSION_REASONS } from "../model";
import { byteOrder, sortedBy } from "./order";

const line = (fields: unknown[]): string => JSON.stringify(fields);

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

/** One JSON array per line, in a fixed order; see docs/draw-protocol.md for the exact layout. */
export function canonicalSnapshot(s: Snapshot): string {
  const t = s.task;
  const lines: string[] = [
    line(["protocol", s.protocol]),
    line([
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
    ]),
    line(["date", s.date]),
  ];
  for (const dep of Object.keys(s.specialties).sort(byteOrder))
    lines.push(line(["specialties", dep, s.specialties[dep]]));
  for (const x of sortedBy(s.targets, (t) => t.uscc)) lines.push(targetLine(x));
  for (const x of sortedBy(s.inspectors, (i) => i.id)) lines.push(inspectorLine(x));
  lines.push(line(["excluded", ...EXCLUSION_REASONS.map((r) => s.excluded[r])]));
  lines.push(line(["counts", s.registrySize, s.inScope]));
  return lines.join("\n") + "\n";
}

/** SHA-256 of the UTF-8 canonical serialisation, 64 lower-case hex digits. */
export async function snapshotDigest(s: Snapshot): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalSnapshot(s));
  const hash = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0")).join("");
}
