// From valid table rows to model objects, one function per sheet kind.
import { shapedInspector, shapedTarget } from "../model";
import type {
  Checkpoint,
  Grade,
  HolidayOverride,
  InspectionResult,
  Inspector,
  PlanBatch,
  Target,
  Task,
  Unit,
} from "../model";
import type {
  HOLIDAY_COLUMNS,
  INSPECTOR_COLUMNS,
  ITEM_COLUMNS,
  PLAN_COLUMNS,
  RESULT_COLUMNS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  UNIT_COLUMNS,
} from "./columns";
import type { TableRow } from "./table";

type KeyOf<C extends readonly { key: string }[]> = C[number]["key"];

export function toCheckpoint(r: TableRow<KeyOf<typeof ITEM_COLUMNS>>): Checkpoint {
  return { ...(r.values as Omit<Checkpoint, "row">), row: r.row };
}

export function toTarget(r: TableRow<KeyOf<typeof TARGET_COLUMNS>>): Target {
  return shapedTarget(r.values as Omit<Target, "row">, r.row);
}

export function toInspector(r: TableRow<KeyOf<typeof INSPECTOR_COLUMNS>>): Inspector {
  return shapedInspector(r.values as Omit<Inspector, "row">, r.row);
}

export function toHoliday(r: TableRow<KeyOf<typeof HOLIDAY_COLUMNS>>): HolidayOverride {
  return { ...(r.values as Omit<HolidayOverride, "row">), row: r.row };
}

export function toResult(r: TableRow<KeyOf<typeof RESULT_COLUMNS>>): InspectionResult {
  return { ...(r.values as Omit<InspectionResult, "row">), row: r.row };
}

export function toUnit(r: TableRow<KeyOf<typeof UNIT_COLUMNS>>): Unit {
  return { ...(r.values as Omit<Unit, "row">), row: r.row };
}

export function toPlan(r: TableRow<KeyOf<typeof PLAN_COLUMNS>>): PlanBatch {
  return { ...(r.values as Omit<PlanBatch, "row">), row: r.row };
}

const perGrade = (v: Record<string, unknown>, prefix: "ratio" | "count"): Record<Grade, number> => ({
  A: v[`${prefix}A`] as number,
  B: v[`${prefix}B`] as number,
  C: v[`${prefix}C`] as number,
  D: v[`${prefix}D`] as number,
});

export function toTask(r: TableRow<KeyOf<typeof TASK_COLUMNS>>): Task {
  const v = r.values;
  return {
    id: v.id as string,
    name: v.name as string,
    leadDepartment: v.leadDepartment as string,
    departments: v.departments as string[],
    itemIds: v.itemIds as string[],
    categories: v.categories as string[],
    mode: v.mode as Task["mode"],
    ratios: v.mode === "ratio" ? perGrade(v, "ratio") : null,
    counts: v.mode === "count" ? perGrade(v, "count") : null,
    priorityRatio: v.priorityRatio as number | null,
    minRatio: v.minRatio as number | null,
    perDepartment: v.perDepartment as number,
    rotate: v.rotate as boolean,
    excludeUpper: v.excludeUpper as boolean,
    cooldownDays: v.cooldownDays as number,
    reserves: v.reserves as number,
    crossArea: v.crossArea as boolean,
    startDate: v.startDate as string,
    endDate: v.endDate as string,
    row: r.row,
  };
}
