// The engine inside Excel: the Office.js adapter (src/excel) behind the same use-cases.
// The only pane module that touches the Office global.
import {
  activateSheet,
  ExcelWorkbook,
  globalOfficeHost,
  loadSheetChoices,
  saveSheetChoices,
  selectCell,
  selfTest,
  type ExcelRun,
} from "../excel";
import type { Engine, SheetMap } from "./engine";
import { createEngine } from "./port-engine";
import { loadUseCases } from "./use-cases";

/** True when the page runs inside Excel (not Word, not a plain browser tab). */
export function insideExcel(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return !!office?.context && office.context.host === office.HostType?.Excel;
}

export async function openExcelEngine(): Promise<Engine> {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const office = globalOfficeHost();
  const port = new ExcelWorkbook(run, office);
  const title = (() => {
    const url = Office.context.document?.url ?? "";
    return decodeURIComponent(url.split(/[\\/]/).pop() ?? "") || "Excel";
  })();
  return createEngine(port, await loadUseCases(), {
    mode: "excel",
    title,
    loadSheetMap: async () => loadSheetChoices(office) as SheetMap,
    saveSheetMap: (map) => saveSheetChoices(office, map as Record<string, string>),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
    activateSheet: (sheet) => activateSheet(run, sheet),
    selfTest: () => selfTest(run, office),
  });
}
