// A workbook drawn by the program before the chained log (test/fixtures/legacy-drawn-2026.xlsx: the
// sample frozen, drawn with seed 527, then redrawn with a reason) still verifies, and is converted
// on its next write, saying so.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { readLog } from "../../../src/workbook/log-sheet";
import { runSubstitute, verifyDraws, describeDraw } from "../../../src/workbook/usecases";

const FILE = join(__dirname, "../../fixtures/legacy-drawn-2026.xlsx");
const open = async () => XlsxWorkbook.fromBuffer(readFileSync(FILE));
const NOW = new Date("2026-04-05T02:00:00Z");

test("an old workbook verifies: its voided and its valid draw, the old log said to be unchained", async () => {
  const v = await verifyDraws(await open());
  expect(v.ok).toBe(true);
  expect(v.legacy).toBe(true);
  expect(v.draws.map((d) => [d.sheet, d.status, d.ok])).toEqual([
    ["抽取结果-XH-2026-03-1", "作废", true],
    ["抽取结果-XH-2026-03-2", "有效", true],
  ]);
  expect(v.warnings.map((w) => w.code)).toEqual(["log_legacy_format", "result_row_stale"]);
});

test("an old status edited from 有效 to 作废 with no redraw after it is caught", async () => {
  const book = await open();
  const ws = book.workbook.getWorksheet("抽取记录")!;
  const status = ws.getRow(1).values as unknown[];
  const col = status.indexOf("状态");
  ws.getRow(4).getCell(col).value = "作废";
  const v = await verifyDraws(await XlsxWorkbook.fromBuffer(await book.toBuffer()));
  expect(v.ok).toBe(false);
  expect(v.log.map((m) => m.message).join()).toContain("旧版程序只会在重抽时作废");
});

test("the next write converts the log into the chained form, tidies the old leftovers, and it all verifies", async () => {
  const book = await open();
  const before = (await book.readSheet("检查结果")).rows.length;
  const state = await describeDraw(book, { draw: "抽取结果-XH-2026-03-2" });
  if (!state.ok) throw new Error("describe");
  const target = state.report.selected.find((s) => state.report.reserves.some((r) => r.stratum === s.stratum))!;
  const r = await runSubstitute(book, {
    draw: "抽取结果-XH-2026-03-2",
    target: target.uscc,
    reason: "无法联系",
    now: NOW,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(r.warnings.map((w) => w.code)).toEqual(["log_migrated"]);
  const saved = await XlsxWorkbook.fromBuffer(await book.toBuffer());
  const log = readLog(await saved.readSheet("抽取记录"));
  expect(log.register.legacy).toBe(false);
  expect(log.register.problems).toEqual([]);
  expect(log.register.entries.map((e) => [e.event, e.note])).toEqual([
    ["冻结", "迁移自旧格式"],
    ["抽取", "迁移自旧格式"],
    ["作废", "迁移自旧格式"],
    ["抽取", "迁移自旧格式"],
    ["替补", ""],
  ]);
  // the old program's untouched rows of the voided draw are gone; the valid draw's are whole
  const rows = (await saved.readSheet("检查结果")).rows;
  expect(rows.length).toBeLessThan(before);
  expect(rows.length - 1).toBe(state.report.selected.length * 2);
  const v = await verifyDraws(saved);
  expect(v.ok).toBe(true);
  expect(v.warnings).toEqual([]);
  expect(v.chain).toBe(log.register.head);
});
