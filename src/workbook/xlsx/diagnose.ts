// What a file that is not a readable .xlsx workbook is, said so a clerk can act on it: an .xls,
// an encrypted workbook, a CSV or web page with a workbook's name, a truncated download, a
// package missing a part ExcelJS needs or holding a broken one. Browser-safe (jszip, cfb,
// saxes; no fs), so the command line and the pane's file mode give the same diagnosis, as an
// issue code and parameters whose text is in the catalogue (messages-files.ts).
import JSZip from "jszip";
import * as CFB from "cfb";
import { SaxesParser } from "saxes";
import type { fileDiagnosisMessages } from "../../core/issues/messages-files";
import {
  findPart,
  officeDocumentPart,
  partNames,
  partText,
  relationshipsOf,
  sheetEntries,
  streamPart,
  type SheetEntry,
} from "./ooxml";

export type FileDiagnosisCode = keyof typeof fileDiagnosisMessages;

/** Why the bytes are not a workbook that can be read: an issue code and its parameters. */
export interface FileDiagnosis {
  code: FileDiagnosisCode;
  params: Record<string, string | number>;
}

const found = (code: FileDiagnosisCode, params: Record<string, string | number> = {}): FileDiagnosis => ({
  code,
  params,
});

const bytesOf = (data: ArrayBuffer | Uint8Array): Uint8Array =>
  data instanceof Uint8Array ? data : new Uint8Array(data);

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];
/** Other binary formats a clerk may pick by mistake, by their first bytes. */
const OTHER_FORMATS: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "PDF"],
  [[0x89, 0x50, 0x4e, 0x47], "PNG"],
  [[0xff, 0xd8, 0xff], "JPEG"],
  [[0x47, 0x49, 0x46, 0x38], "GIF"],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], "RAR"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "7z"],
  [[0x1f, 0x8b], "gzip"],
];

/** ExcelJS reads these paths and no others (see its xlsx.load). */
const EXCELJS_WORKBOOK = "xl/workbook.xml";
const EXCELJS_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const EXCELJS_PARTS: Record<string, string> = { sharedStrings: "xl/sharedStrings.xml", styles: "xl/styles.xml" };

/**
 * What is wrong with the bytes before ExcelJS sees them, or null when they look like a .xlsx it
 * can read. Only the package's frame is read (the zip directory and a few small parts), so this
 * is cheap next to opening the workbook.
 */
export async function diagnoseWorkbook(data: ArrayBuffer | Uint8Array): Promise<FileDiagnosis | null> {
  const bytes = bytesOf(data);
  if (bytes.length === 0) return found("file_empty");
  if (startsWith(bytes, OLE)) return oleDiagnosis(bytes);
  if (ZIP_SIGNATURES.some((s) => startsWith(bytes, s))) return zipDiagnosis(bytes);
  for (const [sig, kind] of OTHER_FORMATS) if (startsWith(bytes, sig)) return found("file_not_spreadsheet", { kind });
  return textDiagnosis(bytes);
}

/** An OLE compound file: an .xls (or WPS .et), an encrypted .xlsx, or another Office 97–2003 file. */
function oleDiagnosis(bytes: Uint8Array): FileDiagnosis {
  let names: string[];
  try {
    names = CFB.read(bytes, { type: "array" }).FileIndex.map((e) => e.name);
  } catch {
    // a damaged container: its directory may still name what it held
    const text = utf16Names(bytes);
    if (text.includes("EncryptedPackage")) return found("file_encrypted");
    return found("file_ole_damaged");
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  // ECMA-376 part 2 §2.3.4 / MS-OFFCRYPTO: an encrypted OOXML package is an OLE file with these
  if (has("EncryptedPackage") || has("EncryptionInfo")) return found("file_encrypted");
  if (has("Workbook") || has("Book")) return found("file_xls");
  if (has("WordDocument")) return found("file_not_spreadsheet", { kind: "Word (.doc)" });
  if (has("PowerPoint Document")) return found("file_not_spreadsheet", { kind: "PowerPoint (.ppt)" });
  return found("file_not_spreadsheet", { kind: "Office 97–2003" });
}

/** The UTF-16LE text of the bytes, ASCII letters only: enough to find a stream name. */
function utf16Names(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i + 1 < bytes.length; i += 2)
    s += bytes[i + 1] === 0 && bytes[i] >= 0x20 && bytes[i] < 0x7f ? String.fromCharCode(bytes[i]) : " ";
  return s;
}

