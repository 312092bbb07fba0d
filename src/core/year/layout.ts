// A small builder for the printed sheets of the year: a title, titled tables one under another,
// notes, and charts placed under the tables so that a fitted-to-width page keeps readable text.
// Row heights are set from the text (LibreOffice and WPS do not grow a row to wrapped text).
import type { CellStyle, SheetSpec } from "../sheet";
import { columnLetter } from "../issues/issue";
import { lineCount, rowHeight } from "../checklist/row-height";

export type Cell = string | number | boolean | null;
export type Row = Cell[];

export const HEADER_STYLE: CellStyle = { bold: true, fill: "DDEBF7", border: true, wrap: true, vertical: "middle" };
const BODY_STYLE: CellStyle = { border: true, wrap: true, vertical: "top" };
/** Fill of a figure that misses its mark (Excel's light red). */
export const WARN_FILL = "FFC7CE";
const FONT = 11;
/** Height of a row left at its default, in points, a little over LibreOffice's for Noto CJK. */
const DEFAULT_ROW = 16;
/** A heading, its table's header and the first rows stay on one page. */
const KEEP_ROWS = 4;

export const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

type Chart = NonNullable<SheetSpec["charts"]>[number];

export class SheetLayout {
  readonly rows: Row[] = [];
  readonly styles: NonNullable<SheetSpec["styles"]> = [];
  readonly merges: string[] = [];
  private readonly heights: (number | null)[] = [];
  private readonly charts: Omit<Chart, "anchor">[] = [];
  /** 0-based rows of the section headings, kept on a page with the start of their table */
  private readonly headings: number[] = [];
  readonly width: number;

  /** `widths`: the columns' widths; the title and notes span all of them. */
  constructor(readonly widths: number[]) {
    this.width = widths.length;
  }

  private push(row: Row, height: number | null = null): number {
    this.rows.push(row);
    this.heights[this.rows.length - 1] = height;
    return this.rows.length;
  }

  private span(from: number, to: number): number {
    return this.widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
  }

  /** A row of text merged across the width (or up to column `to`). */
  line(text: string, style: CellStyle = {}, to = this.width - 1): number {
    const size = style.fontSize ?? FONT;
    const lines = lineCount(text, this.span(0, to), size);
    const r = this.push([text], lines > 1 || size > FONT ? rowHeight(lines, size) : null);
    if (to > 0) this.merges.push(`A${r}:${columnLetter(to)}${r}`);
    this.styles.push({ range: `A${r}`, style: { ...style, wrap: true, vertical: style.vertical ?? "top" } });
    return r;
  }

  title(text: string): number {
    return this.line(text, { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" });
  }

  blank(): void {
    this.push([]);
  }

  /** A section heading. */
  heading(text: string): number {
    if (this.rows.length > 0 && this.rows[this.rows.length - 1].length > 0) this.blank();
    const r = this.line(text, { bold: true, fontSize: 12 });
    this.headings.push(r - 1);
    return r;
  }

  /** The height of a table row: the tallest cell, each wrapped to its column (or its merged span). */
  private fit(row: Row, spans: Map<number, number> = new Map()): number | null {
    let lines = 1;
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const w = spans.has(c) ? this.span(c, spans.get(c)!) : (this.widths[c] ?? 9);
      lines = Math.max(lines, lineCount(String(v), w, FONT));
    });
    return lines > 1 ? rowHeight(lines, FONT) : null;
  }

