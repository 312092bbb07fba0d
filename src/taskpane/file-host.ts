// The engine in browser file mode: a .xlsx opened from disk, read and written with ExcelJS.
// Loaded only by dynamic import (its own chunk), so the pane inside Excel never downloads ExcelJS.
import ExcelJS from "exceljs";
import type { CellValue, SheetData, WorkbookPort, WriteBatch } from "../workbook/port";
import type { Engine, SheetMap } from "./engine";
import { createEngine } from "./port-engine";
import { loadUseCases } from "./use-cases";

// WIRING POINT: a minimal read-only port until src/workbook/xlsx's adapter exists; the lead
// replaces XlsxFilePort with that adapter (constructed from the same ExcelJS workbook or bytes).
class XlsxFilePort implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async readSheet(name: string): Promise<SheetData> {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (out[c - 1] = plain(cell.value)));
      rows[r - 1] = Array.from(out, (v) => v ?? null);
    });
    return { name, rows: Array.from(rows, (r) => r ?? []) };
  }

  async write(_batch: WriteBatch): Promise<void> {
    throw new Error("writing in file mode waits for the xlsx adapter");
  }
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return plain(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "error" in v) return { error: String(v.error) };
  return String(v);
}

export async function openFileEngine(bytes: ArrayBuffer, fileName: string): Promise<Engine> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const port = new XlsxFilePort(workbook);
  let sheetMap: SheetMap = {};
  return createEngine(port, await loadUseCases(), {
    mode: "file",
    title: fileName,
    loadSheetMap: async () => sheetMap,
    saveSheetMap: async (map) => void (sheetMap = map),
    // no workbook window to move in: the pane shows the address instead
    selectCell: async () => undefined,
    activateSheet: async () => undefined,
    selfTest: async () => ({
      checks: [{ name: "ExcelJS", ok: true, detail: `${workbook.worksheets.length} sheets` }],
      host: "browser",
      platform: typeof navigator === "undefined" ? "" : navigator.userAgent,
      excelApi: [],
    }),
    saveCopy: async () => {
      const buffer = await workbook.xlsx.writeBuffer();
      const name = fileName.replace(/\.xlsx$/i, "") + "-结果.xlsx";
      return { name, bytes: new Uint8Array(buffer as ArrayBuffer) };
    },
  });
}
