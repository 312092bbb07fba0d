// A faithful in-memory fake of the Office.js Excel subset the adapter uses, for tests without a host.
// Like Excel: properties must be loaded and synced before they are read (PropertyNotLoaded),
// operations are queued and applied at context.sync(), a sync carrying more than 5 MB is refused
// (RequestPayloadSizeLimitExceeded), a read over 5,000,000 cells is refused, writes to a protected
// sheet are refused, and a string starting with '=' becomes a formula unless the cell is text ('@').
// Charts live per sheet and read their series from the source block as Excel does; a protected
// sheet takes no new chart; getRanges (RangeAreas) refuses address lists over 8,192 characters.
// Request bytes are counted as Office.js serialises a batch: about ACTION_BYTES an action plus its
// arguments, and PATH_BYTES for each object (range, format, font, chart…) the batch first refers to.
import type { CellValue, SheetData } from "../../src/workbook/port";
import { blockAddress, jsonBytes, parseAddress } from "../../src/excel/a1";
import type { OfficeHost } from "../../src/excel/capabilities";
import type { ExcelRun } from "../../src/excel/run";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;
/** Bytes of one action in a request ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}), before its arguments. */
export const ACTION_BYTES = 90;
/** Bytes of one object path in a request, with the action that instantiates it; once per object per request. */
export const PATH_BYTES = 170;

type Scalar = string | number | boolean;

/** One sheet of the fake workbook. */
export interface FakeSheet {
  name: string;
  values: (Scalar | null)[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  protected: boolean;
  password?: string;
  protectionOptions?: unknown;
  tables: { name: string; address: string }[];
  validations: { address: string; rule: any }[];
  frozenRows: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: string[];
  unlocked: string[];
  formats: { address: string; key: string; value: unknown }[];
  page: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string; rowBreaks: string[] };
  /** cells holding an error value (their text is in `values`) */
  errors: Set<string>;
  charts: FakeChart[];
}

/** A chart as Excel keeps it: its source and the series and categories it draws from it. */
export interface FakeChart {
  name: string;
  type: string;
  /** the source block, on `sourceSheet` (followed through a rename, as Excel does) */
  source: string;
  sourceSheet: FakeSheet;
  seriesBy: string;
  title?: string;
  position?: { start: string; end?: string };
  /** as Excel reads the source: category labels and one series per column (or row) */
  categories: (Scalar | null)[];
  series: { name: Scalar | null; values: (Scalar | null)[] }[];
}

export interface FakeState {
  sheets: FakeSheet[];
  active?: string;
  selection?: { sheet: string; address: string };
}

export interface FakeStats {
  syncs: number;
  /** the largest sync that Excel accepted (request and response bytes) */
  largestRequestBytes: number;
  /** syncs refused for their size */
  refused: number;
  /** per sync: bytes carried (request and response), operations queued, and whether it failed */
  requests: { bytes: number; operations: number; refused?: boolean }[];
  /** queued calls by name, e.g. 'format.rowHeight', 'charts.add', 'merge' */
  calls: Record<string, number>;
}

