// Texts the papers share: the task's parameter line, the seed's bytes, the allocation rule of a
// stratum, the issuing units. Wording of a form, not messages about a problem (those are in the
// issue catalogue).
import { MODE_LABELS, type ExclusionReason, type Grade, type Stratum, type Task, type Unit } from "../model";
import { bandRatio } from "../draw/allocate";

/** 全角空格 (U+3000), the gap between fields in a Chinese line; escaped for the linter. */
export const GAP = "\u3000";
/** A blank to write on by hand. */
export const BLANK = "＿＿＿＿＿＿＿＿";
/** The date a signer writes by hand. */
export const HAND_DATE = `${GAP.repeat(3)}年${GAP.repeat(2)}月${GAP.repeat(2)}日`;

/** Basis points as a percent: 300 → '3%', 255 → '2.55%'. */
export const percentOf = (bp: number): string => `${bp / 100}%`;
const yesNo = (b: boolean): string => (b ? "是" : "否");

/** 排除原因, as the draw's sheets name them. */
export const EXCLUSION_TEXT: Record<ExclusionReason, string> = {
  out_of_scope: "不在抽查范围",
  inactive: "非在营",
  upper_sampled: "上级已抽检",
  cooldown: "检查间隔内",
  drawn_this_year: "本年度已抽取",
};

/** 抽取参数: every parameter of the task that the draw used, on one line. */
export function parameterLine(t: Task): string {
  const parts: string[] = [`抽取方式：${MODE_LABELS[t.mode]}`];
  const grades = (f: (g: Grade) => string) => (["A", "B", "C", "D"] as const).map((g) => `${g} ${f(g)}`).join(" ");
  if (t.ratios) parts.push(`比例 ${grades((g) => percentOf(t.ratios![g]))}`);
  if (t.counts) parts.push(`数量 ${grades((g) => String(t.counts![g]))}`);
  if (t.priorityRatio !== null) parts.push(`重点对象比例 ${percentOf(t.priorityRatio)}`);
  if (t.minRatio !== null) parts.push(`最低抽查比例 ${percentOf(t.minRatio)}`);
  parts.push(
    `每部门 ${t.perDepartment} 人`,
    `回避上次检查人员：${yesNo(t.rotate)}`,
    `排除上级已抽检：${yesNo(t.excludeUpper)}`,
    `检查间隔 ${t.cooldownDays} 天`,
    `备选 ${t.reserves} 个/层`,
    `异地交叉检查：${yesNo(t.crossArea)}`,
  );
  return parts.join("；");
}

/** How DRP-1 step 3 sets the number drawn from a stratum (total: eligible targets in all strata). */
export function allocationRule(t: Task, stratum: Stratum, total: number): string {
  if (stratum === "重点") return `重点对象比例 ${percentOf(t.priorityRatio ?? 0)}，向上取整`;
  switch (t.mode) {
    case "ratio":
      return `${percentOf(t.ratios?.[stratum] ?? 0)}，向上取整`;
    case "count":
      return `数量 ${t.counts?.[stratum] ?? 0}`;
    case "bands":
      return `规模分段（合计 ${total} 户）${percentOf(bandRatio(total))}，向上取整`;
  }
}

/**
 * The seed's UTF-8 bytes in hex, one group per character ('福' → 'e7a68f'), so that look-alike
 * characters can be told apart on paper; '' for a plain ASCII seed (DRP-1 §8).
 */
export function seedBytes(seed: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(seed)) return "";
  const encoder = new TextEncoder();
  return Array.from(seed, (ch) => Array.from(encoder.encode(ch), (b) => b.toString(16).padStart(2, "0")).join("")).join(
    " ",
  );
}

/** 单位信息 of one department as the papers print it: the department's own name when the sheet lacks it. */
export interface UnitText {
  department: string;
  authority: string;
  contact: string;
  phone: string;
  address: string;
  head: string;
}

export function unitOf(department: string, units: readonly Unit[]): UnitText {
  const u = units.find((x) => x.department === department);
  return {
    department,
    authority: u?.authority || department,
    contact: u?.contact ?? "",
    phone: u?.phone ?? "",
    address: u?.address ?? "",
    head: u?.head ?? "",
  };
}

/** The issuing authority of a task's papers: the lead department's unit. */
export const issuingUnit = (task: Task, units: readonly Unit[]): UnitText => unitOf(task.leadDepartment, units);

/** 检查类型: one department → 双随机抽查; several → 跨部门联合抽查. */
export function inspectionKind(departments: readonly string[]): string {
  return departments.length > 1 ? "跨部门联合抽查" : "双随机抽查";
}

/** A value or a blank to fill in by hand. */
export const orBlank = (s: string): string => (s.trim() === "" ? BLANK : s);
