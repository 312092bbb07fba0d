// Verify: a fresh draw passes; each kind of tampering is caught at its sheet and cell; registry
// changes since the draw are reported apart and do not fail the draw.
import { runDraw, runFreeze, verifyDraws, type DrawReport } from "../../../src/workbook/usecases";
import { MemoryWorkbook } from "../memory-port";
import { DATE, INSPECTORS, NOW, SEED, TARGETS, TASK, TASK2, findCell, fixtureBook } from "./fixture";

function ok<T>(r: { ok: true; report: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.report;
}

let drawn: MemoryWorkbook;
let report: DrawReport;
beforeAll(async () => {
  drawn = fixtureBook({ task2: true });
  report = ok(await runDraw(drawn, { taskId: TASK, seed: SEED, date: DATE, operator: "张三", now: NOW }));
});

/** The 1-based row and 0-based column of the first cell reading `text` (throws when absent). */
function at(book: MemoryWorkbook, sheet: string, text: string): { row: number; column: number } {
  const found = findCell(book.sheets.get(sheet)!, text);
  if (!found) throw new Error(`${sheet} has no cell ${text}`);
  return found;
}

describe("verify", () => {
  test("passes on a fresh draw, a frozen draw and a pending freeze", async () => {
    const v = await verifyDraws(drawn);
    expect(v.ok).toBe(true);
    expect(v.draws).toEqual([
      expect.objectContaining({
        sheet: report.sheet,
        ok: true,
        registryChanged: false,
        mismatches: [],
        status: "有效",
      }),
    ]);

    const frozen = fixtureBook();
    ok(await runFreeze(frozen, { taskId: TASK, date: DATE, now: NOW }));
    const pending = await verifyDraws(frozen);
    expect(pending.ok).toBe(true);
    expect(pending.draws.map((d) => [d.sheet, d.status, d.ok])).toEqual([[`抽取快照-${TASK}-1`, "待抽取", true]]);
    ok(await runDraw(frozen, { taskId: TASK, seed: SEED, now: NOW }));
    const done = await verifyDraws(frozen);
    expect(done.draws.map((d) => [d.sheet, d.status, d.ok])).toEqual([[`抽取结果-${TASK}-1`, "有效", true]]);
  });

  test("an edit to the result sheet is reported at that one cell", async () => {
    const book = drawn.clone();
    const second = report.selected[1];
    const cell = at(book, report.sheet, second.uscc);
    // the name next to the USCC of the second selected target
    book.edit(report.sheet, cell.row, cell.column + 1, "改过的名称");
    const v = await verifyDraws(book);
    expect(v.ok).toBe(false);
    const [d] = v.draws;
    expect(d.ok).toBe(false);
    expect(d.mismatches).toHaveLength(1);
    expect(d.mismatches[0]).toMatchObject({
      sheet: report.sheet,
      cell: `D${cell.row}`,
      field: "名称",
      actual: "改过的名称",
      expected: second.name,
    });
    expect(d.mismatches[0].message).toContain(`${report.sheet}!D${cell.row}`);
  });

  test("a swapped inspector on the result sheet is reported at its cell", async () => {
    const book = drawn.clone();
    const first = report.selected[0];
    const team = first.teams[0].inspectors.map((id, i) => `${first.teams[0].names[i]}（${id}）`).join("、");
    const cell = at(book, report.sheet, team);
    book.edit(report.sheet, cell.row, cell.column, "人员（H004）、人员（H001）");
    const [d] = (await verifyDraws(book)).draws;
    expect(d.mismatches.map((m) => [m.sheet, m.cell, m.field])).toEqual([
      [report.sheet, `H${cell.row}`, "区卫生健康局检查人员"],
    ]);
  });

  test("an edit to the snapshot is caught by its digest", async () => {
    const book = drawn.clone();
    // a target that was eligible but not selected: only the digest can tell
    const selected = new Set([...report.selected.map((s) => s.uscc), ...report.reserves.map((r) => r.uscc)]);
    const rows = book.sheets.get(report.snapshotSheet)!;
    const row = rows.findIndex((r) => typeof r[0] === "string" && /^9113/.test(r[0]) && !selected.has(r[0]));
    book.edit(report.snapshotSheet, row + 1, 1, "换了名字的机构");
    const v = await verifyDraws(book);
    expect(v.ok).toBe(false);
    const [d] = v.draws;
    expect(d.mismatches).toEqual([
      expect.objectContaining({ sheet: report.snapshotSheet, field: "输入摘要（SHA-256）", expected: report.digest }),
    ]);
    expect(d.mismatches[0].actual).toMatch(/^[0-9a-f]{64}$/);
    expect(d.mismatches[0].actual).not.toBe(report.digest);
  });

  test("an edit to the log's seed is reported at the log's seed cell, not as a wrong result sheet", async () => {
    const book = drawn.clone();
    const cell = at(book, "抽取记录", SEED);
    book.edit("抽取记录", cell.row, cell.column, "20260401-福彩3D-124");
    const v = await verifyDraws(book);
    expect(v.ok).toBe(false);
    const [d] = v.draws;
    // the row's hash proves the seed the result sheet shows was the one logged
    expect(d.mismatches).toEqual([
      expect.objectContaining({
        sheet: "抽取记录",
        cell: `J${cell.row}`,
        field: "随机种子",
        expected: SEED,
        actual: "20260401-福彩3D-124",
      }),
    ]);
    expect(v.log.map((m) => [m.cell, m.field])).toContainEqual([`AC${cell.row}`, "本行哈希"]);
  });

  test("an edited seed on both the log and the result sheet is caught by the replay", async () => {
    const book = drawn.clone();
    for (const sheet of ["抽取记录", report.sheet]) {
      const cell = at(book, sheet, SEED);
      book.edit(sheet, cell.row, cell.column, "另一个种子");
    }
    const [d] = (await verifyDraws(book)).draws;
    expect(d.ok).toBe(false);
    // the selection shown no longer follows from the seed: the result table's cells differ
    expect(d.mismatches.some((m) => m.sheet === report.sheet && m.field === "统一社会信用代码")).toBe(true);
  });

  test("an edit to the result sheet's seed alone is reported at that cell", async () => {
    const book = drawn.clone();
    const cell = at(book, report.sheet, SEED);
    book.edit(report.sheet, cell.row, cell.column, "另一个种子");
    const [d] = (await verifyDraws(book)).draws;
    expect(d.mismatches.map((m) => [m.sheet, m.cell, m.field])).toEqual([[report.sheet, `D${cell.row}`, "随机种子"]]);
  });

  test("a missing result sheet or an unreadable log row fails verification", async () => {
    const book = drawn.clone();
    book.sheets.delete(report.sheet);
    const [d] = (await verifyDraws(book)).draws;
    expect(d.ok).toBe(false);
    expect(d.mismatches.map((m) => m.sheet)).toEqual([report.sheet]);

    const log = drawn.clone();
    const cell = at(log, "抽取记录", report.digest);
    log.edit("抽取记录", cell.row, cell.column, "not-a-digest");
    const [e] = (await verifyDraws(log)).draws;
    expect(e.ok).toBe(false);
    expect(e.mismatches.map((m) => [m.sheet, m.cell])).toContainEqual(["抽取记录", `O${cell.row}`]);
  });

  test("registry edits after the draw are reported apart, and the draw still verifies", async () => {
    const book = drawn.clone();
    const eligible = report.selected[0].uscc;
    const row = at(book, TARGETS, eligible).row;
    book.edit(TARGETS, row, 7, "0311-9999999");
    book.edit(INSPECTORS, 2, 8, "不在岗");
    const v = await verifyDraws(book);
    expect(v.ok).toBe(true);
    const [d] = v.draws;
    expect(d.ok).toBe(true);
    expect(d.registryChanged).toBe(true);
    expect(d.registryChanges.targetsChanged).toEqual([eligible]);
    expect(d.registryChanges.inspectorsChanged).toEqual(["H001"]);
    expect(d.registryChanges.targetsAdded).toEqual([]);
  });

  test("a later draw of another task does not count as a registry change of the earlier one", async () => {
    const book = drawn.clone();
    ok(await runDraw(book, { taskId: TASK2, seed: SEED, date: "2026-05-06", now: NOW }));
    const v = await verifyDraws(book);
    expect(v.ok).toBe(true);
    expect(v.draws.map((d) => [d.task, d.ok, d.registryChanged])).toEqual([
      [TASK, true, false],
      [TASK2, true, false],
    ]);
    // voiding the first task's draw later does not change what the second one saw
    ok(await runFreeze(book, { taskId: TASK, date: DATE, voidReason: "重新冻结", now: NOW }));
    const after = await verifyDraws(book);
    expect(after.draws.map((d) => [d.task, d.status, d.ok, d.registryChanged])).toEqual([
      [TASK, "作废", true, false],
      [TASK2, "有效", true, false],
      [TASK, "待抽取", true, false],
    ]);
  });

  test("--sheet verifies the one draw named, by result or snapshot sheet", async () => {
    const book = drawn.clone();
    ok(await runDraw(book, { taskId: TASK2, seed: SEED, date: DATE, now: NOW }));
    expect((await verifyDraws(book, { sheet: report.sheet })).draws.map((d) => d.sheet)).toEqual([report.sheet]);
    expect((await verifyDraws(book, { sheet: report.snapshotSheet })).draws.map((d) => d.sheet)).toEqual([
      report.sheet,
    ]);
  });

  test("mismatch messages follow the language", async () => {
    const book = drawn.clone();
    const cell = at(book, report.sheet, report.selected[0].name);
    book.edit(report.sheet, cell.row, cell.column, "x");
    const [d] = (await verifyDraws(book, { lang: "en" })).draws;
    expect(d.mismatches[0].message).toMatch(/should be ".*" but is "x"/);
  });

  test("a deleted draw log does not make verification pass", async () => {
    const book = drawn.clone();
    book.sheets.delete("抽取记录");
    const v = await verifyDraws(book);
    expect(v.ok).toBe(false);
    expect(v.draws.map((d) => [d.sheet, d.status, d.ok])).toEqual([
      [report.sheet, "无记录", false],
      [report.snapshotSheet, "无记录", false],
    ]);
    expect(v.draws[0].mismatches[0].message).toContain("抽取记录");
  });
});
