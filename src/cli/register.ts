// The commands of the draw register beyond freeze and draw (`void`, `substitute`), the papers
// around a draw (`papers`), and the year's work (`year`, `export`).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { issue, type Issue } from "../core/issues/issue";
import type { SheetData } from "../core/sheet";
import { readListFile } from "../workbook/list-file";
import { FileProblemError } from "../workbook/xlsx/file";
import {
  PAPER_KINDS,
  runNationalExport,
  runImport,
  runPapers,
  runSubstitute,
  runVoid,
  runYear,
  type PaperKind,
} from "../workbook/usecases";
import { formatDraw, strip, t } from "./format";
import type { CommandContext } from "./main";

export async function runVoidCommand(c: CommandContext): Promise<number> {
  const r = await runVoid(c.port, {
    lang: c.lang,
    draw: c.text("draw")!,
    reason: c.text("reason") ?? "",
    operator: c.text("operator"),
    now: c.now,
  });
  if (!r.ok) return c.failed(r.errors, r.warnings);
  const saved = await c.save();
  if (saved) return saved;
  const x = r.report;
  c.emit(
    { ok: true, ...x, warnings: strip(r.warnings), file: c.out },
    t(
      c.lang,
      `已作废「${x.sheet || x.snapshotSheet}」（任务 ${x.task}），原因：${x.reason}；${x.timestamp}${x.operator ? `，${x.operator}` : ""}。\n` +
        `「检查结果」中未填写的 ${x.resultRowsRemoved} 行已删除，已填写的 ${x.resultRowsMarked} 行保留并标记为已作废。\n` +
        `抽取记录链头 ${x.chain}\n已写入 ${c.out}`,
      `Voided "${x.sheet || x.snapshotSheet}" (task ${x.task}): ${x.reason}; ${x.timestamp}${x.operator ? `, ${x.operator}` : ""}.\n` +
        `${x.resultRowsRemoved} untouched result rows removed, ${x.resultRowsMarked} filled rows kept and marked void.\n` +
        `Draw log chain head ${x.chain}\nWritten to ${c.out}`,
    ) + warningLines(c, r.warnings),
  );
  return 0;
}

export async function runSubstituteCommand(c: CommandContext): Promise<number> {
  const r = await runSubstitute(c.port, {
    lang: c.lang,
    draw: c.text("draw")!,
    target: c.text("target")!,
    reason: c.text("reason") ?? "",
    operator: c.text("operator"),
    now: c.now,
  });
  if (!r.ok) return c.failed(r.errors, r.warnings);
  const saved = await c.save();
  if (saved) return saved;
  const last = r.report.substitutions[r.report.substitutions.length - 1];
  const head = t(
    c.lang,
    `第 ${last.n} 号替补：${last.replaced} → ${last.substitute}（${last.stratum} 层备选第 ${last.rank} 名），原因：${last.reason}。` +
      (r.report.checklistSheet ? `替补对象的一企一表在「${r.report.checklistSheet}」。` : ""),
    `Substitution ${last.n}: ${last.replaced} → ${last.substitute} (reserve ${last.rank} of stratum ${last.stratum}): ${last.reason}.` +
      (r.report.checklistSheet ? ` The substitute's checklist is on "${r.report.checklistSheet}".` : ""),
  );
  c.emit(
    { ...r.report, warnings: strip(r.warnings), file: c.out },
    `${head}\n${formatDraw({ ...r.report, warnings: r.warnings }, c.out, c.lang)}`,
  );
  return 0;
}

function warningLines(c: CommandContext, warnings: { message: string }[]): string {
  return warnings.map((w) => `\n${t(c.lang, "警告：", "warning: ")}${w.message}`).join("");
}

export async function runPapersCommand(c: CommandContext): Promise<number> {
  const kinds = c.text("papers");
  const asked = kinds === undefined ? undefined : kinds.split(/[,，、\s]+/).filter(Boolean);
  const unknown = (asked ?? []).filter((k) => !(PAPER_KINDS as readonly string[]).includes(k));
  if (unknown.length)
    return c.failed(
      [issue("paper_unknown", {}, { papers: unknown.join("、"), known: PAPER_KINDS.join("、") }, c.lang)],
      [],
    );
  const r = await runPapers(c.port, {
    lang: c.lang,
    draw: c.text("draw")!,
    kinds: asked as PaperKind[] | undefined,
    date: c.text("date"),
    now: c.now,
  });
  if (!r.ok) return c.failed(r.errors, r.warnings);
  const saved = await c.save();
  if (saved) return saved;
  const names = Object.values(r.report.sheets);
  c.emit(
    { ok: true, ...r.report, file: c.out },
    t(
      c.lang,
      `已为「${r.report.draw}」（${r.report.status}）生成：${names.join("、")}（A4，每份另起一页）。\n抽取记录链头 ${r.report.chain || "—"}\n已写入 ${c.out}`,
      `Papers of "${r.report.draw}" (${r.report.status}): ${names.join(", ")} (A4, each starting a page).\nDraw log chain head ${r.report.chain || "—"}\nWritten to ${c.out}`,
    ),
  );
  return 0;
}

