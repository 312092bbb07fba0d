// A drawn list exported by a platform, imported as an external draw (外部抽取): written on a
// protected list sheet under a digest the chained log carries, verified like a draw, and drawn on
// by the checklists, the papers, 检查结果, publicity and the year view.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetData } from "../../../src/core/sheet";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import {
  loadBook,
  runChecklists,
  runImport,
  runPapers,
  runPublicity,
  runSubstitute,
  runVoid,
  runYear,
  verifyDraws,
} from "../../../src/workbook/usecases";
import { readLog } from "../../../src/workbook/log-sheet";
import { usccCheckChar } from "../../../src/core/schema/uscc";

const SAMPLE = join(__dirname, "../../../assets/sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const NOW = new Date("2026-04-02T02:00:00Z");

/** A platform's list of five of the sample's targets, each with two inspectors of each department. */
async function platformList(book: XlsxWorkbook): Promise<SheetData> {
  const { book: b } = await loadBook(book);
  const task = b.tasks.find((t) => t.id === TASK)!;
  const rows: (string | null)[][] = [
    ["统一社会信用代码", "企业名称", "抽查事项", "检查人员", "执法证号", "检查部门", "抽取日期"],
  ];
  b.targets.slice(0, 5).forEach((t, k) => {
    for (const d of task.departments) {
      const team = b.inspectors.filter((i) => i.department === d && i.status === "在岗").slice(k % 3, (k % 3) + 2);
      const items = task.itemIds.filter((id) => b.items.some((c) => c.itemId === id && c.department === d));
      rows.push([
        t.uscc,
        t.name,
        items.join("、"),
        team.map((i) => i.name).join("、"),
        team.map((i) => i.id).join("、"),
        d,
        "2026-04-01",
      ]);
    }
  });
  return { name: "平台名单", rows };
}

let book: XlsxWorkbook;
let list: SheetData;
beforeEach(async () => {
  book = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
  list = await platformList(book);
});

test("imported: marked 外部抽取, logged 导入 with its digest, and it verifies", async () => {
  const r = await runImport(book, {
    list,
    taskId: TASK,
    source: "河北省双随机执法监管平台",
    operator: "张三",
    now: NOW,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(r.report).toMatchObject({
    protocol: "外部抽取",
    source: "河北省双随机执法监管平台",
    listSheet: `外部名单-${TASK}-1`,
  });
  expect(r.report.selected).toHaveLength(5);
  expect(r.report.selected[0].teams.map((t) => t.inspectors.length)).toEqual([2, 2]);
  const log = readLog(await book.readSheet("抽取记录")).register;
  expect(log.entries.map((e) => [e.event, e.protocol, e.note])).toEqual([
    ["导入", "外部抽取", "河北省双随机执法监管平台"],
  ]);
  expect(log.entries[0].digest).toMatch(/^[0-9a-f]{64}$/);
  const result = await book.readSheet(r.report.sheet);
  expect(String(result.rows[0][0])).toContain("外部抽取名单（平台抽取）");
  const v = await verifyDraws(book);
  expect(v.ok).toBe(true);
  expect(v.draws.map((d) => [d.sheet, d.status, d.ok])).toEqual([[r.report.sheet, "有效", true]]);
  // 检查结果 rows for every listed target and department
  expect((await book.readSheet("检查结果")).rows.length - 1).toBe(10);
});

test("an edit of the list sheet, or of its result sheet, fails verification at the cell", async () => {
  const r = await runImport(book, { list, taskId: TASK, now: NOW });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const saved = await book.toBuffer();
  for (const [sheet, find] of [
    [r.report.listSheet, r.report.selected[1].uscc],
    [r.report.sheet, r.report.selected[2].name],
  ]) {
    const copy = await XlsxWorkbook.fromBuffer(saved);
    const ws = copy.workbook.getWorksheet(sheet)!;
    let edited = "";
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!edited && cell.value === find) {
          cell.value = `${find}改`;
          edited = cell.address;
        }
      }),
    );
    expect(edited).not.toBe("");
    const v = await verifyDraws(await XlsxWorkbook.fromBuffer(await copy.toBuffer()));
    expect(v.ok).toBe(false);
    // a cell of the result sheet is named; an edit of the list itself shows in its digest
    const places = v.draws[0].mismatches.map((m) => (m.cell ? `${m.sheet}!${m.cell}` : `${m.sheet}:${m.field}`));
    expect(places).toContain(sheet === r.report.sheet ? `${sheet}!${edited}` : `${sheet}:名单摘要（SHA-256）`);
  }
});

