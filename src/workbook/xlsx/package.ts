// A .xlsx package read and written at the level of its parts, for workbooks of any size: a sheet
// is read from its own part when asked for (shared strings once, rows as arrays of values), and a
// write adds the new sheets' parts, rewrites workbook.xml, its relationships, [Content_Types].xml
// and styles.xml (extended, never renumbered), stream-rewrites only the sheets it appends to, and
// copies every other part byte for byte. Same checks and the same all-or-nothing batch as the
// ExcelJS adapter (./workbook.ts): nothing changes until every part of the batch has been made.
import { WorkbookChangedError, type ProgressReporter, type SheetData, type SheetSpec, type WriteBatch } from "../port";
import { columnNumber, columnName, parseRange, type Block } from "./a1";
import { checkSpec, listFormula } from "./render";
import { dateStyles, readSharedStrings, scanSheet } from "./sheet-scan";
import { cellXml, sheetXml, tableXml, validationXml } from "./sheet-write";
import { StyleBook } from "./styles-part";
import { attributes, escapeXml, rawAttribute } from "./xml";

/** Rows from which a written sheet is deflated at zlib's fastest level (see deflateEntry). */
const BIG_SHEET = 100_000;
import { deflateEntry, entryString, entryText, readZip, writeZip, type ZipEntry } from "./zip";

/** The package is not one this reader takes as it is (the ExcelJS loader is used instead). */
export class PackageShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageShapeError";
  }
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL}/worksheet`;
const TABLE_TYPE = `${REL}/table`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

type Value = string | number | boolean | null;

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

interface SheetRef {
  name: string;
  sheetId: number;
  rid: string;
  /** the worksheet part, e.g. xl/worksheets/sheet3.xml */
  path: string;
}

/** The folder of a part ('xl/' for 'xl/workbook.xml'). */
const folderOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);
const relsOf = (path: string) => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`;

/** A relationship's target as a part path. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (folderOf(from) + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function relative(from: string, to: string): string {
  const a = folderOf(from).split("/").filter(Boolean);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

function parseRels(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" };
  });
}

const fold = (s: string) => s.toLowerCase();

/** What one write makes, before it is committed. */
interface Pending {
  entries: Map<string, ZipEntry>;
  removed: Set<string>;
  sheets: SheetRef[];
  workbookXml: string;
  workbookRels: string;
  contentTypes: string;
}

export class XlsxPackage {
  private readonly entries: Map<string, ZipEntry>;
  private order: string[];
  private sheets: SheetRef[];
  private workbookXml: string;
  private workbookRels: string;
  private contentTypes: string;
  private strings: Promise<string[]> | null = null;
  private dates: boolean[] | null = null;

  private constructor(
    entries: ZipEntry[],
    private readonly workbookPath: string,
    workbookXml: string,
    workbookRels: string,
    contentTypes: string,
    sheets: SheetRef[],
    private readonly date1904: boolean,
  ) {
    this.entries = new Map(entries.map((e) => [e.name, e]));
    this.order = entries.map((e) => e.name);
    this.workbookXml = workbookXml;
    this.workbookRels = workbookRels;
    this.contentTypes = contentTypes;
    this.sheets = sheets;
  }

