// 外部抽取名单: the protected sheet of a draw imported from a platform. The snapshot's layout (the
// task, the listed targets and inspectors as the registries held them), then the list itself as
// the platform drew it. Its digest is in the chained log, so it verifies like a snapshot.
import type { ExternalList, ListedRow } from "../core/draw/external";
import type { Snapshot } from "../core/model";
import { columnLetter } from "../core/issues/issue";
import type { CellValue, SheetData, SheetSpec } from "./port";
import { cellText, listText, parseIntText, parseListText, parseYes, yesNo } from "./cells";
import { parseSnapshotSheet, renderSnapshotSheet, type SheetProblem } from "./snapshot-sheet";

export const LIST_TITLE = "外部抽取名单";
const SOURCE = "名单来源";
const BY_GRADE = "按风险等级分层";
const HEADER = ["序号", "统一社会信用代码", "部门", "检查人员（执法证号）", "名单原文"];

/** The external draw's sheet: the snapshot, then its source and the list. */
export function renderExternalSheet(snapshot: Snapshot, list: ExternalList, name: string): SheetSpec {
  const spec = renderSnapshotSheet(snapshot, name);
  const rows = [...spec.rows];
  rows.push([], [SOURCE, list.source], [BY_GRADE, yesNo(list.byGrade)], []);
  const title = rows.length + 1;
  rows.push([`${LIST_TITLE}（${list.rows.length}）`], [...HEADER]);
  for (const r of list.rows) rows.push([r.seq, r.uscc, r.department, listText(r.inspectors), r.listed]);
  const last = columnLetter(HEADER.length - 1);
  return {
    ...spec,
    rows,
    styles: [...(spec.styles ?? []), { range: `A${title}:${last}${title + 1}`, style: { bold: true, fill: "DDEBF7" } }],
  };
}

/** Reads the external sheet back: the snapshot and the list, or the cells that cannot be read. */
export function parseExternalSheet(sheet: SheetData): {
  snapshot: Snapshot | null;
  list: ExternalList | null;
  problems: SheetProblem[];
} {
  const parsed = parseSnapshotSheet(sheet);
  const problems = [...parsed.problems];
  const at = (r: number, c: number) => cellText(sheet.rows[r]?.[c] as CellValue | undefined).trim();
  const rowOf = (label: string) => sheet.rows.findIndex((_, r) => at(r, 0) === label);
  const problem = (r: number, c: number, field: string, message: string) =>
    problems.push({ sheet: sheet.name, cell: `${columnLetter(c)}${r + 1}`, field, message });
  const sourceRow = rowOf(SOURCE);
  const gradeRow = rowOf(BY_GRADE);
  const titleRow = sheet.rows.findIndex((_, r) => at(r, 0).startsWith(`${LIST_TITLE}（`));
  if (sourceRow < 0 || gradeRow < 0 || titleRow < 0) {
    problems.push({ sheet: sheet.name, cell: "", field: LIST_TITLE, message: `缺少「${LIST_TITLE}」表` });
    return { snapshot: null, list: null, problems };
  }
  const byGrade = parseYes(at(gradeRow, 1));
  if (byGrade === null) problem(gradeRow, 1, BY_GRADE, `「${BY_GRADE}」的值「${at(gradeRow, 1)}」无法读取`);
  HEADER.forEach((h, c) => {
    if (at(titleRow + 1, c) !== h) problem(titleRow + 1, c, h, `表头应为「${h}」`);
  });
  const rows: ListedRow[] = [];
  for (let r = titleRow + 2; r < sheet.rows.length && HEADER.some((_, c) => at(r, c) !== ""); r++) {
    const seq = parseIntText(at(r, 0));
    if (seq === undefined) problem(r, 0, "序号", `「序号」的值「${at(r, 0)}」无法读取`);
    rows.push({
      seq: seq ?? 0,
      uscc: at(r, 1),
      department: at(r, 2),
      inspectors: parseListText(at(r, 3)),
      listed: cellText(sheet.rows[r]?.[4] as CellValue | undefined),
    });
  }
  const declared = /（(\d+)）$/.exec(at(titleRow, 0));
  if (!declared || Number(declared[1]) !== rows.length)
    problem(titleRow, 0, LIST_TITLE, `「${LIST_TITLE}」标明的行数与实际行数 ${rows.length} 不符`);
  const list: ExternalList = {
    source: cellText(sheet.rows[sourceRow]?.[1] as CellValue | undefined),
    byGrade: byGrade === true,
    rows,
  };
  return { snapshot: problems.length ? null : parsed.snapshot, list: problems.length ? null : list, problems };
}
