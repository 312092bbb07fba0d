// Reading one sheet as a table: find the header row, match the headers to column definitions,
// parse every cell, and report each problem at its cell. Never throws on a clerk's mistake.
import type { CellValue, SheetData } from "../sheet";
import { issue, type Issue, type Lang } from "../issues/issue";
import type { ColumnDef } from "./columns";
import { nameKey } from "./normalize";
import { cellText, isEmptyCell, type Parsed } from "./values";
import { showInvisible } from "./text";

/** One data row as read: its values by column key (defaults filled in) and whether it is valid. */
export interface TableRow<K extends string = string> {
  /** 1-based sheet row */
  row: number;
  values: Record<K, unknown>;
  /** the raw cells by column key, for rules that need the cell as typed (empty unless kept) */
  cells: Partial<Record<K, CellValue>>;
  /** false when the row has an error (it is then left out of the parsed result) */
  ok: boolean;
}

/** Where a matched column is: its 0-based index and the header as written. */
export interface ColumnPlace {
  index: number;
  header: string;
}

export interface Table<K extends string = string> {
  sheet: string;
  /** 1-based header row, or null when the sheet has no non-empty row */
  headerRow: number | null;
  columns: Partial<Record<K, ColumnPlace>>;
  /** every non-empty row below the header, valid or not, in sheet order */
  rows: TableRow<K>[];
  /** errors and warnings, in sheet order */
  issues: Issue[];
}

export interface ReadTableOptions {
  lang?: Lang;
  /** no sheet_empty issue when the sheet has no header or no data row (optional sheets) */
  allowEmpty?: boolean;
  /**
   * keep each row's raw cells (default); a registry no rule reads them from goes without, since
   * a million rows of them were 150 MB held through the parse
   */
  keepCells?: boolean;
}

const NO_CELLS: Partial<Record<string, CellValue>> = Object.freeze({});

/** Distinct texts a column remembers the parse of (a column of names never repeats). */
const MEMO_LIMIT = 4096;

/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 20;

function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const c of row) if (!isEmptyCell(c)) return false;
  return true;
}

function headerText(c: CellValue): string {
  return typeof c === "string" ? c.trim() : typeof c === "number" ? String(c) : "";
}

/** Column key by header key (Chinese header and alias). */
function headerLookup<K extends string>(columns: readonly ColumnDef<K>[]): Map<string, ColumnDef<K>> {
  const m = new Map<string, ColumnDef<K>>();
  for (const c of columns) {
    m.set(nameKey(c.header), c);
    m.set(nameKey(c.alias), c);
  }
  return m;
}

type SheetTable = NonNullable<SheetData["tables"]>[number];

/** Where the header is: its 1-based row, the 0-based column span read, and the Excel table, if any. */
interface HeaderPlace {
  row: number;
  first: number;
  last: number;
  table: SheetTable | null;
}

/**
 * The header row: among the Excel tables' header rows and the first non-empty rows, the one that
 * matches most headers (a table's within its columns; a table wins a tie, then the higher row),
 * so that a title above the header is skipped and an unrelated table elsewhere on the sheet (a
 * drop-down list beside the registry) never hides the registry's own header row. Null when the
 * sheet has no non-empty row and no table.
 */
function findHeader<K extends string>(sheet: SheetData, lookup: Map<string, ColumnDef<K>>): HeaderPlace | null {
  const score = (row: number, first: number, last: number) => {
    const cells = sheet.rows[row - 1] ?? [];
    let n = 0;
    for (let c = first; c <= Math.min(last, cells.length - 1); c++) if (lookup.has(nameKey(headerText(cells[c])))) n++;
    return n;
  };
  let best: (HeaderPlace & { score: number }) | null = null;
  for (const t of sheet.tables ?? []) {
    const place = { row: t.headerRow, first: t.firstColumn - 1, last: t.lastColumn - 1, table: t };
    const s = score(place.row, place.first, place.last);
    if (best === null || s > best.score) best = { ...place, score: s };
  }
  let seen = 0;
  for (let r = 0; r < sheet.rows.length && seen < HEADER_SEARCH_ROWS; r++) {
    if (isEmptyRow(sheet.rows[r])) continue;
    seen++;
    const s = score(r + 1, 0, Number.MAX_SAFE_INTEGER);
    if (best === null || s > best.score)
      best = { row: r + 1, first: 0, last: Number.MAX_SAFE_INTEGER, table: null, score: s };
  }
  return best && { row: best.row, first: best.first, last: best.last, table: best.table };
}

/**
 * The other Excel tables on the sheet, whose cells are not the registry's: one below the header
 * row (a second table under the registry), or one that shares no column with the header read (a
 * list of categories kept beside it). A table whose header row is the registry's and that holds
 * some of its columns is part of the registry and is read.
 */
function unrelatedTables(sheet: SheetData, header: HeaderPlace, placed: readonly number[]): SheetTable[] {
  return (sheet.tables ?? []).filter(
    (t) =>
      t !== header.table &&
      (t.headerRow > header.row || !placed.some((i) => i >= t.firstColumn - 1 && i <= t.lastColumn - 1)),
  );
}

/** A row's cells with the cells of the given tables blanked. */
function withoutTables(cells: readonly CellValue[], row: number, tables: readonly SheetTable[]): CellValue[] {
  const out = [...cells];
  for (const t of tables)
    if (row >= t.headerRow && row <= (t.lastRow ?? Number.MAX_SAFE_INTEGER))
      for (let c = t.firstColumn - 1; c <= Math.min(t.lastColumn - 1, out.length - 1); c++) out[c] = null;
  return out;
}

