// A small builder for the printed sheets of the year: a title, titled tables one under another,
// notes, and charts placed under the tables so that a fitted-to-width page keeps readable text.
import type { CellStyle, SheetSpec } from "../sheet";
import { columnLetter } from "../issues/issue";

export type Cell = string | number | boolean | null;
export type Row = Cell[];

export const HEADER_STYLE: CellStyle = { bold: true, fill: "DDEBF7", border: true, wrap: true, vertical: "middle" };
const BODY_STYLE: CellStyle = { border: true, wrap: true, vertical: "top" };
/** Fill of a figure that misses its mark (Excel's light red). */
export const WARN_FILL = "FFC7CE";

export const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

type Chart = NonNullable<SheetSpec["charts"]>[number];

export class SheetLayout {
  readonly rows: Row[] = [];
  readonly styles: NonNullable<SheetSpec["styles"]> = [];
  readonly merges: string[] = [];
  private readonly heights: (number | null)[] = [];
  private readonly charts: Omit<Chart, "anchor">[] = [];

  /** `width` is the number of columns the title and notes span. */
  constructor(readonly width: number) {}

  private push(row: Row, height: number | null = null): number {
    this.rows.push(row);
    this.heights[this.rows.length - 1] = height;
    return this.rows.length;
  }

  /** A row of text merged across the width. */
  line(text: string, style: CellStyle = {}, height: number | null = null): number {
    const r = this.push([text], height);
    if (this.width > 1) this.merges.push(`A${r}:${columnLetter(this.width - 1)}${r}`);
    if (Object.keys(style).length > 0) this.styles.push({ range: `A${r}`, style });
    return r;
  }

  title(text: string): number {
    return this.line(text, { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" }, 30);
  }

  blank(): void {
    this.push([]);
  }

  /** A wrapped note across the width; its height grows with its length. */
  note(text: string): number {
    const perLine = Math.max(20, this.width * 12);
    const lines = text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / perLine)), 0);
    return this.line(text, { wrap: true, vertical: "top" }, Math.max(15, lines * 15));
  }

  /** A section heading. */
  heading(text: string): number {
    if (this.rows.length > 0 && this.rows[this.rows.length - 1].length > 0) this.blank();
    return this.line(text, { bold: true, fontSize: 12 });
  }

  /**
   * A table with a header row; returns the header's row and the last row. `warn` marks body cells
   * (0-based row of `body`, 0-based column) to fill light red.
   */
  table(header: string[], body: Row[], warn: [number, number][] = []): { header: number; last: number } {
    const h = this.push(header, header.some((x) => [...x].length > 8) ? 30 : null);
    const last = columnLetter(header.length - 1);
    this.styles.push({ range: `A${h}:${last}${h}`, style: HEADER_STYLE });
    for (const row of body) this.push(row);
    if (body.length > 0) this.styles.push({ range: `A${h + 1}:${last}${h + body.length}`, style: BODY_STYLE });
    for (const [r, c] of warn)
      this.styles.push({ range: `${columnLetter(c)}${h + 1 + r}`, style: { fill: WARN_FILL } });
    return { header: h, last: h + body.length };
  }

  /** A native chart over the block from `header` to `last`, over its first `columns` columns. */
  chart(type: Chart["type"], title: string, header: number, last: number, columns: number): void {
    if (last > header) this.charts.push({ type, title, range: `A${header}:${columnLetter(columns - 1)}${last}` });
  }

  /**
   * The sheet. Charts go under the tables, two to a row, each over half the width, after a page
   * break so that a chart is never cut by one.
   */
  build(name: string, columnWidths: number[], page: SheetSpec["page"], printTitleRows?: string): SheetSpec {
    const rowBreaks: number[] = [];
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
    return {
      name,
      rows: this.rows,
      columnWidths,
      rowHeights: this.heights,
      styles: this.styles,
      merges: this.merges,
      page: page && {
        ...page,
        ...(printTitleRows ? { printTitleRows } : {}),
        ...(rowBreaks.length > 0 ? { rowBreaks: [...(page.rowBreaks ?? []), ...rowBreaks] } : {}),
      },
      charts,
    };
  }
}
