// The sheets a clerk keeps, by kind: the Chinese name clerks type and an English alias, and how
// a workbook's sheet is found for a kind.
import type { SheetData } from "../sheet";
import { nameKey } from "./normalize";

/**
 * The kinds of input sheet: 抽查事项清单, 检查对象名录库, 执法检查人员名录库, 抽查任务, 节假日, 检查结果,
 * 单位信息, 年度抽查计划.
 */
export type SheetKind = "items" | "targets" | "inspectors" | "tasks" | "holidays" | "results" | "units" | "plans";

export const SHEET_KINDS: readonly SheetKind[] = [
  "items",
  "targets",
  "inspectors",
  "tasks",
  "holidays",
  "results",
  "units",
  "plans",
];

/** Chinese name and English alias of each sheet kind. */
export const SHEET_NAMES: Record<SheetKind, { zh: string; alias: string }> = {
  items: { zh: "抽查事项清单", alias: "items" },
  targets: { zh: "检查对象名录库", alias: "targets" },
  inspectors: { zh: "执法检查人员名录库", alias: "inspectors" },
  tasks: { zh: "抽查任务", alias: "tasks" },
  holidays: { zh: "节假日", alias: "holidays" },
  results: { zh: "检查结果", alias: "results" },
  units: { zh: "单位信息", alias: "units" },
  plans: { zh: "年度抽查计划", alias: "plan" },
};

/** Sheets that must be present unless the caller says otherwise. */
export const REQUIRED_SHEETS: readonly SheetKind[] = ["items", "targets", "inspectors", "tasks"];

export interface SheetChoice {
  /** the sheet used, or null when none matched */
  sheet: SheetData | null;
  /** further sheets that matched the same kind and were not used */
  ignored: string[];
  /** the name the caller mapped to this kind, when that sheet does not exist */
  mappedMissing: string | null;
}

/**
 * The sheet for a kind: the one named in sheetMap (by exact name, else by nameKey), else one whose
 * name matches the Chinese name, else one matching the alias.
 */
export function findSheet(sheets: readonly SheetData[], kind: SheetKind, mapped?: string): SheetChoice {
  if (mapped !== undefined && mapped !== "") {
    const exact = sheets.find((s) => s.name === mapped) ?? sheets.find((s) => nameKey(s.name) === nameKey(mapped));
    return { sheet: exact ?? null, ignored: [], mappedMissing: exact ? null : mapped };
  }
  const zh = nameKey(SHEET_NAMES[kind].zh);
  const alias = nameKey(SHEET_NAMES[kind].alias);
  const matches = [...sheets.filter((s) => nameKey(s.name) === zh), ...sheets.filter((s) => nameKey(s.name) === alias)];
  return { sheet: matches[0] ?? null, ignored: matches.slice(1).map((s) => s.name), mappedMissing: null };
}
