// Files for the ExcelJS adapter (node only): open a .xlsx with a stamp of what was read, and save
// one atomically (temp file in the same folder, flushed, renamed over the target) so that a
// failed or interrupted save leaves the previous file as it was and nothing half-written behind.
// Failures of the file system become FileProblemError: an issue code of messages-files.ts and
// its parameters, never the system's English text or a temp path.
import { createHash, randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { access, chmod, constants, open, readFile, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { IssueCode } from "../../core/issues/catalogue";
import { XlsxWorkbook } from "./workbook";

/** A failure of the outside world (the file system), as an issue code and its parameters. */
export class FileProblemError extends Error {
  readonly code: IssueCode;
  readonly params: Record<string, string | number>;
  constructor(code: IssueCode, params: Record<string, string | number>, cause?: unknown) {
    super(`${code} ${JSON.stringify(params)}`, cause === undefined ? undefined : { cause });
    this.name = "FileProblemError";
    this.code = code;
    this.params = params;
  }
}

/** What was read: enough to tell, just before replacing the file, whether it changed since. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  ino: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const errno = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? "";

// ---------------------------------------------------------------------------------------------
// Cleaning up when interrupted

const cleanups = new Set<() => void>();

/**
 * Registers a synchronous cleanup (remove a temp file, a lock) to run if the process is
 * interrupted before the work is done; returns the function that unregisters it.
 */
export function onInterrupt(f: () => void): () => void {
  cleanups.add(f);
  return () => cleanups.delete(f);
}

/** Runs every registered cleanup (from a signal handler: synchronous, never throws). */
export function runInterruptCleanups(): void {
  for (const f of [...cleanups]) {
    try {
      f();
    } catch {
      // the next cleanup still runs
    }
    cleanups.delete(f);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The bytes of a file, with its stamp; a missing or unreadable file is a FileProblemError. */
export async function readStamped(path: string): Promise<{ bytes: Uint8Array; stamp: FileStamp }> {
  const file = resolve(path);
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    throw readProblem(e, path);
  }
  if (info.isDirectory()) throw new FileProblemError("file_is_folder", { file: path });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    if (errno(e) === "ERR_FS_FILE_TOO_LARGE" || e instanceof RangeError)
      throw new FileProblemError("file_too_large", { file: path, size: Math.round(info.size / 1048576) }, e);
    throw readProblem(e, path);
  }
  return {
    bytes,
    stamp: { path: file, size: bytes.length, mtimeMs: info.mtimeMs, ino: info.ino, sha256: sha256(bytes) },
  };
}

function readProblem(e: unknown, file: string): FileProblemError {
  switch (errno(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return new FileProblemError("file_not_found", { file }, e);
    case "EACCES":
    case "EPERM":
      return new FileProblemError("file_no_permission", { file }, e);
    case "EBUSY":
    case "ETXTBSY":
      return new FileProblemError("file_busy", { file }, e);
    case "EISDIR":
      return new FileProblemError("file_is_folder", { file }, e);
    default:
      return new FileProblemError("file_read_failed", { file, errno: errno(e) || "?" }, e);
  }
}

/** Opens a .xlsx file; NotAWorkbookError when it is none, FileProblemError when it cannot be read. */
export async function readXlsxFile(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer((await readStamped(path)).bytes);
}

/** Same as readXlsxFile. */
export const fromFile = readXlsxFile;

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Whether `outPath` can be written, before any work is done: its folder exists and may be
 * written, it is no folder itself, and an existing file there is not read-only. Throws the
 * FileProblemError that the write would meet.
 */
export async function checkWritable(outPath: string): Promise<void> {
  const target = resolve(outPath);
  const folder = dirname(target);
  let dir;
  try {
    dir = await stat(folder);
  } catch {
    throw new FileProblemError("out_folder_missing", { folder: dirname(outPath) || "." });
  }
  if (!dir.isDirectory()) throw new FileProblemError("out_folder_missing", { folder: dirname(outPath) || "." });
  try {
    await access(folder, constants.W_OK);
  } catch (e) {
    throw new FileProblemError("out_not_writable", { folder: dirname(outPath) || "." }, e);
  }
  let existing;
  try {
    existing = await stat(target);
  } catch {
    return; // a new file
  }
  if (existing.isDirectory()) throw new FileProblemError("out_is_folder", { file: outPath });
  // the mode bits, not access(): a rename would replace a read-only file, and root may write anything
  if ((existing.mode & 0o222) === 0) throw new FileProblemError("out_read_only", { file: outPath });
}

export interface WriteOptions {
  /** the stamp of the file as read: refuse to replace it when it changed since (in-place writes) */
  expect?: FileStamp;
  /** called once the temp file is whole, just before it is renamed over the target */
  beforeRename?: () => void;
}

/** Why a file no longer matches its stamp, in both languages; null when it is as read. */
async function changedSince(stamp: FileStamp): Promise<{ what: string; what_en: string } | null> {
  let now;
  try {
    now = await stat(stamp.path);
  } catch {
    return { what: "文件已被移走或删除", what_en: "it was moved or deleted" };
  }
  if (now.ino !== stamp.ino) return { what: "文件已被另一个文件替换", what_en: "it was replaced by another file" };
  if (now.size !== stamp.size)
    return {
      what: `大小由 ${stamp.size} 字节变为 ${now.size} 字节`,
      what_en: `its size went from ${stamp.size} to ${now.size} bytes`,
    };
  if (now.mtimeMs !== stamp.mtimeMs) return { what: "修改时间不同", what_en: "its modification time differs" };
  let bytes;
  try {
    bytes = await readFile(stamp.path);
  } catch {
    return { what: "文件已无法读取", what_en: "it can no longer be read" };
  }
  if (sha256(bytes) !== stamp.sha256) return { what: "内容不同", what_en: "its content differs" };
  return null;
}

/**
 * Writes `bytes` to `outPath` whole or not at all: to a temporary file in the same folder (so
 * that rename does not cross file systems), flushed, with the mode of the file it replaces, then
 * renamed over `outPath` — unless `expect` says the file changed since it was read. On any
 * failure or interruption the temporary file is removed; failures are FileProblemError.
 */
export async function writeAtomic(bytes: Uint8Array, outPath: string, options: WriteOptions = {}): Promise<void> {
  const target = resolve(outPath);
  const folder = dirname(target);
  const shownFolder = dirname(outPath) || ".";
  const temp = join(folder, `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let created = false;
  const unregister = onInterrupt(() => rmSync(temp, { force: true }));
  try {
    let handle;
    try {
      handle = await open(temp, "wx");
      created = true;
    } catch (e) {
      throw writeProblem(e, { file: outPath, folder: shownFolder }, "create");
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (e) {
      throw writeProblem(e, { file: outPath, folder: shownFolder }, "create");
    } finally {
      await handle.close();
    }
    const existing = await stat(target).catch(() => null);
    if (existing?.isDirectory()) throw new FileProblemError("out_is_folder", { file: outPath });
    if (existing) await chmod(temp, existing.mode & 0o7777).catch(() => undefined);
    if (options.expect) {
      const changed = await changedSince(options.expect);
      if (changed) throw new FileProblemError("book_changed_on_disk", { file: outPath, ...changed });
    }
    options.beforeRename?.();
    try {
      await rename(temp, target);
      created = false;
    } catch (e) {
      throw writeProblem(e, { file: outPath, folder: shownFolder }, "replace");
    }
  } finally {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    unregister();
  }
}

function writeProblem(
  e: unknown,
  where: { file: string; folder: string },
  step: "create" | "replace",
): FileProblemError {
  if (e instanceof FileProblemError) return e;
  switch (errno(e)) {
    case "ENOENT":
    case "ENOTDIR":
      return new FileProblemError("out_folder_missing", { folder: where.folder }, e);
    case "ENOSPC":
    case "EDQUOT":
      return new FileProblemError("disk_full", { folder: where.folder }, e);
    case "EISDIR":
      return new FileProblemError("out_is_folder", { file: where.file }, e);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return step === "create"
        ? new FileProblemError("out_not_writable", { folder: where.folder }, e)
        : new FileProblemError("out_busy", { file: where.file }, e);
    case "EBUSY":
    case "ETXTBSY":
      return new FileProblemError("out_busy", { file: where.file }, e);
    default:
      return new FileProblemError("file_write_failed", { file: where.file, errno: errno(e) || "?" }, e);
  }
}

/** Serialises the workbook and writes it atomically (see writeAtomic). */
export async function saveAtomic(book: XlsxWorkbook, outPath: string, options: WriteOptions = {}): Promise<void> {
  await writeAtomic(await book.toBuffer(), outPath, options);
}

/**
 * The owner file another program keeps beside a workbook it has open (Excel and WPS: ~$name,
 * LibreOffice: .~lock.name#), with the program's name; null when there is none. A workbook open
 * there would be saved over whatever is written now.
 */
export async function openElsewhere(path: string): Promise<{ owner: string; app: string } | null> {
  const target = resolve(path);
  const name = basename(target);
  const candidates: [string, string][] = [
    [`~$${name}`, "Excel/WPS"],
    [`.~lock.${name}#`, "LibreOffice"],
  ];
  for (const [owner, app] of candidates) {
    const file = join(dirname(target), owner);
    if (
      await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return { owner: join(dirname(path), owner), app };
  }
  return null;
}
