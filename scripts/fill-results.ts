// Fills the 检查结果 rows of a drawn task with plausible, deterministic results, as inspectors
// would over the weeks after the draw: a test and demo tool, never part of the add-in.
//   npx tsx scripts/fill-results.ts BOOK.xlsx --task XH-2026-03 [--out OUT.xlsx]
// Row i of the task (in sheet order) gets, by i mod 6: 未发现问题 (published), 未发现问题 (not yet
// published), 发现问题已责令整改 (with its description), 行政处罚 (decision number and date),
// 未发现问题 completed late in the window (not published), or nothing (not yet inspected).
import type { CellValue, WorkbookPort } from "../src/workbook/port";
import type { InspectionResult } from "../src/core/model";
import { cellText } from "../src/workbook/cells";
import { RESULT_COLUMNS } from "../src/core/schema/columns";
import { RESULTS_SHEET } from "../src/workbook/names";
import { resultsSheetLayout } from "../src/workbook/results-layout";

export interface FillOptions {
  taskId: string;
  /** first completion date, YYYY-MM-DD (default: the 10th of the month after the first row's draw) */
  start: string;
}

const addDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The filled 检查结果 rows (header first), as text cells, ready for a `replace` write. */
export function filledRows(rows: CellValue[][], options: FillOptions): (string | number | null)[][] {
  const col = (k: keyof InspectionResult) => RESULT_COLUMNS.findIndex((c) => c.key === k);
  let i = 0;
  return rows.map((row, r) => {
    const out: (string | number | null)[] = RESULT_COLUMNS.map((_, c) => {
      const v = row[c];
      return v === null || v === undefined ? null : cellText(v);
    });
    if (r === 0 || out[col("taskId")] !== options.taskId) return out;
    const k = i++ % 6;
    const completed = addDays(options.start, i);
    const set = (k: keyof InspectionResult, v: string) => (out[col(k)] = v);
    if (k === 5) return out;
    set("completed", k === 4 ? addDays(options.start, 60) : completed);
    set("enteredBy", "测试录入员");
    if (k === 0 || k === 1 || k === 4) set("result", "未发现问题");
    if (k === 0) set("published", addDays(completed, 5));
    if (k === 2) {
      set("result", "发现问题已责令整改");
      set("problem", "消毒记录不全");
      set("rectification", "已责令限期整改");
    }
    if (k === 3) {
      set("result", "行政处罚");
      set("problem", "超范围执业");
      set("penaltyNo", `新卫罚〔2026〕${100 + i}号`);
      set("penaltyDate", addDays(completed, 10));
    }
    return out;
  });
}

/** Rewrites 检查结果 with the task's rows filled, in the sheet's own layout (widths, header, print setup, drop-down). */
export async function fillResults(port: WorkbookPort, options: FillOptions): Promise<void> {
  const sheet = await port.readSheet(RESULTS_SHEET);
  const rows = filledRows(sheet.rows, options);
  await port.write({
    create: [],
    replace: [{ name: RESULTS_SHEET, rows, ...resultsSheetLayout(rows.length) }],
    append: [],
  });
}

if (require.main === module) {
  (async () => {
    const { parseArgs } = await import("node:util");
    const { readXlsxFile, saveAtomic } = await import("../src/workbook/xlsx/file");
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { task: { type: "string" }, start: { type: "string" }, out: { type: "string" } },
    });
    const [book] = positionals;
    if (!book || !values.task) {
      console.error("用法: tsx scripts/fill-results.ts BOOK.xlsx --task ID [--start YYYY-MM-DD] [--out OUT.xlsx]");
      process.exit(2);
    }
    const port = await readXlsxFile(book);
    await fillResults(port, { taskId: values.task, start: values.start ?? "2026-04-13" });
    await saveAtomic(port, values.out ?? book);
    console.log(`已填写任务 ${values.task} 的检查结果：${values.out ?? book}`);
  })();
}
