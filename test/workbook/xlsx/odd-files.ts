// Files that are not readable workbooks, built by code: each kind a clerk may be handed, with
// the diagnosis (issue code and parameters) it must get. Shared by the adapter's and the command
// line's tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as CFB from "cfb";
import JSZip from "jszip";
import seedrandom from "seedrandom";

export const SAMPLE = join(__dirname, "..", "..", "..", "assets", "sample-新华区-2026.xlsx");
export const sampleBytes = (): Uint8Array => new Uint8Array(readFileSync(SAMPLE));

/** An OLE compound file holding the named streams (the container of .xls, .doc and encrypted .xlsx). */
function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [path, content] of Object.entries(streams)) CFB.utils.cfb_add(c, path, content);
  return new Uint8Array(CFB.write(c, { type: "array" }) as number[]);
}

/** A BIFF8 workbook stream's first record (BOF, workbook globals), enough for a reader to know it. */
const BIFF8_BOF = new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0]);

/** The sample's package with parts changed: a value replaces a part, null removes it. */
export async function samplePackage(
  change: Record<string, string | Uint8Array | null>,
  compression: "DEFLATE" | "STORE" = "DEFLATE",
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sampleBytes());
  for (const [part, content] of Object.entries(change)) {
    if (content === null) zip.remove(part);
    else zip.file(part, content);
  }
  return zip.generateAsync({ type: "uint8array", compression });
}

