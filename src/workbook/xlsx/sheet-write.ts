// A SheetSpec written straight to worksheet XML, row by row, as the ExcelJS adapter's renderSheet
// lays it out (./render.ts): the same cells and styles (styled empty cells and merged cells
// included), column widths and styles, row heights, frozen rows, tab colour, protection, drop-downs,
// page setup, row breaks and table; strings as inline text with the '@' format, never formulas.
// It never builds the sheet in memory, so a snapshot sheet of a million targets costs its text.
import type ExcelJS from "exceljs";
import type { SheetSpec } from "../port";
import { blockText, clampBlock, columnName, parseRange } from "./a1";
import { listFormula, StyleIndex, styleParts, tableColumns, TEXT_FORMAT, rowHeights } from "./render";
import type { StyleBook } from "./styles-part";
import { escapeXml } from "./xml";
import { Utf8Writer } from "../../core/utf8-writer";
import { maxOf } from "../../core/push-all";

type Style = Partial<ExcelJS.Style>;
type Value = string | number | boolean | null;

export const WORKSHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** \s holds nothing from '!' to U+009F, nor above U+3000 but U+FEFF: the fast test of edgeSpace. */
const plain = (c: number) => (c > 32 && c < 0xa0) || (c > 0x3000 && c !== 0xfeff);

/** Whether text starts or ends with white space or holds a line break (then it is kept as it is). */
function edgeSpace(v: string): boolean {
  const a = v.charCodeAt(0);
  const z = v.charCodeAt(v.length - 1);
  if ((plain(a) && plain(z)) || !/^\s|\s$/.test(v)) return v.indexOf("\n") >= 0;
  return true;
}

/** The XML of one cell (nothing for an empty unstyled one). */
export function cellXml(ref: string, v: Value, s: number): string {
  const sAttr = s ? ` s="${s}"` : "";
  if (v === null || v === "") return s ? `<c r="${ref}"${sAttr}/>` : "";
  switch (typeof v) {
    case "string": {
      const text = escapeXml(v);
      const space = edgeSpace(v) ? ' xml:space="preserve"' : "";
      return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
    }
    case "boolean":
      return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
    default:
      return `<c r="${ref}"${sAttr}><v>${String(v)}</v></c>`;
  }
}

/**
 * cellXml's bytes, written into `w` (a million-row sheet is never a string): `column` is the
 * cell's column letters, `row` its row number.
 */
