// The WorkbookPort over Office.js: the only module the pane needs to read and write a workbook.
// Every call first checks the host (one plain message below ExcelApi 1.7, before anything is
// read), and every Office.js error reaches the pane in Chinese.
import type { ProgressReporter, SheetData, WorkbookPort, WriteBatch } from "../workbook/port";
import { checkHost, globalOfficeHost, type OfficeHost } from "./capabilities";
import { completeDeferred } from "./deferred";
import { asHostError } from "./errors";
import { readSheet, sheetNames } from "./read";
import { SYNC_TIMEOUT_MS, timed, type ExcelRun } from "./run";
import { writeBatch } from "./write";

export interface ExcelWorkbookOptions {
  /** sheet protection password (ExcelApi 1.7) */
  password?: string;
  /** how long one sync may take before the write gives up and says so */
  syncTimeoutMs?: number;
  /** pause before the undo of a failed write retries a step */
  retryPauseMs?: number;
}

export class ExcelWorkbook implements WorkbookPort {
  /** what the last write skipped or changed because of the host or Excel's limits (plain Chinese) */
  notes: string[] = [];
  /** told the notes after each write and after start-up work (the pane shows them) */
  onNotes?: (notes: string[]) => void;
  private readonly run: ExcelRun;
  private readonly options: ExcelWorkbookOptions;

  constructor(
    run: ExcelRun,
    private readonly office: OfficeHost | null = globalOfficeHost(),
    options: string | ExcelWorkbookOptions = {},
  ) {
    this.options = typeof options === "string" ? { password: options } : options;
    this.run = timed(run, this.options.syncTimeoutMs ?? SYNC_TIMEOUT_MS);
  }

  async sheetNames(): Promise<string[]> {
    checkHost(this.office);
    return guard(() => sheetNames(this.run));
  }

  async readSheet(name: string): Promise<SheetData> {
    checkHost(this.office);
    return guard(() => readSheet(this.run, name));
  }

  async write(batch: WriteBatch, progress?: ProgressReporter): Promise<void> {
    this.notes = [];
    const notes: string[] = [];
    await guard(() =>
      writeBatch(
        this.run,
        batch,
        { office: this.office, password: this.options.password, notes, retryPauseMs: this.options.retryPauseMs },
        progress,
      ),
    );
    this.notes = notes;
    this.onNotes?.(notes);
  }

  /**
   * Start-up work on a host that can do more than the one that last wrote: drop-downs deferred
   * on ExcelApi 1.7 are added now. Returns what was done, in words for the pane; never throws.
   */
  async completeDeferred(): Promise<string[]> {
    try {
      checkHost(this.office);
      return await completeDeferred(this.run, this.office, this.options.password);
    } catch {
      return [];
    }
  }
}

async function guard<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw asHostError(e);
  }
}
