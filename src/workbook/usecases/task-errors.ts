// A draw refused because the workbook has errors: which of them concern the task drawn (its own
// row of 抽查任务, the items and departments it names, the registry rows it reads) and which do
// not (other tasks' rows, rows out of its scope, the holidays). Every blocking error must still be
// corrected before the draw; the split only tells the clerk where this task's own faults are.
import type { Issue } from "../../core/issues/issue";
import {
  INSPECTOR_COLUMNS,
  ITEM_COLUMNS,
  TARGET_COLUMNS,
  TASK_COLUMNS,
  nameKey,
  readTable,
  type ParseOptions,
  type SheetKind,
  type TableRow,
} from "../../core/schema";
import type { WorkbookPort } from "../port";
import { loadBook } from "./load";

export interface TaskErrors {
  /** the refusal's headline (how many errors the workbook has), about no task in particular */
  general: Issue[];
  /** the errors of the task's row, of the items and departments it uses, of the registry rows it reads */
  task: Issue[];
  /** every other error, in the order given */
  other: Issue[];
}

/** The keys of a row's cell, folded for comparison; null when the cell could not be read. */
function keysOf(row: TableRow<string> | undefined, key: string): string[] | null {
  const v = row?.values[key];
  if (typeof v === "string") return v === "" ? null : [nameKey(v)];
  if (Array.isArray(v)) {
    const keys = v.filter((x): x is string => typeof x === "string" && x !== "").map(nameKey);
    return keys.length > 0 ? keys : null;
  }
  return null;
}

/** Splits `errors` (a draw's refusal) into those that concern task `taskId` and the others. */
export async function splitTaskErrors(
  port: WorkbookPort,
  options: { taskId: string; errors: Issue[] } & ParseOptions,
): Promise<TaskErrors> {
  const loaded = await loadBook(port, options);
  const { sheets } = loaded.book;
  const rowsOf = async (kind: SheetKind, columns: Parameters<typeof readTable>[1]) => {
    const name = sheets[kind];
    const data = name === null ? null : await port.readSheet(name);
    const table = data ? readTable(data, columns, name!) : null;
    return new Map((table?.rows ?? []).map((r) => [r.row, r as TableRow<string>]));
  };
  const tasks = await rowsOf("tasks", TASK_COLUMNS);
  const wanted = nameKey(options.taskId);
  const own = [...tasks.values()].filter((r) => keysOf(r, "id")?.[0] === wanted);
  // what the task names, from its row as typed (the row may itself be in error); null: unknown
  const named = (key: string): Set<string> | null => {
    const all = own.map((r) => keysOf(r, key));
    return all.length === 0 || all.some((k) => k === null) ? null : new Set(all.flat() as string[]);
  };
  const items = named("itemIds");
  const departments = named("departments");
  // an empty 对象类别 is every category
  const categories = own.length > 0 && own.every((r) => keysOf(r, "categories") === null) ? "all" : named("categories");

  const byKind = new Map<string, SheetKind>();
  for (const kind of ["tasks", "items", "targets", "inspectors"] as const)
    if (sheets[kind] !== null) byKind.set(sheets[kind]!, kind);
  const needed = new Set(options.errors.map((e) => byKind.get(e.sheet)));
  const itemRows = needed.has("items") ? await rowsOf("items", ITEM_COLUMNS) : new Map();
  const targetRows = needed.has("targets") ? await rowsOf("targets", TARGET_COLUMNS) : new Map();
  const inspectorRows = needed.has("inspectors") ? await rowsOf("inspectors", INSPECTOR_COLUMNS) : new Map();

  // a row concerns the task when its cell names one of the task's (or cannot be read, or the task's is unknown)
  const among = (set: Set<string> | "all" | null, row: TableRow<string> | undefined, key: string) => {
    if (set === null || set === "all") return true;
    const keys = keysOf(row, key);
    return keys === null || keys.some((k) => set.has(k));
  };
  const concerns = (e: Issue): boolean => {
    // a missing required sheet, or a fault of a whole sheet the draw reads
    if (e.sheet === "") return true;
    const kind = byKind.get(e.sheet);
    if (kind === undefined) return false;
    if (!e.row) return true;
    if (kind === "tasks") {
      const id = keysOf(tasks.get(e.row), "id");
      return id === null ? own.length === 0 : id[0] === wanted;
    }
    if (kind === "items") return among(items, itemRows.get(e.row), "itemId");
    if (kind === "inspectors") return among(departments, inspectorRows.get(e.row), "department");
    return among(categories, targetRows.get(e.row), "category");
  };
  const out: TaskErrors = { general: [], task: [], other: [] };
  for (const e of options.errors)
    (e.code === "book_has_errors" ? out.general : concerns(e) ? out.task : out.other).push(e);
  return out;
}
