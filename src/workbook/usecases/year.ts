// The year's work over a workbook: every draw in effect (own DRP-1 draws as they stand, draws
// imported from a platform) against the registry, the item list, the plan and the results; written
// as 抽查年度统计 (and its detail), the half-year or year report, and the national system's fields.
import { issue, type Issue, type Lang } from "../../core/issues/issue";
import { readTable, PLAN_COLUMNS, type ColumnPlace, type ParseOptions } from "../../core/schema";
import type { IsoDate, PlanBatch } from "../../core/model";
import { makeCalendar } from "../../core/calendar";
import { isIsoDate } from "../../core/calendar/dates";
import {
  beforeDraw,
  computeYearView,
  parseYearShare,
  reportPeriod,
  yearDrawOf,
  yearJson,
  yearDetailSheet,
  yearReportSheets,
  yearSheets,
  YEAR_DETAIL_SHEET,
  type BeforeDraw,
  type DetailPlaces,
  type PlanColumns,
  type ReportKind,
  type YearDraw,
  type YearView,
} from "../../core/year";
import { nationalCsv, nationalRows, nationalSheet, type NationalRow } from "../../core/platform";
import type { WorkbookPort } from "../port";
import { chinaToday } from "../cells";
import { loadBook, type LoadedBook } from "./load";
import { findDraw } from "../../core/draw/register";
import { currentResults } from "./publicity";
import type { Outcome } from "./draw";

export interface YearOptions extends ParseOptions {
  year: number;
  /** China date the figures are as of; today when absent */
  today?: string;
  /** the yearly share the clerk sets: '5%', '0.05' or '5' */
  share?: string;
  /** also write the half-year or the year report */
  report?: ReportKind;
  /** false: compute only (the pane's preview, `--json` without writing) */
  write?: boolean;
  now?: Date;
}

export interface YearReport {
  view: YearView;
  json: ReturnType<typeof yearJson>;
  sheets: string[];
  /** where each figure's entries are on the detail sheet written (null when nothing was written) */
  detail: { sheet: string; places: DetailPlaces } | null;
  /** the sheet the figures' 检查结果 rows are on (null when the workbook has none) */
  resultsSheet: string | null;
}

/** The draws in effect, as the year counts them (own draws with substitutes in). */
export async function yearDraws(loaded: LoadedBook, upto?: number): Promise<YearDraw[]> {
  const out: YearDraw[] = [];
  for (const d of await loaded.validDraws(upto)) {
    const y = yearDrawOf(d, d.outcome.selected);
    if (d.record.protocol !== "外部抽取") {
      out.push(y);
      continue;
    }
    // an imported list is external, and by grade only when the platform drew it so
    const listed = findDraw(loaded.register, d.record.snapshotSheet);
    const read = listed ? await loaded.external(listed) : null;
    out.push({ ...y, external: true, byGrade: read?.list?.byGrade === true });
  }
  return out;
}

/** Where each field of 年度抽查计划 sits, for warnings at their cells. */
async function planColumns(loaded: LoadedBook): Promise<PlanColumns | undefined> {
  const name = loaded.book.sheets.plans;
  if (!name) return undefined;
  const sheet = await loaded.sheet(name);
  if (!sheet) return undefined;
  const table = readTable(sheet, PLAN_COLUMNS, name);
  const out: PlanColumns = {};
  for (const [field, place] of Object.entries(table.columns) as [keyof PlanBatch, ColumnPlace][])
    out[field] = { header: place.header, index: place.index };
  return out;
}

async function view(
  loaded: LoadedBook,
  options: { year: number; today: IsoDate; share?: number; period?: { from: IsoDate; to: IsoDate }; lang: Lang },
): Promise<YearView> {
  const { book } = loaded;
  return computeYearView({
    year: options.year,
    today: options.today,
    registry: book.targets,
    items: book.items,
    plan: book.plans,
    draws: await yearDraws(loaded),
    results: await currentResults(loaded),
    calendar: makeCalendar(book.holidays),
    share: options.share,
    period: options.period,
    units: book.units,
    lang: options.lang,
    planColumns: await planColumns(loaded),
  });
}

