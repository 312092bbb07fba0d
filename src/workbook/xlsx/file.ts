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

/**
 * The parts of a .xlsx package that ExcelJS does not write back (charts, pivot tables, macros,
 * slicers, form controls…), as Chinese labels; empty when rewriting the file loses nothing known.
 */
export async function partsExcelJsDrops(path: string): Promise<string[]> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files);
  const kinds: [RegExp, string][] = [
    [/^xl\/charts\//, "图表"],
    [/^xl\/chartsheets\//, "图表工作表"],
    [/^xl\/pivot(Tables|Cache)\//, "数据透视表"],
    [/^xl\/vbaProject\.bin$/, "宏（VBA）"],
    [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, "切片器或日程表"],
    [/^xl\/ctrlProps\//, "表单控件"],
    [/^xl\/(threadedComments|persons)\//, "批注会话"],
    [/^xl\/externalLinks\//, "外部链接"],
  ];
  return kinds.filter(([re]) => names.some((n) => re.test(n))).map(([, label]) => label);
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
