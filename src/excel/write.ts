// Writing a batch: new sheets, replaced sheets and appended rows, in a few budgeted syncs.
// Strings get the text number format '@' before their values, so a clerk's '=HYPERLINK(…)'
// stays text. A replaced sheet is written under a temporary name and swapped in at the end,
// so a failure leaves the old one untouched; on failure every created sheet is deleted.
import type { ProgressReporter, SheetSpec, WriteBatch } from "../workbook/port";
import { blockAddress, columnLetters, jsonBytes, parseAddress } from "./a1";
import { capabilities, REQUIRED_SET, UnsupportedHostError, type OfficeHost } from "./capabilities";
import { applyStyle, styleCalls } from "./style";
import { flush, SYNC_BYTE_BUDGET, type ExcelRun } from "./run";

type Row = (string | number | boolean | null)[];

export interface WriteOptions {
  office: OfficeHost | null;
  /** sheet protection password, used where ExcelApi 1.7 is available */
  password?: string;
  /** features skipped because the host lacks them, for the pane to show */
  notes?: string[];
  /** ranges of one kind from which they are set as RangeAreas (the self-test sets 1 to exercise them) */
  areasFrom?: number;
}

/** Points per character of column width (Calibri 11: about 7 px a character, 0.75 pt a px). */
const POINTS_PER_CHAR = 5.6;
/** Rows per write chunk at most, whatever their size. */
const CHUNK_ROWS = 5000;
/**
 * Request bytes of one call on a fresh range as Office.js sends it: the object paths (worksheet,
 * range, format…), their instantiation and the action, with room to spare (about 280 in practice).
 */
const CALL_BYTES = 400;
/** Request bytes of each further property set in one call (a sub-object's path and the action). */
const SET_BYTES = 300;
/** From this many ranges of one kind, they are set as RangeAreas on a host with ExcelApi 1.9. */
export const AREAS_FROM = 50;
/** Characters of one getRanges address list at most: Excel refuses lists of about 8,200. */
export const AREAS_CHARS = 2000;
/** Cells of one styled range tracked for overlaps at most; a larger one is set on its own. */
const TRACKED_CELLS = 100_000;

const CHART_TYPE = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie" } as const;

/** Checks the requirement sets the batch needs; throws before anything is written. */
export function checkSupport(batch: WriteBatch, office: OfficeHost | null, notes: string[]): void {
  const caps = capabilities(office);
  const specs = [...batch.create, ...batch.replace, ...batch.append.map((a) => a.whenAbsent)];
  if (!caps.supports(REQUIRED_SET.base)) throw new UnsupportedHostError("读取和写入工作表", REQUIRED_SET.base);
  if (specs.some((s) => s.protect || s.unlocked?.length || s.merges?.length) || batch.append.length > 0) {
    if (!caps.supports(REQUIRED_SET.protection)) throw new UnsupportedHostError("工作表保护", REQUIRED_SET.protection);
  }
  const lists = specs.some((s) => s.validations?.length) || batch.append.some((a) => a.validations?.length);
  if (lists && !caps.supports(REQUIRED_SET.validation)) {
    throw new UnsupportedHostError("单元格下拉列表（数据验证）", REQUIRED_SET.validation);
  }
  if (specs.some((s) => s.page) && !caps.supports(REQUIRED_SET.page)) {
    notes.push("此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9），已跳过打印设置。");
  }
  if (specs.some((s) => s.frozenRows) && !caps.supports(REQUIRED_SET.freeze)) {
    notes.push("此版本的 Excel 不支持冻结窗格（需要 ExcelApi 1.7），已跳过。");
  }
}

/** Queues operations and syncs whenever the next one would push the request over the budget. */
class Batcher {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async reserve(n: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + n > SYNC_BYTE_BUDGET) await this.flush();
    this.bytes += n;
  }
  async flush(): Promise<void> {
    try {
      await flush(this.context);
    } finally {
      this.bytes = 0;
    }
  }
}

interface Undo {
  created: string[];
  appended: { sheet: string; address: string; reprotect: boolean }[];
}

