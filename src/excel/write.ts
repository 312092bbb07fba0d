// Writing a batch: new sheets, replaced sheets, edited and appended rows, in a few budgeted syncs.
// Strings get the text number format '@' before their values, so a clerk's '=HYPERLINK(…)'
// stays text. Everything Excel would refuse (names, text length, list length, protection, the
// workbook changed since it was read) is found before the first write; a replaced sheet is
// written under a temporary name and swapped in at the end, so a failure leaves the old one
// untouched; on failure the undo removes what was added and says exactly what it could not.
import { WorkbookChangedError, type ProgressReporter, type SheetSpec, type WriteBatch } from "../workbook/port";
import { blockAddress, columnLetters, jsonBytes, parseAddress } from "./a1";
import { capabilities, REQUIRED_SET, UnsupportedHostError, type Capabilities, type OfficeHost } from "./capabilities";
import { dropDeferred, loadDeferred, protectionOptions, saveDeferred, shiftDeferred } from "./deferred";
import { asHostError, hostErrorCode, RollbackIncompleteError, SyncTimeoutError, WriteRefusedError } from "./errors";
import { applyStyle, styleCalls } from "./style";
import { Batcher, SYNC_BYTE_BUDGET, type ExcelRun } from "./run";

type Row = (string | number | boolean | null)[];

export interface WriteOptions {
  office: OfficeHost | null;
  /** sheet protection password, used where ExcelApi 1.7 is available */
  password?: string;
  /** features skipped because the host lacks them, for the pane to show */
  notes?: string[];
  /** ranges of one kind from which they are set as RangeAreas (the self-test sets 1 to exercise them) */
  areasFrom?: number;
  /** pause before the undo retries a step that failed (another workbook may give the focus back) */
  retryPauseMs?: number;
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
/** Characters of one getRanges address list at most: Excel reads 8,192 and drops the rest. */
export const AREAS_CHARS = 2000;
/** Cells of one styled range tracked for overlaps at most; a larger one is set on its own. */
const TRACKED_CELLS = 100_000;
/** Excel's limits ("Excel specifications and limits"). */
export const MAX_ROW_HEIGHT = 409;
export const MAX_PAGE_BREAKS = 1026;
export const MAX_CELL_TEXT = 32767;
export const MAX_LIST_SOURCE = 255;

const CHART_TYPE = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie" } as const;

/** Excel's rules for a sheet name, in words, or null when the name is allowed. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "名称为空";
  if (name.length > 31) return `名称有 ${name.length} 个字符，超过 31 个字符的上限`;
  if (/[\\/?*[\]:]/.test(name)) return "名称含有 : \\ / ? * [ ] 之一";
  if (name.startsWith("'") || name.endsWith("'")) return "名称以撇号（'）开头或结尾";
  if (name.toLowerCase() === "history") return "“History”是 Excel 保留的名称";
  return null;
}

const cellName = (row: number, column: number): string => `${columnLetters(column - 1)}${row}`;

/** Refuses, before anything is sent, a value Excel would refuse: text over 32,767 characters. */
function checkText(sheet: string, rows: readonly Row[], where: (r: number) => string, firstRow: number): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length > MAX_CELL_TEXT)
        throw new WriteRefusedError(
          `工作表“${sheet}”${where(r)}第 ${c + 1} 列${firstRow > 0 ? `（单元格 ${cellName(firstRow + r, c + 1)}）` : ""}的文字有 ${v.length.toLocaleString("en")} 个字符，超过 Excel 单元格 32,767 个字符的上限。未写入任何内容。`,
        );
    }
  }
}

function checkList(sheet: string, where: string, list: readonly string[]): void {
  const source = list.join(",");
  if (source.length > MAX_LIST_SOURCE)
    throw new WriteRefusedError(
      `工作表“${sheet}”${where}的下拉列表选项合计 ${source.length} 个字符，超过 Excel 255 个字符的上限。未写入任何内容。`,
    );
}

