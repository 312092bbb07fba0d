// The ExcelJS adapter of the workbook port: a .xlsx held in memory, read sheet by sheet and
// written in one batch. Files are in ./file.ts (node only); this part also runs in the browser.
import ExcelJS from "exceljs";
import {
  WorkbookChangedError,
  type ProgressReporter,
  type SheetData,
  type SheetSpec,
  type WorkbookPort,
  type WriteBatch,
} from "../port";
import { readWorksheet, cellValue } from "./read";
import { addListValidation, checkSpec, listFormula, renderSheet, writeValue } from "./render";
import { parseRange, type Block } from "./a1";
import { useLinearMerges } from "./linear-merges";
import { preload } from "./preload";
import { diagnoseFailure, diagnoseWorkbook, type FileDiagnosis, type FileDiagnosisCode } from "./diagnose";
import { render, type Lang } from "../../core/issues/issue";
import { PackageShapeError, XlsxPackage } from "./package";
import { ZipFormatError } from "./zip";
import { SheetXmlError } from "./sheet-scan";

useLinearMerges();

/**
 * The bytes are not a .xlsx workbook that can be read (an .xls, an encrypted or damaged file, …):
 * `code` and `params` are the diagnosis, a catalogue issue code (messages-files.ts), and `texts`
 * its catalogue text in each language, so that the pane shows it without loading the catalogue.
 * The library's own error, if any, is the `cause`, never shown.
 */
export class NotAWorkbookError extends Error {
  readonly code: FileDiagnosisCode;
  readonly params: Record<string, string | number>;
  readonly texts: Record<Lang, string>;
  constructor(diagnosis: FileDiagnosis, cause?: unknown) {
    const texts = {
      zh: render(diagnosis.code, diagnosis.params, "zh"),
      en: render(diagnosis.code, diagnosis.params, "en"),
    };
    super(texts.en, cause === undefined ? undefined : { cause });
    this.name = "NotAWorkbookError";
    this.code = diagnosis.code;
    this.params = diagnosis.params;
    this.texts = texts;
  }
}

export interface ModelOptions {
  /**
   * Every write rendered into the ExcelJS model, never handed to the package writer: for the
   * tests that hold ExcelJS's renderer (which writes the batches that edit cells) equal to the
   * package writer.
   */
  keepModel?: boolean;
}

/** 工作簿 (.xlsx), behind the workbook port. */
export class XlsxWorkbook implements WorkbookPort {
  /**
   * The ExcelJS workbook, for callers that need more than the port (tests), while the workbook is
   * held as one: after `fromBuffer`, or after a write that edited cells. Cells
   * written by this adapter share style objects: assign `cell.style = {...}`, never mutate
   * `cell.font` and the like in place.
   */
  get workbook(): ExcelJS.Workbook {
    if (!this.loaded) throw new Error("this workbook was opened as a package: it has no ExcelJS model");
    return this.loaded;
  }

  private loaded: ExcelJS.Workbook | null;
  /** the package, when the workbook was opened with `open` and is read and written part by part */
  private pkg: XlsxPackage | null = null;

  private constructor(
    workbook: ExcelJS.Workbook | null,
    pkg: XlsxPackage | null = null,
    private readonly keepModel = false,
  ) {
    this.loaded = workbook;
    this.pkg = pkg;
  }

  /**
   * Opens the bytes of a .xlsx for reading sheet by sheet and writing at the level of its parts
   * (./package.ts): any size of workbook, every part the batch does not touch kept byte for byte.
   * A package that this reader does not take (not a zip, encrypted, zip64, no workbook part…)
   * is opened by `fromBuffer`, which says why it cannot be read or reads it with ExcelJS.
   */
  static async open(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    // what the file is, when it is no workbook, before any part is read
    const problem = await diagnoseWorkbook(data);
    if (problem) throw new NotAWorkbookError(problem);
    try {
      const book = new XlsxWorkbook(null, await XlsxPackage.open(data));
      book.source = data;
      return book;
    } catch (e) {
      if (e instanceof ZipFormatError || e instanceof PackageShapeError) return XlsxWorkbook.fromBuffer(data);
      throw e;
    }
  }

