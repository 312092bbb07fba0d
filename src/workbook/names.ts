// Names of the sheets the software writes. Excel limits a sheet name to 31 characters and
// forbids : \ / ? * [ ] and a leading or trailing apostrophe.

import {
  LIST_PUBLICITY_PREFIX,
  RESULT_PUBLICITY_PREFIX,
  RESULTS_SHEET,
  STATISTICS_SHEET,
  TRACKER_PREFIX,
} from "../core/publicity";
import { CONFIRMATION_PREFIX, FREEZE_NOTICE_PREFIX, NOTICE_PREFIX, RECORD_PREFIX } from "../core/papers";
import { YEAR_DETAIL_SHEET, YEAR_SHEET } from "../core/year/sheets";
import { NATIONAL_SHEET } from "../core/platform/export";

// the publicity's and the papers' sheet names are the core's (its sheets and issues name them)
export { LIST_PUBLICITY_PREFIX, RESULT_PUBLICITY_PREFIX, RESULTS_SHEET, STATISTICS_SHEET, TRACKER_PREFIX };
export { CONFIRMATION_PREFIX, FREEZE_NOTICE_PREFIX, NOTICE_PREFIX, RECORD_PREFIX };
export const LOG_SHEET = "抽取记录";
export const RESULT_PREFIX = "抽取结果-";
export const SNAPSHOT_PREFIX = "抽取快照-";
export const CHECKLIST_PREFIX = "一企一表-";
/** the protected list sheet of a draw imported from a platform (外部抽取) */
export const EXTERNAL_PREFIX = "外部名单-";

const MAX = 31;

/** Replaces forbidden characters and trims to Excel's 31-character limit. */
export function cleanSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, "_").replace(/^'+|'+$/g, "");
  return [...s].slice(0, MAX).join("");
}

/**
 * `<prefix><task>-<n>` with n one more than the highest already present for that prefix and
 * task; the task part is shortened when the whole would exceed 31 characters.
 */
export function numberedSheetName(prefix: string, taskId: string, existing: string[]): string {
  const folded = new Set(existing.map((n) => n.toLowerCase()));
  const base = (task: string) => cleanSheetName(`${prefix}${task}-`);
  let n = 1;
  for (const name of existing) {
    const b = base(taskId);
    if (name.startsWith(b)) {
      const k = Number(name.slice(b.length));
      if (Number.isInteger(k) && k >= n) n = k + 1;
    }
  }
  for (;;) {
    const suffix = String(n);
    let task = taskId;
    while ([...`${prefix}${task}-${suffix}`].length > MAX && task.length > 0) task = [...task].slice(0, -1).join("");
    const name = cleanSheetName(`${prefix}${task}-${suffix}`);
    if (!folded.has(name.toLowerCase())) return name;
    n++;
  }
}

/** A sheet name for a task-level sheet (`<prefix><task>`), unique among `existing`. */
export function taskSheetName(prefix: string, taskId: string, existing: string[]): string {
  const folded = new Set(existing.map((n) => n.toLowerCase()));
  const first = cleanSheetName(`${prefix}${taskId}`);
  if (!folded.has(first.toLowerCase())) return first;
  return numberedSheetName(prefix, taskId, existing);
}

/** The year view's sheets and the national export (core/year, core/platform). */
const YEAR_SHEETS = [YEAR_SHEET, YEAR_DETAIL_SHEET, NATIONAL_SHEET];
const YEAR_PREFIXES = ["半年情况报告-", "全年情况报告-", "检查案件查处汇总表-", "上年处罚整改落实-"];

/** True for the sheets the software writes (never read as registries). */
export function isGeneratedSheet(name: string): boolean {
  return (
    name === LOG_SHEET ||
    name === STATISTICS_SHEET ||
    YEAR_SHEETS.includes(name) ||
    [
      RESULT_PREFIX,
      SNAPSHOT_PREFIX,
      EXTERNAL_PREFIX,
      CHECKLIST_PREFIX,
      LIST_PUBLICITY_PREFIX,
      RESULT_PUBLICITY_PREFIX,
      TRACKER_PREFIX,
      RECORD_PREFIX,
      FREEZE_NOTICE_PREFIX,
      NOTICE_PREFIX,
      CONFIRMATION_PREFIX,
      ...YEAR_PREFIXES,
    ].some((p) => name.startsWith(p))
  );
}
