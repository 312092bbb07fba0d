// Reading worksheet parts as a stream: the XML is inflated and scanned chunk by chunk, each row
// turned into an array of the port's cell values as soon as it is complete, so that a sheet costs
// its values and nothing else (no cell objects, no whole-part string). The values are those the
// ExcelJS reader gives (./read.ts): the same shared strings, dates by the same number formats,
// formula results through the same cellValue, merged cells empty but for their top-left one.
import type ExcelJS from "exceljs";
import type { CellValue, SheetData } from "../port";
import { columnNumber } from "./a1";
import { cellValue, plainValue } from "./read";
import { attributes, decodeXml, rawAttribute } from "./xml";

const FORMULA = 6; // ExcelJS.ValueType.Formula

/** A worksheet part that is not whole XML: the caller says what is wrong with the file. */
export class SheetXmlError extends Error {
  constructor(
    readonly sheet: string,
    detail: string,
  ) {
    super(`sheet ${sheet}: ${detail}`);
    this.name = "SheetXmlError";
  }
}

const T_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g;

/** A <t> run's text: XML entities, then OOXML's _xHHHH_ escapes (a control character), as ExcelJS reads them. */
function runText(raw: string): string {
  const text = decodeXml(raw);
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of an <si> or <is> element's content: its <t> runs joined, phonetic runs (<rPh>) left out. */
export function richText(xml: string): string {
  // the common case, one plain run: <t>text</t>
  if (xml.startsWith("<t>") && xml.indexOf("<", 3) === xml.length - 4 && xml.endsWith("</t>"))
    return runText(xml.slice(3, -4));
  const inner = xml.indexOf("rPh") >= 0 ? xml.replace(PHONETIC, "") : xml;
  let out = "";
  for (const m of inner.matchAll(T_RUN)) out += runText(m[1]);
  return out;
}

// eslint-disable-next-line no-control-regex -- every ASCII character, controls too
const ASCII = /^[\x00-\x7f]*$/;
const latin = typeof Buffer === "function" ? Buffer : null;
/**
 * A string of its own. A string cut from the part's text is, in V8, a view that keeps the chunk
 * it was cut from alive (from 13 characters up), and a two-byte one even when it is ASCII: the
 * four million shared strings of a 1M-row registry held their XML that way. Copied, an ASCII one
 * (a USCC, a telephone number) takes one byte a character; with Buffer only, i.e. in Node.
 */
function own(s: string): string {
  if (s.length < 13) return s;
  return latin && ASCII.test(s) ? latin.from(s, "latin1").toString("latin1") : (" " + s).slice(1);
}

/** The shared strings of a package, read once, in order. */
export async function readSharedStrings(text: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  let buf = "";
  for await (const chunk of text) {
    buf += chunk;
    let at = 0;
    for (;;) {
      const open = buf.indexOf("<si", at);
      if (open < 0) break;
      const after = buf[open + 3];
      if (after === "/") {
        const end = buf.indexOf(">", open);
        if (end < 0) break;
        out.push("");
        at = end + 1;
        continue;
      }
      const close = buf.indexOf("</si>", open);
      if (close < 0) break;
      out.push(own(richText(buf.slice(open + 4, close))));
      at = close + 5;
    }
    buf = buf.slice(at);
  }
  // a prefixed part (<x:si>) is rare enough to take the slow road
  if (out.length === 0 && /<\w+:si\b/.test(buf))
    for (const m of buf.matchAll(/<(\w+:)?si\b[^>]*>([\s\S]*?)<\/\1?si>/g)) out.push(richText(m[2]));
  return out;
}

// ExcelJS takes a number cell as a date when its style's number format looks like one
// (utils.isDateFmt), the built-in ids 14–22 and 45–47 included.
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell style index of styles.xml, whether a number in it is a date. */
export function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml);
  if (!xfs) return [];
  const out: boolean[] = [];
  for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    out.push(id !== 0 && (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATES.has(id)));
  }
  return out;
}

