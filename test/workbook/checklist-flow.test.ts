// 一企一表 on the sample, end to end: the command line draws and writes the forms, LibreOffice
// prints the file, and every form starts a page of its own (test/core/checklist/print.test.ts
// checks one page per form for forms of 20 checkpoints); the add-in's adapter (against the Excel
// fake) writes the same sheet with a page break between forms and only the answer cells unlocked.
import { describe, expect, test, beforeAll } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readXlsxFile, saveAtomic } from "../../src/workbook/xlsx/file";
import { runChecklists, runDraw } from "../../src/workbook/usecases";
import type { SheetData } from "../../src/workbook/port";
import { ExcelWorkbook } from "../../src/excel/workbook";
import { createFakeExcel, EXCEL_API_VERSIONS } from "../excel/fake-excel";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const SEED = "20260401-福彩3D-123";
const DRAW_SHEET = "抽取结果-XH-2026-03-1";
const FORMS_SHEET = "一企一表-XH-2026-03-1";

const onPath = (cmd: string) => {
  try {
    execFileSync("which", [cmd], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const quiet = { out: () => undefined, err: (s: string) => console.error(s) };

describe("一企一表 from the command line on the sample", () => {
  let dir: string;
  let formsFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ssj-forms-"));
    const drawn = join(dir, "drawn.xlsx");
    formsFile = join(dir, "forms.xlsx");
    const argv = ["draw", SAMPLE, "--task", TASK, "--seed", SEED, "--date", "2026-04-01", "--out", drawn];
    expect(await main(argv, quiet)).toBe(0);
    expect(await main(["checklists", drawn, "--draw", DRAW_SHEET, "--out", formsFile], quiet)).toBe(0);
  });

  test("prints on A4 portrait, every form starting a page of its own, no page shared by two forms", async () => {
    if (!onPath("libreoffice") || !onPath("pdfinfo")) {
      console.warn(
        "\n\n!!!!! SKIPPED: libreoffice or pdfinfo is not on PATH; the sample's forms were not printed !!!!!\n\n",
      );
      return;
    }
    const book = await readXlsxFile(formsFile);
    const names = await book.sheetNames();
    expect(names).toContain(FORMS_SHEET);
    // print the whole workbook as the command wrote it; the forms sheet is its last sheet
    execFileSync(
      "libreoffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, formsFile],
      { timeout: 180_000, stdio: "ignore" },
    );
    const pdf = join(dir, "forms.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const total = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const pageText = (n: number) =>
      execFileSync("pdftotext", ["-layout", "-f", `${n}`, "-l", `${n}`, pdf, "-"], { encoding: "utf8" });
    let first = 1;
    while (first <= total && !pageText(first).includes("第 1/17 份")) first++;
    // the sample's draw selects 17 targets
    const forms = (await book.readSheet(FORMS_SHEET)).rows.filter((r) => r.includes("随机抽查联合检查记录表")).length;
    const selected = 17;
    expect(forms).toBe(selected);
    // Every form starts on a page of its own; a form longer than an A4 page at fit-to-width (the
    // sample's 医疗机构 forms carry all 29 checkpoints) runs onto a next page that holds no other form.
    const formPages = Array.from({ length: total - first + 1 }, (_, i) => pageText(first + i));
    const starts: number[] = [];
    formPages.forEach((p, i) => {
      const titles = p.match(/第 \d+\/17 份/g) ?? [];
      expect(titles.length).toBeLessThanOrEqual(1);
      if (titles.length) {
        starts.push(i);
        expect(titles[0]).toBe(`第 ${starts.length}/17 份`);
        expect(p).toContain("随机抽查联合检查记录表");
        expect(p).toContain("区卫生健康局");
      }
    });
    expect(starts).toHaveLength(selected);
    // each form ends (its refusal note) before the next form's page
    starts.forEach((s0, k) => {
      const end = k + 1 < starts.length ? starts[k + 1] : formPages.length;
      const pages = formPages.slice(s0, end).join("");
      expect(pages.match(/拒绝签字/g)).toHaveLength(1);
      expect(end - s0).toBeLessThanOrEqual(2);
    });
    // the first page of the workbook is the landscape result sheet; the forms' pages are portrait
    const sizes = execFileSync("pdfinfo", ["-f", `${first}`, "-l", `${total}`, pdf], { encoding: "utf8" });
    const all = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)];
    expect(all).toHaveLength(total - first + 1);
    for (const m of all) expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([595, 842]);
    const [w, h] = [Number(all[0][1]), Number(all[0][2])];
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    const out = join(__dirname, "..", "..", "test-output");
    mkdirSync(out, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "70",
      "-f",
      `${first}`,
      "-l",
      `${first}`,
      "-singlefile",
      pdf,
      join(out, "sample-form-p1"),
    ]);
    rmSync(join(dir, "profile"), { recursive: true, force: true });
  });
});

