// The commands of the draw register beyond freeze and draw: `void`, `substitute`, and the texts
// that show the chain head wherever a draw's record is published.
import { runSubstitute, runVoid } from "../workbook/usecases";
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
