// What a rewrite would lose: the input package against the bytes that would be written, part
// by part and feature by feature (extension lists, custom properties, comments, drawings, defined
// names, conditional formats …). ExcelJS keeps cells, styles, validations, merges, tables, images
// and notes, but drops what it does not model (sparklines, slicers, charts, shapes, …); which of
// those a workbook holds is only known by looking, so this looks at both sides rather than keeping
// a list of what ExcelJS drops. Browser-safe (jszip only).
import JSZip from "jszip";
import type { lossMessages } from "../../core/issues/messages-files";
import {
  attributesOf,
  decodeXml,
  findPart,
  localAttr,
  partNames,
  partText,
  relationshipsOf,
  sheetEntries,
  streamPart,
  type SheetEntry,
} from "./ooxml";

export type LossCode = keyof typeof lossMessages;

/** One thing the input has that the output would not: a catalogue phrase and its parameters. */
export interface Loss {
  code: LossCode;
  /** the sheet it belongs to, '' for the workbook */
  sheet: string;
  params: Record<string, string | number>;
}

/** What a package holds, keyed so that the two sides can be compared. */
interface Feature {
  code: LossCode;
  sheet: string;
  params: Record<string, string | number>;
  /** how many there are, shown to the clerk */
  count: number;
  /** what is compared (the count, or the cells a rule covers); the output must not have less */
  measure: number;
}
type Inventory = Map<string, Feature>;

/** Parts nobody misses when a rewrite leaves them out: Excel rebuilds them, or they are the frame. */
const FRAME_PARTS: RegExp[] = [
  /^\[content_types\]\.xml$/,
  /(^|\/)_rels\/[^/]*\.rels$/,
  /^docprops\/(app|core|custom)\.xml$/, // core and custom are compared property by property
  /^docprops\/thumbnail\.[a-z]+$/,
  /^xl\/workbook\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedstrings\.xml$/,
  /^xl\/theme\//,
  /^xl\/calcchain\.xml$/, // Excel recomputes it
  /^xl\/printersettings\//, // the printer driver's own blob; the page setup is kept in the sheet
  /^xl\/worksheets\/[^/]+\.xml$/, // compared sheet by sheet
  /^xl\/drawings\//, // compared by what the drawings hold
  /^xl\/comments[^/]*\.xml$/, // compared as notes per sheet
  /^xl\/tables\//, // compared as tables per sheet
  /^xl\/charts\/(style|colors)\d*\.xml$/, // a chart's styles go with the chart
];

