// The engine inside WPS 表格: the WPS adapter behind the same use-cases as in Excel and in file
// mode. The only pane module that touches window.Application. What WPS refused during a write
// (a drop-down, a chart, a page break) comes back as warnings of the use-case's own report, so
// the pane shows it where it shows the use-case's other warnings.
import { issue, type Issue, type Lang } from "../core/issues/issue";
import type { Engine, SheetMap } from "../taskpane/engine";
import { createEngine, type HostHooks, type UseCases } from "../taskpane/port-engine";
import type { WorkbookPort } from "../workbook/port";
import type { EtApplication } from "./et";
import { findSheet } from "./read";
import { wpsSelfTest } from "./self-test";
import { loadSheetChoices, saveSheetChoices } from "./sheet-choices";
import { WpsWorkbook, yieldToPane } from "./workbook";

export interface WpsEngineOptions {
  /** the password the software's own sheets are protected with, if any */
  password?: string;
  pause?: () => Promise<void>;
  platform?: string;
}

/** Notes of the port's last write as warnings, in the clerk's language. */
function withNotes<T extends { warnings: Issue[] }>(out: T, notes: string[], lang: Lang): T {
  if (notes.length === 0) return out;
  return {
    ...out,
    warnings: [...out.warnings, ...notes.map((note) => issue("host_feature_skipped", {}, { note }, lang))],
  };
}

/** The WPS adapter over the active workbook and the host hooks the engine needs from this thread. */
export function wpsHost(app: EtApplication, options: WpsEngineOptions = {}): { port: WpsWorkbook; hooks: HostHooks } {
  const pause = options.pause ?? yieldToPane;
  const port = WpsWorkbook.active(app, options.password, pause);
  const wb = app.ActiveWorkbook!;
  const hooks: HostHooks = {
    // "excel": the pane works on the open workbook (cells selectable, no file bar), as in Excel
    mode: "excel",
    title: port.title,
    loadSheetMap: async () => loadSheetChoices(wb) as SheetMap,
    saveSheetMap: async (map) => saveSheetChoices(wb, map as Record<string, string>),
    selectCell: async (sheet, cell) => {
      const ws = findSheet(wb, sheet);
      if (!ws) return;
      ws.Activate();
      ws.Range(cell).Select();
    },
    activateSheet: async (sheet) => void findSheet(wb, sheet)?.Activate(),
    selfTest: () => wpsSelfTest(app, wb, pause, options.platform ?? ""),
  };
  return { port, hooks };
}

/**
 * The engine with what WPS refused during its last write as warnings of the report. The port's
 * notes are this thread's: the use-cases may run in the worker, the adapter always runs here.
 */
export function withWpsNotes(engine: Engine, port: WpsWorkbook): Engine {
  const fresh = () => (port.notes = []);
  return {
    ...engine,
    async runDraw(request, progress) {
      fresh();
      return withNotes(await engine.runDraw(request, progress), port.notes, request.lang);
    },
    async writeChecklists(o, progress) {
      fresh();
      return withNotes(await engine.writeChecklists(o, progress), port.notes, o.lang);
    },
    async buildPublicity(o, progress) {
      fresh();
      return withNotes(await engine.buildPublicity(o, progress), port.notes, o.lang);
    },
  };
}

/** The engine on this thread over the WPS adapter. */
export function createWpsEngine(app: EtApplication, useCases: UseCases, options: WpsEngineOptions = {}): Engine {
  const { port, hooks } = wpsHost(app, options);
  return withWpsNotes(createEngine(port, useCases, hooks), port);
}

/** Makes the engine over a port and hooks of this thread: in the worker, or on this thread. */
export type EngineMaker = (port: WorkbookPort, hooks: HostHooks) => Promise<Engine>;

/** The engine over the WPS adapter, made by `make` (openWpsEngine: in the engine's worker). */
export async function wpsEngineOver(app: EtApplication, make: EngineMaker, options: WpsEngineOptions = {}) {
  const { port, hooks } = wpsHost(app, options);
  return withWpsNotes(await make(port, hooks), port);
}

/**
 * The engine over the active workbook, or null when WPS has none open (the pane says so). The
 * use-cases compute in the engine's worker, as in Excel; WPS's object model, which exists only on
 * this thread, answers the worker's reads and writes here. Without a worker, all runs here.
 */
export async function openWpsEngine(app: EtApplication): Promise<Engine | null> {
  if (!app.ActiveWorkbook) return null;
  const { loadUseCases } = await import("../taskpane/use-cases");
  const { openPortInWorker } = await import("../taskpane/worker/client");
  // offline mode runs the add-in from a local folder (file:), where the browser starts no worker
  const local = location.protocol === "file:";
  return wpsEngineOver(
    app,
    async (port, hooks) =>
      (local ? null : await openPortInWorker(port, hooks)) ?? createEngine(port, await loadUseCases(), hooks),
    { platform: navigator.userAgent },
  );
}
