// 一公开: the publicity tables of a task's valid draw, with deadlines on the working-day calendar,
// and the statistics over every valid draw of the workbook.
import { issue, type Issue, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { IsoDate, StoredDraw } from "../../core/model";
import { makeCalendar } from "../../core/calendar";
import {
  buildPublicity,
  buildStatistics,
  listPublicitySheet,
  resultPublicitySheet,
  statisticsSheet,
  RESULT_HEADERS,
  type Publicity,
  type ResultColumns,
  type Statistics,
} from "../../core/publicity";
import type { InspectionResult } from "../../core/model";
import type { ProgressReporter, SheetData, WorkbookPort } from "../port";
import { chinaToday, cellText } from "../cells";
import {
  cleanSheetName,
  LIST_PUBLICITY_PREFIX,
  RESULT_PUBLICITY_PREFIX,
  RESULTS_SHEET,
  STATISTICS_SHEET,
} from "../names";
import { loadBook, loadValidDraws, readIfPresent } from "./load";
import { verifiedDraw } from "./checklists";
import type { Outcome } from "./draw";

export interface PublicityReport {
  task: string;
  draw: string;
  today: IsoDate;
  publicity: Publicity;
  statistics: Statistics;
  /** the sheets written (empty for a preview) */
  sheets: string[];
}

/** Where each field of 检查结果 sits, from its header row, so that an issue names its cell. */
export function locateResultColumns(sheet: SheetData | null): ResultColumns {
  const header = (sheet?.rows[0] ?? []).map((v) => cellText(v).replace(/\s+/g, ""));
  const out: ResultColumns = {};
  for (const [field, name] of Object.entries(RESULT_HEADERS) as [keyof InspectionResult, string][]) {
    if (!name) continue;
    const index = header.indexOf(name);
    if (index >= 0) out[field] = { header: name, index };
  }
  return out;
}

/**
 * Builds the publicity of task `taskId` as of `today` (China date; default today). With `write`,
 * writes 抽查名单公示-<task>, 结果公示-<task> and 抽查统计 (rewritten whole each time); errors in
 * the 检查结果 rows are reported at their cells and nothing is written.
 */
export async function runPublicity(
  port: WorkbookPort,
  options: { taskId: string; today?: string; write?: boolean; progress?: ProgressReporter; lang?: Lang } & ParseOptions,
): Promise<Outcome<PublicityReport>> {
  const lang = options.lang ?? "zh";
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today))
    return { ok: false, errors: [issue("date_invalid_option", {}, { value: options.today }, lang)], warnings: [] };
  const today = (options.today ?? chinaToday()) as IsoDate;
  const loaded = await loadBook(port, options);
  const { book } = loaded;
  const records = loaded.records.filter((r) => r.taskId === options.taskId && r.status === "有效");
  const record = records[records.length - 1];
  if (!record) {
    const known = book.tasks.some((t) => t.id === options.taskId);
    return {
      ok: false,
      errors: [
        known
          ? issue("task_not_drawn", {}, { task: options.taskId }, lang)
          : issue("task_unknown", {}, { task: options.taskId, known: book.tasks.map((t) => t.id).join("、") }, lang),
      ],
      warnings: [],
    };
  }
  const found = await verifiedDraw(port, loaded, record.sheet, options);
  if (!found.ok) return { ok: false, errors: found.errors, warnings: [] };
  const draw: StoredDraw = found.draw;

  const resultsSheet = book.sheets.results ?? RESULTS_SHEET;
  const columns = locateResultColumns(await readIfPresent(port, loaded.sheetNames, resultsSheet));
  const calendar = makeCalendar(book.holidays);
  const publicity = buildPublicity({
    draw,
    results: book.results,
    calendar,
    today,
    columns,
    sheet: resultsSheet,
    lang,
  });
  const allDraws = await loadValidDraws(port, loaded);
  const statistics = buildStatistics(allDraws, book.results, calendar, today, lang);

  // The schema's faults on 检查结果 (a category not in the list, a date that is no date) and the
  // publicity's own (a penalty without its decision number) both block writing.
  const sheetFaults = book.errors.filter((e) => e.sheet === resultsSheet);
  const errors: Issue[] = [...sheetFaults, ...publicity.issues.filter((i) => i.severity === "error")];
  const warnings: Issue[] = publicity.issues.filter((i) => i.severity !== "error");
  const report: PublicityReport = {
    task: options.taskId,
    draw: draw.record.sheet,
    today,
    publicity,
    statistics,
    sheets: [],
  };
  if (errors.length) return { ok: false, errors, warnings };
  if (options.write === false) return { ok: true, report, warnings };

  const listName = cleanSheetName(`${LIST_PUBLICITY_PREFIX}${options.taskId}`);
  const resultName = cleanSheetName(`${RESULT_PUBLICITY_PREFIX}${options.taskId}`);
  await port.write(
    {
      create: [],
      replace: [
        listPublicitySheet(listName, draw, book.items),
        resultPublicitySheet(resultName, publicity, draw),
        statisticsSheet(statistics, STATISTICS_SHEET),
      ],
      append: [],
    },
    options.progress,
  );
  report.sheets = [listName, resultName, STATISTICS_SHEET];
  return { ok: true, report, warnings };
}
