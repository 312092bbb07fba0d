// Pure helpers of the pane, kept apart from the components so that jest tests them without a DOM.
import type { CheckSummary, Issue, Lang, SelfTestReport, VerifySummary } from "./engine";
import { NotWiredError } from "./use-cases";
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

/** A seed from the cryptographic source: 20 decimal digits, easy to read aloud and to type. */
export function generateSeed(): string {
  const bytes = new Uint32Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => String(n % 100000).padStart(5, "0")).join("");
}

/** What the pane shows for an exception: a bug or a missing wire, never a clerk's mistake. */
export function failureText(lang: Lang, e: unknown): string {
  if (e instanceof NotWiredError) return t(lang, "notWired", { action: e.action });
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
