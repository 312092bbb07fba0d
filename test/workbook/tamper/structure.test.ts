// The tamper corpus, structural edits: rows of the log swapped, duplicated, deleted, inserted, its
// header renamed, draw sheets deleted, snapshot rows reordered, the record cut short. Each is caught
// at the sheet, row or cell concerned; a log forged whole is caught by the chain head published.
import { chain, entryHash } from "../../../src/core/draw/chain";
import { readLog, logRow } from "../../../src/workbook/log-sheet";
import { verifyDraws, type VerifyReport } from "../../../src/workbook/usecases";
import type { MemoryWorkbook } from "../memory-port";
import { everyEventBook, record } from "./book";
import { uscc } from "../usecases/fixture";

let book: MemoryWorkbook;
let head: string;
beforeAll(async () => {
  book = await everyEventBook();
  const v = await verifyDraws(book);
  expect(v.ok).toBe(true);
  head = v.chain;
});

const LOG = "抽取记录";
const rowsOf = (b: MemoryWorkbook, sheet: string) => b.sheets.get(sheet)!;
/** Every place verify names, as 'sheet!cell' (or the sheet alone). */
const places = (v: VerifyReport) =>
  [...v.log, ...v.results, ...v.draws.flatMap((d) => d.mismatches)].map((m) =>
    m.cell ? `${m.sheet}!${m.cell}` : m.sheet,
  );

const results: Record<string, boolean> = {};
async function caught(name: string, edit: (b: MemoryWorkbook) => void, where: (v: VerifyReport) => void) {
  const copy = book.clone();
  edit(copy);
  const v = await verifyDraws(copy);
  results[name] = !v.ok;
  expect(v.ok).toBe(false);
  where(v);
}
afterAll(() => record("structure", results));

test("two log rows swapped: the chain breaks at both", () =>
  caught(
    "log rows swapped",
    (b) => {
      const rows = rowsOf(b, LOG);
      [rows[2], rows[3]] = [rows[3], rows[2]];
    },
    (v) => expect(v.log.map((m) => m.cell)).toEqual(expect.arrayContaining(["A3", "A4"])),
  ));

test("a log row duplicated", () =>
  caught(
    "log row duplicated",
    (b) => rowsOf(b, LOG).splice(3, 0, [...rowsOf(b, LOG)[2]]),
    (v) => expect(v.log.map((m) => m.cell)).toContain("A4"),
  ));

test("a log row deleted in the middle", () =>
  caught(
    "log row deleted",
    (b) => rowsOf(b, LOG).splice(2, 1),
    (v) => expect(v.log.map((m) => m.cell)).toContain("A3"),
  ));

test("a row inserted with a hash of its own, but not linked", () =>
  caught(
    "log row inserted",
    (b) => {
      const log = readLog({ name: LOG, rows: rowsOf(b, LOG) }).register.entries;
      const forged = { ...log[1], reason: "伪造", event: "作废", seq: "3" };
      forged.hash = entryHash(forged);
      rowsOf(b, LOG).splice(3, 0, logRow(forged));
    },
    (v) => expect(v.log.length).toBeGreaterThan(0),
  ));

test("the last rows of the log deleted: the draw they made is known by its sheets", () =>
  caught(
    "last log rows deleted",
    (b) => rowsOf(b, LOG).splice(-2, 2),
    (v) => {
      expect(v.draws.filter((d) => d.status === "无记录").map((d) => d.sheet)).toEqual(
        expect.arrayContaining(["抽取结果-T2026-02-2", "抽取快照-T2026-02-2"]),
      );
      // the voided draw's sheet shows a void the log no longer holds
      expect(places(v).some((p) => p.startsWith("抽取结果-T2026-02-1!"))).toBe(true);
    },
  ));

test("a header of the log renamed", () =>
  caught(
    "log header renamed",
    (b) => (rowsOf(b, LOG)[0][2] = "类型"),
    (v) => expect(v.log.map((m) => m.field)).toContain("事件"),
  ));

test("a value typed beside the log, in no column of it", () =>
  caught(
    "log cell beside",
    (b) => b.edit(LOG, 3, 29, "作废"),
    (v) => expect(v.log.map((m) => m.cell)).toContain("AD3"),
  ));

