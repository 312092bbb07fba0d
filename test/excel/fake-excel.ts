// A faithful in-memory fake of the Office.js Excel subset the adapter uses, for tests without a host.
// It enforces what real Excel enforces (../shared/office-js-audit.md §3), so that the adapter is
// tested against Excel's rules and not against a lenient stand-in:
// - properties must be loaded and synced before they are read (PropertyNotLoaded); operations are
//   queued and applied in order at context.sync(), and a failing one stops the rest of its sync;
// - every member is gated by its ExcelApi requirement set: on a host below it, the sync fails
//   with ApiNotFound, as Excel answers a request for a member it does not know;
// - a string starting with '=', '+' or '-' becomes a formula and a numeric string a number,
//   unless the cell is text ('@');
// - protection: writes to locked cells of a protected sheet are refused (unlocked cells take
//   values), formats need the allowFormat* options, and a protected workbook structure refuses
//   adding, deleting, renaming and moving sheets;
// - Excel's limits: 409 pt rows, 1,026 manual page breaks, 32,767 characters a cell, 255-unit
//   list sources, sheet and table name rules, tables refused over merges or other tables,
//   getRanges silently truncating its address at 8,192 characters, reads over 5,000,000 cells,
//   and requests over 5,000,000 bytes (Excel on the web);
// - injectable host states: cell-edit mode (unless the run delays for it), another workbook
//   taking focus during a write, a failing saveAsync, a sync that never settles, unprotect on an
//   unprotected sheet refused (office-js #6784).
// Request bytes are counted as Office.js serialises a batch: about ACTION_BYTES an action plus its
// arguments as UTF-8 JSON, and PATH_BYTES for each object the batch first refers to. UTF-8 bytes
// are never fewer than the JSON's characters, so the byte count is the stricter of the two.
import type { CellValue, SheetData } from "../../src/workbook/port";
import { blockAddress, jsonBytes, parseAddress } from "../../src/excel/a1";
import type { OfficeHost } from "../../src/excel/capabilities";
import type { ExcelRun } from "../../src/excel/run";

/** Excel on the web refuses a request or a response over 5 MB (5,000,000 bytes, [limits]). */
export const PAYLOAD_LIMIT = 5_000_000;
export const CELL_LIMIT = 5_000_000;
/** Bytes of one action in a request ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}), before its arguments. */
export const ACTION_BYTES = 90;
/** Bytes of one object path in a request, with the action that instantiates it; once per object per request. */
export const PATH_BYTES = 170;
/** Excel's limits ("Excel specifications and limits"). */
export const ROW_HEIGHT_MAX = 409;
export const PAGE_BREAKS_MAX = 1026;
export const CELL_TEXT_MAX = 32767;
export const LIST_SOURCE_MAX = 255;
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
/** Characters of a getRanges address that Excel reads; the rest is silently dropped ([trouble]). */
export const AREAS_ADDRESS_LIMIT = 8192;
/** The ExcelApi sets the suite runs over: Office 2019 VL, 2021 VL's first, 1.9, and today's. */
export const CURRENT_EXCEL_API = 20;
/**
 * The ExcelApi 1.x a fake claims when a test names none: jest.config.js runs the host tests again
 * with the global FAKE_EXCEL_API at 7, 8 and 9 (or the environment variable of that name), as
 * Office 2019 (1.7) and the other older Excels would; otherwise the current set.
 */
export const DEFAULT_EXCEL_API: number = (() => {
  const v = Number((globalThis as { FAKE_EXCEL_API?: number }).FAKE_EXCEL_API ?? process.env.FAKE_EXCEL_API);
  return Number.isInteger(v) && v >= 1 ? v : CURRENT_EXCEL_API;
})();
export const EXCEL_API_VERSIONS = [7, 8, 9, CURRENT_EXCEL_API] as const;

type Scalar = string | number | boolean;

interface Options {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
  [k: string]: unknown;
}

/** One sheet of the fake workbook. */
export interface FakeSheet {
  name: string;
  values: (Scalar | null)[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  protected: boolean;
  password?: string;
  protectionOptions?: Options;
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
  /** '#RRGGBB', or '' for none */
  tabColor: string;
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
  /** workbook structure protection (审阅 → 保护工作簿) */
  structure: { protected: boolean; password?: string };
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
  /** getRanges addresses that Excel cut at 8,192 characters */
  truncatedAreas: number;
}

export interface FakeOptions {
  /** highest ExcelApi 1.x minor version the host claims; CURRENT_EXCEL_API by default */
  maxExcelApi?: number;
  /** throw at the n-th value write queued in the fake's life (1-based), to test failures mid-write */
  failAtWrite?: number;
  /** refuse every charts.add at sync, as a host whose charts fail would */
  refuseCharts?: boolean;
  /** the clerk is typing in a cell: a run fails at once unless it delays for cell edit (until endCellEdit()) */
  cellEditMode?: boolean;
  /**
   * Another open workbook takes focus at the n-th sync of the fake's life (1-based) for `syncs`
   * syncs (for good when absent): worksheets.add, freezeRows, activate and select then throw
   * GeneralException and Worksheet.delete InvalidSelection, as the troubleshooting table says.
   */
  focusLoss?: { atSync: number; syncs?: number };
  /** settings.saveAsync answers failed */
  saveAsyncFails?: boolean;
  /** the n-th sync of the fake's life never settles (office-js #6678) */
  hangAtSync?: number;
  /** unprotect() on a sheet that is not protected throws AccessDenied (office-js #6784) */
  unprotectUnprotectedThrows?: boolean;
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
const unkey = (k: string): [number, number] => k.split(",").map(Number) as [number, number];

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
    tabColor: "",
  };
}