  /** the bytes the package was opened from, to say what is wrong when a part fails to read */
  private source: ArrayBuffer | Uint8Array | null = null;

  /** A part that fails to read (a bad checksum, XML cut short) is a damaged file, said as such. */
  private async diagnosed<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (e) {
      if (this.source && (e instanceof ZipFormatError || e instanceof SheetXmlError || e instanceof PackageShapeError))
        throw new NotAWorkbookError(await diagnoseFailure(this.source), e);
      throw e;
    }
  }

  /** Whether the workbook is read and written part by part (true after `open`, until an edit loads it in ExcelJS). */
  get isPackage(): boolean {
    return this.pkg !== null;
  }

  /** Loads the package into ExcelJS, for what the package writer does not do (edits of existing cells). */
  private async loadInExcelJS(): Promise<void> {
    const bytes = await this.pkg!.toBuffer();
    this.loaded = (await XlsxWorkbook.fromBuffer(bytes)).workbook;
    this.pkg = null;
  }

  /**
   * The ExcelJS model written out and opened as a package, so that a batch of new sheets and
   * appended rows is written part by part, as into a workbook opened with `open`: the package
   * writer writes the same sheets several times faster than ExcelJS and in less memory (a
   * 5,000-form 一企一表 in a third of the time). The bytes are those `toBuffer` would give anyway;
   * a model whose bytes the package reader does not take stays in ExcelJS.
   */
  private async asPackage(): Promise<void> {
    const bytes = await this.toBuffer();
    try {
      this.pkg = await XlsxPackage.open(bytes);
    } catch (e) {
      if (e instanceof ZipFormatError || e instanceof PackageShapeError) return;
      throw e;
    }
    this.loaded = null;
  }

  /**
   * Opens the bytes of a .xlsx file; bytes that are no readable workbook are refused with a
   * NotAWorkbookError saying what they are (diagnose.ts), before or after ExcelJS tried.
   */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: ModelOptions = {}): Promise<XlsxWorkbook> {
    const problem = await diagnoseWorkbook(data);
    if (problem) throw new NotAWorkbookError(problem);
    const wb = new ExcelJS.Workbook();
    try {
      const pre = await preload(data);
      await wb.xlsx.load(pre.bytes as ArrayBuffer);
      pre.restore(wb);
    } catch (e) {
      throw new NotAWorkbookError(await diagnoseFailure(data), e);
    }
    tablesWithStyle(wb);
    return new XlsxWorkbook(wb, null, options.keepModel);
  }

  /** A workbook without sheets, to be filled by `write`. */
  static empty(options: ModelOptions = {}): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook(), null, options.keepModel);
  }

  /** An ExcelJS workbook built by hand (the sample script), behind the port. */
  static ofModel(workbook: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(workbook);
  }

  /** The bytes of the workbook as a .xlsx file. */
  async toBuffer(): Promise<Uint8Array> {
    if (this.pkg) return this.pkg.toBuffer();
    const buf = (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  }

  async sheetNames(): Promise<string[]> {
    if (this.pkg) return this.pkg.sheetNames();
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async readSheet(name: string): Promise<SheetData> {
    if (this.pkg) {
      const pkg = this.pkg;
      return this.diagnosed(() => pkg.readSheet(name));
    }
    const ws = this.find(name);
    if (!ws) throw new Error(`no sheet named ${name}`);
    return readWorksheet(ws);
  }

  /**
   * Writes the batch whole or not at all: every spec is checked first, new and replacing sheets
   * are built under temporary names, and only then swapped in; a failure removes what was built.
   */
  async write(batch: WriteBatch, progress?: ProgressReporter): Promise<void> {
    if (!this.pkg && !this.keepModel && XlsxPackage.handles(batch)) await this.asPackage();
    if (this.pkg && XlsxPackage.handles(batch))
      try {
        return await this.pkg.write(batch, progress);
      } catch (e) {
        if (!(e instanceof PackageShapeError)) throw e;
      }
    if (this.pkg) await this.loadInExcelJS();
    const plan = this.plan(batch);
    const built: { ws: ExcelJS.Worksheet; name: string; replaces: ExcelJS.Worksheet | null }[] = [];
    const total = plan.builds.length + batch.append.length;
    let done = 0;
    try {
      for (const b of plan.builds) {
        const ws = this.workbook.addWorksheet(this.temporaryName());
        built.push({ ws, name: b.spec.name, replaces: b.replaces });
        await renderSheet(ws, b.spec);
        progress?.(++done, total, b.spec.name);
      }
    } catch (e) {
      for (const b of built) this.workbook.removeWorksheet(b.ws.id);
      throw e;
    }
    // from here on nothing can fail: names, ranges and lists were all checked by plan()
    for (const b of built) {
      if (b.replaces) {
        // ExcelJS orders the tabs by this internal number, which its typings do not declare
        (b.ws as Ordered).orderNo = (b.replaces as Ordered).orderNo;
        this.workbook.removeWorksheet(b.replaces.id);
      }
      b.ws.name = b.name;
    }
    for (const e of batch.edit ?? []) {
      const ws = this.find(e.sheet)!;
      for (const c of e.cells ?? []) {
        const cell = ws.getRow(c.row).getCell(c.column);
        if (c.value === null || c.value === "") cell.value = null;
        else writeValue(cell, c.value, textFreeStyle(cell));
      }
      for (const r of [...new Set(e.deleteRows ?? [])].sort((a, b) => b - a)) ws.spliceRows(r, 1);
    }
    for (const a of batch.append) {
      const ws = this.find(a.sheet)!;
      appendRows(ws, a.rows, a.validations ?? []);
      progress?.(++done, total, a.sheet);
    }
  }

  /** Checks the whole batch against the workbook; throws before anything is changed. */
  private plan(batch: WriteBatch): { builds: { spec: SheetSpec; replaces: ExcelJS.Worksheet | null }[] } {
    const fold = (s: string) => s.toLowerCase();
    const claimed = new Set<string>();
    const builds: { spec: SheetSpec; replaces: ExcelJS.Worksheet | null }[] = [];
    for (const x of batch.expect ?? []) {
      const ws = this.find(x.sheet);
      const actual = ws ? lastUsedRow(ws) : 0;
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
      // several appends to one sheet follow each other; only the first one creates it
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
      const row = (r: number) => Number.isInteger(r) && r >= 1 && r <= 1048576;
      for (const c of e.cells ?? []) {
        if (!row(c.row) || !(Number.isInteger(c.column) && c.column >= 1 && c.column <= 16384))
          throw new Error(`${e.sheet}: bad cell to edit at row ${c.row}, column ${c.column}`);
        checkCellValue(e.sheet, c.value);
      }
      for (const r of e.deleteRows ?? []) if (!row(r)) throw new Error(`${e.sheet}: bad row to delete ${r}`);
    }
    this.checkTableNames(builds);
    return { builds };
  }

  /** Excel table names are unique in the whole workbook. */
  private checkTableNames(builds: { spec: SheetSpec; replaces: ExcelJS.Worksheet | null }[]): void {
    const leaving = new Set(builds.map((b) => b.replaces).filter((ws): ws is ExcelJS.Worksheet => ws !== null));
    const names = new Set<string>();
    for (const ws of this.workbook.worksheets)
      if (!leaving.has(ws)) for (const n of Object.keys(tablesOf(ws))) names.add(n.toLowerCase());
    for (const b of builds) {
      const n = b.spec.table?.name;
      if (!n) continue;
      if (names.has(n.toLowerCase())) throw new Error(`an Excel table named ${n} exists already`);
      names.add(n.toLowerCase());
    }
  }

  /** Excel compares sheet names without regard to case. */
  private find(name: string): ExcelJS.Worksheet | undefined {
    const folded = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === folded);
  }

  private temporaryName(): string {
    for (let i = 1; ; i++) {
      const name = `~xlsx-building-${i}`;
      if (!this.find(name)) return name;
    }
  }
}

