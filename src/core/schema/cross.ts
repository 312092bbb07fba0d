// Rules across sheets: departments, items and categories that tasks name must exist elsewhere in
// the workbook. Names are matched by nameKey and rewritten to the spelling of the sheet that
// defines them (departments: the inspector registry; items: the item list; categories: the
// target registry), so that later steps can compare them exactly.
import { issue, type Issue, type Lang } from "../issues/issue";
import type { INSPECTOR_COLUMNS, ITEM_COLUMNS, TARGET_COLUMNS, TASK_COLUMNS } from "./columns";
import { nameKey } from "./normalize";
import type { Table, TableRow } from "./table";

type Key<C extends readonly { key: string }[]> = C[number]["key"];
type ItemTable = Table<Key<typeof ITEM_COLUMNS>>;
type TargetTable = Table<Key<typeof TARGET_COLUMNS>>;
type InspectorTable = Table<Key<typeof INSPECTOR_COLUMNS>>;
type TaskTable = Table<Key<typeof TASK_COLUMNS>>;

/** Spelling by nameKey, first seen first. */
export function spellings(values: Iterable<string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of values) {
    const k = nameKey(v);
    if (k !== "" && !m.has(k)) m.set(k, v);
  }
  return m;
}

export function* stringsOf<K extends string>(rows: TableRow<K>[], key: K): Generator<string> {
  for (const r of rows) {
    const v = r.values[key];
    if (typeof v === "string") yield v;
    else if (Array.isArray(v)) for (const s of v) if (typeof s === "string") yield s;
  }
}

export const nonEmpty = (m: Map<string, string>) => (m.size ? m : null);

/** Up to ten names of a map, for a message. */
export const shortList = (m: Map<string, string>) => {
  const all = [...m.values()];
  return all.length > 10 ? `${all.slice(0, 10).join("、")}…` : all.join("、");
};

export interface CrossInput {
  items: ItemTable | null;
  targets: TargetTable | null;
  inspectors: InspectorTable | null;
  tasks: TaskTable | null;
  lang: Lang;
}