test("a result sheet deleted, a snapshot deleted", async () => {
  await caught(
    "result sheet deleted",
    (b) => b.sheets.delete("抽取结果-T2026-01-1"),
    (v) => expect(places(v)).toContain("抽取结果-T2026-01-1"),
  );
  await caught(
    "snapshot sheet deleted",
    (b) => b.sheets.delete("抽取快照-T2026-02-1"),
    (v) => expect(places(v)).toContain("抽取快照-T2026-02-1"),
  );
});

test("two target rows of a snapshot swapped: the digest is the same, the order is not", () =>
  caught(
    "snapshot rows swapped",
    (b) => {
      const rows = rowsOf(b, "抽取快照-T2026-01-1");
      const first = rows.findIndex((r) => r[0] === "统一社会信用代码") + 1;
      [rows[first], rows[first + 1]] = [rows[first + 1], rows[first]];
    },
    (v) => expect(places(v).filter((p) => p.startsWith("抽取快照-T2026-01-1!")).length).toBeGreaterThan(0),
  ));

test("the log and a draw's sheets all deleted: its 检查结果 rows are of no draw", () =>
  caught(
    "log and draw sheets deleted",
    (b) => {
      for (const n of [...b.sheets.keys()]) if (n === LOG || n.startsWith("抽取")) b.sheets.delete(n);
    },
    (v) => {
      expect(v.draws).toEqual([]);
      expect(v.results.length).toBe(rowsOf(book, "检查结果").length - 1);
      expect(v.results[0].cell).toBe("A2");
    },
  ));

test("a 检查结果 row added by hand for a target no draw holds", () =>
  caught(
    "result row added",
    (b) => rowsOf(b, "检查结果").push(["T2026-01", uscc(99), "手加的", "区卫生健康局"]),
    (v) => expect(v.results.map((m) => m.cell)).toEqual([`A${rowsOf(book, "检查结果").length + 1}`]),
  ));

test("a log forged whole (every hash recomputed) passes the chain, and fails against the head published", async () => {
  const copy = book.clone();
  const entries = readLog({ name: LOG, rows: rowsOf(copy, LOG) }).register.entries;
  // the forger rewrites an operator's name and re-chains every row after it
  const drafts = entries.map(({ row, hash, prevHash, seq, ...e }) => (void row, void hash, void prevHash, void seq, e));
  drafts[1] = { ...drafts[1], operator: "李四" };
  const forged = chain([], drafts);
  copy.sheets.set(LOG, [rowsOf(copy, LOG)[0], ...forged.map(logRow)]);
  const v = await verifyDraws(copy, { expectChain: head });
  results["log re-chained, head published"] = !v.ok;
  expect(v.ok).toBe(false);
  expect(v.log.map((m) => m.field)).toContain("本行哈希");
  expect(v.chain).not.toBe(head);
  expect((await verifyDraws(book, { expectChain: head.toUpperCase() })).ok).toBe(true);
});

test("the digest published at the freeze is found, and a wrong one is not", async () => {
  const log = readLog({ name: LOG, rows: rowsOf(book, LOG) }).register.entries;
  expect((await verifyDraws(book, { expectDigest: log[0].digest })).ok).toBe(true);
  const v = await verifyDraws(book, { expectDigest: "0".repeat(64) });
  expect(v.ok).toBe(false);
  expect(v.log.map((m) => m.field)).toEqual(["输入摘要（SHA-256）"]);
});

test("an unprotected record is said, not failed (protection is weak; the chain proves)", async () => {
  const copy = book.clone();
  copy.protectedSheets.delete("抽取结果-T2026-01-1");
  copy.protectedSheets.delete(LOG);
  const v = await verifyDraws(copy);
  expect(v.ok).toBe(true);
  expect(v.warnings.map((w) => [w.code, w.sheet])).toEqual(
    expect.arrayContaining([
      ["sheet_unprotected", "抽取结果-T2026-01-1"],
      ["sheet_unprotected", LOG],
    ]),
  );
});