type Bounds = { row: number; column: number; rowCount: number; columnCount: number };
/** parseAddress, remembered: the fake compares every drop-down and merge of a sheet, often. */
const parsedAddresses = new Map<string, Bounds>();
function boundsOf(a: string): Bounds {
  let b = parsedAddresses.get(a);
  if (!b) {
    b = parseAddress(a);
    if (parsedAddresses.size > 500_000) parsedAddresses.clear();
    parsedAddresses.set(a, b);
  }
  return b;
}
const address = (b: Bounds): string => blockAddress(b.row, b.column, b.rowCount, b.columnCount);
const overlaps = (a: Bounds, b: Bounds): boolean =>
  a.row < b.row + b.rowCount &&
  b.row < a.row + a.rowCount &&
  a.column < b.column + b.columnCount &&
  b.column < a.column + a.columnCount;
const inside = (a: Bounds, b: Bounds): boolean =>
  a.row >= b.row &&
  a.row + a.rowCount <= b.row + b.rowCount &&
  a.column >= b.column &&
  a.column + a.columnCount <= b.column + b.columnCount;

/** Blocks sorted by row, to find those that meet a block without comparing every pair. */
class BlockIndex {
  private readonly sorted: Bounds[];
  private readonly tallest: number;
  constructor(blocks: Bounds[]) {
    this.sorted = [...blocks].sort((a, b) => a.row - b.row);
    this.tallest = this.sorted.reduce((m, b) => Math.max(m, b.rowCount), 0);
  }
  overlapping(b: Bounds): Bounds[] {
    const from = b.row - this.tallest + 1;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].row < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Bounds[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].row < b.row + b.rowCount; i++)
      if (overlaps(this.sorted[i], b)) out.push(this.sorted[i]);
    return out;
  }
}

/** The drop-downs after every cell of `blocks` lost its rule, wherever the rule began [dv]. */
function clearValidations(list: FakeSheet["validations"], blocks: Bounds[]): FakeSheet["validations"] {
  const index = new BlockIndex(blocks);
  return list.flatMap((v) => {
    const vb = boundsOf(v.address);
    const hits = index.overlapping(vb);
    if (hits.length === 0) return [v];
    let rest = [vb];
    for (const b of hits) rest = rest.flatMap((x) => subtract(x, b));
    return rest.map((r) => ({ address: address(r), rule: v.rule }));
  });
}

/** The parts of `a` outside `b`: at most four blocks (above, below, left, right). */
function subtract(a: Bounds, b: Bounds): Bounds[] {
  if (!overlaps(a, b)) return [a];
  const out: Bounds[] = [];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  if (b.row > a.row) out.push({ ...a, rowCount: b.row - a.row });
  if (bottom < a.row + a.rowCount) out.push({ ...a, row: bottom, rowCount: a.row + a.rowCount - bottom });
  if (b.column > a.column)
    out.push({ row: top, rowCount: bottom - top, column: a.column, columnCount: b.column - a.column });
  const right = b.column + b.columnCount;
  if (right < a.column + a.columnCount)
    out.push({ row: top, rowCount: bottom - top, column: right, columnCount: a.column + a.columnCount - right });
  return out;
}

/** A block after rows [at, at+count) were deleted (count > 0) or inserted before `at` (count < 0); null when gone. */
function shiftBlock(b: Bounds, at: number, count: number): Bounds | null {
  if (count < 0) {
    const n = -count;
    if (b.row >= at) return { ...b, row: b.row + n };
    if (b.row + b.rowCount > at) return { ...b, rowCount: b.rowCount + n };
    return b;
  }
  const end = at + count;
  if (b.row + b.rowCount <= at) return b;
  if (b.row >= end) return { ...b, row: b.row - count };
  const kept = b.rowCount - (Math.min(end, b.row + b.rowCount) - Math.max(at, b.row));
  if (kept <= 0) return null;
  return { ...b, row: Math.min(b.row, at), rowCount: kept };
}

/** Excel's sheet-name rules, as the error Excel gives, or null when the name is allowed. */
function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return "a sheet name has 1 to 31 characters";
  if (/[\\/?*[\]:]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === "history") return "History is a reserved sheet name";
  return null;
}

/** Excel's table-name rules: a letter, underscore or backslash first; no spaces; not a cell reference. */
function tableNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "a table name has 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return "a table name starts with a letter and has no spaces";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name))
    return "a table name cannot look like a cell reference";
  return null;
}

interface Op {
  bytes: number;
  apply: () => number | void; // returns response bytes
}

/** One queued call: its name (for the counts), its argument bytes, the objects it refers to, its set. */
interface Call {
  name: string;
  args?: number;
  /** object paths, outermost first; each costs PATH_BYTES the first time a request refers to it */
  paths?: string[];
  /** the ExcelApi 1.x minor version this member needs */
  api?: number;
  /** a call that fails while another workbook has focus, with this code */
  focus?: "GeneralException" | "InvalidSelection";
}

let nextPath = 1;
/** A fresh object path key, e.g. 'range17'. */
const newPath = (kind: string): string => `${kind}${nextPath++}`;

