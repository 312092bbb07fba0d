import { Utf8Writer } from "../../../src/core/utf8-writer";
import { cellXml, sheetXml, writeCell } from "../../../src/workbook/xlsx/sheet-write";
import { StyleBook } from "../../../src/workbook/xlsx/styles-part";

const VALUES: (string | number | boolean | null)[] = [
  null,
  "",
  "text",
  " leading space",
  "trailing space ",
  "line\nbreak",
  "　全角空格",
  'a & b < c > d " e',
  "control \u0001 and \uffff gone",
  "lone \ud83d surrogate",
  "石家庄 😀",
  0,
  -1.5,
  1e21,
  123456789,
  true,
  false,
];

test.each(VALUES.map((v) => [JSON.stringify(v), v]))("writeCell writes cellXml's bytes for %s", (_, v) => {
  for (const s of [0, 7]) {
    const w = new Utf8Writer(16);
    writeCell(w, "AB", 1048575, v, s);
    // as bytes: a lone surrogate is U+FFFD in both, as TextEncoder writes it
    expect(Buffer.from(w.take())).toEqual(Buffer.from(new TextEncoder().encode(cellXml("AB1048575", v, s))));
  }
});

test("a sheet's rows come as chunks of bytes that hold every row, in order", () => {
  const rows = Array.from({ length: 30_000 }, (_, i) => [`对象${i}`, i, i % 2 === 0, i % 3 === 0 ? null : "x"]);
  const chunks = [...sheetXml({ name: "s", rows }, new StyleBook(StyleBook.minimal()))];
  const binary = chunks.filter((c) => typeof c !== "string");
  expect(binary.length).toBeGreaterThan(1);
  const xml = chunks.map((c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"))).join("");
  const found = [...xml.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1]));
  expect(found).toEqual(rows.map((_, i) => i + 1));
  expect(xml).toMatch(/<row r="29999"><c r="A29999" s="\d+" t="inlineStr"><is><t>对象29998<\/t><\/is><\/c>/);
});

test("a sheet of 130,000 merges (5,000 检查通知书) is written whole, not a stack overflow", () => {
  const rows = Array.from({ length: 130_000 }, (_, i) => [`第${i + 1}行`, null]);
  const merges = rows.map((_, i) => `A${i + 1}:B${i + 1}`);
  const chunks = [...sheetXml({ name: "检查通知书", rows, merges }, new StyleBook(StyleBook.minimal()))];
  const xml = chunks.map((c) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"))).join("");
  expect(xml).toMatch(/<dimension ref="A1:B130000"\/>/);
  expect(xml.match(/<mergeCell ref=/g)).toHaveLength(130_000);
  expect(xml).toMatch(/<mergeCell ref="A130000:B130000"\/>/);
});
