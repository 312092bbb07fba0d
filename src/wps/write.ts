// Writing a batch through the ET object model, all or nothing. Everything that can be checked is
// checked before the first change: the specs, the sheet each edit or append names, the rows the
// batch expects, the workbook's structure protection, and the protection of the sheets it edits
// or appends to (unprotected first, with a message naming the sheet when that is refused). New
// and replacing sheets are built under temporary names; a replaced sheet is renamed aside and
// deleted only once the new one has its name and place. A failure undoes every change made, and
// says what the undo could not restore. Strings get the text format '@' before their values, so a
// clerk's '=HYPERLINK(…)', '+86 571…' or '2026-04-01' stays the text it was.
import { groupInOrder, mergeRuns } from "../excel/write";
import type { CellStyle, ProgressReporter, SheetSpec, WriteBatch } from "../workbook/port";
import { WorkbookChangedError } from "../workbook/port";
import { blockText, columnName, parseRange } from "../workbook/xlsx/a1";
import { checkSpec, listFormula } from "../workbook/xlsx/render";
import { bgr, XL, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { hostStep, WpsRefusedError, WpsWriteError } from "./errors";
import { findSheet, lastValueRow, readUsed, sheetNames, type UsedValues } from "./read";

type Cell = string | number | boolean | null;

export interface WriteContext {
  app: EtApplication;
  wb: EtWorkbook;
  /** the password the software's own sheets are protected with, if any */
  password?: string;
  /** what was skipped because this WPS refused it (plain Chinese), for the pane to show */
  notes: string[];
  /** lets the pane repaint between long host calls (the API is synchronous) */
  pause: () => Promise<void>;
}

/** Characters of one multi-area address at most: Range() refuses longer text, as in Excel. */
export const AREA_CHARS = 255;
/** Cells of one Value2 write at most. */
export const WRITE_BLOCK_CELLS = 100_000;
/** Manual page breaks one sheet holds at most. */
export const MAX_PAGE_BREAKS = 1026;

const STRUCTURE_PROTECTED =
  "工作簿结构受保护（审阅 → 保护工作簿），不能新增、删除或重命名工作表。请先撤销工作簿保护再重试。未写入任何内容。";

interface Build {
  spec: SheetSpec;
  /** the name it ends up with */
  name: string;
  /** the sheet it replaces, renamed aside and deleted at the end */
  replaces: EtWorksheet | null;
}

interface Protection {
  ws: EtWorksheet;
  cells: boolean;
  columns: boolean;
  rows: boolean;
}

/** Everything changed so far, to be undone on failure (in reverse). */
interface Undo {
  created: EtWorksheet[];
  /** a replaced sheet renamed aside, with its own name */
  renamed: { ws: EtWorksheet; name: string }[];
  cells: { ws: EtWorksheet; address: string; formula: string | null; value: unknown; format: unknown }[];
  deleted: { ws: EtWorksheet; row: number; left: number; values: unknown[] }[];
  appended: { ws: EtWorksheet; first: number; last: number }[];
  unprotected: Protection[];
}

export async function writeBatch(ctx: WriteContext, batch: WriteBatch, progress?: ProgressReporter): Promise<void> {
  const { app, wb } = ctx;
  const { builds, byAppend } = plan(wb, batch);
  const edits = batch.edit ?? [];

  // Preconditions, nothing changed yet.
  if (builds.length > 0 && wb.ProtectStructure === true) throw new WpsRefusedError(STRUCTURE_PROTECTED);
  const used = new Map<string, UsedValues>();
  const usedOf = async (ws: EtWorksheet): Promise<UsedValues> => {
    const k = ws.Name.toLowerCase();
    let u = used.get(k);
    if (!u) used.set(k, (u = await readUsed(ws, ctx.pause)));
    return u;
  };
  for (const x of batch.expect ?? []) {
    const ws = findSheet(wb, x.sheet);
    const actual = ws ? lastValueRow(await usedOf(ws)) : 0;
    if (actual !== x.lastRow) throw new WorkbookChangedError(x.sheet, x.lastRow, actual);
  }
  const targets = new Map<string, EtWorksheet>();
  for (const name of [...edits.map((e) => e.sheet), ...batch.append.map((a) => a.sheet)]) {
    const ws = findSheet(wb, name);
    if (ws) targets.set(ws.Name.toLowerCase(), ws);
  }
  for (const ws of targets.values()) await usedOf(ws);

  const undo: Undo = { created: [], renamed: [], cells: [], deleted: [], appended: [], unprotected: [] };
  const screen = app.ScreenUpdating;
  const active = activeName(app);
  unprotectTargets(ctx, [...targets.values()], undo);
  try {
    app.ScreenUpdating = false;
    const total =
      builds.reduce((n, b) => n + b.spec.rows.length, 0) + batch.append.reduce((n, a) => n + a.rows.length, 0);
    let done = 0;
    const tick = (n: number): void => {
      done += n;
      progress?.(done, total);
    };
    const writer = new SheetWriter(ctx, tick);
    const taken = new Set(sheetNames(wb).map((n) => n.toLowerCase()));
    const built: { build: Build; ws: EtWorksheet; tableTemp: boolean }[] = [];
    for (const b of builds) {
      const last = wb.Worksheets.Item(wb.Worksheets.Count);
      const ws = hostStep(`新建工作表「${b.name}」`, () => wb.Worksheets.Add(null, last));
      undo.created.push(ws);
      const name = b.replaces ? tempName(b.name, taken, "新") : b.name;
      hostStep(`把新工作表命名为「${name}」`, () => (ws.Name = name));
      await writer.build(ws, b.spec, b.replaces !== null);
      built.push({ build: b, ws, tableTemp: b.replaces !== null });
    }

    // Edits: cells, then rows from the bottom up, by the row numbers as read.
    const deletedRows = new Map<string, number[]>();
    for (const e of edits) {
      const ws = findSheet(wb, e.sheet)!;
      for (const c of e.cells ?? []) writer.editCell(ws, c.row, c.column, c.value, undo);
      const rows = [...new Set(e.deleteRows ?? [])].sort((a, b) => b - a);
      const u = await usedOf(ws);
      for (const r of rows) writer.deleteRow(ws, r, u, undo);
      deletedRows.set(ws.Name.toLowerCase(), [...(deletedRows.get(ws.Name.toLowerCase()) ?? []), ...rows]);
    }

    // Appends under the last row holding a value (after the edits).
    const next = new Map<string, number>();
    for (const a of batch.append) {
      const ws = findSheet(wb, a.sheet);
      if (!ws) throw new Error(`sheet ${a.sheet} vanished during the write`);
      const k = ws.Name.toLowerCase();
      const created = byAppend.get(a);
      if (created) {
        // its rows were written with the sheet it created
        next.set(k, created.spec.rows.length + 1);
        continue;
      }
      const first = next.get(k) ?? lastAfterDeletes(await usedOf(ws), deletedRows.get(k)) + 1;
      if (a.rows.length > 0) {
        await writer.rows(ws, a.rows, first);
        undo.appended.push({ ws, first, last: first + a.rows.length - 1 });
        for (const v of a.validations ?? [])
          writer.validation(ws, [blockText(first, v.column, first + a.rows.length - 1, v.column)], v.list);
      }
      next.set(k, first + a.rows.length);
    }

    // The swap: each replaced sheet renamed aside, the new one named and put in its place.
    for (const { build, ws, tableTemp } of built) {
      if (!build.replaces) continue;
      const old = build.replaces;
      const aside = tempName(build.name, taken, "旧");
      hostStep(`把原工作表「${build.name}」暂时改名`, () => (old.Name = aside));
      undo.renamed.push({ ws: old, name: build.name });
      hostStep(`把新工作表命名为「${build.name}」`, () => (ws.Name = build.name));
      hostStep(`把「${build.name}」移到原来的位置`, () => ws.Move(old));
      if (tableTemp && build.spec.table) writer.renameTable(ws, build.spec.table.name);
    }
    reprotect(ctx, undo.unprotected);
    undo.unprotected = [];
  } catch (e) {
    const leftovers = rollback(ctx, undo);
    restoreActive(app, wb, active);
    app.ScreenUpdating = screen;
    throw new WpsWriteError(e instanceof Error ? e : new Error(String(e)), leftovers);
  }
  // Written: the replaced sheets go. A sheet WPS keeps is only a leftover copy, so it is a note.
  withoutAlerts(app, () => {
    for (const r of undo.renamed) {
      const aside = safeName(r.ws);
      try {
        if (r.ws.Delete() === false) throw new Error("not deleted");
      } catch {
        ctx.notes.push(`原工作表的旧副本「${aside}」未能删除（新内容已写入「${r.name}」），请手工删除它。`);
      }
    }
  });
  restoreActive(app, wb, active);
  app.ScreenUpdating = screen;
}

/** Checks the batch against the workbook; throws before anything is changed. */
function plan(wb: EtWorkbook, batch: WriteBatch): { builds: Build[]; byAppend: Map<object, Build> } {
  const fold = (s: string) => s.toLowerCase();
  const claimed = new Set<string>();
  const builds: Build[] = [];
  const byAppend = new Map<object, Build>();
  const claim = (name: string) => {
    if (claimed.has(fold(name))) throw new Error(`sheet ${name} is written twice in one batch`);
    claimed.add(fold(name));
  };
  for (const spec of batch.create) {
    checkSpec(spec);
    if (findSheet(wb, spec.name)) throw new WpsRefusedError(`工作表「${spec.name}」已存在，未写入任何内容。`);
    claim(spec.name);
    builds.push({ spec, name: spec.name, replaces: null });
  }
  for (const spec of batch.replace) {
    checkSpec(spec);
    claim(spec.name);
    builds.push({ spec, name: spec.name, replaces: findSheet(wb, spec.name) });
  }
  for (const a of batch.append) {
    // several appends to one sheet follow each other; only the first one creates it
    if (!findSheet(wb, a.sheet) && !claimed.has(fold(a.sheet))) {
      if (fold(a.whenAbsent.name) !== fold(a.sheet))
        throw new Error(`append to ${a.sheet} would create a sheet named ${a.whenAbsent.name}`);
      checkSpec(a.whenAbsent);
      claim(a.sheet);
      const first = a.whenAbsent.rows.length;
      const lists = (a.validations ?? []).map((v) => ({
        range: blockText(first + 1, v.column, first + Math.max(1, a.rows.length), v.column),
        list: v.list,
      }));
      const spec: SheetSpec = {
        ...a.whenAbsent,
        rows: [...a.whenAbsent.rows, ...a.rows],
        validations: [...(a.whenAbsent.validations ?? []), ...(a.rows.length > 0 ? lists : [])],
      };
      checkSpec(spec);
      const build: Build = { spec, name: a.whenAbsent.name, replaces: null };
      builds.push(build);
      byAppend.set(a, build);
    }
    a.rows.forEach((row) => row.forEach((v) => checkCellValue(a.sheet, v)));
    for (const v of a.validations ?? []) {
      if (!(Number.isInteger(v.column) && v.column >= 1 && v.column <= 16384))
        throw new Error(`${a.sheet}: bad drop-down column ${v.column}`);
      listFormula(v.list);
    }
  }
  for (const e of batch.edit ?? []) {
    if (!findSheet(wb, e.sheet)) throw new Error(`cannot edit ${e.sheet}: no such sheet`);
    if (claimed.has(fold(e.sheet))) throw new Error(`sheet ${e.sheet} is both rewritten and edited in one batch`);
    const row = (r: number) => Number.isInteger(r) && r >= 1 && r <= 1048576;
    for (const c of e.cells ?? []) {
      if (!row(c.row) || !(Number.isInteger(c.column) && c.column >= 1 && c.column <= 16384))
        throw new Error(`${e.sheet}: bad cell to edit at row ${c.row}, column ${c.column}`);
      checkCellValue(e.sheet, c.value);
    }
    for (const r of e.deleteRows ?? []) if (!row(r)) throw new Error(`${e.sheet}: bad row to delete ${r}`);
  }
  return { builds, byAppend };
}

function checkCellValue(sheet: string, v: unknown): void {
  if (v !== null && typeof v !== "string" && typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v)))
    throw new Error(`${sheet}: a value of type ${typeof v} cannot be written`);
  if (typeof v === "string" && v.length > 32767) throw new Error(`${sheet}: text longer than 32,767 characters`);
}