export interface FakeOptions {
  /** highest ExcelApi 1.x minor version the host claims; 17 by default */
  maxExcelApi?: number;
  /** throw at the n-th queued value write (1-based), to test failures mid-write */
  failAtWrite?: number;
  /** refuse every charts.add at sync, as a host whose charts fail would */
  refuseCharts?: boolean;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const key = (r: number, c: number): string => `${r},${c}`;

function newSheet(name: string): FakeSheet {
  return {
    name,
    values: [],
    formulas: new Map(),
    numberFormats: new Map(),
    protected: false,
    tables: [],
    validations: [],
    frozenRows: 0,
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    unlocked: [],
    formats: [],
    page: { rowBreaks: [] },
    errors: new Set(),
    charts: [],
  };
}

interface Op {
  bytes: number;
  apply: () => number | void; // returns response bytes
}

/** One queued call: its name (for the counts), its argument bytes, and the objects it refers to. */
interface Call {
  name: string;
  args?: number;
  /** object paths, outermost first; each costs PATH_BYTES the first time a request refers to it */
  paths?: string[];
}

let nextPath = 1;
/** A fresh object path key, e.g. 'range17'. */
const newPath = (kind: string): string => `${kind}${nextPath++}`;

class Ctx {
  ops: Op[] = [];
  workbook: FakeWorkbook;
  writes = 0;
  /** object paths the request being queued already carries */
  private inRequest = new Set<string>();
  /** bytes of an object path's arguments (a range's address) */
  readonly pathArgs = new Map<string, number>();
  constructor(
    readonly fake: FakeExcel,
    readonly options: FakeOptions,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  queue(call: Call, apply: () => number | void): void {
    let bytes = ACTION_BYTES + (call.args ?? 0);
    for (const p of call.paths ?? []) {
      if (this.inRequest.has(p)) continue;
      this.inRequest.add(p);
      bytes += PATH_BYTES + (this.pathArgs.get(p) ?? 0);
    }
    const calls = this.fake.stats.calls;
    calls[call.name] = (calls[call.name] ?? 0) + 1;
    this.ops.push({ bytes, apply });
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.inRequest = new Set();
    const stats = this.fake.stats;
    stats.syncs++;
    let bytes = ops.reduce((n, o) => n + o.bytes, 0);
    if (bytes > PAYLOAD_LIMIT) {
      stats.requests.push({ bytes, operations: ops.length, refused: true });
      stats.refused++;
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    try {
      for (const op of ops) {
        const response = op.apply();
        if (typeof response === "number") bytes += response;
      }
    } catch (e) {
      stats.requests.push({ bytes, operations: ops.length, refused: true });
      throw e;
    }
    if (bytes > PAYLOAD_LIMIT) {
      stats.requests.push({ bytes, operations: ops.length, refused: true });
      stats.refused++;
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
    stats.requests.push({ bytes, operations: ops.length });
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
  }
  sheet(name: string): FakeSheet {
    const s = this.fake.state.sheets.find((x) => x.name === name);
    if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return s;
  }
  editable(name: string): FakeSheet {
    const s = this.sheet(name);
    if (s.protected) throw new FakeExcelError("AccessDenied", `The sheet ${name} is protected.`);
    return s;
  }
  /** A sheet whose drawing objects may change: unprotected, or protected with allowEditObjects. */
  objectsEditable(name: string): FakeSheet {
    const s = this.sheet(name);
    const allow = (s.protectionOptions as { allowEditObjects?: boolean } | undefined)?.allowEditObjects;
    if (s.protected && !allow) throw new FakeExcelError("AccessDenied", `The sheet ${name} is protected.`);
    return s;
  }
}

/** Base of every proxy: loaded properties only, as in Office.js. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: Ctx,
    /** this object's path in a request, and those of its parents, outermost first */
    readonly paths: string[],
  ) {}
  protected get path(): string {
    return this.paths[this.paths.length - 1];
  }
  protected read(prop: string): any {
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Load it and call context.sync().`,
      );
    }
    return this.loaded.get(prop);
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props ?? {});
    const names = list.map((p) => p.trim()).filter(Boolean);
    if (names.length === 0) throw new Error("empty load: name the properties you need");
    this.ctx.queue({ name: "load", args: names.join(",").length, paths: this.paths }, () => {
      let bytes = 0;
      for (const n of names) {
        const v = this.fetch(n);
        this.loaded.set(n, v);
        bytes += jsonBytes(v ?? null);
      }
      return bytes;
    });
    return this;
  }
  protected fetch(prop: string): unknown {
    throw new Error(`fake cannot load ${prop}`);
  }
}

class FakeWorkbook {
  worksheets: FakeWorksheets;
  constructor(ctx: Ctx) {
    this.worksheets = new FakeWorksheets(ctx, ["worksheets"]);
  }
}

class FakeWorksheets extends Proxy {
  add(name?: string): FakeWorksheet {
    const ref = { name: name ?? `Sheet${this.ctx.fake.state.sheets.length + 1}` };
    const ws = new FakeWorksheet(this.ctx, ref, false);
    this.ctx.queue({ name: "worksheets.add", args: jsonBytes(ref.name), paths: ws.paths }, () => {
      if (this.ctx.fake.state.sheets.some((s) => s.name.toLowerCase() === ref.name.toLowerCase())) {
        throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${ref.name} already exists.`);
      }
      if (ref.name.length > 31 || /[\\/?*[\]:]/.test(ref.name))
        throw new FakeExcelError("InvalidArgument", "bad sheet name");
      this.ctx.fake.state.sheets.push(newSheet(ref.name));
    });
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { name }, false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { name }, true);
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  protected override fetch(prop: string): unknown {
    const field = /^items\/(name|position)$/.exec(prop)?.[1];
    if (!field) throw new Error(`fake cannot load ${prop}`);
    const sheets = this.ctx.fake.state.sheets;
    const prior = this.loaded.get("items") as FakeWorksheet[] | undefined;
    const items = sheets.map((s, i) => {
      const ws = prior?.find((w) => w.ref.name === s.name) ?? new FakeWorksheet(this.ctx, { name: s.name }, false);
      ws.markLoaded(field, field === "name" ? s.name : i);
      return ws;
    });
    this.loaded.set("items", items);
    return items.map((_w, i) => (field === "name" ? sheets[i].name : i));
  }
}