/** Parts that carry something a clerk made, counted by kind. */
const PART_KINDS: [RegExp, LossCode][] = [
  [/^xl\/charts\/chart[^/]*\.xml$/, "lost_charts"],
  [/^xl\/chartsheets\/[^/]+\.xml$/, "lost_chartsheets"],
  [/^xl\/pivot(tables|cache)\//, "lost_pivots"],
  [/^xl\/vbaproject[^/]*\.bin$/, "lost_macros"],
  [/^xl\/(macrosheets|dialogsheets)\//, "lost_macro_sheets"],
  [/^xl\/(slicers|slicercaches)\//, "lost_slicers"],
  [/^xl\/(timelines|timelinecaches)\//, "lost_timelines"],
  [/^xl\/ctrlprops\//, "lost_form_controls"],
  [/^xl\/activex\//, "lost_activex"],
  [/^xl\/embeddings\//, "lost_embedded"],
  [/^xl\/(threadedcomments|persons)\//, "lost_threaded_comments"],
  [/^xl\/externallinks\//, "lost_external_links"],
  [/^xl\/(connections\.xml|querytables\/)/, "lost_connections"],
  [/^xl\/model\//, "lost_data_model"],
  [/^customxml\//, "lost_custom_xml"],
  [/^xl\/richdata\//, "lost_rich_data"],
  [/^xl\/metadata\.xml$/, "lost_dynamic_arrays"],
  [/^xl\/webextensions\//, "lost_web_extensions"],
  [/^customui\//, "lost_custom_ui"],
  [/^xl\/media\//, "lost_images"],
];

/** Extension lists (<ext uri=…>) by URI: what each carries; null when nothing a clerk sees. */
const EXTENSIONS: Record<string, LossCode | "sparklines" | "conditional" | "validation" | null> = {
  "{05C60535-1F16-4FD2-B633-F4F36F0B64E0}": "sparklines", // x14:sparklineGroups
  "{78C0D931-6437-407D-A8EE-F0AAD7539E65}": "conditional", // x14:conditionalFormattings
  "{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}": "validation", // x14:dataValidations
  "{A8765BA9-456A-4DAB-B4F3-ACF838C121DE}": "lost_slicers", // x14:slicerList
  "{3A4CF648-6AED-40F4-86FF-DC5316D8AED3}": "lost_slicers", // x15:slicerList (table slicers)
  "{BBE1A952-AA13-448E-AADC-164F8A28A991}": "lost_slicers", // x14:slicerCaches
  "{46BE6895-7355-4A93-B00E-2C351335B9C9}": "lost_slicers", // x15:slicerCaches
  "{7E03D99C-DC04-49D9-9315-930204A7B6E9}": "lost_timelines", // x15:timelineRefs
  "{D0CA8CA8-9F24-4464-BF8E-62219DCF47F9}": "lost_timelines", // x15:timelineCacheRefs
  "{FCE2AD5D-F65C-4FA6-A056-5C36A1767C68}": "lost_data_model", // x15:dataModel
  "{F7C9EE02-42E1-4005-9D12-6889AFFD525C}": "lost_web_extensions", // x15:webExtensions
  "{140A7094-0E35-4892-8432-C4D2E57EDEB5}": null, // x15:workbookPr (chart tracking)
  "{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}": null, // xcalcf:calcFeatures
  "{7523E5D3-25F3-A5E0-1632-64F254C22452}": null, // mx:ArchID
  "{79F54976-1DA5-4618-B147-4CDE4B953A38}": null, // x14:workbookPr
  "{EB79DEF2-80B8-43E5-95BD-54CBDDF9020C}": null, // x14:slicerStyles (the defaults, in styles.xml)
  "{9260A510-F301-46A8-8635-F512D64BE5F5}": null, // x15:timelineStyles (the defaults)
  "{64002731-A6B0-56B0-2670-7721B7C09600}": null, // mx:PLV (page layout view state)
  "{7626C862-2A13-11E5-B345-FEFF819CDC9F}": null, // loext:extCalcPr (LibreOffice's formula syntax)
};

/** Sheet settings compared by presence or count, found after the cells (<sheetData>). */
const SHEET_FEATURES: { tag: string; zh: string; en: string; count?: string }[] = [
  { tag: "conditionalFormatting", zh: "条件格式", en: "conditional formats", count: "cfRule" },
  { tag: "hyperlinks", zh: "超链接", en: "hyperlinks", count: "hyperlink" },
  { tag: "mergeCells", zh: "合并单元格", en: "merged cells", count: "mergeCell" },
  { tag: "tableParts", zh: "表格（Excel 表）", en: "tables", count: "tablePart" },
  { tag: "sheetProtection", zh: "工作表保护", en: "sheet protection" },
  { tag: "protectedRanges", zh: "允许编辑区域", en: "editable ranges", count: "protectedRange" },
  { tag: "autoFilter", zh: "筛选", en: "filter" },
  { tag: "rowBreaks", zh: "分页符", en: "page breaks", count: "brk" },
  { tag: "colBreaks", zh: "垂直分页符", en: "vertical page breaks", count: "brk" },
  { tag: "picture", zh: "背景图片", en: "background picture" },
  { tag: "oleObjects", zh: "嵌入的对象", en: "embedded objects", count: "oleObject" },
  { tag: "controls", zh: "控件", en: "controls", count: "control" },
  { tag: "scenarios", zh: "方案", en: "scenarios", count: "scenario" },
  { tag: "customSheetViews", zh: "自定义视图", en: "custom views", count: "customSheetView" },
  { tag: "cellWatches", zh: "监视窗口", en: "cell watches", count: "cellWatch" },
  { tag: "dataConsolidate", zh: "合并计算", en: "data consolidation" },
  { tag: "customProperties", zh: "自定义属性", en: "custom properties", count: "customPr" },
];

/** What a drawing holds, by element (at any depth, so shapes inside groups count too). */
const DRAWING_FEATURES: { tag: string; zh: string; en: string }[] = [
  { tag: "pic", zh: "图片", en: "pictures" },
  { tag: "sp", zh: "形状或文本框", en: "shapes or text boxes" },
  { tag: "graphicFrame", zh: "图表或 SmartArt", en: "charts or SmartArt" },
  { tag: "cxnSp", zh: "连接线", en: "connectors" },
];

/** The core document properties compared, with their names for the clerk. */
const CORE_PROPERTIES: [string, string, string][] = [
  ["title", "标题", "title"],
  ["subject", "主题", "subject"],
  ["creator", "作者", "author"],
  ["keywords", "标记", "tags"],
  ["description", "备注", "comments"],
  ["category", "类别", "category"],
  ["contentStatus", "状态", "status"],
];

const count = (xml: string, tag: string) => (xml.match(new RegExp(`<(?:\\w+:)?${tag}[\\s/>]`, "g")) ?? []).length;

const has = (xml: string, tag: string) => new RegExp(`<(?:\\w+:)?${tag}[\\s/>]`).test(xml);

function add(inv: Inventory, key: string, f: Omit<Feature, "measure"> & { measure?: number }): void {
  const prev = inv.get(key);
  const measure = f.measure ?? f.count;
  if (prev) {
    prev.count += f.count;
    prev.measure += measure;
  } else inv.set(key, { ...f, measure });
}

/**
 * What `after` would lose of `before`: every feature of the input of which the output has less.
 * Empty when the rewrite keeps everything this comparison knows of.
 */
export async function packageLosses(
  before: ArrayBuffer | Uint8Array,
  after: ArrayBuffer | Uint8Array,
): Promise<Loss[]> {
  const [a, b] = await Promise.all([inventory(before), inventory(after)]);
  const losses = new Map<string, Loss>();
  for (const [key, f] of a) {
    const kept = b.get(key);
    if (kept && kept.measure >= f.measure) continue;
    const lost = f.count - Math.min(f.count, kept?.count ?? 0);
    // one phrase per thing: a slicer shows in its parts and in two extension lists
    const phrase = `${f.code}|${f.sheet}|${JSON.stringify(f.params)}`;
    if (!losses.has(phrase))
      losses.set(phrase, { code: f.code, sheet: f.sheet, params: { ...f.params, count: lost > 0 ? lost : f.count } });
  }
  return [...losses.values()];
}

/** The features of one package. */
export async function inventory(data: ArrayBuffer | Uint8Array): Promise<Inventory> {
  const zip = await JSZip.loadAsync(data);
  const inv: Inventory = new Map();
  for (const name of partNames(zip)) {
    const lower = name.toLowerCase();
    const kind = PART_KINDS.find(([re]) => re.test(lower));
    if (kind) add(inv, `part:${kind[1]}`, { code: kind[1], sheet: "", params: {}, count: 1 });
    else if (!FRAME_PARTS.some((re) => re.test(lower))) {
      // a part of a kind this comparison does not know: kept only if the output has its kind too
      const shape = lower.replace(/\d+/g, "#");
      add(inv, `part:${shape}`, { code: "lost_part", sheet: "", params: { part: name }, count: 1 });
    }
  }
  const workbookXml = (await partText(zip, "xl/workbook.xml")) ?? "";
  const rels = (await relationshipsOf(zip, "xl/workbook.xml")) ?? [];
  const sheets = sheetEntries(workbookXml, rels);
  workbookFeatures(inv, workbookXml, sheets);
  for (const s of sheets) {
    if (s.type !== "chartsheet")
      add(inv, `sheet:${s.name}`, { code: "lost_sheet", sheet: s.name, params: { sheet: s.name }, count: 1 });
    if (s.type === "worksheet") await sheetFeatures(inv, zip, s);
  }
  await propertyFeatures(inv, zip);
  return inv;
}

function extensionFeature(inv: Inventory, uri: string, sheet: string): void {
  const key = uri.toUpperCase();
  const meaning = EXTENSIONS[key];
  if (meaning === null || meaning === "sparklines" || meaning === "conditional" || meaning === "validation") return;
  if (meaning !== undefined) add(inv, `ext:${meaning}`, { code: meaning, sheet: "", params: {}, count: 1 });
  else if (sheet)
    add(inv, `ext:${sheet}:${key}`, { code: "lost_sheet_extension", sheet, params: { sheet, uri }, count: 1 });
  else add(inv, `ext::${key}`, { code: "lost_workbook_extension", sheet: "", params: { uri }, count: 1 });
}

function workbookFeatures(inv: Inventory, xml: string, sheets: SheetEntry[]): void {
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>/g)) {
    const a = attributesOf(m[1]);
    const name = a.name ?? "";
    // Excel remakes the hidden filter range from the sheet's filter itself
    if (!name || name === "_xlnm._FilterDatabase") continue;
    const scope = a.localSheetId !== undefined ? (sheets[Number(a.localSheetId)]?.name ?? "") : "";
    const shown = `${name.replace(/^_xlnm\./, "")}${scope ? `（${scope}）` : ""}`;
    add(inv, `name:${name}@${scope}`, { code: "lost_defined_name", sheet: scope, params: { name: shown }, count: 1 });
  }
  const protection = /<(?:\w+:)?workbookProtection\b([^>]*)>/.exec(xml);
  // LibreOffice writes an empty element for a workbook without protection
  if (protection && /(lock\w*="(1|true)"|Password|HashValue)/.test(protection[1]))
    add(inv, "book:protection", { code: "lost_workbook_protection", sheet: "", params: {}, count: 1 });
  if (has(xml, "fileSharing"))
    add(inv, "book:fileSharing", { code: "lost_file_sharing", sheet: "", params: {}, count: 1 });
  const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(xml);
  if (pr && /^(1|true)$/.test(attributesOf(pr[1]).date1904 ?? ""))
    add(inv, "book:date1904", { code: "lost_date1904", sheet: "", params: {}, count: 1 });
  for (const m of xml.matchAll(/<(?:\w+:)?ext\b([^>]*)>/g)) {
    const uri = attributesOf(m[1]).uri;
    if (uri) extensionFeature(inv, uri, "");
  }
}

/** The sheet XML before its cells and after them: the cells themselves are never held. */
async function sheetFrame(file: JSZip.JSZipObject): Promise<{ head: string; tail: string }> {
  let head = "";
  let tail = "";
  let window = "";
  let state: "head" | "cells" | "tail" = "head";
  await streamPart(file, (chunk) => {
    if (state === "head") {
      head += chunk;
      const at = head.search(/<(?:\w+:)?sheetData\b/);
      if (at < 0) return;
      const rest = head.slice(at);
      head = head.slice(0, at);
      const empty = /^<(?:\w+:)?sheetData\s*\/>/.exec(rest);
      if (empty) {
        state = "tail";
        tail = rest.slice(empty[0].length);
      } else {
        state = "cells";
        window = rest;
      }
      chunk = "";
    }
    if (state === "cells") {
      window += chunk;
      const end = /<\/(?:\w+:)?sheetData>/.exec(window);
      if (end) {
        state = "tail";
        tail = window.slice(end.index + end[0].length);
      } else window = window.slice(-32);
      return;
    }
    if (state === "tail" && chunk) tail += chunk;
  });
  return state === "head" ? { head, tail: "" } : { head, tail };
}

/** Cells covered by an sqref ('A1:B3 D5'), a whole column counting its 1,048,576 rows. */
function cellsCovered(sqref: string): number {
  let n = 0;
  for (const part of sqref.split(/\s+/).filter(Boolean)) {
    const m = /^\$?([A-Z]{1,3})?\$?(\d+)?(?::\$?([A-Z]{1,3})?\$?(\d+)?)?$/i.exec(part);
    if (!m) {
      n += 1;
      continue;
    }
    const col = (s: string | undefined, d: number) =>
      s ? [...s.toUpperCase()].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0) : d;
    const c1 = col(m[1], 1);
    const r1 = m[2] ? Number(m[2]) : 1;
    const c2 = m[3] !== undefined || m[4] !== undefined ? col(m[3], m[1] ? c1 : 16384) : c1;
    const r2 = m[4] ? Number(m[4]) : m[3] !== undefined || !m[2] ? 1048576 : r1;
    n += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return n;
}

async function sheetFeatures(inv: Inventory, zip: JSZip, s: SheetEntry): Promise<void> {
  const file = findPart(zip, s.part);
  if (!file) return;
  const { head, tail } = await sheetFrame(file);
  const sheet = s.name;
  // the main settings, apart from the extension list (whose 2010 kinds are counted below)
  const main = tail.replace(/<(?:\w+:)?extLst\b[\s\S]*?<\/(?:\w+:)?extLst>/g, "");
  const feature = (key: string, zh: string, en: string, n: number, measure = n) => {
    if (n > 0)
      add(inv, `sheet:${sheet}:${key}`, {
        code: "lost_sheet_feature",
        sheet,
        params: { sheet, feature: zh, feature_en: en },
        count: n,
        measure,
      });
  };
  for (const f of SHEET_FEATURES) {
    const block = new RegExp(`<(?:\\w+:)?${f.tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${f.tag}>)`, "g");
    const blocks = main.match(block) ?? [];
    if (blocks.length === 0) continue;
    const n = f.count ? blocks.reduce((k, b) => k + count(b, f.count!), 0) : 1;
    feature(f.tag, f.zh, f.en, f.count ? n : 1);
  }
  // conditional formats of the 2010 kind (data bars with negatives, icon sets …) live in the extension list
  const x14Rules = (tail.match(/<x14:cfRule\b/g) ?? []).length;
  if (x14Rules) feature("conditionalFormatting", "条件格式", "conditional formats", x14Rules);
  // drop-downs compared by the cells they cover: the adapter may join or split their ranges
  let rules = 0;
  let covered = 0;
  for (const m of tail.matchAll(/<(?:\w+:)?dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?dataValidation>)/g)) {
    rules++;
    const a = attributesOf(m[1]);
    const sqref = a.sqref ?? /<(?:\w+:)?sqref>([^<]*)</.exec(m[2] ?? "")?.[1] ?? "";
    covered += cellsCovered(decodeXml(sqref));
  }
  feature("dataValidation", "数据验证（下拉列表等）", "data validations", rules, covered);
  const sparklines = (tail.match(/<(?:\w+:)?sparklineGroup\b/g) ?? []).length;
  feature("sparklines", "迷你图", "sparklines", sparklines);
  const footer = /<(?:\w+:)?headerFooter\b[^>]*>([\s\S]*?)<\/(?:\w+:)?headerFooter>/.exec(tail);
  if (footer && /<(?:\w+:)?(odd|even|first)(Header|Footer)>[^<]+</.test(footer[1]))
    feature("headerFooter", "页眉页脚", "header and footer", 1);
  if (/<(?:\w+:)?pane\b[^>]*state="frozen/.test(head)) feature("frozen", "冻结窗格", "frozen panes", 1);
  if (has(head, "tabColor")) feature("tabColor", "标签颜色", "tab colour", 1);
  for (const m of tail.matchAll(/<(?:\w+:)?ext\b([^>]*)>/g)) {
    const uri = attributesOf(m[1]).uri;
    if (uri) extensionFeature(inv, uri, sheet);
  }
  const rels = (await relationshipsOf(zip, s.part)) ?? [];
  const relById = new Map(rels.map((r) => [r.id, r]));
  const target = (tag: string) => {
    const m = new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`).exec(tail);
    const id = m ? localAttr(attributesOf(m[1]), "id") : undefined;
    const rel = id ? relById.get(id) : undefined;
    return rel && !rel.external ? rel.target : null;
  };
  const drawing = target("drawing");
  const drawingXml = drawing ? await partText(zip, drawing) : null;
  if (drawingXml) for (const d of DRAWING_FEATURES) feature(`drawing:${d.tag}`, d.zh, d.en, count(drawingXml, d.tag));
  const comments = rels.find((r) => r.type === "comments" && !r.external);
  const commentsXml = comments ? await partText(zip, comments.target) : null;
  if (commentsXml) feature("comments", "批注", "notes", count(commentsXml, "comment"));
}

async function propertyFeatures(inv: Inventory, zip: JSZip): Promise<void> {
  const custom = await partText(zip, "docProps/custom.xml");
  for (const m of (custom ?? "").matchAll(/<(?:\w+:)?property\b([^>]*)>/g)) {
    const name = attributesOf(m[1]).name;
    if (name) add(inv, `custom:${name}`, { code: "lost_custom_property", sheet: "", params: { name }, count: 1 });
  }
  const core = (await partText(zip, "docProps/core.xml")) ?? "";
  for (const [tag, zh, en] of CORE_PROPERTIES) {
    const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(core);
    const value = m ? decodeXml(m[1]).trim() : "";
    // keyed by the value, so that a changed value counts as lost too
    if (value)
      add(inv, `core:${tag}=${value}`, {
        code: "lost_core_property",
        sheet: "",
        params: { name: zh, name_en: en },
        count: 1,
      });
  }
}