test("its checklists, papers, publicity and the year view work as for a draw; it takes no substitution; it can be voided", async () => {
  const r = await runImport(book, { list, taskId: TASK, now: NOW });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const forms = await runChecklists(book, { draw: r.report.sheet });
  expect(forms.ok && forms.report.forms).toBe(5);
  const papers = await runPapers(book, { draw: r.report.sheet, now: NOW });
  expect(papers.ok && Object.keys(papers.report.sheets)).toEqual(["record", "notices", "confirmations"]);
  const publicity = await runPublicity(book, { taskId: TASK, today: "2026-04-10" });
  expect(publicity.ok && publicity.report.publicity.stats.selected).toBe(5);
  const year = await runYear(book, { year: 2026, today: "2026-04-10", write: false });
  if (!year.ok) throw new Error(JSON.stringify(year.errors));
  expect(year.report.json.drawn).toBe(5);
  expect(year.report.json.draws).toEqual([expect.objectContaining({ external: true, targets: 5 })]);
  const sub = await runSubstitute(book, {
    draw: r.report.sheet,
    target: r.report.selected[0].uscc,
    reason: "无法联系",
    now: NOW,
  });
  expect(sub.ok ? "ok" : sub.errors[0].code).toBe("draw_external");
  const voided = await runVoid(book, { draw: r.report.sheet, reason: "平台重新抽取", operator: "王五", now: NOW });
  expect(voided.ok).toBe(true);
  expect((await verifyDraws(book)).ok).toBe(true);
});

/** A well-formed USCC (its check character right) that the sample's registry does not hold. */
const STRANGER = "91130100MA0000000" + usccCheckChar("91130100MA0000000");

test("a task not in 抽查任务, or a listed target not in the registry, is refused and nothing is written", async () => {
  const before = await book.sheetNames();
  const unknown = await runImport(book, { list, taskId: "NO-SUCH", now: NOW });
  expect(unknown.ok ? "ok" : unknown.errors[0].code).toBe("import_task_unknown");
  const stranger: SheetData = {
    ...list,
    rows: [...list.rows, [STRANGER, "外地诊所", ...list.rows[1].slice(2)]],
  };
  const r = await runImport(book, { list: stranger, taskId: TASK, now: NOW });
  if (r.ok) throw new Error("imported a target the registry does not hold");
  expect(r.errors.map((e) => [e.code, e.severity, e.cell])).toEqual([
    ["import_target_unknown", "error", `A${stranger.rows.length}`],
  ]);
  expect(r.errors[0].message).toContain("请先将该对象录入检查对象名录库");
  expect(await book.sheetNames()).toEqual(before);
});

test("a list whose grades differ from the registry: stratified by the registry's, warned once a target, and it verifies", async () => {
  const { book: b } = await loadBook(book);
  const grade = (uscc: unknown) => b.targets.find((t) => t.uscc === uscc)!.riskGrade;
  const other = (g: string) => (g === "D" ? "A" : "D");
  const graded: SheetData = {
    ...list,
    rows: list.rows.map((row, i) => [...row, i === 0 ? "信用风险等级" : other(grade(row[0]))]),
  };
  const r = await runImport(book, { list: graded, taskId: TASK, now: NOW });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(r.report.selected.map((s) => s.stratum)).toEqual(r.report.selected.map((s) => grade(s.uscc)));
  const differs = r.warnings.filter((w) => w.code === "platform_grade_differs");
  expect(differs).toHaveLength(5);
  expect(differs[0].message).toContain("按名录库计");
  expect(r.report.seedSource).toBeNull();
  const v = await verifyDraws(book);
  expect(v.draws.flatMap((d) => d.mismatches.map((m) => m.message))).toEqual([]);
  expect(v.ok).toBe(true);
});
