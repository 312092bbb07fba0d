// Reading cells of files made by other programs: each kind of cell comes back as the port's value.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook, NotAWorkbookError } from "../../../src/workbook/xlsx";
import { emptyTextFormulaCells } from "../../../src/workbook/xlsx/read";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bytesOf, removeTempDirs, tempDir } from "./helpers";

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, sheet = "S") {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(sheet), wb);
  const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
  return book.readSheet(sheet);
}

describe("reading cells", () => {
  afterAll(removeTempDirs);

  test("date cells come back as UTC dates with the cell's calendar fields, also in Los Angeles", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = utc(2026, 3, 30);
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    ws.getCell("B1").value = utc(2026, 12, 31, 23, 30);
    ws.getCell("B1").numFmt = "yyyy/m/d h:mm";
    ws.getCell("C1").value = 46111; // a date serial with a date format, as Excel stores it
    ws.getCell("C1").numFmt = 'yyyy"年"m"月"d"日"';
    const dir = tempDir();
    const file = join(dir, "dates.xlsx");
    writeFileSync(file, await bytesOf(wb));
    // jest keeps its own copy of process.env, so the zone is set on a child process that reads
    // the file with the adapter: on the far side of UTC from China, where a local-time slip shows
    const script = join(dir, "read-dates.ts");
    writeFileSync(
      script,
      `import { readXlsxFile } from ${JSON.stringify(resolve(__dirname, "../../../src/workbook/xlsx/file"))};
       readXlsxFile(${JSON.stringify(file)}).then(async (b) => {
         const s = await b.readSheet("S");
         console.log(JSON.stringify({ offset: new Date(Date.UTC(2026, 2, 30)).getTimezoneOffset(), dates: s.rows[0].map((d) => (d as Date).toISOString()) }));
       });`,
    );
    const tsx = resolve(__dirname, "../../../node_modules/.bin/tsx");
    const out = execFileSync(tsx, [script], { env: { ...process.env, TZ: "America/Los_Angeles" }, encoding: "utf8" });
    const got = JSON.parse(out.trim().split("\n").pop()!);
    expect(got.offset).toBe(420); // the child really ran in Los Angeles
    expect(got.dates).toEqual(["2026-03-30T00:00:00.000Z", "2026-12-31T23:30:00.000Z", "2026-03-30T00:00:00.000Z"]);
    // and in this process, whatever its zone
    const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect((await book.readSheet("S")).rows[0].map((d) => (d as Date).toISOString())).toEqual(got.dates);
  });

  test("numbers, booleans and text stay what they are; empty text is empty", async () => {
    const s = await roundTrip((ws) => {
      ws.getRow(1).values = [3, 0.05, true, false, "文本", ""];
    });
    expect(s.rows).toEqual([[3, 0.05, true, false, "文本"]]);
  });

  test("rich text is flattened to its plain text", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "石家庄" }, { font: { bold: true }, text: "某医院" }] };
    });
    expect(s.rows[0][0]).toBe("石家庄某医院");
  });

  test("formula cells give their cached result: number, zero, text, false, date, error", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = { formula: "1+1", result: 2 };
      ws.getCell("B1").value = { formula: "1-1", result: 0 };
      ws.getCell("C1").value = { formula: '"a"&"b"', result: "ab" };
      ws.getCell("D1").value = { formula: "1>2", result: false } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell("E1").value = { formula: "DATE(2026,3,30)", result: utc(2026, 3, 30) };
      ws.getCell("E1").numFmt = "yyyy-mm-dd";
      ws.getCell("F1").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
      ws.getCell("G1").value = { formula: "A1*3" } as ExcelJS.CellFormulaValue;
    });
    const row = s.rows[0];
    expect(row.slice(0, 4)).toEqual([2, 0, "ab", false]);
    expect((row[4] as Date).toISOString()).toBe("2026-03-30T00:00:00.000Z");
    expect(row[5]).toEqual({ error: "#N/A" });
    // written by a program that never calculated it: the formula, not an empty cell
    expect(row[6]).toEqual({ formula: "A1*3" });
  });

  /** A one-sheet workbook whose row 1 is the given cell XML, as another program would write it. */
  async function withCells(cells: string) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const zip = await JSZip.loadAsync(await bytesOf(wb));
    const path = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(path)!.async("string")).replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      `<sheetData><row r="1">${cells}</row></sheetData>`,
    );
    zip.file(path, xml);
    const book = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "uint8array" }));
    return (await book.readSheet("S")).rows[0];
  }

  test("a formula with no result in the file is an uncalculated formula; an empty text result is empty", async () => {
    const row = await withCells(
      [
        // Excel and LibreOffice: =IF(…,"",…) evaluated to an empty text
        `<c r="A1" t="str"><f>IF(1,"","x")</f><v></v></c>`,
        `<c r="B1" t="str"><f>IF(1,"","x")</f><v/></c>`,
        // openpyxl, ExcelJS and other generators: the formula alone, or an empty <v> without a type
        `<c r="C1"><f>B2*3</f></c>`,
        `<c r="D1"><f>VLOOKUP(A1,对照!A:B,2,0)</f><v></v></c>`,
        // a calculated text and a calculated number stay what they are
        `<c r="E1" t="str"><f>"A"&amp;""</f><v>A</v></c>`,
        `<c r="F1"><f>1+1</f><v>2</v></c>`,
      ].join(""),
    );
    expect(row).toEqual([null, null, { formula: "B2*3" }, { formula: "VLOOKUP(A1,对照!A:B,2,0)" }, "A", 2]);
  });

  test("the cells of a shared formula without results each give their own formula", async () => {
    const row = await withCells(
      `<c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:D1" si="0">A1*10</f></c>` +
        `<c r="C1"><f t="shared" si="0"/></c><c r="D1"><f t="shared" si="0"/></c>`,
    );
    expect(row).toEqual([1, { formula: "A1*10" }, { formula: "B1*10" }, { formula: "C1*10" }]);
  });

  test("empty text results are found in the sheet XML without reading other cells", () => {
    const xml =
      `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><f>""</f><v></v></c>` +
      `<c r="C1" t="str" s="3"><f>T(A1)</f></c><c r="D1" t="str"><f>"x"</f><v>x</v></c>` +
      `<c r="E1" s="2" t="str"/><c r="F1"><f>1</f></c></row></sheetData>`;
    expect(emptyTextFormulaCells(xml)).toEqual(["B1", "C1"]);
    expect(emptyTextFormulaCells("<sheetData/>")).toEqual([]);
  });

  test("a control character that Excel stores as _x000B_ reads as the character itself", async () => {
    // in the shared strings, as Excel writes a vertical tab typed or pasted into a cell
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = "某某_x000B_医院";
    });
    expect(s.rows[0]).toEqual(["某某\u000b医院"]);
  });

  test("hidden and very hidden sheets are read like any other", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("抽查任务", { state: "hidden" }).getCell("A1").value = "任务编号";
    wb.addWorksheet("节假日", { state: "veryHidden" }).getCell("A1").value = "日期";
    const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect(await book.sheetNames()).toEqual(["抽查任务", "节假日"]);
    expect((await book.readSheet("抽查任务")).rows).toEqual([["任务编号"]]);
    expect((await book.readSheet("节假日")).rows).toEqual([["日期"]]);
  });

  test("shared formulas give each cell its own cached result", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("A3").value = 3;
      ws.getCell("B1").value = {
        formula: "A1*10",
        result: 10,
        shareType: "shared",
        ref: "B1:B3",
      } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 20 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell("B3").value = { sharedFormula: "B1", result: 30 } as ExcelJS.CellSharedFormulaValue;
    });
    expect(s.rows.map((r) => r[1])).toEqual([10, 20, 30]);
  });

  test("hyperlinks give their text, plain or rich", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = { text: "公示网址", hyperlink: "https://www.gsxt.gov.cn" };
      ws.getCell("B1").value = {
        text: { richText: [{ text: "新华区" }, { text: "卫健局" }] },
        hyperlink: "https://example.org",
      } as unknown as ExcelJS.CellHyperlinkValue;
    });
    expect(s.rows[0]).toEqual(["公示网址", "新华区卫健局"]);
  });

  test("error cells come back as error values", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("B1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    });
    expect(s.rows[0]).toEqual([{ error: "#N/A" }, { error: "#DIV/0!" }]);
  });

  test("a merged range holds its value in the top-left cell only", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = "抽查名单";
      ws.mergeCells("A1:C2");
      ws.getCell("A3").value = "x";
    });
    expect(s.rows).toEqual([["抽查名单"], [], ["x"]]);
  });

  test("rows keep their sheet positions; trailing empty cells are cut", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("B3").value = "b3";
      ws.getCell("D3").value = null;
      ws.getCell("E5").style = { font: { bold: true } }; // formatted but empty
    });
    expect(s.rows).toEqual([[], [], [null, "b3"]]);
  });

  test("Excel tables are reported with their header row, 1-based column span and last row", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = "说明";
      ws.addTable({
        name: "对象表",
        ref: "B3",
        headerRow: true,
        columns: [{ name: "统一社会信用代码" }, { name: "名称" }, { name: "对象类别" }],
        rows: [["X", "Y", "诊所"]],
      });
    });
    expect(s.tables).toEqual([{ name: "对象表", headerRow: 3, firstColumn: 2, lastColumn: 4, lastRow: 4 }]);
    expect(s.rows[2]).toEqual([null, "统一社会信用代码", "名称", "对象类别"]);
  });

  test("sheet names in tab order; an unknown sheet is an error", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("抽查任务");
    wb.addWorksheet("检查对象名录库");
    const book = await XlsxWorkbook.fromBuffer(await bytesOf(wb));
    expect(await book.sheetNames()).toEqual(["抽查任务", "检查对象名录库"]);
    await expect(book.readSheet("不存在")).rejects.toThrow(/不存在/);
  });

  test("bytes that are not a .xlsx are refused with NotAWorkbookError", async () => {
    await expect(XlsxWorkbook.fromBuffer(new TextEncoder().encode("名称,地址\n"))).rejects.toBeInstanceOf(
      NotAWorkbookError,
    );
  });
});

