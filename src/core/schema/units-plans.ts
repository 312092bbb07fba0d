// Rules of the two optional sheets that describe the year's work rather than a draw: 单位信息
// (one row per department) and 年度抽查计划 (the batches of the year's plan).
import { issue, type Issue, type Lang } from "../issues/issue";
import type {
  INSPECTOR_COLUMNS,
  ITEM_COLUMNS,
  PLAN_COLUMNS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  UNIT_COLUMNS,
} from "./columns";
import { nonEmpty, place, shortList, spellings, stringsOf } from "./cross";
import { nameKey } from "./normalize";
import type { Table, TableRow } from "./table";
import { checkUnique } from "./unique";

type Key<C extends readonly { key: string }[]> = C[number]["key"];

export interface UnitsPlansInput {
  units: Table<Key<typeof UNIT_COLUMNS>> | null;
  plans: Table<Key<typeof PLAN_COLUMNS>> | null;
  items: Table<Key<typeof ITEM_COLUMNS>> | null;
  targets: Table<Key<typeof TARGET_COLUMNS>> | null;
  inspectors: Table<Key<typeof INSPECTOR_COLUMNS>> | null;
  tasks: Table<Key<typeof TASK_COLUMNS>> | null;
  lang: Lang;
}

/**
 * 单位信息: one row per department (a repeat is an error); a department the inspector registry
 * does not know is a warning, since its row is then never used and harms no draw. 年度抽查计划: a
 * ratio or a count (one of them), end ≥ start within the year, departments and items the workbook
 * knows (errors, as on the task sheet), categories and task ids it knows (warnings: task ids are
 * filled in as the year goes). Names are rewritten to their defining spelling.
 */
export function checkUnitsAndPlans(input: UnitsPlansInput): Issue[] {
  const { units, plans, items, targets, inspectors, tasks, lang } = input;
  const out: Issue[] = [];
  const add = (r: TableRow<string>, i: Issue) => {
    if (i.severity === "error") r.ok = false;
    out.push(i);
  };
  const departments = inspectors ? nonEmpty(spellings(stringsOf(inspectors.rows, "department"))) : null;

  if (units) {
    out.push(
      ...checkUnique(units, "department", "部门", "unit_duplicate", lang, (r) =>
        typeof r.values.department === "string" && r.values.department !== "" ? nameKey(r.values.department) : null,
      ),
    );
    for (const r of units.rows) {
      const d = r.values.department;
      if (typeof d !== "string" || !departments) continue;
      const known = departments.get(nameKey(d));
      if (known) r.values.department = known;
      else
        add(
          r,
          issue(
            "unit_department_unknown",
            place(units, r, "department", "部门"),
            { sheet: units.sheet, value: d, known: shortList(departments) },
            lang,
          ),
        );
    }
  }

  if (!plans) return out;
  const sheet = plans.sheet;
  const itemIds = items ? nonEmpty(spellings(stringsOf(items.rows, "itemId"))) : null;
  const categories = targets ? nonEmpty(spellings(stringsOf(targets.rows, "category"))) : null;
  const taskIds = tasks ? spellings(stringsOf(tasks.rows, "id")) : null;
  for (const r of plans.rows) {
    const v = r.values;
    const ratioCell = r.cells.plannedRatio;
    const countCell = r.cells.plannedCount;
    const filled = (c: unknown) => c !== null && c !== undefined && !(typeof c === "string" && c.trim() === "");
    if (!filled(ratioCell) && !filled(countCell))
      add(r, issue("plan_target_missing", place(plans, r, "plannedRatio", "计划抽查比例"), { sheet }, lang));
    else if (filled(ratioCell) && filled(countCell))
      add(r, issue("plan_target_both", place(plans, r, "plannedCount", "计划抽查户数"), { sheet }, lang));

    if (typeof v.start === "string" && typeof v.end === "string") {
      if (v.end < v.start)
        add(
          r,
          issue(
            "plan_end_before_start",
            place(plans, r, "end", "计划结束日期"),
            { sheet, start: v.start, end: v.end },
            lang,
          ),
        );
      else if (
        typeof v.year === "number" &&
        (v.start.slice(0, 4) !== String(v.year) || v.end.slice(0, 4) !== String(v.year))
      )
        add(
          r,
          issue(
            "plan_outside_year",
            place(plans, r, "start", "计划开始日期"),
            { sheet, start: v.start, end: v.end, year: v.year },
            lang,
          ),
        );
    }

    if (typeof v.department === "string" && departments) {
      const known = departments.get(nameKey(v.department));
      if (known) v.department = known;
      else
        add(
          r,
          issue(
            "unknown_department",
            place(plans, r, "department", "部门"),
            { sheet, value: v.department, known: shortList(departments) },
            lang,
          ),
        );
    }
    if (Array.isArray(v.itemIds) && itemIds)
      v.itemIds = (v.itemIds as string[]).map((id) => {
        const known = itemIds.get(nameKey(id));
        if (!known)
          add(
            r,
            issue(
              "unknown_item",
              place(plans, r, "itemIds", "抽查事项"),
              { sheet, value: id, known: shortList(itemIds) },
              lang,
            ),
          );
        return known ?? id;
      });
    if (Array.isArray(v.categories) && categories)
      v.categories = (v.categories as string[]).map((c) => {
        const known = categories.get(nameKey(c));
        if (!known)
          add(
            r,
            issue(
              "category_unknown",
              place(plans, r, "categories", "对象类别"),
              { sheet, value: c, known: shortList(categories) },
              lang,
            ),
          );
        return known ?? c;
      });
    if (Array.isArray(v.taskIds) && taskIds)
      v.taskIds = (v.taskIds as string[]).map((id) => {
        const known = taskIds.get(nameKey(id));
        if (!known)
          add(
            r,
            issue(
              "plan_task_unknown",
              place(plans, r, "taskIds", "任务编号"),
              { sheet, value: id, known: shortList(taskIds) || "—" },
              lang,
            ),
          );
        return known ?? id;
      });
  }
  return out;
}