/** The last row holding a value once the given rows are deleted (rows below move up). */
function lastAfterDeletes(used: UsedValues, deleted: number[] = []): number {
  const gone = new Set(deleted);
  let last = 0;
  let shift = 0;
  used.rows.forEach((row, i) => {
    const r = used.top + i;
    if (gone.has(r)) {
      shift++;
      return;
    }
    if (row.some((v) => v !== null && v !== undefined && v !== "")) last = r - shift;
  });
  return last;
}

/** Unprotects the sheets the batch edits or appends to, or refuses naming the sheet. */
function unprotectTargets(ctx: WriteContext, sheets: EtWorksheet[], undo: Undo): void {
  for (const ws of sheets) {
    if (ws.ProtectContents !== true) continue;
    const p = ws.Protection;
    const state: Protection = {
      ws,
      cells: p.AllowFormattingCells === true,
      columns: p.AllowFormattingColumns === true,
      rows: p.AllowFormattingRows === true,
    };
    let ok = false;
    try {
      ws.Unprotect(ctx.password);
      ok = ws.ProtectContents !== true;
    } catch {
      ok = false;
    }
    if (!ok) {
      // the ones already unprotected are protected again: nothing is left changed
      reprotect(ctx, undo.unprotected);
      throw new WpsRefusedError(
        `工作表「${ws.Name}」受保护，无法撤销保护（可能设有密码）。请先在「审阅 → 撤销工作表保护」中撤销保护后重试。未写入任何内容。`,
      );
    }
    undo.unprotected.push(state);
  }
}

