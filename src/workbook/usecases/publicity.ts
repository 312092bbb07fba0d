// 一公开: the publicity tables of a task's valid draw, with deadlines on the working-day calendar,
// and the statistics over every valid draw of the workbook.
import { issue, type Issue, type Lang } from "../../core/issues/issue";
import { readTable, RESULT_COLUMNS, type ColumnPlace, type ParseOptions } from "../../core/schema";
import type { IsoDate, StoredDraw } from "../../core/model";
import { makeCalendar } from "../../core/calendar";
import {
  buildPublicity,
  buildStatistics,
  publicitySheets,
  TRACKER_PREFIX,
  type Publicity,
  type ResultColumns,
  type Statistics,
} from "../../core/publicity";
import type { InspectionResult } from "../../core/model";
import type { ProgressReporter, SheetData, WorkbookPort } from "../port";
import { chinaToday } from "../cells";
import { isIsoDate } from "../../core/calendar/dates";
import {
  cleanSheetName,
  LIST_PUBLICITY_PREFIX,
  RESULT_PUBLICITY_PREFIX,
  RESULTS_SHEET,
  STATISTICS_SHEET,
} from "../names";
import { loadBook, readIfPresent, type LoadedBook } from "./load";
import { activeDraw, statusOf } from "../../core/draw/register";
import { resultPairs } from "../results-sheet";
import { pairKey } from "./result-rows";
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
  /** the sheet read as 检查结果; the publicity rows' `row` numbers are rows of it */
  resultsSheet: string;
}

/**
 * Where each field of 检查结果 sits, found as the schema finds it (the header row below any title
 * rows, aliases and full-width forms), so that an issue names its cell.
 */
export function locateResultColumns(sheet: SheetData | null): ResultColumns {
  const out: ResultColumns = {};
  if (!sheet) return out;
  const table = readTable(sheet, RESULT_COLUMNS, sheet.name);
  for (const [field, place] of Object.entries(table.columns) as [keyof InspectionResult, ColumnPlace][])
    out[field] = { header: place.header, index: place.index };
  return out;
}

/**
 * The rows of 检查结果 that are results of the draws as they stand: a row of a voided draw or of a
 * replaced target (marked or not) is the clerks' and stays on the sheet, but is no result.
 */
export async function currentResults(loaded: LoadedBook): Promise<InspectionResult[]> {
  const current = new Set<string>();
  for (const d of await loaded.validDraws()) {
    for (const p of resultPairs(d.outcome)) current.add(`${d.record.taskId}|${pairKey(p.uscc, p.department)}`);
  }
  const known = new Set(loaded.register.draws.map((d) => d.taskId));
  return loaded.book.results.filter(
    (r) => current.has(`${r.taskId}|${pairKey(r.uscc, r.department)}`) || !known.has(r.taskId),
  );
}

/**
 * Builds the publicity of task `taskId` as of `today` (China date; default today). With `write`,
 * writes 抽查名单公示-<task>, 结果公示-<task> and 抽查统计 (rewritten whole each time); errors in
 * the 检查结果 rows are reported at their cells and nothing is written.
 */
export async function runPublicity(
  port: WorkbookPort,
  options: {
    taskId: string;
    today?: string;
    write?: boolean;
    progress?: ProgressReporter;
    lang?: Lang;
    /** the clock, for tests */
    now?: Date;
  } & ParseOptions,
): Promise<Outcome<PublicityReport>> {
  const lang = options.lang ?? "zh";
  if (options.today !== undefined && !isIsoDate(options.today))
    return { ok: false, errors: [issue("date_invalid_option", {}, { value: options.today }, lang)], warnings: [] };
  const today = (options.today ?? chinaToday(options.now)) as IsoDate;
  const loaded = await loadBook(port, options);
  const { book } = loaded;
  const live = activeDraw(loaded.register, options.taskId);
  const record = live && statusOf(live) === "有效" ? live.draw!.entry : null;
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
  const results = await currentResults(loaded);
  const publicity = buildPublicity({
    draw,
    results,
    calendar,
    today,
    columns,
    sheet: resultsSheet,
    lang,
  });
  const allDraws = await loaded.validDraws();
  const statistics = buildStatistics(allDraws, results, calendar, today, lang);

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
    resultsSheet,
  };
  if (errors.length) return { ok: false, errors, warnings };
  if (options.write === false) return { ok: true, report, warnings };

  const names = {
    list: cleanSheetName(`${LIST_PUBLICITY_PREFIX}${options.taskId}`),
    results: cleanSheetName(`${RESULT_PUBLICITY_PREFIX}${options.taskId}`),
    tracker: cleanSheetName(`${TRACKER_PREFIX}${options.taskId}`),
    statistics: STATISTICS_SHEET,
  };
  // 单位信息 once the schema reads it into the book; the chain head once the register gives it
  const units = book.units;
  const sheets = publicitySheets({
    publicity,
    draw,
    statistics,
    items: book.items,
    names,
    options: { units, date: today, chainHead: loaded.register.legacy ? "" : loaded.register.head },
  });
  await port.write({ create: [], replace: sheets, append: [] }, options.progress);
  report.sheets = [names.list, names.results, names.statistics, names.tracker];
  return { ok: true, report, warnings };
}
