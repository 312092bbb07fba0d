// A hand-built workbook state: two valid draws and a void one in 2026, and 检查结果 rows with
// known answers (see the tests for the expected figures).
import type { InspectionResult, Stratum, StoredDraw, Target, Task } from "../../../src/core/model";

export const HEALTH = "区卫生健康局";
export const MEDICARE = "区医疗保障局";

export function task(over: Partial<Task>): Task {
  return {
    id: "T1",
    name: "2026年医疗机构联合抽查",
    leadDepartment: HEALTH,
    departments: [HEALTH, MEDICARE],
    itemIds: ["WJ-01", "YB-01"],
    categories: [],
    mode: "ratio",
    ratios: { A: 300, B: 500, C: 800, D: 1000 },
    counts: null,
    priorityRatio: null,
    minRatio: 300,
    perDepartment: 2,
    rotate: true,
    excludeUpper: true,
    cooldownDays: 0,
    reserves: 0,
    crossArea: false,
    startDate: "2026-01-05",
    endDate: "2026-12-31",
    row: 2,
    ...over,
  };
}

function target(uscc: string, name: string, grade: Target["riskGrade"]): Target {
  return {
    uscc,
    name,
    category: "医疗机构",
    tags: [],
    area: "",
    address: "",
    legalRep: "",
    phone: "",
    riskGrade: grade,
    complaints: 0,
    violations: false,
    upperSampled: false,
    lastInspected: null,
    lastInspectors: [],
    status: "在营",
    row: 0,
  };
}

export const TARGETS = {
  U1: target("U1", "康宁诊所", "A"),
  U2: target("U2", "仁和医院", "B"),
  U3: target("U3", "美丽医疗美容门诊部", "D"),
  U4: target("U4", "东方门诊部", "C"),
  U5: target("U5", "西城卫生室", "A"),
};

export function draw(
  t: Task,
  picks: [keyof typeof TARGETS, Stratum][],
  over: { date: string; timestamp: string; status?: StoredDraw["record"]["status"]; inScope?: number },
): StoredDraw {
  const strata = (["A", "B", "C", "D"] as const).map((s) => ({
    stratum: s,
    eligible: Object.values(TARGETS).filter((x) => x.riskGrade === s).length,
    selected: picks.filter(([, p]) => p === s).length,
  }));
  return {
    record: {
      protocol: "DRP-1",
      taskId: t.id,
      taskName: t.name,
      seed: `seed-${t.id}`,
      seedSource: "entered",
      seedRule: "",
      frozen: false,
      date: over.date,
      timestamp: over.timestamp,
      operator: "张三",
      witness: "李四",
      digest: "ab".repeat(32),
      sheet: `抽取结果-${t.id}-1`,
      snapshotSheet: `抽取快照-${t.id}-1`,
      status: over.status ?? "有效",
      reason: "",
      warnings: [],
    },
    snapshot: {
      protocol: "DRP-1",
      task: t,
      date: over.date,
      specialties: {},
      targets: Object.values(TARGETS),
      inspectors: [],
      excluded: { out_of_scope: 50, inactive: 0, upper_sampled: 0, cooldown: 0, drawn_this_year: 0 },
      registrySize: 100,
      inScope: over.inScope ?? 50,
    },
    outcome: {
      strata,
      selected: picks.map(([uscc, stratum], i) => ({
        seq: i + 1,
        uscc,
        stratum,
        leader: "P1",
        teams: t.departments.map((department) => ({ department, inspectors: ["P1", "P2"] })),
      })),
      reserves: [],
    },
  };
}

export function result(row: number, over: Partial<InspectionResult>): InspectionResult {
  return {
    taskId: "T1",
    uscc: "U1",
    name: "",
    department: HEALTH,
    completed: null,
    result: null,
    problem: "",
    rectification: "",
    penaltyNo: "",
    penaltyDate: null,
    followUp: "",
    enteredBy: "王五",
    published: null,
    row,
    ...over,
  };
}

export const T1 = task({});
export const T2 = task({
  id: "T2",
  name: "2026年公共场所卫生抽查",
  departments: [HEALTH],
  itemIds: ["WJ-02"],
  startDate: "2026-06-01",
  minRatio: 1000,
});
export const T3 = task({ id: "T3", name: "作废的抽取", departments: [HEALTH] });

export const DRAW_T1 = draw(
  T1,
  [
    ["U1", "A"],
    ["U2", "B"],
    ["U3", "D"],
  ],
  {
    date: "2026-01-06",
    timestamp: "2026-01-06T09:30:00+08:00",
  },
);
export const DRAW_T2 = draw(
  T2,
  [
    ["U1", "A"],
    ["U4", "C"],
  ],
  {
    date: "2026-05-25",
    timestamp: "2026-05-25T10:00:00+08:00",
  },
);
export const DRAW_T3_VOID = draw(T3, [["U2", "B"]], {
  date: "2026-03-01",
  timestamp: "2026-03-01T10:00:00+08:00",
  status: "作废",
});

/** 检查结果 rows 2…; dates around 春节 and 劳动节 2026. */
export const RESULTS: InspectionResult[] = [
  result(2, { uscc: "U1", department: HEALTH, completed: "2026-04-30", result: "未发现问题", published: "2026-05-20" }),
  result(3, {
    uscc: "U1",
    department: MEDICARE,
    completed: "2026-04-30",
    result: "发现问题已责令整改",
    problem: "病历书写不规范",
  }),
  result(4, {
    uscc: "U2",
    department: HEALTH,
    completed: "2026-02-10",
    result: "行政处罚",
    penaltyNo: "卫医罚〔2026〕1号",
    penaltyDate: "2026-02-13",
    published: "2026-03-03",
    followUp: "已移送",
  }),
  result(5, { uscc: "U2", department: MEDICARE }),
  result(6, { uscc: "U3", department: HEALTH, completed: "2026-05-06", result: "行政处罚" }),
  result(7, { uscc: "U3", department: MEDICARE, completed: "2026-05-06", result: "发现问题已责令整改" }),
  result(8, { uscc: "U9", department: HEALTH, completed: "2026-05-06", result: "未发现问题" }),
  result(9, { uscc: "U1", department: "市场监管局", completed: "2026-05-06", result: "未发现问题" }),
  result(10, { taskId: "T2", uscc: "U1", department: HEALTH, completed: "2026-05-30", result: "未发现问题" }),
  result(11, { uscc: "U1", department: HEALTH, completed: "2026-05-01", result: "未发现问题" }),
];