  /**
   * A table with a header row; returns the header's row and the last row. `warn` marks body cells
   * (0-based row of `body`, 0-based column) light red; `right` lists the columns aligned right
   * (figures); `spanLast` merges each row's last cell to the right edge of the sheet.
   */
  table(
    header: string[],
    body: Row[],
    options: { warn?: [number, number][]; right?: number[]; spanLast?: boolean } = {},
  ): { header: number; last: number } {
    const { warn = [], right = [], spanLast = false } = options;
    const lastCol = header.length - 1;
    const spans =
      spanLast && lastCol < this.width - 1 ? new Map([[lastCol, this.width - 1]]) : new Map<number, number>();
    const h = this.push(header, this.fit(header, spans));
    const edge = columnLetter(spans.size > 0 ? this.width - 1 : lastCol);
    this.styles.push({ range: `A${h}:${edge}${h}`, style: HEADER_STYLE });
    for (const row of body) this.push(row, this.fit(row, spans));
    if (body.length > 0) {
      this.styles.push({ range: `A${h + 1}:${edge}${h + body.length}`, style: BODY_STYLE });
      for (const c of right)
        this.styles.push({
          range: `${columnLetter(c)}${h + 1}:${columnLetter(c)}${h + body.length}`,
          style: { ...BODY_STYLE, horizontal: "right" },
        });
    }
    if (spans.size > 0)
      for (let r = h; r <= h + body.length; r++) this.merges.push(`${columnLetter(lastCol)}${r}:${edge}${r}`);
    for (const [r, c] of warn)
      this.styles.push({
        range: `${columnLetter(c)}${h + 1 + r}`,
        style: { ...BODY_STYLE, fill: WARN_FILL, ...(right.includes(c) ? { horizontal: "right" } : {}) },
      });
    return { header: h, last: h + body.length };
  }

  /** A native chart over the block from `header` to `last`, over its first `columns` columns. */
  chart(type: Chart["type"], title: string, header: number, last: number, columns: number): void {
    if (last > header) this.charts.push({ type, title, range: `A${header}:${columnLetter(columns - 1)}${last}` });
  }

  /**
   * Page breaks before the headings that would otherwise end a page, their table on the next:
   * the page's height is estimated from A4 less the default margins, scaled as fit-to-width
   * scales the columns (a column of width w is about 7w + 5 pixels).
   */
  private keepWithNext(orientation: "portrait" | "landscape"): number[] {
    const [pageWidth, pageHeight] = orientation === "portrait" ? [494, 734] : [741, 487];
    const sheetWidth = this.widths.reduce((n, w) => n + (7 * w + 5) * 0.75, 0);
    const height = pageHeight / Math.min(1, pageWidth / sheetWidth);
    const rowAt = (i: number) => this.heights[i] ?? DEFAULT_ROW;
    const breaks: number[] = [];
    let used = 0;
    const headings = new Set(this.headings);
    for (let i = 0; i < this.rows.length; i++) {
      if (headings.has(i)) {
        let need = 0;
        for (let k = i; k < Math.min(this.rows.length, i + KEEP_ROWS); k++) need += rowAt(k);
        if (used > 0 && used + need > height) {
          breaks.push(i); // after row i (1-based), i.e. before this heading
          used = 0;
        }
      }
      if (used + rowAt(i) > height) used = 0;
      used += rowAt(i);
    }
    return breaks;
  }

  /**
   * The sheet. Charts go under the tables, two to a row, each over half the width, after a page
   * break so that a chart is never cut by one.
   */
  build(name: string, page: NonNullable<SheetSpec["page"]>): SheetSpec {
    const rowBreaks = [...(page.rowBreaks ?? []), ...this.keepWithNext(page.orientation)];
    const charts: Chart[] = [];
    if (this.charts.length > 0) {
      rowBreaks.push(this.rows.length);
      const half = Math.max(1, Math.floor(this.width / 2));
      const top = this.rows.length + 2;
      const CHART_ROWS = 18;
      this.charts.forEach((c, i) => {
        const r = top + Math.floor(i / 2) * (CHART_ROWS + 1);
        const left = (i % 2) * half;
        const right = i % 2 === 0 ? half - 1 : this.width - 1;
        charts.push({ ...c, anchor: `${columnLetter(left)}${r}:${columnLetter(right)}${r + CHART_ROWS - 1}` });
      });
    }
    rowBreaks.sort((a, b) => a - b);
    return {
      name,
      rows: this.rows,
      columnWidths: this.widths,
      rowHeights: this.heights,
      styles: this.styles,
      merges: this.merges,
      page: { ...page, ...(rowBreaks.length > 0 ? { rowBreaks } : {}) },
      charts,
    };
  }
}

/** A batch's window, without the year when both ends fall in the year shown: '03-01 至 04-30'. */
export function planWindow(start: string, end: string, year: number): string {
  const y = String(year);
  return start.startsWith(y) && end.startsWith(y) ? `${start.slice(5)} 至 ${end.slice(5)}` : `${start} 至 ${end}`;
}
