// Issue texts of the use-cases (freeze, draw, verify, checklists, publicity); part of the one catalogue.
import type { CatalogueEntry } from "./catalogue";

export const workflowMessages = {
  book_has_errors: {
    severity: "error",
    zh: "工作簿有 {count} 处错误，不能抽取。请先运行「检查」并改正全部错误。",
    en: "The workbook has {count} errors; no draw is made. Run the check and correct every error first.",
  },
  task_unknown: {
    severity: "error",
    zh: "「抽查任务」表中没有任务编号「{task}」。请核对任务编号（现有：{known}）。",
    en: 'There is no task "{task}" in the task sheet (tasks present: {known}).',
  },
  draw_exists: {
    severity: "error",
    zh: '任务「{task}」已有有效抽取（{sheet}）。不得随意重抽；确需重抽时请说明原因（命令行用 --void-previous "原因"），原抽取将标记为作废并保留。',
    en: 'Task "{task}" already has a valid draw ({sheet}). To redraw, give a reason (--void-previous "reason"); the earlier draw is marked void and kept.',
  },
  freeze_exists: {
    severity: "error",
    zh: '任务「{task}」已冻结（{sheet}，摘要 {digest}），等待取种。请用公布的种子运行抽取；确需重新冻结时请说明原因（--void-previous "原因"）。',
    en: 'Task "{task}" is already frozen ({sheet}, digest {digest}) and awaits its seed. Draw with the published seed, or give a reason (--void-previous) to freeze again.',
  },
  seed_required: {
    severity: "error",
    zh: "任务「{task}」已于 {timestamp} 冻结，须使用按规则「{rule}」取得的种子抽取。请输入种子（--seed）。",
    en: 'Task "{task}" was frozen at {timestamp}; draw with the seed obtained by the rule "{rule}" (--seed).',
  },
  snapshot_unreadable: {
    severity: "error",
    zh: "快照表「{sheet}」无法读取：{detail}。快照受保护，不应被修改；请取回原始工作簿。",
    en: 'The snapshot sheet "{sheet}" cannot be read: {detail}. Restore the original workbook.',
  },
  snapshot_digest_mismatch: {
    severity: "error",
    zh: "快照表「{sheet}」的摘要 {actual} 与冻结时公布的摘要 {expected} 不符：快照在冻结后被改动，不能抽取。",
    en: 'The digest {actual} of snapshot "{sheet}" differs from the published digest {expected}: the snapshot was changed after the freeze.',
  },
  date_invalid_option: {
    severity: "error",
    zh: "日期「{value}」无效，应为 1900-01-01 至 2100-12-31 之间的 YYYY-MM-DD，例如 2026-04-01。",
    en: 'Date "{value}" is invalid; expected YYYY-MM-DD from 1900-01-01 to 2100-12-31, e.g. 2026-04-01.',
  },
  void_reason_empty: {
    severity: "error",
    zh: "作废原因不能为空。请写明重抽的原因。",
    en: "The reason for voiding may not be empty.",
  },
  draw_unknown: {
    severity: "error",
    zh: "工作簿中没有名为「{sheet}」的抽取结果表（现有：{known}）。",
    en: 'There is no draw result sheet "{sheet}" (present: {known}).',
  },
  draw_not_valid: {
    severity: "error",
    zh: "抽取「{sheet}」的状态是「{status}」，不是有效抽取，不能据以生成一企一表或公示。请选择该任务的有效抽取。",
    en: 'Draw "{sheet}" is {status}, not valid; checklists and publicity are built from valid draws only.',
  },
  draw_not_verified: {
    severity: "error",
    zh: "抽取「{sheet}」核验未通过（{count} 处不符，如：{first}），不能据以生成一企一表或公示。请先运行「核验」查明原因，取回原始工作簿。",
    en: 'Draw "{sheet}" fails verification ({count} difference(s), e.g. {first}); no checklists or publicity are built from it. Run verify and restore the original workbook.',
  },
  task_not_drawn: {
    severity: "error",
    zh: "任务「{task}」还没有有效抽取，不能生成公示。请先抽取。",
    en: 'Task "{task}" has no valid draw yet; draw first.',
  },
  log_unreadable: {
    severity: "error",
    zh: "抽取记录表「{sheet}」的单元格 {cell}（{field}）无法读取：{detail}。抽取记录受保护，不应被修改；在恢复原始记录之前不能冻结或抽取。",
    en: 'Cell {cell} ({field}) of the draw log "{sheet}" cannot be read: {detail}. No freeze or draw is made until the original log is restored.',
  },
  book_parts_unkept: {
    severity: "error",
    zh: "工作簿含有{parts}，命令行（ExcelJS）写回原文件时会丢失它们，因此未写入。请用 --out 写入新文件（原文件保持不变），或在 Excel 中使用加载项。",
    en: "The workbook holds {parts}, which the command line (ExcelJS) cannot keep when writing back; nothing was written. Write to a new file with --out (the original stays as it is), or use the add-in in Excel.",
  },
  book_parts_not_copied: {
    severity: "warning",
    zh: "原工作簿含有{parts}，新文件 {file} 中没有它们（原文件保持不变）。",
    en: "The original workbook holds {parts}; the new file {file} does not (the original is unchanged).",
  },
  draw_after_task_end: {
    severity: "warning",
    zh: "抽取日期 {date} 晚于任务「{task}」的结束日期 {end}：检查已无法在任务期限内完成，请核对抽取日期或任务期限。",
    en: 'The draw date {date} is after the end date {end} of task "{task}": the inspections cannot be done within the task\'s window.',
  },
} satisfies Record<string, CatalogueEntry>;
