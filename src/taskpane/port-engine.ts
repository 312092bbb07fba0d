// Makes an Engine from a workbook port, the use-cases and the host's own abilities, so that the
// Excel add-in and the browser file mode run the very same use-cases.
import type { ProgressReporter, WorkbookPort, WriteBatch } from "../workbook/port";
import type {
  CheckSummary,
  DrawListing,
  DrawPreview,
  DrawRequest,
  DrawSummary,
  Engine,
  EngineOptions,
  Outcome,
  Progress,
  SelfTestReport,
  SheetMap,
  VerifySummary,
} from "./engine";

/** The use-cases of src/workbook/usecases, as the pane calls them. */
export interface UseCases {
  checkBook(port: WorkbookPort, options: EngineOptions): Promise<CheckSummary>;
  previewDraw(
    port: WorkbookPort,
    options: EngineOptions & { taskId: string; date?: string },
  ): Promise<Outcome<DrawPreview>>;
  runDraw(port: WorkbookPort, options: DrawRequest): Promise<Outcome<DrawSummary>>;
  verifyDraws(port: WorkbookPort, options: EngineOptions & { sheet?: string }): Promise<VerifySummary>;
  listDraws(port: WorkbookPort, options: EngineOptions): Promise<DrawListing[]>;
  writeChecklists?(
    port: WorkbookPort,
    options: EngineOptions & { drawSheet: string },
  ): Promise<Outcome<{ sheets: string[] }>>;
  buildPublicity?(
    port: WorkbookPort,
    options: EngineOptions & { taskId: string; today?: string },
  ): Promise<Outcome<{ sheet: string }>>;
}

/** What only the host can do: Excel selects cells and keeps settings; file mode downloads. */
export interface HostHooks {
  mode: Engine["mode"];
  title: string;
  loadSheetMap(): Promise<SheetMap>;
  saveSheetMap(map: SheetMap): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
  selfTest(): Promise<SelfTestReport>;
  saveCopy?(): Promise<{ name: string; bytes: Uint8Array }>;
}

export function createEngine(port: WorkbookPort, useCases: UseCases, host: HostHooks): Engine {
  // the use-cases write through port.write(batch) without a progress callback; the pane's
  // progress bar is attached here, for the duration of one draw
  let progress: ProgressReporter | undefined;
  const tracked: WorkbookPort = {
    sheetNames: () => port.sheetNames(),
    readSheet: (name) => port.readSheet(name),
    write: (batch: WriteBatch, p?: ProgressReporter) => port.write(batch, p ?? progress),
  };
  const { writeChecklists, buildPublicity } = useCases;
  return {
    mode: host.mode,
    title: host.title,
    sheetNames: () => port.sheetNames(),
    loadSheetMap: () => host.loadSheetMap(),
    saveSheetMap: (map) => host.saveSheetMap(map),
    check: (options) => useCases.checkBook(tracked, options),
    previewDraw: (options) => useCases.previewDraw(tracked, options),
    async runDraw(request: DrawRequest, onProgress?: Progress) {
      progress = onProgress;
      try {
        return await useCases.runDraw(tracked, request);
      } finally {
        progress = undefined;
      }
    },
    verifyDraws: (options) => useCases.verifyDraws(tracked, options),
    listDraws: (options) => useCases.listDraws(tracked, options),
    selectCell: (sheet, cell) => host.selectCell(sheet, cell),
    activateSheet: (sheet) => host.activateSheet(sheet),
    selfTest: () => host.selfTest(),
    writeChecklists: writeChecklists && ((options) => writeChecklists(tracked, options)),
    buildPublicity: buildPublicity && ((options) => buildPublicity(tracked, options)),
    saveCopy: host.saveCopy && (() => host.saveCopy!()),
  };
}
