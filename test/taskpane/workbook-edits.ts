// What a clerk (or a forger) does to a workbook between two runs of the pane, done with ExcelJS
// on the adapter's workbook: type inspection results, or alter a locked draw result.
import type { XlsxWorkbook } from "../../src/workbook/xlsx";

/** One 检查结果 line as an inspector fills it in (dates as typed text). */
export interface ResultEntry {
  row: number;
  completed: string;
  result: string;
  problem?: string;
  rectification?: string;
  published?: string;
}

/** Types results into rows of 检查结果, each field under its header. */
export function fillResults(book: XlsxWorkbook, entries: ResultEntry[], sheet = "检查结果"): void {
  const ws = book.workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => header.set(String(cell.value).trim(), col));
  const put = (row: number, name: string, value: string | undefined) => {
    const col = header.get(name);
    if (col === undefined) throw new Error(`no column ${name} on ${sheet}`);
    if (value !== undefined) ws.getCell(row, col).value = value;
  };
  for (const e of entries) {
    put(e.row, "检查完成日期", e.completed);
    put(e.row, "检查结果", e.result);
    put(e.row, "问题描述", e.problem);
    put(e.row, "整改情况", e.rectification);
    put(e.row, "公示日期", e.published);
  }
}

/** Changes the first cell of `sheet` whose text is `from`; returns its address (e.g. 'C21'). */
export function alterCell(book: XlsxWorkbook, sheet: string, from: string, to: string): string {
  const ws = book.workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  let address = "";
  ws.eachRow((row) =>
    row.eachCell((found) => {
      if (address || found.value !== from) return;
      found.value = to;
      address = found.address;
    }),
  );
  if (!address) throw new Error(`no cell “${from}” on ${sheet}`);
  return address;
}

/** The cell text of one row of a sheet by header name, for checking where a row number points. */
export async function rowByHeader(port: XlsxWorkbook, sheet: string, row: number): Promise<Record<string, string>> {
  const data = await port.readSheet(sheet);
  const header = (data.rows[0] ?? []).map((v) => String(v ?? "").trim());
  const values = data.rows[row - 1] ?? [];
  return Object.fromEntries(header.map((h, k) => [h, values[k] == null ? "" : String(values[k])]));
}

/** An ArrayBuffer holding exactly these bytes (what File.arrayBuffer() gives the pane). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
