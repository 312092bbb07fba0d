// The pane's new engine calls on the sample workbook in browser file mode (ExcelJS adapter + the
// real use-cases): papers, the year view with a way from each number to its rows, the national
// export's CSV, the preview of a written sheet, and a refused draw's errors split by task.
import ExcelJS, { type CellValue } from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { openFileEngine } from "../../src/taskpane/file-host";
import type { DrawSummary, Engine, YearSummary } from "../../src/taskpane/engine";
import {
  csvBytes,
  detailRowOf,
  detailSpanOf,
  paperKindsFor,
  yearFigures,
  yearScope,
  YEAR_FIGURES,
} from "../../src/taskpane/pane-logic";
import { YearResult } from "../../src/taskpane/components/YearTab";
import { loadBook, runYear } from "../../src/workbook/usecases";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { arrayBufferOf, fillResults } from "./workbook-edits";

const SAMPLE = join(__dirname, "../../assets/sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";
const opts = { lang: "zh", sheetMap: {} } as const;
const open = async (bytes: Uint8Array) => openFileEngine(arrayBufferOf(bytes), "sample.xlsx");

describe("papers, year view and export through the pane's engine", () => {
  let engine: Engine;
  let draw: DrawSummary;

  beforeAll(async () => {
    engine = await open(readFileSync(SAMPLE));
    const out = await engine.runDraw({
      ...opts,
      taskId: TASK,
      seed: "20260401-福彩3D-123",
      date: "2026-04-01",
      operator: "张三",
      witness: "李四",
    });
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    draw = out.report;
    // two rows of 检查结果 inspected, one with a problem, so that the year's figures have rows
    const copy = await XlsxWorkbook.fromBuffer((await engine.saveCopy!()).bytes);
    fillResults(copy, [
      {
        row: 2,
        completed: "2026-04-10",
        result: "发现问题已责令整改",
        problem: "消毒记录不全",
        published: "2026-04-20",
      },
      { row: 3, completed: "2026-04-10", result: "未发现问题" },
    ]);
    engine = await open(await copy.toBuffer());
  });

  test("a valid draw not frozen first is offered its record, notices and confirmations, and they are written", async () => {
    const listed = await engine.listDraws(opts);
    expect(listed.map((d) => [d.sheet, d.status, d.frozen])).toEqual([[draw.sheet, "有效", false]]);
    const kinds = paperKindsFor(listed[0].status, listed[0].frozen);
    expect(kinds).toEqual(["record", "notices", "confirmations"]);
    const out = await engine.writePapers({ ...opts, drawSheet: draw.sheet, kinds, date: "2026-04-02" });
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    const names = await engine.sheetNames();
    for (const k of kinds) expect(names).toContain(out.report.sheets[k]);
    // the record names the draw; the sheets written are listed for the file bar's previews
    const record = await engine.previewSheet({ sheet: out.report.sheets.record!, rows: 40 });
    expect(record!.rows.flat().join("\n")).toContain(draw.sheet);
    expect(await engine.writtenSheets()).toEqual(expect.arrayContaining(Object.values(out.report.sheets)));
    // the freeze announcement is refused for a draw that was never frozen, in the catalogue's words
    const refused = await engine.writePapers({ ...opts, drawSheet: draw.sheet, kinds: ["freeze"] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0].message).toContain(draw.sheet);
  });

  describe("the year view", () => {
    let summary: YearSummary;
    beforeAll(async () => {
      const out = await engine.runYear({ ...opts, year: 2026, today: "2026-06-30", share: "5%", report: "half" });
      if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
      summary = out.report;
    });

    test("is runYear's JSON on the same workbook, and writes the year sheets and the half-year report", async () => {
      const direct = await runYear(await XlsxWorkbook.fromBuffer((await engine.saveCopy!()).bytes), {
        lang: "zh",
        year: 2026,
        today: "2026-06-30",
        share: "5%",
        write: false,
      });
      if (!direct.ok) throw new Error("direct year failed");
      expect(summary.json).toEqual(direct.report.json);
      expect(summary.sheets).toEqual(expect.arrayContaining(["抽查年度统计", "抽查年度明细"]));
      expect(summary.sheets.length).toBeGreaterThan(2);
      for (const s of summary.sheets) expect(await engine.sheetNames()).toContain(s);
      expect(summary.json.goal).toBe(0.05);
    });

    test("each figure of the tab has the JSON's value, and counts the JSON's targets and rows", () => {
      const scope = yearScope(summary, "");
      const shown = Object.values(yearFigures(scope)).flat();
      const byKey = new Map(shown.map((f) => [f.key, f]));
      expect(byKey.get("drawn")!.value).toBe(String(summary.json.drawn));
      expect(byKey.get("inspected")!.value).toBe(String(summary.json.inspected));
      expect(byKey.get("problems")!.value).toBe("1");
      expect(byKey.get("result:未发现问题")!.value).toBe("1");
      for (const [key, fig] of Object.entries(summary.json.figures)) {
        const f = YEAR_FIGURES[key];
        expect([key, typeof f]).toEqual([key, "function"]);
        const entries = f(scope.view).entries;
        expect([key, [...new Set(entries.map((e) => e.uscc))].sort()]).toEqual([key, fig.targets]);
        expect([key, [...new Set(entries.flatMap((e) => e.rows))].sort((a, b) => a - b)]).toEqual([key, fig.rows]);
      }
    });

    test("a figure's entries point at the detail sheet's rows that list them, and at their 检查结果 rows", async () => {
      const scope = yearScope(summary, "");
      const problems = yearFigures(scope).inspection.find((f) => f.key === "problems")!;
      expect(problems.entries!.map((e) => e.rows)).toEqual([[2]]);
      const detail = await engine.previewSheet({ sheet: summary.detail!.sheet, rows: 5000 });
      const row = detailRowOf(summary, scope, "problems", problems.entries![0])!;
      const line = detail!.rows[row - 1];
      expect(line[0]).toContain("问题");
      expect(line[2]).toBe(problems.entries![0].uscc);
      // a grade's drawn targets are found among the drawn ones
      const span = detailSpanOf(summary, scope, "drawn")!;
      expect(span[1] - span[0] + 1).toBe(summary.json.drawn);
      const grade = yearFigures(scope).grade.find((f) => f.entries && f.entries.length > 0)!;
      const r = detailRowOf(summary, scope, "drawn", grade.entries![0])!;
      expect(r >= span[0] && r <= span[1]).toBe(true);
      expect(detail!.rows[r - 1][2]).toBe(grade.entries![0].uscc);
    });

    test("the tab shows the figures and, for a department, that department's", () => {
      const html = (department: string) =>
        renderToString(
          <FluentProvider theme={webLightTheme}>
            <YearResult
              lang="zh"
              engine={engine}
              summary={summary}
              department={department}
              onDepartment={() => undefined}
            />
          </FluentProvider>,
        );
      const all = html("");
      expect(all).toContain("2026 年（截至 2026-06-30，按抽取日期）");
      expect(all).toContain(`查看“抽取对象（去重）”所计的 ${summary.json.drawn} 项`);
      expect(all).toContain("目标 5%");
      expect(all).toContain("发现问题户次");
      const dept = summary.json.departments[0];
      expect(html(dept.department)).toContain(`查看“抽取对象（去重）”所计的 ${dept.drawn} 项`);
    });
  });

  test("the national export: the sheet, and CSV bytes that start with the UTF-8 byte-order mark", async () => {
    const out = await engine.nationalExport({ ...opts, year: 2026 });
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    expect(out.report.rows.length).toBe(2);
    expect(await engine.sheetNames()).toContain(out.report.sheet);
    const bytes = csvBytes(out.report.csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(draw.selected[0].uscc);
  });
});

test("a refused draw's errors: the task's own apart from another task's", async () => {
  const book = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
  const tasks = book.workbook.getWorksheet("抽查任务")!;
  // another task, whose 开始日期 is no date
  const row = tasks.getRow(2).values as CellValue[];
  tasks.getRow(3).values = row.map((v, k) => (k === 1 ? "XH-2026-09" : k === 25 ? "不是日期" : v));
  // a target of this task's categories with a broken USCC
  book.workbook.getWorksheet("检查对象名录库")!.getCell("B2").value = "521301057559533440";
  const engine = await open(await book.toBuffer());
  const out = await engine.previewDraw({ ...opts, taskId: TASK, date: "2026-04-01" });
  expect(out.ok).toBe(false);
  if (out.ok) return;
  const split = await engine.splitTaskErrors({ ...opts, taskId: TASK, errors: out.errors });
  expect(split.general.map((e) => e.code)).toEqual(["book_has_errors"]);
  expect(split.task.map((e) => [e.sheet, e.cell])).toEqual([["检查对象名录库", "B2"]]);
  expect(split.other.map((e) => e.sheet)).toEqual(["抽查任务"]);
  expect(split.other[0].row).toBe(3);
});

describe("importing a platform's drawn list through the pane's engine", () => {
  /** A platform's export of five of the sample's targets, with two inspectors of each department. */
  async function platformRows(): Promise<string[][]> {
    const { book: b } = await loadBook(await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE)));
    const task = b.tasks.find((x) => x.id === TASK)!;
    const rows = [["统一社会信用代码", "企业名称", "抽查事项", "检查人员", "执法证号", "检查部门", "抽取日期"]];
    b.targets.slice(0, 5).forEach((x, k) => {
      for (const d of task.departments) {
        const team = b.inspectors.filter((i) => i.department === d && i.status === "在岗").slice(k % 3, (k % 3) + 2);
        const items = task.itemIds.filter((id) => b.items.some((c) => c.itemId === id && c.department === d));
        rows.push([
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
    return rows;
  }
  const csvOf = (rows: string[][]) => "\uFEFF" + rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\r\n");

  test("a CSV export (UTF-8 with BOM) becomes the task's external draw, counted by the year view", async () => {
    const engine = await open(readFileSync(SAMPLE));
    const out = await engine.importList({
      ...opts,
      file: { name: "平台名单.csv", bytes: new TextEncoder().encode(csvOf(await platformRows())) },
      taskId: TASK,
      source: "河北省双随机执法监管平台",
      operator: "张三",
    });
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    expect(out.report).toMatchObject({ protocol: "外部抽取", source: "河北省双随机执法监管平台", task: TASK });
    expect(out.report.selected).toHaveLength(5);
    expect(await engine.sheetNames()).toEqual(expect.arrayContaining([out.report.sheet, out.report.listSheet]));
    expect((await engine.listDraws(opts)).map((d) => [d.sheet, d.status])).toEqual([[out.report.sheet, "有效"]]);
    const year = await engine.runYear({ ...opts, year: 2026, today: "2026-06-30" });
    if (!year.ok) throw new Error("year failed");
    expect(year.report.json.draws.map((d) => [d.sheet, d.external, d.targets])).toEqual([[out.report.sheet, true, 5]]);
  });

  test("an .xlsx export is read from its first sheet; a CSV not in UTF-8 is refused by name, nothing written", async () => {
    const rows = await platformRows();
    const list = new ExcelJS.Workbook();
    list.addWorksheet("平台导出").addRows(rows);
    const engine = await open(readFileSync(SAMPLE));
    const before = await engine.sheetNames();
    // GBK bytes of 名单 (what an old platform exports): not UTF-8
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb5, 0xa5, 0x0d, 0x0a]);
    const refused = await engine.importList({ ...opts, file: { name: "旧平台.csv", bytes: gbk }, taskId: TASK });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0].code).toBe("import_csv_encoding");
    expect(refused.ok || refused.errors[0].message).toContain("旧平台.csv");
    expect(await engine.sheetNames()).toEqual(before);
    const out = await engine.importList({
      ...opts,
      file: { name: "平台名单.xlsx", bytes: new Uint8Array(await list.xlsx.writeBuffer()) },
      taskId: TASK,
    });
    if (!out.ok) throw new Error(out.errors.map((e) => e.message).join("\n"));
    expect(out.report.selected.map((s) => s.uscc)).toEqual(rows.filter((_, k) => k % 2 === 1).map((r) => r[0]));
  });
});