/** Where the zip's end-of-central-directory record is; -1 when the file was cut short. */
function endOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  for (let i = last; i >= Math.max(0, last - 65535); i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  return -1;
}

async function zipDiagnosis(bytes: Uint8Array): Promise<FileDiagnosis | null> {
  if (endOfCentralDirectory(bytes) < 0) return found("file_truncated", { size: bytes.length });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return found("file_damaged");
  }
  try {
    return await packageDiagnosis(zip);
  } catch {
    // a small part that cannot be unpacked: the deeper look names it
    return partsDiagnosis(bytes);
  }
}

/** A zip: is it an Office package, a spreadsheet one, with the parts ExcelJS reads where it reads them? */
async function packageDiagnosis(zip: JSZip): Promise<FileDiagnosis | null> {
  const names = partNames(zip);
  const has = (p: string) => findPart(zip, p) !== null;
  const mimetype = has("mimetype") ? ((await partText(zip, "mimetype")) ?? "").trim() : "";
  if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return found("file_ods");
  if (mimetype.startsWith("application/vnd.oasis.opendocument"))
    return found("file_not_spreadsheet", { kind: "OpenDocument" });
  if (has("word/document.xml")) return found("file_not_spreadsheet", { kind: "Word (.docx)" });
  if (has("ppt/presentation.xml")) return found("file_not_spreadsheet", { kind: "PowerPoint (.pptx)" });
  if (!has("[Content_Types].xml"))
    return has(EXCELJS_WORKBOOK) || names.some((n) => n.startsWith("xl/"))
      ? found("file_part_missing", { part: "[Content_Types].xml" })
      : found("file_zip_not_xlsx");
  if (!has("_rels/.rels")) return found("file_part_missing", { part: "_rels/.rels" });
  const stored = storedPartDamaged(zip);
  if (stored) return found("file_part_damaged", { part: stored });
  const main = await officeDocumentPart(zip);
  if (!main) return found("file_part_missing", { part: EXCELJS_WORKBOOK });
  if (main.startsWith("word/")) return found("file_not_spreadsheet", { kind: "Word (.docx)" });
  if (main.startsWith("ppt/")) return found("file_not_spreadsheet", { kind: "PowerPoint (.pptx)" });
  if (!has(main)) return found("file_part_missing", { part: main });
  if (main !== EXCELJS_WORKBOOK) return found("file_layout_unsupported", { part: main });
  const workbookXml = (await partText(zip, main)) ?? "";
  const rels = await relationshipsOf(zip, main);
  if (!rels) return found("file_part_missing", { part: "xl/_rels/workbook.xml.rels" });
  const sheets = sheetEntries(workbookXml, rels);
  for (const s of sheets) {
    if (!s.part) return found("file_sheet_part_missing", { sheet: s.name, part: "xl/_rels/workbook.xml.rels" });
    if (!has(s.part)) return found("file_sheet_part_missing", { sheet: s.name, part: s.part });
    if (s.type === "worksheet" && !EXCELJS_SHEET.test(s.part))
      return found("file_layout_unsupported", { part: s.part });
  }
  for (const [type, path] of Object.entries(EXCELJS_PARTS)) {
    const rel = rels.find((r) => r.type === type && !r.external);
    if (rel && !has(rel.target)) return found("file_part_missing", { part: rel.target });
    if (rel && rel.target !== path) return found("file_layout_unsupported", { part: rel.target });
  }
  if (!has(EXCELJS_PARTS.sharedStrings) && (await usesSharedStrings(zip, sheets)))
    return found("file_part_missing", { part: EXCELJS_PARTS.sharedStrings });
  return null;
}

/** JSZip's record of one entry (internal, stable through jszip 3): what the zip says of the part. */
interface EntryData {
  crc32?: number;
  compression?: { magic?: string };
  compressedContent?: Uint8Array;
}
const entryData = (f: JSZip.JSZipObject) => (f as unknown as { _data?: EntryData })._data;

/**
 * The first part stored without compression whose bytes fail their CRC: nothing else would
 * notice a flipped byte there (a compressed part fails to inflate instead), and checking it
 * costs no unpacking.
 */
