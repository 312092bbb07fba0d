// The engine in browser file mode: a .xlsx opened from disk, read and written part by part as the
// command line does (XlsxWorkbook.open: every part a write does not touch is downloaded as it
// came; ExcelJS only for a file that reader does not take and for edits of existing cells). Runs
// in the engine's worker (worker/engine.worker.ts), or on the
// main thread when no worker can start; loaded only by dynamic import (its own chunk), so the
// pane inside Excel never downloads ExcelJS.
import type { WorkbookPort } from "../workbook/port";
import { XlsxWorkbook } from "../workbook/xlsx";
import type { Engine, SheetMap } from "./engine";
import { createEngine } from "./port-engine";
import { loadUseCases } from "./use-cases";

/** The name offered for the download: the opened file's name with -结果 before .xlsx. */
export function resultFileName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, "") + "-结果.xlsx";
}

/** `observe` wraps the workbook's port (the worker reports each read and write as progress). */
export async function openFileEngine(
  bytes: ArrayBuffer,
  fileName: string,
  observe: (port: WorkbookPort) => WorkbookPort = (port) => port,
): Promise<Engine> {
  const [workbook, useCases] = await Promise.all([XlsxWorkbook.open(bytes), loadUseCases()]);
  let sheetMap: SheetMap = {};
  return createEngine(observe(workbook), useCases, {
    mode: "file",
    title: fileName,
    loadSheetMap: async () => sheetMap,
    saveSheetMap: async (map) => void (sheetMap = map),
    // no workbook window to move in: the pane shows the address instead
    selectCell: async () => undefined,
    activateSheet: async () => undefined,
    selfTest: async () => ({
      checks: [{ name: "ExcelJS", ok: true, detail: `${(await workbook.sheetNames()).length} sheets` }],
      host: "browser",
      platform: typeof navigator === "undefined" ? "" : navigator.userAgent,
      excelApi: [],
    }),
    saveCopy: async () => ({ name: resultFileName(fileName), bytes: await workbook.toBuffer() }),
  });
}