type Ordered = ExcelJS.Worksheet & { orderNo: number };

/**
 * Gives a table read without <tableStyleInfo> (LibreOffice writes none) the plain style it
 * means: ExcelJS reads such a table but cannot write it back (it reads the missing style's name).
 */
function tablesWithStyle(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    for (const t of Object.values(tablesOf(ws)) as { table?: { style?: unknown } }[])
      if (t.table && !t.table.style)
        t.table.style = {
          theme: null,
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
}

/** Throws on a value that an appended row or an edited cell cannot hold. */
function checkCellValue(sheet: string, v: unknown): void {
  if (v !== null && typeof v !== "string" && typeof v !== "boolean" && !(typeof v === "number" && Number.isFinite(v)))
    throw new Error(`${sheet}: a value of type ${typeof v} cannot be written`);
  if (typeof v === "string" && v.length > 32767) throw new Error(`${sheet}: text longer than 32,767 characters`);
}

function tablesOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
}

/** The last row holding a value (formatted empty rows do not count), 0 for an empty sheet. */
export function lastUsedRow(ws: ExcelJS.Worksheet): number {
  for (let r = ws.rowCount; r >= 1; r--) {
    const row = ws.findRow(r);
    if (!row) continue;
    let used = false;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!used && cellValue(cell) !== null) used = true;
    });
    if (used) return r;
  }
  return 0;
}

