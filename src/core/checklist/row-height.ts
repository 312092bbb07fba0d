// Row heights for the printed form. LibreOffice (and Excel for merged cells) does not grow a row
// to fit wrapped text on opening a file, so the renderer sets each height from an estimate.

/** Wide (CJK, full-width) characters take two width units, others about one. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Width of a text in Excel column units (the width of '0' at 11 pt), at the given font size. */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += isWide(ch.codePointAt(0)!) ? 2 : 1.15;
  return (units * fontSize) / 11;
}

/** Lines a text wraps to in a cell of `width` column units (each paragraph wraps on its own). */
export function lineCount(text: string, width: number, fontSize: number): number {
  const usable = Math.max(width - 1, 1);
  return text.split("\n").reduce((n, p) => n + Math.max(1, Math.ceil(textWidth(p, fontSize) / usable)), 0);
}

/** Height in points of a row holding `lines` lines of text at `fontSize`, with Noto CJK line spacing. */
export function rowHeight(lines: number, fontSize: number): number {
  return Math.max(15, Math.ceil(lines * fontSize * 1.3 + 3));
}
