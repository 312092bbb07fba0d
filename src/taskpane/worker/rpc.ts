// One end of the conversation between the pane's main thread and the engine's worker, the same
// on both sides: each side exposes named objects whose methods the other calls by name, so that
// an Engine method added later passes through with no change here.
import { decodeArgs, decodeError, encodeArgs, encodeError, transferables, type WireError } from "./wire";

/** A Worker, the worker's own global scope, or a MessagePort (tests use Node's). */
export interface Channel {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  start?(): void;
}

export type Message =
  | { kind: "call"; id: number; target: string; method: string; args: unknown[] }
  | { kind: "result"; id: number; ok: true; value: unknown }
  | { kind: "result"; id: number; ok: false; error: WireError }
  | { kind: "callback"; id: number; args: unknown[] }
  | { kind: "event"; name: string; payload: unknown };

type Callback = (...args: unknown[]) => unknown;

/** How often a callback (a progress report) crosses at most; the last report always does. */
const CALLBACK_INTERVAL_MS = 50;

export class Endpoint {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { ok: (v: unknown) => void; fail: (e: Error) => void; callbacks: number[] }
  >();
  private readonly callbacks = new Map<number, Callback>();
  private readonly exposed = new Map<string, object>();
  private readonly events = new Map<string, Set<(payload: unknown) => void>>();

  constructor(private readonly channel: Channel) {
    channel.addEventListener("message", (event) => this.receive(event.data as Message));
    channel.start?.();
  }

  /** Lets the other side call `object`'s methods as `target`. */
  expose(target: string, object: object): void {
    this.exposed.set(target, object);
  }

  /**
   * Calls `method` of the other side's `target`; functions among the arguments are called back.
   * Byte buffers among the arguments, and `transfer`, are moved to the other side, not copied.
   */
  call(target: string, method: string, args: unknown[], transfer: ArrayBuffer[] = []): Promise<unknown> {
    const id = this.nextId++;
    const ids: number[] = [];
    const encoded = encodeArgs(args, (f) => {
      const cb = this.nextId++;
      this.callbacks.set(cb, f);
      ids.push(cb);
      return cb;
    });
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail, callbacks: ids });
      this.post({ kind: "call", id, target, method, args: encoded }, [
        ...new Set([...transferables(args), ...transfer]),
      ]);
    });
  }

  /** Fails every call still waiting (the other side is gone). */
  failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.callbacks.clear();
    for (const w of waiting) w.fail(error);
  }

  emit(name: string, payload: unknown): void {
    this.post({ kind: "event", name, payload });
  }

  on(name: string, listener: (payload: unknown) => void): () => void {
    let set = this.events.get(name);
    if (!set) this.events.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private post(message: Message, transfer: Transferable[] = []): void {
    this.channel.postMessage(message, transfer);
  }

  private receive(message: Message): void {
    switch (message.kind) {
      case "call":
        void this.answer(message);
        return;
      case "result": {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        for (const cb of waiting.callbacks) this.callbacks.delete(cb);
        if (message.ok) waiting.ok(message.value);
        else waiting.fail(decodeError(message.error));
        return;
      }
      case "callback":
        this.callbacks.get(message.id)?.(...message.args);
        return;
      case "event":
        for (const l of this.events.get(message.name) ?? []) l(message.payload);
        return;
    }
  }

  private async answer(message: Extract<Message, { kind: "call" }>): Promise<void> {
    const flushers: (() => void)[] = [];
    try {
      const object = this.exposed.get(message.target) as Record<string, unknown> | undefined;
      const f = object?.[message.method];
      if (typeof f !== "function") throw new Error(`no ${message.target}.${message.method} on the other side`);
      const args = decodeArgs(message.args, (id) => {
        const send = throttled((a) => this.post({ kind: "callback", id, args: a }));
        flushers.push(send.flush);
        return send;
      });
      const value: unknown = await (f as Callback).apply(object, args);
      flushers.forEach((flush) => flush());
      this.post({ kind: "result", id: message.id, ok: true, value }, transferables(value));
    } catch (e) {
      flushers.forEach((flush) => flush());
      this.post({ kind: "result", id: message.id, ok: false, error: encodeError(e) });
    }
  }
}

/**
 * A callback that crosses at most every CALLBACK_INTERVAL_MS: a write reports each of 20,000 rows,
 * and painting 20 reports a second is as smooth as painting all. The latest report is kept and
 * sent when the interval ends; a report of done = total (the end of a step) is sent at once.
 */
function throttled(send: (args: unknown[]) => void): ((...args: unknown[]) => void) & { flush(): void } {
  let last = 0;
  let waiting: unknown[] | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting) {
      const args = waiting;
      waiting = null;
      last = Date.now();
      send(args);
    }
  };
  const f = (...args: unknown[]) => {
    waiting = args;
    const finished = typeof args[0] === "number" && args[0] === args[1];
    if (finished || Date.now() - last >= CALLBACK_INTERVAL_MS) flush();
    else timer ??= setTimeout(flush, CALLBACK_INTERVAL_MS - (Date.now() - last));
  };
  return Object.assign(f, { flush });
}