export async function writeBatch(
  run: ExcelRun,
  batch: WriteBatch,
  options: WriteOptions,
  progress?: ProgressReporter,
): Promise<void> {
  const notes = options.notes ?? [];
  checkSupport(batch, options.office, notes);
  const caps = capabilities(options.office);
  const password = caps.supports(REQUIRED_SET.password) ? options.password : undefined;
  const undo: Undo = { created: [], appended: [] };
  const totalRows =
    [...batch.create, ...batch.replace].reduce((n, s) => n + s.rows.length, 0) +
    batch.append.reduce((n, a) => n + a.rows.length + a.whenAbsent.rows.length, 0);
  let doneRows = 0;
  const tick = (n: number): void => {
    doneRows += n;
    progress?.(doneRows, totalRows);
  };
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/position");
      await flush(context);
      const existing = new Map(sheets.items.map((s) => [s.name, s]));
      const names = new Set(existing.keys());
      for (const s of batch.create) if (names.has(s.name)) throw new Error(`工作表“${s.name}”已存在，未写入任何内容。`);
      // Where appended rows go and whether the sheet must be unprotected first: one more sync.
      const appendState = batch.append.map((a) => {
        const ws = existing.get(a.sheet);
        if (!ws) return { a, ws: null, used: null };
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        ws.protection.load("protected");
        return { a, ws, used };
      });
      if (appendState.some((s) => s.ws)) await flush(context);

      const batcher = new Batcher(context);
      const writer = new SheetWriter(
        context,
        batcher,
        caps.supports.bind(caps),
        password,
        tick,
        notes,
        options.areasFrom,
      );
      for (const spec of batch.create) {
        undo.created.push(spec.name);
        await writer.create(spec, spec.name);
      }
      const swaps: { spec: SheetSpec; temp: string; old: Excel.Worksheet; position: number }[] = [];
      for (const s of batch.replace) {
        const ws = existing.get(s.name);
        if (!ws) {
          undo.created.push(s.name);
          await writer.create(s, s.name);
        } else {
          const temp = tempName(s.name, names);
          undo.created.push(temp);
          await writer.create(s, temp, true);
          swaps.push({ spec: s, temp, old: ws, position: ws.position });
        }
      }
      for (const { a, ws, used } of appendState) {
        if (!ws || !used) {
          undo.created.push(a.sheet);
          const rows = [...a.whenAbsent.rows, ...a.rows];
          const validations = [...(a.whenAbsent.validations ?? [])];
          const first = a.whenAbsent.rows.length;
          if (a.rows.length > 0) validations.push(...columnLists(a.validations, first, a.rows.length));
          await writer.create({ ...a.whenAbsent, rows, validations }, a.sheet);
        } else {
          const start = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
          if (a.rows.length === 0) continue;
          const width = widest(a.rows);
          const reprotect = ws.protection.protected;
          undo.appended.push({ sheet: a.sheet, address: blockAddress(start, 0, a.rows.length, width), reprotect });
          if (reprotect) ws.protection.unprotect(password);
          await writer.rows(ws, a.rows, start);
          for (const v of columnLists(a.validations, start, a.rows.length))
            await writer.validations(ws, [v.range], v.list);
          if (reprotect) writer.protect(ws);
        }
      }
      // The swap: old sheet out, new one in under its name and at its place.
      for (const sw of swaps) {
        sw.old.delete();
        const ws = sheets.getItem(sw.temp);
        ws.name = sw.spec.name;
        ws.position = sw.position;
        if (sw.spec.table) ws.tables.getItem(tempTableName(sw.spec.table.name)).name = sw.spec.table.name;
      }
      await batcher.flush();
    });
  } catch (e) {
    await rollback(run, undo, password).catch(() => undefined);
    throw e;
  }
}

function tempName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const t = `${name.slice(0, 25)}~新${i}`;
    if (!taken.has(t)) return t;
  }
}

const tempTableName = (name: string): string => `${name}_new`;

function columnLists(
  lists: { column: number; list: string[] }[] | undefined,
  start: number,
  count: number,
): { range: string; list: string[] }[] {
  return (lists ?? []).map((v) => ({ range: blockAddress(start, v.column - 1, count, 1), list: v.list }));
}

async function rollback(run: ExcelRun, undo: Undo, password?: string): Promise<void> {
  await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const created = undo.created.map((name) => sheets.getItemOrNullObject(name));
    for (const ws of created) ws.load("name");
    await flush(context);
    for (const ws of created) if (!ws.isNullObject) ws.delete();
    for (const a of undo.appended) {
      const ws = sheets.getItem(a.sheet);
      ws.protection.unprotect(password);
      ws.getRange(a.address).clear();
      if (a.reprotect) ws.protection.protect(undefined, password);
    }
    await flush(context);
  });
}

/** The ranges of one kind on a sheet, in the order given, that take the same setting. */
interface Group<K> {
  key: K;
  addresses: string[];
}

