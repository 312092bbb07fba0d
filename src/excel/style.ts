// A CellStyle of the port onto an Office.js range format.
import type { CellStyle } from "../workbook/port";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

/** A range, or several areas of a sheet at once (RangeAreas, ExcelApi 1.9): both have a RangeFormat. */
export interface Formattable {
  format: Excel.RangeFormat;
}

export function applyStyle(range: Formattable, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = `#${style.fontColor}`;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal)
    f.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    f.verticalAlignment = style.vertical === "top" ? "Top" : style.vertical === "middle" ? "Center" : "Bottom";
  if (style.border) for (const e of EDGES) f.borders.getItem(e).style = "Continuous";
}

/** How many properties applyStyle sets for a style: the calls it queues, to budget a sync. */
export function styleCalls(style: CellStyle): number {
  let n = 0;
  if (style.bold !== undefined) n++;
  if (style.fontSize !== undefined) n++;
  if (style.fontColor) n++;
  if (style.fill) n++;
  if (style.wrap !== undefined) n++;
  if (style.horizontal) n++;
  if (style.vertical) n++;
  if (style.border) n += EDGES.length;
  return n;
}