  /** Opens the bytes of a .xlsx; PackageShapeError (or ZipFormatError) when this reader does not take them. */
  static async open(data: ArrayBuffer | Uint8Array): Promise<XlsxPackage> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const entries = readZip(bytes);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const text = async (name: string) => {
      const e = byName.get(name);
      return e ? entryString(e) : null;
    };
    const contentTypes = await text("[Content_Types].xml");
    const rootRels = await text("_rels/.rels");
    if (!contentTypes || !rootRels) throw new PackageShapeError("no content types or package relationships");
    const main = parseRels(rootRels).find((r) => r.type.endsWith("/officeDocument"));
    if (!main) throw new PackageShapeError("no workbook part");
    const workbookPath = resolve("", main.target);
    const workbookXml = await text(workbookPath);
    const workbookRels = await text(relsOf(workbookPath));
    if (!workbookXml || !workbookRels) throw new PackageShapeError("no workbook.xml or its relationships");
    if (/<\w+:sheets\b/.test(workbookXml)) throw new PackageShapeError("prefixed workbook.xml");
    const rels = new Map(parseRels(workbookRels).map((r) => [r.id, r]));
    const sheets: SheetRef[] = [];
    for (const m of workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1]);
      const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
      const rel = rels.get(rid);
      // chart sheets and dialog sheets are kept as they are, but are not sheets of cells
      if (!rel || rel.type !== WORKSHEET_TYPE || rel.external) continue;
      const path = resolve(workbookPath, rel.target);
      if (!byName.has(path)) throw new PackageShapeError(`missing sheet part ${path}`);
      sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId), rid, path });
    }
    // a shared-strings part the workbook names but the file lacks: the file is damaged (fromBuffer says how)
    const strings = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings") && !r.external);
    if (strings && !byName.has(resolve(workbookPath, strings.target)))
      throw new PackageShapeError("missing shared strings part");
    const pr = /<workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
    const d1904 = pr ? attributes(pr[1]).date1904 : undefined;
    return new XlsxPackage(
      entries,
      workbookPath,
      workbookXml,
      workbookRels,
      contentTypes,
      sheets,
      d1904 === "1" || d1904 === "true",
    );
  }

  private relTarget(type: string): string | null {
    const r = parseRels(this.workbookRels).find((x) => x.type === `${REL}/${type}` && !x.external);
    return r ? resolve(this.workbookPath, r.target) : null;
  }

  private release: ReturnType<typeof setTimeout> | null = null;
  private scans = 0;

  /**
   * The shared strings, read once for the reads that follow each other (loadBook reads every
   * sheet in a row) and let go a moment after the last one ends: the cells read keep the strings
   * they use, and a million-row registry's table would otherwise stay for the whole command. The
   * moment is counted from the end of a read, never from its start: a 1M-row registry's strings
   * take 4 s to read, and a timer started before that dropped them under every later sheet, so
   * each of the workbook's sheets read all four million again.
   */
  private async sharedStrings(): Promise<string[]> {
    if (!this.strings) {
      const path = this.relTarget("sharedStrings");
      const entry = path ? this.entries.get(path) : undefined;
      // asked only when a cell refers to a shared string: without the part, the file is damaged
      this.strings = entry
        ? readSharedStrings(entryText(entry))
        : Promise.reject(new PackageShapeError("a cell refers to shared strings the file lacks"));
      this.strings.catch(() => undefined);
    }
    return this.strings;
  }

  /** A scan of a sheet, during which the shared strings stay (see sharedStrings). */
  private async scanning<T>(f: () => Promise<T>): Promise<T> {
    this.scans++;
    if (this.release !== null) clearTimeout(this.release);
    this.release = null;
    try {
      return await f();
    } finally {
      if (--this.scans === 0) {
        this.release = setTimeout(() => {
          this.strings = null;
          this.release = null;
        }, 1000);
        (this.release as { unref?: () => void }).unref?.();
      }
    }
  }

  private async dateStyles(): Promise<boolean[]> {
    if (!this.dates) {
      const path = this.relTarget("styles");
      const entry = path ? this.entries.get(path) : undefined;
      this.dates = dateStyles(entry ? await entryString(entry) : null);
    }
    return this.dates;
  }

  private find(name: string): SheetRef | undefined {
    const f = fold(name);
    return this.sheets.find((s) => fold(s.name) === f);
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheet(name: string): Promise<SheetData> {
    const ref = this.find(name);
    if (!ref) throw new Error(`no sheet named ${name}`);
    const { data } = await this.scan(ref);
    const tables = await this.tablesOf(ref.path);
    const found = tables
      .filter((t) => t.headerRow !== null)
      .map(({ name, headerRow, firstColumn, lastColumn, lastRow }) => ({
        name,
        headerRow,
        firstColumn,
        lastColumn,
        lastRow,
      }));
    if (found.length) data.tables = found.sort((a, b) => a.headerRow - b.headerRow || a.firstColumn - b.firstColumn);
    return data;
  }

  /** A sheet's cells, from its part as read (or as `entry`, a part this write made). */
  private async scan(ref: SheetRef, entry = this.entries.get(ref.path)!) {
    const dates = await this.dateStyles();
    return this.scanning(() =>
      scanSheet(ref.name, entryText(entry), {
        sharedStrings: () => this.sharedStrings(),
        dates,
        date1904: this.date1904,
      }),
    );
  }

  /** The sheet's Excel tables: name, header row (null without one) and columns; and their parts. */
  private async tablesOf(
    sheetPath: string,
  ): Promise<
    { name: string; headerRow: number; firstColumn: number; lastColumn: number; lastRow: number; path: string }[]
  > {
    const relsEntry = this.entries.get(relsOf(sheetPath));
    if (!relsEntry) return [];
    const out = [];
    for (const r of parseRels(await entryString(relsEntry))) {
      if (r.type !== TABLE_TYPE || r.external) continue;
      const path = resolve(sheetPath, r.target);
      const entry = this.entries.get(path);
      if (!entry) continue;
      const xml = await entryString(entry);
      const tag = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
      if (!tag) continue;
      const a = attributes(tag[1]);
      const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a.ref ?? "");
      if (!m) continue;
      out.push({
        name: a.displayName ?? a.name ?? "",
        headerRow: a.headerRowCount === "0" ? (null as unknown as number) : Number(m[2]),
        firstColumn: columnNumber(m[1]),
        lastColumn: columnNumber(m[3] ?? m[1]),
        lastRow: Number(m[4] ?? m[2]),
        path,
      });
    }
    return out;
  }

  /** The bytes of the package as a .xlsx file. */
  async toBuffer(): Promise<Uint8Array> {
    return writeZip(this.order.map((n) => this.entries.get(n)!));
  }

  /** Whether a batch can be written at the level of parts (edits of existing cells cannot yet). */
  static handles(batch: WriteBatch): boolean {
    return (batch.edit ?? []).every((e) => (e.cells ?? []).length === 0 && (e.deleteRows ?? []).length === 0);
  }

  async write(batch: WriteBatch, progress?: ProgressReporter): Promise<void> {
    if (!XlsxPackage.handles(batch)) throw new Error("edits of existing cells are written through ExcelJS");
    const builds = await this.plan(batch);
    const total = builds.length + batch.append.length;
    let done = 0;

    const stylesPath = this.relTarget("styles") ?? resolve(this.workbookPath, "styles.xml");
    const stylesEntry = this.entries.get(stylesPath);
    const styles = new StyleBook(stylesEntry ? await entryString(stylesEntry) : StyleBook.minimal());
    const p: Pending = {
      entries: new Map(),
      removed: new Set(),
      sheets: [...this.sheets],
      workbookXml: withSheetList(this.workbookXml),
      workbookRels: this.workbookRels,
      contentTypes: this.contentTypes,
    };
    const taken = new Set(this.order.map(fold));
    const fresh = (make: (n: number) => string) => {
      for (let n = 1; ; n++) {
        const name = make(n);
        if (!taken.has(fold(name))) {
          taken.add(fold(name));
          return name;
        }
      }
    };
    const rels = parseRels(p.workbookRels);
    const rid = () => fresh((n) => `rId${n}`);
    for (const r of rels) taken.add(fold(r.id));
    let nextSheetId =
      Math.max(0, ...[...p.workbookXml.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    let nextTableId = (await this.maxTableId()) + 1;
    const printTitles: { sheet: string; rows: string }[] = [];
    const removedIndex: number[] = [];

    for (const b of builds) {
      const path = fresh((n) => `${folderOf(this.workbookPath)}worksheets/sheet${n}.xml`);
      let table: { id: number; rid: string } | undefined;
      if (b.spec.table) {
        const tablePath = fresh((n) => `${folderOf(this.workbookPath)}tables/table${n}.xml`);
        table = { id: nextTableId++, rid: "rId1" };
        p.entries.set(tablePath, await deflateEntry(tablePath, [tableXml(b.spec, table.id)]));
        const sheetRels =
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TABLE_TYPE}" Target="${relative(path, tablePath)}"/></Relationships>`;
        p.entries.set(relsOf(path), await deflateEntry(relsOf(path), [sheetRels]));
        p.contentTypes = addOverride(p.contentTypes, tablePath, TABLE_CT);
      }
      p.entries.set(path, await deflateEntry(path, sheetXml(b.spec, styles, table), b.spec.rows.length > BIG_SHEET));
      p.contentTypes = addOverride(p.contentTypes, path, WORKSHEET_CT);
      const id = rid();
      p.workbookRels = p.workbookRels.replace(
        /<\/Relationships>\s*$/,
        `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="${escapeXml(relative(this.workbookPath, path))}"/></Relationships>`,
      );
      const ref: SheetRef = { name: b.spec.name, sheetId: nextSheetId++, rid: id, path };
      const tag = `<sheet name="${escapeXml(ref.name)}" sheetId="${ref.sheetId}" r:id="${id}"/>`;
      if (b.replaces) {
        const at = p.sheets.indexOf(b.replaces);
        removedIndex.push(this.allSheetIndex(p.workbookXml, b.replaces.rid));
        p.sheets[at] = ref;
        p.workbookXml = replaceSheetTag(p.workbookXml, b.replaces.rid, tag);
        await this.removeSheetParts(b.replaces, p);
      } else {
        p.sheets.push(ref);
        p.workbookXml = p.workbookXml.replace(/<\/sheets>/, `${tag}</sheets>`);
      }
      if (b.spec.page?.printTitleRows) printTitles.push({ sheet: ref.name, rows: b.spec.page.printTitleRows });
      progress?.(++done, total, b.spec.name);
    }

    for (const a of batch.append) {
      const ref = p.sheets.find((s) => fold(s.name) === fold(a.sheet))!;
      const entry = p.entries.get(ref.path) ?? this.entries.get(ref.path)!;
      const last = (await this.scan(ref, entry)).lastRow;
      if (a.rows.length > 0)
        p.entries.set(
          ref.path,
          await deflateEntry(ref.path, appendRowsXml(entryText(entry), last + 1, a.rows, a.validations ?? [], styles)),
        );
      progress?.(++done, total, a.sheet);
    }

    p.workbookXml = definePrintTitles(p.workbookXml, removedIndex, printTitles, p);
    if (styles.changed) {
      p.entries.set(stylesPath, await deflateEntry(stylesPath, [styles.toXml()]));
      if (!stylesEntry) {
        p.contentTypes = addOverride(p.contentTypes, stylesPath, STYLES_CT);
        p.workbookRels = p.workbookRels.replace(
          /<\/Relationships>\s*$/,
          `<Relationship Id="${rid()}" Type="${REL}/styles" Target="${relative(this.workbookPath, stylesPath)}"/></Relationships>`,
        );
      }
    }
    p.entries.set(this.workbookPath, await deflateEntry(this.workbookPath, [p.workbookXml]));
    p.entries.set(relsOf(this.workbookPath), await deflateEntry(relsOf(this.workbookPath), [p.workbookRels]));
    p.entries.set("[Content_Types].xml", await deflateEntry("[Content_Types].xml", [p.contentTypes]));

    // commit: nothing above changed the package
    for (const name of p.removed) {
      this.entries.delete(name);
    }
    this.order = this.order.filter((n) => !p.removed.has(n));
    for (const [name, entry] of p.entries) {
      if (!this.entries.has(name)) this.order.push(name);
      this.entries.set(name, entry);
    }
    this.sheets = p.sheets;
    this.workbookXml = p.workbookXml;
    this.workbookRels = p.workbookRels;
    this.contentTypes = p.contentTypes;
    if (styles.changed) this.dates = null;
  }

  /** The position of a sheet among all <sheet> elements of workbook.xml (localSheetId counts them all). */
  private allSheetIndex(workbookXml: string, rid: string): number {
    const tags = [...workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]));
    return tags.findIndex((a) => (a["r:id"] ?? "") === rid);
  }

  /** Drops a replaced sheet's part, its relationships and its tables (their names are free again). */
  private async removeSheetParts(ref: SheetRef, p: Pending): Promise<void> {
    const relsPath = relsOf(ref.path);
    const tables = await this.tablesOf(ref.path);
    for (const part of [ref.path, relsPath, ...tables.map((t) => t.path)]) {
      if (!this.entries.has(part)) continue;
      p.removed.add(part);
      p.contentTypes = p.contentTypes.replace(
        new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`),
        "",
      );
    }
    p.workbookRels = p.workbookRels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${ref.rid}"[^>]*/>`), "");
    // a calculation chain naming the removed sheet would make Excel repair the file
    const chain = this.relTarget("calcChain");
    const chainEntry = chain ? this.entries.get(chain) : undefined;
    if (chain && chainEntry) {
      const xml = await entryString(chainEntry);
      const kept = xml.replace(new RegExp(`<c\\b[^>]*\\bi="${ref.sheetId}"[^>]*/>`, "g"), "");
      if (kept !== xml) p.entries.set(chain, await deflateEntry(chain, [kept]));
    }
  }

  private async maxTableId(): Promise<number> {
    let max = 0;
    for (const name of this.order)
      if (/^(.*\/)?tables\/[^/]+\.xml$/.test(name)) {
        const id = rawAttribute(
          (/<(?:\w+:)?table\b([^>]*)>/.exec(await entryString(this.entries.get(name)!)) ?? ["", ""])[1],
          "id",
        );
        if (id) max = Math.max(max, Number(id));
      }
    return max;
  }

  /** Checks the whole batch against the package; throws before anything is made. */
  private async plan(batch: WriteBatch): Promise<{ spec: SheetSpec; replaces: SheetRef | null }[]> {
    const claimed = new Set<string>();
    const builds: { spec: SheetSpec; replaces: SheetRef | null }[] = [];
    for (const x of batch.expect ?? []) {
      const ref = this.find(x.sheet);
      const actual = ref ? (await this.scan(ref)).lastRow : 0;
      if (actual !== x.lastRow) throw new WorkbookChangedError(x.sheet, x.lastRow, actual);
    }
    const claim = (name: string) => {
      if (claimed.has(fold(name))) throw new Error(`sheet ${name} is written twice in one batch`);
      claimed.add(fold(name));
    };
    for (const spec of batch.create) {
      checkSpec(spec);
      if (this.find(spec.name)) throw new Error(`sheet exists: ${spec.name}`);
      claim(spec.name);
      builds.push({ spec, replaces: null });
    }
    for (const spec of batch.replace) {
      checkSpec(spec);
      claim(spec.name);
      builds.push({ spec, replaces: this.find(spec.name) ?? null });
    }
    for (const a of batch.append) {
      if (!this.find(a.sheet) && !claimed.has(fold(a.sheet))) {
        if (fold(a.whenAbsent.name) !== fold(a.sheet))
          throw new Error(`append to ${a.sheet} would create a sheet named ${a.whenAbsent.name}`);
        checkSpec(a.whenAbsent);
        claim(a.sheet);
        builds.push({ spec: a.whenAbsent, replaces: null });
      }
      a.rows.forEach((row) => row.forEach((v) => checkCellValue(a.sheet, v)));
      for (const v of a.validations ?? []) {
        if (!(Number.isInteger(v.column) && v.column >= 1 && v.column <= 16384))
          throw new Error(`${a.sheet}: bad drop-down column ${v.column}`);
        listFormula(v.list);
      }
    }
    for (const e of batch.edit ?? []) {
      if (!this.find(e.sheet)) throw new Error(`cannot edit ${e.sheet}: no such sheet`);
      if (claimed.has(fold(e.sheet))) throw new Error(`sheet ${e.sheet} is both rewritten and edited in one batch`);
    }
    // Excel table names are unique in the whole workbook
    const leaving = new Set(builds.map((b) => b.replaces?.path).filter(Boolean));
    const names = new Set<string>();
    for (const s of this.sheets)
      if (!leaving.has(s.path)) for (const t of await this.tablesOf(s.path)) names.add(fold(t.name));
    for (const b of builds) {
      const n = b.spec.table?.name;
      if (!n) continue;
      if (names.has(fold(n))) throw new Error(`an Excel table named ${n} exists already`);
      names.add(fold(n));
    }
    return builds;
  }
}

