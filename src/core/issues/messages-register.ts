// Issue texts of the draw register (the chained log, seeds, voiding, substitution); part of the one
// catalogue.
import type { CatalogueEntry } from "./catalogue";

const SEED_HELP_ZH = "请重新输入种子（只用看得见的文字、数字和标点），不要从网页或聊天软件中带格式粘贴。";
const SEED_HELP_EN =
  "Type the seed again (visible letters, digits and punctuation only); do not paste it with formatting.";

export const registerMessages = {
  log_entry_altered: {
    severity: "error",
    zh: "抽取记录第 {seq} 条的内容与其哈希不符：该行在写入后被改动（应为 {expected}，实为 {actual}）。抽取记录只能追加，不能修改；请取回原始工作簿。",
    en: "Entry {seq} of the draw log does not match its hash: the row was changed after it was written (expected {expected}, found {actual}). Restore the original workbook.",
  },
  log_chain_broken: {
    severity: "error",
    zh: "抽取记录第 {seq} 条与上一条接不上（应为「{expected}」，实为「{actual}」）：有记录被删除、插入或调换了顺序。请取回原始工作簿。",
    en: 'Entry {seq} of the draw log does not follow the one before it (expected "{expected}", found "{actual}"): an entry was deleted, inserted or moved. Restore the original workbook.',
  },
  log_field_invalid: {
    severity: "error",
    zh: "抽取记录第 {seq} 条的「{field}」为「{value}」，不是程序写入的值。请取回原始工作簿。",
    en: 'Entry {seq} of the draw log has "{value}" in "{field}", which the program never writes. Restore the original workbook.',
  },
  log_event_out_of_order: {
    severity: "error",
    zh: "抽取记录第 {seq} 条（{event}，{sheet}）不符合抽取的先后顺序（冻结 → 抽取 → 替补 → 作废）：记录被改动过。",
    en: "Entry {seq} of the draw log ({event}, {sheet}) is out of the order freeze → draw → substitution → void: the log was changed.",
  },
  log_two_active: {
    severity: "error",
    zh: "抽取记录第 {seq} 条为任务「{task}」新的冻结或抽取，但此前的「{sheet}」仍然有效、未被作废：记录被改动过。",
    en: 'Entry {seq} of the draw log is a new freeze or draw of task "{task}" while "{sheet}" is still live and was never voided: the log was changed.',
  },
  log_differs_from_freeze: {
    severity: "error",
    zh: "抽取记录第 {seq} 条的「{field}」为「{value}」，与冻结时记录的「{frozen}」不同：先冻结后取种的抽取必须用冻结时的输入。",
    en: 'Entry {seq} of the draw log has "{value}" in {field}, not "{frozen}" as recorded at the freeze.',
  },
  log_event_unknown_draw: {
    severity: "error",
    zh: "抽取记录第 {seq} 条（{event}）所指的抽取「{sheet}」在此前的记录中不存在：记录被改动过。",
    en: 'Entry {seq} of the draw log ({event}) refers to a draw "{sheet}" that no earlier entry records.',
  },
  log_substitution_differs: {
    severity: "error",
    zh: "抽取记录第 {seq} 条替补的「{field}」为「{value}」，按快照与种子重放应为「{expected}」：替补记录被改动过。",
    en: 'Entry {seq} (a substitution) has "{value}" in {field}; replaying it from the snapshot and seed gives "{expected}".',
  },
  log_legacy_void_unexplained: {
    severity: "error",
    zh: "抽取记录（旧格式）第 {row} 行标为「作废」，但其后没有任务「{task}」的重新冻结或抽取：旧版程序只会在重抽时作废，该状态是被手工改的。请取回原始工作簿。",
    en: 'Row {row} of the draw log (old format) is marked void, but no later freeze or draw of task "{task}" voided it: the old program only voided on a redraw, so the status was edited by hand.',
  },
  log_header_missing: {
    severity: "error",
    zh: "抽取记录缺少「{header}」列（第 1 行应有此表头）：表头被改动过，记录无法核验。请取回原始工作簿。",
    en: 'The draw log lacks the column "{header}" (row 1): its header was changed and the log cannot be verified.',
  },
  log_cell_unknown: {
    severity: "error",
    zh: "抽取记录的单元格 {cell} 不属于任何一列记录，却写有「{value}」：抽取记录只能由程序追加。请取回原始工作簿。",
    en: 'Cell {cell} of the draw log lies in no column of the record but holds "{value}": the log is written by the program only.',
  },
  log_migrated: {
    severity: "warning",
    zh: "抽取记录原为旧格式（每次抽取一行、状态可改），本次写入时已转换为逐事件追加、带链式哈希的新格式（{events} 条事件）。转换前的记录没有哈希，无法证明其未被改动；此后的每条记录都受链保护。旧版作废抽取遗留在「检查结果」中的未填写行已删除 {removed} 行（已填写的保留并标记为已作废）。",
    en: "The draw log was in the old format (one row per draw, status edited in place); this write converted it into the chained event log ({events} events). The entries before the conversion have no hash to prove them; every entry from now on is chained. {removed} untouched 检查结果 rows left by voided draws of the old program were removed (filled ones kept, marked void).",
  },
  log_legacy_format: {
    severity: "warning",
    zh: "抽取记录为旧格式，没有链式哈希：对其中记录的改动只能部分发现。下一次冻结、抽取、作废或替补时将转换为新格式。",
    en: "The draw log is in the old format, without chained hashes: edits to it can only partly be found. The next freeze, draw, void or substitution converts it.",
  },
  sheet_unprotected: {
    severity: "warning",
    zh: "工作表「{sheet}」应受保护，但现在未受保护。保护只是防止误改；能证明记录未被改动的是链式哈希和核验。",
    en: 'The sheet "{sheet}" should be protected but is not. Protection only prevents mistakes; the chain and verification are what prove the record.',
  },
  draw_not_made: {
    severity: "error",
    zh: "「{sheet}」尚未抽取（待抽取），没有可重放的结果。",
    en: '"{sheet}" has not been drawn yet (awaiting its seed).',
  },
  draw_already_void: {
    severity: "error",
    zh: "抽取「{sheet}」已经作废，不能再次作废。",
    en: 'Draw "{sheet}" is void already.',
  },
  draw_selects_nothing: {
    severity: "error",
    zh: "任务「{task}」按其抽取方式和比例一个对象也抽不到（合格对象 {eligible} 个，计划抽取 0 个）。未写入任何内容；请检查任务的比例、数量或抽查范围。",
    en: 'Task "{task}" would select no target ({eligible} eligible, 0 planned). Nothing was written; check the task\'s ratios, counts or scope.',
  },
  draw_before_task_start: {
    severity: "warning",
    zh: "抽取日期 {date} 早于任务「{task}」的开始日期 {start}。请核对抽取日期或任务期限。",
    en: 'The draw date {date} is before the start date {start} of task "{task}".',
  },
  void_reason_required: {
    severity: "error",
    zh: "作废须说明原因（--reason）。",
    en: "A void needs a reason (--reason).",
  },
  substitute_reason_empty: {
    severity: "error",
    zh: "替补须说明原因（如：已注销、无法联系、抽取后发现需回避）。",
    en: "A substitution needs a reason (closed down, cannot be contacted, a conflict found after the draw, …).",
  },
  substitute_not_selected: {
    severity: "error",
    zh: "「{uscc}」不是这次抽取当前的检查对象，不能替补。请核对统一社会信用代码。",
    en: '"{uscc}" is not one of the draw\'s current targets.',
  },
  substitute_already_replaced: {
    severity: "error",
    zh: "「{uscc}」已被替补，被替换的对象不能再回来，也不能再次替补。",
    en: '"{uscc}" has been replaced already; a replaced target does not come back.',
  },
  substitute_no_reserve: {
    severity: "error",
    zh: "「{uscc}」所在的「{stratum}」层已没有未使用的备选对象，不能替补，未写入任何内容。如确需补充，请作废本次抽取后重新抽取，或在任务中增加备选数量。",
    en: 'Stratum {stratum} of "{uscc}" has no unused reserve left; nothing was written. Void and redraw, or raise the task\'s reserves.',
  },
  expect_chain_mismatch: {
    severity: "error",
    zh: "抽取记录的链头哈希为 {actual}，与公布的 {expected} 不符：工作簿中的记录与公布时不同。",
    en: "The draw log's chain head is {actual}, not the published {expected}.",
  },
  expect_digest_mismatch: {
    severity: "error",
    zh: "没有哪一次抽取的输入摘要是公布的 {expected}（工作簿中有：{actual}）。",
    en: "No draw of the workbook has the published input digest {expected} (present: {actual}).",
  },
  workbook_changed: {
    severity: "error",
    zh: "工作簿在读取之后被改动了（「{sheet}」现在结束于第 {actual} 行，读取时为第 {expected} 行）：可能同时有另一次抽取。未写入任何内容；请重新打开后再操作。",
    en: 'The workbook changed after it was read ("{sheet}" now ends at row {actual}, it ended at row {expected}): perhaps another draw at the same time. Nothing was written; try again.',
  },
  result_row_unknown: {
    severity: "error",
    zh: "「{sheet}」第 {row} 行（任务 {task}，{uscc}，{department}）不属于抽取记录中的任何一次抽取：抽取记录可能被删改，或此行是手工添加的。",
    en: 'Row {row} of "{sheet}" (task {task}, {uscc}, {department}) belongs to no draw the log records: the log may have been cut, or the row was added by hand.',
  },
  result_row_stale: {
    severity: "warning",
    zh: "「{sheet}」中任务 {task} 有 {count} 行属于已作废的抽取或已被替补的对象，但未标记（第 {rows} 行）。它们不计入公示和统计；下一次冻结、抽取、作废或替补时会整理：未填写的删除，已填写的标记。",
    en: '{count} rows of "{sheet}" for task {task} belong to a voided draw or a replaced target but are not marked (rows {rows}). They are not counted; the next freeze, draw, void or substitution tidies them (untouched rows removed, filled ones marked).',
  },
  text_too_long: {
    severity: "error",
    zh: "写入「{sheet}」的单元格 {cell} 的文字有 {length} 个字符，超过 Excel 单元格的上限 32,767 个字符（来自：{source}）。未写入任何内容；请缩短相应的内容。",
    en: 'The text for cell {cell} of "{sheet}" has {length} characters, over Excel\'s limit of 32,767 (from: {source}). Nothing was written; shorten it.',
  },
  option_too_long: {
    severity: "error",
    zh: "「{option}」有 {length} 个字符，最多 {max} 个。请缩短后重试。",
    en: '"{option}" has {length} characters; at most {max} are allowed.',
  },
  paper_not_for_draw: {
    severity: "error",
    zh: "「{sheet}」的状态是「{status}」，不能生成{papers}：检查通知书和比对确认单只为有效抽取生成，冻结公告只为先冻结后取种的抽取生成。",
    en: '"{sheet}" is {status}: it has no {papers} (notices and confirmations are made for valid draws only, the freeze announcement for frozen draws).',
  },
  draw_external: {
    severity: "error",
    zh: "「{sheet}」是从平台导入的外部抽取，不是本工具按 DRP-1 做的抽取，不能重放或替补；替补请在原平台进行后重新导入。",
    en: '"{sheet}" is a draw imported from a platform, not a DRP-1 draw of this tool: it cannot be replayed or substituted here.',
  },
  import_sheet_unreadable: {
    severity: "error",
    zh: "外部抽取名单表「{sheet}」无法读取：{detail}。该表受保护，不应被修改；请取回原始工作簿。",
    en: 'The imported list sheet "{sheet}" cannot be read: {detail}. Restore the original workbook.',
  },
  import_task_unknown: {
    severity: "error",
    zh: "导入平台名单须先在「抽查任务」表中登记任务「{task}」（任务名称、牵头部门、参与部门、抽查事项、开始和结束日期；抽取方式可填「按数量」）。现有任务：{known}。",
    en: 'Register task "{task}" in the task sheet before importing its platform list (name, departments, items, window). Tasks present: {known}.',
  },
  import_target_unknown: {
    severity: "error",
    zh: "统一社会信用代码 {uscc}（{name}）不在检查对象名录库中，名单未导入：请先将该对象录入检查对象名录库，再导入。",
    en: "USCC {uscc} ({name}) is not in the target registry, so the list was not imported: add it to the registry first, then import.",
  },
  import_csv_encoding: {
    severity: "error",
    zh: "名单文件「{file}」不是 UTF-8 编码（可能是 GBK）。请在 Excel 或 WPS 中打开后另存为「CSV UTF-8」或 .xlsx，再导入。",
    en: 'The list "{file}" is not UTF-8 (GBK, perhaps). Save it as "CSV UTF-8" or .xlsx in Excel or WPS, then import it.',
  },
  paper_unknown: {
    severity: "error",
    zh: "没有「{papers}」这种文书。可选：{known}（record 抽取过程记录，freeze 冻结公告，notices 检查通知书，confirmations 比对确认单）。",
    en: 'There is no paper "{papers}"; choose from {known}.',
  },
  year_report_kind: {
    severity: "error",
    zh: "--report 只能是 half（半年情况报告）或 year（全年情况报告），而不是「{value}」。",
    en: '--report is half or year, not "{value}".',
  },
  year_invalid_option: {
    severity: "error",
    zh: "年度「{value}」无效，应为 1900 至 2100 之间的四位年份，例如 2026。",
    en: 'The year "{value}" is invalid; expected a year from 1900 to 2100, e.g. 2026.',
  },
  seed_length: {
    severity: "error",
    zh: "随机种子须为 1 至 200 个字符，现为 {length} 个。",
    en: "A seed is 1 to 200 characters; this one has {length}.",
  },
  seed_edge_space: {
    severity: "error",
    zh: "随机种子不能以空格开头或结尾。" + SEED_HELP_ZH,
    en: "A seed may not begin or end with a space. " + SEED_HELP_EN,
  },
  seed_not_nfc: {
    severity: "error",
    zh: "随机种子含有组合字符 {codePoint}，与看起来相同的另一种写法不是同一个种子。" + SEED_HELP_ZH,
    en:
      "The seed holds the combining character {codePoint}: it would look like another seed that is not the same. " +
      SEED_HELP_EN,
  },
  seed_char_control: {
    severity: "error",
    zh: "随机种子含有控制字符 {codePoint}（如制表符、换行）。" + SEED_HELP_ZH,
    en: "The seed holds the control character {codePoint} (a tab, a line break…). " + SEED_HELP_EN,
  },
  seed_char_format: {
    severity: "error",
    zh:
      "随机种子含有看不见的格式字符 {codePoint}（如零宽空格、文字方向控制符），显示相同的种子会抽出不同的结果。" +
      SEED_HELP_ZH,
    en:
      "The seed holds the invisible format character {codePoint} (a zero-width space, a direction override…): seeds that look the same would draw differently. " +
      SEED_HELP_EN,
  },
  seed_char_space: {
    severity: "error",
    zh: "随机种子含有非普通空格 {codePoint}（如全角空格、不间断空格），只允许普通半角空格 U+0020。" + SEED_HELP_ZH,
    en:
      "The seed holds the space {codePoint} (ideographic, no-break…); only the plain space U+0020 is allowed. " +
      SEED_HELP_EN,
  },
  seed_char_separator: {
    severity: "error",
    zh: "随机种子含有行或段分隔符 {codePoint}。" + SEED_HELP_ZH,
    en: "The seed holds the line or paragraph separator {codePoint}. " + SEED_HELP_EN,
  },
  seed_char_private: {
    severity: "error",
    zh: "随机种子含有私用区字符 {codePoint}，不同电脑上显示不同。" + SEED_HELP_ZH,
    en: "The seed holds the private-use character {codePoint}, shown differently on each computer. " + SEED_HELP_EN,
  },
  seed_char_unassigned: {
    severity: "error",
    zh: "随机种子含有 Unicode 未分配的码位 {codePoint}。" + SEED_HELP_ZH,
    en: "The seed holds the unassigned code point {codePoint}. " + SEED_HELP_EN,
  },
  seed_char_surrogate: {
    severity: "error",
    zh: "随机种子含有不成对的代理码位 {codePoint}。" + SEED_HELP_ZH,
    en: "The seed holds the lone surrogate {codePoint}. " + SEED_HELP_EN,
  },
} satisfies Record<string, CatalogueEntry>;
