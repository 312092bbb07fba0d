// 检查结果: the rows a draw adds for the inspectors to fill, one per target and department.
// The sheet stays unprotected; 检查结果 offers the four categories as an in-cell drop-down.
import { RESULT_CATEGORIES, type DrawOutcome, type Snapshot } from "../core/model";
import type { SheetSpec, WriteBatch } from "./port";
import type { Cell } from "./cells";
import { RESULT_COLUMNS } from "../core/schema/columns";
import { RESULTS_SHEET } from "./names";
import { resultsSheetLayout } from "./results-layout";

/** The 检查结果 headers, in the order the draw writes them: the schema's columns of that sheet. */
export const RESULT_HEADERS: readonly string[] = RESULT_COLUMNS.map((c) => c.header);

/**
 * 记录状态: added to 检查结果 when a row is taken out of a draw but kept because something was typed
 * in it (已作废, 已替补); rows with a state are no result of the draw as it stands.
 */
export const RESULT_STATE_HEADER = "记录状态";
export const STATE_VOIDED = "已作废";
export const stateReplaced = (n: number) => `已替补（第${n}号替补）`;

/** The (target, department) pairs a draw's targets hold rows for. */
export function resultPairs(outcome: DrawOutcome): { uscc: string; department: string }[] {
  return outcome.selected.flatMap((s) => s.teams.map((t) => ({ uscc: s.uscc, department: t.department })));
}

/** 1-based column of 检查结果 */
export const RESULT_COLUMN = RESULT_COLUMNS.findIndex((c) => c.key === "result") + 1;

/** The append that adds a draw's rows to 检查结果 (creating the sheet when absent). */
export function resultRowsAppend(snapshot: Snapshot, outcome: DrawOutcome): WriteBatch["append"][number] {
  const names = new Map(snapshot.targets.map((t) => [t.uscc, t.name]));
  const rows: Cell[][] = [];
  for (const s of outcome.selected)
    for (const team of s.teams)
      rows.push([
        snapshot.task.id,
        s.uscc,
        names.get(s.uscc) ?? "",
        team.department,
        ...RESULT_HEADERS.slice(4).map(() => null),
      ]);
  // the sheet's layout (A4 landscape, header frozen and repeated); the drop-down comes with the rows
  const { validations, ...layout } = resultsSheetLayout(1);
  void validations;
  const whenAbsent: SheetSpec = { name: RESULTS_SHEET, rows: [[...RESULT_HEADERS]], ...layout };
  return {
    sheet: RESULTS_SHEET,
    rows,
    whenAbsent,
    validations: [{ column: RESULT_COLUMN, list: [...RESULT_CATEGORIES] }],
  };
}
