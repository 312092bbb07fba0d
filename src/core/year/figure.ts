// A figure of the year view and what it counts, so that a clerk can go from a number to the
// targets and 检查结果 rows behind it.

/** One thing a figure counts: a target, a target of one draw (户次), or one 检查结果 row. */
export interface FigureEntry {
  uscc: string;
  name: string;
  /** the draws' sheets (the result sheet, or an external list's sheet) */
  sheets: string[];
  /** the department, for a result row; '' otherwise */
  department: string;
  /** the 检查结果 rows (1-based) behind the entry */
  rows: number[];
}

/** 指标: its value is always the number of its entries. */
export interface Figure {
  value: number;
  entries: FigureEntry[];
}

export const figure = (entries: FigureEntry[]): Figure => ({ value: entries.length, entries });

/** The distinct USCCs a figure counts, sorted. */
export function figureTargets(f: Figure): string[] {
  return [...new Set(f.entries.map((e) => e.uscc))].sort();
}

/** The distinct 检查结果 rows a figure counts, ascending. */
export function figureRows(f: Figure): number[] {
  return [...new Set(f.entries.flatMap((e) => e.rows))].sort((a, b) => a - b);
}

/** a / b rounded to 4 decimals; `empty` when b is 0. */
export const rate = (a: number, b: number, empty = 0): number =>
  b === 0 ? empty : Math.round((a / b) * 10000) / 10000;