class FakeWorksheet extends Proxy {
  protection: FakeProtection;
  freezePanes: { freezeRows: (n: number) => void };
  tables: FakeTables;
  charts: FakeCharts;
  pageLayout: FakePageLayout;
  horizontalPageBreaks: { add: (at: string) => void };
  constructor(
    ctx: Ctx,
    readonly ref: { name: string },
    private readonly orNull: boolean,
  ) {
    super(ctx, ["worksheets", newPath("worksheet")]);
    const at = (child: string) => [...this.paths, `${this.path}/${child}`];
    this.protection = new FakeProtection(ctx, at("protection"), ref);
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.queue(
          { name: "freezePanes.freezeRows", args: 4, paths: at("freezePanes") },
          () => void (this.target().frozenRows = n),
        ),
    };
    this.tables = new FakeTables(ctx, at("tables"), ref, this.paths);
    this.charts = new FakeCharts(ctx, at("charts"), ref, this.paths);
    this.pageLayout = new FakePageLayout(ctx, at("pageLayout"), ref);
    const breaks = at("horizontalPageBreaks");
    this.horizontalPageBreaks = {
      add: (where) =>
        ctx.queue({ name: "horizontalPageBreaks.add", args: jsonBytes(where), paths: breaks }, () => {
          this.ctx.sheet(ref.name).page.rowBreaks.push(where);
        }),
    };
    if (orNull) {
      ctx.queue({ name: "worksheets.getItemOrNullObject", paths: this.paths }, () => {
        this.loaded.set("isNullObject", !ctx.fake.state.sheets.some((s) => s.name === ref.name));
      });
    }
  }
  markLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  private target(): FakeSheet {
    return this.ctx.sheet(this.ref.name);
  }
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    const ref = this.ref;
    this.ctx.queue({ name: "worksheet.name", args: jsonBytes(v), paths: this.paths }, () => {
      if (this.ctx.fake.state.sheets.some((s) => s.name === v)) throw new FakeExcelError("ItemAlreadyExists", v);
      this.ctx.sheet(ref.name).name = v;
      ref.name = v;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.ctx.queue({ name: "worksheet.position", args: 4, paths: this.paths }, () => {
      const list = this.ctx.fake.state.sheets;
      const s = this.target();
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }
  protected override fetch(prop: string): unknown {
    if (this.orNull && !this.ctx.fake.state.sheets.some((s) => s.name === this.ref.name)) return null;
    const s = this.target();
    if (prop === "name") return s.name;
    if (prop === "position") return this.ctx.fake.state.sheets.indexOf(s);
    if (prop === "protection/protected") {
      this.protection.markLoaded(s.protected);
      return s.protected;
    }
    return super.fetch(prop);
  }
  activate(): void {
    this.ctx.queue({ name: "worksheet.activate", paths: this.paths }, () => {
      this.ctx.fake.state.active = this.target().name;
    });
  }
  delete(): void {
    this.ctx.queue({ name: "worksheet.delete", paths: this.paths }, () => {
      if (this.orNull && !this.ctx.fake.state.sheets.some((s) => s.name === this.ref.name)) return;
      const list = this.ctx.fake.state.sheets;
      list.splice(list.indexOf(this.target()), 1);
    });
  }
  getRange(address?: string): FakeRange {
    const a = address ?? "A:XFD";
    return new FakeRange(this.ctx, this.paths, this.ref, () => parseAddress(a), false, jsonBytes(a));
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, this.paths, this.ref, () => ({ row, column, rowCount, columnCount }), false, 24);
  }
  getRanges(addresses: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.paths, this.ref, addresses);
  }
  getUsedRange(): FakeRange {
    return new FakeRange(this.ctx, this.paths, this.ref, () => {
      const u = usedBounds(this.target());
      if (!u) throw new FakeExcelError("ItemNotFound", "The sheet is empty.");
      return u;
    });
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, this.paths, this.ref, () => usedBounds(this.target()), true, 6);
  }
}

/** Values only: formats never widen the fake's used range. */
function usedBounds(s: FakeSheet) {
  let r0 = -1,
    r1 = -1,
    c0 = Infinity,
    c1 = -1;
  s.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      if (r0 < 0) r0 = r;
      r1 = r;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    });
  });
  if (r0 < 0) return null;
  return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

