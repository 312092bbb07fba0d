// Saving files: whole or not at all, and the input file is never touched unless it is the output.
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { WriteBatch } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { readXlsxFile, saveAtomic } from "../../../src/workbook/xlsx/file";
import { bytesOf, removeTempDirs, tempDir } from "./helpers";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

async function inputFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("抽查任务").getRow(1).values = ["任务编号", "任务名称"];
  wb.getWorksheet("抽查任务")!.getRow(2).values = ["XH-2026-03", "联合抽查"];
  const path = join(dir, "名录.xlsx");
  writeFileSync(path, await bytesOf(wb));
  return path;
}

describe("saveAtomic", () => {
  afterAll(removeTempDirs);

  test("writes the workbook to the output; the input stays byte for byte; no temp file is left", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const before = readFileSync(input);
    const book = await readXlsxFile(input);
    await book.write(batch({ create: [{ name: "抽取结果-1", rows: [["=1+1"]] }] }));
    const out = join(dir, "结果.xlsx");
    await saveAtomic(book, out);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["名录.xlsx", "结果.xlsx"].sort());
    const back = await readXlsxFile(out);
    expect(await back.sheetNames()).toEqual(["抽查任务", "抽取结果-1"]);
    expect((await back.readSheet("抽取结果-1")).rows).toEqual([["=1+1"]]);
  });

  test("saving over the input replaces it whole when the output names it", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const book = await readXlsxFile(input);
    await book.write(batch({ create: [{ name: "抽取记录", rows: [["x"]] }] }));
    await saveAtomic(book, input);
    expect(await (await readXlsxFile(input)).sheetNames()).toEqual(["抽查任务", "抽取记录"]);
    expect(readdirSync(dir)).toEqual(["名录.xlsx"]);
  });

  test("a failing rename leaves no temp file and the folder as it was", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const before = readFileSync(input);
    const occupied = join(dir, "结果.xlsx");
    mkdirSync(occupied); // a folder where the file should go: rename fails
    writeFileSync(join(occupied, "keep.txt"), "x");
    const book = await readXlsxFile(input);
    await expect(saveAtomic(book, occupied)).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(["名录.xlsx", "结果.xlsx"].sort());
    expect(readdirSync(occupied)).toEqual(["keep.txt"]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("a workbook that cannot be serialised writes no file at all", async () => {
    const dir = tempDir();
    const book = XlsxWorkbook.empty();
    jest.spyOn(book, "toBuffer").mockRejectedValue(new Error("cannot serialise"));
    const out = join(dir, "结果.xlsx");
    await expect(saveAtomic(book, out)).rejects.toThrow(/cannot serialise/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a missing output folder is an error and creates nothing", async () => {
    const dir = tempDir();
    const out = join(dir, "没有的目录", "结果.xlsx");
    await expect(saveAtomic(XlsxWorkbook.empty(), out)).rejects.toThrow();
    expect(existsSync(join(dir, "没有的目录"))).toBe(false);
  });

  test("an existing output is replaced whole, never half-written", async () => {
    const dir = tempDir();
    const out = join(dir, "结果.xlsx");
    writeFileSync(out, "old bytes");
    const book = XlsxWorkbook.empty();
    await book.write(batch({ create: [{ name: "S", rows: [["新"]] }] }));
    await saveAtomic(book, out);
    expect((await (await readXlsxFile(out)).readSheet("S")).rows).toEqual([["新"]]);
    expect(readdirSync(dir)).toEqual(["结果.xlsx"]);
  });
});
