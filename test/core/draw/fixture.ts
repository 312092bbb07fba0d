// Fixtures built in code: valid USCCs, small registries, a task.
import type { Grade, Inspector, Snapshot, Target, Task } from "../../../src/core/model";
import { usccCheckChar } from "../../../src/core/schema/uscc";
import { makeSnapshot } from "../../../src/core/draw/snapshot";
import { snapshotDigest } from "../../../src/core/draw/canonical";
import { draw } from "../../../src/core/draw/draw";
import { initialDraw, substitute } from "../../../src/core/draw/substitute";
import type { LogEntry } from "../../../src/core/draw/chain";
import {
  buildRegister,
  findDraw,
  planDraw,
  planFreeze,
  planSubstitution,
  withEntries,
  type Plan,
} from "../../../src/core/draw/register";

/** A valid USCC from a number. */
export function uscc(n: number): string {
  const first17 = "9113010" + String(n).padStart(10, "0");
  return first17 + usccCheckChar(first17);
}

export function target(n: number, over: Partial<Target> = {}): Target {
  const grades: Grade[] = ["A", "B", "C", "D"];
  return {
    uscc: uscc(n),
    name: `对象${n}`,
    category: "诊所",
    tags: [],
    area: n % 2 === 0 ? "东区" : "西区",
    address: `路${n}号`,
    legalRep: `负责人${n}`,
    phone: `0311-${String(n).padStart(7, "0")}`,
    riskGrade: grades[n % 4],
    complaints: 0,
    violations: false,
    upperSampled: false,
    lastInspected: null,
    lastInspectors: [],
    status: "在营",
    row: n + 2,
    ...over,
  };
}

export function inspector(id: string, department: string, over: Partial<Inspector> = {}): Inspector {
  return {
    id,
    name: `人员${id}`,
    department,
    section: "",
    title: "",
    specialties: [],
    fields: [],
    role: "执法人员",
    status: "在岗",
    area: "东区",
    recusals: [],
    row: 2,
    ...over,
  };
}

export const HEALTH = "区卫生健康局";
export const INSURANCE = "区医疗保障局";

export function task(over: Partial<Task> = {}): Task {
  return {
    id: "T1",
    name: "2026年医疗机构联合抽查",
    leadDepartment: HEALTH,
    departments: [HEALTH, INSURANCE],
    itemIds: ["I1", "I2"],
    categories: [],
    mode: "ratio",
    ratios: { A: 2000, B: 3000, C: 5000, D: 10000 },
    counts: null,
    priorityRatio: null,
    minRatio: null,
    perDepartment: 2,
    rotate: true,
    excludeUpper: true,
    cooldownDays: 0,
    reserves: 0,
    crossArea: false,
    startDate: "2026-04-01",
    endDate: "2026-06-30",
    row: 2,
    ...over,
  };
}

export function snapshotOf(t: Task, targets: Target[], inspectors: Inspector[], date = "2026-04-01"): Snapshot {
  return makeSnapshot(
    t,
    [],
    targets,
    inspectors,
    date,
    { out_of_scope: 0, inactive: 0, upper_sampled: 0, cooldown: 0, drawn_this_year: 0 },
    targets.length,
    targets.length,
  );
}

/** A deterministic shuffle (LCG) for order-independence tests. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The worked example of docs/draw-protocol.md: 8 targets, 2 departments, 6 inspectors.
 */
export function example(): { snapshot: Snapshot; seed: string } {
  const t = task({
    id: "2026-YL-01",
    priorityRatio: 5000,
    minRatio: 300,
    reserves: 1,
    ratios: { A: 2000, B: 3000, C: 5000, D: 10000 },
  });
  const targets = [
    target(1, { riskGrade: "A" }),
    target(2, { riskGrade: "A" }),
    target(3, { riskGrade: "B" }),
    target(4, { riskGrade: "B", complaints: 2 }),
    target(5, { riskGrade: "C" }),
    target(6, { riskGrade: "C", lastInspectors: ["WS002"] }),
    target(7, { riskGrade: "D", violations: true }),
    target(8, { riskGrade: "D" }),
  ];
  const inspectors = [
    inspector("WS001", HEALTH, { specialties: ["医疗"] }),
    inspector("WS002", HEALTH, { specialties: ["医疗"], recusals: [uscc(5)] }),
    inspector("WS003", HEALTH, { specialties: ["医疗", "传染病"] }),
    inspector("YB001", INSURANCE),
    inspector("YB002", INSURANCE),
    inspector("YB003", INSURANCE, { status: "不在岗" }),
  ];
  const snapshot = makeSnapshot(
    t,
    [
      {
        itemId: "I1",
        department: HEALTH,
        item: "医疗机构监督检查",
        checkpoint: "执业许可",
        basis: "",
        method: "现场检查",
        categories: [],
        specialty: "医疗",
        row: 2,
      },
      {
        itemId: "I2",
        department: INSURANCE,
        item: "医保基金使用检查",
        checkpoint: "诊疗记录",
        basis: "",
        method: "现场检查",
        categories: [],
        specialty: "",
        row: 3,
      },
    ],
    targets,
    inspectors,
    "2026-04-01",
    { out_of_scope: 1, inactive: 1, upper_sampled: 0, cooldown: 0, drawn_this_year: 0 },
    10,
    9,
  );
  return { snapshot, seed: "2026-04-01 福彩3D 123" };
}

/** The worked example of the draw log (docs/draw-protocol.md §11): a freeze, its draw, a substitution. */
export async function logExample(): Promise<LogEntry[]> {
  const { snapshot, seed } = example();
  const digest = await snapshotDigest(snapshot);
  const key = "抽取快照-2026-YL-01-1";
  const common = {
    taskId: snapshot.task.id,
    taskName: snapshot.task.name,
    snapshotSheet: key,
    date: "2026-04-01",
    digest,
  };
  const items = "I1 医疗机构监督检查；I2 医保基金使用检查";
  let reg = buildRegister([]);
  const step = (p: Plan) => {
    if (!p.ok) throw new Error(p.issue.message);
    reg = withEntries(reg, p.entries);
  };
  step(
    planFreeze(reg, {
      ...common,
      items,
      seedRule: "2026-04-02 福彩3D 开奖号码",
      time: "2026-04-01T09:00:00+08:00",
      operator: "张三",
    }),
  );
  const made = draw(snapshot, seed);
  if (!made.ok) throw new Error(made.issue.message);
  step(
    planDraw(reg, {
      ...common,
      items,
      sheet: "抽取结果-2026-YL-01-1",
      seed,
      seedSource: "entered",
      time: "2026-04-02T21:30:00+08:00",
      operator: "张三",
      witness: "李四",
      warnings: [],
      frozen: findDraw(reg, key),
    }),
  );
  const s = substitute(snapshot, seed, initialDraw(made.outcome), "911301000000000022");
  if (!s.ok) throw new Error(s.issue.message);
  const teams = s.draw.outcome.selected.find((x) => x.seq === s.substitution.seq)!.teams;
  step(
    planSubstitution(reg, findDraw(reg, key)!, { substitution: s.substitution, teams }, "已注销", {
      time: "2026-04-03T10:00:00+08:00",
      operator: "王五",
    }),
  );
  if (reg.problems.length) throw new Error(JSON.stringify(reg.problems));
  return reg.entries;
}
