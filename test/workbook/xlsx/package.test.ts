// The package reader and writer behind XlsxWorkbook.open: every kind of cell reads as the ExcelJS
// reader reads it (also from files other programs write: inline strings, prefixed elements, 1904
// dates, shared formulas, phonetic runs), and a batch is written whole or not at all, text as text.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetSpec, WriteBatch } from "../../../src/workbook/port";
import { WorkbookChangedError } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { withSheetList } from "../../../src/workbook/xlsx/package";
import * as writer from "../../../src/workbook/xlsx/sheet-write";
import * as scanner from "../../../src/workbook/xlsx/sheet-scan";
import { bytesOf, cellXml, loadExcelJS, sheetXml, workbookXml } from "./helpers";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

async function open(bytes: Uint8Array): Promise<XlsxWorkbook> {
  const book = await XlsxWorkbook.open(bytes);
  expect(book.isPackage).toBe(true);
  return book;
}

/** Both readers on the same bytes: every sheet, name by name. */
async function bothReads(bytes: Uint8Array) {
  const [a, b] = [await XlsxWorkbook.fromBuffer(bytes), await open(bytes)];
  expect(await b.sheetNames()).toEqual(await a.sheetNames());
  for (const n of await a.sheetNames()) expect(await b.readSheet(n)).toEqual(await a.readSheet(n));
  return b;
}

describe("reading", () => {
  test("every kind of cell ExcelJS writes reads as the ExcelJS reader reads it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getRow(1).values = [3, 0.05, true, false, "文本", "", "=不是公式"];
    ws.getCell("A2").value = { richText: [{ text: "富" }, { font: { bold: true }, text: "文本" }] };
    ws.getCell("B2").value = { text: "链接", hyperlink: "https://example.org" };
    ws.getCell("C2").value = { formula: "1+1", result: 2 };
    ws.getCell("D2").value = { formula: "A1>1", result: false };
    ws.getCell("E2").value = { formula: "NA()", result: { error: "#N/A" } };
    ws.getCell("F2").value = { error: "#REF!" };
    ws.getCell("G2").value = { formula: "1/0" };
    ws.getCell("A3").value = new Date(Date.UTC(2026, 2, 30));
    ws.getCell("A3").numFmt = "yyyy-mm-dd";
    ws.getCell("B3").value = 46111;
    ws.getCell("B3").numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell("C3").value = 46111;
    ws.getCell("C3").numFmt = "0.00";
    ws.getCell("D3").value = 'a & b < c > "d"';
    ws.getCell("E5").value = "隔行";
    ws.mergeCells("A7:C8");
    ws.getCell("A7").value = "合并";
    ws.getCell("H9").style = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
    const hidden = wb.addWorksheet("隐藏", { state: "veryHidden" });
    hidden.getCell("A1").value = "x";
    const t = wb.addWorksheet("表");
    t.getCell("B3").value = "标题";
    t.addTable({
      name: "名录",
      ref: "B5",
      headerRow: true,
      columns: [{ name: "统一社会信用代码" }, { name: "名称" }],
      rows: [["X1", "甲"]],
    });
    await wb.addWorksheet("保护").protect("", {});
    await bothReads(await bytesOf(wb));
  });

  test("files other programs write: inline strings, prefixed elements, 1904 dates, shared formulas, phonetic runs", async () => {
    const zip = await JSZip.loadAsync(await bytesOf(await oneSheet()));
    const sheetPath = "xl/worksheets/sheet1.xml";
    zip.file(
      sheetPath,
      '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>内联</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1" s="1"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="2"><x:c r="A2"><x:f t="shared" ref="A2:A3" si="0">B1&amp;"!"</x:f><x:v>7</x:v></x:c><x:c r="B2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>a&amp;b</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3"><x:f t="shared" si="0"/><x:v>8</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>' +
        "</x:sheetData></x:worksheet>",
    );
    zip.file(
      "xl/sharedStrings.xml",
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">' +
        '<si><r><t>上</t></r><r><t>海</t></r><rPh sb="0" eb="1"><t>シャンハイ</t></rPh></si></sst>',
    );
    const book = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", book.replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    zip.file(
      "xl/styles.xml",
      styles
        .replace(
          /<cellXfs count="\d+">/,
          '<cellXfs count="2"><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        )
        .replace(
          /(<cellXfs count="2">(?:<xf[^>]*\/>))[\s\S]*?<\/cellXfs>/,
          '$1<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
        ),
    );
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const s = await (await open(bytes)).readSheet("S");
    expect(s.rows).toEqual([
      ["内联", "上海", new Date(Date.UTC(1904, 0, 2))],
      [7, "a&b"],
      [8, null, null, true, { error: "#DIV/0!" }],
    ]);
  });

  test("a sheet of 50,000 rows streams through and reads as the ExcelJS reader reads it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("检查对象名录库");
    ws.addRow(["统一社会信用代码", "名称", "投诉举报次数", "最近检查日期"]);
    for (let i = 0; i < 50_000; i++) {
      const row = ws.addRow([`9113${String(i).padStart(14, "0")}`, `对象${i}&<${i % 7}>`, i % 5, null]);
      if (i % 3 === 0) {
        row.getCell(4).value = new Date(Date.UTC(2025, i % 12, 1 + (i % 28)));
        row.getCell(4).numFmt = "yyyy-mm-dd";
      }
    }
    const bytes = await bytesOf(wb);
    const book = await open(bytes);
    const s = await book.readSheet("检查对象名录库");
    expect(s.rows).toHaveLength(50_001);
    expect(s.rows[50_000]).toEqual([`9113${String(49_999).padStart(14, "0")}`, "对象49999&<5>", 4]);
    expect(s.rows[1]).toEqual(["911300000000000000", "对象0&<0>", 0, new Date(Date.UTC(2025, 0, 1))]);
    expect(s).toEqual(await (await XlsxWorkbook.fromBuffer(bytes)).readSheet("检查对象名录库"));
  });

  test("bytes that are no workbook are refused with the diagnosis, before any part is read", async () => {
    const zip = await JSZip.loadAsync(await bytesOf(await oneSheet()));
    zip.remove("_rels/.rels");
    await expect(XlsxWorkbook.open(await zip.generateAsync({ type: "uint8array" }))).rejects.toMatchObject({
      name: "NotAWorkbookError",
      code: "file_part_missing",
    });
    await expect(XlsxWorkbook.open(new TextEncoder().encode("not a zip"))).rejects.toMatchObject({
      name: "NotAWorkbookError",
    });
  });
});