function reprotect(ctx: WriteContext, list: Protection[]): void {
  for (const p of list)
    hostStep(`重新保护工作表「${p.ws.Name}」`, () =>
      p.ws.Protect(ctx.password, true, true, true, false, p.cells, p.columns, p.rows),
    );
}

/** Undoes what was done, in reverse; returns, in plain Chinese, what could not be undone. */
function rollback(ctx: WriteContext, undo: Undo): string[] {
  const { app } = ctx;
  const left: string[] = [];
  const attempt = (what: string, f: () => void) => {
    try {
      f();
    } catch {
      left.push(what);
    }
  };
  withoutAlerts(app, () => {
    for (const ws of [...undo.created].reverse()) {
      const name = safeName(ws);
      attempt(`未能删除新建的工作表「${name}」`, () => {
        if (ws.Delete() === false) throw new Error("not deleted");
      });
    }
  });
  for (const r of [...undo.renamed].reverse())
    attempt(`未能把「${safeName(r.ws)}」改回原名「${r.name}」`, () => (r.ws.Name = r.name));
  for (const a of [...undo.appended].reverse())
    attempt(`未能删除「${safeName(a.ws)}」新增的第 ${a.first}–${a.last} 行`, () =>
      a.ws.Range(`${a.first}:${a.last}`).Delete(XL.shiftUp),
    );
  // deleted from the bottom up, so restored from the top down
  for (const d of [...undo.deleted].reverse())
    attempt(`未能恢复「${safeName(d.ws)}」被删除的第 ${d.row} 行`, () => {
      d.ws.Range(`${d.row}:${d.row}`).Insert(XL.shiftDown);
      if (d.values.length === 0) return;
      const address = blockText(d.row, d.left, d.row, d.left + d.values.length - 1);
      textFormats(d.ws, [d.values as Cell[]], d.row, d.left);
      d.ws.Range(address).Value2 = [d.values.map((v) => (v === null || v === undefined ? "" : v))];
    });
  for (const c of [...undo.cells].reverse())
    attempt(`未能恢复「${safeName(c.ws)}」${c.address} 的原值`, () => {
      const cell = c.ws.Range(c.address);
      cell.NumberFormat = c.format;
      if (c.formula !== null) cell.Formula = c.formula;
      else cell.Value2 = c.value === undefined || c.value === null ? "" : c.value;
    });
  for (const p of undo.unprotected)
    attempt(`未能重新保护工作表「${safeName(p.ws)}」`, () =>
      p.ws.Protect(ctx.password, true, true, true, false, p.cells, p.columns, p.rows),
    );
  return left;
}

