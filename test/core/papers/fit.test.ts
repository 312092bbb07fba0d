// Long text never crashes a write: pieces that fit one row, rows continued below, nothing lost.
import { PaperBuilder, fitsOneRow, lineCount, rowHeight, splitToFit, MAX_CELL_TEXT } from "../../../src/core/papers";
import { checkSpec } from "../../../src/workbook/xlsx/render";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";

describe("splitToFit", () => {
  test("a text that fits is itself", () => {
    expect(splitToFit("是否取得《医疗机构执业许可证》", 35, 10)).toEqual(["是否取得《医疗机构执业许可证》"]);
  });

  test("a long text in pieces that each fit one row and give the text back", () => {
    const text = "依据《中华人民共和国基本医疗卫生与健康促进法》第三十八条。".repeat(60);
    const pieces = splitToFit(text, 25, 10);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(fitsOneRow(p, 25, 10)).toBe(true);
    expect(pieces.join("")).toBe(text);
  });

  test("paragraphs: a piece that ends a paragraph drops its break, every character kept", () => {
    const text = Array.from({ length: 200 }, (_, i) => `第${i + 1}条规定`).join("\n");
    const pieces = splitToFit(text, 20, 10);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("\n")).toBe(text);
    for (const p of pieces) expect(rowHeight(lineCount(p, 20, 10), 10)).toBeLessThanOrEqual(409);
  });

  test("over 32,767 characters even in a wide cell", () => {
    const text = "x".repeat(100_000);
    const pieces = splitToFit(text, 255, 1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(pieces.join("")).toBe(text);
  });
});

describe("PaperBuilder", () => {
  test("a long cell continues below; the row's other cells span its rows; the sheet writes", async () => {
    const b = new PaperBuilder([6, 20, 30, 10]);
    const long = "很长的检查依据。".repeat(300);
    const { first, last } = b.place([
      { text: 1, from: 0, to: 0 },
      { text: "检查要点", from: 1, to: 1 },
      { text: long, from: 2, to: 2, style: { wrap: true } },
      { text: null, from: 3, to: 3, unlocked: true, list: ["符合", "不符合"] },
    ]);
    expect(last).toBeGreaterThan(first);
    expect(
      b.rows
        .slice(first - 1, last)
        .map((r) => r[2])
        .join(""),
    ).toBe(long);
    expect(b.merges).toEqual(
      expect.arrayContaining([`A${first}:A${last}`, `B${first}:B${last}`, `D${first}:D${last}`]),
    );
    for (const h of b.heights) expect(h).toBeLessThanOrEqual(409);
    const spec = b.spec("纸", { orientation: "portrait" }, { protect: true });
    expect(spec.unlocked).toEqual([`D${first}:D${last}`]);
    expect(spec.validations).toEqual([{ range: `D${first}:D${last}`, list: ["符合", "不符合"] }]);
    expect(() => checkSpec(spec)).not.toThrow();
    const book = XlsxWorkbook.empty();
    await book.write({ create: [spec], replace: [], append: [] });
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    const read = await again.readSheet("纸");
    expect(read.rows.map((r) => r[2] ?? "").join("")).toBe(long);
  });

  test("a base under a block of rows, the cells' own styles after it; alike neighbours one range", () => {
    const b = new PaperBuilder([5, 5, 5]);
    b.line("标题", { bold: true });
    b.beginBase({ border: true });
    const head = { bold: true };
    b.place([
      { text: "a", from: 0, to: 0, style: head },
      { text: "b", from: 1, to: 1, style: head },
      { text: "c", from: 2, to: 2, style: head },
    ]);
    b.line("正文");
    b.endBase();
    const spec = b.spec("x", { orientation: "portrait" });
    expect(spec.styles).toEqual([
      { range: "A2:C3", style: { border: true } },
      { range: "A1:C1", style: { bold: true } },
      { range: "A2:C2", style: head },
    ]);
  });
});

test("many forms styled alike make few styles in the file, and the styles laid over a base win over it", async () => {
  const { checklistInput } = await import("../checklist/fixture");
  const { buildForms, renderChecklistSheet } = await import("../../../src/core/checklist");
  const JSZip = (await import("jszip")).default;
  const ExcelJS = (await import("exceljs")).default;
  const { draw, items } = checklistInput(300);
  const spec = renderChecklistSheet(buildForms(draw, items), "一企一表");
  expect(spec.styles!.length).toBeGreaterThan(3000);
  const book = XlsxWorkbook.empty();
  await book.write({ create: [spec], replace: [], append: [] });
  const bytes = await book.toBuffer();
  const xml = await (await JSZip.loadAsync(bytes)).file("xl/styles.xml")!.async("string");
  const xfs = Number(/<cellXfs count="(\d+)"/.exec(xml)![1]);
  expect(xfs).toBeLessThan(30);
  // the table header: the base's border, the overlay's fill and bold
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const at = spec.rows.findIndex((r) => r[1] === "检查要点") + 1;
  const cell = ws.getCell(at, 2);
  expect(cell.font?.bold).toBe(true);
  expect(cell.border?.left?.style).toBe("thin");
  expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFD9E1F2");
});
