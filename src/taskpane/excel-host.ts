// The engine inside Excel: the Office.js adapter (src/excel) behind the same use-cases.
// The only pane module that touches the Office and Excel globals.
import {
  activateSheet,
  capabilities,
  ExcelWorkbook,
  globalOfficeHost,
  loadSheetChoices,
  missingSetMessage,
  REQUIRED_SET,
  saveSheetChoices,
  selectCell,
  selfTest,
  SYNC_TIMEOUT_MS,
  timed,
  type ExcelRun,
  type OfficeHost,
} from "../excel";
import type { Engine, SheetMap } from "./engine";
import { notesFeed, type Note } from "./notes";
import { createEngine, type HostHooks } from "./port-engine";
import { loadUseCases } from "./use-cases";
import { openPortInWorker } from "./worker/client";

/** True when the page runs inside Excel (not Word, not a plain browser tab). */
export function insideExcel(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return !!office?.context && office.context.host === office.HostType?.Excel;
}

/** The part of the Excel namespace the pane uses: `Excel.run` with RunOptions. */
export interface ExcelNamespace {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Every batch waits while the clerk is still typing in a cell (delayForCellEdit) instead of
 * failing at once; a host that ignores the option still fails, with the adapter's plain message.
 */
export function excelRun(excel: ExcelNamespace): ExcelRun {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}

export interface ExcelHostDeps {
  excel: ExcelNamespace;
  office: OfficeHost | null;
  /** the workbook's name, for the pane's title */
  title: string;
}

function pageDeps(): ExcelHostDeps {
  const url = Office.context.document?.url ?? "";
  return {
    excel: Excel,
    office: globalOfficeHost(),
    title: decodeURIComponent(url.split(/[\\/]/).pop() ?? "") || "Excel",
  };
}

const asNotes = (texts: string[], intent: Note["intent"]): Note[] => texts.map((text) => ({ text, intent }));

export async function openExcelEngine(deps: ExcelHostDeps = pageDeps()): Promise<Engine> {
  // timed here too, so that the self-test exercises the same run as the draws
  const run = timed(excelRun(deps.excel), SYNC_TIMEOUT_MS);
  const office = deps.office;
  const port = new ExcelWorkbook(run, office);
  const notes = notesFeed();
  port.onNotes = (texts) => notes.publish(asNotes(texts, "warning"));
  const hooks: HostHooks = {
    mode: "excel",
    title: deps.title,
    loadSheetMap: async () => loadSheetChoices(office) as SheetMap,
    saveSheetMap: (map) => saveSheetChoices(office, map as Record<string, string>),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
    activateSheet: (sheet) => activateSheet(run, sheet),
    selfTest: () => selfTest(run, office),
  };
  // the use-cases compute in the engine's worker, whose port asks this thread's adapter (Office.js
  // runs only here); on this thread too where no worker can start
  const engine = (await openPortInWorker(port, hooks)) ?? createEngine(port, await loadUseCases(), hooks);
  // One plain message on a host that cannot read at all (Office 2016 volume-licensed and the like);
  // otherwise, what an older Excel left undone is finished now (drop-downs on ExcelApi 1.8+), in
  // the background: a clerk typing in a cell must not keep the pane from opening.
  if (!capabilities(office).supports(REQUIRED_SET.base))
    notes.publish(asNotes([missingSetMessage("读取和写入工作表", REQUIRED_SET.base)], "error"));
  else void port.completeDeferred().then((texts) => notes.add(asNotes(texts, "info")));
  return { ...engine, notes };
}
