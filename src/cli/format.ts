// Readable summaries for the terminal, Chinese first (--lang en for English).
import type { Issue, Lang } from "../core/issues/issue";
import type { CheckReport, DrawReport, FreezeReport, VerifyReport } from "../workbook/usecases";
import { EXCLUSION_LABELS } from "../workbook/snapshot-sheet";
import { EXCLUSION_REASONS } from "../core/model";

export const t = (lang: Lang, zh: string, en: string): string => (lang === "en" ? en : zh);

/** Issues in the JSON shape of cli.md (the message parameters are internal). */
export function strip(issues: Issue[]) {
  return issues.map(({ sheet, row, column, cell, code, message }) => ({ sheet, row, column, cell, code, message }));
}

function issueLine(i: Issue): string {
  const where = [i.sheet, i.cell || (i.row ? `第${i.row}行` : ""), i.column].filter(Boolean).join(" ");
  return `  ${where ? `[${where}] ` : ""}${i.message}  (${i.code})`;
}

export function formatIssues(errors: Issue[], warnings: Issue[], lang: Lang): string {
  const lines: string[] = [];
  if (errors.length)
    lines.push(t(lang, `错误 ${errors.length} 处：`, `${errors.length} error(s):`), ...errors.map(issueLine));
  if (warnings.length)
    lines.push(t(lang, `警告 ${warnings.length} 处：`, `${warnings.length} warning(s):`), ...warnings.map(issueLine));
  return lines.join("\n");
}

export function formatCheck(r: CheckReport, lang: Lang): string {
  const head = r.ok
    ? t(
        lang,
        `检查通过：抽查事项 ${r.counts.items} 条要点，检查对象 ${r.counts.targets} 个，执法检查人员 ${r.counts.inspectors} 名，抽查任务 ${r.counts.tasks} 个。`,
        `Check passed: ${r.counts.items} checkpoints, ${r.counts.targets} targets, ${r.counts.inspectors} inspectors, ${r.counts.tasks} tasks.`,
      )
    : t(lang, `检查未通过：发现 ${r.errors.length} 处错误。`, `Check failed: ${r.errors.length} error(s).`);
  const body = formatIssues(r.errors, r.warnings, lang);
  return body ? `${head}\n${body}` : head;
}

export function formatFreeze(r: FreezeReport, file: string, lang: Lang): string {
  return t(
    lang,
    `已冻结任务 ${r.task} 的抽取输入（${r.eligible} 个合格对象），快照表「${r.snapshotSheet}」。\n` +
      `请在取得种子之前公布以下摘要和链头：\n  输入摘要 SHA-256 ${r.digest}\n  抽取记录链头 ${r.chain}\n取种规则：${r.seedRule || "（未填写）"}\n已写入 ${file}`,
    `Froze the inputs of task ${r.task} (${r.eligible} eligible targets) in "${r.snapshotSheet}".\n` +
      `Publish this digest and chain head before the seed is known:\n  input digest SHA-256 ${r.digest}\n  draw log chain head ${r.chain}\nSeed rule: ${r.seedRule || "(none)"}\nWritten to ${file}`,
  );
}

