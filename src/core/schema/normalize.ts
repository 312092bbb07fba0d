// How two spellings of one name are judged equal: full-width and half-width alike (NFKC), case,
// white space and invisible characters ignored. Used for headers, sheet names, department and
// category matching.

/** NFKC, trimmed (including the ideographic space U+3000). */
export function nfkcTrim(s: string): string {
  return s.normalize("NFKC").trim();
}

/**
 * The comparison key of a header or sheet name: NFKC, no white space, no control or format
 * character (a BOM before a header, a zero-width space after a department), no trailing '*',
 * lower-case.
 */
export function nameKey(s: string): string {
  const key = s.normalize("NFKC").replace(/\s+/g, "");
  return (INVISIBLE.test(key) ? key.replace(INVISIBLE_ALL, "") : key).replace(/\*+$/, "").toLowerCase();
}

const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}]+/gu;