async function oneSheet(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("A1").value = "a";
  return wb;
}

async function existing(): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("抽查任务").getCell("A1").value = "任务编号";
  wb.addWorksheet("抽取记录").getCell("A1").value = "旧记录";
  wb.addWorksheet("检查对象名录库").getCell("A1").value = "统一社会信用代码";
  return open(await bytesOf(wb));
}

const NAMES = ["抽查任务", "抽取记录", "检查对象名录库"];

test("the shared strings are read once for sheets read one after another, however long their read takes", async () => {
  // a 1M-row registry's four million strings take seconds to read; they used to be let go a
  // second after the read began, so every later sheet read them all again
  const book = await existing();
  const real = scanner.readSharedStrings;
  let reads = 0;
  const spy = jest.spyOn(scanner, "readSharedStrings").mockImplementation(async (text) => {
    reads++;
    await new Promise((r) => setTimeout(r, 1300));
    return real(text);
  });
  try {
    for (const name of NAMES) expect((await book.readSheet(name)).rows[0][0]).not.toBeNull();
    expect(reads).toBe(1);
  } finally {
    spy.mockRestore();
  }
});

describe("a batch is written whole or not at all", () => {
  test("a sheet name that exists, in any case, refuses the batch and leaves the bytes as they were", async () => {
    const book = await existing();
    const before = await book.toBuffer();
    await expect(
      book.write(
        batch({
          create: [
            { name: "新", rows: [["x"]] },
            { name: "抽查任务", rows: [["x"]] },
          ],
        }),
      ),
    ).rejects.toThrow(/抽查任务/);
    await expect(book.write(batch({ create: [{ name: "检查对象名录库".toUpperCase(), rows: [] }] }))).rejects.toThrow(
      /exists/,
    );
    expect(await book.sheetNames()).toEqual(NAMES);
    expect(Buffer.from(await book.toBuffer()).equals(Buffer.from(before))).toBe(true);
  });

  test("a fault in a later sheet, or a failure while building, leaves nothing written", async () => {
    const book = await existing();
    const before = await book.toBuffer();
    const bad: SheetSpec = { name: "坏", rows: [["x"]], merges: ["A1:B2", "B2:C3"] };
    await expect(book.write(batch({ create: [{ name: "另一个", rows: [["y"]] }, bad] }))).rejects.toThrow(/overlap/);
    const real = writer.sheetXml;
    let calls = 0;
    const spy = jest.spyOn(writer, "sheetXml").mockImplementation((spec, styles, table) => {
      if (++calls === 2) throw new Error("disk full, say");
      return real(spec, styles, table);
    });
    try {
      await expect(
        book.write(
          batch({
            create: [{ name: "抽取结果-1", rows: [["a"]] }],
            replace: [{ name: "抽取记录", rows: [["新"]] }],
          }),
        ),
      ).rejects.toThrow(/disk full/);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(await book.sheetNames()).toEqual(NAMES);
    expect((await book.readSheet("抽取记录")).rows).toEqual([["旧记录"]]);
    expect(Buffer.from(await book.toBuffer()).equals(Buffer.from(before))).toBe(true);
  });

  test("a sheet that no longer ends where it was read refuses the batch", async () => {
    const book = await existing();
    await expect(
      book.write(batch({ expect: [{ sheet: "抽取记录", lastRow: 2 }], create: [{ name: "新", rows: [["x"]] }] })),
    ).rejects.toBeInstanceOf(WorkbookChangedError);
    expect(await book.sheetNames()).toEqual(NAMES);
    await book.write(
      batch({
        expect: [
          { sheet: "抽取记录", lastRow: 1 },
          { sheet: "无此表", lastRow: 0 },
        ],
      }),
    );
  });

  test("an Excel table name already in the workbook is refused", async () => {
    const book = await existing();
    const named = (name: string): SheetSpec => ({
      name,
      rows: [["名称"], ["甲"]],
      table: { name: "名单", range: "A1:A2" },
    });
    await book.write(batch({ create: [named("一")] }));
    await expect(book.write(batch({ create: [named("二")] }))).rejects.toThrow(/名单/);
    // a replaced sheet frees its table's name
    await book.write(batch({ replace: [named("一")] }));
    expect((await book.readSheet("一")).tables).toEqual([
      { name: "名单", headerRow: 1, firstColumn: 1, lastColumn: 1, lastRow: 2 },
    ]);
  });
});

describe("what is written", () => {
  test("replace keeps the sheet's place, creates at the end, and the file opens in ExcelJS with the same cells", async () => {
    const book = await existing();
    await book.write(
      batch({
        replace: [
          {
            name: "抽取记录",
            rows: [["抽取时间"], ["2026-04-01"]],
            protect: true,
            page: { orientation: "portrait", printTitleRows: "1:1" },
          },
          { name: "抽查统计", rows: [["统计"], [3]] },
        ],
      }),
    );
    expect(await book.sheetNames()).toEqual([...NAMES, "抽查统计"]);
    const bytes = await book.toBuffer();
    const wb = await loadExcelJS(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...NAMES, "抽查统计"]);
    expect(wb.getWorksheet("抽取记录")!.getCell("A2").value).toBe("2026-04-01");
    expect(wb.getWorksheet("抽查统计")!.getCell("A2").value).toBe(3);
    expect(await sheetXml(bytes, "抽取记录")).toMatch(/<sheetProtection\b[^>]*sheet="1"/);
    expect(await workbookXml(bytes)).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="1">[^<]*抽取记录[^<]*!\$1:\$1</,
    );
  });

  test("text that looks like a formula stays text, in new sheets and in appended rows", async () => {
    const book = await existing();
    const dangerous = ['=HYPERLINK("x")', "+1", "-1", "@a", "=1+1"];
    await book.write(
      batch({
        create: [{ name: "名单", rows: [dangerous] }],
        append: [{ sheet: "检查对象名录库", rows: [dangerous], whenAbsent: { name: "检查对象名录库", rows: [] } }],
      }),
    );
    const bytes = await book.toBuffer();
    for (const sheet of ["名单", "检查对象名录库"]) {
      const xml = await sheetXml(bytes, sheet);
      expect(xml).not.toMatch(/<f[\s>]/);
      const ws = (await loadExcelJS(bytes)).getWorksheet(sheet)!;
      const row = sheet === "名单" ? 1 : 2;
      dangerous.forEach((text, i) => {
        const cell = ws.getRow(row).getCell(i + 1);
        expect(cell.value).toBe(text);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe("@");
      });
      expect(cellXml(xml, `A${row}`)).toMatch(/t="inlineStr"/);
    }
  });

  test("append goes under the last used row, into formatted empty rows, with drop-downs only where none is", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("检查结果");
    ws.getRow(1).values = ["任务编号", "名称", "检查结果"];
    ws.getRow(2).values = ["T0", "旧对象", "未发现问题"];
    ws.getCell("C3").style = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
    (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[
      "C2:C3"
    ] = { type: "list", allowBlank: true, formulae: ['"甲,乙"'] };
    const book = await open(await bytesOf(wb));
    const list = ["未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"];
    await book.write(
      batch({
        append: [
          {
            sheet: "检查结果",
            rows: [
              ["T1", "甲", null],
              ["T1", "乙", 5],
            ],
            whenAbsent: { name: "检查结果", rows: [] },
            validations: [{ column: 3, list }],
          },
        ],
      }),
    );
    expect((await book.readSheet("检查结果")).rows).toEqual([
      ["任务编号", "名称", "检查结果"],
      ["T0", "旧对象", "未发现问题"],
      ["T1", "甲"],
      ["T1", "乙", 5],
    ]);
    const bytes = await book.toBuffer();
    const xml = await sheetXml(bytes, "检查结果");
    expect(xml).toMatch(/<dataValidation\b[^>]*sqref="C4:C4"/);
    expect(xml).not.toMatch(/sqref="C3:C4"/);
    const back = (await loadExcelJS(bytes)).getWorksheet("检查结果")!;
    // the formatted empty cell keeps its fill under the new value's row
    expect((back.getCell("C3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    expect(back.getCell("A3").value).toBe("T1");
  });

  test("an edit of existing cells goes through ExcelJS and is written as before", async () => {
    const book = await existing();
    await book.write(batch({ edit: [{ sheet: "抽取记录", cells: [{ row: 1, column: 2, value: "=已作废" }] }] }));
    expect(book.isPackage).toBe(false);
    expect((await book.readSheet("抽取记录")).rows).toEqual([["旧记录", "=已作废"]]);
    expect(await sheetXml(await book.toBuffer(), "抽取记录")).not.toMatch(/<f[\s>]/);
  });

  test("after an edit, a batch of new sheets is written by the package writer again, the edit kept", async () => {
    const book = await existing();
    await book.write(batch({ edit: [{ sheet: "抽取记录", cells: [{ row: 1, column: 2, value: "已作废" }] }] }));
    expect(book.isPackage).toBe(false);
    await book.write(batch({ create: [{ name: "一企一表-1", rows: [["表"]], merges: ["A1:B1"] }] }));
    expect(book.isPackage).toBe(true);
    const saved = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect((await saved.readSheet("抽取记录")).rows).toEqual([["旧记录", "已作废"]]);
    expect((await saved.readSheet("一企一表-1")).rows).toEqual([["表"]]);
    expect(saved.workbook.getWorksheet("一企一表-1")!.getCell("B1").isMerged).toBe(true);
  });
});

describe("a workbook of no sheets", () => {
  test("the package writer adds the <sheets> list that ExcelJS leaves out of an empty workbook", async () => {
    const book = XlsxWorkbook.empty();
    await book.write(batch({ create: [{ name: "名单", rows: [["甲"]] }] }));
    expect(book.isPackage).toBe(true);
    const back = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect(await back.sheetNames()).toEqual(["名单"]);
    expect((await back.readSheet("名单")).rows).toEqual([["甲"]]);
  });

  test("the list goes where the schema puts it: after bookViews, or in place of an empty <sheets/>", () => {
    const open = '<workbook xmlns="m">';
    expect(withSheetList(`${open}<workbookPr/><bookViews><workbookView/></bookViews><calcPr/></workbook>`)).toBe(
      `${open}<workbookPr/><bookViews><workbookView/></bookViews><sheets></sheets><calcPr/></workbook>`,
    );
    expect(withSheetList(`${open}<fileVersion appName="xl"/><sheets/><calcPr/></workbook>`)).toBe(
      `${open}<fileVersion appName="xl"/><sheets></sheets><calcPr/></workbook>`,
    );
    expect(withSheetList(`${open}<calcPr/></workbook>`)).toBe(`${open}<sheets></sheets><calcPr/></workbook>`);
    const listed = `${open}<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(withSheetList(listed)).toBe(listed);
  });
});