class FakeProtection extends Proxy {
  constructor(
    ctx: Ctx,
    paths: string[],
    private readonly ref: { name: string },
  ) {
    super(ctx, paths);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  markLoaded(v: boolean): void {
    this.loaded.set("protected", v);
  }
  protected override fetch(prop: string): unknown {
    if (prop === "protected") return this.ctx.sheet(this.ref.name).protected;
    return super.fetch(prop);
  }
  protect(options?: unknown, password?: string): void {
    this.ctx.queue(
      { name: "protection.protect", args: jsonBytes(options ?? null) + jsonBytes(password ?? null), paths: this.paths },
      () => {
        const s = this.ctx.sheet(this.ref.name);
        if (s.protected) throw new FakeExcelError("InvalidOperation", "The sheet is already protected.");
        s.protected = true;
        s.password = password;
        s.protectionOptions = options;
      },
    );
  }
  unprotect(password?: string): void {
    this.ctx.queue({ name: "protection.unprotect", args: jsonBytes(password ?? null), paths: this.paths }, () => {
      const s = this.ctx.sheet(this.ref.name);
      if (s.protected && s.password !== undefined && s.password !== password) {
        throw new FakeExcelError("InvalidPassword", "The password is incorrect.");
      }
      s.protected = false;
      s.password = undefined;
    });
  }
}

class FakeTables extends Proxy {
  constructor(
    ctx: Ctx,
    paths: string[],
    private readonly ref: { name: string },
    private readonly sheetPaths: string[],
  ) {
    super(ctx, paths);
  }
  add(address: string): FakeTable {
    const t = { name: `Table${Math.floor(Math.random() * 1e9)}`, address: address.replace(/^.*!/, "") };
    const table = new FakeTable(this.ctx, this.paths, this.ref, this.sheetPaths, t);
    this.ctx.queue({ name: "tables.add", args: jsonBytes(address) + 5, paths: table.paths }, () => {
      const s = this.ctx.editable(this.ref.name);
      s.tables.push(t);
    });
    return table;
  }
  getItem(name: string): FakeTable {
    const table = new FakeTable(this.ctx, this.paths, this.ref, this.sheetPaths, { name, address: "" });
    this.ctx.queue({ name: "tables.getItem", args: jsonBytes(name), paths: table.paths }, () => {
      const found = this.ctx.sheet(this.ref.name).tables.find((t) => t.name === name);
      if (!found) throw new FakeExcelError("ItemNotFound", `no table ${name}`);
      table.bind(found);
    });
    return table;
  }
  get items(): FakeTable[] {
    return this.read("items");
  }
  protected override fetch(prop: string): unknown {
    if (prop !== "items/name") return super.fetch(prop);
    const items = this.ctx.sheet(this.ref.name).tables.map((t) => {
      const ft = new FakeTable(this.ctx, this.paths, this.ref, this.sheetPaths, t);
      ft.markName();
      return ft;
    });
    this.loaded.set("items", items);
    return items.map((t) => t.name);
  }
}

class FakeTable extends Proxy {
  constructor(
    ctx: Ctx,
    parent: string[],
    private readonly sheetRef: { name: string },
    private readonly sheetPaths: string[],
    private t: { name: string; address: string },
  ) {
    super(ctx, [...parent, newPath("table")]);
  }
  bind(t: { name: string; address: string }): void {
    this.t = t;
  }
  markName(): void {
    this.loaded.set("name", this.t.name);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.queue({ name: "table.name", args: jsonBytes(v), paths: this.paths }, () => {
      const all = this.ctx.fake.state.sheets.flatMap((s) => s.tables);
      if (all.some((t) => t !== this.t && t.name === v)) throw new FakeExcelError("ItemAlreadyExists", `table ${v}`);
      this.t.name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.paths, this.sheetRef, () => parseAddress(this.t.address));
  }
}

/** Chart types of ExcelApi 1.1 that the fake accepts (Excel.ChartType, the common ones). */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "LineStacked",
  "Pie",
  "PieExploded",
  "Doughnut",
  "Area",
  "AreaStacked",
  "XYScatter",
  "Radar",
]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

class FakeCharts extends Proxy {
  constructor(
    ctx: Ctx,
    paths: string[],
    private readonly ref: { name: string },
    private readonly sheetPaths: string[],
  ) {
    super(ctx, paths);
  }
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart = new FakeChartProxy(this.ctx, this.paths, this.ref);
    const args = jsonBytes(type) + jsonBytes(seriesBy ?? null) + 12;
    this.ctx.queue({ name: "charts.add", args, paths: [...chart.paths, ...sourceData.paths] }, () => {
      if (this.ctx.options.refuseCharts) throw new FakeExcelError("GeneralException", "charts are not available");
      if (!CHART_TYPES.has(type)) throw new FakeExcelError("InvalidArgument", `bad chart type ${type}`);
      if (seriesBy !== undefined && !SERIES_BY.has(seriesBy))
        throw new FakeExcelError("InvalidArgument", `bad seriesBy ${seriesBy}`);
      const s = this.ctx.objectsEditable(this.ref.name);
      const { sheet: source, bounds } = sourceData.resolve();
      const taken = new Set(s.charts.map((c) => c.name));
      let n = 1;
      while (taken.has(`Chart ${n}`)) n++;
      const by = seriesBy ?? "Auto";
      const c: FakeChart = {
        name: `Chart ${n}`,
        type,
        source: blockAddress(bounds.row, bounds.column, bounds.rowCount, bounds.columnCount),
        sourceSheet: source,
        seriesBy: by,
        ...chartData(source, bounds, by),
      };
      s.charts.push(c);
      chart.bind(c);
    });
    return chart;
  }
  getItem(name: string): FakeChartProxy {
    return this.lookup(`getItem ${name}`, (list) => list.find((c) => c.name === name));
  }
  getItemAt(index: number): FakeChartProxy {
    return this.lookup(`getItemAt ${index}`, (list) => list[index]);
  }
  private lookup(what: string, find: (list: FakeChart[]) => FakeChart | undefined): FakeChartProxy {
    const chart = new FakeChartProxy(this.ctx, this.paths, this.ref);
    this.ctx.queue({ name: "charts.getItem", args: jsonBytes(what), paths: chart.paths }, () => {
      const found = find(this.ctx.sheet(this.ref.name).charts);
      if (!found) throw new FakeExcelError("ItemNotFound", `no chart: ${what}`);
      chart.bind(found);
    });
    return chart;
  }
  get items(): FakeChartProxy[] {
    return this.read("items");
  }
  get count(): number {
    return this.read("count");
  }
  protected override fetch(prop: string): unknown {
    const list = this.ctx.sheet(this.ref.name).charts;
    if (prop === "count") return list.length;
    const field = /^items\/(name|chartType)$/.exec(prop)?.[1];
    if (!field) return super.fetch(prop);
    const prior = this.loaded.get("items") as FakeChartProxy[] | undefined;
    const items = list.map((c, i) => {
      const p = prior?.[i] ?? new FakeChartProxy(this.ctx, this.paths, this.ref);
      p.bind(c);
      p.markLoaded(field, field === "name" ? c.name : c.type);
      return p;
    });
    this.loaded.set("items", items);
    return list.map((c) => (field === "name" ? c.name : c.type));
  }
}

