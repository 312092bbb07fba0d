// End to end: 抽查年度统计 and the year report written to .xlsx by the ExcelJS adapter, printed by
// LibreOffice: A4, every column on the page, no heading left alone at the foot of a page, a
// clerk's formula-like name kept as text.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { computeYearView, yearReportSheets, yearSheets } from "../../../src/core/year";
import { DRAWS, RESULTS, yearInput } from "./fixture";

const onPath = (cmd: string) => {
  try {
    execFileSync("which", [cmd], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

const HEADING = /^\s*[一二三四五六七八九十]、/;

/** Every numbered heading has at least its table's header and one more line under it on its page. */
function keptWithTheirTables(pages: string[]): void {
  for (const page of pages) {
    const lines = page.split("\n").filter((l) => l.trim());
    lines.forEach((l, i) => {
      // the heading in the pair names the culprit when this fails
      if (HEADING.test(l)) expect([l.trim(), lines.length - 1 - i >= 2]).toEqual([l.trim(), true]);
    });
  }
}

test("the year sheet and the year report print on A4, whole, in Chinese", async () => {
  if (!onPath("libreoffice") || !onPath("pdfinfo")) {
    console.warn("\n\n!!!!! SKIPPED: libreoffice or pdfinfo is not on PATH; the year print test did not run !!!!!\n\n");
    return;
  }
  // a name typed as a formula stays text through the whole chain
  const draws = DRAWS.map((d) =>
    d.taskId === "T2"
      ? { ...d, targets: d.targets.map((t, i) => (i === 0 ? { ...t, name: '=HYPERLINK("http://x","点此")' } : t)) }
      : d,
  );
  const view = computeYearView(yearInput({ draws }));
  const previous = computeYearView(yearInput({ year: 2025 }));
  const specs = [...yearSheets(view), ...yearReportSheets(view, { kind: "year", previous, results: RESULTS })];
  const dir = mkdtempSync(join(tmpdir(), "year-"));
  try {
    const out = join(__dirname, "../../../test-output");
    mkdirSync(out, { recursive: true });
    const pages: Record<string, { count: number; size: [number, number]; text: string[] }> = {};
    for (const spec of [specs[0], specs[2], specs[3]]) {
      const port = XlsxWorkbook.empty();
      await port.write({ create: [spec], replace: [], append: [] });
      const xlsx = join(dir, `${spec.name}.xlsx`);
      writeFileSync(xlsx, await port.toBuffer());
      execFileSync(
        "libreoffice",
        [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx],
        { timeout: 180_000, stdio: "ignore" },
      );
      const pdf = join(dir, `${spec.name}.pdf`);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/
        .exec(info)!
        .slice(1)
        .map((x) => Math.round(Number(x))) as [number, number];
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
        .split("\f")
        .filter((p) => p.trim());
      pages[spec.name] = { count: Number(/Pages:\s+(\d+)/.exec(info)![1]), size, text };
      execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", pdf, join(out, `year-${spec.name}`)]);
    }

    const stats = pages["抽查年度统计"];
    expect(stats.size).toEqual([842, 595]); // A4 landscape
    const all = stats.text.join("\n");
    expect(all).toContain("2026 年度“双随机、一公开”抽查统计");
    expect(all).toContain("「抽查年度明细」第"); // the last column is on the page: fitted to width
    expect(all).toContain("区医疗保障局");
    expect(all).toContain("逾期未抽取");
    keptWithTheirTables(stats.text);

    const report = pages["全年情况报告-2026"];
    expect(report.size).toEqual([595, 842]); // A4 portrait
    const r = report.text.join("\n");
    expect(r).toContain("抽查全年情况报告");
    expect(r).toContain("后续处置完成率"); // the report's widest table is whole
    expect(r).toContain("七、2025 年随机抽查被行政处罚单位整改落实情况");
    keptWithTheirTables(report.text);

    const cases = pages["检查案件查处汇总表-2026"];
    expect(cases.size).toEqual([842, 595]);
    expect(cases.text.join("\n")).toContain("7 个工作日内");
    expect(cases.text.join("\n")).toContain("新医保罚〔2026〕2号");

    // the detail sheet holds the formula-like name as text
    const port = XlsxWorkbook.empty();
    await port.write({ create: [specs[1]], replace: [], append: [] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await port.toBuffer()) as unknown as ExcelJS.Buffer);
    const tricky: ExcelJS.Cell[] = [];
    book.worksheets[0].eachRow((row) =>
      row.eachCell((c) => String(c.value).startsWith("=HYPERLINK") && tricky.push(c)),
    );
    expect(tricky.length).toBeGreaterThan(0);
    for (const c of tricky) expect(c.type).toBe(ExcelJS.ValueType.String);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
