// Entry of the engine's Web Worker (webpack entry "engine-worker"): the use-cases run here, off
// the pane's main thread, so that the pane keeps painting while 20,000 targets are checked and drawn.
// ExcelJS is loaded (its own chunk) only when a file is opened: inside Excel the worker never needs it.
import { WorkbookChangedError } from "../../workbook/port";
import * as useCases from "../../workbook/usecases";
import { createEngine } from "../port-engine";
import { serveEngine } from "./serve";
import type { Channel } from "./rpc";
import { rebuildAs } from "./wire";

// errors the main thread's Excel adapter throws, rebuilt as the use-cases expect them
rebuildAs("WorkbookChangedError", WorkbookChangedError);

serveEngine(self as unknown as Channel, {
  useCases: async () => useCases,
  createEngine,
  async openFile(bytes, fileName, observe) {
    const { openFileEngine } = await import(/* webpackChunkName: "xlsx" */ "../file-host");
    return openFileEngine(bytes, fileName, observe);
  },
});