export async function runYearCommand(c: CommandContext): Promise<number> {
  const year = Number(c.text("year"));
  const report = c.text("report") as "half" | "year" | undefined;
  if (report !== undefined && report !== "half" && report !== "year")
    return c.failed([issue("year_report_kind", {}, { value: String(report) }, c.lang)], []);
  const r = await runYear(c.port, {
    lang: c.lang,
    year,
    today: c.text("today"),
    share: c.text("share"),
    report,
    now: c.now,
  });
  if (!r.ok) return c.failed(r.errors, r.warnings);
  const saved = await c.save();
  if (saved) return saved;
  const j = r.report.json as Record<string, unknown> & { registry: number; drawn: number; share: number; goal: number };
  const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;
  const uncovered = (j.uncoveredItems as string[] | undefined) ?? [];
  c.emit(
    { ...j, warnings: strip(r.warnings), sheets: r.report.sheets, file: c.out },
    t(
      c.lang,
      `${year} 年度：名录库 ${j.registry} 户，已抽取 ${j.drawn} 户，占 ${pct(j.share)}（目标 ${pct(j.goal)}）；` +
        `未覆盖的抽查事项：${uncovered.join("、") || "无"}。\n已写入工作表 ${r.report.sheets.join("、")}，文件 ${c.out}`,
      `${year}: registry ${j.registry}, drawn ${j.drawn} (${pct(j.share)}, goal ${pct(j.goal)}); items never covered: ${uncovered.join(", ") || "none"}.\nWrote ${r.report.sheets.join(", ")} to ${c.out}`,
    ) + warningLines(c, r.warnings),
  );
  return 0;
}

export async function runExportCommand(c: CommandContext): Promise<number> {
  const year = c.text("year");
  const csv = c.text("csv");
  const r = await runNationalExport(c.port, {
    lang: c.lang,
    year: year === undefined ? undefined : Number(year),
    taskId: c.text("task"),
  });
  if (!r.ok) return c.failed(r.errors, r.warnings);
  if (csv !== undefined) {
    const written = await c.writeText(csv, r.report.csv);
    if (written) return written;
  }
  const saved = await c.save();
  if (saved) return saved;
  c.emit(
    {
      ok: true,
      rows: r.report.rows.length,
      sheet: r.report.sheet,
      csv: csv ?? null,
      warnings: strip(r.warnings),
      file: c.out,
    },
    t(
      c.lang,
      `已导出 ${r.report.rows.length} 条已检查的结果（国家企业信用信息公示系统的字段），工作表「${r.report.sheet}」${csv ? `，CSV 文件 ${csv}（UTF-8 带 BOM）` : ""}。\n已写入 ${c.out}`,
      `Exported ${r.report.rows.length} inspected results in the national publicity system's fields, sheet "${r.report.sheet}"${csv ? `, CSV ${csv} (UTF-8 with BOM)` : ""}.\nWritten to ${c.out}`,
    ) + warningLines(c, r.warnings),
  );
  return 0;
}

/** The platform's list file named by --list, read as the pane reads an uploaded one. */
async function readList(c: CommandContext, path: string, sheet: string | undefined): Promise<SheetData | Issue> {
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new FileProblemError(e.code === "EISDIR" ? "file_is_folder" : "file_not_found", { file: path });
  });
  return readListFile({ name: basename(path), bytes }, sheet, c.lang);
}

export async function runImportCommand(c: CommandContext): Promise<number> {
  const list = await readList(c, c.text("list")!, c.text("list-sheet"));
  if ("code" in list) return c.failed([list], []);
  const r = await runImport(c.port, {
    lang: c.lang,
    list,
    taskId: c.text("task")!,
    source: c.text("source"),
    date: c.text("date"),
    operator: c.text("operator"),
    voidReason: c.text("void-previous"),
    now: c.now,
  });
  if (!r.ok) return c.failed(r.errors, r.warnings);
  const saved = await c.save();
  if (saved) return saved;
  const x = r.report;
  c.emit(
    { ...x, warnings: strip(r.warnings), file: c.out },
    t(
      c.lang,
      `已导入「${x.source}」抽取的任务 ${x.task} 名单（外部抽取，${x.date}）：${x.selected.length} 户，名单表「${x.listSheet}」，结果表「${x.sheet}」。\n名单摘要 ${x.digest}\n抽取记录链头 ${x.chain}\n已写入 ${c.out}`,
      `Imported task ${x.task}'s list drawn by "${x.source}" (external, ${x.date}): ${x.selected.length} targets, list sheet "${x.listSheet}", result sheet "${x.sheet}".\nList digest ${x.digest}\nDraw log chain head ${x.chain}\nWritten to ${c.out}`,
    ) + warningLines(c, r.warnings),
  );
  return 0;
}
