// End to end: the checklist sheet written to .xlsx, printed to PDF by LibreOffice, one page a form.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildForms, renderChecklistSheet } from "../../../src/core/checklist";
import { INSURANCE, ITEMS, MORE_CHECKPOINTS, checkpoint, makeDraw } from "./fixture";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";

const onPath = (cmd: string) => {
  try {
    execFileSync("which", [cmd], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

test("the printed checklist has one A4 page per form, in Chinese, fitted to width", async () => {
  if (!onPath("libreoffice") || !onPath("pdfinfo")) {
    console.warn(
      "\n\n!!!!! SKIPPED: libreoffice or pdfinfo is not on PATH; the 一企一表 print test did not run !!!!!\n\n",
    );
    return;
  }
  const formula = checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", '=HYPERLINK("http://x","点此")');
  const forms = buildForms(makeDraw(), [...ITEMS, ...MORE_CHECKPOINTS.slice(0, 14), formula]);
  expect(Math.max(...forms.map((f) => f.sections.flatMap((s) => s.items.flatMap((i) => i.checkpoints)).length))).toBe(
    20,
  );
  const spec = renderChecklistSheet(forms, "一企一表-T2026-01-1");
  const dir = mkdtempSync(join(tmpdir(), "checklist-"));
  try {
    const xlsx = join(dir, "checklist.xlsx");
    const port = XlsxWorkbook.empty();
    await port.write({ create: [spec], replace: [], append: [] });
    writeFileSync(xlsx, await port.toBuffer());
    // the file itself holds the formula-like checkpoint as text
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c)));
    const tricky = cells.filter((c) => String(c.value).startsWith("=HYPERLINK"));
    expect(tricky).toHaveLength(forms.length);
    for (const c of tricky) expect(c.type).toBe(ExcelJS.ValueType.String);
    // a private profile, so that a LibreOffice run by someone else on the machine does not block ours
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
      { timeout: 120_000, stdio: "ignore" },
    );
    const pdf = join(dir, "checklist.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(forms.length);
    // A4 portrait: 595 × 842 pt
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(Math.round(w)).toBe(595);
    expect(Math.round(h)).toBe(842);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(forms.length);
    forms.forEach((f, i) => {
      expect(pages[i]).toContain("随机抽查联合检查记录表");
      expect(pages[i]).toContain(f.target.name);
      // the last column is on the page: fitted to width
      expect(pages[i]).toContain("备注");
      expect(pages[i]).toContain("拒绝签字");
      expect(pages[i]).toContain('=HYPERLINK("http://x","点此")');
    });
    const out = join(__dirname, "../../../test-output");
    mkdirSync(out, { recursive: true });
    for (const page of [1, 2])
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "80",
        "-f",
        `${page}`,
        "-l",
        `${page}`,
        "-singlefile",
        pdf,
        join(out, `checklist-p${page}`),
      ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
