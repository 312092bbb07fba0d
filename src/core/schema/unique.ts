// Uniqueness of identifiers within a sheet: each repeat is reported at its own cell, naming the
// first row that holds the value. One pass with a map, so 50,000 rows stay fast.
import { issue, type Issue, type Lang } from "../issues/issue";
import type { IssueCode } from "../issues/catalogue";
import type { Table, TableRow } from "./table";

/**
 * Marks each row whose key repeats an earlier row's key: an issue at the row (error rows are
 * then not ok). Rows without a key (empty) are skipped. `key` gives the comparison value.
 */
export function checkUnique<K extends string>(
  table: Table<K>,
  column: NoInfer<K>,
  label: string,
  code: IssueCode,
  lang: Lang,
  key: (row: TableRow<K>) => string | null = (r) => {
    const v = r.values[column];
    return typeof v === "string" && v !== "" ? v : null;
  },
  shown: (row: TableRow<K>) => string = (r) => String(r.values[column] ?? ""),
): Issue[] {
  const first = new Map<string, number>();
  const out: Issue[] = [];
  const place = table.columns[column];
  for (const r of table.rows) {
    const k = key(r);
    if (k === null) continue;
    const earlier = first.get(k);
    if (earlier === undefined) {
      first.set(k, r.row);
      continue;
    }
    const i = issue(
      code,
      { sheet: table.sheet, row: r.row, column: place?.header ?? label, columnIndex: place?.index },
      { sheet: table.sheet, column: label, value: shown(r), firstRow: earlier },
      lang,
    );
    if (i.severity === "error") r.ok = false;
    out.push(i);
  }
  return out;
}
