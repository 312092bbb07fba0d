// 外部抽取: a drawn list exported by a platform ("平台之外无抽查", 邢台 2022), read into an external
// task's drawn targets. Not a DRP-1 draw: it is recorded as the platform drew it, marked 外部抽取,
// and its results, publicity, deadlines and statistics then work as for the tool's own draws.
import type { Checkpoint, Grade, Inspector, IsoDate, Target, Unit } from "../model";
import type { SheetData } from "../sheet";
import { issue, type Issue, type Lang } from "../issues/issue";
import { readTable } from "../schema/table";
import { nameKey, nfkcTrim } from "../schema/normalize";
import { isEmptyCell } from "../schema/values";
import { EXTERNAL_LABEL, type YearDraw, type YearDrawTarget } from "../year/input";
import { PLATFORM_FIELDS, platformColumnDefs, type PlatformKey } from "./columns";

/** One inspector as the list names it, with the registry's id when found. */
export interface ListedInspector {
  text: string;
  id: string | null;
}

export interface ExternalTarget extends YearDrawTarget {
  teams: { department: string; inspectors: ListedInspector[] }[];
  itemIds: string[];
  /** the list's rows (1-based) this target was read from */
  rows: number[];
}

export interface ExternalDraw extends YearDraw {
  external: true;
  /** where the list came from, e.g. 河北省双随机执法监管平台 */
  source: string;
  /** '外部抽取' */
  protocol: typeof EXTERNAL_LABEL;
  targets: ExternalTarget[];
}

export interface PlatformImportOptions {
  /** the external task's id and name, when the list does not carry them (an id given wins) */
  taskId?: string;
  taskName?: string;
  /** the draw date, when the list has no 抽取日期 */
  date?: IsoDate;
  source?: string;
  /** the sheet name the draw is known by (default: the list's sheet) */
  drawSheet?: string;
  registry: readonly Target[];
  items: readonly Checkpoint[];
  inspectors: readonly Inspector[];
  units?: readonly Unit[];
  /** drawn stratified by credit-risk grade; default: when every row of the list carries a grade */
  byGrade?: boolean;
  lang?: Lang;
}

export interface PlatformImport {
  /** null when the list has an error: nothing is imported */
  draw: ExternalDraw | null;
  issues: Issue[];
  /** the header each field was found under */
  columns: Partial<Record<PlatformKey, string>>;
}

const REQUIRED: PlatformKey[] = ["uscc", "name", "items"];