function safeName(ws: EtWorksheet): string {
  try {
    return ws.Name;
  } catch {
    return "（已删除）";
  }
}

function activeName(app: EtApplication): string | null {
  try {
    return app.ActiveSheet?.Name ?? null;
  } catch {
    return null;
  }
}

/** WPS adds a sheet as the active one; the clerk is left on the sheet they were on. */
function restoreActive(app: EtApplication, wb: EtWorkbook, name: string | null): void {
  if (name === null) return;
  try {
    findSheet(wb, name)?.Activate();
  } catch {
    // staying on another sheet loses nothing
  }
}

function withoutAlerts(app: EtApplication, f: () => void): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    f();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

function tempName(name: string, taken: Set<string>, mark: string): string {
  for (let i = 1; ; i++) {
    const t = `${[...name].slice(0, 25).join("")}~${mark}${i}`;
    if (!taken.has(t.toLowerCase())) {
      taken.add(t.toLowerCase());
      return t;
    }
  }
}

/** Addresses joined by commas into lists that Range() takes (at most AREA_CHARS characters). */
export function joinAreas(addresses: readonly string[], max = AREA_CHARS): string[] {
  const out: string[] = [];
  let list = "";
  for (const a of addresses) {
    if (list && list.length + 1 + a.length > max) {
      out.push(list);
      list = "";
    }
    list = list ? `${list},${a}` : a;
  }
  if (list) out.push(list);
  return out;
}

