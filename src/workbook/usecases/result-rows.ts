// What a draw, a void and a substitution do to 检查结果, the sheet the inspectors fill: rows added
// for the targets drawn, and the rows of targets no longer drawn taken out — removed when nothing
// was typed in them, kept and marked when something was (what an inspector typed is never lost).
import { readTable, RESULT_COLUMNS } from "../../core/schema";
import type { InspectionResult } from "../../core/model";
import type { WriteBatch } from "../port";
import { RESULT_STATE_HEADER } from "../results-sheet";
import { cellText } from "../cells";
import { RESULTS_SHEET } from "../names";
import type { LoadedBook } from "./load";

type Append = WriteBatch["append"][number];
type Edit = NonNullable<WriteBatch["edit"]>[number];

export const pairKey = (uscc: string, department: string) => `${uscc}|${department}`;

/** A 检查结果 row as the draw wrote it: nothing typed in beyond task, target, name and department. */
export function untouched(r: InspectionResult): boolean {
  return (
    r.completed === null &&
    r.result === null &&
    r.penaltyDate === null &&
    r.published === null &&
    [r.problem, r.rectification, r.penaltyNo, r.followUp, r.enteredBy].every((t) => t.trim() === "")
  );
}

/**
 * The edit and the append of 检查结果 for one task: `retire` pairs (target|department) leave, each
 * untouched row removed and each filled one marked `mark` in 记录状态 (the column is added when
 * the sheet has none); `add` rows are appended for the pairs the task has no row for.
 */
export async function resultRowChanges(
  loaded: LoadedBook,
  taskId: string,
  retire: ReadonlySet<string>,
  mark: string,
  add: Append | null,
): Promise<{ edit: Edit[]; append: Append[] }> {
  const name = loaded.book.sheets.results ?? RESULTS_SHEET;
  const sheet = await loaded.sheet(name);
  const table = sheet ? readTable(sheet, RESULT_COLUMNS, name) : null;
  const rows = loaded.book.results.filter((r) => r.taskId === taskId);
  const edit: Edit[] = [];
  if (sheet && table && table.headerRow !== null && retire.size) {
    const header = (sheet.rows[table.headerRow - 1] ?? []).map((v) => cellText(v).trim());
    let stateColumn = header.indexOf(RESULT_STATE_HEADER) + 1;
    const cells: NonNullable<Edit["cells"]> = [];
    const deleteRows: number[] = [];
    for (const r of rows) {
      if (!retire.has(pairKey(r.uscc, r.department))) continue;
      if (untouched(r)) {
        deleteRows.push(r.row);
        continue;
      }
      if (stateColumn === 0) {
        stateColumn = header.length + 1;
        cells.push({ row: table.headerRow, column: stateColumn, value: RESULT_STATE_HEADER });
      }
      cells.push({ row: r.row, column: stateColumn, value: mark });
    }
    if (cells.length || deleteRows.length) edit.push({ sheet: name, cells, deleteRows });
  }
  if (!add) return { edit, append: [] };
  const present = new Set(
    rows.filter((r) => !retire.has(pairKey(r.uscc, r.department))).map((r) => pairKey(r.uscc, r.department)),
  );
  const fresh = add.rows.filter((row) => !present.has(pairKey(String(row[1]), String(row[3]))));
  if (!sheet || !table || table.headerRow === null)
    return { edit, append: fresh.length ? [{ ...add, rows: fresh }] : [] };
  // each value goes under the column of the same header on the clerks' sheet (title rows above,
  // columns moved or added); a column they removed gets nothing
  const place = (add.whenAbsent.rows[0] ?? []).map((h) => {
    const column = RESULT_COLUMNS.find((c) => c.header === h);
    return column ? table.columns[column.key]?.index : undefined;
  });
  const width = Math.max(0, ...place.map((i) => (i ?? -1) + 1));
  const moved = fresh.map((row) => {
    const out: (typeof row)[number][] = Array.from({ length: width }, () => null);
    row.forEach((v, i) => {
      const at = place[i];
      if (at !== undefined) out[at] = v;
    });
    return out;
  });
  const validations = (add.validations ?? []).flatMap((v) => {
    const at = place[v.column - 1];
    return at === undefined ? [] : [{ ...v, column: at + 1 }];
  });
  return { edit, append: moved.length ? [{ ...add, sheet: name, rows: moved, validations }] : [] };
}