/** Throws on a value that an appended row cannot hold. */
function checkCellValue(sheet: string, v: unknown): void {
  if (v !== null && typeof v !== "string" && typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v)))
    throw new Error(`${sheet}: a value of type ${typeof v} cannot be written`);
  if (typeof v === "string" && v.length > 32767) throw new Error(`${sheet}: text longer than 32,767 characters`);
}

function addOverride(contentTypes: string, part: string, type: string): string {
  if (contentTypes.includes(`PartName="/${part}"`)) return contentTypes;
  return contentTypes.replace(
    /<\/Types>\s*$/,
    `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/></Types>`,
  );
}

/**
 * workbook.xml with a <sheets> element to add sheets to. A workbook of no sheets may have none
 * (ExcelJS writes it so) or an empty <sheets/>; the element goes where the schema puts it, after
 * fileVersion, fileSharing, workbookPr, workbookProtection and bookViews.
 */
export function withSheetList(xml: string): string {
  if (/<sheets>/.test(xml)) return xml;
  if (/<sheets\s*\/>/.test(xml)) return xml.replace(/<sheets\s*\/>/, "<sheets></sheets>");
  const before =
    /<\/bookViews>|<bookViews\s*\/>|<workbookProtection\b[^>]*>|<workbookPr\b[^>]*>|<fileSharing\b[^>]*>|<fileVersion\b[^>]*>|<workbook\b[^>]*>/g;
  let at = -1;
  for (const m of xml.matchAll(before)) at = Math.max(at, m.index + m[0].length);
  return at < 0 ? xml : xml.slice(0, at) + "<sheets></sheets>" + xml.slice(at);
}

