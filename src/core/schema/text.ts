// Text hygiene: characters a clerk cannot see. Control characters (Cc: U+0000–U+001F,
// U+007F–U+009F) and format characters (Cf: zero-width spaces and joiners, bidi controls, the BOM,
// the soft hyphen …) make two ids that look the same differ, and the file formats drop or rewrite
// control characters (ExcelJS reads Excel's `_x000B_` as U+000B and drops it when writing), so a
// value holding one would not survive the snapshot that verify reads back.

/** Every control or format character, except TAB, LF and CR (ordinary white space in a cell). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const ORDINARY = new Set(["\t", "\n", "\r"]);

/** 'U+200B' for a character. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether a text may hold an invisible character: one test, so that the usual text costs no more. */
const MAYBE_INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** The first invisible character of a text (TAB, LF and CR aside), as 'U+200B', or null. */
export function firstInvisible(text: string): string | null {
  if (!MAYBE_INVISIBLE.test(text)) return null;
  for (const m of text.matchAll(INVISIBLE)) if (!ORDINARY.has(m[0])) return codePointLabel(m[0]);
  return null;
}

/** Whether a text holds a control character (CR included, TAB and LF aside). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** The text with each invisible character shown as [U+200B], so that a message can name it. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => (ORDINARY.has(ch) ? ch : `[${codePointLabel(ch)}]`));
}

/** Control characters only (Cc), TAB, LF and CR aside (CR is rewritten as LF below). */
const CONTROL = /\p{Cc}/gu;

/**
 * Free text as the software keeps it: control characters removed, and CR LF or a lone CR as LF
 * (what a .xlsx reader gives back for them). Format characters stay: they survive the round trip
 * and belong to some scripts. `removed` names the first control character taken out, if any.
 */
export function cleanFreeText(text: string): { text: string; removed: string | null } {
  if (!hasControl(text)) return { text, removed: null };
  let removed: string | null = null;
  const out = text.replace(CONTROL, (ch) => {
    if (ORDINARY.has(ch)) return ch;
    removed ??= codePointLabel(ch);
    return "";
  });
  return { text: out.replace(/\r\n?/g, "\n"), removed };
}
