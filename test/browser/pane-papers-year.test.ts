// The built pane in headless Chromium at 320 px, browser file mode, on the sample drawn once and
// partly inspected: the papers are written and shown, the 年度 tab's figures are runYear's JSON on
// the same workbook, a figure's link names its rows, a written sheet is previewed before the
// download, the national CSV downloads with its byte-order mark; and on a workbook with errors a
// cell link says where the cell is and a refused draw sorts its errors by task.
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { loadBook, runDraw, runPapers, runYear } from "../../src/workbook/usecases";
import { cellDisplay, previewCell } from "../../src/taskpane/pane-logic";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { fillResults } from "../taskpane/workbook-edits";
import {
  OUTPUT,
  ROOT,
  buildBundle,
  externalRequests,
  findBrowser,
  launchBrowser,
  panePage,
  screenshot,
  serve,
  warnNoBrowser,
  type StaticServer,
} from "./harness";

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;

jest.setTimeout(240_000);

const SAMPLE = join(ROOT, "assets", "sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const TASK_LABEL = "XH-2026-03 新华区2026年第三次跨部门联合抽查";
const DRAW = "抽取结果-XH-2026-03-1";

/** Chooses an option of the Fluent drop-down labelled `label`. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

/** A screenshot, after checking that no element sticks out of the pane's width. */
async function shot(page: Page, name: string): Promise<void> {
  const wider = await page.evaluate(() =>
    Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[${(el.textContent ?? "").slice(0, 30)}] ${el.getBoundingClientRect().right}`,
      ),
  );
  expect([name, wider]).toEqual([name, []]);
  await screenshot(page, name);
}

async function openInPane(page: Page, file: string, name: string): Promise<void> {
  await page.setInputFiles("#xlsx-file", file);
  await page.getByText(`已打开：${name}`).waitFor({ timeout: 30_000 });
}

describeWithBrowser("papers, the year view and previews in browser file mode, at 320 px", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let consoleErrors: string[];
  let input: string;
  let broken: string;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    // the sample drawn as the command line draws it, two rows of 检查结果 filled in by inspectors
    const book = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
    const drawn = await runDraw(book, {
      lang: "zh",
      taskId: TASK,
      seed: "20260401-福彩3D-123",
      date: "2026-04-01",
      operator: "张三",
      witness: "李四",
    });
    if (!drawn.ok) throw new Error(drawn.errors.map((e) => e.message).join("\n"));
    // saved and opened again, as the inspectors get it, for typing in ExcelJS
    const typed = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    fillResults(typed, [
      {
        row: 2,
        completed: "2026-04-10",
        result: "发现问题已责令整改",
        problem: "消毒记录不全",
        published: "2026-04-20",
      },
      { row: 3, completed: "2026-04-10", result: "未发现问题", published: "2026-04-20" },
    ]);
    input = join(OUTPUT, "pane-papers-year-input.xlsx");
    writeFileSync(input, await typed.toBuffer());
    // the sample with an error of this task (a USCC of its registry) and one of another task's row
    const bad = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
    const tasks = bad.workbook.getWorksheet("抽查任务")!;
    // (map keeps the hole at index 0 that ExcelJS leaves in a row's values)
    const row = (tasks.getRow(2).values as unknown[]).map((v, k) =>
      k === 1 ? "XH-2026-09" : k === 25 ? "不是日期" : v,
    );
    tasks.getRow(3).values = row as never;
    bad.workbook.getWorksheet("检查对象名录库")!.getCell("B2").value = "521301057559533440";
    broken = join(OUTPUT, "pane-errors-input.xlsx");
    writeFileSync(broken, await bad.toBuffer());

    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser, 320));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=file]", { timeout: 30_000 });
    await openInPane(page, input, "pane-papers-year-input.xlsx");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the seven tabs fit the pane, and the draw plan shows the year's share after the draw", async () => {
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText("检查通过：没有错误。").waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "抽取" }).click();
    await choose(page, "抽查任务", TASK_LABEL);
    await page.getByLabel("抽取日期").fill("2026-06-15");
    await page.getByRole("button", { name: "查看抽取计划" }).click();
    const year = page.getByTestId("preview-year");
    await year.waitFor({ timeout: 30_000 });
    await expect(year.getByRole("listitem").count()).resolves.toBeGreaterThan(0);
    await expect(year.textContent()).resolves.toContain("%");
    await shot(page, "pane-papers-1-draw-plan-year-320");
  });

  test("papers: only those the draw allows are offered; the notices are written and previewed", async () => {
    await page.getByRole("tab", { name: "一企一表与文书" }).click();
    const papers = page.getByRole("region", { name: "文书" });
    // the picker shows the draw once the tab has listed the draws
    await papers
      .getByRole("combobox", { name: "为哪次抽取生成文书" })
      .filter({ hasText: `${DRAW}（有效` })
      .waitFor({ timeout: 30_000 });
    await papers.getByRole("button", { name: "生成抽取过程记录" }).waitFor();
    // never frozen before its seed: no freeze announcement
    await expect(papers.getByRole("button", { name: "生成冻结公告" }).count()).resolves.toBe(0);
    await expect(papers.getByText(/不提供：冻结公告/).isVisible()).resolves.toBe(true);
    await papers.getByRole("button", { name: "生成检查通知书" }).click();
    const written = papers.getByTestId("papers-written");
    await written.waitFor({ timeout: 60_000 });
    const sheet = (await written.locator("[data-sheet]").first().getAttribute("data-sheet")) ?? "";
    expect(sheet).toMatch(/通知书/);
    await written.getByRole("button", { name: `预览：${sheet}` }).click();
    const preview = written.locator(`[data-preview="${sheet}"]`);
    await preview.waitFor();
    // the preview is the sheet as written: the same papers written by the use-case on the same
    // workbook give the same first rows (empty cells as empty text)
    const book = await XlsxWorkbook.fromBuffer(readFileSync(input));
    const same = await runPapers(book, { lang: "zh", draw: DRAW, kinds: ["notices"] });
    if (!same.ok) throw new Error(same.errors.map((e) => e.message).join("\n"));
    expect(same.report.sheets.notices).toBe(sheet);
    const rows = (await book.readSheet(sheet)).rows
      .slice(0, 6)
      .map((r) => [0, 1, 2, 3].map((c) => previewCell(cellDisplay(r[c]))));
    const cells = await preview
      .locator("tbody tr")
      .evaluateAll((trs) => trs.slice(0, 6).map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(cells).toEqual(rows);
    await expect(preview.textContent()).resolves.toMatch(/通知书/);
    await shot(page, "pane-papers-2-notices-preview-320");

    await papers.getByRole("button", { name: "生成抽取过程记录" }).click();
    await papers.getByText(/已写入文书：抽取过程记录/).waitFor({ timeout: 60_000 });
    await shot(page, "pane-papers-3-record-320");
  });

  test("the year tab's figures are runYear's JSON on the same workbook; a figure names its rows", async () => {
    const direct = await runYear(await XlsxWorkbook.fromBuffer(readFileSync(input)), {
      lang: "zh",
      year: 2026,
      today: "2026-06-30",
      share: "5%",
      write: false,
    });
    if (!direct.ok) throw new Error("runYear failed");
    const json = direct.report.json;

    await page.getByRole("tab", { name: "年度" }).click();
    await page.getByRole("spinbutton", { name: "年度" }).fill("2026");
    await page.getByLabel("统计日期").fill("2026-06-30");
    await page.getByLabel("年度抽查比例目标").fill("5%");
    await choose(page, "情况报告", "半年情况报告");
    await page.getByRole("button", { name: "生成年度统计" }).click();
    const result = page.getByTestId("year-result");
    await result.waitFor({ timeout: 60_000 });
    const value = (key: string) => result.locator(`[data-figure="${key}"] td`).first().textContent();
    const expected: [string, string][] = [
      ["registry", String(json.registry)],
      ["drawn", String(json.drawn)],
      ["toGoal", String(json.toGoal)],
      ["inspections", String(json.inspections)],
      ["inspected", String(json.inspected)],
      ["problems", String(json.problems)],
      ["published", String(json.published)],
      ["result:未发现问题", String(json.results["未发现问题"])],
      ["result:发现问题已责令整改", String(json.results["发现问题已责令整改"])],
      ["drawnA", String(json.byGrade.A.drawn)],
      ["drawnB", String(json.byGrade.B.drawn)],
    ];
    for (const [key, v] of expected) expect([key, await value(key)]).toEqual([key, v]);
    expect(await value("share")).toBe(`${Number((json.share * 100).toFixed(2))}%`);
    // rows 2–3: the first target's two departments, one of them with a problem
    expect([json.inspected, json.results["未发现问题"], json.results["发现问题已责令整改"]]).toEqual([1, 1, 1]);
    await shot(page, "pane-year-1-figures-320");

    // the problem found: its one 检查结果 row and its row of the detail sheet, named in file mode
    await result.getByRole("button", { name: /查看“发现问题户次”所计的 1 项/ }).click();
    const entries = result.locator('[data-entries="problems"]');
    await entries.waitFor();
    expect(json.figures.problems.targets).toHaveLength(1);
    await expect(entries.locator("li").first().getAttribute("data-uscc")).resolves.toBe(
      json.figures.problems.targets[0],
    );
    await entries.getByRole("button", { name: /定位到“检查结果”第 2 行/ }).click();
    await result
      .getByText("浏览器文件模式无法在表格中定位：请在下载的工作簿中查看“检查结果”第 2 行。")
      .waitFor({ timeout: 10_000 });
    await entries.getByRole("button", { name: /^明细第 \d+ 行$/ }).click();
    await result.getByText(/请在下载的工作簿中查看“抽查年度明细”第 \d+ 行/).waitFor({ timeout: 10_000 });
    // the drawn targets, all selected at once: as many rows of the detail sheet as the JSON's count
    await result.getByRole("button", { name: `查看“抽取对象（去重）”所计的 ${json.drawn} 项` }).click();
    await result.getByRole("button", { name: /在“抽查年度明细”中选中全部/ }).click();
    const located = await result.getByText(/请在下载的工作簿中查看“抽查年度明细”第 \d+–\d+ 行/).textContent();
    const [, from, to] = /第 (\d+)–(\d+) 行/.exec(located ?? "")!;
    expect(Number(to) - Number(from) + 1).toBe(json.drawn);
    await expect(result.locator('[data-entries="drawn"] li').count()).resolves.toBe(json.drawn);
    await shot(page, "pane-year-2-figure-rows-320");
  });

  test("a written sheet is previewed from the workbook before the download", async () => {
    const result = page.getByTestId("year-result");
    await result.getByRole("button", { name: "预览：抽查年度统计" }).click();
    const preview = result.locator('[data-preview="抽查年度统计"]');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain("2026");
    await expect(preview.locator("tbody tr").count()).resolves.toBeGreaterThan(3);
    await preview.getByRole("button", { name: "后几列" }).click();
    await expect(preview.textContent()).resolves.toMatch(/第 E–/);
    await shot(page, "pane-year-3-sheet-preview-320");
    // the file bar lists every sheet written since the file was opened
    const bar = page.getByTestId("written-sheets");
    await expect(bar.textContent()).resolves.toContain("已写入、尚未下载的工作表");
    await bar.locator("summary").click();
    for (const s of ["检查通知书-XH-2026-03-1", "抽查年度统计", "抽查年度明细", "半年情况报告-2026"])
      await expect(bar.textContent()).resolves.toContain(s);
  });

  test("the national export: written as a sheet, its CSV downloaded as UTF-8 with a BOM", async () => {
    await page.getByRole("button", { name: "导出公示系统数据" }).click();
    await page.getByText(/已写入“.+”：2 条已检查的结果。/).waitFor({ timeout: 60_000 });
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载 CSV（UTF-8 带 BOM）" }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/2026\.csv$/);
    const file = join(OUTPUT, "pane-national-export.csv");
    await saved.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n").filter((l) => l !== "")).toHaveLength(3);
    await shot(page, "pane-year-4-export-320");
  });

  test("with errors: a cell link names the cell, and a refused draw sorts its errors by task", async () => {
    await openInPane(page, broken, "pane-errors-input.xlsx");
    await page.getByRole("tab", { name: "数据" }).click();
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByRole("button", { name: /定位到 检查对象名录库!B2/ }).click();
    await page
      .getByText("浏览器文件模式无法跳转：请在 Excel 或 WPS 中打开工作簿，查看 检查对象名录库!B2。")
      .waitFor({ timeout: 10_000 });
    await shot(page, "pane-errors-1-cell-location-320");

    await page.getByRole("tab", { name: "抽取" }).click();
    await choose(page, "抽查任务", TASK_LABEL);
    await page.getByRole("button", { name: "查看抽取计划" }).click();
    const split = page.getByTestId("task-errors");
    await split.waitFor({ timeout: 30_000 });
    const mine = split.getByRole("region", { name: `与任务 ${TASK} 有关的错误（1）` });
    await expect(mine.textContent()).resolves.toContain("B2");
    const others = split.getByRole("region", { name: "其他错误（1）" });
    await expect(others.textContent()).resolves.toContain("抽查任务");
    await expect(others.textContent()).resolves.not.toContain("B2");
    await shot(page, "pane-errors-2-by-task-320");
  });

  test("imports a platform's CSV list as the task's external draw, shown as a draw marked 外部抽取", async () => {
    // five targets of the sample, two inspectors of each department, as a platform exports them
    const { book: b } = await loadBook(await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE)));
    const task = b.tasks.find((x) => x.id === TASK)!;
    const lines = [["统一社会信用代码", "企业名称", "抽查事项", "检查人员", "执法证号", "检查部门", "抽取日期"]];
    b.targets.slice(0, 5).forEach((x, k) => {
      for (const d of task.departments) {
        const team = b.inspectors.filter((i) => i.department === d && i.status === "在岗").slice(k % 3, (k % 3) + 2);
        const items = task.itemIds.filter((id) => b.items.some((c) => c.itemId === id && c.department === d));
        lines.push([
          x.uscc,
          x.name,
          items.join("、"),
          team.map((i) => i.name).join("、"),
          team.map((i) => i.id).join("、"),
          d,
          "2026-04-01",
        ]);
      }
    });
    const csv = join(OUTPUT, "pane-platform-list.csv");
    writeFileSync(csv, "\uFEFF" + lines.map((r) => r.map((c) => `"${c}"`).join(",")).join("\r\n"));

    await openInPane(page, SAMPLE, "sample-新华区-2026.xlsx");
    await page.getByRole("tab", { name: "数据" }).click();
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText("检查通过：没有错误。").waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "抽取" }).click();
    const section = page.getByRole("region", { name: "导入外部抽取名单" });
    await page.setInputFiles("#import-list-file", csv);
    await section.getByTestId("import-file").getByText("pane-platform-list.csv", { exact: true }).waitFor();
    await choose(page, "名单所属任务", TASK_LABEL);
    await section.getByLabel("名单来源").fill("河北省双随机执法监管平台");
    await section.getByRole("button", { name: "导入名单" }).click();
    const done = section.getByTestId("import-done");
    await done.waitFor({ timeout: 60_000 });
    await expect(done.textContent()).resolves.toContain("外部抽取");
    await expect(done.textContent()).resolves.toContain(
      `已导入“河北省双随机执法监管平台”为任务 ${TASK} 抽取的名单：5 户，名单表“外部名单-${TASK}-1”`,
    );
    for (const x of b.targets.slice(0, 5)) await expect(done.textContent()).resolves.toContain(x.uscc);
    await shot(page, "pane-import-1-external-draw-320");
  });

  test("in English the seven tabs and the papers still fit the pane", async () => {
    await page.getByRole("button", { name: /语言/ }).click();
    await page.getByRole("tab", { name: "Checklists & papers" }).click();
    await page.getByRole("region", { name: "Papers" }).getByRole("button", { name: "Write the draw record" }).waitFor();
    await shot(page, "pane-papers-english-320");
    await page.getByRole("tab", { name: "Year" }).click();
    await page.getByRole("button", { name: "Compute the year" }).waitFor();
    await shot(page, "pane-year-english-320");
    await page.getByRole("button", { name: /Language/ }).click();
  });

  test("never left localhost, and logged no errors", async () => {
    expect(externalRequests(requests)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