describe("一企一表 with a long 抽查依据", () => {
  test("a 抽查依据 of ~419 characters: checklists answers with JSON, exit 0, the basis whole on its form", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-long-"));
    try {
      const book = await readXlsxFile(SAMPLE);
      const items = await book.readSheet("抽查事项清单");
      const header = items.rows.findIndex((r) => r.includes("抽查依据"));
      const column = items.rows[header].indexOf("抽查依据") + 1;
      const basis = "《中华人民共和国基本医疗卫生与健康促进法》第三十八条、第三十九条、第四十条、"
        .repeat(11)
        .slice(0, 419);
      await book.write({
        create: [],
        replace: [],
        append: [],
        edit: [{ sheet: "抽查事项清单", cells: [{ row: header + 2, column, value: basis }] }],
      });
      const long = join(dir, "long.xlsx");
      await saveAtomic(book, long);
      const drawn = join(dir, "drawn.xlsx");
      const argv = ["draw", long, "--task", TASK, "--seed", SEED, "--date", "2026-04-01", "--out", drawn];
      expect(await main(argv, quiet)).toBe(0);
      const out: string[] = [];
      const code = await main(["checklists", drawn, "--draw", DRAW_SHEET, "--json", "--out", join(dir, "forms.xlsx")], {
        out: (x) => out.push(x),
        err: (x) => out.push(x),
      });
      expect(code).toBe(0);
      expect(JSON.parse(out.join("\n"))).toMatchObject({ ok: true, forms: 17 });
      const forms = await readXlsxFile(join(dir, "forms.xlsx"));
      const rows = (await forms.readSheet(FORMS_SHEET)).rows;
      // the checkpoint's basis, continued on the rows below it where it needs more than one row
      const at = rows.findIndex((r) => typeof r[2] === "string" && basis.startsWith(r[2] as string));
      expect(at).toBeGreaterThan(0);
      let text = "";
      for (let r = at; r < rows.length && (r === at || rows[r][0] === null || rows[r][0] === undefined); r++)
        text += (rows[r][2] as string | null) ?? "";
      expect(text.startsWith(basis)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(EXCEL_API_VERSIONS)("一企一表 through the add-in's adapter (Excel fake, ExcelApi 1.%i)", (api) => {
  test("one form per target, a page break between forms, answer cells unlocked, the rest protected", async () => {
    const source = await readXlsxFile(SAMPLE);
    const sheets: SheetData[] = [];
    // createFakeExcel stores Date cells as serial numbers, as Excel holds them
    for (const name of await source.sheetNames()) sheets.push(await source.readSheet(name));
    const fake = createFakeExcel(sheets, { maxExcelApi: api });
    const book = new ExcelWorkbook(fake.run, fake.office);
    const drawn = await runDraw(book, { taskId: TASK, seed: SEED, date: "2026-04-01", operator: "", witness: "" });
    expect(drawn.ok).toBe(true);
    const r = await runChecklists(book, { draw: DRAW_SHEET });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.report.forms).toBe(17);
    const sheet = fake.workbookState.sheets.find((s) => s.name === FORMS_SHEET)!;
    // page setup needs ExcelApi 1.9, drop-downs 1.8: below, the pane is told
    if (api >= 9) {
      expect(sheet.page.rowBreaks).toHaveLength(16);
      expect(sheet.page.orientation).toMatch(/portrait/i);
    } else expect(book.notes.join()).toContain("ExcelApi 1.9");
    if (api >= 8) expect(sheet.validations.length).toBeGreaterThan(0);
    else expect(book.notes.join()).toContain("ExcelApi 1.8");
    expect(sheet.protected).toBe(true);
    expect(sheet.unlocked.length).toBeGreaterThan(0);
    // the same content as the ExcelJS adapter writes
    const viaXlsx = await readXlsxFile(SAMPLE);
    await runDraw(viaXlsx, { taskId: TASK, seed: SEED, date: "2026-04-01", operator: "", witness: "" });
    await runChecklists(viaXlsx, { draw: DRAW_SHEET });
    const a = (await viaXlsx.readSheet(FORMS_SHEET)).rows.map((row) => row.map((v) => v ?? null));
    const b = (await book.readSheet(FORMS_SHEET)).rows.map((row) => row.map((v) => v ?? null));
    const trim = (rows: unknown[][]) =>
      rows.map((row) => {
        const c = [...row];
        while (c.length && (c[c.length - 1] === null || c[c.length - 1] === "")) c.pop();
        return c;
      });
    expect(trim(b)).toEqual(trim(a));
  });
});
