// The package's styles.xml, kept as it is and extended: the new sheets' cell styles are added as
// fonts, fills, borders and cell formats after the existing ones (which keep their indices, so
// that no cell of the input changes its look), written as ExcelJS writes the same style models.
import type ExcelJS from "exceljs";
import { attributes, escapeXml } from "./xml";

type Style = Partial<ExcelJS.Style>;

const TEXT_FORMAT_ID = 49; // the built-in '@'
/** Excel's built-in number formats a spec may ask for, by their code. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49 };

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  alignment: string;
  protection: string;
}

const color = (c: Partial<ExcelJS.Color> | undefined) =>
  c?.argb ? `<color rgb="${c.argb}"/>` : c?.theme !== undefined ? `<color theme="${c.theme}"/>` : "";

function fontXml(f: Partial<ExcelJS.Font>): string {
  let out = "<font>";
  if (f.bold) out += "<b/>";
  if (f.italic) out += "<i/>";
  if (f.color) out += color(f.color);
  if (f.size !== undefined) out += `<sz val="${f.size}"/>`;
  if (f.name) out += `<name val="${escapeXml(f.name)}"/>`;
  return out + "</font>";
}

function fillXml(f: ExcelJS.Fill): string {
  const p = f as ExcelJS.FillPattern;
  if (p.type !== "pattern") return '<fill><patternFill patternType="none"/></fill>';
  const fg = p.fgColor?.argb ? `<fgColor rgb="${p.fgColor.argb}"/>` : "";
  const bg = p.bgColor?.argb ? `<bgColor rgb="${p.bgColor.argb}"/>` : "";
  return `<fill><patternFill patternType="${p.pattern}">${fg}${bg}</patternFill></fill>`;
}

function borderXml(b: Partial<ExcelJS.Borders>): string {
  const side = (tag: string, s: Partial<ExcelJS.Border> | undefined) =>
    s?.style ? `<${tag} style="${s.style}">${color(s.color)}</${tag}>` : `<${tag}/>`;
  return `<border>${side("left", b.left)}${side("right", b.right)}${side("top", b.top)}${side("bottom", b.bottom)}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment> | undefined): string {
  if (!a) return "";
  let attrs = "";
  if (a.horizontal) attrs += ` horizontal="${a.horizontal}"`;
  if (a.vertical) attrs += ` vertical="${a.vertical === "middle" ? "center" : a.vertical}"`;
  if (a.wrapText) attrs += ' wrapText="1"';
  return attrs ? `<alignment${attrs}/>` : "";
}

function protectionXml(p: Partial<ExcelJS.Protection> | undefined): string {
  if (!p) return "";
  let attrs = "";
  if (p.locked === false) attrs += ' locked="0"';
  if (p.hidden) attrs += ' hidden="1"';
  return attrs ? `<protection${attrs}/>` : "";
}

/** One list of styles.xml (fonts, fills, borders, cellXfs): where it is and what is added to it. */
class List {
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    readonly tag: string,
    readonly existing: number,
  ) {}

  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.existing + this.added.push(xml) - 1;
      this.index.set(xml, i);
    }
    return i;
  }
}

/** The package's styles, extended with the cell formats of what a batch writes. */
export class StyleBook {
  private readonly fonts: List;
  private readonly fills: List;
  private readonly borders: List;
  private readonly xfs: List;
  private readonly byStyle = new Map<Style, number>();
  private readonly existingXfs: Xf[];
  private readonly textOf = new Map<number, number>();
  /** custom number formats: those of the package by code, and those added (id ≥ 164) */
  private readonly formats = new Map<string, number>();
  private readonly addedFormats: { id: number; code: string }[] = [];
  private nextFormat = 164;

