// 一公开: deadlines and statuses on a given day, faults in 检查结果 at their cells, and re-runs
// that rewrite the publicity sheets.
import { verifyDraws, runDraw, runPublicity, type DrawReport } from "../../../src/workbook/usecases";
import type { CellValue } from "../../../src/workbook/port";
import { MemoryWorkbook } from "../memory-port";
import { DATE, NOW, SEED, TASK, dump, fixtureBook } from "./fixture";

function ok<T>(r: { ok: true; report: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.report;
}

// columns of 检查结果 (0-based)
const COMPLETED = 4;
const RESULT = 5;
const PROBLEM = 6;
const PENALTY_NO = 8;
const PENALTY_DATE = 9;
const PUBLISHED = 12;

let book: MemoryWorkbook;
let drawn: DrawReport;
beforeAll(async () => {
  book = fixtureBook();
  drawn = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
  // rows 2.. of 检查结果: (target 1, health), (target 1, insurance), (target 2, health), ...
  const fill = (row: number, cells: Record<number, CellValue>) => {
    for (const [c, v] of Object.entries(cells)) book.edit("检查结果", row, Number(c), v);
  };
  fill(2, { [COMPLETED]: "2026-04-10", [RESULT]: "未发现问题" }); // publish by 2026-05-12 (20 working days)
  fill(3, {
    [COMPLETED]: "2026-04-10",
    [RESULT]: "行政处罚",
    [PENALTY_NO]: "新卫罚〔2026〕1号",
    [PENALTY_DATE]: "2026-04-15",
  }); // by 2026-04-24 (7)
  fill(4, {
    [COMPLETED]: "2026-04-10",
    [RESULT]: "发现问题已责令整改",
    [PROBLEM]: "消毒记录不全",
    [PUBLISHED]: "2026-04-20",
  });
});

const statuses = (r: { publicity: { rows: { status: string }[] } }) =>
  r.publicity.rows.slice(0, 4).map((x) => x.status);

describe("publicity", () => {
  test("deadlines count working days (holidays and make-up days), statuses follow --today", async () => {
    const b = book.clone();
    const before = await dump(b);
    const early = ok(await runPublicity(b, { taskId: TASK, today: "2026-04-24", write: false }));
    expect(early.publicity.rows.slice(0, 3).map((x) => x.publishBy)).toEqual([
      "2026-05-12",
      "2026-04-24",
      "2026-05-12",
    ]);
    expect(statuses(early)).toEqual(["pending", "pending", "published", "not_inspected"]);
    const mid = ok(await runPublicity(b, { taskId: TASK, today: "2026-04-27", write: false }));
    expect(statuses(mid)).toEqual(["pending", "overdue", "published", "not_inspected"]);
    const late = ok(await runPublicity(b, { taskId: TASK, today: "2026-05-13", write: false }));
    expect(statuses(late)).toEqual(["overdue", "overdue", "published", "not_inspected"]);
    // a target counts as inspected once every department has its result: target 2 still waits for insurance
    expect(late.publicity.stats).toMatchObject({ selected: drawn.selected.length, inspected: 1, problems: 1 });
    expect(late.publicity.stats).toMatchObject({ rowsInspected: 3, rowsProblems: 2 });
    expect(await dump(b)).toEqual(before);
  });

  test("writes the list, results and statistics sheets, and a re-run rewrites them", async () => {
    const b = book.clone();
    const first = ok(await runPublicity(b, { taskId: TASK, today: "2026-04-24" }));
    expect(first.sheets).toEqual([`抽查名单公示-${TASK}`, `结果公示-${TASK}`, "抽查统计", `公示进度-${TASK}`]);
    const names = [...b.sheets.keys()];
    // the statuses are on the internal tracker, not on the posted table
    const tracker = b.sheets.get(`公示进度-${TASK}`)!;
    const row = tracker.findIndex((r) => r[0] === 1);
    expect(tracker[row]).toContain("待公示");
    ok(await runPublicity(b, { taskId: TASK, today: "2026-05-13" }));
    expect([...b.sheets.keys()]).toEqual(names);
    const again = b.sheets.get(`公示进度-${TASK}`)!;
    expect(again.length).toBe(tracker.length);
    expect(again[row]).toContain("已逾期");
  });

  test("a 行政处罚 row without its decision number is reported at its cell, and nothing is written", async () => {
    const b = book.clone();
    b.edit("检查结果", 3, PENALTY_NO, null);
    const before = await dump(b);
    const r = await runPublicity(b, { taskId: TASK, today: "2026-04-24" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        expect.objectContaining({
          sheet: "检查结果",
          row: 3,
          column: "处罚决定书文号",
          cell: "I3",
          code: "penalty_fields_missing",
        }),
      ]);
    expect(await dump(b)).toEqual(before);
  });

  test("a result outside the four categories is reported at its cell, and nothing is written", async () => {
    const b = book.clone();
    b.edit("检查结果", 2, RESULT, "合格");
    const before = await dump(b);
    const r = await runPublicity(b, { taskId: TASK, today: "2026-04-24" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.sheet, e.cell, e.code])).toContainEqual(["检查结果", "F2", "enum_invalid"]);
    expect(await dump(b)).toEqual(before);
  });

  test("refused for a task without a valid draw, an unknown task and a bad --today", async () => {
    const b = book.clone();
    const codes = [
      await runPublicity(fixtureBook(), { taskId: TASK, today: "2026-04-24" }),
      await runPublicity(b, { taskId: "T-NONE", today: "2026-04-24" }),
      await runPublicity(b, { taskId: TASK, today: "2026-04-31" }),
    ].map((r) => (r.ok ? "ok" : r.errors[0].code));
    expect(codes).toEqual(["task_not_drawn", "task_unknown", "date_invalid_option"]);
  });

  test("refused when the draw no longer verifies", async () => {
    const b = book.clone();
    b.edit(drawn.sheet, 22, 3, "改名");
    const r = await runPublicity(b, { taskId: TASK, today: "2026-04-24" });
    expect(r.ok ? "ok" : r.errors[0].code).toBe("draw_not_verified");
  });

  test("after a redraw, the voided draw's untouched rows are removed and a filled one is kept, marked, not counted", async () => {
    const b = fixtureBook();
    const first = ok(await runDraw(b, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    // an inspector has typed a result on a target that the redraw will not hold
    const firstRows = b.sheets.get("检查结果")!;
    const secondSeed = "重抽";
    const preview = fixtureBook();
    const second = ok(await runDraw(preview, { taskId: TASK, seed: secondSeed, date: DATE, now: NOW }));
    const onlyFirst = first.selected.find((s) => !second.selected.some((t) => t.uscc === s.uscc))!;
    const typed = firstRows.findIndex((x) => x[1] === onlyFirst.uscc) + 1;
    b.edit("检查结果", typed, COMPLETED, "2026-04-10");
    b.edit("检查结果", typed, RESULT, "未发现问题");

    ok(await runDraw(b, { taskId: TASK, seed: secondSeed, date: DATE, voidReason: "见证人缺席", now: NOW }));
    const sheet = b.sheets.get("检查结果")!;
    const header = sheet[0].map(String);
    const state = header.indexOf("记录状态");
    expect(state).toBeGreaterThan(0);
    const rows = sheet.slice(1);
    // one row per (target, department) of the redraw, and the one typed row of the voided draw
    const pairs = rows.map((r) => `${r[1]}|${r[3]}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const kept = rows.filter((r) => !second.selected.some((s) => s.uscc === r[1]));
    expect(kept.map((r) => [r[1], r[RESULT], r[state]])).toEqual([[onlyFirst.uscc, "未发现问题", "已作废"]]);
    expect(rows.length).toBe(second.selected.length * 2 + 1);

    const outcome = await runPublicity(b, { taskId: TASK, today: "2026-04-24" });
    const r = ok(outcome);
    expect(r.publicity.rows.map((x) => x.uscc)).toEqual(second.selected.flatMap((s) => [s.uscc, s.uscc]));
    expect(outcome.warnings.map((w) => w.code)).not.toContain("result_duplicate");
    const v = await verifyDraws(b);
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.code)).not.toContain("result_row_stale");
  });

  test("a fault is named at its cell when the clerks moved the columns and put a title above", async () => {
    const b = book.clone();
    const rows = b.sheets.get("检查结果")!;
    // a 序号 column in front, and a title and an empty row above the header
    const moved = rows.map((r, i) => [i === 0 ? "序号" : i, ...r]);
    b.sheets.set("检查结果", [["检查结果登记表"], [], ...moved]);
    // row 3 of the original sheet (the 行政处罚 row) is now sheet row 5; its number column is J
    b.edit("检查结果", 5, PENALTY_NO + 1, null);
    const r = await runPublicity(b, { taskId: TASK, today: "2026-04-24" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.sheet, e.row, e.column, e.cell, e.code])).toEqual([
        ["检查结果", 5, "处罚决定书文号", "J5", "penalty_fields_missing"],
      ]);
  });
});
