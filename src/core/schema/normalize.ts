// How two spellings of one name are judged equal: full-width and half-width alike (NFKC), case and
// white space ignored. Used for headers, sheet names, department and category matching.

/** NFKC, trimmed (including the ideographic space U+3000). */
export function nfkcTrim(s: string): string {
  return s.normalize("NFKC").trim();
}

/** The comparison key of a header or sheet name: NFKC, no white space, no trailing '*', lower-case. */
export function nameKey(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").replace(/\*+$/, "").toLowerCase();
}