/** The text format over the string cells of a block of rows, by runs down each column. */
function textFormats(ws: EtWorksheet, rows: readonly Cell[][], top: number, left = 1): void {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const runs: string[] = [];
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= rows.length; r++) {
      const text = r < rows.length && typeof rows[r][c] === "string" && rows[r][c] !== "";
      if (text && start < 0) start = r;
      if (!text && start >= 0) {
        runs.push(blockText(top + start, left + c, top + r - 1, left + c));
        start = -1;
      }
    }
  }
  for (const list of joinAreas(runs))
    hostStep(`设置「${ws.Name}」的文本格式`, () => (ws.Range(list).NumberFormat = "@"));
}

/** Writes one sheet's content, styling and protection. */
class SheetWriter {
  constructor(
    private readonly ctx: WriteContext,
    private readonly tick: (rows: number) => void,
  ) {}

  private get notes(): string[] {
    return this.ctx.notes;
  }

  async build(ws: EtWorksheet, spec: SheetSpec, temporaryTable: boolean): Promise<void> {
    const name = spec.name;
    await this.rows(ws, spec.rows, 1);
    const widths = spec.columnWidths ?? [];
    const byWidth = new Map<number, string[]>();
    widths.forEach((w, c) => {
      if (typeof w !== "number") return;
      const col = columnName(c + 1);
      byWidth.set(w, [...(byWidth.get(w) ?? []), `${col}:${col}`]);
    });
    for (const [w, cols] of byWidth)
      for (const list of joinAreas(cols)) hostStep(`设置「${name}」的列宽`, () => (ws.Range(list).ColumnWidth = w));
    const heights = spec.rowHeights ?? [];
    const byHeight = new Map<number, string[]>();
    for (let r = 0; r < heights.length;) {
      const h = heights[r];
      let end = r + 1;
      while (end < heights.length && heights[end] === h) end++;
      if (typeof h === "number" && h > 0) byHeight.set(h, [...(byHeight.get(h) ?? []), `${r + 1}:${end}`]);
      r = end;
    }
    for (const [h, rows] of byHeight)
      for (const list of joinAreas(rows)) hostStep(`设置「${name}」的行高`, () => (ws.Range(list).RowHeight = h));
    // disjoint merges of one kind in one call: Merge on several areas merges each on its own
    const merges = mergeRuns(spec.merges ?? []);
    for (const across of [false, true])
      for (const list of joinAreas(merges.filter((m) => m.across === across).map((m) => m.address)))
        hostStep(`合并「${name}」的单元格`, () => ws.Range(list).Merge(across));
    await this.ctx.pause();
    const styles = (spec.styles ?? []).map((s) => ({ address: s.range, key: s.style, id: JSON.stringify(s.style) }));
    for (const g of groupInOrder(styles))
      for (const list of joinAreas(g.addresses))
        hostStep(`设置「${name}」的格式`, () => applyStyle(ws.Range(list), g.key));
    await this.ctx.pause();
    if (spec.frozenRows) this.freeze(ws, spec.frozenRows, name);
    if (spec.protect)
      for (const list of joinAreas(spec.unlocked ?? []))
        hostStep(`解除「${name}」填写区的锁定`, () => (ws.Range(list).Locked = false));
    const lists = (spec.validations ?? []).map((v) => ({ address: v.range, key: v.list, id: JSON.stringify(v.list) }));
    for (const g of groupInOrder(lists)) this.validation(ws, g.addresses, g.key, name);
    if (spec.table) this.table(ws, spec.table, temporaryTable, name);
    if (spec.page) this.page(ws, spec.page, name);
    // Charts before protection: a protected sheet takes no new drawing objects.
    if (spec.charts?.length) this.charts(ws, spec.charts, name);
    if (spec.tabColor) {
      const color = bgr(spec.tabColor);
      this.optional(`“${name}”的标签颜色未能设置`, () => (ws.Tab.Color = color));
    }
    if (spec.protect)
      hostStep(`保护工作表「${name}」`, () =>
        ws.Protect(this.ctx.password, true, true, true, false, false, true, true),
      );
  }