export function writeCell(w: Utf8Writer, column: string, row: number, v: Value, s: number): void {
  if (v === null || v === "") {
    if (!s) return;
    w.ascii('<c r="');
    w.ascii(column);
    w.uint(row);
    w.ascii('" s="');
    w.uint(s);
    w.ascii('"/>');
    return;
  }
  w.ascii('<c r="');
  w.ascii(column);
  w.uint(row);
  if (s) {
    w.ascii('" s="');
    w.uint(s);
  }
  switch (typeof v) {
    case "string":
      w.ascii(edgeSpace(v) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
      if (!w.xmlText(v)) w.text(escapeXml(v));
      w.ascii("</t></is></c>");
      return;
    case "boolean":
      w.ascii(v ? '" t="b"><v>1</v></c>' : '" t="b"><v>0</v></c>');
      return;
    default:
      w.ascii('"><v>');
      w.ascii(String(v));
      w.ascii("</v></c>");
  }
}

/** How a table over the sheet is written; the caller gives it its part and relationship. */
export interface TablePart {
  id: number;
  rid: string;
}

/** What the sheet holds besides its rows, for the workbook part (print titles). */
export interface SheetFacts {
  printTitles?: string;
  lastRow: number;
}

/**
 * The worksheet XML of a checked spec, in chunks. `styles` receives the cell formats; `table`
 * is where its table part goes, when the spec has one.
 */
export function* sheetXml(spec: SheetSpec, styles: StyleBook, table?: TablePart): Generator<string | Uint8Array> {
  const rows = spec.rows.length;
  const columns = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const index = new StyleIndex();
  for (const s of spec.styles ?? []) index.add(clampBlock(parseRange(s.range), rows, columns), styleParts(s.style));
  const unlockedColumns = new Set<number>();
  if (spec.protect)
    for (const u of spec.unlocked ?? []) {
      const b = parseRange(u);
      if (b.top === null && b.left !== null) for (let c = b.left; c <= b.right!; c++) unlockedColumns.add(c);
      index.add(clampBlock(b, rows, columns), { protection: { locked: false } });
    }

  // merged cells take their master's style (ExcelJS's Cell.merge); masters are kept by row
  const merges = (spec.merges ?? []).map(parseRange).filter((b) => b.top !== b.bottom || b.left !== b.right);
  const mastersByRow = new Map<number, { top: number; left: number; bottom: number; right: number }[]>();
  for (const b of merges) {
    const m = { top: b.top!, left: b.left!, bottom: b.bottom!, right: b.right! };
    for (let r = m.top; r <= m.bottom; r++) {
      const list = mastersByRow.get(r) ?? [];
      list.push(m);
      mastersByRow.set(r, list);
    }
  }
  const masterStyle = new Map<number, Style | undefined>();

  // every styled cell outside the values, by row: what renderSheet's remaining() creates
  const heights = rowHeights(spec);
  const lastStyledRow = maxOf(merges, (m) => m.bottom!, Math.max(rows, index.lastRow()));
  const extentRows = Math.max(lastStyledRow, heights.length);
  const extentColumns = Math.max(
    maxOf(merges, (m) => m.right!, Math.max(columns, index.lastColumn())),
    maxOf(unlockedColumns, (c) => c),
  );

  yield WORKSHEET_HEAD;
  const fitToPage = spec.page?.fitToWidth === true;
  if (spec.tabColor || fitToPage)
    yield `<sheetPr>${spec.tabColor ? `<tabColor rgb="FF${spec.tabColor.toUpperCase()}"/>` : ""}${fitToPage ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`;
  yield `<dimension ref="${extentRows && extentColumns ? `A1:${columnName(extentColumns)}${extentRows}` : "A1"}"/>`;
  if (spec.frozenRows)
    yield `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.frozenRows}" topLeftCell="A${spec.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  yield colsXml(spec, unlockedColumns, styles);

  yield "<sheetData>";
  // the rows as bytes, a chunk at a time: a million rows of strings would cost more to flatten
  // and encode than everything else in the write
  const w = new Utf8Writer();
  // a million-row sheet: column letters once, and the style lookups only where styles are
  const letters = Array.from({ length: extentColumns + 1 }, (_, c) => (c ? columnName(c) : ""));
  const textOnly = styles.indexOf(TEXT_ONLY);
  for (let r = 1; r <= extentRows; r++) {
    const values = spec.rows[r - 1] ?? [];
    const masters = mastersByRow.get(r);
    const styled = index.rowExtent(r);
    const width = Math.max(values.length, styled, masters ? Math.max(...masters.map((m) => m.right)) : 0);
    const h = heights[r - 1];
    const rowStart = w.length;
    w.ascii('<row r="');
    w.uint(r);
    w.ascii(typeof h === "number" ? `" ht="${h}" customHeight="1">` : '">');
    const bodyStart = w.length;
    for (let c = 1; c <= width; c++) {
      const v = values[c - 1] ?? null;
      const empty = v === null || v === "";
      let style = c <= styled ? index.take(r, c, typeof v === "string" && !empty) : undefined;
      const master = masters?.find((m) => m.left <= c && c <= m.right);
      if (master) {
        const key = master.top * 16385 + master.left;
        if (r === master.top && c === master.left)
          masterStyle.set(key, style ?? (typeof v === "string" && !empty ? TEXT_ONLY : undefined));
        else {
          // a merged cell: its master's style, its own value dropped as ExcelJS drops it
          const ms = masterStyle.get(key);
          w.ascii('<c r="');
          w.ascii(letters[c]);
          w.uint(r);
          w.ascii(ms ? `" s="${styles.indexOf(ms)}"/>` : '"/>');
          continue;
        }
      }
      if (empty && !style) continue;
      const s = style ? styles.indexOf(style) : typeof v === "string" ? textOnly : 0;
      writeCell(w, letters[c], r, v, s);
    }
    if (w.length === bodyStart && typeof h !== "number") w.rewind(rowStart);
    else w.ascii("</row>");
    if (w.full) yield w.take();
  }
  if (w.length) yield w.take();
  yield "</sheetData>";

  if (spec.protect) yield '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>';
  if (merges.length) {
    yield `<mergeCells count="${merges.length}">`;
    let m = "";
    for (const b of merges) {
      m += `<mergeCell ref="${blockText(b.top!, b.left!, b.bottom!, b.right!)}"/>`;
      if (m.length > 1 << 16) {
        yield m;
        m = "";
      }
    }
    yield m + "</mergeCells>";
  }
  const validations = (spec.validations ?? []).map((v) => ({
    block: clampBlock(parseRange(v.range), rows, columns),
    list: v.list,
  }));
  if (validations.length)
    yield `<dataValidations count="${validations.length}">${validations.map((v) => validationXml(v.block, v.list)).join("")}</dataValidations>`;
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const p = spec.page;
  yield p
    ? `<pageSetup paperSize="9" orientation="${p.orientation}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="${p.fitToWidth ? 0 : 1}"/>`
    : '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>';
  const breaks = p?.rowBreaks ?? [];
  if (breaks.length) {
    // ExcelJS writes max="16838"; kept so that both adapters write the same breaks
    yield `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16838" man="1"/>`).join("")}</rowBreaks>`;
  }
  if (table) yield `<tableParts count="1"><tablePart r:id="${table.rid}"/></tableParts>`;
  yield "</worksheet>";
}

const TEXT_ONLY: Style = { numFmt: TEXT_FORMAT };

/** <cols>: widths from the spec, and the unlocked style of whole unlocked columns (width 9 then, as ExcelJS). */
function colsXml(spec: SheetSpec, unlocked: Set<number>, styles: StyleBook): string {
  const widths = spec.columnWidths ?? [];
  const last = Math.max(widths.length, unlocked.size ? Math.max(...unlocked) : 0);
  const unlockedStyle = styles.indexOf(UNLOCKED);
  let out = "";
  for (let c = 1; c <= last; c++) {
    const w = widths[c - 1];
    const hasWidth = w !== null && w !== undefined;
    // ExcelJS takes a width of 9 for its default and writes no column for it; so neither does this
    if ((!hasWidth || w === 9) && !unlocked.has(c)) continue;
    const style = unlocked.has(c) ? ` style="${unlockedStyle}"` : "";
    out += `<col min="${c}" max="${c}" width="${hasWidth ? w : 9}"${style} customWidth="1"/>`;
  }
  return out ? `<cols>${out}</cols>` : "";
}

const UNLOCKED: Style = { protection: { locked: false } };

export function validationXml(
  b: { top: number; left: number; bottom: number; right: number },
  list: readonly string[],
): string {
  const sqref = `${columnName(b.left)}${b.top}:${columnName(b.right)}${b.bottom}`;
  return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" sqref="${sqref}"><formula1>${escapeXml(listFormula(list))}</formula1></dataValidation>`;
}

/** The table part of a spec's table, as ExcelJS writes it. */
export function tableXml(spec: SheetSpec, id: number): string {
  const t = tableColumns(spec);
  const name = escapeXml(spec.table!.name);
  const ref = blockText(t.top, t.left, t.top + t.rows.length, t.left + t.names.length - 1);
  const filters = t.names.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join("");
  const columns = t.names
    .map((n, i) =>
      i === 0
        ? `<tableColumn id="${i + 1}" name="${escapeXml(n)}" totalsRowLabel="Total"/>`
        : `<tableColumn id="${i + 1}" name="${escapeXml(n)}" totalsRowFunction="none"/>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="1" headerRowCount="1">` +
    `<autoFilter ref="${ref}">${filters}</autoFilter><tableColumns count="${t.names.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
