// The worker's side: the engine (the use-cases of src/workbook/usecases) runs here, over either
// the whole .xlsx (file mode: ExcelJS lives in the worker) or a port whose sheetNames/readSheet/
// write are messages answered by the main thread's Excel adapter (Office.js runs only there).
// Every Engine method is served by name, so methods added to port-engine.ts pass through.
import type { Engine } from "../engine";
import type { HostHooks, UseCases } from "../port-engine";
import type { ProgressReporter, WorkbookPort, WriteBatch } from "../../workbook/port";
import type { Activity } from "./activity";
import { Endpoint, type Channel } from "./rpc";

/** Open the engine on a file whose bytes are transferred to the worker. */
export interface BootFile {
  kind: "file";
  bytes: ArrayBuffer;
  fileName: string;
}

/** Open the engine on the main thread's port and host hooks (Excel), named by their methods. */
export interface BootRemote {
  kind: "remote";
  mode: Engine["mode"];
  title: string;
  hooks: string[];
}

export type Boot = BootFile | BootRemote;

/** What the main thread learns: the engine's data fields and the names of its methods. */
export interface Booted {
  mode: Engine["mode"];
  title: string;
  methods: string[];
}

/** What the worker needs loaded; injected so that a test can run this in Node. */
export interface EngineLoaders {
  useCases(): Promise<UseCases>;
  createEngine(port: WorkbookPort, useCases: UseCases, host: HostHooks): Engine;
  openFile(bytes: ArrayBuffer, fileName: string, observe: (port: WorkbookPort) => WorkbookPort): Promise<Engine>;
}

/** Minimum time between two reports of the same step (the step's changes cross at once). */
const ACTIVITY_INTERVAL_MS = 50;

export function serveEngine(channel: Channel, load: EngineLoaders): Endpoint {
  const endpoint = new Endpoint(channel);
  let method: string | undefined;
  let lastStep: Activity["step"] | null = null;
  let lastSent = 0;
  const report = (a: Activity) => {
    const t = Date.now();
    const finished = a.done !== undefined && a.done === a.total;
    if (a.step === lastStep && !finished && t - lastSent < ACTIVITY_INTERVAL_MS) return;
    lastStep = a.step;
    lastSent = t;
    endpoint.emit("activity", a);
  };

  // each read and write of the port is reported: the steps a clerk waits for
  const observe = (port: WorkbookPort): WorkbookPort => ({
    sheetNames: () => port.sheetNames(),
    async readSheet(name: string) {
      report({ step: "read", method, sheet: name });
      try {
        return await port.readSheet(name);
      } finally {
        report({ step: "compute", method });
      }
    },
    async write(batch: WriteBatch, progress?: ProgressReporter) {
      report({ step: "write", method });
      await port.write(batch, (done, total, label) => {
        report({ step: "write", method, done, total });
        progress?.(done, total, label);
      });
      report({ step: "compute", method });
    },
  });

  const serve = (engine: Engine): Booted => {
    const methods = methodNames(engine);
    const served: Record<string, (...args: unknown[]) => unknown> = {};
    for (const name of methods)
      served[name] = (...args: unknown[]) => {
        method = name;
        report({ step: name === "saveCopy" ? "download" : "compute", method });
        return (engine as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...args);
      };
    endpoint.expose("engine", served);
    engine.onWrite(() => endpoint.emit("wrote", null));
    return { mode: engine.mode, title: engine.title, methods };
  };

  endpoint.expose("boot", {
    async open(boot: Boot): Promise<Booted> {
      if (boot.kind === "file") {
        method = "open";
        report({ step: "open", method });
        return serve(await load.openFile(boot.bytes, boot.fileName, observe));
      }
      const port: WorkbookPort = {
        sheetNames: () => endpoint.call("port", "sheetNames", []) as Promise<string[]>,
        readSheet: (name) => endpoint.call("port", "readSheet", [name]) as ReturnType<WorkbookPort["readSheet"]>,
        write: (batch, progress) =>
          endpoint.call("port", "write", progress ? [batch, progress] : [batch]) as Promise<void>,
      };
      const host = { mode: boot.mode, title: boot.title } as HostHooks & Record<string, unknown>;
      for (const name of boot.hooks) host[name] = (...args: unknown[]) => endpoint.call("host", name, args);
      return serve(load.createEngine(observe(port), await load.useCases(), host));
    },
  });
  endpoint.emit("ready", null);
  return endpoint;
}

/** The methods of an engine: its own functions and, were it a class instance, its prototypes'. */
function methodNames(engine: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = engine; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null)
    for (const k of Object.getOwnPropertyNames(o))
      if (k !== "constructor" && typeof (engine as Record<string, unknown>)[k] === "function") names.add(k);
  return [...names];
}
