// The `checklists` and `publicity` commands.
import { STATUS_LABELS } from "../core/publicity";
import { runChecklists, runPublicity } from "../workbook/usecases";
import { formatIssues, strip, t } from "./format";
import type { CommandContext } from "./main";

export async function runChecklistsCommand(o: CommandContext): Promise<number> {
  const r = await runChecklists(o.port, { draw: o.text("draw")!, lang: o.lang });
  if (!r.ok) return o.failed(r.errors, r.warnings);
  const saved = await o.save();
  if (saved) return saved;
  const rep = r.report;
  o.emit(
    { ok: true, ...rep, file: o.out },
    t(
      o.lang,
      `已为抽取「${rep.draw}」生成一企一表 ${rep.forms} 份，工作表「${rep.sheet}」（每份另起一页，A4 纵向）。\n已写入 ${o.out}`,
      `Wrote ${rep.forms} checklist form(s) of draw "${rep.draw}" to sheet "${rep.sheet}" (each form starts a new page, A4 portrait).\nWritten to ${o.out}`,
    ),
  );
  return 0;
}

export async function runPublicityCommand(o: CommandContext): Promise<number> {
  const r = await runPublicity(o.port, { taskId: o.text("task")!, today: o.text("today"), lang: o.lang, now: o.now });
  if (!r.ok) return o.failed(r.errors, r.warnings);
  const saved = await o.save();
  if (saved) return saved;
  const { publicity: p, sheets, draw, today } = r.report;
  const doc = {
    task: p.task,
    draw,
    today,
    calendarVersion: p.calendarVersion,
    rows: p.rows.map((x) => ({
      uscc: x.uscc,
      name: x.name,
      department: x.department,
      result: x.result,
      completed: x.completed,
      publishBy: x.publishBy,
      provisional: x.provisional,
      status: x.status,
      published: x.published,
      followUpBy: x.followUpBy,
      followUpStatus: x.followUpStatus,
    })),
    stats: p.stats,
    sheets,
    warnings: strip(r.warnings),
    file: o.out,
  };
  const s = p.stats;
  const lines = [
    t(
      o.lang,
      `任务 ${p.task}（${today}）：抽中 ${s.selected} 户，已检查 ${s.inspected} 户，发现问题 ${s.problems} 户，已公示 ${s.published} 户；抽查比例 ${(s.coverage * 100).toFixed(2)}%。`,
      `Task ${p.task} (${today}): ${s.selected} selected, ${s.inspected} inspected, ${s.problems} with problems, ${s.published} published; coverage ${(s.coverage * 100).toFixed(2)}%.`,
    ),
  ];
  const overdue = p.rows.filter((x) => x.status === "overdue");
  if (overdue.length) {
    lines.push(t(o.lang, `逾期未公示 ${overdue.length} 条：`, `${overdue.length} overdue:`));
    for (const x of overdue)
      lines.push(
        `  ${x.uscc} ${x.name} ${x.department} ${t(o.lang, "应于", "due")} ${x.publishBy} (${STATUS_LABELS[x.status]})`,
      );
  }
  if (r.warnings.length) lines.push(formatIssues([], r.warnings, o.lang));
  lines.push(
    t(o.lang, `已写入工作表 ${sheets.join("、")}，文件 ${o.out}`, `Wrote sheets ${sheets.join(", ")} to ${o.out}`),
  );
  o.emit(doc, lines.join("\n"));
  return 0;
}
