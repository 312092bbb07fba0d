// Reading an ExcelJS worksheet into the port's plain cell values.
import ExcelJS from "exceljs";
import type { CellValue, SheetData } from "../port";
import { columnNumber } from "./a1";

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

/** One cell as the port sees it: a merged cell's value only in its top-left (master) cell. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type as number) {
    case NULL:
    case MERGE:
      return null;
    case FORMULA:
      // cell.result keeps a cached 0 or false, which cell.value.result drops
      return plainValue(cell.result as Raw);
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
    });
  }
  return out.sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
}
