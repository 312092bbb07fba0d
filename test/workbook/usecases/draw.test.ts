// Freeze and draw over the in-memory workbook: what a clerk sees written (or not written).
import {
  runDraw,
  runFreeze,
  runPublicity,
  previewDraw,
  listDraws,
  verifyDraws,
  type DrawReport,
} from "../../../src/workbook/usecases";
import { readLog } from "../../../src/workbook/log-sheet";
import type { CellValue, SheetData } from "../../../src/workbook/port";
import { MemoryWorkbook } from "../memory-port";
import {
  DATE,
  INSPECTORS,
  NOW,
  SEED,
  TARGETS,
  TASK,
  TASK2,
  TASKS,
  dump,
  findCell,
  fixtureBook,
  fixtureSheets,
  setCell,
  sheetOf,
  uscc,
} from "./fixture";

const CJK = /[\u4e00-\u9fff]/;

/** The events of the draw log, in order. */
async function logOf(book: MemoryWorkbook) {
  return readLog(await book.readSheet("抽取记录")).register.entries;
}

/** The status of every draw the log records, in order. */
async function statuses(book: MemoryWorkbook) {
  return (await listDraws(book)).map((d) => d.status);
}

function ok<T>(r: { ok: true; report: T } | { ok: false; errors: unknown[] }): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors, null, 1)}`);
  return r.report;
}

/** The draw's essentials, independent of sheet names and clock. */
const essence = (r: DrawReport) => ({
  digest: r.digest,
  strata: r.strata,
  excluded: r.excluded,
  selected: r.selected,
  reserves: r.reserves,
});

describe("freeze, then draw", () => {
  test("the draw reads the frozen snapshot only: registry edits after the freeze change nothing", async () => {
    const plain = fixtureBook();
    ok(await runFreeze(plain, { taskId: TASK, date: DATE, seedRule: "福彩3D 2026-04-02", now: NOW }));
    const edited = plain.clone();
    const expected = ok(await runDraw(plain, { taskId: TASK, seed: SEED, now: NOW }));

    // after the freeze a clerk edits the registries: a target removed, one regraded, an inspector
    // off duty, a new inspector, and the task's ratios raised
    const targets = edited.sheets.get(TARGETS)!;
    const firstSelected = expected.selected[0].uscc;
    const at = targets.findIndex((r) => r[0] === firstSelected);
    targets.splice(at, 1);
    edited.edit(TARGETS, 3, 8, "D");
    edited.edit(INSPECTORS, 2, 8, "不在岗");
    edited.sheets
      .get(INSPECTORS)!
      .push(["H099", "新人", "区卫生健康局", "", "", "", "", "执法人员", "在岗", "东区", ""]);
    edited.edit(TASKS, 2, 7, "90%");
    const after = ok(await runDraw(edited, { taskId: TASK, seed: SEED, now: NOW }));

    expect(after.frozen).toBe(true);
    expect(essence(after)).toEqual(essence(expected));
    expect(after.sheet).toBe(expected.sheet);
    expect(edited.sheets.get(after.sheet)).toEqual(plain.sheets.get(expected.sheet));
    expect(edited.sheets.get("检查结果")).toEqual(plain.sheets.get("检查结果"));
  });

  test("a frozen task is drawn even when the registries or its task row broke after the freeze", async () => {
    const plain = fixtureBook();
    ok(await runFreeze(plain, { taskId: TASK, date: DATE, now: NOW }));
    const broken = plain.clone();
    const expected = ok(await runDraw(plain, { taskId: TASK, seed: SEED, now: NOW }));
    broken.edit(TARGETS, 5, 0, "91130100000000000X"); // a USCC with a wrong check character
    broken.edit(TASKS, 2, 1, "改过的任务名称");
    broken.sheets.get(TASKS)!.splice(1, 1); // and then the task row deleted
    const r = ok(await runDraw(broken, { taskId: TASK, seed: SEED, now: NOW }));
    expect(essence(r)).toEqual(essence(expected));
    expect(broken.sheets.get(r.sheet)).toEqual(plain.sheets.get(expected.sheet));
  });

  test("the freeze publishes the digest that the draw then carries; the log keeps both rows", async () => {
    const book = fixtureBook();
    const frozen = ok(await runFreeze(book, { taskId: TASK, date: DATE, seedRule: "掷骰子", now: NOW }));
    expect(frozen.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(book.sheets.has(frozen.snapshotSheet)).toBe(true);
    expect((await logOf(book)).map((r) => r.event)).toEqual(["冻结"]);
    expect(await statuses(book)).toEqual(["待抽取"]);
    const drawn = ok(await runDraw(book, { taskId: TASK, seed: SEED, operator: "张三", witness: "李四", now: NOW }));
    expect(drawn.digest).toBe(frozen.digest);
    expect(drawn.snapshotSheet).toBe(frozen.snapshotSheet);
    expect(drawn.seedSource).toBe("entered");
    const log = await logOf(book);
    expect(log.map((r) => r.event)).toEqual(["冻结", "抽取"]);
    expect(log[1]).toMatchObject({ seed: SEED, seedRule: "掷骰子", frozen: "是", operator: "张三", witness: "李四" });
    expect(await statuses(book)).toEqual(["有效"]);
    // the freeze is consumed: a second draw needs a reason like any other redraw
    const again = await runDraw(book, { taskId: TASK, seed: SEED, now: NOW });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors.map((e) => e.code)).toEqual(["draw_exists"]);
  });

  test("a frozen task is drawn only with a seed, and nothing is written without one", async () => {
    const book = fixtureBook();
    ok(await runFreeze(book, { taskId: TASK, date: DATE, seedRule: "福彩3D", now: NOW }));
    const before = await dump(book);
    const writes = book.writes;
    const r = await runDraw(book, { taskId: TASK, now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(["seed_required"]);
      expect(r.errors[0].message).toContain("福彩3D");
    }
    expect(book.writes).toBe(writes);
    expect(await dump(book)).toEqual(before);
  });

  test("a second freeze of a frozen task needs a reason", async () => {
    const book = fixtureBook();
    ok(await runFreeze(book, { taskId: TASK, date: DATE, now: NOW }));
    const r = await runFreeze(book, { taskId: TASK, date: DATE, now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(["freeze_exists"]);
    ok(await runFreeze(book, { taskId: TASK, date: DATE, voidReason: "取种规则有误", now: NOW }));
    const log = await logOf(book);
    expect(log.map((x) => [x.event, x.snapshotSheet, x.reason])).toEqual([
      ["冻结", `抽取快照-${TASK}-1`, ""],
      ["作废", `抽取快照-${TASK}-1`, "取种规则有误"],
      ["冻结", `抽取快照-${TASK}-2`, ""],
    ]);
    expect(await statuses(book)).toEqual(["作废", "待抽取"]);
  });

  test.each([
    ["a target's name", "测试医疗机构5", "篡改的名称"],
    ["a target's grade", null, null],
  ])("a snapshot edited after the freeze (%s) is refused by its digest", async (_what, from, to) => {
    const book = fixtureBook();
    const frozen = ok(await runFreeze(book, { taskId: TASK, date: DATE, now: NOW }));
    const snap = book.sheets.get(frozen.snapshotSheet)!;
    if (from) {
      const at = findCell(snap, from)!;
      book.edit(frozen.snapshotSheet, at.row, at.column, to);
    } else {
      // the grade cell of the first eligible target: the column headed 信用风险等级
      const header = findCell(snap, "信用风险等级")!;
      const cell = snap[header.row][header.column];
      book.edit(frozen.snapshotSheet, header.row + 1, header.column, cell === "D" ? "A" : "D");
    }
    const before = await dump(book);
    const r = await runDraw(book, { taskId: TASK, seed: SEED, now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(["snapshot_digest_mismatch"]);
      expect(r.errors[0].message).toContain(frozen.snapshotSheet);
      expect(r.errors[0].message).toContain(frozen.digest);
    }
    expect(await dump(book)).toEqual(before);
  });

  test("the preview of a frozen task shows the frozen counts and writes nothing", async () => {
    const book = fixtureBook();
    const frozen = ok(await runFreeze(book, { taskId: TASK, date: DATE, now: NOW }));
    book.edit(TASKS, 2, 7, "90%");
    const before = await dump(book);
    const p = ok(await previewDraw(book, { taskId: TASK }));
    expect(p.frozen).toBe(true);
    expect(p.digest).toBe(frozen.digest);
    expect(p.date).toBe(DATE);
    const drawn = ok(await runDraw(book.clone(), { taskId: TASK, seed: SEED, now: NOW }));
    expect(p.strata.map((s) => [s.stratum, s.eligible, s.planned])).toEqual(
      drawn.strata.map((s) => [s.stratum, s.eligible, s.selected]),
    );
    expect(await dump(book)).toEqual(before);
  });
});

describe("a draw without a freeze", () => {
  test("writes the result, snapshot, log and 检查结果 rows, and is the same as freeze + draw", async () => {
    const direct = fixtureBook();
    const r = ok(await runDraw(direct, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    expect(r.frozen).toBe(false);
    expect(r.timestamp).toBe("2026-04-01T09:30:00+08:00");
    expect([...direct.sheets.keys()].slice(5).sort()).toEqual(
      ["抽取快照-T2026-01-1", "抽取结果-T2026-01-1", "抽取记录", "检查结果"].sort(),
    );
    const results = direct.sheets.get("检查结果")!;
    // one row per selected target and department, after the header
    expect(results.length - 1).toBe(r.selected.length * 2);
    expect(results.slice(1).map((row) => row[1])).toEqual(r.selected.flatMap((s) => [s.uscc, s.uscc]));

    const twoStep = fixtureBook();
    ok(await runFreeze(twoStep, { taskId: TASK, date: DATE, now: NOW }));
    const t = ok(await runDraw(twoStep, { taskId: TASK, seed: SEED, now: NOW }));
    expect(essence(t)).toEqual(essence(r));
  });

  test("a generated seed is 32 hex digits and recorded as generated", async () => {
    const book = fixtureBook();
    const r = ok(await runDraw(book, { taskId: TASK, date: DATE, now: NOW }));
    expect(r.seedSource).toBe("generated");
    expect(r.seed).toMatch(/^[0-9a-f]{32}$/);
    expect((await logOf(book))[0]).toMatchObject({
      seed: r.seed,
      seedSource: "系统生成（密码学随机源，128位）",
      seedHex: "",
    });
  });

  test("spaces around an entered seed are no part of it: the draw verifies", async () => {
    const book = fixtureBook();
    const r = ok(await runDraw(book, { taskId: TASK, seed: ` ${SEED}  `, date: DATE, now: NOW }));
    expect(r.seed).toBe(SEED);
    const plain = ok(await runDraw(fixtureBook(), { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    expect(essence(r)).toEqual(essence(plain));
    expect((await verifyDraws(book)).ok).toBe(true);
  });

  test("an unknown task, a bad date and a bad seed are refused and nothing is written", async () => {
    const book = fixtureBook();
    const before = await dump(book);
    const unknown = await runDraw(book, { taskId: "T-NONE", seed: SEED, date: DATE });
    const badDate = await runDraw(book, { taskId: TASK, seed: SEED, date: "2026-02-30" });
    const badSeed = await runDraw(book, { taskId: TASK, seed: "", date: DATE });
    const hidden = await runDraw(book, { taskId: TASK, seed: "527\u200b", date: DATE });
    const codes = [unknown, badDate, badSeed, hidden].map((r) => (r.ok ? "ok" : r.errors[0].code));
    expect(codes).toEqual(["task_unknown", "date_invalid_option", "seed_length", "seed_char_format"]);
    if (!hidden.ok) expect(hidden.errors[0].message).toContain("U+200B");
    expect(book.writes).toBe(0);
    expect(await dump(book)).toEqual(before);
  });
});

describe("a second draw of a task", () => {
  test("is refused without a reason, writing nothing", async () => {
    const book = fixtureBook();
    const first = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    const before = await dump(book);
    const r = await runDraw(book, { taskId: TASK, seed: "another", date: DATE, now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(["draw_exists"]);
      expect(r.errors[0].message).toContain(first.sheet);
    }
    const blank = await runDraw(book, { taskId: TASK, seed: "another", date: DATE, voidReason: "  ", now: NOW });
    expect(blank.ok ? "ok" : blank.errors[0].code).toBe("void_reason_empty");
    expect(await dump(book)).toEqual(before);
  });

  test("a draw log with an edited cell refuses a second draw, naming the cell", async () => {
    const book = fixtureBook();
    ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    const at = findCell(book.sheets.get("抽取记录")!, "抽取")!;
    book.edit("抽取记录", at.row, at.column, "作废");
    const before = [...book.sheets.keys()];
    const r = await runDraw(book, { taskId: TASK, seed: "另一个种子", date: DATE, now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const address = `${String.fromCharCode(65 + at.column)}${at.row}`;
    expect(r.errors.map((e) => [e.code, e.sheet, e.row])).toContainEqual(["log_entry_altered", "抽取记录", at.row]);
    expect(r.errors.find((e) => e.code === "log_entry_altered")!.cell).toMatch(new RegExp(`^[A-Z]+${at.row}$`));
    expect(address).toMatch(/^C\d+$/);
    expect([...book.sheets.keys()]).toEqual(before);
  });

  test("with a reason voids the earlier draw, keeping its sheets (marked 已作废) and log entries", async () => {
    const book = fixtureBook();
    const first = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    const firstSheet = book.sheets.get(first.sheet)!.map((r) => [...r]);
    const second = ok(
      await runDraw(book, {
        taskId: TASK,
        seed: "重抽种子",
        date: DATE,
        voidReason: "见证人未到场",
        operator: "王五",
        now: NOW,
      }),
    );
    expect(second.sheet).toBe(`抽取结果-${TASK}-2`);
    expect(second.snapshotSheet).toBe(`抽取快照-${TASK}-2`);
    const voided = book.sheets.get(first.sheet)!;
    expect(String(voided[0][0])).toMatch(/^【已作废】/);
    expect(String(voided[1][0])).toContain("见证人未到场");
    expect(String(voided[1][0])).toContain("王五");
    expect(book.specs.get(first.sheet)!.tabColor).toBe("C00000");
    // the table of the voided draw is still there, row for row
    expect(voided.slice(3, 3 + first.selected.length + 1)).toEqual(firstSheet.slice(2, 2 + first.selected.length + 1));
    expect(book.sheets.has(first.snapshotSheet)).toBe(true);
    const log = await logOf(book);
    expect(log.map((r) => [r.event, r.sheet, r.reason, r.operator])).toEqual([
      ["抽取", first.sheet, "", ""],
      ["作废", first.sheet, "见证人未到场", "王五"],
      ["抽取", second.sheet, "", "王五"],
    ]);
    const list = await listDraws(book);
    expect(list.map((d) => d.status)).toEqual(["作废", "有效"]);
  });

  test("a redraw does not treat the voided draw's own targets as drawn this year", async () => {
    const book = fixtureBook();
    const first = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    const second = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, voidReason: "操作失误", now: NOW }));
    expect(second.excluded.drawn_this_year).toBe(0);
    // same inputs and seed: the redraw is the same draw
    expect(second.digest).toBe(first.digest);
    expect(second.selected).toEqual(first.selected);
  });
});

/** Four insurance inspectors a team, one of the four recused from every target: no team can be made. */
function shortOfInspectors(): SheetData[] {
  const sheets = fixtureSheets();
  setCell(sheets, TASKS, 2, "每部门检查人数", 4);
  const all = Array.from({ length: 40 }, (_, i) => uscc(i + 1)).join("、");
  const row = sheetOf(sheets, INSPECTORS).rows.findIndex((r) => r[0] === "Y003") + 1;
  setCell(sheets, INSPECTORS, row, "回避对象", all);
  return sheets;
}

describe("a draw that fails writes nothing", () => {
  test("too few inspectors (team_short): sheet names and every cell unchanged", async () => {
    const book = new MemoryWorkbook(shortOfInspectors());
    const before = await dump(book);
    const r = await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual(["team_short"]);
      expect(r.errors[0].message).toContain("区医疗保障局");
      expect(r.errors[0].message).toMatch(/需要 4 人/);
    }
    expect(book.writes).toBe(0);
    expect(await dump(book)).toEqual(before);
  });

  test("too few inspectors after a freeze: the freeze stays waiting, nothing else is written", async () => {
    const book = new MemoryWorkbook(shortOfInspectors());
    ok(await runFreeze(book, { taskId: TASK, date: DATE, now: NOW }));
    const before = await dump(book);
    const r = await runDraw(book, { taskId: TASK, seed: SEED, now: NOW });
    expect(r.ok ? "ok" : r.errors[0].code).toBe("team_short");
    expect(await dump(book)).toEqual(before);
    expect(await statuses(book)).toEqual(["待抽取"]);
  });

  test.each<
    [string, (s: SheetData[]) => void, { sheet: string; row: number; column: string; cell: string; code: string }]
  >([
    [
      "a USCC with a wrong check character",
      (s) => setCell(s, TARGETS, 5, "统一社会信用代码", uscc(4).slice(0, 17) + (uscc(4).endsWith("0") ? "1" : "0")),
      { sheet: TARGETS, row: 5, column: "统一社会信用代码", cell: "A5", code: "uscc_checksum" },
    ],
    [
      "a risk grade that is not A–D",
      (s) => setCell(s, TARGETS, 7, "信用风险等级", "E"),
      { sheet: TARGETS, row: 7, column: "信用风险等级", cell: "I7", code: "" },
    ],
    [
      "an inspector of an unknown status",
      (s) => setCell(s, INSPECTORS, 3, "在岗状态", "休假中"),
      { sheet: INSPECTORS, row: 3, column: "在岗状态", cell: "I3", code: "" },
    ],
  ])("bad registry input (%s) is named at its cell in Chinese", async (_what, breakIt, at) => {
    const sheets = fixtureSheets();
    breakIt(sheets);
    const book = new MemoryWorkbook(sheets);
    const before = await dump(book);
    for (const r of [
      await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }),
      await runFreeze(book, { taskId: TASK, date: DATE, now: NOW }),
    ]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0].code).toBe("book_has_errors");
      const found = r.errors.find((e) => e.sheet === at.sheet && e.cell === at.cell);
      expect(found).toMatchObject({ sheet: at.sheet, row: at.row, column: at.column, cell: at.cell });
      if (at.code) expect(found!.code).toBe(at.code);
      expect(found!.message).toMatch(CJK);
    }
    expect(book.writes).toBe(0);
    expect(await dump(book)).toEqual(before);
  });
});

/** A fixed permutation of rows 2.. of a sheet (the header stays on top). */
function shuffleRows(sheet: SheetData, seed: number): void {
  const body = sheet.rows.slice(1);
  let x = seed;
  for (let i = body.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [body[i], body[j]] = [body[j], body[i]];
  }
  sheet.rows = [sheet.rows[0], ...body];
}

/** Moves the columns of a sheet (every row alike): reversed order. */
function reverseColumns(sheet: SheetData): void {
  const width = Math.max(...sheet.rows.map((r) => r.length));
  sheet.rows = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => (r[width - 1 - c] ?? null) as CellValue));
}

describe("the order of the registries does not matter", () => {
  test("shuffled target, inspector and item rows (and reordered columns) give the same draw and digest", async () => {
    const plain = ok(await runDraw(fixtureBook(), { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    for (const seed of [7, 1234]) {
      const sheets = fixtureSheets();
      shuffleRows(sheetOf(sheets, TARGETS), seed);
      shuffleRows(sheetOf(sheets, INSPECTORS), seed + 1);
      shuffleRows(sheetOf(sheets, "抽查事项清单"), seed + 2);
      reverseColumns(sheetOf(sheets, TARGETS));
      const book = new MemoryWorkbook(sheets);
      const r = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
      expect(essence(r)).toEqual(essence(plain));
    }
  });
});

describe("drawn this year (one check per target and item a year)", () => {
  test("a second task sharing an item skips the first task's selected targets, complaints aside", async () => {
    const book = fixtureBook({ task2: true });
    const first = ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    const second = ok(await runDraw(book, { taskId: TASK2, seed: SEED, date: "2026-05-06", now: NOW }));
    const firstSet = new Set(first.selected.map((s) => s.uscc));
    // target 3 has complaints: never excluded by this rule
    const withComplaints = uscc(3);
    const excludable = [...firstSet].filter((u) => u !== withComplaints);
    expect(second.excluded.drawn_this_year).toBe(excludable.length);
    expect(second.selected.filter((s) => excludable.includes(s.uscc))).toEqual([]);
  });

  test("a draw of another year, or a voided draw, does not count", async () => {
    const nextYear = fixtureBook({ task2: true });
    ok(await runDraw(nextYear, { taskId: TASK, seed: SEED, date: "2025-12-30", now: NOW }));
    const r1 = ok(await runDraw(nextYear, { taskId: TASK2, seed: SEED, date: "2026-01-05", now: NOW }));
    expect(r1.excluded.drawn_this_year).toBe(0);

    const voided = fixtureBook({ task2: true });
    ok(await runDraw(voided, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    ok(await runFreeze(voided, { taskId: TASK, date: DATE, voidReason: "重新冻结", now: NOW }));
    const r2 = ok(await runDraw(voided, { taskId: TASK2, seed: SEED, date: DATE, now: NOW }));
    expect(r2.excluded.drawn_this_year).toBe(0);
  });

  test("the next draw's 检查结果 rows go under the clerk's own column order", async () => {
    const book = fixtureBook({ task2: true });
    ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    // the clerks put a title above the table, a 序号 column in front and 部门 before 名称
    const rows = book.sheets.get("检查结果")!;
    const moved = rows.map((r, i) => [i === 0 ? "序号" : i, r[0], r[1], r[3], r[2], ...r.slice(4)]);
    book.sheets.set("检查结果", [["2026年检查结果登记"], [], ...moved]);
    const second = ok(await runDraw(book, { taskId: TASK2, seed: SEED, date: "2026-05-06", now: NOW }));
    const after = book.sheets.get("检查结果")!;
    const added = after.slice(moved.length + 2);
    expect(added.map((r) => [r[0] ?? null, r[1], r[2], r[3], r[4]])).toEqual(
      second.selected.map((s) => [null, TASK2, s.uscc, "区卫生健康局", s.name]),
    );
    // and the publicity of both tasks reads them
    const p = await runPublicity(book, { taskId: TASK2, today: "2026-05-06", write: false });
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.report.publicity.rows.every((r) => r.row !== null && r.row > moved.length + 2)).toBe(true);
  });

  test("a task sharing no item is not affected", async () => {
    const sheets = fixtureSheets({ task2: true });
    setCell(sheets, TASKS, 3, "抽查事项", "WS-02");
    const book = new MemoryWorkbook(sheets);
    ok(await runDraw(book, { taskId: TASK, seed: SEED, date: DATE, now: NOW }));
    const r = ok(await runDraw(book, { taskId: TASK2, seed: SEED, date: DATE, now: NOW }));
    expect(r.excluded.drawn_this_year).toBe(0);
  });
});
