// The layout of a printed paper as a SheetSpec: rows of segments (a cell, or cells merged across
// columns), a height for every row from the text it holds, long text continued on the rows below
// instead of a row over Excel's 409 points, and few styled ranges: a base style laid over a block
// of rows, with only what differs from it on the cells, each run of equal spans one range.
import type { CellStyle, SheetSpec } from "../sheet";
import { columnLetter } from "../issues/issue";
import { lineCount, MAX_CELL_TEXT, MAX_ROW_HEIGHT, rowHeight, splitToFit } from "./fit";

export type PaperCell = string | number | null;

/** One cell or merged span of a row: columns `from`..`to` (0-based, inclusive). */
export interface Segment {
  text: PaperCell;
  from: number;
  to: number;
  /** the cell's style; under a base style, only what differs from it (absent: the base alone) */
  style?: CellStyle;
  /** left unlocked on a protected sheet (a cell to fill in) */
  unlocked?: boolean;
  /** an in-cell drop-down */
  list?: readonly string[];
}

/**
 * Column spans that grow down by a row when the row below gets the same span and the same value
 * (by identity: callers pass their style constants), so that many alike rows cost few ranges.
 */
class SpanList<V> {
  private readonly entries: { from: number; to: number; top: number; bottom: number; value: V }[] = [];
  private readonly open = new Map<number, number>();
  add(from: number, to: number, row: number, value: V): void {
    const k = from * 16384 + to;
    const i = this.open.get(k);
    const e = i === undefined ? undefined : this.entries[i];
    if (e && e.bottom === row - 1 && e.value === value) e.bottom = row;
    else this.open.set(k, this.entries.push({ from, to, top: row, bottom: row, value }) - 1);
  }
  ranges(): { range: string; value: V }[] {
    return this.entries.map((e) => ({
      range: `${columnLetter(e.from)}${e.top}:${columnLetter(e.to)}${e.bottom}`,
      value: e.value,
    }));
  }
}

/** Neighbouring segments (in column order) with the same value, as runs; undefined values left out. */
function runs<V>(
  segments: readonly Segment[],
  value: (s: Segment) => V | undefined,
): { from: number; to: number; value: V }[] {
  const out: { from: number; to: number; value: V }[] = [];
  let sorted = true;
  for (let i = 1; i < segments.length && sorted; i++) sorted = segments[i - 1].from < segments[i].from;
  for (const s of sorted ? segments : [...segments].sort((a, b) => a.from - b.from)) {
    const v = value(s);
    if (v === undefined) continue;
    const prev = out[out.length - 1];
    if (prev && prev.value === v && prev.to + 1 === s.from) prev.to = s.to;
    else out.push({ from: s.from, to: s.to, value: v });
  }
  return out;
}

const styleOf = (s: Segment) => s.style;
const unlockedOf = (s: Segment) => (s.unlocked ? true : undefined);
const listOf = (s: Segment) => s.list;

/** What one segment puts on each of its rows: its text (split when long) and that text's lines. */
interface Placed {
  pieces: PaperCell[];
  lines: number[];
  font: number;
}

export interface PaperPage {
  orientation: "portrait" | "landscape";
  /** rows repeated atop every printed page, e.g. '1:1' */
  printTitleRows?: string;
}

/** Builds a paper row by row; `spec()` gives the SheetSpec. Column widths in characters. */
export class PaperBuilder {
  readonly rows: PaperCell[][] = [];
  readonly heights: number[] = [];
  readonly merges: string[] = [];
  readonly breaks: number[] = [];
  private readonly bases: { range: string; style: CellStyle }[] = [];
  private readonly styles = new SpanList<CellStyle>();
  private readonly unlocked = new SpanList<true>();
  private readonly lists = new SpanList<readonly string[]>();
  private base: { style: CellStyle; from: number; lastColumn: number } | null = null;

  /** `font`: the font size of text whose style names none (the base's when a base is open). */
  constructor(
    readonly widths: readonly number[],
    private readonly font = 10,
  ) {}

  /** The last row placed (1-based), 0 when none. */
  get last(): number {
    return this.rows.length;
  }

  /** Lays `style` over columns A…`lastColumn` (0-based; all by default) of the rows placed until `endBase()`. */
  beginBase(style: CellStyle, lastColumn = this.widths.length - 1): void {
    this.endBase();
    this.base = { style, from: this.rows.length + 1, lastColumn };
  }

  endBase(): void {
    const b = this.base;
    this.base = null;
    if (!b || this.rows.length < b.from) return;
    this.bases.push({ range: `A${b.from}:${columnLetter(b.lastColumn)}${this.rows.length}`, style: b.style });
  }

  /** A page break after the last row placed. */
  pageBreak(): void {
    if (this.rows.length > 0) this.breaks.push(this.rows.length);
  }

  /** Width in characters of columns `from`..`to`. */
  spanWidth(from: number, to: number): number {
    let w = 0;
    for (let c = from; c <= to; c++) w += this.widths[c];
    return w;
  }

  private fontOf(s: Segment): number {
    return s.style?.fontSize ?? this.base?.style.fontSize ?? this.font;
  }

