// How text fits a printed cell: width estimates, wrapped line counts and row heights, and the
// split of a text too long for one row. Excel caps a row at 409 points and a cell at 32,767
// characters; LibreOffice (and Excel for merged cells) does not grow a row to fit wrapped text
// when a file is opened, so every paper sets its row heights from these estimates.

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Excel's longest cell text, in characters (UTF-16 code units). */
export const MAX_CELL_TEXT = 32767;
/** The default row height in points (Calibri 11), the least a paper's row gets. */
const MIN_ROW_HEIGHT = 15;
/**
 * Share of a row's room that a split chunk fills: the estimate counts characters, the printer
 * wraps at word ends and may need a line more than estimated.
 */
const SPLIT_FILL = 0.8;

/** Wide (CJK, full-width) characters take two width units, others about one. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Width of one character in Excel column units at 11 pt, a little over what LibreOffice prints
 * (measured at 10 pt: a column 35 wide holds 24 CJK characters or 37 digits a line), so that an
 * estimate errs towards one line too many, never one too few.
 */
function charUnits(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (isWide(code)) return 1.65;
  return code >= 0x30 && code <= 0x39 ? 1.05 : 1.15;
}
/** Column units lost to a cell's padding. */
const PADDING = 0.5;

/** Width of a text in Excel column units (the width of '0' at 11 pt), at the given font size. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += charUnits(ch);
  return (units * fontSize) / 11;
}

/** Lines a text wraps to in a cell of `width` column units (each paragraph wraps on its own). */
export function lineCount(text: string, width: number, fontSize: number): number {
  const usable = Math.max(width - PADDING, 1);
  return text.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p, fontSize) / usable)), 0);
}

/**
 * Points per line per point of font: Noto Sans CJK, which prints the Chinese text, spans
 * 1.448 em from ascender to descender; one line alone gets by with less (Latin-height cells).
 */
const LINE_SPACING = 1.45;
const ONE_LINE_SPACING = 1.3;

/** Height in points of a row holding `lines` lines of text at `fontSize`, with Noto CJK line spacing. */
export function rowHeight(lines: number, fontSize: number): number {
  const spacing = lines > 1 ? LINE_SPACING : ONE_LINE_SPACING;
  return Math.max(MIN_ROW_HEIGHT, Math.ceil(lines * fontSize * spacing + 3));
}

/** The most lines one row holds at `fontSize` under Excel's 409 points. */
export function maxLines(fontSize: number): number {
  return Math.max(1, Math.floor((MAX_ROW_HEIGHT - 3) / (fontSize * LINE_SPACING)));
}

/** True when the text fits one row of a cell `width` units wide: under 409 points and 32,767 characters. */
export function fitsOneRow(text: string, width: number, fontSize: number): boolean {
  return text.length <= MAX_CELL_TEXT && rowHeight(lineCount(text, width, fontSize), fontSize) <= MAX_ROW_HEIGHT;
}

/**
 * The estimated wrapped lines of a text, each line's text in order (a paragraph break ends a
 * line; the break itself is kept at the end of its line as '\n').
 */
function wrapLines(text: string, width: number, fontSize: number): string[] {
  const usable = (Math.max(width - PADDING, 1) * 11) / fontSize;
  const lines: string[] = [];
  const paragraphs = text.split("\n");
  paragraphs.forEach((p, i) => {
    const end = i < paragraphs.length - 1 ? "\n" : "";
    let line = "";
    let units = 0;
    for (const ch of p) {
      const w = charUnits(ch);
      if (units + w > usable && line !== "") {
        lines.push(line);
        line = "";
        units = 0;
      }
      line += ch;
      units += w;
    }
    lines.push(line + end);
  });
  return lines;
}

/**
 * A text cut into pieces that each fit one row (well under 409 points and 32,767 characters), in
 * order, cut at estimated line ends; a piece that ended a paragraph loses its line break (the
 * next piece starts a row of its own). A text that fits gives itself alone.
 */
export function splitToFit(text: string, width: number, fontSize: number): string[] {
  if (fitsOneRow(text, width, fontSize)) return [text];
  const perChunk = Math.max(1, Math.floor(maxLines(fontSize) * SPLIT_FILL));
  const chunks: string[] = [];
  let chunk = "";
  let lines = 0;
  for (const line of wrapLines(text, width, fontSize)) {
    if (lines === perChunk || chunk.length + line.length > MAX_CELL_TEXT) {
      chunks.push(chunk);
      chunk = "";
      lines = 0;
    }
    chunk += line;
    lines++;
  }
  chunks.push(chunk);
  return chunks.map((c) => (c.endsWith("\n") ? c.slice(0, -1) : c));
}
