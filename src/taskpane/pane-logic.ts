// Pure helpers of the pane, kept apart from the components so that jest tests them without a DOM.
import type { CellValue, SheetData } from "../core/sheet";
import type { Figure, FigureEntry, ScopeView } from "../core/year";
import type {
  CheckSummary,
  DrawListing,
  Issue,
  Lang,
  PaperKind,
  PublicityRow,
  PublicitySummary,
  SelfTestReport,
  SheetPreview,
  VerifySummary,
  YearJson,
  YearSummary,
} from "./engine";
import { t } from "./strings";

/** Issues grouped by sheet, sheets in order of first appearance, each group in the given order. */
export function groupIssuesBySheet(issues: Issue[]): { sheet: string; issues: Issue[] }[] {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = groups.get(i.sheet);
    if (list) list.push(i);
    else groups.set(i.sheet, [i]);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, issues: list }));
}

let chinaDate: Intl.DateTimeFormat | null = null;

/** Today's date in China ('YYYY-MM-DD'), whatever the computer's time zone. */
export function todayInChina(now: Date = new Date()): string {
  // made once: making a DateTimeFormat takes about 0.2 ms in Node, formatting with one about 3 µs,
  // and the tabs ask on every render
  chinaDate ??= new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return chinaDate.format(now);
}

/**
 * What the pane shows for an exception: a file that is no readable .xlsx, with the adapter's
 * diagnosis (the catalogue's text, the same as the command line's), or a bug (never a clerk's
 * mistake, which comes back as issues). The adapter's error is known by name, so that this chunk
 * does not import ExcelJS nor the catalogue.
 */
export function failureText(lang: Lang, e: unknown): string {
  if (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "NotAWorkbookError") {
    const texts = (e as { texts?: Partial<Record<Lang, string>> }).texts;
    return texts?.[lang] ?? t(lang, "notXlsx");
  }
  return t(lang, "error", { message: e instanceof Error ? e.message : String(e) });
}

/** The self-test as plain text, for the 复制报告 button (pasted into a support e-mail). */
export function selfTestText(lang: Lang, report: SelfTestReport): string {
  const lines = [
    `${t(lang, "appTitle")} — ${t(lang, "tabSelfTest")}`,
    `${t(lang, "host")}: ${report.host ?? "-"}`,
    `${t(lang, "platform")}: ${report.platform ?? "-"}`,
    `${t(lang, "version")}: ${report.version ?? "-"}`,
    `${t(lang, "requirementSets")}: ${report.excelApi.join(", ") || "-"}`,
    ...report.checks.map((c) => `[${c.ok ? t(lang, "passed") : t(lang, "failed")}] ${c.name}: ${c.detail}`),
  ];
  return lines.join("\n");
}

/** One line per difference of a verification, for screen readers and copying. */
export function mismatchText(lang: Lang, m: VerifySummary["draws"][number]["mismatches"][number]): string {
  const where = m.cell ? `${m.sheet}!${m.cell}` : m.sheet;
  return `${where} ${m.field}: ${t(lang, "expected")} “${m.expected}”, ${t(lang, "actual")} “${m.actual}”`;
}

/** The 数据 tab's one-line count summary. */
export function countsText(lang: Lang, summary: CheckSummary): string {
  const c = summary.counts;
  return t(lang, "counts", {
    items: c.items ?? 0,
    targets: c.targets ?? 0,
    inspectors: c.inspectors ?? 0,
    tasks: c.tasks ?? summary.tasks.length,
  });
}

/** The draws a checklist can be made of: the 有效 ones of the draw log, newest first. */
export function validDraws(draws: DrawListing[]): DrawListing[] {
  return draws.filter((d) => d.status === "有效").reverse();
}

