// What the year's figures are computed from: the draws in effect, as plain values. The draw
// register (own DRP-1 draws, substitutions, voids, draws imported from a platform) is mapped
// onto these by the caller, so that the year's work depends on no log format.
import type { Checkpoint, Grade, InspectionResult, IsoDate, PlanBatch, Stratum, Target, Unit } from "../model";
import type { Calendar } from "../calendar";
import type { Lang } from "../issues/issue";

/** The label of a draw that was not made by DRP-1 but imported from a platform's drawn list. */
export const EXTERNAL_LABEL = "外部抽取";

/** One current target of a draw: substitutes in, replaced targets out, reserves not counted. */
export interface YearDrawTarget {
  uscc: string;
  name: string;
  /** 抽取层 as drawn (重点 or a grade); null when a platform list gives none */
  stratum: Stratum | null;
  /** 信用风险等级 at the time of the draw; null: the registry's grade is used */
  grade: Grade | null;
  /** the departments that inspect this target (its team) */
  departments: string[];
}

/** 本年度有效抽取: one draw in effect (有效), own or external. */
export interface YearDraw {
  /** the result sheet (or, for an external draw, the sheet its list was imported from) */
  sheet: string;
  taskId: string;
  taskName: string;
  /** draw date, China time */
  date: IsoDate;
  /** the task's item ids */
  itemIds: string[];
  /** the task's departments, lead first */
  departments: string[];
  /** 外部抽取: imported from a platform, not a DRP-1 draw */
  external: boolean;
  /**
   * Drawn stratified by credit-risk grade (分级分类抽查). Every DRP-1 draw is (its strata are the
   * grades, 重点 aside); an external draw when its platform list says so.
   */
  byGrade: boolean;
  targets: YearDrawTarget[];
}

export interface YearInput {
  year: number;
  /** China date the figures are as of (deadlines, lateness) */
  today: IsoDate;
  /** every row of 检查对象名录库, as it stands */
  registry: readonly Target[];
  /** 抽查事项清单 */
  items: readonly Checkpoint[];
  /** 年度抽查计划 (rows of other years are ignored) */
  plan: readonly PlanBatch[];
  /** the draws in effect (draws of other years are ignored) */
  draws: readonly YearDraw[];
  /** 检查结果 rows (rows of other tasks are ignored) */
  results: readonly InspectionResult[];
  calendar: Calendar;
  /** the yearly share the clerk sets, in basis points (5% = 500); default DEFAULT_SHARE */
  share?: number;
  /**
   * Only draws dated in this span count (a half-year report: from 01-01 to 06-30); default the
   * whole year. Both ends included.
   */
  period?: { from: IsoDate; to: IsoDate };
  /** 单位信息, for the authorities' full names on reports */
  units?: readonly Unit[];
  lang?: Lang;
}

/** The lowest yearly share the seeds name (新华区 2026, 邢台 2022, the provincial 3% of 平顶山 2021). */
export const DEFAULT_SHARE = 300;

/** The year of a 'YYYY-MM-DD' date. */
export const yearOfDate = (date: IsoDate): number => Number(date.slice(0, 4));
