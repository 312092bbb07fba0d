// Small XML helpers for the package reader and writer: entities, attributes, escaping.

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with its entity and character references replaced. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref] ?? m;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The attributes of a start tag's text (everything after the element name), decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

/** One attribute of a start tag's text, undecoded, or undefined (fast path for r, s and t). */
export function rawAttribute(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  let i = tag.indexOf(key);
  if (i < 0) {
    // also a first attribute right after a line break or tab, or in single quotes
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
    return m ? (m[1] ?? m[2]) : undefined;
  }
  i += key.length;
  const end = tag.indexOf('"', i);
  return end < 0 ? undefined : tag.slice(i, end);
}

// Characters XML 1.0 cannot hold at all; Excel writes them as _xHHHH_, which ExcelJS does not
// read back either, so they are left out, as ExcelJS's writer does.
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- as above
const INVALID_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const SPECIAL = /[&<>"]/;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/;

/** Text or an attribute value escaped for XML. */
export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  let out = s;
  if (INVALID.test(out)) out = out.replace(INVALID_ALL, "");
  if (!SPECIAL.test(out)) return out;
  return out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
