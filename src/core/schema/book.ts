// parseBook: every input sheet of a workbook read into the model, with every problem found
// (not only the first) as issues, errors apart from warnings. Rows with an error are left out.
import type { Checkpoint, HolidayOverride, InspectionResult, Inspector, PlanBatch, Target, Task, Unit } from "../model";
import { issue, sortIssues, type Issue, type Lang } from "../issues/issue";
import type { SheetData } from "../sheet";
import {
  HOLIDAY_COLUMNS,
  INSPECTOR_COLUMNS,
  ITEM_COLUMNS,
  PLAN_COLUMNS,
  RESULT_COLUMNS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  UNIT_COLUMNS,
} from "./columns";
import { checkCrossSheet } from "./cross";
import { nameKey } from "./normalize";
import { toCheckpoint, toHoliday, toInspector, toPlan, toResult, toTarget, toTask, toUnit } from "./rows";
import { findSheet, REQUIRED_SHEETS, SHEET_KINDS, SHEET_NAMES, type SheetKind } from "./sheets";
import { readTable, type Table } from "./table";
import { checkTaskRows } from "./task-rules";
import { checkUnique } from "./unique";
import { checkUnitsAndPlans } from "./units-plans";
import { pushAll } from "../push-all";

export interface ParseOptions {
  lang?: Lang;
  /** which workbook sheet is which kind, when the names do not say it */
  sheetMap?: Partial<Record<SheetKind, string>>;
  /** kinds whose absence is an error; default items, targets, inspectors, tasks */
  requireSheets?: SheetKind[];
}

/** 工作簿: what a workbook's input sheets hold, and what is wrong with them. */
export interface Book {
  items: Checkpoint[];
  targets: Target[];
  inspectors: Inspector[];
  tasks: Task[];
  holidays: HolidayOverride[];
  results: InspectionResult[];
  /** 单位信息, one per department (empty when the workbook has no such sheet) */
  units: Unit[];
  /** 年度抽查计划 batches (empty when the workbook has no such sheet) */
  plans: PlanBatch[];
  /** the workbook sheet read for each kind, or null when absent */
  sheets: Record<SheetKind, string | null>;
  errors: Issue[];
  warnings: Issue[];
}

export function parseBook(sheets: SheetData[], options: ParseOptions = {}): Book {
  const lang = options.lang ?? "zh";
  const required = new Set(options.requireSheets ?? REQUIRED_SHEETS);
  const issues: Issue[] = [];
  const found = {} as Record<SheetKind, SheetData | null>;

  for (const kind of SHEET_KINDS) {
    const choice = findSheet(sheets, kind, options.sheetMap?.[kind]);
    found[kind] = choice.sheet;
    const names = SHEET_NAMES[kind];
    if (choice.mappedMissing !== null)
      issues.push(issue("sheet_missing", {}, { expected: choice.mappedMissing, alias: names.zh }, lang));
    else if (!choice.sheet && required.has(kind))
      issues.push(issue("sheet_missing", {}, { expected: names.zh, alias: names.alias }, lang));
    for (const other of choice.ignored)
      issues.push(
        issue(
          "sheet_duplicate",
          { sheet: other },
          { sheet: other, used: choice.sheet?.name ?? "", kind: names.zh },
          lang,
        ),
      );
  }

  const read = <K extends string>(
    kind: SheetKind,
    columns: readonly import("./columns").ColumnDef<K>[],
  ): Table<K> | null => {
    const sheet = found[kind];
    if (!sheet) return null;
    // the rules that read cells as typed are the tasks' and the plans'
    const keepCells = kind !== "targets";
    const t = readTable(sheet, columns, SHEET_NAMES[kind].zh, { lang, allowEmpty: !required.has(kind), keepCells });
    pushAll(issues, t.issues);
    return t;
  };
  const items = read("items", ITEM_COLUMNS);
  const targets = read("targets", TARGET_COLUMNS);
  const inspectors = read("inspectors", INSPECTOR_COLUMNS);
  const tasks = read("tasks", TASK_COLUMNS);
  const holidays = read("holidays", HOLIDAY_COLUMNS);
  const results = read("results", RESULT_COLUMNS);
  const units = read("units", UNIT_COLUMNS);
  const plans = read("plans", PLAN_COLUMNS);

  if (targets) pushAll(issues, checkUnique(targets, "uscc", "统一社会信用代码", "duplicate_id", lang));
  if (inspectors) pushAll(issues, checkUnique(inspectors, "id", "执法证号", "duplicate_id", lang));
  if (tasks) issues.push(...checkUnique(tasks, "id", "任务编号", "duplicate_id", lang));
  if (items)
    issues.push(
      ...checkUnique(
        items,
        "checkpoint",
        "检查要点",
        "duplicate_checkpoint",
        lang,
        (r) =>
          typeof r.values.itemId === "string" && typeof r.values.checkpoint === "string" && r.values.checkpoint !== ""
            ? `${nameKey(r.values.itemId)}\u0000${nameKey(r.values.checkpoint)}`
            : null,
        (r) => `${String(r.values.itemId)} ${String(r.values.checkpoint)}`,
      ),
    );
  if (tasks) pushAll(issues, checkTaskRows(tasks, lang));
  pushAll(issues, checkCrossSheet({ items, targets, inspectors, tasks, lang }));
  pushAll(issues, checkUnitsAndPlans({ units, plans, items, targets, inspectors, tasks, lang }));

  const valid = <K extends string, T>(t: Table<K> | null, f: (r: Table<K>["rows"][number]) => T): T[] =>
    t ? t.rows.filter((r) => r.ok).map(f) : [];
  const order = ["", ...SHEET_KINDS.map((k) => found[k]?.name ?? "")].filter((n, i, a) => a.indexOf(n) === i);
  const sorted = sortIssues(issues, order);
  return {
    items: valid(items, toCheckpoint),
    targets: valid(targets, toTarget),
    inspectors: valid(inspectors, toInspector),
    tasks: valid(tasks, toTask),
    holidays: valid(holidays, toHoliday),
    results: valid(results, toResult),
    units: valid(units, toUnit),
    plans: valid(plans, toPlan),
    sheets: Object.fromEntries(SHEET_KINDS.map((k) => [k, found[k]?.name ?? null])) as Record<SheetKind, string | null>,
    errors: sorted.filter((i) => i.severity === "error"),
    warnings: sorted.filter((i) => i.severity === "warning"),
  };
}
