// Files that are not readable workbooks get a diagnosis a clerk can act on, in Chinese and in
// English, from the catalogue: never JSZip's or ExcelJS's own words.
import { render } from "../../../src/core/issues/issue";
import { NotAWorkbookError, XlsxWorkbook } from "../../../src/workbook/xlsx";
import { diagnoseFailure, diagnoseWorkbook } from "../../../src/workbook/xlsx/diagnose";
import { failureText } from "../../../src/taskpane/pane-logic";
import { ODD_FILES, sampleBytes, samplePackage } from "./odd-files";

/** Words of the libraries' own errors, seen in the wild before the diagnosis existed. */
const LIBRARY_WORDS =
  /end of central directory|stuk\.github|Corrupted zip|uncompressed data size|sheetNo|Cannot (read|set) properties|undefined|Unexpected|Error:/i;

async function refusal(bytes: Uint8Array): Promise<NotAWorkbookError> {
  const e = await XlsxWorkbook.fromBuffer(bytes).then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof NotAWorkbookError)) throw new Error(`expected a NotAWorkbookError, got ${String(e)}`);
  return e;
}

describe("a file that is no readable workbook", () => {
  test.each(ODD_FILES.map((f) => [f.kind, f] as const))("%s", async (_kind, f) => {
    const e = await refusal(await f.bytes());
    expect(e.code).toBe(f.code);
    if (f.params) expect(e.params).toEqual(expect.objectContaining(f.params));
    // the clerk's text, in both languages, from the catalogue, with what to do
    expect(e.texts.zh).toBe(render(e.code, e.params, "zh"));
    expect(e.texts.zh).toMatch(f.says);
    expect(e.texts.zh).not.toMatch(/\{\w+\}/);
    expect(e.texts.en).not.toMatch(/\{\w+\}/);
    expect(e.texts.zh).not.toMatch(LIBRARY_WORDS);
    expect(e.texts.en).not.toMatch(LIBRARY_WORDS);
    // the pane shows the same words
    expect(failureText("zh", e)).toBe(e.texts.zh);
    expect(failureText("en", e)).toBe(e.texts.en);
  });

  test("the sample, and the sample rewritten by the adapter, pass the diagnosis", async () => {
    expect(await diagnoseWorkbook(sampleBytes())).toBeNull();
    const again = await (await XlsxWorkbook.fromBuffer(sampleBytes())).toBuffer();
    expect(await diagnoseWorkbook(again)).toBeNull();
    expect(await diagnoseWorkbook(await samplePackage({}, "STORE"))).toBeNull();
  });

  test("a package whose sheets hold no shared strings needs no sharedStrings.xml", async () => {
    const zipOnlyNumbers = await samplePackage({
      "xl/sharedStrings.xml": null,
      "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      "xl/workbook.xml":
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="数" sheetId="1" r:id="rId4"/></sheets></workbook>',
      "xl/worksheets/sheet1.xml":
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData></worksheet>',
    });
    expect(await diagnoseWorkbook(zipOnlyNumbers)).toBeNull();
    const book = await XlsxWorkbook.fromBuffer(zipOnlyNumbers);
    expect((await book.readSheet("数")).rows).toEqual([[5]]);
  });

  test("the failure path names the broken part even when called on its own", async () => {
    const broken = ODD_FILES.find((f) => f.code === "file_sheet_xml_broken")!;
    const d = await diagnoseFailure(await broken.bytes());
    expect(d).toMatchObject({
      code: "file_sheet_xml_broken",
      params: { sheet: "抽查事项清单", part: "xl/worksheets/sheet2.xml" },
    });
    expect(d.params.line).toBeGreaterThan(0);
    expect(await diagnoseFailure(sampleBytes())).toEqual({ code: "file_unreadable", params: {} });
  });
});