class Ctx {
  ops: Op[] = [];
  workbook: FakeWorkbook;
  /** object paths the request being queued already carries */
  private inRequest = new Set<string>();
  /** bytes of an object path's arguments (a range's address) */
  readonly pathArgs = new Map<string, number>();
  constructor(
    readonly fake: FakeExcel,
    readonly options: FakeOptions,
    private readonly delayForCellEdit: boolean,
  ) {
    this.workbook = new FakeWorkbook(this);
  }
  get maxApi(): number {
    return this.options.maxExcelApi ?? DEFAULT_EXCEL_API;
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
    const api = call.api ?? 1;
    const gated = (): number | void => {
      if (api > this.maxApi)
        throw new FakeExcelError(
          "ApiNotFound",
          `The API you are trying to use could not be found (${call.name}, ExcelApi 1.${api}). It may be available in a newer version of Excel.`,
        );
      if (call.focus && this.fake.focusLost()) {
        throw new FakeExcelError(
          call.focus,
          call.focus === "InvalidSelection"
            ? "The current selection is invalid for this operation."
            : "There was an internal error while processing the request.",
        );
      }
      return apply();
    };
    this.ops.push({ bytes, apply: gated });
  }
  async sync(): Promise<void> {
    const fake = this.fake;
    if (fake.cellEdit) {
      if (!this.delayForCellEdit)
        throw new FakeExcelError(
          "InvalidOperationInCellEditMode",
          "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
        );
      await fake.cellEditEnded;
    }
    const ops = this.ops;
    this.ops = [];
    this.inRequest = new Set();
    const stats = fake.stats;
    stats.syncs++;
    fake.lifetimeSyncs++;
    if (this.options.hangAtSync === fake.lifetimeSyncs) return new Promise<void>(() => undefined);
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
    const s = this.fake.state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return s;
  }
  /** A sheet whose cells in `blocks` may take values: unprotected, or every cell unlocked. */
  writable(name: string, blocks: Bounds[]): FakeSheet {
    const s = this.sheet(name);
    if (!s.protected) return s;
    const unlocked = s.unlocked.map((a) => boundsOf(a));
    for (const b of blocks) {
      let rest = [b];
      for (const u of unlocked) rest = rest.flatMap((x) => subtract(x, u));
      if (rest.length > 0)
        throw new FakeExcelError(
          "AccessDenied",
          `The cell or chart you're trying to change is on a protected sheet (${s.name}!${address(rest[0])}).`,
        );
    }
    return s;
  }
  /** A sheet whose formats of kind `allow` may change. */
  formattable(name: string, allow: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows"): FakeSheet {
    const s = this.sheet(name);
    if (s.protected && !s.protectionOptions?.[allow])
      throw new FakeExcelError("AccessDenied", `The sheet ${s.name} is protected.`);
    return s;
  }
  /** A sheet that takes no change at all while protected (merges, drop-downs, locking, tables). */
  unprotected(name: string): FakeSheet {
    const s = this.sheet(name);
    if (s.protected) throw new FakeExcelError("AccessDenied", `The sheet ${s.name} is protected.`);
    return s;
  }
  /** A sheet whose drawing objects may change: unprotected, or protected with allowEditObjects. */
  objectsEditable(name: string): FakeSheet {
    const s = this.sheet(name);
    if (s.protected && !s.protectionOptions?.allowEditObjects)
      throw new FakeExcelError("AccessDenied", `The sheet ${name} is protected.`);
    return s;
  }
  /** The workbook structure may change (sheets added, deleted, renamed, moved). */
  structure(): void {
    if (this.fake.state.structure.protected)
      throw new FakeExcelError(
        "AccessDenied",
        "You cannot perform the requested operation: the workbook structure is protected.",
      );
  }
}

