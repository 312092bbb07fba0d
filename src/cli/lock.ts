// The exclusive lock a writing command holds on the workbook it replaces, so that two draws on
// one file at once cannot both succeed with one of them lost. The lock is a file beside the
// workbook (BOOK.xlsx.shuangsuiji-lock), created exclusively, naming its holder; a lock whose
// process is gone (same computer, no such process) is taken over, and the clerk is told.
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { open, readFile, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { FileProblemError, onInterrupt } from "../workbook/xlsx/file";

export const LOCK_SUFFIX = ".shuangsuiji-lock";

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
  token: string;
}

export interface HeldLock {
  path: string;
  /** the stale lock that was taken over, when there was one */
  tookOver: LockInfo | null;
  /** removes the lock if it is still ours */
  release(): Promise<void>;
}

/** Local time as a clerk reads it: 2026-04-01 09:30:12. */
function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readInfo(path: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(path, "utf8")) as LockInfo;
    return typeof info.pid === "number" && typeof info.token === "string" ? info : null;
  } catch {
    return null;
  }
}

/** Whether the lock's holder is certainly gone: a process of this computer that no longer runs. */
async function stale(path: string, info: LockInfo | null): Promise<boolean> {
  if (info) return info.host === hostname() && !alive(info.pid);
  // unreadable: being written right now, or left half-written by a crash long ago
  const age = await stat(path).then(
    (s) => Date.now() - s.mtimeMs,
    () => 0,
  );
  return age > 60_000;
}

/** Creates the lock file exclusively; false when it exists. `created` is told at once. */
async function create(path: string, info: LockInfo, created: () => void = () => undefined): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  created();
  try {
    await handle.writeFile(JSON.stringify(info));
  } finally {
    await handle.close();
  }
  return true;
}

function lockedProblem(file: string, path: string, holder: LockInfo | null): FileProblemError {
  return new FileProblemError("book_locked", {
    file,
    lock: path,
    command: holder?.command ?? "?",
    pid: holder?.pid ?? "?",
    host: holder?.host ?? "?",
    since: holder?.since ?? "?",
  });
}

/**
 * Takes the lock on `file` (the workbook about to be replaced) for `command`; throws a
 * FileProblemError book_locked when another live command holds it, or the error of the folder.
 */
export async function lockWorkbook(file: string, command: string, now = new Date()): Promise<HeldLock> {
  const path = `${file}${LOCK_SUFFIX}`;
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    command,
    since: localTime(now),
    token: randomBytes(8).toString("hex"),
  };
  // whether the file at `path` is our lock: it holds our token, or we created it and were
  // interrupted before its content was written
  let created = false;
  const ours = () => {
    try {
      return (JSON.parse(readFileSync(path, "utf8")) as LockInfo).token === mine.token;
    } catch {
      return created;
    }
  };
  // registered before the lock exists, so that no moment is left in which an interruption
  // would leave it behind
  const unregister = onInterrupt(() => {
    if (ours()) rmSync(path, { force: true });
  });
  const made = () => (created = true);
  let tookOver: LockInfo | null = null;
  try {
    if (!(await create(path, mine, made))) tookOver = await takeOver(path, file, mine, made);
  } catch (e) {
    unregister();
    throw e;
  }
  return {
    path,
    tookOver,
    async release() {
      // synchronously, before unregistering: an interruption in between cannot leave it behind
      if (ours()) rmSync(path, { force: true });
      unregister();
    },
  };
}

/**
 * Replaces a stale lock by ours: one process at a time (the takeover file is exclusive too),
 * and only the very lock found stale, so that two takers cannot both remove and both create.
 * Returns the stale lock's holder; throws book_locked when the lock is not stale after all.
 */
async function takeOver(path: string, file: string, mine: LockInfo, made: () => void): Promise<LockInfo> {
  const holder = await readInfo(path);
  if (!(await stale(path, holder))) throw lockedProblem(file, path, holder);
  const takeover = `${path}.takeover`;
  if (!(await create(takeover, mine))) {
    const other = await readInfo(takeover);
    if (other && other.host === hostname() && !alive(other.pid)) await rm(takeover, { force: true });
    throw lockedProblem(file, path, holder);
  }
  try {
    const again = await readInfo(path);
    if ((again?.token ?? null) !== (holder?.token ?? null)) throw lockedProblem(file, path, again);
    await rm(path, { force: true });
    if (!(await create(path, mine, made))) throw lockedProblem(file, path, await readInfo(path));
  } finally {
    await rm(takeover, { force: true });
  }
  return holder ?? { pid: 0, host: "?", command: "?", since: "?", token: "" };
}