export function formatDraw(r: DrawReport, file: string, lang: Lang): string {
  const lines: string[] = [];
  const total = r.selected.length;
  lines.push(
    t(
      lang,
      `任务 ${r.task} 抽取完成（${r.protocol}，种子 ${r.seed}${r.seedHex ? `（UTF-8 ${r.seedHex}）` : ""}，${r.seedSource === "entered" ? "人工输入" : "系统生成"}${r.frozen ? "，先冻结后取种" : ""}）：抽中 ${total} 个对象，备选 ${r.reserves.length} 个。`,
      `Task ${r.task} drawn (${r.protocol}, seed ${r.seed}, ${r.seedSource}${r.frozen ? ", frozen first" : ""}): ${total} targets selected, ${r.reserves.length} reserves.`,
    ),
  );
  for (const s of r.strata)
    lines.push(
      t(
        lang,
        `  ${s.stratum}：合格 ${s.eligible}，抽中 ${s.selected}`,
        `  ${s.stratum}: ${s.eligible} eligible, ${s.selected} selected`,
      ),
    );
  const ex = EXCLUSION_REASONS.filter((k) => r.excluded[k] > 0).map(
    (k) => `${t(lang, EXCLUSION_LABELS[k], k)} ${r.excluded[k]}`,
  );
  if (ex.length) lines.push(t(lang, `  排除：${ex.join("，")}`, `  excluded: ${ex.join(", ")}`));
  for (const s of r.selected.slice(0, 10)) {
    const who = (id: string, name: string) => (name ? `${name}（${id}）` : id);
    const team = s.teams
      .map((x) => `${x.department} ${x.inspectors.map((id, i) => who(id, x.names[i])).join("、")}`)
      .join("；");
    lines.push(
      `  ${s.seq}. ${s.stratum} ${s.uscc} ${s.name}  ${t(lang, "组长", "leader")} ${who(s.leader, s.leaderName)}  ${team}`,
    );
  }
  if (r.selected.length > 10) lines.push(t(lang, `  ……共 ${r.selected.length} 个`, `  … ${r.selected.length} in all`));
  for (const w of r.warnings) lines.push(t(lang, `  警告：${w.message}`, `  warning: ${w.message}`));
  if (r.year?.length) lines.push(t(lang, "本年度抽查进度：", "The year so far:"), ...r.year.map((l) => `  ${l}`));
  lines.push(
    t(
      lang,
      `结果表「${r.sheet}」，快照表「${r.snapshotSheet}」\n输入摘要 ${r.digest}\n抽取记录链头 ${r.chain}\n已写入 ${file}`,
      `Result sheet "${r.sheet}", snapshot "${r.snapshotSheet}"\ninput digest ${r.digest}\ndraw log chain head ${r.chain}\nWritten to ${file}`,
    ),
  );
  return lines.join("\n");
}

export function formatVerify(r: VerifyReport, lang: Lang): string {
  const lines: string[] = [];
  if (r.legacy)
    lines.push(t(lang, "抽取记录为旧格式（无链式哈希）。", "The draw log is in the old format (no chained hashes)."));
  if (r.log.length) {
    lines.push(t(lang, `✘ 抽取记录不符（${r.log.length} 处）`, `✘ draw log MISMATCH (${r.log.length})`));
    for (const m of r.log.slice(0, 50)) lines.push(`    ${m.cell ? `${m.sheet}!${m.cell} ` : ""}${m.message}`);
  } else if (!r.legacy)
    lines.push(t(lang, `✔ 抽取记录链完整，链头 ${r.chain}`, `✔ draw log chain whole, head ${r.chain}`));
  if (r.results.length) {
    lines.push(
      t(
        lang,
        `✘ 检查结果中有 ${r.results.length} 行不属于任何抽取`,
        `✘ ${r.results.length} result rows belong to no draw`,
      ),
    );
    for (const m of r.results.slice(0, 50)) lines.push(`    ${m.message}`);
  }
  for (const w of r.warnings) lines.push(t(lang, `  提示：${w.message}`, `  note: ${w.message}`));
  if (!r.draws.length) {
    lines.push(t(lang, "工作簿中没有抽取记录。", "The workbook holds no draws."));
    return lines.join("\n");
  }
  for (const d of r.draws) {
    lines.push(
      `${d.ok ? t(lang, "✔ 核验通过", "✔ verified") : t(lang, "✘ 核验不符", "✘ MISMATCH")}  ${d.sheet}（${[d.task, d.status].filter(Boolean).join("，")}）`,
    );
    for (const m of d.mismatches.slice(0, 50)) lines.push(`    ${m.message}`);
    if (d.mismatches.length > 50)
      lines.push(t(lang, `    ……共 ${d.mismatches.length} 处`, `    … ${d.mismatches.length} in all`));
    if (d.registryChanged) {
      const c = d.registryChanges;
      lines.push(
        t(
          lang,
          `    名录库自抽取以来已变化：对象 新增 ${c.targetsAdded.length}、移除 ${c.targetsRemoved.length}、变更 ${c.targetsChanged.length}；人员 新增 ${c.inspectorsAdded.length}、移除 ${c.inspectorsRemoved.length}、变更 ${c.inspectorsChanged.length}（不影响已完成的抽取）`,
          `    registries changed since the draw: targets +${c.targetsAdded.length} −${c.targetsRemoved.length} ~${c.targetsChanged.length}; inspectors +${c.inspectorsAdded.length} −${c.inspectorsRemoved.length} ~${c.inspectorsChanged.length}`,
        ),
      );
      if (c.taskChanged)
        lines.push(
          t(
            lang,
            "    抽查任务表中该任务的一行自抽取以来已改动（不影响已完成的抽取，抽取按快照中的任务进行）",
            "    the task's row in the task sheet changed since the draw (the draw used the task in its snapshot)",
          ),
        );
    }
  }
  return lines.join("\n");
}
