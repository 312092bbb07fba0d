// Voiding and substitution over the in-memory workbook, and what they leave for a clerk: the result
// sheet marked or updated, 检查结果 rows removed or kept and marked, a form for the substitute, an
// event in the chained log — and verify passing on all of it.
import {
  runChecklists,
  runDraw,
  runFreeze,
  runSubstitute,
  runVoid,
  describeDraw,
  verifyDraws,
  listDraws,
  type DrawReport,
} from "../../../src/workbook/usecases";
import { readLog } from "../../../src/workbook/log-sheet";
import { RESULT_COLUMNS } from "../../../src/core/schema";
import type { WorkbookPort, WriteBatch } from "../../../src/workbook/port";
import { MemoryWorkbook } from "../memory-port";
import { DATE, NOW, SEED, TASK, TASK2, dump, fixtureBook } from "./fixture";

function ok<T>(r: { ok: true; report: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.report;
}
const codes = (r: { ok: boolean; errors?: { code: string }[] }) => (r.ok ? ["ok"] : r.errors!.map((e) => e.code));
const column = (key: string) => RESULT_COLUMNS.findIndex((c) => c.key === key);
const LATER = new Date("2026-04-03T02:00:00Z");

async function events(book: MemoryWorkbook) {
  return readLog(await book.readSheet("抽取记录")).register.entries.map((e) => e.event);
}

let drawn: MemoryWorkbook;
let report: DrawReport;
beforeAll(async () => {
  drawn = fixtureBook();
  report = ok(await runDraw(drawn, { taskId: TASK, seed: SEED, date: DATE, operator: "张三", now: NOW }));
});

describe("void", () => {
  test("marks the result sheet void with reason, time and person; removes untouched rows, keeps and marks a filled one", async () => {
    const book = drawn.clone();
    const rows = book.sheets.get("检查结果")!;
    const filled = 3;
    book.edit("检查结果", filled, column("completed"), "2026-04-10");
    book.edit("检查结果", filled, column("problem"), "=已整改");
    const before = rows.length - 1;
    const r = ok(await runVoid(book, { draw: report.sheet, reason: "抽取时见证人缺席", operator: "王五", now: LATER }));
    expect(r).toMatchObject({ resultRowsRemoved: before - 1, resultRowsMarked: 1, operator: "王五" });
    const sheet = book.sheets.get(report.sheet)!;
    expect(String(sheet[0][0])).toMatch(/^【已作废】/);
    expect(String(sheet[1][0])).toBe(
      "本次抽取已于 2026-04-03T10:00:00+08:00 由 王五 作废，原因：抽取时见证人缺席。本表仅作留痕，不得据以实施检查。",
    );
    expect(book.specs.get(report.sheet)!.tabColor).toBe("C00000");
    const after = book.sheets.get("检查结果")!;
    const state = after[0].indexOf("记录状态");
    expect(after).toHaveLength(2);
    expect(after[1][column("problem")]).toBe("=已整改");
    expect(after[1][state]).toBe("已作废");
    expect(await events(book)).toEqual(["抽取", "作废"]);
    expect((await listDraws(book)).map((d) => [d.status, d.reason])).toEqual([["作废", "抽取时见证人缺席"]]);
    const v = await verifyDraws(book);
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.code)).toEqual([]);
  });

  test("a pending freeze can be voided; a void needs a reason and is not made twice", async () => {
    const book = fixtureBook();
    const frozen = ok(await runFreeze(book, { taskId: TASK, date: DATE, seedRule: "掷骰子", now: NOW }));
    expect(codes(await runVoid(book, { draw: frozen.snapshotSheet, reason: " ", now: NOW }))).toEqual([
      "void_reason_required",
    ]);
    ok(await runVoid(book, { draw: frozen.snapshotSheet, reason: "取种规则写错", operator: "王五", now: NOW }));
    expect(codes(await runVoid(book, { draw: frozen.snapshotSheet, reason: "再次", now: NOW }))).toEqual([
      "draw_already_void",
    ]);
    expect(codes(await runVoid(book, { draw: "抽取结果-无此", reason: "x", now: NOW }))).toEqual(["draw_unknown"]);
    // the task is free again: a draw needs no reason now
    ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    expect(await events(book)).toEqual(["冻结", "作废", "抽取"]);
    expect((await verifyDraws(book)).ok).toBe(true);
  });
});

