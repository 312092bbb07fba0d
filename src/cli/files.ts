// The command line's files: the workbook read once with a stamp, the file to be replaced checked
// before any work (folder, read-only, open in Excel) and locked, and the bytes that would be
// written compared with the input so that nothing a clerk had is lost by writing back in place.
import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { issue, render, type Issue, type Lang } from "../core/issues/issue";
import { XlsxWorkbook } from "../workbook/xlsx";
import {
  FileProblemError,
  checkWritable,
  openElsewhere,
  readStamped,
  writeAtomic,
  type FileStamp,
} from "../workbook/xlsx/file";
import { packageLosses } from "../workbook/xlsx/package-diff";
import { lockWorkbook, type HeldLock } from "./lock";

export interface OpenedBook {
  port: XlsxWorkbook;
  bytes: Uint8Array;
  stamp: FileStamp;
}

/** Reads and opens BOOK; FileProblemError or NotAWorkbookError (with the diagnosis) when it cannot. */
export async function openBook(path: string): Promise<OpenedBook> {
  const { bytes, stamp } = await readStamped(path);
  // sheets read from their own parts, writes made part by part (nothing else of the file rewritten)
  return { port: await XlsxWorkbook.open(bytes), bytes, stamp };
}

/** Where a write goes: the real file (a link is written through), and whether it is BOOK itself. */
export async function writeTarget(
  book: string,
  out: string | undefined,
): Promise<{ target: string; inPlace: boolean }> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  const bookReal = await real(book);
  if (out === undefined) return { target: bookReal, inPlace: true };
  const outReal = await real(out);
  return { target: outReal, inPlace: outReal === bookReal };
}

/**
 * Before any work: the file to be replaced can be written, is not open in Excel, WPS or
 * LibreOffice (which would save over it), and is locked for this command. Throws FileProblemError.
 */
export async function claimTarget(target: string, shown: string, command: string, now: Date): Promise<HeldLock> {
  await checkWritable(target).catch((e) => {
    throw rename(e, target, shown);
  });
  const owner = await openElsewhere(target);
  if (owner)
    throw new FileProblemError("book_open_elsewhere", {
      file: shown,
      owner: join(dirname(shown), basename(owner.owner)),
      app: owner.app,
    });
  try {
    return await lockWorkbook(target, command, now);
  } catch (e) {
    if (e instanceof FileProblemError) throw rename(e, target, shown);
    throw new FileProblemError("out_not_writable", { folder: shown }, e);
  }
}

/** The problem with the path as the clerk typed it rather than as resolved. */
function rename(e: unknown, target: string, shown: string): unknown {
  if (!(e instanceof FileProblemError)) return e;
  const params = { ...e.params };
  if (params.file === target) params.file = shown;
  if (params.folder === dirname(target)) params.folder = dirname(shown) || ".";
  return new FileProblemError(e.code, params, e.cause);
}

export interface SaveResult {
  /** what the new file lacks of the input, as issues (book_parts_not_copied), when written to --out */
  warnings: Issue[];
  /** the refusal when writing back in place would lose something */
  refused: Issue | null;
}

/**
 * Serialises the workbook, compares it with the input, and writes it atomically unless writing
 * back in place would lose something (then refused, nothing written). In place, the file must
 * still be as it was read. Throws FileProblemError for the file system's failures.
 */
export async function saveBook(
  book: OpenedBook,
  o: { target: string; shown: string; inPlace: boolean; lang: Lang; beforeRename?: () => void },
): Promise<SaveResult> {
  const bytes = await book.port.toBuffer();
  const losses = await packageLosses(book.bytes, bytes);
  const parts = losses.map((l) => render(l.code, l.params, o.lang)).join(o.lang === "en" ? ", " : "、");
  if (losses.length && o.inPlace) return { warnings: [], refused: issue("book_parts_unkept", {}, { parts }, o.lang) };
  await writeAtomic(bytes, o.target, {
    expect: o.inPlace ? book.stamp : undefined,
    beforeRename: o.beforeRename,
  }).catch((e) => {
    throw rename(e, o.target, o.shown);
  });
  return {
    warnings: losses.length ? [issue("book_parts_not_copied", {}, { parts, file: o.shown }, o.lang)] : [],
    refused: null,
  };
}