  /** Rows from a 1-based sheet row, in blocks: the text format first, then the values. */
  async rows(ws: EtWorksheet, rows: readonly Cell[][], top: number): Promise<void> {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (width === 0) return;
    const per = Math.max(1, Math.floor(WRITE_BLOCK_CELLS / width));
    for (let at = 0; at < rows.length; at += per) {
      const chunk = rows.slice(at, at + per);
      const r0 = top + at;
      const r1 = r0 + chunk.length - 1;
      textFormats(ws, chunk, r0);
      const values = chunk.map((r) => {
        const out: Cell[] = new Array<Cell>(width).fill("");
        r.forEach((v, j) => (out[j] = v === null ? "" : v));
        return out;
      });
      hostStep(`写入「${ws.Name}」第 ${r0}–${r1} 行`, () => (ws.Range(blockText(r0, 1, r1, width)).Value2 = values));
      this.tick(chunk.length);
      await this.ctx.pause();
    }
  }

  editCell(ws: EtWorksheet, row: number, column: number, value: Cell, undo: Undo): void {
    const address = blockText(row, column, row, column);
    const cell = ws.Range(address);
    const had = hostStep(`读取「${ws.Name}」${address}`, () => ({
      formula: cell.HasFormula === true ? String(cell.Formula) : null,
      value: cell.Value2,
      format: cell.NumberFormat,
    }));
    undo.cells.push({ ws, address, ...had });
    hostStep(`修改「${ws.Name}」${address}`, () => {
      if (value === null || value === "") cell.ClearContents();
      else {
        if (typeof value === "string") cell.NumberFormat = "@";
        cell.Value2 = value;
      }
    });
  }

  deleteRow(ws: EtWorksheet, row: number, used: UsedValues, undo: Undo): void {
    const i = row - used.top;
    const values = i >= 0 && i < used.rows.length ? used.rows[i] : [];
    hostStep(`删除「${ws.Name}」第 ${row} 行`, () => ws.Range(`${row}:${row}`).Delete(XL.shiftUp));
    undo.deleted.push({ ws, row, left: used.left, values });
  }

  /** An in-cell list over each address; a WPS that refuses it keeps the rows, with a note. */
  validation(ws: EtWorksheet, addresses: readonly string[], list: readonly string[], name = ws.Name): void {
    const formula = list.join(",");
    this.optional(`“${name}”的下拉列表（${list.join("、")}）未能设置，请在该列直接填写`, () => {
      for (const a of joinAreas(addresses)) {
        const v = ws.Range(a).Validation;
        v.Delete();
        v.Add(XL.validateList, XL.validAlertStop, XL.between, formula);
        v.InCellDropdown = true;
        v.IgnoreBlank = true;
      }
    });
  }

  freeze(ws: EtWorksheet, rows: number, name: string): void {
    this.optional(`“${name}”的冻结窗格未能设置`, () => {
      ws.Activate();
      const w = this.ctx.app.ActiveWindow;
      if (!w) throw new Error("no window");
      w.FreezePanes = false;
      w.SplitColumn = 0;
      w.SplitRow = rows;
      w.FreezePanes = true;
    });
  }

