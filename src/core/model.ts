// The domain model: plain data that every part of the program shares.
// Dates are calendar dates as 'YYYY-MM-DD' strings (China time), never Date objects,
// so that nothing depends on the machine's time zone.

/** 信用风险等级: A lowest risk … D highest. */
export type Grade = "A" | "B" | "C" | "D";
export const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

/** 抽取层: 重点 (priority) or a risk grade; always visited in this order. */
export type Stratum = "重点" | Grade;
export const STRATA: readonly Stratum[] = ["重点", "A", "B", "C", "D"];

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

/** 经营状态 */
export type TargetStatus = "在营" | "停业" | "注销";

/** 检查对象: one row of 检查对象名录库. */
export interface Target {
  uscc: string;
  name: string;
  category: string;
  tags: string[];
  area: string;
  address: string;
  legalRep: string;
  phone: string;
  riskGrade: Grade;
  complaints: number;
  violations: boolean;
  upperSampled: boolean;
  lastInspected: IsoDate | null;
  lastInspectors: string[];
  status: TargetStatus;
  /** 1-based sheet row the target was read from (0 when not from a sheet). */
  row: number;
}

/** 人员类型 */
/**
 * The target with its fields in one fixed order, made by one object literal, so that every
 * target shares one hidden class in the JavaScript engine. Spread from the parsed records, a
 * million targets each got hidden classes of their own: about 2 KB a target, and every read of a
 * field (eligibility, the digest, the snapshot sheet) the slow, polymorphic way.
 */
export function shapedTarget(t: Omit<Target, "row">, row: number): Target {
  return {
    uscc: t.uscc,
    name: t.name,
    category: t.category,
    tags: t.tags,
    area: t.area,
    address: t.address,
    legalRep: t.legalRep,
    phone: t.phone,
    riskGrade: t.riskGrade,
    complaints: t.complaints,
    violations: t.violations,
    upperSampled: t.upperSampled,
    lastInspected: t.lastInspected,
    lastInspectors: t.lastInspectors,
    status: t.status,
    row,
  };
}

export type InspectorRole = "执法人员" | "专家";
/** 在岗状态 */
export type InspectorStatus = "在岗" | "不在岗";

/** 执法检查人员: one row of 执法检查人员名录库. */
export interface Inspector {
  id: string;
  name: string;
  department: string;
  section: string;
  title: string;
  specialties: string[];
  fields: string[];
  role: InspectorRole;
  status: InspectorStatus;
  area: string;
  recusals: string[];
  row: number;
}

/** The inspector in one fixed shape, as shapedTarget. */
export function shapedInspector(i: Omit<Inspector, "row">, row: number): Inspector {
  return {
    id: i.id,
    name: i.name,
    department: i.department,
    section: i.section,
    title: i.title,
    specialties: i.specialties,
    fields: i.fields,
    role: i.role,
    status: i.status,
    area: i.area,
    recusals: i.recusals,
    row,
  };
}

/** 检查要点: one row of 抽查事项清单 (several rows share one item id). */
export interface Checkpoint {
  itemId: string;
  department: string;
  item: string;
  checkpoint: string;
  basis: string;
  method: string;
  /** 适用对象类别; empty = every category. */
  categories: string[];
  specialty: string;
  row: number;
}

/** 抽取方式: ratio by grade / count by grade / size bands. */
export type DrawMode = "ratio" | "count" | "bands";
export const MODE_LABELS: Record<DrawMode, string> = {
  ratio: "按风险等级比例",
  count: "按数量",
  bands: "按规模分段",
};

/** 抽查任务: one row of 抽查任务. Percentages are integers in basis points (1% = 100). */
export interface Task {
  id: string;
  name: string;
  leadDepartment: string;
  departments: string[];
  itemIds: string[];
  categories: string[];
  mode: DrawMode;
  /** basis points per grade, for mode 'ratio' */
  ratios: Record<Grade, number> | null;
  /** counts per grade, for mode 'count' */
  counts: Record<Grade, number> | null;
  priorityRatio: number | null;
  minRatio: number | null;
  perDepartment: number;
  rotate: boolean;
  excludeUpper: boolean;
  cooldownDays: number;
  reserves: number;
  crossArea: boolean;
  startDate: IsoDate;
  endDate: IsoDate;
  row: number;
}

/** 节假日 override of the built-in calendar. */
export interface HolidayOverride {
  date: IsoDate;
  kind: "休息日" | "工作日";
  row: number;
}

/** The four 抽查结果 categories. */
export const RESULT_CATEGORIES = ["未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"] as const;
export type ResultCategory = (typeof RESULT_CATEGORIES)[number];

/** 检查结果: one row per drawn target and department. */
export interface InspectionResult {
  taskId: string;
  uscc: string;
  name: string;
  department: string;
  completed: IsoDate | null;
  result: ResultCategory | null;
  problem: string;
  rectification: string;
  penaltyNo: string;
  penaltyDate: IsoDate | null;
  followUp: string;
  enteredBy: string;
  published: IsoDate | null;
  row: number;
}

