// Makes an Engine from a workbook port, the use-cases and the host's own abilities, so that the
// Excel add-in and the browser file mode run the very same use-cases.
import type * as UseCaseModule from "../workbook/usecases";
import type { ProgressReporter, WorkbookPort, WriteBatch } from "../workbook/port";
import { readListFile } from "../workbook/list-file";
import type { DrawRequest, Engine, Progress, SelfTestReport, SheetMap } from "./engine";
import { previewOf } from "./pane-logic";

/** The use-cases of src/workbook/usecases that the pane calls, with their own signatures. */
export type UseCases = Pick<
  typeof UseCaseModule,
  | "checkBook"
  | "previewDraw"
  | "runDraw"
  | "runFreeze"
  | "describeDraw"
  | "runVoid"
  | "runSubstitute"
  | "verifyDraws"
  | "listDraws"
  | "runChecklists"
  | "runPublicity"
  | "runPapers"
  | "runYear"
  | "runNationalExport"
  | "splitTaskErrors"
  | "runImport"
>;

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
  // runDraw writes through port.write(batch) without a progress callback; the pane's progress
  // bar is attached here, for the duration of one draw
  let progress: ProgressReporter | undefined;
  const listeners = new Set<() => void>();
  // every sheet a use-case wrote, for the file bar's previews before the download
  const written = new Set<string>();
  const tracked: WorkbookPort = {
    sheetNames: () => port.sheetNames(),
    readSheet: (name) => port.readSheet(name),
    async write(batch: WriteBatch, p?: ProgressReporter) {
      await port.write(batch, p ?? progress);
      for (const s of [...batch.create, ...batch.replace]) written.add(s.name);
      for (const s of [...(batch.edit ?? []), ...batch.append]) written.add(s.sheet);
      for (const l of listeners) l();
    },
  };
  const withProgress = async <T>(onProgress: Progress | undefined, f: () => Promise<T>): Promise<T> => {
    progress = onProgress;
    try {
      return await f();
    } finally {
      progress = undefined;
    }
  };
  return {
    mode: host.mode,
    title: host.title,
    sheetNames: () => port.sheetNames(),
    loadSheetMap: () => host.loadSheetMap(),
    saveSheetMap: (map) => host.saveSheetMap(map),
    check: (options) => useCases.checkBook(tracked, options),
    previewDraw: (options) => useCases.previewDraw(tracked, options),
    runDraw: (request: DrawRequest, onProgress?: Progress) =>
      withProgress(onProgress, () => useCases.runDraw(tracked, request)),
    freeze: (request, onProgress) => withProgress(onProgress, () => useCases.runFreeze(tracked, request)),
    describeDraw: ({ drawSheet, ...options }) => useCases.describeDraw(tracked, { ...options, draw: drawSheet }),
    voidDraw: ({ drawSheet, ...options }) => useCases.runVoid(tracked, { ...options, draw: drawSheet }),
    substitute: ({ drawSheet, ...options }) => useCases.runSubstitute(tracked, { ...options, draw: drawSheet }),
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    verifyDraws: (options) => useCases.verifyDraws(tracked, options),
    listDraws: (options) => useCases.listDraws(tracked, options),
    writeChecklists: ({ drawSheet, ...options }, onProgress) =>
      useCases.runChecklists(tracked, { ...options, draw: drawSheet, progress: onProgress }),
    async buildPublicity(options, onProgress) {
      return useCases.runPublicity(tracked, { ...options, write: true, progress: onProgress });
    },
    writePapers: ({ drawSheet, ...options }, onProgress) =>
      useCases.runPapers(tracked, { ...options, draw: drawSheet, progress: onProgress }),
    runYear: (request) => useCases.runYear(tracked, { ...request, write: true }),
    nationalExport: (options) => useCases.runNationalExport(tracked, { ...options, write: true }),
    splitTaskErrors: (options) => useCases.splitTaskErrors(tracked, options),
    async importList({ file, sheet, ...options }) {
      const list = await readListFile(file, sheet, options.lang ?? "zh");
      if ("code" in list) return { ok: false, errors: [list], warnings: [] };
      return useCases.runImport(tracked, { ...options, list });
    },
    async previewSheet({ sheet, rows }) {
      const names = await port.sheetNames();
      return names.includes(sheet) ? previewOf(await port.readSheet(sheet), rows) : null;
    },
    writtenSheets: async () => [...written],
    selectCell: (sheet, cell) => host.selectCell(sheet, cell),
    activateSheet: (sheet) => host.activateSheet(sheet),
    selfTest: () => host.selfTest(),
    saveCopy: host.saveCopy && (() => host.saveCopy!()),
  };
}