class FakeChartProxy extends Proxy {
  title: FakeChartTitle;
  private c: FakeChart | undefined;
  constructor(
    ctx: Ctx,
    parent: string[],
    private readonly ref: { name: string },
  ) {
    super(ctx, [...parent, newPath("chart")]);
    this.title = new FakeChartTitle(ctx, [...this.paths, `${this.path}/title`], () => this.target(), ref);
  }
  bind(c: FakeChart): void {
    this.c = c;
  }
  markLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  private target(): FakeChart {
    if (!this.c) throw new FakeExcelError("ItemNotFound", "the chart does not exist");
    return this.c;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.queue({ name: "chart.name", args: jsonBytes(v), paths: this.paths }, () => {
      this.ctx.objectsEditable(this.ref.name);
      this.target().name = v;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }
  protected override fetch(prop: string): unknown {
    if (prop === "name") return this.target().name;
    if (prop === "chartType") return this.target().type;
    return super.fetch(prop);
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    if (typeof startCell !== "string" || (endCell !== undefined && typeof endCell !== "string"))
      throw new Error("the fake takes setPosition's cells as addresses");
    const args = jsonBytes(startCell) + jsonBytes(endCell ?? null);
    this.ctx.queue({ name: "chart.setPosition", args, paths: this.paths }, () => {
      this.ctx.objectsEditable(this.ref.name);
      for (const a of [startCell, endCell])
        if (a !== undefined && !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/i.test(a))
          throw new FakeExcelError("InvalidArgument", `bad cell ${a}`);
      this.target().position = endCell === undefined ? { start: startCell } : { start: startCell, end: endCell };
    });
  }
  delete(): void {
    this.ctx.queue({ name: "chart.delete", paths: this.paths }, () => {
      const s = this.ctx.objectsEditable(this.ref.name);
      s.charts = s.charts.filter((c) => c !== this.target());
    });
  }
}

class FakeChartTitle extends Proxy {
  constructor(
    ctx: Ctx,
    paths: string[],
    private readonly chart: () => FakeChart,
    private readonly ref: { name: string },
  ) {
    super(ctx, paths);
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.ctx.queue({ name: "chart.title.text", args: jsonBytes(v), paths: this.paths }, () => {
      this.ctx.objectsEditable(this.ref.name);
      this.chart().title = v;
    });
  }
  protected override fetch(prop: string): unknown {
    if (prop === "text") return this.chart().title ?? "";
    return super.fetch(prop);
  }
}

const isLabel = (v: Scalar | null): boolean => v === null || typeof v === "string";

/**
 * What Excel draws from a source block: with series by columns, the first row gives the series
 * names when its cells past the corner are text, and the first column the categories when its
 * cells below the corner are text (a number in the first row, such as a year, is data, as in Excel).
 * 'Auto' takes series by columns unless the block is wider than it is tall.
 */
function chartData(s: FakeSheet, b: Bounds, seriesBy: string): Pick<FakeChart, "categories" | "series"> {
  let grid: (Scalar | null)[][] = [];
  for (let r = 0; r < b.rowCount; r++) {
    const row = s.values[b.row + r];
    grid.push(Array.from({ length: b.columnCount }, (_, c) => row?.[b.column + c] ?? null));
  }
  if (seriesBy === "Rows" || (seriesBy === "Auto" && b.columnCount > b.rowCount))
    grid = grid[0].map((_, c) => grid.map((row) => row[c]));
  const width = grid[0].length;
  const names =
    grid.length > 1 &&
    (width === 1 ? typeof grid[0][0] === "string" : grid[0].slice(1).every(isLabel) && grid[0].slice(1).some(Boolean));
  const body = names ? grid.slice(1) : grid;
  const labels = width > 1 && body.every((r) => isLabel(r[0])) && body.some((r) => r[0] !== null);
  const first = labels ? 1 : 0;
  const series: FakeChart["series"] = [];
  for (let c = first; c < width; c++) series.push({ name: names ? grid[0][c] : null, values: body.map((r) => r[c]) });
  return { categories: labels ? body.map((r) => r[0]) : body.map((_, i) => i + 1), series };
}

class FakePageLayout {
  constructor(
    private readonly ctx: Ctx,
    private readonly paths: string[],
    private readonly ref: { name: string },
  ) {}
  apply(name: string, value: unknown, f: (p: FakeSheet["page"]) => void): void {
    this.ctx.queue({ name: `pageLayout.${name}`, args: jsonBytes(value), paths: this.paths }, () =>
      f(this.ctx.sheet(this.ref.name).page),
    );
  }
  set orientation(v: string) {
    this.apply("orientation", v, (p) => (p.orientation = v));
  }
  set paperSize(v: string) {
    this.apply("paperSize", v, (p) => (p.paperSize = v));
  }
  set zoom(v: unknown) {
    this.apply("zoom", v, (p) => (p.zoom = v));
  }
  setPrintTitleRows(rows: string): void {
    this.apply("setPrintTitleRows", rows, (p) => (p.printTitleRows = rows));
  }
}

type Bounds = { row: number; column: number; rowCount: number; columnCount: number };
const address = (b: Bounds): string => blockAddress(b.row, b.column, b.rowCount, b.columnCount);
/** Characters of a getRanges address that Excel takes at most (it refuses lists of about 8,200). */
export const AREAS_ADDRESS_LIMIT = 8192;

class FakeRange extends Proxy {
  format: any;
  dataValidation: any;
  constructor(
    ctx: Ctx,
    parent: string[],
    private readonly ref: { name: string },
    private readonly bounds: () => Bounds | null,
    private readonly orNull = false,
    addressBytes = 0,
  ) {
    super(ctx, [...parent, newPath("range")]);
    if (addressBytes) ctx.pathArgs.set(this.path, addressBytes);
    const sub = (...names: string[]) => [...this.paths, ...names.map((n) => `${this.path}/${n}`)];
    const fmt = (k: string, paths: string[]) => (value: unknown) => this.formatOp(k, value, paths);
    const setter = (obj: any, name: string, k: string, paths: string[]) =>
      Object.defineProperty(obj, name, { set: fmt(k, paths), get: () => this.read(k), enumerable: true });
    const font = {};
    for (const [name, k] of [
      ["bold", "font.bold"],
      ["size", "font.size"],
      ["color", "font.color"],
    ])
      setter(font, name, k, sub("format", "format/font"));
    const fill = {};
    setter(fill, "color", "fill.color", sub("format", "format/fill"));
    const protection = {};
    Object.defineProperty(protection, "locked", {
      set: (v: boolean) => {
        this.ctx.queue({ name: "format.protection.locked", args: 5, paths: sub("format", "format/protection") }, () => {
          const s = this.ctx.editable(this.ref.name);
          if (v === false) for (const b of this.blocks()) s.unlocked.push(address(b));
        });
      },
    });
    this.format = {
      font,
      fill,
      protection,
      borders: {
        getItem: (edge: string) => {
          const b = {};
          setter(b, "style", `border.${edge}`, sub("format", "format/borders", `format/borders/${edge}`));
          return b;
        },
      },
    };
    for (const k of ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"])
      setter(this.format, k, k, sub("format"));
    const dv = sub("dataValidation");
    this.dataValidation = {
      clear: () =>
        this.ctx.queue({ name: "dataValidation.clear", paths: dv }, () => {
          const s = this.ctx.editable(this.ref.name);
          const gone = new Set(this.blocks().map(address));
          s.validations = s.validations.filter((v) => !gone.has(v.address));
        }),
    };
    Object.defineProperty(this.dataValidation, "rule", {
      set: (rule: any) => {
        this.ctx.queue({ name: "dataValidation.rule", args: jsonBytes(rule), paths: dv }, () => {
          const s = this.ctx.editable(this.ref.name);
          if (!rule?.list?.source) throw new FakeExcelError("InvalidArgument", "list rule needs a source");
          for (const b of this.blocks()) s.validations.push({ address: address(b), rule });
        });
      },
    });
    if (orNull) {
      ctx.queue({ name: "getUsedRangeOrNullObject", paths: this.paths }, () => {
        this.loaded.set("isNullObject", this.bounds() === null);
      });
    }
  }
  private b(): Bounds {
    const b = this.bounds();
    if (!b) throw new FakeExcelError("InvalidOperation", "null object");
    return b;
  }
  /** The blocks a format or a drop-down applies to: this range, or each area of a RangeAreas. */
  protected blocks(): Bounds[] {
    return [this.b()];
  }
  private address0(): string {
    const b = this.b();
    return blockAddress(b.row, b.column, b.rowCount, b.columnCount);
  }
  /** The sheet and block this range stands for, at sync time (a chart's source). */
  resolve(): { sheet: FakeSheet; bounds: Bounds } {
    return { sheet: this.ctx.sheet(this.ref.name), bounds: this.b() };
  }
  private formatOp(k: string, value: unknown, paths: string[]): void {
    this.ctx.queue({ name: `format.${k}`, args: jsonBytes(value), paths }, () => {
      const s = this.ctx.editable(this.ref.name);
      for (const b of this.blocks()) {
        if (k === "columnWidth")
          for (let c = 0; c < b.columnCount; c++) s.columnWidths.set(b.column + c, value as number);
        else if (k === "rowHeight") for (let r = 0; r < b.rowCount; r++) s.rowHeights.set(b.row + r, value as number);
        else s.formats.push({ address: address(b), key: k, value });
      }
    });
  }
  get isNullObject(): boolean {
    return this.orNull ? this.read("isNullObject") : false;
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  set values(v: Scalar[][]) {
    this.ctx.writes++;
    const nth = this.ctx.writes;
    this.ctx.queue({ name: "range.values", args: jsonBytes(v), paths: this.paths }, () => {
      if (this.ctx.options.failAtWrite === nth) throw new FakeExcelError("GeneralException", "injected failure");
      const s = this.ctx.editable(this.ref.name);
      const b = this.b();
      this.checkShape(v, b);
      for (let r = 0; r < b.rowCount; r++) {
        const row = (s.values[b.row + r] ??= []);
        for (let c = 0; c < b.columnCount; c++) {
          const val = v[r][c];
          const k = key(b.row + r, b.column + c);
          if (val === null || val === undefined) continue; // null leaves the cell as it is
          if (typeof val === "string" && val.startsWith("=") && val.length > 1 && s.numberFormats.get(k) !== "@") {
            s.formulas.set(k, val);
            row[b.column + c] = "#NAME?";
          } else {
            s.formulas.delete(k);
            s.errors.delete(k);
            row[b.column + c] = val === "" ? null : val;
          }
        }
      }
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.ctx.queue({ name: "range.numberFormat", args: jsonBytes(v), paths: this.paths }, () => {
      const s = this.ctx.editable(this.ref.name);
      const b = this.b();
      this.checkShape(v, b);
      for (let r = 0; r < b.rowCount; r++)
        for (let c = 0; c < b.columnCount; c++) s.numberFormats.set(key(b.row + r, b.column + c), v[r][c]);
    });
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  private checkShape(v: unknown[][], b: Bounds): void {
    if (v.length !== b.rowCount || v.some((r) => r.length !== b.columnCount)) {
      throw new FakeExcelError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size of the range.",
      );
    }
  }
  protected override fetch(prop: string): unknown {
    const b = this.bounds();
    if (b === null) return null;
    const s = this.ctx.sheet(this.ref.name);
    const cells = (f: (v: Scalar | null, r: number, c: number) => unknown) => {
      if (b.rowCount * b.columnCount > CELL_LIMIT) {
        throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "The range has more than 5,000,000 cells.");
      }
      const out: unknown[][] = [];
      for (let r = 0; r < b.rowCount; r++) {
        const row = s.values[b.row + r];
        const line: unknown[] = [];
        for (let c = 0; c < b.columnCount; c++) line.push(f(row?.[b.column + c] ?? null, b.row + r, b.column + c));
        out.push(line);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return `${s.name}!${blockAddress(b.row, b.column, b.rowCount, b.columnCount)}`;
      case "rowIndex":
        return b.row;
      case "columnIndex":
        return b.column;
      case "rowCount":
        return b.rowCount;
      case "columnCount":
        return b.columnCount;
      case "values":
        return cells((v) => (v === null ? "" : v));
      case "formulas":
        return cells((v, r, c) => s.formulas.get(key(r, c)) ?? (v === null ? "" : v));
      case "numberFormat":
        return cells((_v, r, c) => s.numberFormats.get(key(r, c)) ?? "General");
      case "valueTypes":
        return cells((v, r, c) =>
          s.formulas.has(key(r, c)) || (typeof v === "string" && s.errors.has(key(r, c)))
            ? "Error"
            : v === null
              ? "Empty"
              : typeof v === "number"
                ? "Double"
                : typeof v === "boolean"
                  ? "Boolean"
                  : "String",
        );
    }
    return super.fetch(prop);
  }
  /** Merges the block, or with `across` each of its rows on its own, as Excel does. */
  merge(across?: boolean): void {
    this.ctx.queue({ name: "merge", args: 5, paths: this.paths }, () => {
      const s = this.ctx.editable(this.ref.name);
      const b = this.b();
      if (!across || b.rowCount === 1) s.merges.push(address(b));
      else for (let r = 0; r < b.rowCount; r++) s.merges.push(address({ ...b, row: b.row + r, rowCount: 1 }));
    });
  }
  clear(): void {
    this.ctx.queue({ name: "clear", paths: this.paths }, () => {
      const s = this.ctx.editable(this.ref.name);
      const b = this.b();
      for (let r = 0; r < b.rowCount; r++) {
        const row = s.values[b.row + r];
        if (!row) continue;
        for (let c = 0; c < b.columnCount; c++) {
          if (row.length > b.column + c) row[b.column + c] = null;
          s.formulas.delete(key(b.row + r, b.column + c));
          s.numberFormats.delete(key(b.row + r, b.column + c));
        }
      }
    });
  }
  select(): void {
    this.ctx.queue({ name: "select", paths: this.paths }, () => {
      this.ctx.sheet(this.ref.name);
      this.ctx.fake.state.selection = { sheet: this.ref.name, address: this.address0() };
    });
  }
}

/** Several areas of one sheet (ExcelApi 1.9): format and data validation apply to each area. */
class FakeRangeAreas extends FakeRange {
  constructor(
    ctx: Ctx,
    parent: string[],
    ref: { name: string },
    private readonly list: string,
  ) {
    super(
      ctx,
      parent,
      ref,
      () => {
        throw new FakeExcelError("InvalidOperation", "the fake supports formats and validation on RangeAreas only");
      },
      false,
      jsonBytes(list),
    );
  }
  protected override blocks(): Bounds[] {
    if (this.list.length > AREAS_ADDRESS_LIMIT)
      throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    return this.list.split(",").map((a) => {
      const t = a.trim();
      if (!/^\$?[A-Z]{0,3}\$?\d*(:\$?[A-Z]{0,3}\$?\d*)?$/i.test(t) || t === "")
        throw new FakeExcelError("InvalidArgument", `bad area ${t}`);
      return parseAddress(t);
    });
  }
}

class FakeExcel {
  state: FakeState = { sheets: [] };
  stats: FakeStats = { syncs: 0, largestRequestBytes: 0, refused: 0, requests: [], calls: {} };
  constructor(readonly options: FakeOptions) {}
}

export interface FakeExcelHandle {
  run: ExcelRun;
  workbookState: FakeState;
  stats: FakeStats;
  settings: Map<string, unknown>;
  /** Office host emulation: requirement sets up to options.maxExcelApi, in-memory settings */
  office: OfficeHost;
  /** resets the counters, e.g. between a setup write and the measured read */
  resetStats(): void;
  /** a sheet's cells as the port reads them, for assertions */
  cells(sheet: string): CellValue[][];
  options: FakeOptions;
}

/** Error cells in initial sheets: give {error:'#N/A'} in SheetData rows. */
export function createFakeExcel(initialSheets: SheetData[] = [], options: FakeOptions = {}): FakeExcelHandle {
  const fake = new FakeExcel(options);
  for (const sd of initialSheets) {
    const s = newSheet(sd.name);
    s.values = sd.rows.map((row, r) =>
      row.map((v, c) => {
        if (v === null) return null;
        if (v instanceof Date) return v.getTime() / 86400000 + 25569;
        if (typeof v === "object") {
          // Excel calculates every formula on opening: it never shows one without its result
          if (!("error" in v)) throw new Error("the fake Excel holds no uncalculated formula");
          s.errors.add(key(r, c));
          return v.error;
        }
        return v;
      }),
    );
    fake.state.sheets.push(s);
  }
  const run: ExcelRun = async (batch) => {
    const ctx = new Ctx(fake, options);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  const settings = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  const max = options.maxExcelApi ?? 17;
  const office: OfficeHost = {
    isSetSupported: (name, v) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1] ?? 0) <= max,
    host: "Excel",
    platform: "OfficeOnline",
    version: "fake",
    settings: {
      get: (n) => (settings.has(n) ? JSON.parse(JSON.stringify(settings.get(n))) : null),
      set: (n, v) => void settings.set(n, JSON.parse(JSON.stringify(v))),
      saveAsync: (cb) => {
        for (const [k, v] of settings) saved.set(k, v);
        cb?.({ status: "succeeded" });
      },
    },
  };
  return {
    run,
    workbookState: fake.state,
    stats: fake.stats,
    settings: saved,
    office,
    options,
    resetStats: () => {
      fake.stats.syncs = 0;
      fake.stats.largestRequestBytes = 0;
      fake.stats.refused = 0;
      fake.stats.requests.length = 0;
      fake.stats.calls = {};
    },
    cells: (name) => {
      const s = fake.state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s.values.map((row) => (row ?? []).map((v) => v ?? null));
    },
  };
}