/** The tasks that have a 有效 draw (the only ones with something to publish), in log order. */
export function drawnTasks(draws: DrawListing[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const d of draws) if (d.status === "有效") seen.set(d.task, d.taskName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** A ratio as a percentage for reading: 0.0412 → '4.12%', 0.03 → '3%'. */
export function percentText(ratio: number | null): string {
  // a rate of nothing (0 of 0) is no rate
  if (ratio === null) return "—";
  return `${Number((ratio * 100).toFixed(2))}%`;
}

/** The figures the 结果公示 tab shows at a glance. */
export interface PublicityFigures {
  selected: number;
  inspected: number;
  problems: number;
  published: number;
  /** selected / targets in scope */
  coverage: number;
  /** 最低抽查比例 as a fraction, null when the task sets none */
  minRatio: number | null;
  meetsMinimum: boolean | null;
  /** null when no target is inspected yet */
  publicityRate: number | null;
  /** result rows (target × department) past their deadline and unpublished */
  overdue: number;
}

export function publicityFigures(report: PublicitySummary): PublicityFigures {
  const s = report.publicity.stats;
  const task = report.statistics.tasks.find((x) => x.task === report.task && x.drawSheet === report.draw);
  return {
    selected: s.selected,
    inspected: s.inspected,
    problems: s.problems,
    published: s.published,
    coverage: s.coverage,
    minRatio: task?.minRatio == null ? null : task.minRatio / 10000,
    meetsMinimum: task?.meetsMinimum ?? null,
    publicityRate: s.publicityRate,
    overdue: s.rowsOverdue,
  };
}

/** The rows past their deadline, the longest overdue first. */
export function overdueRows(report: PublicitySummary): PublicityRow[] {
  return report.publicity.rows
    .filter((r) => r.status === "overdue")
    .sort((a, b) => (a.publishBy ?? "").localeCompare(b.publishBy ?? "") || (a.row ?? 0) - (b.row ?? 0));
}

/** The whole row of a 检查结果 line, as an Excel address ('7:7'). */
export function rowRange(row: number): string {
  return `${row}:${row}`;
}

/** A cell as a clerk reads it: dates as dates, a formula with its '=', an error value as Excel shows it. */
export function cellDisplay(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    // an Excel date cell: its calendar fields are the UTC ones
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
  }
  if ("error" in v) return v.error;
  return `=${v.formula}`;
}

/** A preview cell's text: a long text cut (the whole is its tooltip), so that a row stays short. */
export function previewCell(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The first `rows` rows of a sheet as text, with the sheet's whole size. */
export function previewOf(data: SheetData, rows: number): SheetPreview {
  const columnCount = data.rows.reduce((n, r) => Math.max(n, r.length), 0);
  return {
    sheet: data.name,
    rows: data.rows.slice(0, rows).map((r) => r.map(cellDisplay)),
    rowCount: data.rows.length,
    columnCount,
  };
}

/** Column letters of a 0-based column index: 0 → 'A', 26 → 'AA'. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A range of whole rows as an Excel address ('4:9'); one row as '4:4'. */
export function rowsRange(first: number, last: number): string {
  return `${first}:${last}`;
}

/**
 * The papers a draw can have now, as the papers use-case decides them: its record always, the
 * freeze announcement when it was frozen first, the notices and confirmations of a 有效 draw only.
 */
export function paperKindsFor(status: string, frozen: boolean): PaperKind[] {
  const kinds: PaperKind[] = ["record"];
  if (frozen) kinds.push("freeze");
  if (status === "有效") kinds.push("notices", "confirmations");
  return kinds;
}

/** Every draw of the log, newest first (the 文书 picker offers them all). */
export function newestFirst(draws: DrawListing[]): DrawListing[] {
  return [...draws].reverse();
}

/** The CSV text as the bytes of a UTF-8 file (its byte-order mark kept as EF BB BF). */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}

/** One figure of the year view as the 年度 tab shows it: its value and what it counts. */
export interface YearFigure {
  /** the figure's key in `year --json`'s figures (or the tab's own, for a rate) */
  key: string;
  value: string;
  /** the targets or 检查结果 rows behind the number (absent for a rate or a registry count) */
  entries?: FigureEntry[];
  /** the figure of the detail sheet that lists these entries (a grade's drawn: the drawn targets) */
  detail?: string;
  alarm?: boolean;
}

/** The view of one scope's figures by their `year --json` key (kept equal to it by a test). */
export const YEAR_FIGURES: Record<string, (s: ScopeView) => Figure> = {
  drawn: (s) => s.drawn,
  ungraded: (s) => s.ungraded,
  notGraded: (s) => s.notGraded,
  inspections: (s) => s.inspections,
  inspected: (s) => s.inspected,
  notInspected: (s) => s.notInspected,
  problems: (s) => s.problems,
  published: (s) => s.published,
  publishedOnTime: (s) => s.publishing.onTime,
  publishedLate: (s) => s.publishing.late,
  publishOverdue: (s) => s.publishing.overdue,
  publishPending: (s) => s.publishing.pending,
  penalties: (s) => s.penalties.all,
  penaltiesOnTime: (s) => s.penalties.onTime,
  penaltiesLate: (s) => s.penalties.late,
  penaltiesOverdue: (s) => s.penalties.overdue,
  penaltiesNoDate: (s) => s.penalties.noDate,
  followUpDue: (s) => s.followUp.due,
  followUpDone: (s) => s.followUp.done,
  followUpOverdue: (s) => s.followUp.overdue,
  followUpPending: (s) => s.followUp.pending,
  drawnA: (s) => s.byGrade.A.drawn,
  drawnB: (s) => s.byGrade.B.drawn,
  drawnC: (s) => s.byGrade.C.drawn,
  drawnD: (s) => s.byGrade.D.drawn,
  "result:未发现问题": (s) => s.results["未发现问题"],
  "result:发现问题已责令整改": (s) => s.results["发现问题已责令整改"],
  "result:行政处罚": (s) => s.results["行政处罚"],
  "result:无法联系": (s) => s.results["无法联系"],
};

/** One scope of a year summary: its JSON figures and its view ('' is the total). */
export interface YearScope {
  department: string;
  json: Omit<YearJson["departments"][number], "department">;
  view: ScopeView;
}

export function yearScope(summary: YearSummary, department: string): YearScope {
  if (department === "") return { department, json: summary.json, view: summary.view.total };
  const k = summary.json.departments.findIndex((d) => d.department === department);
  if (k < 0) return yearScope(summary, "");
  return { department, json: summary.json.departments[k], view: summary.view.departments[k] };
}

/** The figures of the 年度 tab for one scope, in groups; values from the JSON, entries from the view. */
export function yearFigures(
  scope: YearScope,
): Record<"draw" | "grade" | "inspection" | "results" | "publicity" | "penalty" | "followUp", YearFigure[]> {
  const j = scope.json;
  const counted = (key: string, value: number, alarm = false, detail = key): YearFigure => ({
    key,
    value: String(value),
    entries: YEAR_FIGURES[key](scope.view).entries,
    detail,
    alarm,
  });
  const plain = (key: string, value: string, alarm = false): YearFigure => ({ key, value, alarm });
  const grades = (["A", "B", "C", "D"] as const).map((g) => counted(`drawn${g}`, j.byGrade[g].drawn, false, "drawn"));
  return {
    draw: [
      plain("registry", String(j.registry)),
      counted("drawn", j.drawn),
      plain("share", percentText(j.share), !j.meetsGoal),
      plain("toGoal", String(j.toGoal), j.toGoal > 0),
      ...(j.planned === null ? [] : [plain("planned", String(j.planned))]),
    ],
    grade: [
      ...grades,
      plain("gradedShare", percentText(j.gradedShare), j.gradedShare < 1),
      counted("notGraded", scope.view.notGraded.value, scope.view.notGraded.value > 0),
      ...(j.ungraded > 0 ? [counted("ungraded", j.ungraded, true)] : []),
    ],
    inspection: [
      counted("inspections", j.inspections),
      counted("inspected", j.inspected),
      counted("notInspected", j.notInspected),
      counted("problems", j.problems),
      plain("problemRate", percentText(j.problemRate)),
    ],
    results: (["未发现问题", "发现问题已责令整改", "行政处罚", "无法联系"] as const).map((c) =>
      counted(`result:${c}`, j.results[c]),
    ),
    publicity: [
      counted("published", j.published),
      plain("publicityRate", percentText(j.publicityRate), j.publicityRate < 1),
      counted("publishedOnTime", j.publishing.onTime),
      counted("publishedLate", j.publishing.late, j.publishing.late > 0),
      counted("publishOverdue", j.publishing.overdue, j.publishing.overdue > 0),
      counted("publishPending", j.publishing.pending),
      plain("onTimeRate", percentText(j.publishing.onTimeRate), j.publishing.onTimeRate < 1),
    ],
    penalty: [
      counted("penalties", j.penalties.total),
      counted("penaltiesOnTime", j.penalties.onTime),
      counted("penaltiesLate", j.penalties.late, j.penalties.late > 0),
      counted("penaltiesOverdue", j.penalties.overdue, j.penalties.overdue > 0),
      counted("penaltiesNoDate", j.penalties.noDate, j.penalties.noDate > 0),
      plain("penaltiesRate", percentText(j.penalties.onTimeRate), j.penalties.onTimeRate < 1),
    ],
    followUp: [
      counted("followUpDue", j.followUp.due),
      counted("followUpDone", j.followUp.done),
      counted("followUpOverdue", j.followUp.overdue, j.followUp.overdue > 0),
      counted("followUpPending", j.followUp.pending),
      plain("followUpRate", percentText(j.followUp.doneRate), j.followUp.doneRate < 1),
    ],
  };
}

const sameEntry = (a: FigureEntry, b: FigureEntry) =>
  a.uscc === b.uscc && a.department === b.department && a.sheets.join("|") === b.sheets.join("|");

/**
 * The detail sheet's row of an entry of a figure: the rows of figure `detail` in this scope start at
 * `places[detail|scope]`, one per entry in the view's order. Null when the detail sheet lists none.
 */
export function detailRowOf(summary: YearSummary, scope: YearScope, detail: string, entry: FigureEntry): number | null {
  const first = summary.detail?.places[`${detail}|${scope.department}`];
  const of = YEAR_FIGURES[detail];
  if (first === undefined || !of) return null;
  const entries = of(scope.view).entries;
  // a grade's drawn targets are among the drawn ones, each once
  const k = entries.findIndex((e) => (detail === "drawn" ? e.uscc === entry.uscc : sameEntry(e, entry)));
  return k < 0 ? null : first + k;
}

/** The detail sheet's rows of a whole figure ([first, last]); null when it lists none. */
export function detailSpanOf(summary: YearSummary, scope: YearScope, key: string): [number, number] | null {
  const first = summary.detail?.places[`${key}|${scope.department}`];
  const of = YEAR_FIGURES[key];
  if (first === undefined || !of) return null;
  return [first, first + of(scope.view).entries.length - 1];
}

/** The planned batches that are late or overdue (the year's JSON says which). */
export function lateBatches(json: YearJson): YearJson["plan"] {
  return json.plan.filter((b) => b.late);
}
