// The main thread's side of the engine worker: starts it, hands it the opened file's bytes or
// this thread's workbook port and host hooks (Excel: Office.js runs only here), and gives the pane
// an Engine whose every method is a message to the worker, by the names the worker reports.
import type { Engine } from "../engine";
import type { HostHooks } from "../port-engine";
import type { WorkbookPort } from "../../workbook/port";
import { reportActivity, type Activity } from "./activity";
import { Endpoint, type Channel } from "./rpc";
import type { Boot, Booted } from "./serve";

declare const __webpack_public_path__: string | undefined;

/** The worker script, beside taskpane.js (webpack entry "engine-worker"). */
function workerUrl(): string {
  const base =
    typeof __webpack_public_path__ === "string" && __webpack_public_path__ !== ""
      ? new URL(__webpack_public_path__, document.baseURI).href
      : document.baseURI;
  return new URL("engine-worker.js", base).href;
}

/** How long the worker may take to load before the pane does without it (a slow intranet server). */
const START_TIMEOUT_MS = 30_000;

const CRASHED =
  "后台计算意外停止（可能是内存不足）。请关闭并重新打开任务窗格（文件模式：重新打开文件）后再试。 / " +
  "The engine's worker stopped unexpectedly (out of memory?). Close and reopen the pane, then try again.";

export interface EngineWorker {
  endpoint: Endpoint;
  terminate(): void;
}

/** Starts the worker and waits for its first word; null when this browser cannot run it. */
export async function startWorker(): Promise<EngineWorker | null> {
  if (typeof Worker === "undefined") return null;
  let worker: Worker;
  try {
    worker = new Worker(workerUrl());
  } catch {
    return null; // refused (an old web view, a policy): the engine runs on this thread
  }
  const endpoint = new Endpoint(worker as unknown as Channel);
  const started = await new Promise<boolean>((ok) => {
    const timer = setTimeout(() => ok(false), START_TIMEOUT_MS);
    const off = endpoint.on("ready", () => {
      clearTimeout(timer);
      off();
      ok(true);
    });
    worker.addEventListener("error", () => {
      clearTimeout(timer);
      ok(false);
    });
  });
  if (!started) {
    worker.terminate();
    return null;
  }
  // once started, a worker that dies (out of memory) fails what waits on it, with a plain message
  worker.addEventListener("error", (e) => {
    e.preventDefault();
    endpoint.failAll(new Error(CRASHED));
  });
  return { endpoint, terminate: () => worker.terminate() };
}

/** The pane's Engine over a booted worker: its methods by name, onWrite from the worker's events. */
export async function connectEngine(endpoint: Endpoint, boot: Boot): Promise<Engine> {
  // listening first: opening the file is a step the pane paints too
  endpoint.on("activity", (a) => reportActivity(a as Activity));
  const listeners = new Set<() => void>();
  endpoint.on("wrote", () => listeners.forEach((l) => l()));
  const transfer = boot.kind === "file" ? [boot.bytes] : [];
  const booted = (await endpoint.call("boot", "open", [boot], transfer)) as Booted;
  const engine: Record<string, unknown> = {
    mode: booted.mode,
    title: booted.title,
    onWrite(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  for (const name of booted.methods)
    if (!(name in engine)) engine[name] = (...args: unknown[]) => endpoint.call("engine", name, args);
  return engine as unknown as Engine;
}

/** Lets the worker call this thread's port and host hooks (each hook by its name). */
export function servePort(endpoint: Endpoint, port: WorkbookPort, hooks: HostHooks): Boot {
  endpoint.expose("port", port);
  endpoint.expose("host", hooks);
  const names = Object.keys(hooks).filter(
    (k) => typeof (hooks as unknown as Record<string, unknown>)[k] === "function",
  );
  return { kind: "remote", mode: hooks.mode, title: hooks.title, hooks: names };
}

let fileWorker: EngineWorker | null = null;

/**
 * File mode: the whole workbook in a worker, the bytes transferred (not copied). Null when no
 * worker can start (the caller then opens the file on this thread). The previous file's worker
 * is ended once the new file has opened.
 */
export async function openFileInWorker(bytes: ArrayBuffer, fileName: string): Promise<Engine | null> {
  const worker = await startWorker();
  if (!worker) return null;
  try {
    const engine = await connectEngine(worker.endpoint, { kind: "file", bytes, fileName });
    fileWorker?.terminate();
    fileWorker = worker;
    return engine;
  } catch (e) {
    worker.terminate();
    throw e;
  }
}

/** Excel: the use-cases in a worker over this thread's port. Null when no worker can start. */
export async function openPortInWorker(port: WorkbookPort, hooks: HostHooks): Promise<Engine | null> {
  const worker = await startWorker();
  if (!worker) return null;
  try {
    return await connectEngine(worker.endpoint, servePort(worker.endpoint, port, hooks));
  } catch (e) {
    worker.terminate();
    throw e;
  }
}