describe("substitution (DRP-1 §9)", () => {
  test("the next reserve of the stratum takes the target's place, rows and form follow, and it verifies", async () => {
    const book = drawn.clone();
    ok(await runChecklists(book, { draw: report.sheet }));
    const replaced = report.selected[1];
    const reserve = report.reserves.find((r) => r.stratum === replaced.stratum)!;
    const typedRow = book.sheets.get("检查结果")!.findIndex((r) => r[1] === replaced.uscc) + 1;
    book.edit("检查结果", typedRow, column("problem"), "到场时已停业");
    const r = ok(
      await runSubstitute(book, {
        draw: report.sheet,
        target: replaced.uscc,
        reason: "已停业",
        operator: "王五",
        now: LATER,
      }),
    );
    expect(r.selected[1]).toMatchObject({ seq: replaced.seq, uscc: reserve.uscc, stratum: replaced.stratum });
    expect(r.selected.filter((_, i) => i !== 1)).toEqual(
      report.selected.filter((_, i) => i !== 1).map((s) => expect.objectContaining({ uscc: s.uscc, teams: s.teams })),
    );
    expect(r.substitutions).toEqual([
      {
        n: 1,
        replaced: replaced.uscc,
        substitute: reserve.uscc,
        stratum: replaced.stratum,
        rank: reserve.rank,
        reason: "已停业",
      },
    ]);
    expect(r.reserves.find((x) => x.uscc === reserve.uscc)!.used).toBe(true);
    // 检查结果: the replaced target's untouched row went, its filled one stays marked, the substitute's came
    const results = book.sheets.get("检查结果")!;
    const state = results[0].indexOf("记录状态");
    expect(results.filter((x) => x[1] === replaced.uscc).map((x) => [x[column("problem")], x[state]])).toEqual([
      ["到场时已停业", "已替补（第1号替补）"],
    ]);
    expect(results.filter((x) => x[1] === reserve.uscc).map((x) => x[3])).toEqual(
      r.selected[1].teams.map((t) => t.department),
    );
    // the result sheet names who was replaced, by whom, why and when
    const sheet = book.sheets.get(report.sheet)!.map((row) => row.map((v) => String(v ?? "")).join("|"));
    expect(sheet.some((line) => line.includes(`替补第1号：替换 ${replaced.uscc}`) && line.includes(reserve.uscc))).toBe(
      true,
    );
    expect(
      sheet.some(
        (line) => line.includes("2026-04-03T10:00:00+08:00") && line.includes("已停业") && line.includes("王五"),
      ),
    ).toBe(true);
    expect(r.checklistSheet).toBe(`一企一表-${TASK}-2`);
    expect(JSON.stringify(book.sheets.get(r.checklistSheet))).toContain(reserve.uscc);
    expect(await events(book)).toEqual(["抽取", "替补"]);
    const v = await verifyDraws(book);
    expect(v.ok).toBe(true);
    expect(v.warnings).toEqual([]);
    const state2 = ok(await describeDraw(book, { draw: report.sheet }));
    expect(state2.selected[1].uscc).toBe(reserve.uscc);
  });

  test("a substitute can be replaced in its turn; a replaced target never comes back; no reserve, no substitution", async () => {
    const book = drawn.clone();
    const strata = new Map<string, number>();
    for (const r of report.reserves) strata.set(r.stratum, (strata.get(r.stratum) ?? 0) + 1);
    const target = report.selected.find((s) => strata.get(s.stratum) === 1)!;
    const first = ok(
      await runSubstitute(book, { draw: report.sheet, target: target.uscc, reason: "无法联系", now: LATER }),
    );
    const sub = first.substitutions[0].substitute;
    expect(
      codes(await runSubstitute(book, { draw: report.sheet, target: target.uscc, reason: "再替", now: LATER })),
    ).toEqual(["substitute_already_replaced"]);
    const before = await dump(book);
    // the stratum had one reserve: replacing the substitute finds none, and nothing is written
    expect(codes(await runSubstitute(book, { draw: report.sheet, target: sub, reason: "又注销", now: LATER }))).toEqual(
      ["substitute_no_reserve"],
    );
    expect(await dump(book)).toEqual(before);
    expect(
      codes(await runSubstitute(book, { draw: report.sheet, target: "911301000000000000", reason: "x", now: LATER })),
    ).toEqual(["substitute_not_selected"]);
    expect(codes(await runSubstitute(book, { draw: report.sheet, target: sub, reason: "  ", now: LATER }))).toEqual([
      "substitute_reason_empty",
    ]);
    expect((await verifyDraws(book)).ok).toBe(true);
  });

  test("a voided draw, or one that no longer verifies, takes no substitution", async () => {
    const book = drawn.clone();
    const target = report.selected[0].uscc;
    const tampered = book.clone();
    const at = tampered.sheets.get(report.sheet)!.findIndex((r) => r[2] === report.selected[2].uscc) + 1;
    tampered.edit(report.sheet, at, 3, "改过的名称");
    expect(codes(await runSubstitute(tampered, { draw: report.sheet, target, reason: "x", now: LATER }))).toEqual([
      "draw_not_verified",
    ]);
    ok(await runVoid(book, { draw: report.sheet, reason: "重抽", now: LATER }));
    expect(codes(await runSubstitute(book, { draw: report.sheet, target, reason: "x", now: LATER }))).toEqual([
      "draw_not_valid",
    ]);
  });
});

describe("a draw the log does not hold, and one that lands meanwhile", () => {
  test("a second writer that read the workbook before another draw landed is refused, writing nothing", async () => {
    const book = fixtureBook({ task2: true });
    // the other draw lands between this use-case's read and its write
    let raced = false;
    const racing: WorkbookPort = {
      sheetNames: () => book.sheetNames(),
      readSheet: (n) => book.readSheet(n),
      async write(batch: WriteBatch) {
        if (!raced) {
          raced = true;
          ok(await runDraw(book, { taskId: TASK2, seed: "另一人", date: DATE, now: NOW }));
        }
        return book.write(batch);
      },
    };
    const before = book.writes;
    const r = await runDraw(racing, { taskId: TASK, seed: SEED, date: DATE, now: NOW });
    expect(codes(r)).toEqual(["workbook_changed"]);
    expect(book.writes).toBe(before + 1);
    expect((await listDraws(book)).map((d) => d.task)).toEqual([TASK2]);
    expect((await verifyDraws(book)).ok).toBe(true);
  });
});