function shareOf(text: string | undefined, lang: Lang): { ok: true; share?: number } | { ok: false; issue: Issue } {
  if (text === undefined) return { ok: true };
  const p = parseYearShare(text, lang);
  return "share" in p ? { ok: true, share: p.share } : { ok: false, issue: p.issue };
}

/** `year`: the year view, written as 抽查年度统计 (and the report asked for). */
export async function runYear(port: WorkbookPort, options: YearOptions): Promise<Outcome<YearReport>> {
  const lang = options.lang ?? "zh";
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2100)
    return {
      ok: false,
      errors: [issue("year_invalid_option", {}, { value: String(options.year) }, lang)],
      warnings: [],
    };
  if (options.today !== undefined && !isIsoDate(options.today))
    return { ok: false, errors: [issue("date_invalid_option", {}, { value: options.today }, lang)], warnings: [] };
  const share = shareOf(options.share, lang);
  if (!share.ok) return { ok: false, errors: [share.issue], warnings: [] };
  const today = options.today ?? chinaToday(options.now);
  const loaded = await loadBook(port, options);
  // the year view reads the registry, the items, the plan and the results: their faults block it
  const used = new Set(
    [loaded.book.sheets.targets, loaded.book.sheets.items, loaded.book.sheets.plans, loaded.book.sheets.results].filter(
      (s) => s !== null,
    ),
  );
  const errors = loaded.book.errors.filter((e) => used.has(e.sheet));
  if (errors.length) return { ok: false, errors, warnings: loaded.book.warnings };
  const year = await view(loaded, { year: options.year, today, share: share.share, lang });
  const specs = yearSheets(year);
  if (options.report) {
    const period = reportPeriod(options.year, options.report);
    const part = await view(loaded, { year: options.year, today, share: share.share, period, lang });
    const previous = await view(loaded, { year: options.year - 1, today, share: share.share, lang });
    specs.push(
      ...yearReportSheets(part, {
        kind: options.report,
        units: loaded.book.units,
        previous,
        results: loaded.book.results,
      }),
    );
  }
  const report: YearReport = {
    view: year,
    json: yearJson(year),
    sheets: [],
    detail: null,
    resultsSheet: loaded.book.sheets.results,
  };
  if (options.write !== false) {
    await port.write({ create: [], replace: specs, append: [] });
    report.sheets = specs.map((s) => s.name);
    report.detail = { sheet: YEAR_DETAIL_SHEET, places: yearDetailSheet(year).places };
  }
  return { ok: true, report, warnings: [...year.issues.filter((i) => i.severity === "warning")] };
}

/** Before a draw: the year's share after it, the late batches (for the pane and `draw`). */
export async function yearBeforeDraw(
  loaded: LoadedBook,
  draw: { taskId: string; departments: readonly string[]; count: number; date: IsoDate },
  lang: Lang,
): Promise<BeforeDraw | null> {
  if (!loaded.book.sheets.targets) return null;
  const year = await view(loaded, { year: Number(draw.date.slice(0, 4)), today: draw.date, lang });
  return beforeDraw(year, draw, lang);
}

export interface NationalExport {
  rows: NationalRow[];
  /** UTF-8 text with a byte-order mark, CRLF lines: for WPS and Excel */
  csv: string;
  sheet: string;
}

/** The inspected results of the year (or of one task) in the national publicity system's fields. */
export async function runNationalExport(
  port: WorkbookPort,
  options: { year?: number; taskId?: string; write?: boolean } & ParseOptions,
): Promise<Outcome<NationalExport>> {
  const loaded = await loadBook(port, options);
  const draws = (await yearDraws(loaded)).filter(
    (d) =>
      (options.taskId === undefined || d.taskId === options.taskId) &&
      (options.year === undefined || Number(d.date.slice(0, 4)) === options.year),
  );
  const { rows, issues } = nationalRows({
    draws,
    results: await currentResults(loaded),
    units: loaded.book.units,
    lang: options.lang,
  });
  const spec = nationalSheet(rows);
  if (options.write !== false) await port.write({ create: [], replace: [spec], append: [] });
  return { ok: true, warnings: issues, report: { rows, csv: nationalCsv(rows), sheet: spec.name } };
}