/** Reads a sheet described by column definitions. `kind` names the sheet in messages when it has no name. */
export function readTable<K extends string>(
  sheet: SheetData,
  columns: readonly ColumnDef<K>[],
  kind: string = sheet.name,
  options: ReadTableOptions = {},
): Table<K> {
  const lang = options.lang ?? "zh";
  const sheetName = sheet.name || kind;
  const issues: Issue[] = [];
  const lookup = headerLookup(columns);
  const header = findHeader(sheet, lookup);
  const table: Table<K> = { sheet: sheetName, headerRow: header?.row ?? null, columns: {}, rows: [], issues };
  if (!header) {
    if (!options.allowEmpty) issues.push(issue("sheet_empty", { sheet: sheetName }, { sheet: sheetName }, lang));
    return table;
  }

  // Match headers; a second column with the same header is ignored with a warning.
  const headerCells = sheet.rows[header.row - 1] ?? [];
  const placed: { def: ColumnDef<K>; index: number }[] = [];
  const last = Math.min(header.last, headerCells.length - 1);
  for (let i = header.first; i <= last; i++) {
    const text = headerText(headerCells[i]);
    const def = lookup.get(nameKey(text));
    if (!def) continue;
    const earlier = table.columns[def.key];
    if (earlier) {
      issues.push(
        issue(
          "header_duplicate",
          { sheet: sheetName, row: header.row, column: text, columnIndex: i },
          { sheet: sheetName, column: text, first: earlier.header },
          lang,
        ),
      );
      continue;
    }
    table.columns[def.key] = { index: i, header: text };
    placed.push({ def, index: i });
  }
  let missingRequired = false;
  for (const def of columns)
    if (def.required && !table.columns[def.key]) {
      missingRequired = true;
      issues.push(
        issue(
          "header_missing",
          { sheet: sheetName, row: header.row, column: def.header },
          { sheet: sheetName, column: def.header, alias: def.alias },
          lang,
        ),
      );
    }

  const absent = columns.filter((d) => !table.columns[d.key]);
  const others = unrelatedTables(
    sheet,
    header,
    placed.map((p) => p.index),
  );
  // a text repeated down a column (a category, an area, a grade, a list of tags) is parsed once;
  // its lists are shared, frozen, by the rows that hold it
  const memo = placed.map(() => new Map<string, Parsed<unknown>>());
  const keep = options.keepCells !== false;
  const parse = (k: number, cell: CellValue): Parsed<unknown> => {
    if (typeof cell !== "string") return placed[k].def.parse(cell);
    const seen = memo[k].get(cell);
    if (seen) return seen;
    const parsed = placed[k].def.parse(cell);
    if (parsed.ok && Array.isArray(parsed.value)) Object.freeze(parsed.value);
    if (memo[k].size < MEMO_LIMIT) memo[k].set(cell, parsed);
    return parsed;
  };
  for (let r = header.row; r < sheet.rows.length; r++) {
    const rowNo = r + 1;
    const cells = others.length ? withoutTables(sheet.rows[r] ?? [], rowNo, others) : sheet.rows[r];
    if (isEmptyRow(cells)) continue;
    const values = {} as Record<K, unknown>;
    const raw: Partial<Record<K, CellValue>> = keep ? {} : NO_CELLS;
    let ok = !missingRequired;
    // an issue's place, made only for an issue (made for every cell, a 1M-row registry made 16M)
    const place = (key: K, columnIndex: number) => ({
      sheet: sheetName,
      row: rowNo,
      column: table.columns[key]!.header,
      columnIndex,
    });
    for (let k = 0; k < placed.length; k++) {
      const { def, index } = placed[k];
      const cell = index < header.first || index > header.last ? null : (cells[index] ?? null);
      if (keep) raw[def.key] = cell;
      if (isEmptyCell(cell)) {
        if (def.required) {
          ok = false;
          issues.push(issue("required_missing", place(def.key, index), { sheet: sheetName, column: def.header }, lang));
        }
        values[def.key] = def.empty;
        continue;
      }
      const parsed = parse(k, cell);
      if (parsed.ok) {
        values[def.key] = parsed.value;
        if (parsed.normalized)
          issues.push(
            issue(
              "value_normalized",
              place(def.key, index),
              {
                sheet: sheetName,
                column: def.header,
                value: showInvisible(cellText(cell)).trim(),
                normalized: Array.isArray(parsed.value) ? parsed.value.join("、") : String(parsed.value),
              },
              lang,
            ),
          );
      } else {
        ok = false;
        values[def.key] = def.empty;
        issues.push(
          issue(parsed.code, place(def.key, index), { sheet: sheetName, column: def.header, ...parsed.params }, lang),
        );
      }
    }
    for (const def of absent) values[def.key] = def.empty;
    table.rows.push({ row: rowNo, values, cells: raw, ok });
  }
  if (table.rows.length === 0 && placed.length === 0) {
    // Nothing recognisable at all: one issue for the sheet, not one per missing header.
    issues.length = 0;
    if (!options.allowEmpty) issues.push(issue("sheet_empty", { sheet: sheetName }, { sheet: sheetName }, lang));
  } else if (table.rows.length === 0 && !options.allowEmpty)
    issues.push(issue("sheet_empty", { sheet: sheetName, row: header.row }, { sheet: sheetName }, lang));
  return table;
}
