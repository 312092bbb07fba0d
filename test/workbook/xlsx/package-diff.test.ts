// What a rewrite through the adapter would lose, found by comparing the input package with the
// bytes that would be written: each workbook below holds one thing a clerk adds; what ExcelJS
// drops is named, what it keeps is not (no false alarm), and a plain workbook loses nothing.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { render } from "../../../src/core/issues/issue";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { packageLosses } from "../../../src/workbook/xlsx/package-diff";
import { removeTempDirs, tempDir } from "./helpers";
import { sampleBytes } from "./odd-files";
import { RICH_BOOKS } from "./rich-books";

afterAll(removeTempDirs);

async function roundTrip(bytes: Uint8Array): Promise<{ after: Uint8Array; phrases: string[] }> {
  const after = await (await XlsxWorkbook.fromBuffer(bytes)).toBuffer();
  const losses = await packageLosses(bytes, after);
  return { after, phrases: losses.map((l) => render(l.code, l.params, "zh")) };
}

const partOf = async (bytes: Uint8Array, re: RegExp) => {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && re.test(n));
  return Promise.all(names.map((n) => zip.file(n)!.async("string")));
};

describe("what a rewrite would lose", () => {
  test.each(RICH_BOOKS.map((b) => [b.what, b] as const))("%s", async (_what, b) => {
    const { phrases } = await roundTrip(await b.bytes());
    if (b.lost) {
      expect(phrases.join("、")).toMatch(b.lost);
    } else expect(phrases).toEqual([]);
  });

  test("what ExcelJS keeps is really in the bytes written: notes, conditional formats, images", async () => {
    const written = async (what: RegExp) =>
      (await roundTrip(await RICH_BOOKS.find((b) => what.test(b.what))!.bytes())).after;
    const comments = (await partOf(await written(/^notes/), /^xl\/comments\d*\.xml$/)).join("");
    expect(comments).toContain("2025 年曾被投诉");
    expect(comments).toContain("名称以营业执照为准");
    const sheets = (await partOf(await written(/^conditional formats/), /^xl\/worksheets\/sheet\d+\.xml$/)).join("");
    expect(sheets.match(/<cfRule /g)).toHaveLength(2);
    const image = await written(/^an image/);
    expect(await partOf(image, /^xl\/media\//)).toHaveLength(1);
    expect((await partOf(image, /^xl\/drawings\/drawing\d+\.xml$/)).join("")).toContain("<xdr:pic>");
  });

  test("in English too, with the sheet named", async () => {
    const b = RICH_BOOKS.find((x) => x.what.startsWith("sparklines"))!;
    const before = await b.bytes();
    const losses = await packageLosses(before, await (await XlsxWorkbook.fromBuffer(before)).toBuffer());
    expect(losses).toEqual([
      { code: "lost_sheet_feature", sheet: "检查对象名录库", params: expect.objectContaining({ count: 1 }) },
    ]);
    expect(render(losses[0].code, losses[0].params, "en")).toBe('the sparklines of sheet "检查对象名录库" (1)');
  });

  test("the sample loses nothing, written once or twice", async () => {
    const once = await roundTrip(sampleBytes());
    expect(once.phrases).toEqual([]);
    expect((await roundTrip(once.after)).phrases).toEqual([]);
  });

  test("a workbook saved by LibreOffice loses nothing either (and its tables can be written back)", async () => {
    try {
      execFileSync("which", ["libreoffice"], { stdio: "ignore" });
    } catch {
      console.warn("\n\n!!!!! SKIPPED: libreoffice is not on PATH; the LibreOffice round trip did not run !!!!!\n\n");
      return;
    }
    const dir = tempDir();
    const input = join(dir, "sample.xlsx");
    writeFileSync(input, sampleBytes());
    const outDir = join(dir, "lo");
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, input],
      { timeout: 120_000, stdio: "ignore" },
    );
    const saved = new Uint8Array(readFileSync(join(outDir, "sample.xlsx")));
    expect(saved).not.toEqual(sampleBytes());
    expect((await roundTrip(saved)).phrases).toEqual([]);
  });
});
