// The zip container of a .xlsx package, read and written at the level of its entries, so that a
// write keeps every part it does not change byte for byte (their compressed bytes are copied, not
// inflated and deflated again) and a part is inflated as a stream when it is read. Deflate is the
// platform's (CompressionStream / DecompressionStream 'deflate-raw': zlib in Node, the browser's
// own elsewhere); CRC-32 is node:zlib's where there is one, else a table in JavaScript.
// Written here because JSZip, the zip library already in use, inflates and deflates in JavaScript
// (pako) and holds a part whole; the container format itself is four record types.

/** The bytes are not a zip this reader can take (ExcelJS's loader then says why, or opens it). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** the compressed bytes, a view into the input */
  data: Uint8Array;
  /** DOS time and date of the entry, kept when it is copied */
  time: number;
  date: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const utf8 = new TextDecoder("utf-8");
/** CP437 names (no UTF-8 flag) are ASCII in any package Excel writes; others are decoded as Latin-1. */
const latin1 = new TextDecoder("latin1");

/** The entries of a zip, in central directory order. Throws ZipFormatError on what it does not take. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipFormatError("no end of central directory");
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ZipFormatError("zip64");
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) throw new ZipFormatError("multi-disk zip");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipFormatError("bad central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc32 = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(rawName);
    if (flags & 1) throw new ZipFormatError("encrypted entry");
    if (method !== 0 && method !== 8) throw new ZipFormatError(`compression method ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipFormatError("zip64");
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new ZipFormatError("bad local header");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressedSize > bytes.length) throw new ZipFormatError("truncated entry");
    entries.push({
      name,
      method,
      crc32,
      compressedSize,
      size,
      data: bytes.subarray(start, start + compressedSize),
      time,
      date,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Pushes bytes through a (de)compression stream, one chunk at a time. */
async function* through(
  transform: TransformStream<Uint8Array, Uint8Array>,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const writer = transform.writable.getWriter();
  const pump = (async () => {
    try {
      for await (const c of chunks) {
        await writer.ready;
        await writer.write(c);
      }
      await writer.close();
    } catch (e) {
      await writer.abort(e).catch(() => undefined);
      throw e;
    }
  })();
  const reader = transform.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    await pump;
  } finally {
    reader.releaseLock();
    pump.catch(() => undefined);
  }
}

const SLICE = 1 << 16;

function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += SLICE) yield data.subarray(i, Math.min(data.length, i + SLICE));
}

