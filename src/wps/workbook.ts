// The WorkbookPort over the WPS 表格 JSAPI: the workbook that was active when the pane opened,
// read sheet by sheet and written in one batch. The calls are synchronous; between blocks of
// rows the port yields, so that the pane can repaint its progress bar.
import type { ProgressReporter, SheetData, WorkbookPort, WriteBatch } from "../workbook/port";
import type { EtApplication, EtWorkbook } from "./et";
import { WpsRefusedError } from "./errors";
import { readSheet, sheetNames } from "./read";
import { writeBatch } from "./write";

/** Gives the pane a turn between long host calls. */
export const yieldToPane = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class WpsWorkbook implements WorkbookPort {
  /** features skipped by the last write because this WPS refused them (plain Chinese) */
  notes: string[] = [];
  /** the workbook's name when the pane bound to it */
  readonly title: string;

  constructor(
    readonly app: EtApplication,
    private readonly wb: EtWorkbook,
    private readonly password?: string,
    private readonly pause: () => Promise<void> = yieldToPane,
  ) {
    this.title = wb.Name;
  }

  /** The port over the active workbook, or a plain message when none is open. */
  static active(app: EtApplication, password?: string, pause?: () => Promise<void>): WpsWorkbook {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new WpsRefusedError("WPS 中没有打开的工作簿。请先打开要抽查的工作簿，再打开本窗格。");
    return new WpsWorkbook(app, wb, password, pause);
  }

  /** The bound workbook, or a plain message when the clerk has closed it since. */
  private book(): EtWorkbook {
    try {
      void this.wb.Name;
      return this.wb;
    } catch {
      throw new WpsRefusedError(`工作簿「${this.title}」已关闭。请重新打开它，再从功能区打开本窗格。`);
    }
  }

  async sheetNames(): Promise<string[]> {
    return sheetNames(this.book());
  }

  async readSheet(name: string): Promise<SheetData> {
    return readSheet(this.app, this.book(), name, this.pause);
  }

  async write(batch: WriteBatch, progress?: ProgressReporter): Promise<void> {
    this.notes = [];
    await writeBatch(
      { app: this.app, wb: this.book(), password: this.password, notes: this.notes, pause: this.pause },
      batch,
      progress,
    );
  }
}
