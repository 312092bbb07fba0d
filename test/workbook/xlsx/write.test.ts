// Writing sheets: text stays text, and what a clerk sees in Excel (protection, drop-downs, print
// setup, frozen header, tables) is in the saved file.
import ExcelJS from "exceljs";
import type { SheetSpec, WriteBatch } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import type { ModelOptions } from "../../../src/workbook/xlsx/workbook";
import * as render from "../../../src/workbook/xlsx/render";
import * as writer from "../../../src/workbook/xlsx/sheet-write";
import { bytesOf, cellXml, loadExcelJS, sheetXml, workbookXml } from "./helpers";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

// Each test runs on both writers of the adapter: the package writer, which writes every batch
// that adds sheets or rows (also into a workbook held in ExcelJS), and ExcelJS's renderer, which
// writes the batches that edit existing cells.
const WRITERS: [string, ModelOptions][] = [
  ["the package writer", {}],
  ["ExcelJS's renderer", { keepModel: true }],
];

describe.each(WRITERS)("%s", (_writer, options) => {
  async function written(spec: SheetSpec): Promise<{ bytes: Uint8Array; xml: string; ws: ExcelJS.Worksheet }> {
    const book = XlsxWorkbook.empty(options);
    await book.write(batch({ create: [spec] }));
    const bytes = await book.toBuffer();
    const ws = (await loadExcelJS(bytes)).getWorksheet(spec.name)!;
    return { bytes, xml: await sheetXml(bytes, spec.name), ws };
  }

  describe("text is never a formula", () => {
    const dangerous = ['=HYPERLINK("x")', "+1", "-1", "@a", "=1+1", "=SUM(A1:A2)"];

    test("strings that look like formulas are written and read back as the same text", async () => {
      const { xml, ws, bytes } = await written({ name: "名单", rows: [dangerous] });
      dangerous.forEach((text, i) => {
        const address = `${String.fromCharCode(65 + i)}1`;
        const cell = ws.getCell(address);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(text);
        expect(cell.numFmt).toBe("@");
        const c = cellXml(xml, address)!;
        expect(c).not.toBeNull();
        expect(c).not.toMatch(/<f[\s>]/);
        expect(c).toMatch(/t="(s|inlineStr)"/);
      });
      expect(xml).not.toMatch(/<f[\s>]/);
      const back = await (await XlsxWorkbook.fromBuffer(bytes)).readSheet("名单");
      expect(back.rows).toEqual([dangerous]);
    });

    test("numbers and booleans stay numbers and booleans; text digits stay text", async () => {
      const { ws } = await written({ name: "S", rows: [[3, 0.25, true, "0012", null, "尾"]] });
      expect(ws.getCell("A1").value).toBe(3);
      expect(ws.getCell("B1").value).toBe(0.25);
      expect(ws.getCell("C1").value).toBe(true);
      expect(ws.getCell("D1").value).toBe("0012");
      expect(ws.getCell("E1").value).toBeNull();
    });

    test("appended rows keep text as text too", async () => {
      const book = XlsxWorkbook.empty(options);
      const header: SheetSpec = { name: "检查结果", rows: [["名称", "备注"]] };
      await book.write(batch({ append: [{ sheet: "检查结果", rows: [["=1+1", "-5"]], whenAbsent: header }] }));
      const bytes = await book.toBuffer();
      const xml = await sheetXml(bytes, "检查结果");
      expect(xml).not.toMatch(/<f[\s>]/);
      const ws = (await loadExcelJS(bytes)).getWorksheet("检查结果")!;
      expect(ws.getCell("A2").value).toBe("=1+1");
      expect(ws.getCell("B2").value).toBe("-5");
      expect(ws.getCell("A2").numFmt).toBe("@");
    });
  });

  describe("sheet features in the saved file", () => {
    test("protection locks every cell except the unlocked ranges", async () => {
      const { ws, xml } = await written({
        name: "抽取结果-1",
        rows: [
          ["标题", "", ""],
          ["a", "b", "c"],
          ["d", "e", "f"],
        ],
        protect: true,
        unlocked: ["C2:C3"],
      });
      expect(xml).toMatch(/<sheetProtection\b[^>]*sheet="1"/);
      expect(ws.getCell("C2").protection?.locked).toBe(false);
      expect(ws.getCell("C3").protection?.locked).toBe(false);
      // absent or true both mean locked in Excel
      expect(ws.getCell("A2").protection?.locked).not.toBe(false);
      expect(ws.getCell("B3").protection?.locked).not.toBe(false);
    });

    test("an unprotected sheet carries no protection", async () => {
      const { xml } = await written({ name: "S", rows: [["a"]] });
      expect(xml).not.toMatch(/<sheetProtection/);
    });

    test("drop-down lists are in-cell list validations over the given range", async () => {
      const { xml, ws } = await written({
        name: "检查结果",
        rows: [["检查结果"], [null], [null]],
        validations: [{ range: "A2:A3", list: ["未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"] }],
      });
      expect(xml).toMatch(/<dataValidation\b[^>]*type="list"[^>]*sqref="A2:A3"/);
      expect(xml).toContain("<formula1>&quot;未发现问题,发现问题已责令整改,行政处罚,无法联系&quot;</formula1>");
      const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
        .dataValidations.model;
      expect(dv.A2?.type).toBe("list");
      expect(dv.A2?.formulae).toEqual(['"未发现问题,发现问题已责令整改,行政处罚,无法联系"']);
    });

    test("a drop-down list longer than Excel's 255 characters is refused", async () => {
      const book = XlsxWorkbook.empty(options);
      const long = Array.from({ length: 60 }, (_, i) => `选项${i}`);
      await expect(
        book.write(batch({ create: [{ name: "S", rows: [["x"]], validations: [{ range: "A1", list: long }] }] })),
      ).rejects.toThrow(/255/);
      expect(await book.sheetNames()).toEqual([]);
    });

    test("page setup: A4, orientation, fit to one page wide, print titles, row breaks", async () => {
      const rows = Array.from({ length: 30 }, (_, i) => [`行${i + 1}`]);
      const { xml, bytes, ws } = await written({
        name: "一企一表-1",
        rows,
        page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:2", rowBreaks: [10, 20] },
      });
      expect(xml).toMatch(/<pageSetup\b[^>]*paperSize="9"/);
      expect(xml).toMatch(/<pageSetup\b[^>]*orientation="landscape"/);
      expect(xml).toMatch(/<pageSetup\b[^>]*fitToWidth="1"/);
      expect(xml).toMatch(/<pageSetup\b[^>]*fitToHeight="0"/);
      expect(xml).toMatch(/<pageSetUpPr\b[^>]*fitToPage="1"/);
      expect(xml).toMatch(/<rowBreaks\b[^>]*count="2"/);
      expect(xml).toMatch(/<brk\b[^>]*id="10"/);
      expect(xml).toMatch(/<brk\b[^>]*id="20"/);
      const book = await workbookXml(bytes);
      expect(book).toMatch(
        /<definedName name="_xlnm.Print_Titles" localSheetId="0">(?:'|&apos;)一企一表-1(?:'|&apos;)!\$1:\$2<\/definedName>/,
      );
      expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    });

    test("portrait without fitting leaves the scale alone", async () => {
      const { xml } = await written({ name: "S", rows: [["a"]], page: { orientation: "portrait" } });
      expect(xml).toMatch(/<pageSetup\b[^>]*orientation="portrait"/);
      expect(xml).not.toMatch(/fitToPage="1"/);
    });

    test("frozen header rows, column widths, merges and styles", async () => {
      const { xml, ws } = await written({
        name: "S",
        rows: [
          ["抽查名单", null, null],
          ["名称", "地址", "类别"],
          ["甲", "乙", "丙"],
        ],
        columnWidths: [30, 12],
        frozenRows: 2,
        merges: ["A1:C1"],
        styles: [
          { range: "A1:C1", style: { bold: true, fontSize: 16, horizontal: "center" } },
          { range: "A2:C2", style: { bold: true, fill: "DDEBF7", fontColor: "C00000", border: true, wrap: true } },
        ],
      });
      expect(xml).toMatch(/<pane\b[^>]*ySplit="2"[^>]*state="frozen"/);
      expect(xml).toContain('<mergeCell ref="A1:C1"/>');
      expect(ws.getColumn(1).width).toBe(30);
      expect(ws.getColumn(2).width).toBe(12);
      expect(ws.getCell("A1").font?.bold).toBe(true);
      expect(ws.getCell("A1").font?.size).toBe(16);
      expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
      const b2 = ws.getCell("B2");
      expect(b2.font?.bold).toBe(true);
      expect(b2.font?.color?.argb).toBe("FFC00000");
      expect((b2.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
      expect(b2.border?.top?.style).toBe("thin");
      expect(b2.alignment?.wrapText).toBe(true);
      expect(ws.getCell("B3").font?.bold).not.toBe(true);
    });

    test("row heights, when the spec carries them, are set in points", async () => {
      const spec = { name: "S", rows: [["a"], ["很长的检查要点"], ["c"]], rowHeights: [20, 48] } as SheetSpec;
      const { ws, xml } = await written(spec);
      expect(ws.getRow(1).height).toBe(20);
      expect(ws.getRow(2).height).toBe(48);
      expect(xml).toMatch(/<row r="2"[^>]*ht="48"[^>]*customHeight="1"/);
    });

    test("many merges are written and read back, and ExcelJS still refuses an overlapping one", async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => [`表${i + 1}`, null, null, "签字", null]);
      const merges = rows.flatMap((_, i) => [`A${i + 1}:C${i + 1}`, `D${i + 1}:E${i + 1}`]);
      const { bytes } = await written({ name: "一企一表-1", rows, merges });
      const book = await XlsxWorkbook.fromBuffer(bytes);
      const back = await book.readSheet("一企一表-1");
      expect(back.rows[2999]).toEqual(["表3000", null, null, "签字"]);
      const ws = book.workbook.getWorksheet("一企一表-1")!;
      expect(() => ws.mergeCells("B5:D5")).toThrow(/already merged/);
      expect(() => ws.mergeCells("A3001:E3002")).not.toThrow();
      ws.unMergeCells("A1:C1");
      expect(() => ws.mergeCells("A1:B1")).not.toThrow();
    });

    test("an Excel table is created over the range and read back as a table", async () => {
      const { bytes } = await written({
        name: "名录",
        rows: [
          ["统一社会信用代码", "名称"],
          ["X1", "甲"],
          ["X2", "乙"],
        ],
        table: { name: "名录表", range: "A1:B3" },
      });
      const back = await (await XlsxWorkbook.fromBuffer(bytes)).readSheet("名录");
      expect(back.tables).toEqual([{ name: "名录表", headerRow: 1, firstColumn: 1, lastColumn: 2, lastRow: 3 }]);
      expect(back.rows).toEqual([
        ["统一社会信用代码", "名称"],
        ["X1", "甲"],
        ["X2", "乙"],
      ]);
    });
  });

  describe("a batch is written whole or not at all", () => {
    async function existing(): Promise<XlsxWorkbook> {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("抽查任务").getCell("A1").value = "任务编号";
      wb.addWorksheet("抽取记录").getCell("A1").value = "旧记录";
      wb.addWorksheet("检查对象名录库").getCell("A1").value = "统一社会信用代码";
      return XlsxWorkbook.fromBuffer(await bytesOf(wb), options);
    }

    test("creating a sheet whose name exists (in any case) throws and writes nothing", async () => {
      const book = await existing();
      const before = await book.toBuffer();
      const fresh: SheetSpec = { name: "抽取结果-1", rows: [["新"]] };
      await expect(book.write(batch({ create: [fresh, { name: "抽查任务", rows: [["x"]] }] }))).rejects.toThrow(
        /抽查任务/,
      );
      expect(await book.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库"]);
      expect((await book.readSheet("抽查任务")).rows).toEqual([["任务编号"]]);
      // saved, the workbook holds the same sheets and cells as before
      const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
      const old = await XlsxWorkbook.fromBuffer(before);
      expect(await again.sheetNames()).toEqual(await old.sheetNames());

      const upper = XlsxWorkbook.empty(options);
      await upper.write(batch({ create: [{ name: "Sheet", rows: [] }] }));
      await expect(upper.write(batch({ create: [{ name: "SHEET", rows: [] }] }))).rejects.toThrow(/exists/);
    });

    test("a fault in a later sheet of the batch leaves the earlier ones unwritten", async () => {
      const book = await existing();
      const bad: SheetSpec = { name: "坏", rows: [["x"]], merges: ["A1:B2", "B2:C3"] };
      await expect(
        book.write(
          batch({
            create: [{ name: "抽取结果-1", rows: [["新"]] }],
            replace: [{ name: "抽取记录", rows: [["新记录"]] }],
            append: [{ sheet: "检查结果", rows: [["r"]], whenAbsent: { name: "检查结果", rows: [["h"]] } }],
          }),
        ),
      ).resolves.toBeUndefined();
      const names = await book.sheetNames();
      await expect(book.write(batch({ create: [{ name: "另一个", rows: [["y"]] }, bad] }))).rejects.toThrow(/overlap/);
      expect(await book.sheetNames()).toEqual(names);
    });

    test("a failure while building (after the checks) removes every sheet built so far", async () => {
      const book = await existing();
      let calls = 0;
      const fail = () => {
        if (++calls === 3) throw new Error("disk full, say");
      };
      // the step that builds one sheet, in each writer
      const realRender = render.renderSheet;
      const realXml = writer.sheetXml;
      const spy = options.keepModel
        ? jest.spyOn(render, "renderSheet").mockImplementation(async (ws, spec) => {
            fail();
            return realRender(ws, spec);
          })
        : jest.spyOn(writer, "sheetXml").mockImplementation((spec, styles, table) => {
            fail();
            return realXml(spec, styles, table);
          });
      try {
        await expect(
          book.write(
            batch({
              create: [{ name: "抽取结果-1", rows: [["a"]] }],
              replace: [{ name: "抽取记录", rows: [["新"]] }],
              append: [{ sheet: "检查结果", rows: [["r"]], whenAbsent: { name: "检查结果", rows: [["h"]] } }],
            }),
          ),
        ).rejects.toThrow(/disk full/);
      } finally {
        spy.mockRestore();
      }
      expect(calls).toBe(3);
      expect(await book.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库"]);
      expect((await book.readSheet("抽取记录")).rows).toEqual([["旧记录"]]);
      const saved = await XlsxWorkbook.fromBuffer(await book.toBuffer());
      expect(await saved.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库"]);
    });

    test("a value that is not a cell is refused before anything is written", async () => {
      const book = await existing();
      const second: SheetSpec = { name: "抽取结果-2", rows: [["b"]] };
      (second.rows[0] as unknown[])[0] = { not: "a cell" };
      await expect(book.write(batch({ create: [{ name: "抽取结果-1", rows: [["a"]] }, second] }))).rejects.toThrow(
        /抽取结果-2!A1/,
      );
      expect(await book.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库"]);
    });

    test("replace rewrites a sheet whole in its place; an absent one is created at the end", async () => {
      const book = await existing();
      await book.write(
        batch({
          replace: [
            { name: "抽取记录", rows: [["抽取时间"], ["2026-04-01"]], protect: true },
            { name: "抽查统计", rows: [["统计"]] },
          ],
        }),
      );
      expect(await book.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库", "抽查统计"]);
      expect((await book.readSheet("抽取记录")).rows).toEqual([["抽取时间"], ["2026-04-01"]]);
      const bytes = await book.toBuffer();
      const reread = await XlsxWorkbook.fromBuffer(bytes);
      expect(await reread.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库", "抽查统计"]);
      expect(await sheetXml(bytes, "抽取记录")).toMatch(/<sheetProtection/);
    });

    test("append adds rows under the last used row, with the drop-downs on the new rows", async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("检查结果");
      ws.getRow(1).values = ["任务编号", "名称", "检查结果"];
      ws.getRow(2).values = ["T0", "旧对象", "未发现问题"];
      ws.getCell("C9").style = { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } }; // formatted, empty
      const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb), options);
      const whenAbsent: SheetSpec = { name: "检查结果", rows: [["不该用到"]] };
      const list = ["未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"];
      await book.write(
        batch({
          append: [
            {
              sheet: "检查结果",
              rows: [
                ["T1", "甲", null],
                ["T1", "乙", null],
              ],
              whenAbsent,
              validations: [{ column: 3, list }],
            },
          ],
        }),
      );
      expect((await book.readSheet("检查结果")).rows).toEqual([
        ["任务编号", "名称", "检查结果"],
        ["T0", "旧对象", "未发现问题"],
        ["T1", "甲"],
        ["T1", "乙"],
      ]);
      const xml = await sheetXml(await book.toBuffer(), "检查结果");
      expect(xml).toMatch(/<dataValidation\b[^>]*type="list"[^>]*sqref="C3:C4"/);
    });

    test("append to an absent sheet creates it from whenAbsent, then appends below its header", async () => {
      const book = await existing();
      const progress: string[] = [];
      const whenAbsent: SheetSpec = {
        name: "检查结果",
        rows: [["任务编号", "名称"]],
        frozenRows: 1,
        styles: [{ range: "A1:B1", style: { bold: true } }],
      };
      await book.write(
        batch({ append: [{ sheet: "检查结果", rows: [["T1", "甲"]], whenAbsent }] }),
        (done, total, label) => progress.push(`${done}/${total} ${label}`),
      );
      await book.write(batch({ append: [{ sheet: "检查结果", rows: [["T2", "乙"]], whenAbsent }] }));
      expect(await book.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库", "检查结果"]);
      expect((await book.readSheet("检查结果")).rows).toEqual([
        ["任务编号", "名称"],
        ["T1", "甲"],
        ["T2", "乙"],
      ]);
      expect(progress[progress.length - 1]).toBe("2/2 检查结果");
    });

    test("names Excel refuses are refused before anything is written", async () => {
      const book = await existing();
      for (const name of [
        "a/b",
        "[x]",
        "'q'",
        "",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二",
      ]) {
        await expect(book.write(batch({ create: [{ name, rows: [] }] }))).rejects.toThrow();
      }
      expect(await book.sheetNames()).toEqual(["抽查任务", "抽取记录", "检查对象名录库"]);
    });
  });
});