function storedPartDamaged(zip: JSZip): string | null {
  for (const f of Object.values(zip.files)) {
    const d = entryData(f);
    if (f.dir || !d || d.compression?.magic !== "\x00\x00" || !d.compressedContent) continue;
    if (typeof d.crc32 === "number" && (crc32(d.compressedContent) | 0) !== (d.crc32 | 0))
      return f.name.replace(/^\/+/, "");
  }
  return null;
}

/** Whether a sheet has a shared-string cell (t="s"); read as a stream, stopping at the first. */
async function usesSharedStrings(zip: JSZip, sheets: SheetEntry[]): Promise<boolean> {
  for (const s of sheets) {
    const file = s.type === "worksheet" ? findPart(zip, s.part) : null;
    if (!file) continue;
    let tail = "";
    let hit = false;
    await streamPart(file, (chunk) => {
      const text = tail + chunk;
      hit = /<(?:\w+:)?c\b[^>]*\st="s"/.test(text);
      tail = text.slice(-200);
      return hit;
    });
    if (hit) return true;
  }
  return false;
}

/** Bytes that are neither a zip nor an OLE file: text (CSV, a web page, XML 2003) or unknown. */
function textDiagnosis(bytes: Uint8Array): FileDiagnosis {
  const head = bytes.subarray(0, 8192);
  let text: string;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]))
    text = new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head);
  else {
    let control = 0;
    for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1b)) control++;
    if (control > head.length / 100) return found("file_unknown");
    text = new TextDecoder("utf-8").decode(head);
  }
  const lower = text.toLowerCase();
  if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet") && !lower.includes("<html"))
    return found("file_xml_spreadsheet");
  if (/<(html|!doctype html|table|meta)\b/.test(lower)) return found("file_html");
  return found("file_text");
}

/**
 * Why ExcelJS could not read bytes that diagnoseWorkbook let through: the first part that cannot
 * be unpacked, fails its checksum, or is not well-formed XML; else the general file_unreadable.
 * Reads every part, so it is for the failure path only.
 */
export async function diagnoseFailure(data: ArrayBuffer | Uint8Array): Promise<FileDiagnosis> {
  let first: FileDiagnosis | null = null;
  try {
    first = await diagnoseWorkbook(data);
  } catch {
    // the parts are read one by one below
  }
  return first ?? partsDiagnosis(bytesOf(data));
}

/** Every part read: the first damaged or broken one. */
async function partsDiagnosis(data: Uint8Array): Promise<FileDiagnosis> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return found("file_damaged");
  }
  let sheets: SheetEntry[] = [];
  try {
    const rels = (await relationshipsOf(zip, EXCELJS_WORKBOOK)) ?? [];
    sheets = sheetEntries((await partText(zip, EXCELJS_WORKBOOK)) ?? "", rels);
  } catch {
    // the broken part is found below
  }
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const part = file.name.replace(/^\/+/, "");
    let content: Uint8Array;
    try {
      content = await file.async("uint8array");
    } catch {
      return found("file_part_damaged", { part });
    }
    const expected = entryData(file)?.crc32;
    if (typeof expected === "number" && (crc32(content) | 0) !== (expected | 0))
      return found("file_part_damaged", { part });
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const broken = xmlError(content);
    if (broken) {
      const sheet = sheets.find((s) => s.part === part);
      return sheet
        ? found("file_sheet_xml_broken", { sheet: sheet.name, part, ...broken })
        : found("file_xml_broken", { part, ...broken });
    }
  }
  return found("file_unreadable");
}

/** Where the XML stops being well-formed (1-based line and column), or null when it is whole. */
function xmlError(content: Uint8Array): { line: number; column: number } | null {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let at: { line: number; column: number } | null = null;
  parser.on("error", () => {
    at ??= { line: parser.line, column: parser.column };
  });
  try {
    parser.write(new TextDecoder("utf-8").decode(content)).close();
  } catch {
    at ??= { line: parser.line, column: parser.column };
  }
  return at;
}

let crcTable: Int32Array | null = null;

/** CRC-32 (ISO 3309) of the bytes, as the zip format stores it; small enough not to need a library. */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return crc ^ -1;
}
