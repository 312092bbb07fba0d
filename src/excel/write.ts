// Writing a batch: new sheets, replaced sheets and appended rows, in a few budgeted syncs.
// Strings get the text number format '@' before their values, so a clerk's '=HYPERLINK(…)'
// stays text. A replaced sheet is written under a temporary name and swapped in at the end,
// so a failure leaves the old one untouched; on failure every created sheet is deleted.
import type { ProgressReporter, SheetSpec, WriteBatch } from "../workbook/port";
import { blockAddress, columnLetters, jsonBytes, parseAddress } from "./a1";
import { capabilities, REQUIRED_SET, UnsupportedHostError, type OfficeHost } from "./capabilities";
import { applyStyle } from "./style";
import { flush, SYNC_BYTE_BUDGET, type ExcelRun } from "./run";

type Row = (string | number | boolean | null)[];

export interface WriteOptions {
  office: OfficeHost | null;
  /** sheet protection password, used where ExcelApi 1.7 is available */
  password?: string;
  /** features skipped because the host lacks them, for the pane to show */
  notes?: string[];
}

/** Points per character of column width (Calibri 11: about 7 px a character, 0.75 pt a px). */
const POINTS_PER_CHAR = 5.6;
/** Rows per write chunk at most, whatever their size. */
const CHUNK_ROWS = 5000;

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
    await flush(this.context);
    this.bytes = 0;
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
      const writer = new SheetWriter(context, batcher, caps.supports.bind(caps), password, tick, notes);
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
          const width = Math.max(...a.rows.map((r) => r.length));
          const reprotect = ws.protection.protected;
          undo.appended.push({ sheet: a.sheet, address: blockAddress(start, 0, a.rows.length, width), reprotect });
          if (reprotect) ws.protection.unprotect(password);
          await writer.rows(ws, a.rows, start);
          for (const v of columnLists(a.validations, start, a.rows.length)) writer.validation(ws, v.range, v.list);
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

/** Writes one sheet's content, styling and protection through the batcher. */
class SheetWriter {
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly batcher: Batcher,
    private readonly supports: (minor: number) => boolean,
    private readonly password: string | undefined,
    private readonly tick: (rows: number) => void,
    private readonly notes: string[],
  ) {}

  async create(spec: SheetSpec, name: string, temporaryTable = false): Promise<void> {
    const ws = this.context.workbook.worksheets.add(name);
    await this.rows(ws, spec.rows, 0);
    (spec.columnWidths ?? []).forEach((w, c) => {
      ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = w * POINTS_PER_CHAR;
    });
    // Row heights, one request per run of equal heights (a 5,000-form checklist has few distinct ones).
    const heights = spec.rowHeights ?? [];
    for (let r = 0; r < heights.length;) {
      const h = heights[r];
      let end = r + 1;
      while (end < heights.length && heights[end] === h) end++;
      if (typeof h === "number" && h > 0) ws.getRange(`${r + 1}:${end}`).format.rowHeight = h;
      r = end;
    }
    for (const m of spec.merges ?? []) ws.getRange(m).merge(false);
    for (const s of spec.styles ?? []) applyStyle(ws.getRange(s.range), s.style);
    if (spec.frozenRows && this.supports(REQUIRED_SET.freeze)) ws.freezePanes.freezeRows(spec.frozenRows);
    for (const u of spec.unlocked ?? []) ws.getRange(u).format.protection.locked = false;
    for (const v of spec.validations ?? []) this.validation(ws, v.range, v.list);
    if (spec.table) {
      const t = ws.tables.add(`'${name}'!${spec.table.range.replace(/^.*!/, "")}`, true);
      t.name = temporaryTable ? tempTableName(spec.table.name) : spec.table.name;
    }
    if (spec.page && this.supports(REQUIRED_SET.page)) await this.page(ws, spec.page, name);
    if (spec.protect) this.protect(ws);
    await this.batcher.reserve(0);
  }

  /**
   * Page setup in a sync of its own: a host that refuses a setting (some builds reject fit-to-width)
   * must not undo the whole write for a printing nicety, so a refusal becomes a note.
   */
  async page(ws: Excel.Worksheet, page: NonNullable<SheetSpec["page"]>, name: string): Promise<void> {
    await this.batcher.flush();
    const p = ws.pageLayout;
    p.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
    p.paperSize = "A4";
    if (page.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (page.printTitleRows) p.setPrintTitleRows(toAbsoluteRows(page.printTitleRows));
    for (const r of page.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
    try {
      await this.batcher.flush();
    } catch (e) {
      this.notes.push(`“${name}”的页面设置未能全部应用：${e instanceof Error ? e.message : String(e)}`);
    }
  }

  protect(ws: Excel.Worksheet): void {
    const options: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };
    if (this.password) ws.protection.protect(options, this.password);
    else ws.protection.protect(options);
  }

  validation(ws: Excel.Worksheet, address: string, list: string[]): void {
    const range = ws.getRange(address);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: list.join(",") } };
  }

  /** Rows from a 0-based sheet row, in chunks: text format first, then the values. */
  async rows(ws: Excel.Worksheet, rows: Row[], start: number): Promise<void> {
    const width = Math.max(0, ...rows.map((r) => r.length));
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
      await this.batcher.reserve(bytes);
      const range = ws.getRangeByIndexes(start + at, 0, chunk.length, width);
      range.numberFormat = formats;
      range.values = values;
      at += chunk.length;
      this.tick(chunk.length);
    }
  }
}

function pad(r: Row, width: number): Row {
  return r.length >= width ? r : [...r, ...new Array<null>(width - r.length).fill(null)];
}

/** '1:3' → '$1:$3' as setPrintTitleRows expects. */
function toAbsoluteRows(rows: string): string {
  const { row, rowCount } = parseAddress(rows);
  return `$${row + 1}:$${row + rowCount}`;
}