/** Base of every proxy: loaded properties only, as in Office.js. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: Ctx,
    /** this object's path in a request, and those of its parents, outermost first */
    readonly paths: string[],
    /** the ExcelApi version of the member this object was reached through */
    protected readonly api = 1,
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
  /** The ExcelApi version a property needs when loaded; 1 unless a subclass says otherwise. */
  protected propertyApi(_prop: string): number {
    return 1;
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props ?? {});
    const names = list.map((p) => p.trim()).filter(Boolean);
    if (names.length === 0) throw new Error("empty load: name the properties you need");
    const api = Math.max(this.api, ...names.map((n) => this.propertyApi(n)));
    this.ctx.queue({ name: "load", args: names.join(",").length, paths: this.paths, api }, () => {
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
  protection: FakeWorkbookProtection;
  constructor(ctx: Ctx) {
    this.worksheets = new FakeWorksheets(ctx, ["worksheets"]);
    this.protection = new FakeWorkbookProtection(ctx, ["workbook/protection"], 7);
  }
}

class FakeWorkbookProtection extends Proxy {
  get protected(): boolean {
    return this.read("protected");
  }
  protected override fetch(prop: string): unknown {
    if (prop === "protected") return this.ctx.fake.state.structure.protected;
    return super.fetch(prop);
  }
  protect(password?: string): void {
    this.ctx.queue(
      { name: "workbook.protection.protect", args: jsonBytes(password ?? null), paths: this.paths, api: 7 },
      () => {
        const st = this.ctx.fake.state.structure;
        if (st.protected) throw new FakeExcelError("InvalidOperation", "The workbook is already protected.");
        st.protected = true;
        st.password = password;
      },
    );
  }
  unprotect(password?: string): void {
    this.ctx.queue(
      { name: "workbook.protection.unprotect", args: jsonBytes(password ?? null), paths: this.paths, api: 7 },
      () => {
        const st = this.ctx.fake.state.structure;
        if (st.protected && st.password !== undefined && st.password !== password)
          throw new FakeExcelError("BadPassword", "The password you supplied is incorrect.");
        st.protected = false;
        st.password = undefined;
      },
    );
  }
}

class FakeWorksheets extends Proxy {
  add(name?: string): FakeWorksheet {
    const ref = { name: name ?? `Sheet${this.ctx.fake.state.sheets.length + 1}` };
    const ws = new FakeWorksheet(this.ctx, ref, false);
    this.ctx.queue(
      { name: "worksheets.add", args: jsonBytes(ref.name), paths: ws.paths, focus: "GeneralException" },
      () => {
        this.ctx.structure();
        const problem = sheetNameProblem(ref.name);
        if (problem) throw new FakeExcelError("InvalidArgument", problem);
        if (this.ctx.fake.state.sheets.some((s) => s.name.toLowerCase() === ref.name.toLowerCase())) {
          throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${ref.name} already exists.`);
        }
        this.ctx.fake.state.sheets.push(newSheet(ref.name));
      },
    );
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
    super(ctx, ["worksheets", newPath("worksheet")], orNull ? 4 : 1);
    const at = (child: string) => [...this.paths, `${this.path}/${child}`];
    this.protection = new FakeProtection(ctx, at("protection"), ref, Math.max(2, this.api));
    this.freezePanes = {
      freezeRows: (n: number) =>
        ctx.queue(
          { name: "freezePanes.freezeRows", args: 4, paths: at("freezePanes"), api: 7, focus: "GeneralException" },
          () => void (this.target().frozenRows = n),
        ),
    };
    this.tables = new FakeTables(ctx, at("tables"), ref, this.paths);
    this.charts = new FakeCharts(ctx, at("charts"), ref, this.paths);
    this.pageLayout = new FakePageLayout(ctx, at("pageLayout"), ref);
    const breaks = at("horizontalPageBreaks");
    this.horizontalPageBreaks = {
      add: (where) =>
        ctx.queue({ name: "horizontalPageBreaks.add", args: jsonBytes(where), paths: breaks, api: 9 }, () => {
          const page = this.ctx.sheet(ref.name).page;
          if (page.rowBreaks.length >= PAGE_BREAKS_MAX)
            throw new FakeExcelError("InvalidArgument", `a sheet holds at most ${PAGE_BREAKS_MAX} manual page breaks`);
          page.rowBreaks.push(where);
        }),
    };
    if (orNull) {
      ctx.queue({ name: "worksheets.getItemOrNullObject", paths: this.paths, api: 4 }, () => {
        this.loaded.set("isNullObject", !this.exists());
      });
    }
  }
  private exists(): boolean {
    return this.ctx.fake.state.sheets.some((s) => s.name.toLowerCase() === this.ref.name.toLowerCase());
  }
  markLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  private target(): FakeSheet {
    return this.ctx.sheet(this.ref.name);
  }
  protected override propertyApi(prop: string): number {
    if (prop === "tabColor") return 7;
    if (prop.startsWith("protection/")) return 2;
    return 1;
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
    this.ctx.queue({ name: "worksheet.name", args: jsonBytes(v), paths: this.paths, api: this.api }, () => {
      this.ctx.structure();
      const s = this.ctx.sheet(ref.name);
      const problem = sheetNameProblem(v);
      if (problem) throw new FakeExcelError("InvalidArgument", problem);
      if (this.ctx.fake.state.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", v);
      s.name = v;
      ref.name = v;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.ctx.queue({ name: "worksheet.position", args: 4, paths: this.paths, api: this.api }, () => {
      this.ctx.structure();
      const list = this.ctx.fake.state.sheets;
      const s = this.target();
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.ctx.queue({ name: "worksheet.tabColor", args: jsonBytes(v), paths: this.paths, api: 7 }, () => {
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeExcelError("InvalidArgument", `bad colour ${v}`);
      this.target().tabColor = v.toUpperCase();
    });
  }
  protected override fetch(prop: string): unknown {
    if (this.orNull && !this.exists()) return null;
    const s = this.target();
    if (prop === "name") return s.name;
    if (prop === "position") return this.ctx.fake.state.sheets.indexOf(s);
    if (prop === "tabColor") return s.tabColor;
    if (prop === "protection/protected") {
      this.protection.markLoaded("protected", s.protected);
      return s.protected;
    }
    if (prop === "protection/options") {
      const options = { ...DEFAULT_OPTIONS, ...(s.protected ? s.protectionOptions : {}) };
      this.protection.markLoaded("options", options);
      return options;
    }
    return super.fetch(prop);
  }
  activate(): void {
    this.ctx.queue({ name: "worksheet.activate", paths: this.paths, api: this.api, focus: "GeneralException" }, () => {
      this.ctx.fake.state.active = this.target().name;
    });
  }
  delete(): void {
    this.ctx.queue({ name: "worksheet.delete", paths: this.paths, api: this.api, focus: "InvalidSelection" }, () => {
      if (this.orNull && !this.exists()) return;
      this.ctx.structure();
      const list = this.ctx.fake.state.sheets;
      list.splice(list.indexOf(this.target()), 1);
    });
  }
  getRange(address?: string): FakeRange {
    const a = address ?? "A:XFD";
    return new FakeRange(this.ctx, this.paths, this.ref, () => boundsOf(a), false, jsonBytes(a), this.api);
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.ctx,
      this.paths,
      this.ref,
      () => ({ row, column, rowCount: 1, columnCount: 1 }),
      false,
      12,
      this.api,
    );
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): FakeRange {
    const bounds = () => {
      if (
        row < 0 ||
        column < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        row + rowCount > SHEET_ROWS ||
        column + columnCount > SHEET_COLUMNS
      )
        throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return { row, column, rowCount, columnCount };
    };
    return new FakeRange(this.ctx, this.paths, this.ref, bounds, false, 24, 7);
  }
  getRanges(addresses: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.paths, this.ref, addresses);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      this.paths,
      this.ref,
      () => {
        const u = usedBounds(this.target(), valuesOnly === true);
        if (!u) throw new FakeExcelError("ItemNotFound", "The sheet is empty.");
        return u;
      },
      false,
      6,
      valuesOnly === undefined ? 1 : 2,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    // on a null worksheet the used range is a null object too, as Office.js chains them
    const bounds = () => (this.orNull && !this.exists() ? null : usedBounds(this.target(), valuesOnly === true));
    return new FakeRange(this.ctx, this.paths, this.ref, bounds, true, 6, 4);
  }
}

/** The used range: cells with values, and with `valuesOnly` false also cells with a number format. */
function usedBounds(s: FakeSheet, valuesOnly: boolean) {
  let r0 = Infinity,
    r1 = -1,
    c0 = Infinity,
    c1 = -1;
  const use = (r: number, c: number) => {
    r0 = Math.min(r0, r);
    r1 = Math.max(r1, r);
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  };
  s.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") use(r, c);
    });
  });
  if (!valuesOnly) for (const [k, f] of s.numberFormats) if (f !== "General") use(...unkey(k));
  if (r1 < 0) return null;
  return { row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

const DEFAULT_OPTIONS: Options = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

class FakeProtection extends Proxy {
  constructor(
    ctx: Ctx,
    paths: string[],
    private readonly ref: { name: string },
    api: number,
  ) {
    super(ctx, paths, api);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Options {
    return this.read("options");
  }
  markLoaded(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  protected override fetch(prop: string): unknown {
    const s = this.ctx.sheet(this.ref.name);
    if (prop === "protected") return s.protected;
    if (prop === "options") return { ...DEFAULT_OPTIONS, ...(s.protected ? s.protectionOptions : {}) };
    return super.fetch(prop);
  }
  protect(options?: Options, password?: string): void {
    const api = Math.max(this.api, password !== undefined ? 7 : 2);
    this.ctx.queue(
      {
        name: "protection.protect",
        args: jsonBytes(options ?? null) + jsonBytes(password ?? null),
        paths: this.paths,
        api,
      },
      () => {
        const s = this.ctx.sheet(this.ref.name);
        if (s.protected) throw new FakeExcelError("InvalidOperation", "The sheet is already protected.");
        s.protected = true;
        s.password = password;
        s.protectionOptions = options ? { ...options } : undefined;
      },
    );
  }
  unprotect(password?: string): void {
    const api = Math.max(this.api, password !== undefined ? 7 : 2);
    this.ctx.queue({ name: "protection.unprotect", args: jsonBytes(password ?? null), paths: this.paths, api }, () => {
      const s = this.ctx.sheet(this.ref.name);
      if (!s.protected && this.ctx.options.unprotectUnprotectedThrows)
        throw new FakeExcelError("AccessDenied", "You cannot perform the requested operation.");
      if (s.protected && s.password !== undefined && s.password !== password) {
        throw new FakeExcelError("BadPassword", "The password you supplied is incorrect.");
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
  add(where: string): FakeTable {
    const t = { name: `Table${Math.floor(Math.random() * 1e9)}`, address: where.replace(/^.*!/, "") };
    const table = new FakeTable(this.ctx, this.paths, this.ref, this.sheetPaths, t);
    this.ctx.queue({ name: "tables.add", args: jsonBytes(where) + 5, paths: table.paths }, () => {
      const s = this.ctx.unprotected(this.ref.name);
      const b = boundsOf(t.address);
      const conflict = [...s.merges, ...s.tables.map((x) => x.address)].find((a) => overlaps(boundsOf(a), b));
      if (conflict)
        throw new FakeExcelError(
          "MergedRangeConflict",
          "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
        );
      s.tables.push(t);
    });
    return table;
  }
  getItem(name: string): FakeTable {
    const table = new FakeTable(this.ctx, this.paths, this.ref, this.sheetPaths, { name, address: "" });
    this.ctx.queue({ name: "tables.getItem", args: jsonBytes(name), paths: table.paths }, () => {
      const found = this.ctx.sheet(this.ref.name).tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
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
      const problem = tableNameProblem(v);
      if (problem) throw new FakeExcelError("InvalidArgument", problem);
      const all = this.ctx.fake.state.sheets.flatMap((s) => s.tables);
      if (all.some((t) => t !== this.t && t.name.toLowerCase() === v.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `table ${v}`);
      this.t.name = v;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.paths, this.sheetRef, () => boundsOf(this.t.address));
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
    this.ctx.queue({ name: `pageLayout.${name}`, args: jsonBytes(value), paths: this.paths, api: 9 }, () =>
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

/** Which ExcelApi version each RangeFormat property needs when set on a Range. */
const FORMAT_API: Record<string, number> = { columnWidth: 2, rowHeight: 2 };

class FakeRange extends Proxy {
  format: any;
  dataValidation: any;
  constructor(
    ctx: Ctx,
    parent: string[],
    protected readonly ref: { name: string },
    private readonly bounds: () => Bounds | null,
    private readonly orNull = false,
    addressBytes = 0,
    api = 1,
    /** the version RangeAreas need for format and drop-downs (1.9), else 0 */
    private readonly areasApi = 0,
  ) {
    super(ctx, [...parent, newPath("range")], api);
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
        this.ctx.queue(
          { name: "format.protection.locked", args: 5, paths: sub("format", "format/protection"), api: this.opApi(2) },
          () => {
            const s = this.ctx.unprotected(this.ref.name);
            if (v === false) for (const b of this.blocks()) s.unlocked.push(address(b));
          },
        );
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
    // format.load("rowHeight") and format.font.load("bold"): the value of the range's first cell
    const formatLoad = (prefix: string, paths: string[]) => (props: string) =>
      this.ctx.queue({ name: "format.load", args: props.length, paths, api: this.api }, () => {
        const s = this.ctx.sheet(this.ref.name);
        const b = this.b();
        for (const prop of props.split(",").map((p) => p.trim())) {
          const k = `${prefix}${prop}`;
          let v: unknown;
          if (k === "rowHeight") v = s.rowHeights.get(b.row) ?? 15;
          else if (k === "columnWidth") v = s.columnWidths.get(b.column) ?? 48;
          else {
            const set = s.formats.filter(
              (f) => f.key === k && inside({ ...b, rowCount: 1, columnCount: 1 }, boundsOf(f.address)),
            );
            v = set.length ? set[set.length - 1].value : k === "font.bold" ? false : null;
          }
          this.loaded.set(k, v);
        }
      });
    this.format.load = formatLoad("", sub("format"));
    (font as { load?: unknown }).load = formatLoad("font.", sub("format", "format/font"));
    const dv = sub("dataValidation");
    this.dataValidation = {
      clear: () =>
        this.ctx.queue({ name: "dataValidation.clear", paths: dv, api: this.opApi(8) }, () => {
          const s = this.ctx.unprotected(this.ref.name);
          // every cell of the range loses its validation, wherever that validation began [dv]
          s.validations = clearValidations(s.validations, this.blocks());
        }),
    };
    Object.defineProperty(this.dataValidation, "rule", {
      set: (rule: any) => {
        this.ctx.queue({ name: "dataValidation.rule", args: jsonBytes(rule), paths: dv, api: this.opApi(8) }, () => {
          const s = this.ctx.unprotected(this.ref.name);
          const source = rule?.list?.source;
          if (!source) throw new FakeExcelError("InvalidArgument", "list rule needs a source");
          if (typeof source === "string" && source.length > LIST_SOURCE_MAX)
            throw new FakeExcelError("InvalidArgument", `a list source has at most ${LIST_SOURCE_MAX} characters`);
          const blocks = this.blocks();
          // a rule set over cells that already have one is refused until they are cleared (office-js #2594)
          const index = new BlockIndex(blocks);
          if (s.validations.some((v) => index.overlapping(boundsOf(v.address)).length > 0))
            throw new FakeExcelError(
              "InvalidArgument",
              "The argument is invalid or missing or has an incorrect format.",
            );
          for (const b of blocks) s.validations.push({ address: address(b), rule });
        });
      },
    });
    if (orNull) {
      ctx.queue({ name: "getUsedRangeOrNullObject", paths: this.paths, api: 4 }, () => {
        this.loaded.set("isNullObject", this.bounds() === null);
      });
    }
  }
  /** The version an operation needs: its own, that of how the range was reached, and 1.9 on areas. */
  protected opApi(own: number): number {
    return Math.max(own, this.api, this.areasApi);
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
    return address(this.b());
  }
  /** The sheet and block this range stands for, at sync time (a chart's source). */
  resolve(): { sheet: FakeSheet; bounds: Bounds } {
    return { sheet: this.ctx.sheet(this.ref.name), bounds: this.b() };
  }
  private formatOp(k: string, value: unknown, paths: string[]): void {
    this.ctx.queue({ name: `format.${k}`, args: jsonBytes(value), paths, api: this.opApi(FORMAT_API[k] ?? 1) }, () => {
      const allow =
        k === "columnWidth" ? "allowFormatColumns" : k === "rowHeight" ? "allowFormatRows" : "allowFormatCells";
      const s = this.ctx.formattable(this.ref.name, allow);
      if (k === "rowHeight" && (typeof value !== "number" || value < 0 || value > ROW_HEIGHT_MAX))
        throw new FakeExcelError("InvalidArgument", `a row is at most ${ROW_HEIGHT_MAX} points high`);
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
    // counted over the fake's life: an injected failure happens once, not again in the undo
    const nth = ++this.ctx.fake.valueWrites;
    this.ctx.queue({ name: "range.values", args: jsonBytes(v), paths: this.paths, api: this.api }, () => {
      if (this.ctx.options.failAtWrite === nth) throw new FakeExcelError("GeneralException", "injected failure");
      const b = this.b();
      const s = this.ctx.writable(this.ref.name, [b]);
      this.checkShape(v, b);
      for (const row of v)
        for (const val of row)
          if (typeof val === "string" && val.length > CELL_TEXT_MAX)
            throw new FakeExcelError("InvalidArgument", `a cell holds at most ${CELL_TEXT_MAX} characters`);
      for (let r = 0; r < b.rowCount; r++) {
        const row = (s.values[b.row + r] ??= []);
        for (let c = 0; c < b.columnCount; c++) {
          const val = v[r][c];
          const k = key(b.row + r, b.column + c);
          if (val === null || val === undefined) continue; // null leaves the cell as it is
          s.errors.delete(k);
          const text = s.numberFormats.get(k) === "@";
          if (typeof val === "string" && !text && /^[+-]?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(val.trim())) {
            // a numeric string in a General cell becomes a number, as typed into Excel
            s.formulas.delete(k);
            row[b.column + c] = Number(val);
          } else if (typeof val === "string" && !text && /^[=+-]/.test(val) && val.length > 1) {
            // Range.values: a string starting with "=", "+" or "-" is interpreted as a formula
            s.formulas.set(k, val.startsWith("=") ? val : `=${val}`);
            row[b.column + c] = "#NAME?";
          } else {
            s.formulas.delete(k);
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
    this.ctx.queue({ name: "range.numberFormat", args: jsonBytes(v), paths: this.paths, api: this.api }, () => {
      const s = this.ctx.formattable(this.ref.name, "allowFormatCells");
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
        throw new FakeExcelError(
          "RangeExceedsLimit",
          "The cell count in the range has exceeded the maximum supported number.",
        );
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
      case "format/rowHeight": {
        // the format's getter reads the loaded "rowHeight"
        const h = s.rowHeights.get(b.row) ?? 15;
        this.loaded.set("rowHeight", h);
        return h;
      }
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
    this.ctx.queue({ name: "merge", args: 5, paths: this.paths, api: this.opApi(2) }, () => {
      const s = this.ctx.unprotected(this.ref.name);
      const b = this.b();
      if (s.tables.some((t) => overlaps(boundsOf(t.address), b)))
        throw new FakeExcelError("InvalidOperation", "Cells in a table can't be merged.");
      if (!across || b.rowCount === 1) s.merges.push(address(b));
      else for (let r = 0; r < b.rowCount; r++) s.merges.push(address({ ...b, row: b.row + r, rowCount: 1 }));
    });
  }
  clear(): void {
    this.ctx.queue({ name: "clear", paths: this.paths, api: this.api }, () => {
      const b = this.b();
      const s = this.ctx.writable(this.ref.name, [b]);
      for (let r = 0; r < b.rowCount; r++) {
        const row = s.values[b.row + r];
        for (let c = 0; c < b.columnCount; c++) {
          if (row && row.length > b.column + c) row[b.column + c] = null;
          s.formulas.delete(key(b.row + r, b.column + c));
          s.numberFormats.delete(key(b.row + r, b.column + c));
          s.errors.delete(key(b.row + r, b.column + c));
        }
      }
      s.validations = clearValidations(s.validations, [b]);
    });
  }
  /** Deletes whole rows, shifting the rows below up (the fake supports whole rows only). */
  delete(shift: string): void {
    this.ctx.queue({ name: "range.delete", args: jsonBytes(shift), paths: this.paths, api: this.api }, () => {
      const b = this.wholeRows(shift, "Up");
      const s = this.ctx.sheet(this.ref.name);
      if (s.protected && !s.protectionOptions?.allowDeleteRows)
        throw new FakeExcelError("AccessDenied", `The sheet ${s.name} is protected.`);
      if (s.protected) this.ctx.writable(this.ref.name, [b]);
      shiftRows(s, b.row, b.rowCount);
    });
  }
  /** Inserts whole rows, shifting the rows at and below down (the fake supports whole rows only). */
  insert(shift: string): void {
    this.ctx.queue({ name: "range.insert", args: jsonBytes(shift), paths: this.paths, api: this.api }, () => {
      const b = this.wholeRows(shift, "Down");
      const s = this.ctx.sheet(this.ref.name);
      if (s.protected && !s.protectionOptions?.allowInsertRows)
        throw new FakeExcelError("AccessDenied", `The sheet ${s.name} is protected.`);
      shiftRows(s, b.row, -b.rowCount);
    });
  }
  private wholeRows(shift: string, expected: string): Bounds {
    const b = this.b();
    if (b.column !== 0 || b.columnCount !== SHEET_COLUMNS)
      throw new Error("the fake deletes and inserts whole rows only");
    if (shift !== expected) throw new FakeExcelError("InvalidArgument", `whole rows shift ${expected}`);
    return b;
  }
  select(): void {
    this.ctx.queue({ name: "select", paths: this.paths, api: this.api, focus: "GeneralException" }, () => {
      this.ctx.sheet(this.ref.name);
      this.ctx.fake.state.selection = { sheet: this.ref.name, address: this.address0() };
    });
  }
}

/** Rows [at, at+count) removed (count > 0), or -count rows inserted before `at`: everything below moves. */
function shiftRows(s: FakeSheet, at: number, count: number): void {
  if (count > 0) s.values.splice(at, count);
  else if (s.values.length > at) s.values.splice(at, 0, ...Array.from({ length: -count }, () => []));
  const moveKeys = <V>(m: Map<string, V>): Map<string, V> => {
    const out = new Map<string, V>();
    for (const [k, v] of m) {
      const [r, c] = unkey(k);
      if (count > 0 && r >= at && r < at + count) continue;
      out.set(key(r >= at ? r - count : r, c), v);
    }
    return out;
  };
  s.formulas = moveKeys(s.formulas);
  s.numberFormats = moveKeys(s.numberFormats);
  s.errors = new Set(moveKeys(new Map([...s.errors].map((k) => [k, true]))).keys());
  const heights = new Map<number, number>();
  for (const [r, h] of s.rowHeights) {
    if (count > 0 && r >= at && r < at + count) continue;
    heights.set(r >= at ? r - count : r, h);
  }
  s.rowHeights = heights;
  const moveAddress = (a: string): string | null => {
    const b = shiftBlock(boundsOf(a), at, count);
    return b ? address(b) : null;
  };
  const moveAll = (list: string[]) => list.map(moveAddress).filter((a): a is string => a !== null);
  s.merges = moveAll(s.merges);
  s.unlocked = moveAll(s.unlocked);
  s.validations = s.validations.flatMap((v) => {
    const a = moveAddress(v.address);
    return a ? [{ address: a, rule: v.rule }] : [];
  });
  s.formats = s.formats.flatMap((f) => {
    const a = moveAddress(f.address);
    return a ? [{ ...f, address: a }] : [];
  });
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
      9,
      9,
    );
  }
  protected override blocks(): Bounds[] {
    // Excel reads the first 8,192 characters of the address and drops the rest without a word
    let list = this.list;
    if (list.length > AREAS_ADDRESS_LIMIT) {
      list = list.slice(0, AREAS_ADDRESS_LIMIT);
      this.ctx.fake.stats.truncatedAreas++;
    }
    return list.split(",").map((a) => {
      const t = a.trim();
      if (!/^\$?[A-Z]{0,3}\$?\d*(:\$?[A-Z]{0,3}\$?\d*)?$/i.test(t) || t === "" || /:$/.test(t))
        throw new FakeExcelError("InvalidArgument", `bad area ${t}`);
      return boundsOf(t);
    });
  }
}

class FakeExcel {
  state: FakeState = { sheets: [], structure: { protected: false } };
  stats: FakeStats = { syncs: 0, largestRequestBytes: 0, refused: 0, requests: [], calls: {}, truncatedAreas: 0 };
  /** syncs since the fake was made (stats.syncs is reset between measurements) */
  lifetimeSyncs = 0;
  /** Range.values writes queued since the fake was made (for failAtWrite) */
  valueWrites = 0;
  cellEdit: boolean;
  cellEditEnded: Promise<void>;
  endCellEdit: () => void = () => undefined;
  constructor(readonly options: FakeOptions) {
    this.cellEdit = options.cellEditMode === true;
    this.cellEditEnded = new Promise((resolve) => {
      this.endCellEdit = () => {
        this.cellEdit = false;
        resolve();
      };
    });
  }
  /** True while another workbook has the focus (the sync being applied is lifetimeSyncs). */
  focusLost(): boolean {
    const f = this.options.focusLoss;
    if (!f) return false;
    const n = this.lifetimeSyncs;
    return n >= f.atSync && (f.syncs === undefined || n < f.atSync + f.syncs);
  }
}

/** Excel.run as the host offers it: with RunOptions first, or the batch alone. */
export interface FakeExcelNamespace {
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface FakeExcelHandle {
  /** Excel.run without options (as the adapter's tests call it) */
  run: ExcelRun;
  /** the fake's Excel namespace, for code that calls Excel.run with RunOptions */
  excel: FakeExcelNamespace;
  workbookState: FakeState;
  stats: FakeStats;
  /** settings as saved in the document (after a successful saveAsync) */
  settings: Map<string, unknown>;
  /** Office host emulation: requirement sets up to options.maxExcelApi, in-memory settings */
  office: OfficeHost;
  /** resets the counters, e.g. between a setup write and the measured read */
  resetStats(): void;
  /** a sheet's cells as the port reads them, for assertions */
  cells(sheet: string): CellValue[][];
  /** the clerk presses Enter: a run waiting for cell edit goes on */
  endCellEdit(): void;
  /** protects a sheet as a clerk would (审阅 → 保护工作表) */
  protectSheet(name: string, password?: string, options?: Options): void;
  /** protects the workbook structure as a clerk would (审阅 → 保护工作簿) */
  protectWorkbook(password?: string): void;
  options: FakeOptions;
}

/** Error cells in initial sheets: give {error:'#N/A'} in SheetData rows; `protected` protects without password. */
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
    if (sd.protected) s.protected = true;
    fake.state.sheets.push(s);
  }
  const runWith = <T>(delay: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(fake, options, delay);
    return batch(ctx as unknown as Excel.RequestContext);
  };
  const run: ExcelRun = (batch) => runWith(false, batch);
  const excel = {
    run: (a: unknown, b?: unknown) =>
      typeof a === "function"
        ? runWith(false, a as (c: Excel.RequestContext) => Promise<unknown>)
        : runWith(
            (a as { delayForCellEdit?: boolean }).delayForCellEdit === true,
            b as (c: Excel.RequestContext) => Promise<unknown>,
          ),
  } as FakeExcelNamespace;
  const settings = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  // read at each call: a test may set options.maxExcelApi to open the same workbook in another Excel
  const office: OfficeHost = {
    isSetSupported: (name, v) =>
      name === "ExcelApi" && Number((v ?? "1.1").split(".")[1] ?? 0) <= (options.maxExcelApi ?? DEFAULT_EXCEL_API),
    host: "Excel",
    platform: "OfficeOnline",
    version: "fake",
    settings: {
      get: (n) => (settings.has(n) ? JSON.parse(JSON.stringify(settings.get(n))) : null),
      set: (n, v) => void settings.set(n, JSON.parse(JSON.stringify(v))),
      remove: (n: string) => void settings.delete(n),
      saveAsync: (cb) => {
        if (options.saveAsyncFails) {
          cb?.({ status: "failed", error: { message: "The settings could not be saved." } });
          return;
        }
        saved.clear();
        for (const [k, v] of settings) saved.set(k, v);
        cb?.({ status: "succeeded" });
      },
    } as OfficeHost["settings"],
  };
  return {
    run,
    excel,
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
      fake.stats.truncatedAreas = 0;
    },
    cells: (name) => {
      const s = fake.state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return Array.from(s.values, (row) => Array.from(row ?? [], (v) => v ?? null));
    },
    endCellEdit: () => fake.endCellEdit(),
    protectSheet: (name, password, opts) => {
      const s = fake.state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      s.protected = true;
      s.password = password;
      s.protectionOptions = opts;
    },
    protectWorkbook: (password) => {
      fake.state.structure = { protected: true, password };
    },
  };
}
