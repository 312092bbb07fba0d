import {
  cellDisplay,
  columnLetter,
  countsText,
  newestFirst,
  paperKindsFor,
  previewCell,
  previewOf,
  drawnTasks,
  groupIssuesBySheet,
  mismatchText,
  percentText,
  rowRange,
  selfTestText,
  todayInChina,
  validDraws,
} from "../../src/taskpane/pane-logic";
import type { DrawListing } from "../../src/taskpane/engine";
import { mockIssue } from "./mock-engine";

const listing = (sheet: string, task: string, status: DrawListing["status"]): DrawListing => ({
  sheet,
  snapshotSheet: sheet.replace("结果", "快照"),
  task,
  taskName: `任务${task}`,
  status,
  date: "2026-04-01",
  timestamp: "2026-04-01T09:30:00+08:00",
  seed: status === "待抽取" ? null : "1",
  digest: "0".repeat(64),
  reason: "",
  substitutions: 0,
  chain: "0".repeat(64),
  frozen: status === "待抽取",
});

describe("pane logic", () => {
  test("groups issues by sheet in order of first appearance, keeping each sheet's order", () => {
    const issues = [mockIssue("B表", "A2", "1"), mockIssue("A表", "C3", "2"), mockIssue("B表", "A9", "3")];
    const groups = groupIssuesBySheet(issues);
    expect(groups.map((g) => g.sheet)).toEqual(["B表", "A表"]);
    expect(groups[0].issues.map((i) => i.message)).toEqual(["1", "3"]);
  });

  test("today is the date in China, not the computer's zone", () => {
    // 17:30 UTC on 31 March is already 1 April in Beijing
    expect(todayInChina(new Date("2026-03-31T17:30:00Z"))).toBe("2026-04-01");
    expect(todayInChina(new Date("2026-03-31T15:30:00Z"))).toBe("2026-03-31");
  });

  test("checklists are offered for valid draws only, the newest first", () => {
    const log = [
      listing("抽取结果-T1-1", "T1", "作废"),
      listing("", "T2", "待抽取"),
      listing("抽取结果-T1-2", "T1", "有效"),
      listing("抽取结果-T3-1", "T3", "有效"),
    ];
    expect(validDraws(log).map((d) => d.sheet)).toEqual(["抽取结果-T3-1", "抽取结果-T1-2"]);
    // publicity: only tasks with a valid draw, once each
    expect(drawnTasks([...log, listing("抽取结果-T1-3", "T1", "有效")])).toEqual([
      { id: "T1", name: "任务T1" },
      { id: "T3", name: "任务T3" },
    ]);
    expect(drawnTasks([listing("", "T2", "待抽取")])).toEqual([]);
  });

  test("ratios read as percentages without float noise, rows as whole-row addresses", () => {
    expect(percentText(0.0567)).toBe("5.67%");
    expect(percentText(0.03)).toBe("3%");
    expect(percentText(1)).toBe("100%");
    expect(percentText(0.07)).toBe("7%");
    expect(rowRange(17)).toBe("17:17");
  });

  test("the self-test report names host, platform, sets and every check", () => {
    const text = selfTestText("zh", {
      host: "Excel",
      platform: "OfficeOnline",
      version: "16.0",
      excelApi: ["1.1", "1.2"],
      checks: [
        { name: "读取", ok: true, detail: "ok" },
        { name: "数据验证", ok: false, detail: "需要 ExcelApi 1.8" },
      ],
    });
    expect(text).toContain("宿主: Excel");
    expect(text).toContain("支持的 ExcelApi 版本: 1.1, 1.2");
    expect(text).toContain("[未通过] 数据验证: 需要 ExcelApi 1.8");
    expect(text).toContain("[通过] 读取: ok");
  });

  test("a mismatch reads as cell, field, expected and found", () => {
    const m = { sheet: "抽取结果", cell: "B5", field: "名称", expected: "甲诊所", actual: "乙诊所", message: "" };
    expect(mismatchText("zh", m)).toBe("抽取结果!B5 名称: 应为 “甲诊所”, 实为 “乙诊所”");
  });

  test("counts summary", () => {
    const s = {
      ok: true,
      errors: [],
      warnings: [],
      sheets: {},
      counts: { items: 3, targets: 120, inspectors: 12, tasks: 1, holidays: 0, units: 0, plans: 0 },
      tasks: [],
    };
    expect(countsText("zh", s)).toBe("事项 3 条，检查对象 120 个，检查人员 12 人，任务 1 个");
  });

  test("papers offered: the record always, the freeze announcement after a freeze, notices only for a valid draw", () => {
    expect(paperKindsFor("有效", false)).toEqual(["record", "notices", "confirmations"]);
    expect(paperKindsFor("有效", true)).toEqual(["record", "freeze", "notices", "confirmations"]);
    expect(paperKindsFor("待抽取", true)).toEqual(["record", "freeze"]);
    expect(paperKindsFor("作废", false)).toEqual(["record"]);
    const list = [listing("抽取结果-T1-1", "T1", "作废"), listing("抽取结果-T1-2", "T1", "有效")];
    expect(newestFirst(list).map((d) => d.sheet)).toEqual(["抽取结果-T1-2", "抽取结果-T1-1"]);
    expect(list[0].sheet).toBe("抽取结果-T1-1");
  });

  test("a sheet preview: cells as a clerk reads them, the sheet's whole size, long texts cut", () => {
    expect(cellDisplay(new Date(Date.UTC(2026, 3, 1)))).toBe("2026-04-01");
    expect(cellDisplay({ formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(cellDisplay({ error: "#N/A" })).toBe("#N/A");
    expect(cellDisplay(null)).toBe("");
    expect(cellDisplay(0.05)).toBe("0.05");
    // text the clerk typed that starts with = stays text
    expect(cellDisplay("=不是公式")).toBe("=不是公式");
    const p = previewOf({ name: "表", rows: [["甲", 1], ["乙"], [null, null, true]] }, 2);
    expect(p).toEqual({ sheet: "表", rows: [["甲", "1"], ["乙"]], rowCount: 3, columnCount: 3 });
    expect([0, 3, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(previewCell("短")).toBe("短");
    expect(previewCell("长".repeat(50))).toBe(`${"长".repeat(40)}…`);
  });
});