/** Adds rows under the last used row, strings as text, with the drop-downs over the new rows. */
function appendRows(
  ws: ExcelJS.Worksheet,
  rows: (string | number | boolean | null)[][],
  validations: { column: number; list: string[] }[],
): void {
  if (rows.length === 0) return;
  const first = lastUsedRow(ws) + 1;
  rows.forEach((row, i) => {
    const xlRow = ws.getRow(first + i);
    row.forEach((v, j) => {
      if (v !== null && v !== "") writeValue(xlRow.getCell(j + 1), v, textFreeStyle(xlRow.getCell(j + 1)));
    });
  });
  const last = first + rows.length - 1;
  const ranges = rangeKeys(validationModel(ws));
  for (const v of validations) {
    // only over rows that no drop-down covers yet (a clerk's own stays the one that applies:
    // Excel refuses overlapping validations), in runs of rows
    let start = 0;
    for (let r = first; r <= last + 1; r++) {
      const free = r <= last && !ranges.some((b) => covers(b, r, v.column));
      if (free && start === 0) start = r;
      if (!free && start !== 0) {
        addListValidation(ws, { top: start, left: v.column, bottom: r - 1, right: v.column }, v.list);
        start = 0;
      }
    }
  }
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

function validationModel(ws: ExcelJS.Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
}

/** Where the sheet's validations are, as blocks (a single-cell key is a one-cell block). */
function rangeKeys(model: ValidationModel): Block[] {
  const out: Block[] = [];
  for (const key of Object.keys(model))
    if (model[key])
      try {
        out.push(parseRange(key));
      } catch {
        // not a range ExcelJS would write either
      }
  return out;
}

const covers = (b: Block, row: number, column: number) =>
  (b.left ?? 1) <= column && column <= (b.right ?? 16384) && (b.top ?? 1) <= row && row <= (b.bottom ?? 1048576);

/** The cell's current style as a fresh object (ExcelJS shares style objects between cells). */
function textFreeStyle(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
}
