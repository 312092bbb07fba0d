// Prints sheets as a clerk would: each workbook written by the ExcelJS adapter, all converted to
// PDF by LibreOffice in one run (a private profile, so that another run on the machine does not
// block ours), read back with pdftotext; the PDF and the pages asked for as PNG are kept under
// test-output/papers/ to look at.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetSpec } from "../../../src/core/sheet";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";

export const canPrint = (): boolean =>
  ["libreoffice", "pdfinfo", "pdftotext"].every((cmd) => {
    try {
      execFileSync("which", [cmd], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });

export function skipLoudly(what: string): void {
  console.warn(`\n\n!!!!! SKIPPED: libreoffice, pdfinfo or pdftotext is not on PATH; ${what} !!!!!\n\n`);
}

export interface Printed {
  /** pdfinfo's page count and the first page's size in points */
  pages: number;
  width: number;
  height: number;
  /** each page's text in content order (pdftotext -raw): a cell's lines stay together */
  raw: string[];
  /** each page's text laid out as printed (pdftotext -layout) */
  layout: string[];
}

/** The text of a page with every space and line break taken out, for whole-value checks. */
export const squeeze = (s: string): string => s.replace(/\s+/g, "");

const OUT = join(__dirname, "../../../test-output/papers");

/**
 * Writes one .xlsx per entry (its sheets in order), prints them all, and returns what each
 * printed; `png` pages (1-based) of each are kept as test-output/papers/<name>-p<page>.png.
 */
export async function printAll(
  books: { name: string; sheets: SheetSpec[]; png?: number[] }[],
): Promise<Record<string, Printed>> {
  const dir = mkdtempSync(join(tmpdir(), "papers-"));
  try {
    const files: string[] = [];
    for (const book of books) {
      const port = XlsxWorkbook.empty();
      await port.write({ create: book.sheets, replace: [], append: [] });
      const file = join(dir, `${book.name}.xlsx`);
      writeFileSync(file, await port.toBuffer());
      files.push(file);
    }
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files],
      { timeout: 240_000, stdio: "ignore" },
    );
    mkdirSync(OUT, { recursive: true });
    const out: Record<string, Printed> = {};
    for (const book of books) {
      const pdf = join(OUT, `${book.name}.pdf`);
      copyFileSync(join(dir, `${book.name}.pdf`), pdf);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      const text = (mode: string) =>
        execFileSync("pdftotext", [mode, pdf, "-"], { encoding: "utf8" })
          .split("\f")
          .filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
      out[book.name] = {
        pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
        width,
        height,
        raw: text("-raw"),
        layout: text("-layout"),
      };
      for (const page of (book.png ?? []).filter((p) => p <= out[book.name].pages))
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "70",
          "-f",
          `${page}`,
          "-l",
          `${page}`,
          "-singlefile",
          pdf,
          join(OUT, `${book.name}-p${page}`),
        ]);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
