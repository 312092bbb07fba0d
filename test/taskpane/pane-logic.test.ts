import { countsText, failureText, generateSeed, groupIssuesBySheet, mismatchText, selfTestText, todayInChina } from "../../src/taskpane/pane-logic";
import { NotWiredError } from "../../src/taskpane/use-cases";
import { mockIssue } from "./mock-engine";

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

  test("a generated seed is 20 digits and differs each time", () => {
    const a = generateSeed();
    expect(a).toMatch(/^\d{20}$/);
    expect(generateSeed()).not.toBe(a);
  });

  test("a missing use-case is reported as such, other failures with their message", () => {
    expect(failureText("zh", new NotWiredError("runDraw"))).toBe("该功能尚未接入引擎（runDraw）。");
    expect(failureText("en", new Error("boom"))).toBe("Something went wrong: boom");
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
    const s = { ok: true, errors: [], warnings: [], sheets: {}, counts: { items: 3, targets: 120, inspectors: 12, tasks: 1 }, tasks: [] };
    expect(countsText("zh", s)).toBe("事项 3 条，检查对象 120 个，检查人员 12 人，任务 1 个");
  });
});
