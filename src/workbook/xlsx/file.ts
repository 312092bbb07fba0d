// Files for the ExcelJS adapter (node only): open a .xlsx, and save one atomically, so that a
// failed save leaves the previous file as it was and no half-written file behind.
import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { XlsxWorkbook } from "./workbook";

/** Opens a .xlsx file. */
export async function readXlsxFile(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await readFile(path));
}

/** Same as readXlsxFile. */
export const fromFile = readXlsxFile;

/**
 * Writes the workbook to `outPath` whole or not at all: the bytes are made in memory, written to
 * a temporary file in the same folder (so that rename does not cross file systems), flushed, and
 * renamed over `outPath`. On any failure the temporary file is removed and the error rethrown.
 */
export async function saveAtomic(book: XlsxWorkbook, outPath: string): Promise<void> {
  const bytes = await book.toBuffer();
  const target = resolve(outPath);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, "wx");
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    if (created) await rm(temp, { force: true });
    throw e;
  }
}
