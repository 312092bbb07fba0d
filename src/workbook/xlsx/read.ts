// Reading an ExcelJS worksheet into the port's plain cell values.
import ExcelJS from "exceljs";
import type { CellValue, SheetData } from "../port";
import { columnNumber } from "./a1";

/**
 * Formula cells whose file gives an empty text result (`t="str"` with an empty or absent `<v>`,
 * as Excel writes =IF(…,"",…)), by worksheet. ExcelJS reads them exactly like a formula that was
 * never calculated, so the sheet XML is asked (preload.ts) and the answer is kept here.
 */
const emptyTextResults = new WeakMap<ExcelJS.Worksheet, Set<string>>();

/**
 * The addresses of the formula cells of one sheet's XML whose result is an empty text. Only the
 * cells with `t="str"` are looked at, so a sheet without such cells costs one search.
 */
export function emptyTextFormulaCells(xml: string): string[] {
  const out: string[] = [];
  for (let at = xml.indexOf('t="str"'); at >= 0; at = xml.indexOf('t="str"', at + 7)) {
    const start = xml.lastIndexOf("<c ", at);
    const open = xml.indexOf(">", at);
    if (start < 0 || open < 0 || xml.lastIndexOf(">", at) > start) continue; // not an attribute of <c>
    if (xml[open - 1] === "/") continue; // <c …/>: no formula
    const end = xml.indexOf("</c>", open);
    if (end < 0) break;
    const body = xml.slice(open + 1, end);
    if (!/<f\b/.test(body)) continue;
    const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(body);
    if (v && v[1] !== undefined && v[1] !== "") continue;
    const r = /\br="([A-Z]+\d+)"/.exec(xml.slice(start, open));
    if (r) out.push(r[1]);
  }
  return out;
}

/** Records the cells of a loaded worksheet whose formula result is an empty text. */
export function rememberEmptyTextResults(ws: ExcelJS.Worksheet, addresses: readonly string[]): void {
  if (addresses.length > 0) emptyTextResults.set(ws, new Set(addresses));
}

// ExcelJS.ValueType, spelled out: the enum is a runtime object that the browser bundle also has,
// but the numbers are part of ExcelJS's file model and do not change.
const NULL = 0;
const MERGE = 1;
const FORMULA = 6;

type Raw = ExcelJS.CellValue | undefined;

/** Text of a rich-text value, a hyperlink's text, or anything else as the port's CellValue. */
export function plainValue(v: Raw): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== "object") return String(v);
  if ("richText" in v && Array.isArray(v.richText)) return plainValue(v.richText.map((t) => t.text ?? "").join(""));
  if ("hyperlink" in v && "text" in v) return plainValue((v as { text: Raw }).text);
  if ("error" in v && typeof (v as { error: unknown }).error === "string")
    return { error: (v as { error: string }).error };
  if ("formula" in v || "sharedFormula" in v) return plainValue((v as { result?: Raw }).result);
  if ("sharedString" in v) return null;
  return null;
}

/**
 * One cell as the port sees it: a merged cell's value only in its top-left (master) cell; a
 * formula cell's cached result, or {formula} when the file holds none (its value is unknown).
 */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type as number) {
    case NULL:
    case MERGE:
      return null;
    case FORMULA: {
      // cell.result keeps a cached 0 or false, which cell.value.result drops
      const result = cell.result as Raw;
      if (result !== undefined && result !== null) return plainValue(result);
      if (emptyTextResults.get(cell.worksheet)?.has(cell.address)) return null;
      // a shared formula's cell gives its own formula, translated from the master's
      const formula = typeof cell.formula === "string" ? cell.formula : "";
      return formula === "" ? null : { formula };
    }
    default:
      return plainValue(cell.value);
  }
}

/** The whole sheet as rows of values, trailing empty cells and rows cut; its Excel tables too. */
export function readWorksheet(ws: ExcelJS.Worksheet): SheetData {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cellValue(cell);
      if (v !== null) {
        while (out.length < c - 1) out.push(null);
        out[c - 1] = v;
      }
    });
    if (out.length > 0) {
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = out;
    }
  });
  const data: SheetData = { name: ws.name, rows, protected: isProtected(ws) };
  const tables = readTables(ws);
  if (tables.length > 0) data.tables = tables;
  return data;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return p?.sheet === true;
}

interface TableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
}

function readTables(ws: ExcelJS.Worksheet): NonNullable<SheetData["tables"]> {
  const out: NonNullable<SheetData["tables"]> = [];
  const tables =
    (ws as unknown as { tables?: Record<string, { table?: TableModel; model?: TableModel }> }).tables ?? {};
  for (const t of Object.values(tables)) {
    const m = t.table ?? t.model;
    const ref = m?.tableRef ?? m?.ref;
    // a table without a header row has nothing to match columns by
    if (!m || !ref || m.headerRow === false) continue;
    const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
    if (!match) continue;
    out.push({
      name: m.displayName ?? m.name ?? "",
      headerRow: Number(match[2]),
      firstColumn: columnNumber(match[1]),
      lastColumn: columnNumber(match[3] ?? match[1]),
      lastRow: Number(match[4] ?? match[2]),
    });
  }
  return out.sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
}