/**
 * Groups ranges that take the same setting (same style, same list), keeping the outcome of the
 * order given: where a range overlaps one of another key still pending, the pending groups are
 * let out first. A range too large to track cell by cell (a whole column) is a group of its own.
 */
export function groupInOrder<K>(items: readonly { address: string; key: K; id: string }[]): Group<K>[] {
  const out: Group<K>[] = [];
  let pending = new Map<string, Group<K>>();
  let owner = new Map<number, string>();
  const release = () => {
    out.push(...pending.values());
    pending = new Map();
    owner = new Map();
  };
  for (const item of items) {
    const b = parseAddress(item.address);
    if (b.rowCount * b.columnCount > TRACKED_CELLS) {
      release();
      out.push({ key: item.key, addresses: [item.address] });
      continue;
    }
    let clash = false;
    for (let r = b.row; r < b.row + b.rowCount && !clash; r++)
      for (let c = b.column; c < b.column + b.columnCount; c++) {
        const o = owner.get(r * 16384 + c);
        if (o !== undefined && o !== item.id) {
          clash = true;
          break;
        }
      }
    if (clash) release();
    for (let r = b.row; r < b.row + b.rowCount; r++)
      for (let c = b.column; c < b.column + b.columnCount; c++) owner.set(r * 16384 + c, item.id);
    const g = pending.get(item.id);
    if (g) g.addresses.push(item.address);
    else pending.set(item.id, { key: item.key, addresses: [item.address] });
  }
  release();
  return out;
}

/** A range or several areas (RangeAreas): what a format or a drop-down is set on. */
type Target = Pick<Excel.Range, "format" | "dataValidation">;

