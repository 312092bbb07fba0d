// A stored DRP-1 draw as the year counts it, and the yearly share as typed.
import { parseYearShare, yearDrawOf } from "../../../src/core/year";
import { HEALTH, MEDICARE, draw, task } from "../publicity/fixture";

test("a DRP-1 draw: its targets with the grade and departments drawn, by grade, not external", () => {
  const d = draw(
    task({}),
    [
      ["U1", "A"],
      ["U3", "D"],
    ],
    { date: "2026-04-01", timestamp: "2026-04-01T09:00:00+08:00" },
  );
  expect(yearDrawOf(d)).toEqual({
    sheet: "抽取结果-T1-1",
    taskId: "T1",
    taskName: "2026年医疗机构联合抽查",
    date: "2026-04-01",
    itemIds: ["WJ-01", "YB-01"],
    departments: [HEALTH, MEDICARE],
    external: false,
    byGrade: true,
    targets: [
      { uscc: "U1", name: "康宁诊所", stratum: "A", grade: "A", departments: [HEALTH, MEDICARE] },
      { uscc: "U3", name: "美丽医疗美容门诊部", stratum: "D", grade: "D", departments: [HEALTH, MEDICARE] },
    ],
  });
});

test("after a substitution the current targets are counted, not the selection", () => {
  const d = draw(
    task({}),
    [
      ["U1", "A"],
      ["U3", "D"],
    ],
    { date: "2026-04-01", timestamp: "2026-04-01T09:00:00+08:00" },
  );
  const current = [d.outcome.selected[0], { ...d.outcome.selected[1], uscc: "U4", stratum: "C" as const }];
  expect(yearDrawOf(d, current).targets.map((t) => [t.uscc, t.grade])).toEqual([
    ["U1", "A"],
    ["U4", "C"],
  ]);
});

test("the yearly share: 5%, 0.05 and 5 are 500 basis points; nonsense is refused with a Chinese message", () => {
  expect(parseYearShare("5%")).toEqual({ share: 500 });
  expect(parseYearShare("0.05")).toEqual({ share: 500 });
  expect(parseYearShare(" 5 ")).toEqual({ share: 500 });
  expect(parseYearShare("9.58%")).toEqual({ share: 958 });
  for (const bad of ["abc", "0", "150%", ""]) {
    const r = parseYearShare(bad);
    expect("issue" in r && r.issue.code).toBe("year_share_invalid");
  }
  const r = parseYearShare("百分之五") as { issue: { message: string } };
  expect(r.issue.message).toBe("年度抽查比例「百分之五」无效。请填写大于 0、不超过 100% 的百分比，例如 3% 或 5%。");
});
