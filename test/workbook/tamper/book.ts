// A workbook holding every kind of event of the draw log, for the tamper corpus: task T2026-01
// frozen, drawn on the published seed and one target substituted; task T2026-02 drawn, then voided
// by a redraw.
import { mkdirSync, writeFileSync } from "node:fs";
import { runDraw, runFreeze, runSubstitute } from "../../../src/workbook/usecases";
import type { MemoryWorkbook } from "../memory-port";
import type { WorkbookPort } from "../../../src/workbook/port";
import { DATE, NOW, SEED, TASK, TASK2, fixtureBook } from "../usecases/fixture";

function ok<T>(r: { ok: true; report: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.report;
}

export async function everyEventBook(): Promise<MemoryWorkbook> {
  return everyEvent(fixtureBook({ task2: true, targets: 16 }));
}

/** The same events through any port (the ExcelJS adapter for the false-alarm tests). */
export async function everyEvent<P extends WorkbookPort>(book: P): Promise<P> {
  ok(
    await runFreeze(book, {
      taskId: TASK,
      date: DATE,
      seedRule: "2026-04-02 福彩3D 开奖号码",
      operator: "张三",
      now: NOW,
    }),
  );
  const drawn = ok(await runDraw(book, { taskId: TASK, seed: SEED, operator: "张三", witness: "李四", now: NOW }));
  const replaced = drawn.selected.find((s) => drawn.reserves.some((r) => r.stratum === s.stratum))!;
  ok(
    await runSubstitute(book, {
      draw: drawn.sheet,
      target: replaced.uscc,
      reason: "已注销",
      operator: "王五",
      now: NOW,
    }),
  );
  ok(await runDraw(book, { taskId: TASK2, seed: "527", date: DATE, operator: "张三", witness: "李四", now: NOW }));
  ok(
    await runDraw(book, {
      taskId: TASK2,
      seed: "528",
      date: DATE,
      voidReason: "见证人未到场",
      operator: "张三",
      witness: "赵六",
      now: NOW,
    }),
  );
  return book;
}

/** What one edit of every cell of a sheet gave: how many edits verify caught, and which it missed. */
export interface CellCorpus {
  sheet: string;
  total: number;
  caught: number;
  missed: string[];
}

const letter = (c: number): string =>
  (c < 26 ? "" : letter(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));

/** A different value for a cell: text grows by one character, a number by one, an empty cell gets one. */
export function tampered(v: unknown): string | number {
  if (typeof v === "number") return v + 1;
  if (typeof v === "string" && v !== "") return `${v}改`;
  return "x";
}

/**
 * Edits every cell of `sheet`'s used range (and one cell past it on the right and below), one at a
 * time on a fresh copy, and asks `caught` of each copy.
 */
export async function editEveryCell(
  book: MemoryWorkbook,
  sheet: string,
  caught: (copy: MemoryWorkbook) => Promise<boolean>,
): Promise<CellCorpus> {
  const rows = book.sheets.get(sheet)!;
  const width = Math.max(...rows.map((r) => r.length));
  const cells: [number, number][] = [];
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < width; c++) cells.push([r, c]);
  cells.push([rows.length, 0], [0, width]);
  const out: CellCorpus = { sheet, total: 0, caught: 0, missed: [] };
  for (const [r, c] of cells) {
    const copy = book.clone();
    copy.edit(sheet, r + 1, c, tampered(rows[r]?.[c]));
    out.total++;
    if (await caught(copy)) out.caught++;
    else out.missed.push(`${letter(c)}${r + 1}`);
  }
  return out;
}

/** Keeps the corpus figures for the note: test-output/tamper-<name>.json. */
export function record(name: string, corpus: CellCorpus[] | Record<string, unknown>): void {
  mkdirSync("test-output", { recursive: true });
  writeFileSync(`test-output/tamper-${name}.json`, JSON.stringify(corpus, null, 2));
}