  private measure(s: Segment): Placed {
    const font = this.fontOf(s);
    if (typeof s.text !== "string" || s.text === "") return { pieces: [s.text], lines: [1], font };
    const width = this.spanWidth(s.from, s.to);
    const lines = lineCount(s.text, width, font);
    if (s.text.length <= MAX_CELL_TEXT && rowHeight(lines, font) <= MAX_ROW_HEIGHT)
      return { pieces: [s.text], lines: [lines], font };
    const pieces = splitToFit(s.text, width, font);
    return { pieces, lines: pieces.map((p) => lineCount(p as string, width, font)), font };
  }

  /**
   * Adds a row of segments. A text too long for one row (409 points, or 32,767 characters)
   * continues in the same columns on the rows below; the row's other segments are merged down
   * over those rows, so the record still reads as one. `height` (points) is the least height
   * of a row that needs no continuation (a signature line). Returns the first and last row used.
   */
  place(segments: Segment[], height?: number): { first: number; last: number } {
    const first = this.rows.length + 1;
    const placed = segments.map((s) => this.measure(s));
    let n = 1;
    for (const p of placed) if (p.pieces.length > n) n = p.pieces.length;
    const last = first + n - 1;
    const heights: number[] = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) this.rows.push(new Array<PaperCell>(this.widths.length).fill(null));

    segments.forEach((s, i) => {
      const p = placed[i];
      const count = p.pieces.length;
      for (let k = 0; k < count; k++) {
        const r = first + k;
        this.rows[r - 1][s.from] = p.pieces[k];
        // the segment's last piece (or its only one) takes the rows left below it
        const bottom = k === count - 1 ? last : r;
        if (s.from !== s.to || bottom !== r)
          this.merges.push(`${columnLetter(s.from)}${r}:${columnLetter(s.to)}${bottom}`);
        // a one-piece segment merged down over continued rows is fitted to their sum below
        if (count > 1 || n === 1) heights[k] = Math.max(heights[k], rowHeight(p.lines[k], p.font));
      }
    });
    // styles, unlocked cells and lists by runs of neighbouring segments that share them
    for (const run of runs(segments, styleOf))
      for (let r = first; r <= last; r++) this.styles.add(run.from, run.to, r, run.value);
    for (const run of runs(segments, unlockedOf))
      for (let r = first; r <= last; r++) this.unlocked.add(run.from, run.to, r, true);
    for (const run of runs(segments, listOf))
      for (let r = first; r <= last; r++) this.lists.add(run.from, run.to, r, run.value);

    if (n === 1) {
      const estimate = Math.max(heights[0], rowHeight(1, this.base?.style.fontSize ?? this.font));
      this.heights.push(Math.min(Math.max(height ?? 0, estimate), MAX_ROW_HEIGHT));
      return { first, last };
    }
    // a one-piece segment merged down over the rows must fit their sum
    for (let k = 0; k < n; k++) heights[k] = Math.max(heights[k], rowHeight(1, this.font));
    placed.forEach((p) => {
      if (p.pieces.length !== 1) return;
      const need = rowHeight(p.lines[0], p.font);
      const have = heights.reduce((a, b) => a + b, 0);
      if (need > have) heights[n - 1] = Math.min(MAX_ROW_HEIGHT, heights[n - 1] + need - have);
    });
    for (const h of heights) this.heights.push(Math.min(h, MAX_ROW_HEIGHT));
    return { first, last };
  }

  /** One text across every column. */
  line(text: string, style?: CellStyle, height?: number): number {
    return this.place([{ text, from: 0, to: this.widths.length - 1, style }], height).first;
  }

  /**
   * Merges a block of rows already placed (columns `from`..`to`, rows `top`..`bottom`) into one
   * cell, styled and, with `unlocked`, left to fill in.
   */
  block(from: number, to: number, top: number, bottom: number, style?: CellStyle, unlocked = false): void {
    if (from !== to || top !== bottom) this.merges.push(`${columnLetter(from)}${top}:${columnLetter(to)}${bottom}`);
    for (let r = top; r <= bottom; r++) {
      if (style) this.styles.add(from, to, r, style);
      if (unlocked) this.unlocked.add(from, to, r, true);
    }
  }

  /** An empty row of the given height (points). */
  gap(height: number): number {
    this.rows.push(new Array<PaperCell>(this.widths.length).fill(null));
    this.heights.push(Math.min(height, MAX_ROW_HEIGHT));
    return this.rows.length;
  }

  /** The paper as a sheet; `protect` locks every cell but the unlocked segments. */
  spec(name: string, page: PaperPage, options: { protect?: boolean; frozenRows?: number } = {}): SheetSpec {
    this.endBase();
    const styles = [...this.bases, ...this.styles.ranges().map(({ range, value }) => ({ range, style: value }))];
    return {
      name,
      rows: this.rows,
      rowHeights: this.heights,
      columnWidths: [...this.widths],
      styles,
      merges: this.merges,
      ...(options.frozenRows ? { frozenRows: options.frozenRows } : {}),
      ...(options.protect ? { protect: true, unlocked: this.unlocked.ranges().map(({ range }) => range) } : {}),
      validations: this.lists.ranges().map(({ range, value }) => ({ range, list: [...value] })),
      page: {
        orientation: page.orientation,
        fitToWidth: true,
        ...(page.printTitleRows ? { printTitleRows: page.printTitleRows } : {}),
        rowBreaks: this.breaks,
      },
    };
  }
}