function replaceSheetTag(workbookXml: string, rid: string, tag: string): string {
  return workbookXml.replace(/<sheet\b([^>]*?)\/?>/g, (m, attrs: string) =>
    attributes(attrs)["r:id"] === rid ? tag : m,
  );
}

/** Print titles of the new sheets as defined names; those of replaced sheets removed. */
function definePrintTitles(
  workbookXml: string,
  removed: number[],
  titles: { sheet: string; rows: string }[],
  p: Pending,
): string {
  let xml = workbookXml;
  for (const index of removed)
    xml = xml.replace(
      new RegExp(
        `<definedName\\b(?=[^>]*\\bname="_xlnm\\.Print_(?:Titles|Area)")(?=[^>]*\\blocalSheetId="${index}")[^>]*>[^<]*</definedName>`,
        "g",
      ),
      "",
    );
  if (titles.length === 0) return xml.replace(/<definedNames>\s*<\/definedNames>/, "");
  const all = [...xml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]).name);
  let add = "";
  for (const t of titles) {
    const index = all.findIndex((n) => n === t.sheet);
    const [top, bottom] = t.rows.replace(/\$/g, "").split(":");
    const quoted = `'${t.sheet.replace(/'/g, "''")}'`;
    add += `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(quoted)}!$${top}:$${bottom}</definedName>`;
  }
  void p;
  if (/<definedNames>/.test(xml)) return xml.replace(/<\/definedNames>/, `${add}</definedNames>`);
  if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${add}</definedNames>`);
  // in schema order: after <sheets>, <functionGroups> and <externalReferences>, before calcPr and the rest
  const after = ["</externalReferences>", "</functionGroups>", "<functionGroups/>", "</sheets>"].find((t) =>
    xml.includes(t),
  );
  return after ? xml.replace(after, `${after}<definedNames>${add}</definedNames>`) : xml;
}

// ---------------------------------------------------------------------------------------------
// Appending rows to an existing worksheet part, as a stream

/** Elements that come after <dataValidations> in a worksheet, in schema order. */
const AFTER_VALIDATIONS = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

/**
 * The worksheet with `rows` added from row `first` on, as the ExcelJS adapter's appendRows adds
 * them: each new cell takes the style it would have had (the existing cell's, else its column's),
 * text gets the '@' format, and the drop-downs go over the new rows no validation covers yet.
 */
async function* appendRowsXml(
  text: AsyncIterable<string>,
  first: number,
  rows: Value[][],
  validations: { column: number; list: string[] }[],
  styles: StyleBook,
): AsyncGenerator<string> {
  const last = first + rows.length - 1;
  let buf = "";
  let state: "head" | "data" | "tail" = "head";
  let prefix = "";
  let cols: ColumnStyle[] = [];
  let next = first; // the next new row not yet written
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);

  const colStyle = (c: number) => cols.find((x) => x.min <= c && c <= x.max)?.style ?? 0;
  const newCell = (r: number, c: number, v: Value, base: number) =>
    cellXml(`${columnName(c)}${r}`, v, typeof v === "string" ? styles.asText(base) : base);
  const newRow = (r: number): string => {
    let body = "";
    (rows[r - first] ?? []).forEach((v, i) => {
      if (v !== null && v !== "") body += newCell(r, i + 1, v, colStyle(i + 1));
    });
    return body ? `<${prefix}row r="${r}">${body}</${prefix}row>` : "";
  };
  /** An existing row within the new ones: its cells kept, the new values set over them. */
  const mergedRow = (r: number, tag: string, body: string): string => {
    const cells = new Map<number, string>();
    const re = new RegExp(`<${prefix}c\\b([^>]*?)(?:/>|>[\\s\\S]*?</${prefix}c>)`, "g");
    let col = 0;
    for (const m of body.matchAll(re)) {
      const ref = rawAttribute(m[1], "r");
      col = ref ? columnNumber(ref.replace(/\d+$/, "")) : col + 1;
      cells.set(col, m[0]);
    }
    const rowStyle = /\bcustomFormat="(1|true)"/.test(tag) ? Number(rawAttribute(tag, "s") ?? 0) : null;
    (rows[r - first] ?? []).forEach((v, i) => {
      if (v === null || v === "") return;
      const old = cells.get(i + 1);
      const base = old ? Number(rawAttribute(old.slice(2 + prefix.length), "s") ?? 0) : (rowStyle ?? colStyle(i + 1));
      cells.set(i + 1, newCell(r, i + 1, v, base));
    });
    const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
    return `<${prefix}row${tag.replace(/\s+spans="[^"]*"/, "")}>${ordered.join("")}</${prefix}row>`;
  };
  const pendingBefore = (r: number) => {
    let out = "";
    while (next <= last && next < r) out += newRow(next++);
    return out;
  };

  for await (const chunk of text) {
    buf += chunk;
    if (state === "head") {
      const m = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(buf);
      if (!m) continue;
      prefix = m[1] ?? "";
      // new cells are written unprefixed: a prefixed sheet goes through ExcelJS instead
      if (prefix) throw new PackageShapeError("a worksheet with prefixed elements");
      let head = buf.slice(0, m.index);
      cols = [...head.matchAll(/<(?:\w+:)?col\b([^>]*?)\/?>/g)].map((c) => {
        const a = attributes(c[1]);
        return { min: Number(a.min), max: Number(a.max), style: Number(a.style ?? 0) };
      });
      head = head.replace(
        /(<(?:\w+:)?dimension\b[^>]*\bref=")([^"]*)(")/,
        (_, a: string, ref: string, z: string) => a + widen(ref, last, width) + z,
      );
      yield head + `<${prefix}sheetData>`;
      buf = buf.slice(m.index + m[0].length);
      state = "data";
      if (m[2] === "/") {
        yield pendingBefore(Infinity) + `</${prefix}sheetData>`;
        state = "tail";
      }
    }
    if (state === "data") {
      let at = 0;
      let out = "";
      const open = `<${prefix}row`;
      const close = `</${prefix}row>`;
      const endData = `</${prefix}sheetData>`;
      const e = buf.indexOf(endData, at); // once per chunk, as in scanSheet
      for (;;) {
        const r0 = buf.indexOf(open, at);
        if (e >= 0 && (r0 < 0 || e < r0)) {
          out += pendingBefore(Infinity) + endData;
          buf = buf.slice(e + endData.length);
          at = 0;
          state = "tail";
          break;
        }
        if (r0 < 0) break;
        const gt = buf.indexOf(">", r0);
        if (gt < 0) break;
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const tag = buf.slice(r0 + open.length, selfClosing ? gt - 1 : gt);
        let end = gt + 1;
        let body = "";
        if (!selfClosing) {
          const c = buf.indexOf(close, gt);
          if (c < 0) break;
          body = buf.slice(gt + 1, c);
          end = c + close.length;
        }
        const r = Number(rawAttribute(tag, "r") ?? NaN);
        out += pendingBefore(r);
        if (r >= first && r <= last) {
          out += mergedRow(r, tag, body);
          next = Math.max(next, r + 1);
        } else out += buf.slice(r0, end);
        at = end;
      }
      if (state === "data") buf = buf.slice(at);
      if (out) yield out;
    }
  }
  if (state !== "tail") throw new Error("the sheet has no complete <sheetData>");
  yield withValidations(buf, prefix, first, last, validations);
}

