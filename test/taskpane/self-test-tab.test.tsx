// 自检: the report a clerk pastes to support carries the host, every check with its detail, when
// it ran and from which add-in address; run on the Excel fake, it includes the draw's own moves.
import { describe, expect, test } from "@jest/globals";
import { reportText } from "../../src/taskpane/components/SelfTestTab";
import { selfTest } from "../../src/excel/self-test";
import { createFakeExcel } from "../excel/fake-excel";

describe("the self-test report", () => {
  test("is plain text with the host, the sets, every check, the time and the add-in address", async () => {
    const fake = createFakeExcel([], { maxExcelApi: 7 });
    const report = await selfTest(fake.run, fake.office);
    const text = reportText("zh", report, new Date(Date.UTC(2026, 3, 1, 2, 30)));
    const lines = text.split("\n");
    expect(lines[0]).toBe("双随机抽查助手 — 自检");
    expect(text).toContain("1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7");
    expect(text).toContain("[通过] 替换受保护的工作表（删除旧表、改名、保持位置）: 已替换，仍受保护，位置不变");
    expect(text).toContain("[未通过] 单元格下拉列表（数据验证）: 需要 ExcelApi 1.8，此 Excel 不支持");
    expect(lines.some((l) => /^时间: 2026\/4\/1/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("加载项地址: "))).toBe(true);
    expect(lines).toHaveLength(5 + report.checks.length + 3);
  });
});
