// Helpers for the xlsx adapter tests: raw sheet XML out of a saved workbook, and temp folders.
import JSZip from "jszip";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/** The XML of the worksheet named `sheet` inside .xlsx bytes (found through workbook.xml and its rels). */
export async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
  const sheetTag = [...book.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => decode(/name="([^"]*)"/.exec(t)![1]) === sheet);
  if (!sheetTag) throw new Error(`no sheet ${sheet}`);
  const rid = /r:id="([^"]*)"/.exec(sheetTag)![1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]*)"/.exec(rel)![1].replace(/^\/?(xl\/)?/, "");
  return zip.file(`xl/${target}`)!.async("string");
}

/** The whole <c> element of one cell in sheet XML, or null. */
export function cellXml(xml: string, address: string): string | null {
  const m = new RegExp(`<c r="${address}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`).exec(xml);
  return m ? m[0] : null;
}

/** The workbook.xml text of .xlsx bytes. */
export async function workbookXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file("xl/workbook.xml")!.async("string");
}

const made: string[] = [];

/** A fresh folder under the system temp folder, removed by removeTempDirs. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-test-"));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Loads bytes with plain ExcelJS, to look at a written file without our reader. */
export async function loadExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
