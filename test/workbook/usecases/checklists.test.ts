// 一企一表: written for a valid draw that verifies; refused for a voided or tampered one.
import { runChecklists, runDraw, type DrawReport } from "../../../src/workbook/usecases";
import { MemoryWorkbook } from "../memory-port";
import { DATE, NOW, SEED, TASK, dump, findCell, fixtureBook } from "./fixture";

function ok<T>(r: { ok: true; report: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.report;
}

let book: MemoryWorkbook;
let first: DrawReport;
beforeAll(async () => {
  book = fixtureBook();
  first = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
});

describe("checklists", () => {
  test("writes one form per selected target for a valid draw", async () => {
    const b = book.clone();
    const r = ok(await runChecklists(b, { draw: first.sheet }));
    expect(r).toMatchObject({
      draw: first.sheet,
      task: TASK,
      sheet: `一企一表-${TASK}-1`,
      forms: first.selected.length,
    });
    const rows = b.sheets.get(r.sheet)!;
    expect(rows.length).toBe(r.rows);
    const text = rows.flat().join("\n");
    for (const s of first.selected) expect(text).toContain(s.uscc);
  });

  test("refuse a voided draw, writing nothing", async () => {
    const b = book.clone();
    ok(await runDraw(b, { taskId: TASK, seed: "重抽", date: DATE, voidReason: "见证人缺席", now: NOW }));
    const before = await dump(b);
    const r = await runChecklists(b, { draw: first.sheet });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(["draw_not_valid"]);
      expect(r.errors[0].message).toContain("作废");
    }
    expect(await dump(b)).toEqual(before);
    // the new draw is the one to use
    expect(ok(await runChecklists(b, { draw: `抽取结果-${TASK}-2` })).forms).toBeGreaterThan(0);
  });

  test("refuse a draw that does not verify, naming the first difference", async () => {
    const b = book.clone();
    const cell = findCell(b.sheets.get(first.sheet)!, first.selected[0].name)!;
    b.edit(first.sheet, cell.row, cell.column, "换掉的对象");
    const before = await dump(b);
    const r = await runChecklists(b, { draw: first.sheet });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(["draw_not_verified"]);
      expect(r.errors[0].message).toContain(`${first.sheet}!D${cell.row}`);
    }
    expect(await dump(b)).toEqual(before);
  });

  test("refuse an unknown sheet, listing the draws there are", async () => {
    const b = book.clone();
    const before = await dump(b);
    const r = await runChecklists(b, { draw: "抽取结果-不存在-1" });
    expect(r.ok ? "ok" : r.errors[0].code).toBe("draw_unknown");
    if (!r.ok) expect(r.errors[0].message).toContain(first.sheet);
    const en = await runChecklists(b, { draw: "nope", lang: "en" });
    if (!en.ok) expect(en.errors[0].message).toMatch(/There is no draw result sheet "nope"/);
    expect(await dump(b)).toEqual(before);
  });
});