/** Runs the cross-sheet rules; rewrites names to their defining spelling; marks error rows not ok. */
export function checkCrossSheet({ items, targets, inspectors, tasks, lang }: CrossInput): Issue[] {
  const out: Issue[] = [];
  const add = (r: TableRow<string>, i: Issue) => {
    if (i.severity === "error") r.ok = false;
    out.push(i);
  };
  // Departments are known from every inspector row that names one, valid or not, so that one bad
  // inspector row does not also make its department unknown everywhere.
  // An empty or unreadable registry is reported on its own; checking against it would only
  // repeat that report at every department.
  const departments = inspectors ? nonEmpty(spellings(stringsOf(inspectors.rows, "department"))) : null;
  const categories = targets ? nonEmpty(spellings(stringsOf(targets.rows, "category"))) : null;
  const canonical = (m: Map<string, string> | null, v: string) => m?.get(nameKey(v)) ?? v;

  if (inspectors && departments)
    for (const r of inspectors.rows)
      if (typeof r.values.department === "string") r.values.department = canonical(departments, r.values.department);

  if (items) {
    for (const r of items.rows) {
      const v = r.values;
      if (Array.isArray(v.categories)) v.categories = (v.categories as string[]).map((c) => canonical(categories, c));
      if (typeof v.department !== "string" || !departments) continue;
      const known = departments.get(nameKey(v.department));
      if (known) v.department = known;
      else
        add(
          r,
          issue(
            "unknown_department",
            place(items, r, "department", "部门"),
            { sheet: items.sheet, value: v.department, known: shortList(departments) },
            lang,
          ),
        );
    }
  }

  if (!tasks) return out;
  // Item id → the departments that have checkpoints for it (every item row that has both).
  const itemIds = items ? nonEmpty(spellings(stringsOf(items.rows, "itemId"))) : null;
  const itemDepartments = new Map<string, Set<string>>();
  if (items)
    for (const r of items.rows) {
      const { itemId, department } = r.values;
      if (typeof itemId !== "string" || typeof department !== "string") continue;
      const k = nameKey(itemId);
      let set = itemDepartments.get(k);
      if (!set) itemDepartments.set(k, (set = new Set()));
      set.add(nameKey(department));
    }
  // Active officers per department (valid rows only: these are who can be drawn).
  const officers = new Map<string, number>();
  const officerSpecialties = new Map<string, string[][]>();
  if (inspectors)
    for (const r of inspectors.rows)
      if (r.ok && r.values.status === "在岗" && r.values.role === "执法人员") {
        const k = nameKey(r.values.department as string);
        officers.set(k, (officers.get(k) ?? 0) + 1);
        const list = officerSpecialties.get(k) ?? [];
        list.push(Array.isArray(r.values.specialties) ? (r.values.specialties as string[]) : []);
        officerSpecialties.set(k, list);
      }
  // The specialties a department's checkpoints of an item need, as DRP-1 step 5 compares them
  // (exactly, on valid item rows).
  const itemSpecialties = new Map<string, Map<string, Set<string>>>();
  if (items)
    for (const r of items.rows) {
      const { itemId, department, specialty } = r.values;
      if (!r.ok || typeof itemId !== "string" || typeof department !== "string") continue;
      if (typeof specialty !== "string" || specialty === "") continue;
      const byDepartment = itemSpecialties.get(nameKey(itemId)) ?? new Map<string, Set<string>>();
      itemSpecialties.set(nameKey(itemId), byDepartment);
      const set = byDepartment.get(department) ?? new Set<string>();
      byDepartment.set(department, set);
      set.add(specialty);
    }

  for (const r of tasks.rows) {
    const v = r.values;
    const sheet = tasks.sheet;
    const taskDepartments = Array.isArray(v.departments) ? (v.departments as string[]) : [];
    const knownDepartments: string[] = [];
    if (departments) {
      const resolved: string[] = [];
      for (const d of taskDepartments) {
        const known = departments.get(nameKey(d));
        if (known) {
          resolved.push(known);
          knownDepartments.push(known);
        } else {
          resolved.push(d);
          add(
            r,
            issue(
              "unknown_department",
              place(tasks, r, "departments", "参与部门"),
              { sheet, value: d, known: shortList(departments) },
              lang,
            ),
          );
        }
      }
      v.departments = resolved;
      if (typeof v.leadDepartment === "string") {
        const known = departments.get(nameKey(v.leadDepartment));
        if (known) v.leadDepartment = known;
        else
          add(
            r,
            issue(
              "unknown_department",
              place(tasks, r, "leadDepartment", "牵头部门"),
              { sheet, value: v.leadDepartment, known: shortList(departments) },
              lang,
            ),
          );
      }
    }
    if (typeof v.leadDepartment === "string" && taskDepartments.length) {
      const lead = nameKey(v.leadDepartment);
      if (!(v.departments as string[]).some((d) => nameKey(d) === lead))
        add(
          r,
          issue(
            "lead_not_in_departments",
            place(tasks, r, "leadDepartment", "牵头部门"),
            { sheet, value: v.leadDepartment, departments: (v.departments as string[]).join("、") },
            lang,
          ),
        );
    }

    if (itemIds && Array.isArray(v.itemIds)) {
      const resolved: string[] = [];
      const covered = new Set<string>();
      for (const id of v.itemIds as string[]) {
        const k = nameKey(id);
        const known = itemIds.get(k);
        resolved.push(known ?? id);
        if (!known)
          add(
            r,
            issue(
              "unknown_item",
              place(tasks, r, "itemIds", "抽查事项"),
              { sheet, value: id, known: shortList(itemIds) },
              lang,
            ),
          );
        else for (const d of itemDepartments.get(k) ?? []) covered.add(d);
      }
      v.itemIds = resolved;
      for (const d of knownDepartments)
        if (!covered.has(nameKey(d)))
          add(
            r,
            issue(
              "department_without_item",
              place(tasks, r, "itemIds", "抽查事项"),
              { sheet, department: d, items: resolved.join("、") },
              lang,
            ),
          );
    }

    if (inspectors && typeof v.perDepartment === "number")
      for (const d of knownDepartments) {
        const count = officers.get(nameKey(d)) ?? 0;
        if (count < v.perDepartment) {
          add(
            r,
            issue(
              "too_few_inspectors",
              place(tasks, r, "departments", "参与部门"),
              { sheet, department: d, count, needed: v.perDepartment },
              lang,
            ),
          );
          continue;
        }
        // Who could ever be picked for this department: on duty, an officer, with a specialty
        // its items need. Recusal, rotation and cross-area depend on the target and are not counted.
        const needed = new Set<string>();
        for (const id of Array.isArray(v.itemIds) ? (v.itemIds as string[]) : [])
          for (const sp of itemSpecialties.get(nameKey(id))?.get(d) ?? []) needed.add(sp);
        if (needed.size === 0) continue;
        const qualified = (officerSpecialties.get(nameKey(d)) ?? []).filter((list) =>
          list.some((sp) => needed.has(sp)),
        ).length;
        if (qualified < v.perDepartment)
          add(
            r,
            issue(
              "team_never_formed",
              place(tasks, r, "departments", "参与部门"),
              { sheet, department: d, specialties: [...needed].join("、"), count: qualified, needed: v.perDepartment },
              lang,
            ),
          );
      }

    if (categories && Array.isArray(v.categories)) {
      const resolved: string[] = [];
      for (const c of v.categories as string[]) {
        const known = categories.get(nameKey(c));
        resolved.push(known ?? c);
        if (!known)
          add(
            r,
            issue(
              "category_unknown",
              place(tasks, r, "categories", "对象类别"),
              { sheet, value: c, known: shortList(categories) },
              lang,
            ),
          );
      }
      v.categories = resolved;
    }
  }
  return out;
}

export function place<K extends string>(table: Table<K>, r: TableRow<K>, key: K, header: string) {
  const p = table.columns[key];
  return { sheet: table.sheet, row: r.row, column: p?.header ?? header, columnIndex: p?.index };
}