/** The uncompressed bytes of an entry, as a stream of chunks, its checksum checked at the end. */
export async function* entryChunks(entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const chunks: AsyncIterable<Uint8Array> =
    entry.method === 0
      ? (async function* () {
          yield* slices(entry.data);
        })()
      : through(
          new DecompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>,
          slices(entry.data),
        );
  let crc = 0;
  const it = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await it.next();
    } catch (e) {
      // the platform's inflater refuses damaged data with its own error
      throw new ZipFormatError(`${entry.name} cannot be inflated: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (next.done) break;
    crc = crc32(next.value, crc);
    yield next.value;
  }
  // a flipped byte of a stored part shows in its checksum only
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipFormatError(`checksum of ${entry.name} does not match`);
}

/** The text of an entry as UTF-8, in chunks that never split a character. */
export async function* entryText(entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const c of entryChunks(entry)) {
    const s = decoder.decode(c, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The whole text of a (small) entry. */
export async function entryString(entry: ZipEntry): Promise<string> {
  let out = "";
  for await (const s of entryText(entry)) out += s;
  return out;
}

// ---------------------------------------------------------------------------------------------
// CRC-32

type Crc = (data: Uint8Array, value: number) => number;

let table: Uint32Array | null = null;
const tableCrc: Crc = (data, value) => {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
};

let crcImpl: Crc | null = null;
/** CRC-32 of `data` continuing from `value` (0 to start). */
export function crc32(data: Uint8Array, value = 0): number {
  if (!crcImpl) {
    const zlib = nodeZlib();
    crcImpl = zlib && typeof zlib.crc32 === "function" ? (d, v) => zlib.crc32!(d, v) >>> 0 : tableCrc;
  }
  return crcImpl(data, value);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** An entry to write: copied as it is, or made from text or bytes and deflated on the way. */
export type OutEntry = ZipEntry;

/**
 * Deflates a part given as chunks of text or bytes into an entry held compressed in memory: the
 * part itself never exists whole. `fast`: zlib's fastest level rather than its default, for a
 * part of hundreds of megabytes (a million-row snapshot: 2.7 s of deflating instead of 7.5 s,
 * for a file about a quarter larger); the browser's CompressionStream has one level only.
 */
export async function deflateEntry(
  name: string,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  fast = false,
): Promise<ZipEntry> {
  const encoder = new TextEncoder();
  let crc = 0;
  let size = 0;
  async function* bytes(): AsyncGenerator<Uint8Array> {
    let pending = "";
    const flush = () => {
      const b = encoder.encode(pending);
      pending = "";
      crc = crc32(b, crc);
      size += b.length;
      return b;
    };
    for await (const c of chunks) {
      if (typeof c === "string") {
        pending += c;
        if (pending.length >= SLICE) yield flush();
      } else {
        if (pending) yield flush();
        crc = crc32(c, crc);
        size += c.length;
        yield c;
      }
    }
    if (pending) yield flush();
  }
  const parts: Uint8Array[] = [];
  let compressedSize = 0;
  const zlib = nodeZlib();
  const deflated = zlib
    ? zlibDeflate(zlib, bytes(), fast ? 1 : -1)
    : through(new CompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>, bytes());
  for await (const c of deflated) {
    parts.push(c);
    compressedSize += c.length;
  }
  if (size > 0xfffffffe || compressedSize > 0xfffffffe) throw new Error(`part ${name} is larger than 4 GB`);
  const data = concat(parts, compressedSize);
  const now = dosTime(new Date());
  return { name, method: 8, crc32: crc, compressedSize, size, data, time: now.time, date: now.date };
}

interface NodeDeflate {
  write(chunk: Uint8Array): boolean;
  end(): void;
  on(event: "data", f: (c: Uint8Array) => void): void;
  on(event: "error", f: (e: Error) => void): void;
  on(event: "end" | "drain", f: () => void): void;
  once(event: "drain", f: () => void): void;
}
interface NodeZlib {
  createDeflateRaw(options: { writableHighWaterMark: number; level: number }): NodeDeflate;
  crc32?: (d: Uint8Array, v: number) => number;
}

/** node:zlib, or null outside Node (reached as process.getBuiltinModule, so no bundler sees it). */
function nodeZlib(): NodeZlib | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === "function" ? (proc.getBuiltinModule("node:zlib") as NodeZlib) : null;
}

/**
 * node:zlib's raw deflate, fed ahead of it: its queue holds a few chunks, so that the next chunk
 * is made while zlib (in a thread of its own) deflates the last. CompressionStream in Node takes
 * one chunk at a time, which left the two cores taking turns.
 */
async function* zlibDeflate(
  zlib: NodeZlib,
  chunks: AsyncIterable<Uint8Array>,
  level: number,
): AsyncGenerator<Uint8Array> {
  const d = zlib.createDeflateRaw({ writableHighWaterMark: 8 << 20, level });
  const out: Uint8Array[] = [];
  let failed: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  d.on("data", (c) => {
    out.push(c);
    signal();
  });
  d.on("error", (e) => {
    failed = e;
    signal();
  });
  d.on("end", () => {
    ended = true;
    signal();
  });
  const wait = () => new Promise<void>((resolve) => (wake = resolve));
  for await (const c of chunks) {
    if (failed) throw failed;
    if (!d.write(c)) await new Promise<void>((resolve) => d.once("drain", resolve));
    // a turn of the event loop, in which zlib's callback hands it its next queued chunk
    else await new Promise<void>((resolve) => setImmediate(resolve));
    while (out.length) yield out.shift()!;
  }
  d.end();
  for (;;) {
    while (out.length) yield out.shift()!;
    if (failed) throw failed;
    if (ended) return;
    await wait();
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A zip of the entries, in their order; the entries' compressed bytes are written as they are. */
export function writeZip(entries: OutEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.compressedSize + 46 + names[i].length));
  if (total > 0xfffffffe || entries.length > 0xfffe)
    throw new Error("the workbook is larger than a zip without zip64 holds");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const header = (e: OutEntry, name: Uint8Array, central: boolean, offset: number) => {
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true); // made by
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed
    view.setUint16(p + 2, 0x800, true); // UTF-8 names
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc32, true);
    view.setUint32(p + 14, e.compressedSize, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, name.length, true);
    view.setUint16(p + 24, 0, true); // extra
    p += 26;
    if (central) {
      // comment, disk, internal and external attributes, local header offset
      view.setUint16(p, 0, true);
      view.setUint16(p + 2, 0, true);
      view.setUint16(p + 4, 0, true);
      view.setUint32(p + 6, 0, true);
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(name, p);
    p += name.length;
  };
  entries.forEach((e, i) => {
    offsets.push(p);
    header(e, names[i], false, 0);
    out.set(e.data, p);
    p += e.compressedSize;
  });
  const cdStart = p;
  entries.forEach((e, i) => header(e, names[i], true, offsets[i]));
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 4, 0, true);
  view.setUint16(p + 6, 0, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  view.setUint16(p + 20, 0, true);
  return out;
}