async function zipOf(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const text = (s: string) => new TextEncoder().encode(s);

export interface OddFile {
  kind: string;
  /** the file name a clerk would have */
  name: string;
  bytes: () => Promise<Uint8Array>;
  code: string;
  params?: Record<string, string | number>;
  /** words the Chinese message must hold, for the clerk to know what to do */
  says: RegExp;
}

/** Every file-level odd input: kind → code (and parameters) → what the Chinese message says. */
export const ODD_FILES: OddFile[] = [
  { kind: "zero bytes", name: "空.xlsx", bytes: async () => new Uint8Array(0), code: "file_empty", says: /空的/ },
  {
    kind: ".xls (BIFF8 in an OLE compound file) renamed .xlsx",
    name: "名录.xlsx",
    bytes: async () => ole({ Workbook: BIFF8_BOF, "\u0005SummaryInformation": new Uint8Array(48) }),
    code: "file_xls",
    says: /这是 \.xls 文件.*另存为/,
  },
  {
    kind: ".xls of Excel 5 (a Book stream)",
    name: "旧名录.xls",
    bytes: async () => ole({ Book: BIFF8_BOF }),
    code: "file_xls",
    says: /\.xls/,
  },
  {
    kind: "password-encrypted .xlsx (EncryptionInfo and EncryptedPackage streams)",
    name: "加密.xlsx",
    bytes: async () =>
      ole({
        EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]),
        EncryptedPackage: new Uint8Array(64).fill(0xa5),
        "\u0006DataSpaces/Version": new Uint8Array(16),
      }),
    code: "file_encrypted",
    says: /已加密.*去掉打开密码/,
  },
  {
    kind: "a Word 97–2003 document renamed .xlsx",
    name: "通知.xlsx",
    bytes: async () => ole({ WordDocument: new Uint8Array(32) }),
    code: "file_not_spreadsheet",
    params: { kind: "Word (.doc)" },
    says: /Word/,
  },
  {
    kind: "an OLE file cut in half",
    name: "半个.xls",
    bytes: async () => ole({ Workbook: new Uint8Array(9000).fill(7) }).subarray(0, 1100),
    code: "file_ole_damaged",
    says: /已损坏/,
  },
  {
    kind: "CSV (UTF-8) renamed .xlsx",
    name: "名录.xlsx",
    bytes: async () => text("统一社会信用代码,名称,风险等级\n91130105MA0CKAE96X,新华区某诊所,A\n"),
    code: "file_text",
    says: /文本文件.*另存为/,
  },
  {
    kind: "CSV in GBK (bytes ≥ 0x80, no BOM)",
    name: "名录.xlsx",
    bytes: async () =>
      new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb4, 0xfa, 0xc2, 0xeb, 0x0d, 0x0a, 0x41, 0x2c, 0x31]),
    code: "file_text",
    says: /文本文件/,
  },
  {
    kind: "UTF-16 text with a BOM (Excel's 'Unicode text')",
    name: "名录.xlsx",
    bytes: async () =>
      new Uint8Array([
        0xff,
        0xfe,
        ...[..."名称\t代码\r\n"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
      ]),
    code: "file_text",
    says: /文本文件/,
  },
  {
    kind: "a web page saved as .xls (an 'Excel' export of some systems)",
    name: "导出.xls",
    bytes: async () =>
      text(
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>名称</td></tr></table></body></html>',
      ),
    code: "file_html",
    says: /网页/,
  },
  {
    kind: "Excel 2003 XML spreadsheet",
    name: "名录.xml",
    bytes: async () =>
      text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>',
      ),
    code: "file_xml_spreadsheet",
    says: /2003 XML/,
  },
  {
    kind: "a PDF renamed .xlsx",
    name: "名录.xlsx",
    bytes: async () => text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"),
    code: "file_not_spreadsheet",
    params: { kind: "PDF" },
    says: /PDF/,
  },
  {
    kind: "random bytes",
    name: "乱码.xlsx",
    bytes: async () => {
      const rng = seedrandom("random bytes");
      const b = new Uint8Array(4096).map(() => Math.floor(rng() * 256));
      b[0] = 0x13; // not a signature by chance
      return b;
    },
    code: "file_unknown",
    says: /不是 Excel 工作簿/,
  },
  {
    kind: "a zip of one text file",
    name: "名录.xlsx",
    bytes: () => zipOf({ "名录.csv": "名称,代码\n" }),
    code: "file_zip_not_xlsx",
    says: /zip 压缩包/,
  },
  {
    kind: "an OpenDocument spreadsheet (.ods) renamed .xlsx",
    name: "名录.xlsx",
    bytes: () => zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }),
    code: "file_ods",
    says: /\.ods/,
  },
  {
    kind: "a Word document (.docx) renamed .xlsx",
    name: "名录.xlsx",
    bytes: () => zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    code: "file_not_spreadsheet",
    params: { kind: "Word (.docx)" },
    says: /Word/,
  },
  {
    kind: "a truncated zip (the first half of the sample)",
    name: "下载一半.xlsx",
    bytes: async () => sampleBytes().subarray(0, Math.floor(sampleBytes().length / 2)),
    code: "file_truncated",
    says: /不完整/,
  },
  {
    kind: "a damaged zip (the central directory overwritten)",
    name: "损坏.xlsx",
    bytes: async () => {
      const b = sampleBytes().slice();
      // the end record's "offset of the central directory" points past the file
      const eocd = b.length - 22;
      b[eocd + 16] = 0xff;
      b[eocd + 17] = 0xff;
      b[eocd + 18] = 0xff;
      b[eocd + 19] = 0x7f;
      return b;
    },
    code: "file_damaged",
    says: /已损坏/,
  },
  {
    kind: "flipped bytes inside a compressed sheet",
    name: "坏块.xlsx",
    bytes: async () => {
      const b = await samplePackage({});
      const zip = await JSZip.loadAsync(b);
      const entry = zip.file("xl/worksheets/sheet3.xml") as unknown as { _data: { compressedSize: number } };
      // the local header of sheet3: find its name in the bytes, then flip bytes well inside its data
      const name = new TextEncoder().encode("xl/worksheets/sheet3.xml");
      let at = -1;
      for (let i = 0; i < b.length && at < 0; i++) if (name.every((x, j) => b[i + j] === x)) at = i;
      const start = at + name.length + 200;
      for (let i = 0; i < 64; i++) b[start + i] ^= 0x5a;
      expectSize(entry._data.compressedSize);
      return b;
    },
    code: "file_part_damaged",
    params: { part: "xl/worksheets/sheet3.xml" },
    says: /xl\/worksheets\/sheet3\.xml/,
  },
  {
    kind: "a flipped byte in a stored (uncompressed) sheet: only the checksum shows it",
    name: "坏字节.xlsx",
    bytes: async () => {
      const b = await samplePackage({}, "STORE");
      const needle = new TextEncoder().encode("<sheetData>");
      let at = -1;
      for (let i = 0; i < b.length && at < 0; i++) if (needle.every((x, j) => b[i + j] === x)) at = i;
      b[at + needle.length + 40] ^= 0x01;
      return b;
    },
    code: "file_part_damaged",
    says: /校验不符/,
  },
  {
    kind: "a package without [Content_Types].xml",
    name: "缺部件.xlsx",
    bytes: () => samplePackage({ "[Content_Types].xml": null }),
    code: "file_part_missing",
    params: { part: "[Content_Types].xml" },
    says: /\[Content_Types\]\.xml/,
  },
  {
    kind: "a package without xl/workbook.xml",
    name: "缺部件.xlsx",
    bytes: () => samplePackage({ "xl/workbook.xml": null }),
    code: "file_part_missing",
    params: { part: "xl/workbook.xml" },
    says: /xl\/workbook\.xml/,
  },
  {
    kind: "a package without the workbook's relationships",
    name: "缺部件.xlsx",
    bytes: () => samplePackage({ "xl/_rels/workbook.xml.rels": null }),
    code: "file_part_missing",
    params: { part: "xl/_rels/workbook.xml.rels" },
    says: /workbook\.xml\.rels/,
  },
  {
    kind: "a package without one sheet's part",
    name: "缺部件.xlsx",
    bytes: () => samplePackage({ "xl/worksheets/sheet3.xml": null }),
    code: "file_sheet_part_missing",
    params: { sheet: "检查对象名录库", part: "xl/worksheets/sheet3.xml" },
    says: /检查对象名录库.*sheet3\.xml/,
  },
  {
    kind: "a package without sharedStrings.xml (its relationship kept)",
    name: "缺部件.xlsx",
    bytes: () => samplePackage({ "xl/sharedStrings.xml": null }),
    code: "file_part_missing",
    params: { part: "xl/sharedStrings.xml" },
    says: /sharedStrings\.xml/,
  },
  {
    kind: "a package without sharedStrings.xml nor any mention of it, its sheets using shared strings",
    name: "缺部件.xlsx",
    bytes: async () => {
      const zip = await JSZip.loadAsync(sampleBytes());
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      const types = await zip.file("[Content_Types].xml")!.async("string");
      return samplePackage({
        "xl/sharedStrings.xml": null,
        "xl/_rels/workbook.xml.rels": rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""),
        "[Content_Types].xml": types.replace(/<Override [^>]*sharedStrings[^>]*\/>/, ""),
      });
    },
    code: "file_part_missing",
    params: { part: "xl/sharedStrings.xml" },
    says: /sharedStrings\.xml/,
  },
  {
    kind: "broken sheet XML (cut inside a row)",
    name: "坏表.xlsx",
    bytes: async () => {
      const zip = await JSZip.loadAsync(sampleBytes());
      const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
      return samplePackage({ "xl/worksheets/sheet2.xml": xml.slice(0, Math.floor(xml.length / 2)) });
    },
    code: "file_sheet_xml_broken",
    says: /抽查事项清单.*第 \d+ 行第 \d+ 列/,
  },
  {
    kind: "a workbook part where ExcelJS does not look (xl/book.xml)",
    name: "另类.xlsx",
    bytes: async () => {
      const zip = await JSZip.loadAsync(sampleBytes());
      const rels = await zip.file("_rels/.rels")!.async("string");
      const wb = await zip.file("xl/workbook.xml")!.async("string");
      const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      return samplePackage({
        "_rels/.rels": rels.replace("xl/workbook.xml", "xl/book.xml"),
        "xl/workbook.xml": null,
        "xl/book.xml": wb,
        "xl/_rels/workbook.xml.rels": null,
        "xl/_rels/book.xml.rels": wbRels,
      });
    },
    code: "file_layout_unsupported",
    params: { part: "xl/book.xml" },
    says: /xl\/book\.xml/,
  },
];

function expectSize(n: number): void {
  if (!(n > 400)) throw new Error(`the fixture needs a sheet of more than 400 compressed bytes, not ${n}`);
}