/**
 * Checks the batch against the host and Excel's rules before anything is sent: throws on what
 * cannot be written, notes what the host skips (drop-downs below 1.8, page setup below 1.9).
 * Returns whether drop-downs are deferred to a later host.
 */
export function checkSupport(batch: WriteBatch, office: OfficeHost | null, notes: string[]): { deferLists: boolean } {
  const caps = capabilities(office);
  if (!caps.supports(REQUIRED_SET.base)) throw new UnsupportedHostError("读取和写入工作表", REQUIRED_SET.base);
  const specs = [...batch.create, ...batch.replace, ...batch.append.map((a) => a.whenAbsent)];
  for (const s of specs) {
    const problem = sheetNameProblem(s.name);
    if (problem) throw new WriteRefusedError(`工作表名称“${s.name}”不符合 Excel 的规则：${problem}。未写入任何内容。`);
    checkText(s.name, s.rows, (r) => `第 ${r + 1} 行`, 1);
    for (const v of s.validations ?? []) checkList(s.name, `的 ${v.range}`, v.list);
  }
  for (const a of batch.append) {
    checkText(a.sheet, a.rows, (r) => `追加的第 ${r + 1} 行`, 0);
    for (const v of a.validations ?? []) checkList(a.sheet, `第 ${v.column} 列`, v.list);
  }
  for (const e of batch.edit ?? [])
    for (const c of e.cells ?? []) {
      const row: Row = new Array<null>(c.column - 1).fill(null);
      row.push(c.value);
      checkText(e.sheet, [row], () => `第 ${c.row} 行`, c.row);
    }
  const lists = specs.some((s) => s.validations?.length) || batch.append.some((a) => a.validations?.length);
  const deferLists = lists && !caps.supports(REQUIRED_SET.validation);
  if (deferLists)
    notes.push(
      "此版本的 Excel 不支持单元格下拉列表（需要 ExcelApi 1.8），本次写入未加下拉列表；在支持的 Excel（Office 2021、Microsoft 365 或网页版）中再次打开本工作簿的任务窗格时会自动补上。",
    );
  if (specs.some((s) => s.page) && !caps.supports(REQUIRED_SET.page)) {
    notes.push("此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9），已跳过打印设置。");
  }
  if (specs.some((s) => s.frozenRows) && !caps.supports(REQUIRED_SET.freeze)) {
    notes.push("此版本的 Excel 不支持冻结窗格（需要 ExcelApi 1.7），已跳过。");
  }
  return { deferLists };
}

/** A sheet the batch unprotected to write into, to protect again as it was. */
interface Reopened {
  sheet: string;
  options: Excel.WorksheetProtectionOptions;
  password?: string;
}

/** What the undo needs: sheets added, rows appended, edits made (with what they replaced), sheets unprotected. */
interface Undo {
  created: string[];
  appended: { sheet: string; address: string }[];
  edited: {
    sheet: string;
    /** original rows removed, top first: 1-based row, values and number formats over `width` columns */
    rows: { row: number; values: unknown[][]; formats: string[][] }[];
    cells: { row: number; column: number; value: unknown; format: string }[];
    width: number;
    applied: boolean;
  }[];
  reopened: Reopened[];
}