export interface SheetContext {
  sharedStrings: () => Promise<string[]>;
  dates: boolean[];
  date1904: boolean;
}

/** A cell that refers to a shared string, in any quoting. */
const SHARED_REF = /\st\s*=\s*["']s["']/;

const excelToDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));

/** What the scan found outside the cells: what readSheet reports and what a writer needs. */
export interface SheetScan {
  data: SheetData;
  /** the last row holding a value (formatted empty rows do not count), 0 for an empty sheet */
  lastRow: number;
}

/**
 * Scans one worksheet part into the port's SheetData (rows cut as readWorksheet cuts them) and
 * its protection state; tables are added by the caller from the sheet's relationships.
 */
export async function scanSheet(name: string, text: AsyncIterable<string>, ctx: SheetContext): Promise<SheetScan> {
  const rows: CellValue[][] = [];
  let strings: string[] | null = null;
  let head = "";
  let tail = "";
  let inData = false;
  let done = false;
  let prefix = "";
  let buf = "";
  let lastRowNo = 0;

  const rowOpen = () => `<${prefix}row`;
  const cellOpen = () => `<${prefix}c`;

  /**
   * One <row>: `rowTag` its attributes, the cells between `from` and `to` in `src`. The common
   * cell (<c r s t><v>…</v></c>) is read from the text in place, without slicing it apart.
   */
  const handleRow = (rowTag: string, src: string, from: number, to: number) => {
    const rAttr = rawAttribute(rowTag, "r");
    const r = rAttr !== undefined ? Number(rAttr) : lastRowNo + 1;
    lastRowNo = r;
    if (to <= from) return;
    const out: CellValue[] = [];
    let col = 0;
    let i = from;
    const open = cellOpen();
    const close = `</${prefix}c>`;
    const vOpen = `<${prefix}v>`;
    const vClose = `</${prefix}v>`;
    for (;;) {
      const c = src.indexOf(open, i);
      if (c < 0 || c >= to) break;
      let p = c + open.length;
      const next = src.charCodeAt(p);
      // <c followed by a space, '>' or '/', not <col… or <cfRule…
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
        i = p;
        continue;
      }
      const gt = src.indexOf(">", p);
      const selfClosing = src.charCodeAt(gt - 1) === 47;
      // the attributes r, s and t, read in place
      let refCol = -1;
      let style = -1;
      let tStart = -1;
      let tLength = 0;
      while (p < gt) {
        const ch = src.charCodeAt(p);
        if (ch <= 32 || ch === 47) {
          p++;
          continue;
        }
        const nameStart = p;
        while (p < gt && src.charCodeAt(p) !== 61 && src.charCodeAt(p) > 32) p++;
        const nameLength = p - nameStart;
        while (p < gt && src.charCodeAt(p) !== 34 && src.charCodeAt(p) !== 39) p++;
        const quote = src.charCodeAt(p);
        const valueStart = ++p;
        while (p < gt && src.charCodeAt(p) !== quote) p++;
        const valueEnd = p++;
        if (nameLength !== 1) continue;
        const n = src.charCodeAt(nameStart);
        if (n === 114) {
          refCol = 0;
          for (let k = valueStart; k < valueEnd; k++) {
            const code = src.charCodeAt(k);
            if (code < 65) break;
            refCol = refCol * 26 + ((code & 0xdf) - 64);
          }
        } else if (n === 115) {
          style = 0;
          for (let k = valueStart; k < valueEnd; k++) style = style * 10 + (src.charCodeAt(k) - 48);
        } else if (n === 116) {
          tStart = valueStart;
          tLength = valueEnd - valueStart;
        }
      }
      col = refCol >= 0 ? refCol : col + 1;
      if (selfClosing) {
        i = gt + 1;
        continue;
      }
      const end = src.indexOf(close, gt);
      const contentEnd = end < 0 ? to : end;
      i = end < 0 ? to : end + close.length;
      if (contentEnd === gt + 1) continue;
      const t0 = tStart >= 0 ? src.charCodeAt(tStart) : 0;
      let v: CellValue;
      const plain = src.startsWith(vOpen, gt + 1) && (tLength === 0 || tLength === 1);
      const vEnd = plain ? src.indexOf(vClose, gt + 1) : -1;
      if (plain && vEnd >= 0 && vEnd + vClose.length === contentEnd) {
        const vs = gt + 1 + vOpen.length;
        if (t0 === 115) {
          // a shared string
          let k = 0;
          for (let q = vs; q < vEnd; q++) k = k * 10 + (src.charCodeAt(q) - 48);
          const sv = strings![k];
          v = typeof sv === "string" ? (sv === "" ? null : sv) : plainValue(sv);
        } else if (tLength === 0 || t0 === 110) {
          // a number, a date by its style
          let n = 0;
          let digits = vEnd - vs > 0 && vEnd - vs < 15;
          for (let q = vs; digits && q < vEnd; q++) {
            const code = src.charCodeAt(q);
            if (code < 48 || code > 57) digits = false;
            else n = n * 10 + (code - 48);
          }
          if (!digits) n = parseFloat(src.slice(vs, vEnd));
          v = plainValue(style >= 0 && ctx.dates[style] === true ? excelToDate(n, ctx.date1904) : n);
        } else v = cell(src.slice(c + open.length, gt), src.slice(gt + 1, contentEnd));
      } else v = cell(src.slice(c + open.length, gt), src.slice(gt + 1, contentEnd));
      if (v !== null) {
        while (out.length < col - 1) out.push(null);
        out[col - 1] = v;
      }
    }
    if (out.length > 0) {
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = out;
    }
  };

  const valueOf = (content: string): string | undefined => {
    const v = content.indexOf(`<${prefix}v`);
    if (v < 0) return undefined;
    const gt = content.indexOf(">", v);
    if (content.charCodeAt(gt - 1) === 47) return undefined;
    const end = content.indexOf(`</${prefix}v>`, gt);
    return content.slice(gt + 1, end < 0 ? content.length : end);
  };

  // the text of each shared formula by its index, for the cells that share it without repeating it
  const sharedFormulas = new Map<string, string>();
  const cell = (tag: string, content: string): CellValue => {
    const t = rawAttribute(tag, "t");
    const s = rawAttribute(tag, "s");
    const isDate = s !== undefined && ctx.dates[Number(s)] === true;
    const f = content.indexOf(`<${prefix}f`);
    if (f >= 0) {
      // a formula: its cached result, through the same cellValue as the ExcelJS reader
      const raw = valueOf(content);
      let result: ExcelJS.CellValue | undefined;
      if (raw !== undefined && raw !== "") {
        if (t === "str") result = decodeXml(raw);
        else if (t === "b") result = parseInt(raw, 10) !== 0;
        else if (t === "e") result = { error: raw } as ExcelJS.CellErrorValue;
        else {
          const n = parseFloat(raw);
          result = isDate ? excelToDate(n, ctx.date1904) : n;
        }
      }
      if (result !== undefined) {
        const formula = { formula: "", result } as unknown as ExcelJS.CellFormulaValue;
        return cellValue({ type: FORMULA, value: formula, result } as unknown as ExcelJS.Cell);
      }
      // no result in the file: an empty text result (t="str", as Excel writes =IF(…,"",…)) is an
      // empty cell; any other formula was never calculated, and says so (as read.ts does)
      if (t === "str") return null;
      const fTag = content.slice(f, content.indexOf(">", f) + 1);
      const closing = fTag.endsWith("/>") ? -1 : content.indexOf(`</${prefix}f>`, f);
      let text = closing < 0 ? "" : decodeXml(content.slice(content.indexOf(">", f) + 1, closing));
      const si = rawAttribute(fTag, "si");
      if (si !== undefined) {
        if (text !== "") sharedFormulas.set(si, text);
        else text = sharedFormulas.get(si) ?? "";
      }
      return text === "" ? null : { formula: text };
    }
    if (t === "inlineStr") {
      const is = content.indexOf(`<${prefix}is`);
      if (is < 0) return null;
      const body = content.slice(content.indexOf(">", is) + 1, content.lastIndexOf(`</${prefix}is>`));
      return plainValue(richText(body));
    }
    const raw = valueOf(content);
    if (raw === undefined) return null;
    switch (t) {
      case "s": {
        const k = parseInt(raw, 10);
        return plainValue(strings![k]);
      }
      case "str":
        return plainValue(decodeXml(raw));
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return plainValue({ error: decodeXml(raw) } as ExcelJS.CellErrorValue);
      case "d": {
        const d = new Date(raw);
        return plainValue(d);
      }
      default: {
        const n = parseFloat(raw);
        return plainValue(isDate ? excelToDate(n, ctx.date1904) : n);
      }
    }
  };

  for await (const chunk of text) {
    if (done) {
      tail += chunk;
      continue;
    }
    buf += chunk;
    if (!inData) {
      const m = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(buf);
      if (!m) continue;
      prefix = m[1] ?? "";
      head = buf.slice(0, m.index);
      if (m[2] === "/") {
        done = true;
        tail = buf.slice(m.index + m[0].length);
        buf = "";
        continue;
      }
      inData = true;
      buf = buf.slice(m.index + m[0].length);
    }
    // the shared strings only when a cell refers to them (the sheets this adapter writes do not)
    if (strings === null && SHARED_REF.test(buf)) strings = await ctx.sharedStrings();
    let at = 0;
    const open = rowOpen();
    const close = `</${prefix}row>`;
    const endData = `</${prefix}sheetData>`;
    // where the rows end, searched once per chunk: the rows before it are complete or cut by the chunk
    const e = buf.indexOf(endData, at);
    for (;;) {
      const r = buf.indexOf(open, at);
      if (e >= 0 && (r < 0 || e < r)) {
        done = true;
        tail = buf.slice(e + endData.length);
        at = buf.length;
        break;
      }
      if (r < 0) break;
      const gt = buf.indexOf(">", r);
      if (gt < 0) break;
      if (buf.charCodeAt(gt - 1) === 47) {
        handleRow(buf.slice(r + open.length, gt - 1), buf, 0, 0);
        at = gt + 1;
        continue;
      }
      const end = buf.indexOf(close, gt);
      if (end < 0) break;
      handleRow(buf.slice(r + open.length, gt), buf, gt + 1, end);
      at = end + close.length;
    }
    buf = buf.slice(at);
  }

  // a part cut short (inside a row, or before the rows end) is no sheet to read from
  if (!done || !new RegExp(`</${prefix}worksheet>\\s*$`).test(tail))
    throw new SheetXmlError(name, done ? "the worksheet element is not closed" : "the rows are not closed");
  applyMerges(rows, tail);
  trim(rows);
  const protection = /<(?:\w+:)?sheetProtection\b([^>]*?)\/?>/.exec(tail);
  const sheetAttr = protection ? attributes(protection[1]).sheet : undefined;
  const data: SheetData = { name, rows, protected: sheetAttr === "1" || sheetAttr === "true" };
  void head;
  return { data, lastRow: rows.length };
}

/** Merged cells hold their value in the top-left cell only, as ExcelJS reads them. */
function applyMerges(rows: CellValue[][], tail: string): void {
  if (tail.indexOf("mergeCell") < 0) return;
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [top, bottom] = [Number(m[2]), Number(m[4])];
    const [left, right] = [columnNumber(m[1]), columnNumber(m[3])];
    for (let r = top; r <= Math.min(bottom, rows.length); r++) {
      const row = rows[r - 1];
      for (let c = left; c <= Math.min(right, row.length); c++) if (r !== top || c !== left) row[c - 1] = null;
    }
  }
}

/** Cuts trailing empty cells and rows, as readWorksheet does. */
function trim(rows: CellValue[][]): void {
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r];
    let n = row.length;
    while (n > 0 && row[n - 1] === null) n--;
    row.length = n;
  }
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0) last--;
  rows.length = last;
}
