// Pure helpers of the pane, kept apart from the components so that jest tests them without a DOM.
import type {
  CheckSummary,
  DrawListing,
  Issue,
  Lang,
  PublicityRow,
  PublicitySummary,
  SelfTestReport,
  VerifySummary,
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

/** Today's date in China ('YYYY-MM-DD'), whatever the computer's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
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