/** A dimension ref grown to cover the new rows. */
function widen(ref: string, lastRow: number, width: number): string {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return ref;
  const right = Math.max(columnNumber(m[3] ?? m[1]), width);
  const bottom = Math.max(Number(m[4] ?? m[2]), lastRow);
  return `${m[1]}${m[2]}:${columnName(right)}${bottom}`;
}

/** The tail of the sheet with drop-downs over the new rows that no validation covers yet. */
function withValidations(
  tail: string,
  prefix: string,
  first: number,
  last: number,
  validations: { column: number; list: string[] }[],
): string {
  if (validations.length === 0) return tail;
  const ranges: Block[] = [];
  for (const m of tail.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]*)"/g))
    for (const part of m[1].split(/\s+/).filter(Boolean))
      try {
        ranges.push(parseRange(part));
      } catch {
        // not a plain range
      }
  const covers = (b: Block, row: number, column: number) =>
    (b.left ?? 1) <= column && column <= (b.right ?? 16384) && (b.top ?? 1) <= row && row <= (b.bottom ?? 1048576);
  let added = "";
  let count = 0;
  for (const v of validations) {
    let start = 0;
    for (let r = first; r <= last + 1; r++) {
      const free = r <= last && !ranges.some((b) => covers(b, r, v.column));
      if (free && start === 0) start = r;
      if (!free && start !== 0) {
        added += validationXml({ top: start, left: v.column, bottom: r - 1, right: v.column }, v.list);
        count++;
        start = 0;
      }
    }
  }
  if (!added) return tail;
  const block = new RegExp(`<${prefix}dataValidations\\b([^>]*)>([\\s\\S]*?)</${prefix}dataValidations>`).exec(tail);
  if (block) {
    const existing = [...block[2].matchAll(new RegExp(`<${prefix}dataValidation\\b`, "g"))].length;
    const attrs = block[1].replace(/\bcount="\d+"/, `count="${existing + count}"`);
    return (
      tail.slice(0, block.index) +
      `<${prefix}dataValidations${attrs}>${block[2]}${added}</${prefix}dataValidations>` +
      tail.slice(block.index + block[0].length)
    );
  }
  let at = tail.length;
  for (const name of AFTER_VALIDATIONS) {
    const i = tail.search(new RegExp(`<${prefix}${name}\\b`));
    if (i >= 0 && i < at) at = i;
  }
  if (at === tail.length) at = tail.lastIndexOf(`</${prefix}worksheet>`);
  const element = `<${prefix}dataValidations count="${count}">${prefix ? added.replace(/<(\/?)dataValidation\b/g, `<$1${prefix}dataValidation`).replace(/<(\/?)formula1>/g, `<$1${prefix}formula1>`) : added}</${prefix}dataValidations>`;
  return tail.slice(0, at) + element + tail.slice(at);
}
