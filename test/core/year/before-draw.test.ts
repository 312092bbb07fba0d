// Before a draw: where the year's share will stand after it, and the late batches.
import { beforeDraw, computeYearView } from "../../../src/core/year";
import { H, M, yearInput } from "./fixture";

test("a joint draw of 3 targets on 09-30: the share after it, per department, and the late batches", () => {
  const view = computeYearView(yearInput());
  const b = beforeDraw(view, { taskId: "T5", departments: [H, M], count: 3 });
  // 13 drawn of 40; 16 at most after: 40%; goal 25% = 10
  expect(b.total).toMatchObject({
    registry: 40,
    drawn: 13,
    after: 16,
    shareNow: 0.325,
    shareAfter: 0.4,
    meetsGoalAfter: true,
    toGoalAfter: 0,
  });
  // 区医疗保障局: 7 of 32 (21.88%), after 10 (31.25%), goal ceil(32 × 25%) = 8
  expect(b.departments.map((d) => [d.department, d.drawn, d.after, d.shareAfter, d.meetsGoalAfter])).toEqual([
    [H, 10, 13, 0.325, true],
    [M, 7, 10, 0.3125, true],
  ]);
  expect(b.lateBatches.map((x) => [x.batch.row, x.state])).toEqual([
    [4, "overdue"],
    [5, "late"],
  ]);
  expect(b.issues.map((i) => i.code).sort()).toEqual(["year_batch_late", "year_batch_overdue", "year_batch_short"]);
  expect(b.lines[0]).toBe(
    "全部：2026 年已抽 13 户 / 名录库 40 户（32.5%）；本次抽取 3 户后至多 16 户（40%），年度目标 25%，达到目标。",
  );
});

test("a small draw that leaves a department short says how many are still missing", () => {
  const view = computeYearView(yearInput({ share: 500 * 7 })); // 35%: 区医疗保障局 needs ceil(11.2) = 12
  const b = beforeDraw(view, { taskId: "T3", departments: [M], count: 2 });
  expect(b.departments[0]).toMatchObject({ drawn: 7, after: 9, meetsGoalAfter: false, toGoalAfter: 3 });
  expect(b.lines[1]).toContain("距目标尚差 3 户");
  // T3 carries the second batch: said with its count
  expect(b.batches.map((x) => x.batch.row)).toEqual([3]);
  expect(b.lines[2]).toBe("本任务执行年度计划批次「第2批」（区医疗保障局）：已抽 4 户，计划 5 户。");
});

test("before the plan's windows open nothing is late", () => {
  const view = computeYearView(yearInput({ today: "2026-02-01", draws: [] }));
  const b = beforeDraw(view, { taskId: "T1", departments: [H], count: 4 });
  expect(b.lateBatches).toEqual([]);
  expect(b.total).toMatchObject({ drawn: 0, after: 4, shareAfter: 0.1, meetsGoalAfter: false, toGoalAfter: 6 });
});