  table(ws: EtWorksheet, table: NonNullable<SheetSpec["table"]>, temporary: boolean, name: string): void {
    this.optional(`“${name}”的表格（${table.name}）未能创建（数据已写入）`, () => {
      const t = ws.ListObjects.Add(XL.srcRange, ws.Range(table.range.replace(/^.*!/, "")), undefined, XL.yes);
      t.Name = temporary ? `${table.name}_new` : table.name;
    });
  }

  renameTable(ws: EtWorksheet, tableName: string): void {
    this.optional(`“${ws.Name}”的表格未能改名为 ${tableName}`, () => {
      const lists = ws.ListObjects;
      for (let i = 1; i <= lists.Count; i++)
        if (lists.Item(i).Name === `${tableName}_new`) lists.Item(i).Name = tableName;
    });
  }

  /** Page setup, part by part: a printing nicety that WPS refuses becomes a note, not a failure. */
  page(ws: EtWorksheet, page: NonNullable<SheetSpec["page"]>, name: string): void {
    this.optional(`“${name}”的纸张方向和大小（A4）未能设置`, () => {
      const p = ws.PageSetup;
      p.Orientation = page.orientation === "landscape" ? XL.landscape : XL.portrait;
      p.PaperSize = XL.paperA4;
    });
    if (page.fitToWidth)
      this.optional(`“${name}”的“缩放到一页宽”未能设置`, () => {
        const p = ws.PageSetup;
        p.Zoom = false;
        p.FitToPagesWide = 1;
        p.FitToPagesTall = false;
      });
    if (page.printTitleRows) {
      const b = parseRange(page.printTitleRows);
      this.optional(`“${name}”的打印标题行未能设置`, () => (ws.PageSetup.PrintTitleRows = `$${b.top}:$${b.bottom}`));
    }
    const breaks = page.rowBreaks ?? [];
    if (breaks.length > MAX_PAGE_BREAKS)
      this.notes.push(
        `“${name}”需要 ${breaks.length} 个分页符，WPS 每张表最多 ${MAX_PAGE_BREAKS} 个：第 ${MAX_PAGE_BREAKS + 1} 个起未设置，打印前请分批打印或手工分页。`,
      );
    this.optional(`“${name}”的分页符未能全部设置`, () => {
      for (const r of breaks.slice(0, MAX_PAGE_BREAKS)) ws.HPageBreaks.Add(ws.Range(`A${r + 1}`));
    });
  }

  /** Charts over the anchor block; the data stays on the sheet whatever happens to a chart. */
  charts(ws: EtWorksheet, charts: NonNullable<SheetSpec["charts"]>, name: string): void {
    const type = { column: XL.columnClustered, bar: XL.barClustered, pie: XL.pie } as const;
    for (const c of charts)
      this.optional(`“${name}”的图表“${c.title}”未能绘制（表中的数据已写入）`, () => {
        const at = ws.Range(c.anchor.replace(/^.*!/, ""));
        const chart = ws.Shapes.AddChart(type[c.type], at.Left, at.Top, at.Width, at.Height).Chart;
        chart.SetSourceData(ws.Range(c.range.replace(/^.*!/, "")), XL.columns);
        chart.HasTitle = true;
        chart.ChartTitle.Text = c.title;
      });
  }

  private optional(note: string, f: () => void): void {
    try {
      f();
    } catch {
      this.notes.push(`${note}。`);
    }
  }
}

function applyStyle(range: EtRange, style: CellStyle): void {
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.fontSize !== undefined) range.Font.Size = style.fontSize;
  if (style.fontColor) range.Font.Color = bgr(style.fontColor);
  if (style.fill) range.Interior.Color = bgr(style.fill);
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.horizontal)
    range.HorizontalAlignment =
      style.horizontal === "left" ? XL.left : style.horizontal === "center" ? XL.center : XL.right;
  if (style.vertical)
    range.VerticalAlignment = style.vertical === "top" ? XL.top : style.vertical === "middle" ? XL.center : XL.bottom;
  if (style.border) {
    range.Borders.LineStyle = XL.continuous;
    range.Borders.Weight = XL.thin;
  }
}