/** Writes one sheet's content, styling and protection through the batcher. */
class SheetWriter {
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly batcher: Batcher,
    private readonly supports: (minor: number) => boolean,
    private readonly password: string | undefined,
    private readonly tick: (rows: number) => void,
    private readonly notes: string[],
    private readonly areasFrom = AREAS_FROM,
  ) {}

  async create(spec: SheetSpec, name: string, temporaryTable = false): Promise<void> {
    await this.batcher.reserve(CALL_BYTES);
    const ws = this.context.workbook.worksheets.add(name);
    await this.rows(ws, spec.rows, 0);
    const widths = spec.columnWidths ?? [];
    for (let c = 0; c < widths.length; c++) {
      await this.batcher.reserve(CALL_BYTES);
      ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widths[c] * POINTS_PER_CHAR;
    }
    // Row heights: one call per run of equal heights, and runs of one height as areas together.
    const heights = spec.rowHeights ?? [];
    const runs: { address: string; key: number; id: string }[] = [];
    for (let r = 0; r < heights.length;) {
      const h = heights[r];
      let end = r + 1;
      while (end < heights.length && heights[end] === h) end++;
      if (typeof h === "number" && h > 0) runs.push({ address: `${r + 1}:${end}`, key: h, id: String(h) });
      r = end;
    }
    for (const g of byKey(runs)) await this.each(ws, g.addresses, 1, 0, (t) => (t.format.rowHeight = g.key));
    for (const m of mergeRuns(spec.merges ?? [])) {
      await this.batcher.reserve(CALL_BYTES + m.address.length);
      ws.getRange(m.address).merge(m.across);
    }
    const styles = (spec.styles ?? []).map((s) => ({ address: s.range, key: s.style, id: JSON.stringify(s.style) }));
    for (const g of groupInOrder(styles))
      await this.each(ws, g.addresses, styleCalls(g.key), 0, (t) => applyStyle(t, g.key));
    // a number format (a percent) is the range's, not its format's: set on number cells, range by range
    for (const s of spec.styles ?? [])
      if (s.style.numberFormat) await this.numberFormat(ws, spec.rows, s.range, s.style.numberFormat);
    if (spec.frozenRows && this.supports(REQUIRED_SET.freeze)) ws.freezePanes.freezeRows(spec.frozenRows);
    const unlocked = spec.unlocked ?? [];
    await this.each(ws, unlocked, 1, 0, (t) => (t.format.protection.locked = false));
    const lists = (spec.validations ?? []).map((v) => ({ address: v.range, key: v.list, id: JSON.stringify(v.list) }));
    for (const g of groupInOrder(lists)) await this.validations(ws, g.addresses, g.key);
    if (spec.table) {
      await this.batcher.reserve(CALL_BYTES * 2);
      const t = ws.tables.add(`'${name}'!${spec.table.range.replace(/^.*!/, "")}`, true);
      t.name = temporaryTable ? tempTableName(spec.table.name) : spec.table.name;
    }
    if (spec.page && this.supports(REQUIRED_SET.page)) await this.page(ws, spec.page, spec.name);
    // Charts before protection: a protected sheet takes no new drawing objects.
    if (spec.charts?.length) await this.charts(ws, spec.charts, spec.name);
    if (spec.protect) this.protect(ws);
    await this.batcher.reserve(CALL_BYTES);
  }

  /**
   * Sets something on each address, budgeted: as one range each, or, from `areasFrom` addresses on
   * a host with ExcelApi 1.9, as RangeAreas of many addresses each (a call per group, not per range).
   */
  async each(
    ws: Excel.Worksheet,
    addresses: readonly string[],
    sets: number,
    extra: number,
    f: (target: Target) => void,
  ): Promise<void> {
    const perSet = SET_BYTES + extra;
    if (addresses.length < this.areasFrom || !this.supports(REQUIRED_SET.areas)) {
      for (const a of addresses) {
        await this.batcher.reserve(CALL_BYTES + a.length + sets * perSet);
        f(ws.getRange(a));
      }
      return;
    }
    for (const list of joinAddresses(addresses)) {
      await this.batcher.reserve(CALL_BYTES + list.length + sets * perSet);
      f(ws.getRanges(list));
    }
  }

  /**
   * Page setup in syncs of their own: a host that refuses a setting (some builds reject fit-to-width)
   * must not undo the whole write for a printing nicety, so a refusal becomes a note.
   */
  async page(ws: Excel.Worksheet, page: NonNullable<SheetSpec["page"]>, name: string): Promise<void> {
    await this.batcher.flush();
    try {
      const p = ws.pageLayout;
      p.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
      p.paperSize = "A4";
      if (page.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (page.printTitleRows) p.setPrintTitleRows(toAbsoluteRows(page.printTitleRows));
      await this.batcher.reserve(CALL_BYTES * 4);
      for (const r of page.rowBreaks ?? []) {
        await this.batcher.reserve(CALL_BYTES);
        ws.horizontalPageBreaks.add(`A${r + 1}`);
      }
      await this.batcher.flush();
    } catch (e) {
      this.notes.push(`“${name}”的页面设置未能全部应用：${message(e)}`);
    }
  }

  /**
   * Native charts (ExcelApi 1.1), series by columns: the block's first column holds the categories
   * and its first row the series names. In a sync of their own, like page setup: a host that
   * refuses a chart keeps the sheet and its figures, and the pane says so.
   */
  async charts(ws: Excel.Worksheet, charts: NonNullable<SheetSpec["charts"]>, name: string): Promise<void> {
    await this.batcher.flush();
    try {
      for (const c of charts) {
        await this.batcher.reserve(CALL_BYTES * 4 + c.title.length * 3);
        const chart = ws.charts.add(CHART_TYPE[c.type], ws.getRange(c.range.replace(/^.*!/, "")), "Columns");
        chart.title.text = c.title;
        const { start, end } = corners(c.anchor);
        if (end) chart.setPosition(start, end);
        else chart.setPosition(start);
      }
      await this.batcher.flush();
    } catch (e) {
      this.notes.push(`“${name}”的图表未能绘制（表中的数据已写入）：${message(e)}`);
    }
  }

  /** The format on the number cells of a closed range (text cells keep '@', as `rows` set them). */
  async numberFormat(ws: Excel.Worksheet, rows: Row[], address: string, format: string): Promise<void> {
    const b = parseAddress(address);
    if (b.rowCount * b.columnCount > TRACKED_CELLS) return;
    const formats: string[][] = [];
    for (let r = 0; r < b.rowCount; r++) {
      const line: string[] = [];
      for (let c = 0; c < b.columnCount; c++) {
        const v = rows[b.row + r]?.[b.column + c];
        line.push(typeof v === "string" ? "@" : typeof v === "number" ? format : "General");
      }
      formats.push(line);
    }
    await this.batcher.reserve(CALL_BYTES + jsonBytes(formats));
    ws.getRange(address).numberFormat = formats;
  }

  protect(ws: Excel.Worksheet): void {
    const options: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };
    if (this.password) ws.protection.protect(options, this.password);
    else ws.protection.protect(options);
  }

  /** An in-cell list on each address (as areas when there are many). */
  async validations(ws: Excel.Worksheet, addresses: readonly string[], list: readonly string[]): Promise<void> {
    const rule: Excel.DataValidationRule = { list: { inCellDropDown: true, source: list.join(",") } };
    await this.each(ws, addresses, 2, jsonBytes(rule), (t) => {
      t.dataValidation.clear();
      t.dataValidation.rule = rule;
    });
  }

  /** Rows from a 0-based sheet row, in chunks: text format first, then the values. */
  async rows(ws: Excel.Worksheet, rows: Row[], start: number): Promise<void> {
    const width = widest(rows);
    if (width === 0) return;
    let at = 0;
    while (at < rows.length) {
      const chunk: Row[] = [];
      let bytes = 0;
      while (at + chunk.length < rows.length && chunk.length < CHUNK_ROWS) {
        const row = rows[at + chunk.length];
        const b = jsonBytes(row) + width * 6;
        if (chunk.length > 0 && bytes + b > SYNC_BYTE_BUDGET / 2) break;
        chunk.push(row);
        bytes += b;
      }
      const values = chunk.map((r) => pad(r, width).map((v) => (v === null ? "" : v)));
      const formats = chunk.map((r) => pad(r, width).map((v) => (typeof v === "string" ? "@" : "General")));
      await this.batcher.reserve(bytes + CALL_BYTES * 2);
      const range = ws.getRangeByIndexes(start + at, 0, chunk.length, width);
      range.numberFormat = formats;
      range.values = values;
      at += chunk.length;
      this.tick(chunk.length);
    }
  }
}

