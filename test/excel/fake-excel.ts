// A faithful in-memory fake of the Office.js Excel subset the adapter uses, for tests without a host.
// Like Excel: properties must be loaded and synced before they are read (PropertyNotLoaded),
// operations are queued and applied at context.sync(), a sync carrying more than 5 MB is refused
// (RequestPayloadSizeLimitExceeded), a read over 5,000,000 cells is refused, writes to a protected
// sheet are refused, and a string starting with '=' becomes a formula unless the cell is text ('@').
import type { CellValue, SheetData } from "../../src/workbook/port";
import { blockAddress, jsonBytes, parseAddress } from "../../src/excel/a1";
import type { OfficeHost } from "../../src/excel/capabilities";
import type { ExcelRun } from "../../src/excel/run";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_LIMIT = 5_000_000;

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
}

export interface FakeOptions {
  /** highest ExcelApi 1.x minor version the host claims; 17 by default */
  maxExcelApi?: number;
  /** throw at the n-th queued value write (1-based), to test failures mid-write */
  failAtWrite?: number;
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
  };
}

interface Op {
  bytes: number;
  apply: () => number | void; // returns response bytes
}

class Ctx {
  ops: Op[] = [];
  workbook: FakeWorkbook;
  writes = 0;
  constructor(
    readonly fake: FakeExcel,
    readonly options: FakeOptions,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  queue(bytes: number, apply: () => number | void): void {
    this.ops.push({ bytes, apply });
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
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
}

/** Base of every proxy: loaded properties only, as in Office.js. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: Ctx) {}
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
    this.ctx.queue(40 + names.join(",").length, () => {
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
    this.worksheets = new FakeWorksheets(ctx);
  }
}

class FakeWorksheets extends Proxy {
  add(name?: string): FakeWorksheet {
    const ref = { name: name ?? `Sheet${this.ctx.fake.state.sheets.length + 1}` };
    this.ctx.queue(60, () => {
      if (this.ctx.fake.state.sheets.some((s) => s.name.toLowerCase() === ref.name.toLowerCase())) {
        throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${ref.name} already exists.`);
      }
      if (ref.name.length > 31 || /[\\/?*[\]:]/.test(ref.name))
        throw new FakeExcelError("InvalidArgument", "bad sheet name");
      this.ctx.fake.state.sheets.push(newSheet(ref.name));
    });
    return new FakeWorksheet(this.ctx, ref, false);
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
  pageLayout: FakePageLayout;
  horizontalPageBreaks: { add: (at: string) => void };
  constructor(
    ctx: Ctx,
    readonly ref: { name: string },
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, ref);
    this.freezePanes = {
      freezeRows: (n: number) => ctx.queue(40, () => void (this.target().frozenRows = n)),
    };
    this.tables = new FakeTables(ctx, ref);
    this.pageLayout = new FakePageLayout(ctx, ref);
    this.horizontalPageBreaks = { add: (at) => this.pageLayout.apply((p) => void p.rowBreaks.push(at)) };
    if (orNull) {
      ctx.queue(20, () => {
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
    this.ctx.queue(60, () => {
      if (this.ctx.fake.state.sheets.some((s) => s.name === v)) throw new FakeExcelError("ItemAlreadyExists", v);
      this.ctx.sheet(ref.name).name = v;
      ref.name = v;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.ctx.queue(40, () => {
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
    this.ctx.queue(30, () => void (this.ctx.fake.state.active = this.target().name));
  }
  delete(): void {
    this.ctx.queue(30, () => {
      if (this.orNull && !this.ctx.fake.state.sheets.some((s) => s.name === this.ref.name)) return;
      const list = this.ctx.fake.state.sheets;
      list.splice(list.indexOf(this.target()), 1);
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => parseAddress(address ?? "A:XFD"));
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => ({ row, column, rowCount, columnCount }));
  }
  getUsedRange(): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => {
      const u = usedBounds(this.target());
      if (!u) throw new FakeExcelError("ItemNotFound", "The sheet is empty.");
      return u;
    });
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, this.ref, () => usedBounds(this.target()), true);
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
    private readonly ref: { name: string },
  ) {
    super(ctx);
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
    this.ctx.queue(80, () => {
      const s = this.ctx.sheet(this.ref.name);
      if (s.protected) throw new FakeExcelError("InvalidOperation", "The sheet is already protected.");
      s.protected = true;
      s.password = password;
      s.protectionOptions = options;
    });
  }
  unprotect(password?: string): void {
    this.ctx.queue(60, () => {
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
    private readonly ref: { name: string },
  ) {
    super(ctx);
  }
  add(address: string): FakeTable {
    const t = { name: `Table${Math.floor(Math.random() * 1e9)}`, address: address.replace(/^.*!/, "") };
    this.ctx.queue(80, () => {
      const s = this.ctx.editable(this.ref.name);
      s.tables.push(t);
    });
    return new FakeTable(this.ctx, this.ref, t);
  }
  getItem(name: string): FakeTable {
    const ref = { name, address: "" };
    const table = new FakeTable(this.ctx, this.ref, ref);
    this.ctx.queue(20, () => {
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
      const ft = new FakeTable(this.ctx, this.ref, t);
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
    private readonly sheetRef: { name: string },
    private t: { name: string; address: string },
  ) {
    super(ctx);
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
    this.ctx.queue(40, () => {
      const all = this.ctx.fake.state.sheets.flatMap((s) => s.tables);
      if (all.some((t) => t !== this.t && t.name === v)) throw new FakeExcelError("ItemAlreadyExists", `table ${v}`);
      this.t.name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.sheetRef, () => parseAddress(this.t.address));
  }
}

class FakePageLayout {
  constructor(
    private readonly ctx: Ctx,
    private readonly ref: { name: string },
  ) {}
  apply(f: (p: FakeSheet["page"]) => void): void {
    this.ctx.queue(40, () => f(this.ctx.sheet(this.ref.name).page));
  }
  set orientation(v: string) {
    this.apply((p) => (p.orientation = v));
  }
  set paperSize(v: string) {
    this.apply((p) => (p.paperSize = v));
  }
  set zoom(v: unknown) {
    this.apply((p) => (p.zoom = v));
  }
  setPrintTitleRows(rows: string): void {
    this.apply((p) => (p.printTitleRows = rows));
  }
}

type Bounds = { row: number; column: number; rowCount: number; columnCount: number };

class FakeRange extends Proxy {
  format: any;
  dataValidation: any;
  constructor(
    ctx: Ctx,
    private readonly ref: { name: string },
    private readonly bounds: () => Bounds | null,
    private readonly orNull = false,
  ) {
    super(ctx);
    const fmt = (k: string) => (value: unknown) => this.formatOp(k, value);
    const setter = (obj: any, name: string, k: string) =>
      Object.defineProperty(obj, name, { set: fmt(k), get: () => this.read(k), enumerable: true });
    const font = {};
    setter(font, "bold", "font.bold");
    setter(font, "size", "font.size");
    setter(font, "color", "font.color");
    const fill = {};
    setter(fill, "color", "fill.color");
    const protection = {};
    Object.defineProperty(protection, "locked", {
      set: (v: boolean) => {
        this.ctx.queue(40, () => {
          const s = this.ctx.editable(this.ref.name);
          if (v === false) s.unlocked.push(this.address0());
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
          setter(b, "style", `border.${edge}`);
          return b;
        },
      },
    };
    setter(this.format, "columnWidth", "columnWidth");
    setter(this.format, "rowHeight", "rowHeight");
    setter(this.format, "wrapText", "wrapText");
    setter(this.format, "horizontalAlignment", "horizontalAlignment");
    setter(this.format, "verticalAlignment", "verticalAlignment");
    this.dataValidation = {
      clear: () =>
        this.ctx.queue(40, () => {
          const s = this.ctx.editable(this.ref.name);
          const a = this.address0();
          s.validations = s.validations.filter((v) => v.address !== a);
        }),
    };
    Object.defineProperty(this.dataValidation, "rule", {
      set: (rule: any) => {
        this.ctx.queue(60 + jsonBytes(rule), () => {
          const s = this.ctx.editable(this.ref.name);
          if (!rule?.list?.source) throw new FakeExcelError("InvalidArgument", "list rule needs a source");
          s.validations.push({ address: this.address0(), rule });
        });
      },
    });
    if (orNull) {
      ctx.queue(20, () => void this.loaded.set("isNullObject", this.bounds() === null));
    }
  }
  private b(): Bounds {
    const b = this.bounds();
    if (!b) throw new FakeExcelError("InvalidOperation", "null object");
    return b;
  }
  private address0(): string {
    const b = this.b();
    return blockAddress(b.row, b.column, b.rowCount, b.columnCount);
  }
  private formatOp(k: string, value: unknown): void {
    this.ctx.queue(40 + jsonBytes(value), () => {
      const s = this.ctx.editable(this.ref.name);
      const b = this.b();
      if (k === "columnWidth")
        for (let c = 0; c < b.columnCount; c++) s.columnWidths.set(b.column + c, value as number);
      else if (k === "rowHeight") for (let r = 0; r < b.rowCount; r++) s.rowHeights.set(b.row + r, value as number);
      else s.formats.push({ address: this.address0(), key: k, value });
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
    this.ctx.queue(jsonBytes(v), () => {
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
    this.ctx.queue(jsonBytes(v), () => {
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
  merge(across?: boolean): void {
    this.ctx.queue(
      40,
      () => void this.ctx.editable(this.ref.name).merges.push(this.address0() + (across ? "(across)" : "")),
    );
  }
  clear(): void {
    this.ctx.queue(40, () => {
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
    this.ctx.queue(30, () => {
      this.ctx.sheet(this.ref.name);
      this.ctx.fake.state.selection = { sheet: this.ref.name, address: this.address0() };
    });
  }
}

class FakeExcel {
  state: FakeState = { sheets: [] };
  stats: FakeStats = { syncs: 0, largestRequestBytes: 0, refused: 0, requests: [] };
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
    },
    cells: (name) => {
      const s = fake.state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s.values.map((row) => (row ?? []).map((v) => v ?? null));
    },
  };
}