  /** `xml` is the package's styles.xml; null when it has none (a minimal one is written). */
  constructor(private readonly xml: string) {
    for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const id = Number(a.numFmtId);
      if (a.formatCode !== undefined && Number.isInteger(id)) {
        this.formats.set(a.formatCode, id);
        this.nextFormat = Math.max(this.nextFormat, id + 1);
      }
    }
    const count = (tag: string, child: string) => {
      const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
      return m?.[1] ? [...m[1].matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g"))].length : 0;
    };
    this.fonts = new List("fonts", count("fonts", "font"));
    this.fills = new List("fills", count("fills", "fill"));
    this.borders = new List("borders", count("borders", "border"));
    this.existingXfs = [];
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
    for (const m of (xfs?.[1] ?? "").matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)) {
      const a = attributes(m[1]);
      const body = m[2] ?? "";
      this.existingXfs.push({
        numFmtId: Number(a.numFmtId ?? 0),
        fontId: Number(a.fontId ?? 0),
        fillId: Number(a.fillId ?? 0),
        borderId: Number(a.borderId ?? 0),
        alignment: /<alignment\b[^>]*\/>/.exec(body)?.[0] ?? "",
        protection: /<protection\b[^>]*\/>/.exec(body)?.[0] ?? "",
      });
    }
    this.xfs = new List("cellXfs", this.existingXfs.length);
  }

  /** A styles.xml for a package that has none: ExcelJS's defaults. */
  static minimal(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }

  get changed(): boolean {
    return this.xfs.added.length > 0 || this.addedFormats.length > 0;
  }

  /** The id of a number format: built in, the package's own, or added. */
  private formatId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormat++;
      this.formats.set(code, id);
      this.addedFormats.push({ id, code });
    }
    return id;
  }

  private xfIndex(x: Xf): number {
    let attrs = `numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"`;
    if (x.numFmtId) attrs += ' applyNumberFormat="1"';
    if (x.fontId) attrs += ' applyFont="1"';
    if (x.fillId) attrs += ' applyFill="1"';
    if (x.borderId) attrs += ' applyBorder="1"';
    if (x.alignment) attrs += ' applyAlignment="1"';
    if (x.protection) attrs += ' applyProtection="1"';
    const body = x.alignment + x.protection;
    return this.xfs.add(body ? `<xf ${attrs}>${body}</xf>` : `<xf ${attrs}/>`);
  }

  /**
   * The cell format index of an ExcelJS style model (as render.ts builds them: bold, size and
   * colour of the font, a solid fill, thin borders, alignment, protection, '@'); 0 for none.
   * Style objects are shared between cells, so the index is kept per object.
   */
  indexOf(style: Style | undefined): number {
    if (!style) return 0;
    const known = this.byStyle.get(style);
    if (known !== undefined) return known;
    const empty = !style.font && !style.fill && !style.border && !style.alignment && !style.protection && !style.numFmt;
    const index = empty
      ? 0
      : this.xfIndex({
          numFmtId: this.formatId(style.numFmt),
          fontId: style.font && Object.keys(style.font).length ? this.fonts.add(fontXml(style.font)) : 0,
          fillId: style.fill ? this.fills.add(fillXml(style.fill)) : 0,
          borderId: style.border && Object.keys(style.border).length ? this.borders.add(borderXml(style.border)) : 0,
          alignment: alignmentXml(style.alignment),
          protection: protectionXml(style.protection),
        });
    this.byStyle.set(style, index);
    return index;
  }

  /** An existing or new cell format as text ('@'), everything else kept: how a cell typed as text looks. */
  asText(index: number): number {
    const known = this.textOf.get(index);
    if (known !== undefined) return known;
    const x = this.existingXfs[index] ??
      this.existingXfs[0] ?? { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, alignment: "", protection: "" };
    const out = x.numFmtId === TEXT_FORMAT_ID ? index : this.xfIndex({ ...x, numFmtId: TEXT_FORMAT_ID });
    this.textOf.set(index, out);
    return out;
  }

  /** The protection of an existing cell format, as <protection …/> text ('' when none). */
  protectionOf(index: number): string {
    return this.existingXfs[index]?.protection ?? "";
  }

  /** styles.xml with the additions, each list's count brought up to date. */
  toXml(): string {
    let xml = this.xml;
    if (this.addedFormats.length) {
      const added = this.addedFormats
        .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)
        .join("");
      const m = /<numFmts\b([^>]*?)(\/>|>([\s\S]*?)<\/numFmts>)/.exec(xml);
      if (m) {
        const body = (m[3] ?? "") + added;
        const total = [...body.matchAll(/<numFmt\b/g)].length;
        xml = xml.slice(0, m.index) + `<numFmts count="${total}">${body}</numFmts>` + xml.slice(m.index + m[0].length);
      } else {
        // numFmts come first in a styleSheet
        const at = xml.search(/<fonts\b/);
        const block = `<numFmts count="${this.addedFormats.length}">${added}</numFmts>`;
        xml = at < 0 ? xml : xml.slice(0, at) + block + xml.slice(at);
      }
    }
    for (const list of [this.fonts, this.fills, this.borders, this.xfs]) {
      if (list.added.length === 0) continue;
      const total = list.existing + list.added.length;
      const re = new RegExp(`<${list.tag}\\b([^>]*?)(/>|>([\\s\\S]*?)</${list.tag}>)`);
      const m = re.exec(xml);
      if (!m) throw new Error(`styles.xml has no <${list.tag}>`);
      const attrs = /\bcount="\d+"/.test(m[1])
        ? m[1].replace(/\bcount="\d+"/, `count="${total}"`)
        : `${m[1]} count="${total}"`;
      const replaced = `<${list.tag}${attrs}>${m[3] ?? ""}${list.added.join("")}</${list.tag}>`;
      xml = xml.slice(0, m.index) + replaced + xml.slice(m.index + m[0].length);
    }
    return xml;
  }
}
