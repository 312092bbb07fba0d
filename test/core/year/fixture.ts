// A year built by code (2026, as of 2026-09-30): a registry of 40 targets, four items, five planned
// batches, four draws (one imported from a platform), and 检查结果 rows with known answers. The
// figures are worked out by hand in view.test.ts.
import type { Checkpoint, Grade, InspectionResult, PlanBatch, Target } from "../../../src/core/model";
import type { YearDraw, YearInput } from "../../../src/core/year";
import { makeCalendar } from "../../../src/core/calendar";
import { target, uscc } from "../draw/fixture";

export const H = "区卫生健康局";
export const M = "区医疗保障局";
export const TODAY = "2026-09-30";

export { uscc };
export const u = (n: number): string => uscc(n);

/**
 * Registry: n = 1..40. Grade by n % 4 (0 A, 1 B, 2 C, 3 D): ten of each. Category 医疗美容机构 for
 * n % 5 = 0 (8 targets), else 诊所 (32 targets).
 */
export const REGISTRY: Target[] = Array.from({ length: 40 }, (_, i) => {
  const n = i + 1;
  return target(n, {
    category: n % 5 === 0 ? "医疗美容机构" : "诊所",
    riskGrade: (["A", "B", "C", "D"] as Grade[])[n % 4],
  });
});
export const gradeOf = (n: number): Grade => (["A", "B", "C", "D"] as Grade[])[n % 4];

function checkpoint(itemId: string, department: string, item: string, categories: string[] = []): Checkpoint {
  return {
    itemId,
    department,
    item,
    checkpoint: `${item}：要点`,
    basis: "",
    method: "现场检查",
    categories,
    specialty: "",
    row: 2,
  };
}

/** WJ-02 is never covered; YB-01 applies to 诊所 only (so 区医疗保障局's scope is the 32 诊所). */
export const ITEMS: Checkpoint[] = [
  checkpoint("WJ-01", H, "对医疗机构和医疗行为的监督检查"),
  checkpoint("WJ-01", H, "对医疗机构和医疗行为的监督检查"),
  checkpoint("WJ-02", H, "对消毒产品和消毒服务机构的监督检查"),
  checkpoint("WJ-03", H, "对医疗美容机构的监督检查", ["医疗美容机构"]),
  checkpoint("YB-01", M, "对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理", ["诊所"]),
];

type Pick = [n: number, grade: Grade | null];

function draw(
  sheet: string,
  taskId: string,
  date: string,
  itemIds: string[],
  departments: string[],
  picks: Pick[],
  over: Partial<YearDraw> = {},
): YearDraw {
  return {
    sheet,
    taskId,
    taskName: `任务${taskId}`,
    date,
    itemIds,
    departments,
    external: false,
    byGrade: true,
    targets: picks.map(([n, grade]) => ({
      uscc: u(n),
      name: `对象${n}`,
      stratum: grade,
      grade,
      departments: [...departments],
    })),
    ...over,
  };
}

/**
 * T1 (03-10, joint H+M, WJ-01 YB-01): 1 2 3 4. T2 (05-20, H, WJ-03): 5 10. T3 (07-15, external
 * platform list without grades, M, YB-01): 6 7 1 99 (99 is not in the registry; 1 again for YB-01).
 * T4 (09-01, H, WJ-01): 8 9 11 12 (12 was graded B when drawn; the registry says A now).
 * T0 is a 2025 draw (13, 14, both penalised), not counted in 2026.
 */
export const DRAWS: YearDraw[] = [
  draw(
    "抽取结果-T0-1",
    "T0",
    "2025-11-03",
    ["WJ-01"],
    [H],
    [
      [13, "B"],
      [14, "C"],
    ],
  ),
  draw(
    "抽取结果-T1-1",
    "T1",
    "2026-03-10",
    ["WJ-01", "YB-01"],
    [H, M],
    [
      [1, "B"],
      [2, "C"],
      [3, "D"],
      [4, "A"],
    ],
  ),
  draw(
    "抽取结果-T2-1",
    "T2",
    "2026-05-20",
    ["WJ-03"],
    [H],
    [
      [5, "B"],
      [10, "C"],
    ],
  ),
  draw(
    "外部抽取-T3",
    "T3",
    "2026-07-15",
    ["YB-01"],
    [M],
    [
      [6, null],
      [7, null],
      [1, null],
      [99, null],
    ],
    {
      external: true,
      byGrade: false,
    },
  ),
  draw(
    "抽取结果-T4-1",
    "T4",
    "2026-09-01",
    ["WJ-01"],
    [H],
    [
      [8, "A"],
      [9, "B"],
      [11, "D"],
      [12, "B"],
    ],
  ),
];

let nextRow = 2;
export function result(
  taskId: string,
  n: number,
  department: string,
  over: Partial<InspectionResult> = {},
): InspectionResult {
  return {
    taskId,
    uscc: u(n),
    name: `对象${n}`,
    department,
    completed: null,
    result: null,
    problem: "",
    rectification: "",
    penaltyNo: "",
    penaltyDate: null,
    followUp: "",
    enteredBy: "",
    published: null,
    row: nextRow++,
    ...over,
  };
}

const done = (completed: string, published: string | null, over: Partial<InspectionResult> = {}) => ({
  completed,
  result: "未发现问题" as const,
  published,
  ...over,
});

