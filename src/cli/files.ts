// Files for the command line: the workbook is read whole, changed in memory, and saved atomically
// (temp file and rename) to the output, or to the input only when no --out names another file.
import { XlsxWorkbook } from "../workbook/xlsx";
import { readFile } from "node:fs/promises";
import { saveAtomic } from "../workbook/xlsx/file";
export { partsExcelJsDrops } from "../workbook/xlsx/file";

export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await readFile(path)); // sheets read from their parts, writes part by part
}

export async function saveXlsx(book: XlsxWorkbook, path: string): Promise<void> {
  await saveAtomic(book, path);
}
