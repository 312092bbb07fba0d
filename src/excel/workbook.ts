// The WorkbookPort over Office.js: the only module the pane needs to read and write a workbook.
import type { ProgressReporter, SheetData, WorkbookPort, WriteBatch } from "../workbook/port";
import { globalOfficeHost, type OfficeHost } from "./capabilities";
import { readSheet, sheetNames } from "./read";
import type { ExcelRun } from "./run";
import { writeBatch } from "./write";

export class ExcelWorkbook implements WorkbookPort {
  /** features skipped by the last write because the host lacks them (plain Chinese) */
  notes: string[] = [];

  constructor(
    private readonly run: ExcelRun,
    private readonly office: OfficeHost | null = globalOfficeHost(),
    private readonly password?: string,
  ) {}

  sheetNames(): Promise<string[]> {
    return sheetNames(this.run);
  }

  readSheet(name: string): Promise<SheetData> {
    return readSheet(this.run, name);
  }

  async write(batch: WriteBatch, progress?: ProgressReporter): Promise<void> {
    this.notes = [];
    await writeBatch(this.run, batch, { office: this.office, password: this.password, notes: this.notes }, progress);
  }
}
