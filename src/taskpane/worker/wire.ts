// What crosses between the pane's main thread and the engine's worker: plain data as the
// structured clone algorithm copies it (Date cells and {error} cells included), errors as plain
// records rebuilt on the other side, callbacks as ids, and byte buffers transferred, not copied.

/** An error as sent: custom Error subclasses do not survive structured clone, their fields do. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
  /** the error's own fields (code, params, texts, sheet, expected, actual, leftovers, …) */
  fields: Record<string, unknown>;
  cause?: WireError;
}

const SKIP = new Set(["name", "message", "stack", "cause"]);

/** A field value as data, or undefined when it cannot be sent (functions, class instances with cycles). */
function asData(value: unknown): unknown {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return value;
  if (typeof value !== "object") return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return undefined;
  }
}

export function encodeError(e: unknown, depth = 0): WireError {
  if (!(e instanceof Error) && (typeof e !== "object" || e === null || typeof (e as Error).message !== "string"))
    return { name: "Error", message: String(e), fields: {} };
  const err = e as Error & Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(err)) {
    if (SKIP.has(key)) continue;
    const v = asData(err[key]);
    if (v !== undefined) fields[key] = v;
  }
  // a code kept as a getter (RollbackIncompleteError) is no own field
  if (!("code" in fields) && err.code !== undefined) {
    const code = asData(err.code);
    if (code !== undefined) fields.code = code;
  }
  const out: WireError = { name: String(err.name || "Error"), message: String(err.message), fields };
  if (typeof err.stack === "string") out.stack = err.stack;
  if (err.cause !== undefined && depth < 4) out.cause = encodeError(err.cause, depth + 1);
  return out;
}

/** Classes to rebuild by name on this side (so that `instanceof` holds where a use-case asks). */
const prototypes = new Map<string, object>();

export function rebuildAs(name: string, cls: { prototype: object }): void {
  prototypes.set(name, cls.prototype);
}

export function decodeError(w: WireError): Error {
  const proto = prototypes.get(w.name);
  const err = (proto ? Object.create(proto) : new Error(w.message)) as Error & Record<string, unknown>;
  Object.defineProperty(err, "message", { value: w.message, writable: true, configurable: true });
  Object.defineProperty(err, "name", { value: w.name, writable: true, configurable: true });
  for (const [k, v] of Object.entries(w.fields)) {
    // a getter of the rebuilt class (e.g. `code`) keeps its own meaning
    const d = proto && findDescriptor(proto, k);
    if (d && !d.writable && !d.set) continue;
    err[k] = v;
  }
  if (w.cause) Object.defineProperty(err, "cause", { value: decodeError(w.cause), writable: true, configurable: true });
  Object.defineProperty(err, "stack", {
    value: `${w.name}: ${w.message}\n    (from the other side of the engine worker)\n${w.stack ?? ""}`,
    writable: true,
    configurable: true,
  });
  return err;
}

function findDescriptor(proto: object | null, key: string): PropertyDescriptor | undefined {
  for (let p = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return d;
  }
  return undefined;
}

/** A function passed as an argument, sent as this placeholder and called back by id. */
export interface WireCallback {
  __callback: number;
}

export const isWireCallback = (v: unknown): v is WireCallback =>
  typeof v === "object" && v !== null && typeof (v as WireCallback).__callback === "number";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Replaces the functions among `args` and their direct fields (the `progress` of an options
 * object) by callback placeholders. Deeper values are not walked: a write batch holds a
 * hundred thousand cells, and none of them is a function.
 */
export function encodeArgs(args: unknown[], register: (f: (...a: unknown[]) => unknown) => number): unknown[] {
  return args.map((a) => {
    if (typeof a === "function") return { __callback: register(a as (...x: unknown[]) => unknown) };
    if (!isPlainObject(a)) return a;
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(a))
      if (typeof v === "function") {
        copy ??= { ...a };
        copy[k] = { __callback: register(v as (...x: unknown[]) => unknown) };
      }
    return copy ?? a;
  });
}

export function decodeArgs(args: unknown[], make: (id: number) => (...a: unknown[]) => void): unknown[] {
  return args.map((a) => {
    if (isWireCallback(a)) return make(a.__callback);
    if (!isPlainObject(a)) return a;
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(a))
      if (isWireCallback(v)) {
        copy ??= { ...a };
        copy[k] = make(v.__callback);
      }
    return copy ?? a;
  });
}

/**
 * The buffers to transfer with a value: those of byte arrays at the top or one field down (a
 * download's bytes, an opened file), each only when the array spans its whole buffer (a view
 * into a larger buffer is copied, so that nothing else loses its memory).
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const take = (v: unknown) => {
    if (v instanceof ArrayBuffer) out.add(v);
    else if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteOffset === 0)
      if (v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  };
  take(value);
  if (Array.isArray(value)) value.forEach(take);
  else if (isPlainObject(value)) Object.values(value).forEach(take);
  return [...out];
}
