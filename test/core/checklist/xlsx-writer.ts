// A small SheetSpec → .xlsx writer with ExcelJS, for the end-to-end print test and the bench,
// standing in for src/workbook/xlsx (written concurrently). Styles are applied in order.
import ExcelJS from "exceljs";
import type { CellStyle, SheetSpec } from "../../../src/workbook/port";
import { cellsOf } from "./ranges";

// ExcelJS's own range class, for the merge index it keeps (not in its typings)
const Range = require("exceljs/lib/doc/range") as new (range: string) => unknown;

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { ...cell.font };
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor) font.color = { argb: `FF${s.fontColor}` };
  cell.font = font;
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill}` } };
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (s.vertical) alignment.vertical = s.vertical;
  cell.alignment = alignment;
}

/**
 * ExcelJS's mergeCells checks each new merge against every earlier one: quadratic, hours for the
 * ~100,000 merges of 5,000 forms. The spec's merges are disjoint (a renderer guarantee, tested),
 * so merge without the check, as ExcelJS itself does after it (Worksheet._mergeCellsInternal).
 */
function mergeDisjoint(ws: ExcelJS.Worksheet, ranges: string[]): void {
  const merges = (ws as unknown as { _merges: Record<string, unknown> })._merges;
  for (const range of ranges) {
    const [first, ...rest] = cellsOf(range);
    const master = ws.getCell(first);
    for (const a of rest) (ws.getCell(a) as unknown as { merge(m: ExcelJS.Cell): void }).merge(master);
    merges[master.address] = new Range(range);
  }
}

export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  spec.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      if (typeof v === "string") cell.numFmt = "@"; // text, never a formula
      cell.value = v;
    });
  });
  const heights = (spec as { rowHeights?: number[] }).rowHeights;
  heights?.forEach((h, r) => (ws.getRow(r + 1).height = h));
  spec.columnWidths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const { range, style } of spec.styles ?? []) for (const a of cellsOf(range)) applyStyle(ws.getCell(a), style);
  mergeDisjoint(ws, spec.merges ?? []);
  for (const range of spec.unlocked ?? []) for (const a of cellsOf(range)) ws.getCell(a).protection = { locked: false };
  for (const v of spec.validations ?? [])
    for (const a of cellsOf(v.range))
      ws.getCell(a).dataValidation = { type: "list", allowBlank: true, formulae: [`"${v.list.join(",")}"`] };
  if (spec.frozenRows) ws.views = [{ state: "frozen", ySplit: spec.frozenRows }];
  if (spec.page) {
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.orientation = spec.page.orientation;
    if (spec.page.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = 0;
    }
    if (spec.page.printTitleRows) ws.pageSetup.printTitlesRow = spec.page.printTitleRows;
    for (const r of spec.page.rowBreaks ?? []) ws.getRow(r).addPageBreak();
  }
  return ws;
}

export async function writeXlsx(specs: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheets = specs.map((s) => addSheet(wb, s));
  for (let i = 0; i < specs.length; i++) if (specs[i].protect) await sheets[i].protect("", {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}