// ---------------------------------------------------------------- draws

export type ExclusionReason = "out_of_scope" | "inactive" | "upper_sampled" | "cooldown" | "drawn_this_year";
export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  "out_of_scope",
  "inactive",
  "upper_sampled",
  "cooldown",
  "drawn_this_year",
];

export type SeedSource = "entered" | "generated";

/** 抽取记录 status: frozen (awaiting the seed), valid, void. */
export type DrawStatus = "待抽取" | "有效" | "作废";

export interface StratumCount {
  stratum: Stratum;
  eligible: number;
  selected: number;
}

/** One department's inspectors on a team, in pick order. */
export interface TeamAssignment {
  department: string;
  inspectors: string[];
}

export interface SelectedTarget {
  /** 1-based position in DRP-1 order */
  seq: number;
  uscc: string;
  stratum: Stratum;
  leader: string;
  teams: TeamAssignment[];
}

export interface Reserve {
  uscc: string;
  stratum: Stratum;
  rank: number;
}

/**
 * 抽取快照: exactly what DRP-1 steps 2–5 read (and what the checklists show of a target),
 * frozen before the seed is known; written to a protected sheet and hashed into the digest.
 */
export interface Snapshot {
  /** DRP-1, or 外部抽取 for a list drawn by a platform and imported (no step of DRP-1 made here) */
  protocol: "DRP-1" | "外部抽取";
  task: Task;
  /** draw date, China time */
  date: IsoDate;
  /** specialties named by the task's items, per department (step 5) */
  specialties: Record<string, string[]>;
  /** eligible targets, sorted by USCC */
  targets: Target[];
  /** inspectors of the task's departments, sorted by id */
  inspectors: Inspector[];
  excluded: Record<ExclusionReason, number>;
  /** targets in the registry, and of those in the task's scope (not out_of_scope) */
  registrySize: number;
  inScope: number;
}

/** What DRP-1 steps 2–5 produce. */
export interface DrawOutcome {
  strata: StratumCount[];
  selected: SelectedTarget[];
  reserves: Reserve[];
}

/** 抽取记录: the record of one freeze or draw. */
export interface DrawRecord {
  protocol: "DRP-1" | "外部抽取";
  taskId: string;
  taskName: string;
  /** null while frozen (待抽取) */
  seed: string | null;
  seedSource: SeedSource | null;
  /** how the seed will be (was) obtained, stated at freeze time */
  seedRule: string;
  /** true when the candidates were frozen before the seed was known */
  frozen: boolean;
  date: IsoDate;
  /** ISO 8601 with +08:00 */
  timestamp: string;
  operator: string;
  witness: string;
  /** SHA-256 of the canonical snapshot, 64 hex digits */
  digest: string;
  /** result sheet name ('' while frozen) */
  sheet: string;
  snapshotSheet: string;
  status: DrawStatus;
  /** reason for 作废 */
  reason: string;
  warnings: string[];
  /** the seed's UTF-8 bytes in hex when it is not plain ASCII (DRP-1 §8) */
  seedHex?: string;
  /** the task's items with their names, as the log records them */
  items?: string;
  /** when and by whom the inputs were frozen ('' when not frozen first) */
  freezeTimestamp?: string;
  freezeOperator?: string;
  /** when and by whom the draw was voided ('' unless 作废) */
  voidedAt?: string;
  voidedBy?: string;
  /** 外部抽取: the platform the list came from */
  source?: string;
}

/** 替补: one substitution of a draw as the log records it (DRP-1 §9). */
export interface SubstitutionRecord {
  /** 1, 2, … in the order made */
  n: number;
  /** the place in DRP-1 order the substitute took */
  seq: number;
  replaced: string;
  substitute: string;
  stratum: Stratum;
  /** the reserve's rank in its stratum */
  rank: number;
  reason: string;
  time: string;
  operator: string;
}

/** A draw as stored in the workbook, read back; `outcome` is the draw as it stands (substitutes in). */
export interface StoredDraw {
  record: DrawRecord;
  snapshot: Snapshot;
  outcome: DrawOutcome;
  substitutions?: SubstitutionRecord[];
}

// ---------------------------------------------------------------- units and the year's plan

/** 单位信息: one department's details, the issuing authority on notices and publicity. */
export interface Unit {
  department: string;
  /** 单位全称, e.g. 石家庄市新华区卫生健康局 */
  authority: string;
  contact: string;
  phone: string;
  address: string;
  /** 负责人: signs the draw record */
  head: string;
  row: number;
}

/** 年度抽查计划: one batch of the year's plan. */
export interface PlanBatch {
  year: number;
  batch: string;
  department: string;
  itemIds: string[];
  categories: string[];
  /** basis points, or null when the batch plans a count */
  plannedRatio: number | null;
  plannedCount: number | null;
  start: IsoDate;
  end: IsoDate;
  /** tasks that carry out this batch, filled as the year goes */
  taskIds: string[];
  row: number;
}