/** 检查结果 rows 2..22; the comments give each row's deadline (worked out in view.test.ts). */
export const RESULTS: InspectionResult[] = [
  result("T1", 1, H, done("2026-03-20", "2026-03-27")), // r2 by 04-20: on time
  result("T1", 1, M, done("2026-03-20", "2026-04-21")), // r3 by 04-20: late
  result(
    "T1",
    2,
    H,
    done("2026-03-24", "2026-04-01", {
      result: "发现问题已责令整改",
      problem: "消毒记录不全",
      followUp: "已复查，整改到位",
    }),
  ), // r4
  result("T1", 2, M, done("2026-03-24", "2026-04-01")), // r5
  result(
    "T1",
    3,
    H,
    done("2026-04-08", "2026-04-20", {
      result: "行政处罚",
      problem: "使用非卫生技术人员",
      penaltyNo: "新卫医罚〔2026〕1号",
      penaltyDate: "2026-04-15",
      followUp: "罚款已缴纳",
    }),
  ), // r6 by 04-24
  result("T1", 3, M, done("2026-04-08", null)), // r7 by 05-09: overdue
  result("T1", 4, H), // r8 not inspected
  result("T1", 4, M), // r9 not inspected
  result("T2", 5, H, done("2026-06-02", "2026-06-10", { result: "发现问题已责令整改", problem: "未按规定公示价格" })), // r10 follow-up by 07-01: overdue
  result("T2", 10, H, done("2026-06-05", "2026-06-12", { result: "无法联系" })), // r11
  result(
    "T3",
    6,
    M,
    done("2026-07-28", null, {
      result: "行政处罚",
      problem: "串换项目收费",
      penaltyNo: "新医保罚〔2026〕2号",
      penaltyDate: "2026-08-05",
    }),
  ), // r12 by 08-14: overdue; follow-up by 08-25: overdue
  result(
    "T3",
    7,
    M,
    done("2026-07-30", "2026-08-10", {
      result: "行政处罚",
      problem: "超标准收费",
      penaltyNo: "新医保罚〔2026〕3号",
      followUp: "已结案",
    }),
  ), // r13 no penalty date
  result("T3", 1, M, done("2026-08-03", "2026-08-20")), // r14 by 08-31
  result("T3", 99, M), // r15 not inspected
  result("T4", 8, H, done("2026-09-10", null, { result: "发现问题已责令整改", problem: "病历书写不规范" })), // r16 by 10-14: pending
  result("T4", 9, H, done("2026-09-15", "2026-09-18")), // r17
  result("T4", 11, H), // r18 not inspected
  result("T4", 13, H, done("2026-09-12", null)), // r19: 13 was not drawn by T4
  result("T1", 1, H, done("2026-03-20", null, { result: "行政处罚" })), // r20: a second row of T1 × 1 × H, not counted
  // r21, r22: the 2025 draw's penalties, one rectified
  result(
    "T0",
    13,
    H,
    done("2025-11-20", "2025-11-25", {
      result: "行政处罚",
      problem: "未取得许可执业",
      penaltyNo: "新卫医罚〔2025〕9号",
      penaltyDate: "2025-11-24",
      rectification: "已整改到位",
    }),
  ),
  result(
    "T0",
    14,
    H,
    done("2025-11-21", "2025-12-01", {
      result: "行政处罚",
      problem: "超范围执业",
      penaltyNo: "新卫医罚〔2025〕10号",
      penaltyDate: "2025-11-26",
    }),
  ),
];

/** 年度抽查计划 rows 2..7. */
function batch(row: number, over: Partial<PlanBatch>): PlanBatch {
  return {
    year: 2026,
    batch: `第${row - 1}批`,
    department: H,
    itemIds: [],
    categories: [],
    plannedRatio: null,
    plannedCount: null,
    start: "2026-01-01",
    end: "2026-12-31",
    taskIds: [],
    row,
    ...over,
  };
}

export const PLAN: PlanBatch[] = [
  batch(2, { itemIds: ["WJ-01"], plannedCount: 4, start: "2026-03-01", end: "2026-04-30", taskIds: ["T1"] }), // done
  batch(3, {
    department: M,
    itemIds: ["YB-01"],
    plannedRatio: 1500,
    start: "2026-06-01",
    end: "2026-07-31",
    taskIds: ["T3"],
  }), // short
  batch(4, { itemIds: ["WJ-02"], plannedCount: 3, start: "2026-08-01", end: "2026-09-15" }), // overdue
  batch(5, { itemIds: ["WJ-01"], plannedCount: 6, start: "2026-09-01", end: "2026-10-31" }), // late (T4 may carry it)
  batch(6, { department: M, itemIds: ["YB-01"], plannedCount: 5, start: "2026-11-01", end: "2026-12-15" }), // not started
  batch(7, { year: 2025, itemIds: ["WJ-01"], plannedCount: 9, start: "2025-01-01", end: "2025-12-31" }), // another year
];

export function yearInput(over: Partial<YearInput> = {}): YearInput {
  return {
    year: 2026,
    today: TODAY,
    registry: REGISTRY,
    items: ITEMS,
    plan: PLAN,
    draws: DRAWS,
    results: RESULTS,
    calendar: makeCalendar([]),
    share: 2500,
    ...over,
  };
}