export async function writeBatch(
  run: ExcelRun,
  batch: WriteBatch,
  options: WriteOptions,
  progress?: ProgressReporter,
): Promise<void> {
  const notes = options.notes ?? [];
  const { deferLists } = checkSupport(batch, options.office, notes);
  const caps = capabilities(options.office);
  const password = caps.supports(REQUIRED_SET.password) ? options.password : undefined;
  const undo: Undo = { created: [], appended: [], edited: [], reopened: [] };
  let deferred = loadDeferred(options.office);
  const deferredBefore = JSON.stringify(deferred);
  deferred = dropDeferred(
    deferred,
    [...batch.create, ...batch.replace].map((s) => s.name),
  );
  const edits = batch.edit ?? [];
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
      const structure = context.workbook.protection;
      structure.load("protected");
      // The sheets written into: where they end and whether they are protected, in the same sync.
      const touched = [
        ...new Set([
          ...batch.append.map((a) => a.sheet),
          ...edits.map((e) => e.sheet),
          ...(batch.expect ?? []).map((x) => x.sheet),
        ]),
      ];
      const state = new Map(
        touched.map((name) => {
          const ws = sheets.getItemOrNullObject(name);
          ws.load("name");
          const used = ws.getUsedRangeOrNullObject(true);
          used.load("rowIndex,rowCount,columnIndex,columnCount");
          return [name.toLowerCase(), { ws, used }] as const;
        }),
      );
      await context.sync();
      const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
      const lastRow = (name: string): number => {
        const s = state.get(name.toLowerCase());
        if (!s || s.ws.isNullObject || s.used.isNullObject) return 0;
        return s.used.rowIndex + s.used.rowCount;
      };
      // Another draw may have landed since the use-case read the workbook: refuse, write nothing.
      for (const x of batch.expect ?? []) {
        const actual = lastRow(x.sheet);
        if (actual !== x.lastRow) throw new WorkbookChangedError(x.sheet, x.lastRow, actual);
      }
      for (const s of batch.create)
        if (existing.has(s.name.toLowerCase()))
          throw new WriteRefusedError(`工作表“${s.name}”已存在，未写入任何内容。`);
      const rewritten = new Set([...batch.create, ...batch.replace].map((s) => s.name.toLowerCase()));
      for (const e of edits) {
        if (!existing.has(e.sheet.toLowerCase()))
          throw new WriteRefusedError(`找不到要修改的工作表“${e.sheet}”，未写入任何内容。`);
        if (rewritten.has(e.sheet.toLowerCase()))
          throw new Error(`sheet ${e.sheet} is both rewritten and edited in one batch`);
      }
      const adding = [
        ...batch.create.map((s) => s.name),
        ...batch.replace.map((s) => s.name),
        ...batch.append.filter((a) => !existing.has(a.sheet.toLowerCase())).map((a) => a.sheet),
      ];
      if (adding.length > 0 && structure.protected)
        throw new WriteRefusedError(
          `工作簿的结构受保护（审阅 → 保护工作簿），无法添加或替换工作表${adding.map((n) => `“${n}”`).join("、")}。请先撤销工作簿保护，完成后可再保护。未写入任何内容。`,
        );

      // Protected sheets to write into: each unprotected in a sync of its own, so that a password
      // we do not have is found before anything else is written, and the sheet is named.
      const protectedTargets = touched.filter((n) => {
        const s = state.get(n.toLowerCase())!;
        return !s.ws.isNullObject && (batch.append.some((a) => a.sheet === n) || edits.some((e) => e.sheet === n));
      });
      const prot = protectedTargets.map((n) => {
        const ws = state.get(n.toLowerCase())!.ws;
        ws.load("protection/protected,protection/options");
        return { name: ws.name, ws };
      });
      if (prot.length > 0) await context.sync();
      for (const p of prot) {
        if (!p.ws.protection.protected) continue;
        const opts = protectionOptions(p.ws.protection.options);
        try {
          p.ws.protection.unprotect(password);
          await context.sync();
        } catch (e) {
          const code = hostErrorCode(e);
          if (code === "BadPassword" || code === "InvalidPassword" || code === "AccessDenied")
            throw new WriteRefusedError(
              `工作表“${p.name}”设有密码保护，本助手无法在其中写入。请先撤销该工作表的保护（审阅 → 撤销工作表保护），完成后可再保护。未写入任何内容。`,
            );
          throw e;
        }
        undo.reopened.push({ sheet: p.name, options: opts, password });
      }

      // What the edits replace, read before they are made, so that the undo can put it back.
      const editReads = edits.map((e) => {
        const ws = sheets.getItem(e.sheet);
        const width = Math.max(1, ...(e.cells ?? []).map((c) => c.column), usedWidth(state.get(e.sheet.toLowerCase())));
        const rows = [...new Set(e.deleteRows ?? [])]
          .sort((a, b) => a - b)
          .map((row) => {
            const r = ws.getRangeByIndexes(row - 1, 0, 1, width);
            r.load("values,numberFormat");
            return { row, r };
          });
        const cells = (e.cells ?? []).map((c) => {
          const r = ws.getCell(c.row - 1, c.column - 1);
          r.load("values,numberFormat");
          return { c, r };
        });
        return { e, ws, width, rows, cells };
      });
      if (editReads.length > 0) await context.sync();

      const batcher = new Batcher(context);
      const writer = new SheetWriter(
        context,
        batcher,
        caps,
        password,
        tick,
        notes,
        options.areasFrom,
        deferLists ? (sheet, ranges, list) => deferred.push({ sheet, ranges: [...ranges], list: [...list] }) : null,
      );
      for (const spec of batch.create) {
        undo.created.push(spec.name);
        await writer.create(spec, spec.name);
      }
      const swaps: { spec: SheetSpec; temp: string; old: Excel.Worksheet; position: number }[] = [];
      const names = new Set(existing.keys());
      for (const s of batch.replace) {
        const ws = existing.get(s.name.toLowerCase());
        if (!ws) {
          undo.created.push(s.name);
          await writer.create(s, s.name);
        } else {
          const temp = tempName(s.name, names);
          names.add(temp.toLowerCase());
          undo.created.push(temp);
          await writer.create(s, temp, true);
          swaps.push({ spec: s, temp, old: ws, position: ws.position });
        }
      }

      // Edits: cells set as text first, then rows removed from the bottom up, by the rows as read.
      for (const x of editReads) {
        const entry = {
          sheet: x.e.sheet,
          width: x.width,
          rows: x.rows.map(({ row, r }) => ({ row, values: r.values, formats: r.numberFormat as string[][] })),
          cells: x.cells.map(({ c, r }) => ({
            row: c.row,
            column: c.column,
            value: r.values[0][0],
            format: String(r.numberFormat[0][0]),
          })),
          applied: false,
        };
        undo.edited.push(entry);
        entry.applied = true;
        for (const { c } of x.cells) {
          await batcher.reserve(CALL_BYTES * 2 + jsonBytes(c.value));
          const cell = x.ws.getCell(c.row - 1, c.column - 1);
          cell.numberFormat = [[typeof c.value === "string" ? "@" : "General"]];
          cell.values = [[c.value === null ? "" : c.value]];
        }
        const deleted = [...new Set(x.e.deleteRows ?? [])].sort((a, b) => b - a);
        for (const run of rowRuns(deleted)) {
          await batcher.reserve(CALL_BYTES);
          x.ws.getRange(`${run.first}:${run.last}`).delete("Up");
        }
        deferred = shiftDeferred(deferred, x.e.sheet, deleted);
      }
      // Where the appended rows go: under the last used row, after the edits.
      const edited = new Set(edits.map((e) => e.sheet.toLowerCase()));
      const ends = new Map<string, Excel.Range>();
      for (const a of batch.append) {
        const key = a.sheet.toLowerCase();
        if (!edited.has(key) || !existing.has(key) || ends.has(key)) continue;
        const used = sheets.getItem(a.sheet).getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        ends.set(key, used);
      }
      if (ends.size > 0) await batcher.flush();
      const next = new Map<string, number>();
      for (const a of batch.append) {
        const key = a.sheet.toLowerCase();
        if (!existing.has(key) && !next.has(key)) {
          undo.created.push(a.sheet);
          const rows = [...a.whenAbsent.rows, ...a.rows];
          const validations = [...(a.whenAbsent.validations ?? [])];
          const first = a.whenAbsent.rows.length;
          if (a.rows.length > 0) validations.push(...columnLists(a.validations, first, a.rows.length));
          await writer.create({ ...a.whenAbsent, rows, validations }, a.sheet);
          next.set(key, rows.length);
          continue;
        }
        if (!next.has(key)) {
          const used = ends.get(key);
          next.set(key, used ? (used.isNullObject ? 0 : used.rowIndex + used.rowCount) : lastRow(a.sheet));
        }
        const start = next.get(key)!;
        if (a.rows.length === 0) continue;
        const ws = sheets.getItem(a.sheet);
        const width = widest(a.rows);
        undo.appended.push({ sheet: a.sheet, address: blockAddress(start, 0, a.rows.length, width) });
        await writer.rows(ws, a.rows, start);
        const lists = columnLists(a.validations, start, a.rows.length);
        for (const v of lists) await writer.validations(ws, [v.range], v.list, a.sheet);
        next.set(key, start + a.rows.length);
      }
      // Sheets the clerks protected are protected again, as they were.
      for (const r of undo.reopened) {
        await batcher.reserve(CALL_BYTES);
        const ws = sheets.getItem(r.sheet);
        if (r.password !== undefined) ws.protection.protect(r.options, r.password);
        else ws.protection.protect(r.options);
      }
      await batcher.flush();
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
    const leftovers = await rollback(run, undo, password, options.retryPauseMs ?? 500);
    if (leftovers.length > 0) throw new RollbackIncompleteError(asError(asHostError(e)), leftovers);
    throw e;
  }
  if (JSON.stringify(deferred) !== deferredBefore && !(await saveDeferred(options.office, deferred)) && deferLists)
    notes.push("未能把待补的下拉列表记入文档设置：在支持下拉列表的 Excel 中请重新运行一次写入。");
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** The used width of a sheet from the first sync's used range (0 when empty). */
function usedWidth(s: { ws: Excel.Worksheet; used: Excel.Range } | undefined): number {
  if (!s || s.ws.isNullObject || s.used.isNullObject) return 0;
  return s.used.columnIndex + s.used.columnCount;
}