export function importPlatformList(sheet: SheetData, options: PlatformImportOptions): PlatformImport {
  const { registry, items, inspectors, units = [], lang = "zh" } = options;
  const table = readTable(sheet, platformColumnDefs(), sheet.name, { lang });
  const issues: Issue[] = [...table.issues];
  const sheetName = table.sheet;
  const columns: Partial<Record<PlatformKey, string>> = {};
  for (const f of PLATFORM_FIELDS) if (table.columns[f.key]) columns[f.key] = table.columns[f.key]!.header;
  const fail = (): PlatformImport => ({ draw: null, issues, columns });
  if (table.headerRow === null) return fail();

  const headerMissing = (key: PlatformKey) => {
    const f = PLATFORM_FIELDS.find((x) => x.key === key)!;
    issues.push(
      issue(
        "header_missing",
        { sheet: sheetName, row: table.headerRow, column: f.header },
        { sheet: sheetName, column: f.header, alias: f.synonyms.filter((s) => /[^\x20-\x7e]/.test(s)).join("、") },
        lang,
      ),
    );
  };
  const before = issues.length;
  for (const key of REQUIRED) if (!table.columns[key]) headerMissing(key);
  if (!table.columns.date && !options.date)
    issues.push(issue("platform_date_missing", { sheet: sheetName, row: table.headerRow }, {}, lang));
  // without its columns the rows cannot be read; the cells' errors are all reported below
  if (issues.length > before) return fail();

  const at = (row: number, key: PlatformKey) => ({
    sheet: sheetName,
    row,
    column: table.columns[key]?.header ?? PLATFORM_FIELDS.find((f) => f.key === key)!.header,
    columnIndex: table.columns[key]?.index,
  });

  // departments known: the inspector registry's and the item list's, and 单位信息's full names
  const departmentBy = new Map<string, string>();
  for (const d of [...inspectors.map((i) => i.department), ...items.map((c) => c.department)])
    departmentBy.set(nameKey(d), d);
  for (const u of units) {
    departmentBy.set(nameKey(u.department), u.department);
    if (u.authority) departmentBy.set(nameKey(u.authority), u.department);
  }
  // items by id, else by name when the name is one item's only
  const itemById = new Map<string, string>();
  const itemsByName = new Map<string, Set<string>>();
  const itemDepartment = new Map<string, string>();
  for (const c of items) {
    itemById.set(nameKey(c.itemId), c.itemId);
    const k = nameKey(c.item);
    itemsByName.set(k, (itemsByName.get(k) ?? new Set()).add(c.itemId));
    if (!itemDepartment.has(c.itemId)) itemDepartment.set(c.itemId, c.department);
  }
  const itemOf = (text: string): string | null => {
    const byId = itemById.get(nameKey(text));
    if (byId) return byId;
    const named = itemsByName.get(nameKey(text));
    return named && named.size === 1 ? [...named][0] : null;
  };
  const inspectorById = new Map(inspectors.map((i) => [nfkcTrim(i.id), i]));
  const registryBy = new Map(registry.map((t) => [t.uscc, t]));

  const byUscc = new Map<string, ExternalTarget & { pairs: Map<string, number> }>();
  const dates = new Set<IsoDate>();
  const taskIds = new Set<string>();
  const taskNames = new Set<string>();
  let allGraded = true;

  const compared = new Set<string>();
  for (const r of table.rows) {
    const v = r.values as Record<PlatformKey, unknown>;
    let ok = r.ok;
    const uscc = v.uscc as string | null;
    const name = v.name as string;
    const empty = (key: PlatformKey) => isEmptyCell(r.cells[key] ?? null);
    const required = (key: PlatformKey) =>
      issues.push(issue("required_missing", at(r.row, key), { sheet: sheetName, column: at(r.row, key).column }, lang));
    if (uscc === null) {
      if (empty("uscc")) required("uscc");
      continue;
    }
    if (empty("name")) (required("name"), (ok = false));

    const itemIds: string[] = [];
    const itemTexts = v.items as string[];
    if (empty("items")) (required("items"), (ok = false));
    for (const text of itemTexts) {
      const id = itemOf(text);
      if (id === null) {
        issues.push(issue("platform_item_unknown", at(r.row, "items"), { value: text }, lang));
        ok = false;
      } else if (!itemIds.includes(id)) itemIds.push(id);
    }

    const departments: string[] = [];
    for (const text of v.departments as string[]) {
      const d = departmentBy.get(nameKey(text));
      if (d === undefined) {
        issues.push(issue("platform_department_unknown", at(r.row, "departments"), { value: text }, lang));
        ok = false;
      } else if (!departments.includes(d)) departments.push(d);
    }
    // a row without a department is inspected by its items' departments
    if ((v.departments as string[]).length === 0)
      for (const id of itemIds) {
        const d = itemDepartment.get(id);
        if (d && !departments.includes(d)) departments.push(d);
      }
    if (departments.length === 0 && ok) {
      issues.push(issue("platform_department_missing", at(r.row, "departments"), {}, lang));
      ok = false;
    }

    const date = (v.date as IsoDate | null) ?? options.date ?? null;
    if (date === null && empty("date")) (required("date"), (ok = false));
    const grade = v.grade as Grade | null;
    if (grade === null) allGraded = false;
    if (!r.ok || !ok) continue;
    dates.add(date!);
    if (v.taskId) taskIds.add(v.taskId as string);
    if (v.taskName) taskNames.add(v.taskName as string);

    const known = registryBy.get(uscc);
    // a joint target's rows (one per department) are compared with the registry once, at its first row
    const first = !compared.has(uscc);
    compared.add(uscc);
    if (first && !known)
      issues.push(
        issue("platform_target_unknown", at(r.row, "uscc"), { uscc, name, grade: grade ? ` ${grade}` : "不明" }, lang),
      );
    else if (first && known) {
      if (nameKey(known.name) !== nameKey(name))
        issues.push(
          issue("platform_name_differs", at(r.row, "name"), { uscc, registry: known.name, value: name }, lang),
        );
      if (grade !== null && grade !== known.riskGrade)
        issues.push(
          issue("platform_grade_differs", at(r.row, "grade"), { uscc, registry: known.riskGrade, value: grade }, lang),
        );
    }

    // inspectors: by 执法证号 (its own column, or an id in the names' column), else by name
    const texts = [...(v.inspectorIds as string[]), ...(v.inspectors as string[])];
    const listed: { department: string; who: ListedInspector }[] = [];
    const seenIds = new Set<string>();
    for (const text of texts) {
      const byId = inspectorById.get(nfkcTrim(text));
      const byName = byId
        ? [byId]
        : inspectors.filter((i) => nameKey(i.name) === nameKey(text) && departments.includes(i.department));
      const found = byName.length === 1 ? byName[0] : null;
      if (found && seenIds.has(found.id)) continue;
      if (found) seenIds.add(found.id);
      else
        issues.push(
          issue(
            "platform_inspector_unknown",
            at(r.row, v.inspectorIds && (v.inspectorIds as string[]).includes(text) ? "inspectorIds" : "inspectors"),
            { value: text, department: departments.join("、") },
            lang,
          ),
        );
      const department = found && departments.includes(found.department) ? found.department : departments[0];
      listed.push({ department, who: { text: found ? found.name : text, id: found ? found.id : null } });
    }

    let t = byUscc.get(uscc);
    if (!t) {
      t = {
        uscc,
        name,
        stratum: grade,
        grade,
        departments: [],
        teams: [],
        itemIds: [],
        rows: [],
        pairs: new Map(),
      };
      byUscc.set(uscc, t);
    }
    t.rows.push(r.row);
    if (t.grade === null && grade !== null) ((t.grade = grade), (t.stratum = grade));
    for (const id of itemIds) if (!t.itemIds.includes(id)) t.itemIds.push(id);
    for (const d of departments) {
      const first = t.pairs.get(d);
      if (first !== undefined && first !== r.row)
        issues.push(issue("platform_duplicate_row", at(r.row, "uscc"), { uscc, department: d, first }, lang));
      if (first === undefined) t.pairs.set(d, r.row);
      if (!t.departments.includes(d)) t.departments.push(d);
      let team = t.teams.find((x) => x.department === d);
      if (!team) t.teams.push((team = { department: d, inspectors: [] }));
      for (const l of listed)
        if (l.department === d && !team.inspectors.some((x) => x.text === l.who.text && x.id === l.who.id))
          team.inspectors.push(l.who);
    }
  }

  if (issues.some((i) => i.severity === "error")) return fail();
  if (byUscc.size === 0) {
    issues.push(issue("platform_no_rows", { sheet: sheetName }, { sheet: sheetName }, lang));
    return fail();
  }
  if (!options.taskId && taskIds.size > 1) {
    issues.push(
      issue("platform_tasks_differ", at(table.headerRow, "taskId"), { tasks: [...taskIds].join("、") }, lang),
    );
    return fail();
  }
  const taskId = options.taskId ?? [...taskIds][0];
  if (!taskId) {
    issues.push(issue("platform_task_id_missing", { sheet: sheetName }, {}, lang));
    return fail();
  }
  const sorted = [...dates].sort();
  if (sorted.length > 1)
    issues.push(
      issue("platform_dates_differ", { sheet: sheetName }, { dates: sorted.join("、"), date: sorted[0] }, lang),
    );

  const targets: ExternalTarget[] = [...byUscc.values()].map(({ pairs: _pairs, ...t }) => t);
  const departments: string[] = [];
  const itemIds: string[] = [];
  for (const t of targets) {
    for (const d of t.departments) if (!departments.includes(d)) departments.push(d);
    for (const id of t.itemIds) if (!itemIds.includes(id)) itemIds.push(id);
  }
  const source = options.source ?? "";
  return {
    draw: {
      sheet: options.drawSheet ?? sheetName,
      taskId,
      taskName: options.taskName ?? [...taskNames][0] ?? `${source}${EXTERNAL_LABEL}`,
      date: sorted[0],
      itemIds,
      departments,
      external: true,
      protocol: EXTERNAL_LABEL,
      byGrade: options.byGrade ?? allGraded,
      source,
      targets,
    },
    issues,
    columns,
  };
}
