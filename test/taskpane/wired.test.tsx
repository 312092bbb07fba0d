// The pane's engine as browser file mode builds it (ExcelJS adapter + the real use-cases), run on
// the sample workbook: what each tab gets back is what the command line computes.
import { readFileSync } from "fs";
import { join } from "path";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { openFileEngine } from "../../src/taskpane/file-host";
import type { CheckSummary, DrawSummary, Engine } from "../../src/taskpane/engine";
import {
  drawnTasks,
  failureText,
  overdueRows,
  percentText,
  publicityFigures,
  validDraws,
} from "../../src/taskpane/pane-logic";
import { t } from "../../src/taskpane/strings";
import { render } from "../../src/core/issues/issue";
import { PublicityResult } from "../../src/taskpane/components/PublicityTab";
import { runDraw, verifyDraws } from "../../src/workbook/usecases";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { alterCell, arrayBufferOf, fillResults, rowByHeader } from "./workbook-edits";

const SAMPLE = join(__dirname, "../../assets/sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const SEED = "20260401-福彩3D-123";
const DATE = "2026-04-01";
const opts = { lang: "zh", sheetMap: {} } as const;

const open = (bytes: Uint8Array, name = "sample-新华区-2026.xlsx") => openFileEngine(arrayBufferOf(bytes), name);

describe("the file-mode engine on the sample workbook", () => {
  let engine: Engine;
  let checked: CheckSummary;
  let draw: DrawSummary;
  const drawProgress: [number, number][] = [];

  beforeAll(async () => {
    engine = await open(readFileSync(SAMPLE));
    checked = await engine.check(opts);
    const out = await engine.runDraw(
      { ...opts, taskId: TASK, seed: SEED, date: DATE, operator: "张三", witness: "李四" },
      (done, total) => drawProgress.push([done, total]),
    );
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    draw = out.report;
  });

  test("checks the sample with no errors and lists its task", () => {
    expect(checked.errors).toEqual([]);
    expect(checked.ok).toBe(true);
    expect(checked.counts).toMatchObject({ targets: 300, inspectors: 30, tasks: 1 });
    expect(checked.tasks.map((x) => x.id)).toEqual([TASK]);
  });

  test("draws exactly what the use-case draws on the same inputs, with progress to the end", async () => {
    const direct = await runDraw(await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE)), {
      lang: "zh",
      taskId: TASK,
      seed: SEED,
      date: DATE,
      operator: "王五",
      witness: "赵六",
    });
    if (!direct.ok) throw new Error("direct draw failed");
    expect(draw.selected.length).toBeGreaterThan(0);
    expect(draw.selected.map((s) => s.uscc)).toEqual(direct.report.selected.map((s) => s.uscc));
    expect(draw.selected.map((s) => s.teams)).toEqual(direct.report.selected.map((s) => s.teams));
    expect(draw.digest).toBe(direct.report.digest);
    expect(draw.seedSource).toBe("entered");
    expect(drawProgress.length).toBeGreaterThan(1);
    const [done, total] = drawProgress[drawProgress.length - 1];
    expect(done).toBe(total);
  });

  test("offers the draw as the one valid draw, and its task as the one to publish", async () => {
    const listed = await engine.listDraws(opts);
    expect(validDraws(listed).map((d) => [d.sheet, d.task, d.status])).toEqual([[draw.sheet, TASK, "有效"]]);
    expect(drawnTasks(listed)).toEqual([{ id: TASK, name: "新华区2026年第三次跨部门联合抽查" }]);
  });

  test("writes one checklist per selected target into a new sheet, with progress", async () => {
    const seen: [number, number][] = [];
    const before = await engine.sheetNames();
    const out = await engine.writeChecklists({ ...opts, drawSheet: draw.sheet }, (d, n) => seen.push([d, n]));
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    expect(out.report.forms).toBe(draw.selected.length);
    expect(before).not.toContain(out.report.sheet);
    expect(await engine.sheetNames()).toContain(out.report.sheet);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1][0]).toBe(seen[seen.length - 1][1]);
  });

  test("refuses the checklists of a draw whose result sheet was altered, naming the altered cell", async () => {
    const copy = await XlsxWorkbook.fromBuffer((await engine.saveCopy!()).bytes);
    const cell = alterCell(copy, draw.sheet, draw.selected[0].name, `${draw.selected[0].name}（改）`);
    const forged = await open(await copy.toBuffer());
    const before = await forged.sheetNames();
    const out = await forged.writeChecklists({ ...opts, drawSheet: draw.sheet });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors[0].code).toBe("draw_not_verified");
    expect(out.errors[0].message).toContain(draw.sheet);
    expect(out.errors[0].message).toContain(`!${cell}`);
    expect(await forged.sheetNames()).toEqual(before);
  });

  test("publicity: the key figures, and each overdue result pointing at its row of 检查结果", async () => {
    const copy = await XlsxWorkbook.fromBuffer((await engine.saveCopy!()).bytes);
    // rows 2–3: the first target, both departments, a problem found, published in time;
    // row 4: the second target, inspected on 10 April and never published (overdue by 30 June);
    // row 5: the same target, inspected on 25 June (its deadline is still ahead)
    fillResults(copy, [
      {
        row: 2,
        completed: "2026-04-10",
        result: "发现问题已责令整改",
        problem: "消毒记录不全",
        published: "2026-04-20",
      },
      { row: 3, completed: "2026-04-10", result: "未发现问题", published: "2026-04-20" },
      { row: 4, completed: "2026-04-10", result: "未发现问题" },
      { row: 5, completed: "2026-06-25", result: "未发现问题" },
    ]);
    const filled = await copy.toBuffer();
    const out = await (await open(filled)).buildPublicity({ ...opts, taskId: TASK, today: "2026-06-30" });
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    const report = out.report;
    expect(report.resultsSheet).toBe("检查结果");
    expect(report.sheets).toEqual([
      "抽查名单公示-XH-2026-03",
      "结果公示-XH-2026-03",
      "抽查统计",
      "公示进度-XH-2026-03",
    ]);

    const f = publicityFigures(report);
    expect(f).toMatchObject({ selected: draw.selected.length, inspected: 2, problems: 1, published: 1, overdue: 1 });
    expect(f.minRatio).toBe(0.03);
    expect(f.meetsMinimum).toBe(true);
    expect(f.coverage).toBeCloseTo(draw.selected.length / 300, 4);

    const overdue = overdueRows(report);
    expect(overdue.map((r) => r.row)).toEqual([4]);
    const line = await rowByHeader(await XlsxWorkbook.fromBuffer(filled), report.resultsSheet, 4);
    expect([line["统一社会信用代码"], line["部门"]]).toEqual([overdue[0].uscc, overdue[0].department]);
    expect(overdue[0].publishBy! > "2026-04-10" && overdue[0].publishBy! < "2026-06-30").toBe(true);

    const html = (lang: "zh" | "en") =>
      renderToString(
        <FluentProvider theme={webLightTheme}>
          <PublicityResult lang={lang} report={report} onGoToRow={() => undefined} />
        </FluentProvider>,
      );
    const zh = html("zh");
    expect(zh).toContain(percentText(f.coverage));
    expect(zh).toContain("最低 3%");
    expect(zh).toContain("达到最低抽查比例");
    expect(zh).toContain("逾期未公示的结果：1 行");
    expect(zh).toContain(`定位到“检查结果”第 4 行: ${overdue[0].name} ${overdue[0].department}`);
    expect(zh).toContain(t("zh", "publishBy", { date: overdue[0].publishBy! }));
    const en = html("en");
    expect(en).toContain("Meets the minimum ratio");
    expect(en).toContain("Overdue for publication: 1");
  });

  test("the download is named after the opened file and its draw verifies", async () => {
    const copy = await engine.saveCopy!();
    expect(copy.name).toBe("sample-新华区-2026-结果.xlsx");
    const report = await verifyDraws(await XlsxWorkbook.fromBuffer(copy.bytes), { lang: "zh" });
    expect(report.draws.map((d) => [d.sheet, d.ok])).toEqual([[draw.sheet, true]]);
  });
});

test("a file that is no .xlsx is reported as such, not as a crash", async () => {
  const e = await openFileEngine(arrayBufferOf(new TextEncoder().encode("名称,代码\n甲,1\n")), "名录.csv").catch(
    (x) => x,
  );
  // the adapter's diagnosis, in the catalogue's words (the command line says the same)
  expect(failureText("zh", e)).toBe(render("file_text", {}, "zh"));
  expect(failureText("en", e)).toBe(render("file_text", {}, "en"));
  expect(failureText("zh", { name: "NotAWorkbookError" })).toBe(t("zh", "notXlsx"));
  expect(failureText("en", new Error("boom"))).toBe("Something went wrong: boom");
});