/** The longest row's length; a loop, since spreading 100,000 rows into Math.max overflows the stack. */
function widest(rows: readonly Row[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

function pad(r: Row, width: number): Row {
  return r.length >= width ? r : [...r, ...new Array<null>(width - r.length).fill(null)];
}

/** Groups by key, in the order keys first appear (for disjoint ranges, where order does not matter). */
function byKey<K>(items: readonly { address: string; key: K; id: string }[]): Group<K>[] {
  const groups = new Map<string, Group<K>>();
  for (const i of items) {
    const g = groups.get(i.id);
    if (g) g.addresses.push(i.address);
    else groups.set(i.id, { key: i.key, addresses: [i.address] });
  }
  return [...groups.values()];
}

/**
 * Merges as calls: one-row merges over the same columns on consecutive rows become one
 * merge-across call (each row merged on its own), the rest stay as they are.
 */
export function mergeRuns(merges: readonly string[]): { address: string; across: boolean }[] {
  const out: { address: string; across: boolean }[] = [];
  const open = new Map<string, { row: number; column: number; columns: number; rows: number }>();
  const close = (run: { row: number; column: number; columns: number; rows: number }) =>
    out.push({ address: blockAddress(run.row, run.column, run.rows, run.columns), across: run.rows > 1 });
  for (const m of merges) {
    const b = parseAddress(m);
    if (b.rowCount !== 1) {
      out.push({ address: m.replace(/^.*!/, ""), across: false });
      continue;
    }
    const k = `${b.column}:${b.columnCount}`;
    const run = open.get(k);
    if (run && run.row + run.rows === b.row) run.rows++;
    else {
      if (run) close(run);
      open.set(k, { row: b.row, column: b.column, columns: b.columnCount, rows: 1 });
    }
  }
  for (const run of open.values()) close(run);
  return out;
}

/** Addresses joined by commas into lists of at most AREAS_CHARS characters, for getRanges. */
export function joinAddresses(addresses: readonly string[]): string[] {
  const out: string[] = [];
  let list = "";
  for (const a of addresses) {
    if (list && list.length + 1 + a.length > AREAS_CHARS) {
      out.push(list);
      list = "";
    }
    list = list ? `${list},${a}` : a;
  }
  if (list) out.push(list);
  return out;
}

/** 'U2:AB17' → its top-left and bottom-right cells; a single cell has no end. */
function corners(anchor: string): { start: string; end?: string } {
  const b = parseAddress(anchor);
  const start = blockAddress(b.row, b.column, 1, 1);
  if (b.rowCount === 1 && b.columnCount === 1) return { start };
  return { start, end: blockAddress(b.row + b.rowCount - 1, b.column + b.columnCount - 1, 1, 1) };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** '1:3' → '$1:$3' as setPrintTitleRows expects. */
function toAbsoluteRows(rows: string): string {
  const { row, rowCount } = parseAddress(rows);
  return `$${row + 1}:$${row + rowCount}`;
}