describe("control characters in a clerk's registry", () => {
  afterAll(removeTempDirs);

  test("inspectors' text holding _x000B_ and _x0001_ draws, verifies, and is warned at its cell", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resolve(__dirname, "../../../assets/sample-新华区-2026.xlsx"));
    // as Excel stores a vertical tab pasted into a cell: ExcelJS reads it as U+000B and drops it
    // when it writes, so a snapshot holding it would not be the one verify reads back
    const people = wb.getWorksheet("执法检查人员名录库")!;
    const header = people.getRow(1).values as unknown[];
    const name = header.indexOf("姓名");
    const section = header.indexOf("科室");
    const inside = (s: unknown, code: string) => `${String(s).slice(0, 1)}${code}${String(s).slice(1)}`;
    people.getCell(2, name).value = inside(people.getCell(2, name).value, "_x000B_");
    people.getCell(3, section).value = inside(people.getCell(3, section).value, "_x0001_");
    const dir = tempDir();
    const book = join(dir, "控制字符.xlsx");
    const drawn = join(dir, "drawn.xlsx");
    writeFileSync(book, await bytesOf(wb));

    const { main } = await import("../../../src/cli/main");
    const lines: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
    expect(await main(["check", book, "--json"], io)).toBe(0);
    const check = JSON.parse(lines.pop()!) as { warnings: { code: string; sheet: string; cell: string }[] };
    const letter = (c: number) => String.fromCharCode(64 + c);
    expect(check.warnings.map((w) => `${w.code}@${w.sheet}!${w.cell}`)).toEqual([
      `value_normalized@执法检查人员名录库!${letter(name)}2`,
      `value_normalized@执法检查人员名录库!${letter(section)}3`,
    ]);
    const draw = ["draw", book, "--task", "XH-2026-03", "--seed", "527", "--date", "2026-04-01", "--out", drawn];
    expect(await main(draw, io)).toBe(0);
    expect(await main(["verify", drawn, "--json"], io)).toBe(0);
    expect(JSON.parse(lines.pop()!).ok).toBe(true);
  }, 60_000);
});
