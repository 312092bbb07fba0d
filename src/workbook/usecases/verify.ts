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
import { loadBook, loadValidDraws, readIfPresent } from "./load";
import { pendingFreeze } from "./draw";

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
  status: DrawRecord["status"];
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
export function diffSheet(expected: SheetSpec, actual: SheetData): Mismatch[] {
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
          message: `${actual.name}!${cell}（${field || "—"}）应为「${ev}」，实为「${av}」`,
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

/** Replays every draw (or the one named by its result or snapshot sheet) and compares. */
export async function verifyDraws(
  port: WorkbookPort,
  options: { sheet?: string; lang?: Lang } & ParseOptions = {},
): Promise<VerifyReport> {
  const loaded = await loadBook(port, options);
  const valid = await loadValidDraws(port, loaded);
  const pending = new Set(
    [...new Set(loaded.records.map((r) => r.taskId))].map((t) => pendingFreeze(loaded.records, t)).filter(Boolean),
  );
  const records = loaded.records.filter(
    (r) =>
      (r.status !== "待抽取" || pending.has(r)) &&
      (!options.sheet || r.sheet === options.sheet || r.snapshotSheet === options.sheet),
  );
  const draws: DrawVerification[] = [];
  for (const record of records) {
    const mismatches: Mismatch[] = [];
    const miss = (sheet: string, field: string, expected: string, actual: string, message: string) =>
      mismatches.push({ sheet, cell: "", field, expected, actual, message });
    let snapshot: Snapshot | null = null;
    const snapSheet = await readIfPresent(port, loaded.sheetNames, record.snapshotSheet);
    if (!snapSheet)
      miss(record.snapshotSheet, "快照表", record.snapshotSheet, "", `快照表「${record.snapshotSheet}」不存在`);
    else {
      const parsed = parseSnapshotSheet(snapSheet);
      for (const p of parsed.problems)
        mismatches.push({ sheet: p.sheet, cell: p.cell, field: p.field, expected: "", actual: "", message: p.message });
      snapshot = parsed.snapshot;
      if (snapshot) {
        mismatches.push(...diffSheet(renderSnapshotSheet(snapshot, snapSheet.name), snapSheet));
        const digest = await snapshotDigest(snapshot);
        if (digest !== record.digest)
          miss(
            record.snapshotSheet,
            "输入摘要（SHA-256）",
            record.digest,
            digest,
            `快照的摘要 ${digest} 与记录的摘要 ${record.digest} 不符：快照在抽取后被改动`,
          );
      }
    }
    if (snapshot && record.status !== "待抽取") {
      const resultSheet = await readIfPresent(port, loaded.sheetNames, record.sheet);
      const replay = record.seed ? draw(snapshot, record.seed) : null;
      if (!resultSheet) miss(record.sheet, "结果表", record.sheet, "", `结果表「${record.sheet}」不存在`);
      else if (!replay || !replay.ok)
        miss(
          record.sheet,
          "随机种子",
          "",
          record.seed ?? "",
          `用记录的种子重放抽取失败：${replay && !replay.ok ? replay.issue.message : "无种子"}`,
        );
      else {
        const expected = renderResultSheet(
          { ...record, warnings: replay.warnings.map((w) => w.message) },
          snapshot,
          replay.outcome,
        );
        mismatches.push(...diffSheet(expected, resultSheet));
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
      const others = valid.filter((d) => d.record !== record && d.record.sheet !== record.sheet);
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
  return { ok: draws.every((d) => d.ok), draws };
}