/** Runs of consecutive rows from rows sorted bottom first: 9,8,7,3 → 7–9, 3. */
function rowRuns(desc: number[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (const r of desc) {
    const last = out[out.length - 1];
    if (last && last.first === r + 1) last.first = r;
    else out.push({ first: r, last: r });
  }
  return out;
}

function tempName(name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const t = `${name.slice(0, 25)}~新${i}`;
    if (!taken.has(t.toLowerCase())) return t;
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Undoes a failed write, step by step, each step in a run of its own and tried twice (another
 * workbook may give the focus back): appended rows cleared, edits put back, added sheets deleted,
 * protection restored. Returns what could not be undone, in words a clerk can act on.
 */
async function rollback(
  run: ExcelRun,
  undo: Undo,
  password: string | undefined,
  retryPauseMs: number,
): Promise<string[]> {
  const leftovers: string[] = [];
  const step = async (what: string, f: (context: Excel.RequestContext) => Promise<void>): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await run(f);
        return;
      } catch {
        if (attempt >= 1) {
          leftovers.push(what);
          return;
        }
        await pause(retryPauseMs);
      }
    }
  };
  /** Unprotects a sheet the write had protected again, only if it is protected (office-js #6784). */
  const open = async (context: Excel.RequestContext, sheet: string): Promise<void> => {
    const r = undo.reopened.find((x) => x.sheet === sheet);
    if (!r) return;
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load("protection/protected");
    await context.sync();
    if (ws.protection.protected) {
      ws.protection.unprotect(r.password);
      await context.sync();
    }
  };
  for (const a of [...undo.appended].reverse())
    await step(`“${a.sheet}”中新增的 ${a.address.replace(/[A-Z]+/g, "")} 行（请手动删除这些行）`, async (context) => {
      await open(context, a.sheet);
      context.workbook.worksheets.getItem(a.sheet).getRange(a.address).clear();
      await context.sync();
    });
  for (const e of [...undo.edited].reverse()) {
    if (!e.applied) continue;
    await step(`“${e.sheet}”中被修改或删除的行（请从备份恢复）`, async (context) => {
      await open(context, e.sheet);
      const ws = context.workbook.worksheets.getItem(e.sheet);
      // deleted rows back in place, top first, so that each row number is as it was read
      for (const r of e.rows) {
        ws.getRange(`${r.row}:${r.row}`).insert("Down");
        const back = ws.getRangeByIndexes(r.row - 1, 0, 1, e.width);
        back.numberFormat = r.formats;
        back.values = r.values as (string | number | boolean)[][];
      }
      await context.sync();
      for (const c of e.cells) {
        const cell = ws.getCell(c.row - 1, c.column - 1);
        cell.numberFormat = [[c.format]];
        cell.values = [[c.value as string | number | boolean]];
      }
      await context.sync();
    });
  }
  for (const name of [...undo.created].reverse())
    await step(`工作表“${name}”（请手动删除）`, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name");
      await context.sync();
      if (!ws.isNullObject) {
        ws.delete();
        await context.sync();
      }
    });
  for (const r of undo.reopened)
    await step(`“${r.sheet}”的工作表保护（请在“审阅”中重新保护）`, async (context) => {
      const ws = context.workbook.worksheets.getItem(r.sheet);
      ws.load("protection/protected");
      await context.sync();
      if (!ws.protection.protected) {
        if (r.password !== undefined) ws.protection.protect(r.options, r.password);
        else ws.protection.protect(r.options);
        await context.sync();
      }
    });
  return leftovers;
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
    private readonly caps: Capabilities,
    private readonly password: string | undefined,
    private readonly tick: (rows: number) => void,
    private readonly notes: string[],
    private readonly areasFrom = AREAS_FROM,
    /** where drop-downs go on a host without them (ExcelApi 1.7): remembered for a later host */
    private readonly defer: ((sheet: string, ranges: readonly string[], list: readonly string[]) => void) | null = null,
  ) {}

  private supports(minor: number): boolean {
    return this.caps.supports(minor);
  }

  async create(spec: SheetSpec, name: string, temporaryTable = false): Promise<void> {
    await this.batcher.reserve(CALL_BYTES);
    const ws = this.context.workbook.worksheets.add(name);
    if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
    await this.rows(ws, spec.rows, 0);
    const widths = spec.columnWidths ?? [];
    for (let c = 0; c < widths.length; c++) {
      await this.batcher.reserve(CALL_BYTES);
      ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widths[c] * POINTS_PER_CHAR;
    }
    // Row heights: one call per run of equal heights, and runs of one height as areas together.
    // Excel's rows are at most 409 points high: a taller row is set to 409 and the pane says so
    const asked = spec.rowHeights ?? [];
    const tall = asked.filter((h) => typeof h === "number" && h > MAX_ROW_HEIGHT).length;
    if (tall > 0)
      this.notes.push(
        `“${spec.name}”有 ${tall} 行需要的行高超过 Excel 的上限 409 磅，已按 409 磅设置；这些行的内容在屏幕和打印时可能显示不全。`,
      );
    const heights = asked.map((h) => (typeof h === "number" && h > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : h));
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
    for (const g of groupInOrder(lists)) await this.validations(ws, g.addresses, g.key, spec.name);
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
      const breaks = page.rowBreaks ?? [];
      if (breaks.length > MAX_PAGE_BREAKS)
        this.notes.push(
          `“${name}”需要 ${breaks.length.toLocaleString("en")} 个分页符，超过 Excel 的上限 1,026 个：只设置了前 1,026 个，其后的内容打印时不再按份分页。`,
        );
      for (const r of breaks.slice(0, MAX_PAGE_BREAKS)) {
        await this.batcher.reserve(CALL_BYTES);
        ws.horizontalPageBreaks.add(`A${r + 1}`);
      }
      await this.batcher.flush();
    } catch (e) {
      // a host that stopped answering is no printing nicety: the whole write is given up
      if (e instanceof SyncTimeoutError) throw e;
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
      // a host that stopped answering is no printing nicety: the whole write is given up
      if (e instanceof SyncTimeoutError) throw e;
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

  /** An in-cell list on each address (as areas when there are many); remembered instead on a host without lists. */
  async validations(
    ws: Excel.Worksheet,
    addresses: readonly string[],
    list: readonly string[],
    sheet: string,
  ): Promise<void> {
    if (this.defer) {
      this.defer(sheet, addresses, list);
      return;
    }
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
