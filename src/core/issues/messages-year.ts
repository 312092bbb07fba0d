// Issue texts of the year's work (plan, coverage) and of the platform's files; part of the one catalogue.
import type { CatalogueEntry } from "./catalogue";

export const yearMessages = {
  year_batch_late: {
    severity: "warning",
    zh: "年度抽查计划批次「{batch}」（{department}）计划于 {start} 至 {end} 实施，已开始但尚无执行它的抽取。{hint}",
    en: 'Planned batch "{batch}" ({department}, {start} to {end}) has started but no draw carries it yet. {hint}',
  },
  year_batch_overdue: {
    severity: "warning",
    zh: "年度抽查计划批次「{batch}」（{department}）计划于 {end} 前完成，已过期但没有执行它的抽取。{hint}",
    en: 'Planned batch "{batch}" ({department}) was due by {end} and no draw carries it. {hint}',
  },
  year_batch_short: {
    severity: "warning",
    zh: "年度抽查计划批次「{batch}」（{department}）计划抽查 {planned} 户，截至 {end} 实际抽取 {drawn} 户，尚差 {missing} 户。",
    en: 'Planned batch "{batch}" ({department}) planned {planned} targets; {drawn} were drawn by {end}, {missing} short.',
  },
  year_batch_items_missing: {
    severity: "warning",
    zh: "年度抽查计划批次「{batch}」（{department}）的抽查事项 {items} 没有被执行它的任务（{tasks}）抽查。",
    en: 'Items {items} of planned batch "{batch}" ({department}) are carried by none of its tasks ({tasks}).',
  },
  year_batch_task_not_drawn: {
    severity: "warning",
    zh: "年度抽查计划批次「{batch}」列出的任务「{task}」在 {year} 年没有有效抽取。",
    en: 'Task "{task}" listed by planned batch "{batch}" has no valid draw in {year}.',
  },
  year_draw_not_by_grade: {
    severity: "warning",
    zh: "「{sheet}」（任务「{task}」）不是按信用风险等级分层抽取的，{count} 户不计入分级分类抽查。按信用风险分级分类开展的抽查占比应达到 100%。",
    en: 'Draw "{sheet}" (task "{task}") was not stratified by credit-risk grade; its {count} targets do not count as graded draws (the share must be 100%).',
  },
  year_repeated: {
    severity: "warning",
    zh: "检查对象 {uscc}（{name}）在 {year} 年被 {sheets} 就同一抽查事项 {item} 重复抽取。请避免同一年度对同一对象重复检查同一事项。",
    en: "Target {uscc} ({name}) was drawn more than once in {year} for the same item {item}: {sheets}.",
  },
  year_results_unmatched: {
    severity: "warning",
    zh: "「检查结果」表第 {row} 行（任务「{task}」，{uscc}，{department}）不属于 {year} 年任何有效抽取的抽中对象，未计入年度统计。",
    en: 'Result row {row} (task "{task}", {uscc}, {department}) belongs to no target of a valid draw of {year}; it is not counted.',
  },
  year_share_invalid: {
    severity: "error",
    zh: "年度抽查比例「{value}」无效。请填写大于 0、不超过 100% 的百分比，例如 3% 或 5%。",
    en: 'Yearly share "{value}" is not valid; give a percentage above 0 and at most 100%, e.g. 3% or 5%.',
  },
  platform_item_unknown: {
    severity: "error",
    zh: "检查事项「{value}」不在「抽查事项清单」中（按事项编号或抽查事项名称查找）。请在清单中补充该事项，或改为清单中的名称。",
    en: 'Item "{value}" is not in the item list (by item id or name). Add it to the list or use the name the list has.',
  },
  platform_department_unknown: {
    severity: "error",
    zh: "检查部门「{value}」不是已知部门（执法检查人员名录库的部门或「单位信息」的单位全称）。请改为已知的部门名称。",
    en: 'Department "{value}" is not known (the inspector registry\'s departments or the full names in 单位信息).',
  },
  platform_department_missing: {
    severity: "error",
    zh: "此行没有检查部门，且检查事项不能确定部门。请填写检查部门。",
    en: "This row names no department and its items do not tell one. Fill in the department.",
  },
  platform_inspector_unknown: {
    severity: "warning",
    zh: "检查人员「{value}」不在执法检查人员名录库（{department}）中，按原文保留。",
    en: 'Inspector "{value}" is not in the inspector registry ({department}); kept as written.',
  },
  platform_target_unknown: {
    severity: "warning",
    zh: "统一社会信用代码 {uscc}（{name}）不在检查对象名录库中；仍按外部抽取导入，信用风险等级{grade}。",
    en: "USCC {uscc} ({name}) is not in the target registry; imported as an external draw all the same, grade {grade}.",
  },
  platform_name_differs: {
    severity: "warning",
    zh: "统一社会信用代码 {uscc} 在名录库中的名称为「{registry}」，平台名单为「{value}」。请核对代码是否抄错。",
    en: 'USCC {uscc} is named "{registry}" in the registry but "{value}" in the platform list. Check the code.',
  },
  platform_grade_differs: {
    severity: "warning",
    zh: "统一社会信用代码 {uscc} 在平台名单中的信用风险等级为 {value}，名录库中为 {registry}；分层与统计按名录库计。",
    en: "USCC {uscc} has grade {value} in the platform list but {registry} in the registry; the registry's grade is used for the stratum and the figures.",
  },
  platform_date_missing: {
    severity: "error",
    zh: "平台名单没有「抽取日期」列，也未指定抽取日期。请在名单中加上「抽取日期」列，或在导入时填写抽取日期。",
    en: "The platform list has no draw date column and no draw date was given. Add a 抽取日期 column or give the date.",
  },
  platform_dates_differ: {
    severity: "warning",
    zh: "平台名单中的抽取日期不一致（{dates}），按最早的 {date} 记为外部抽取的日期。",
    en: "The draw dates in the platform list differ ({dates}); the earliest, {date}, is taken as the draw's date.",
  },
  platform_tasks_differ: {
    severity: "error",
    zh: "平台名单含多个任务（{tasks}）。一次只能导入一个任务的名单，请按任务分开导入。",
    en: "The platform list holds several tasks ({tasks}); import one task's list at a time.",
  },
  platform_duplicate_row: {
    severity: "warning",
    zh: "统一社会信用代码 {uscc}（{department}）在平台名单中重复出现（另见第 {first} 行），已合并。",
    en: "USCC {uscc} ({department}) appears twice in the platform list (see also row {first}); merged.",
  },
  platform_no_rows: {
    severity: "error",
    zh: "平台名单「{sheet}」没有可导入的抽中对象。",
    en: 'The platform list "{sheet}" has no drawn target to import.',
  },
  platform_task_id_missing: {
    severity: "error",
    zh: "平台名单没有任务编号，导入时也未指定。请填写外部任务的任务编号。",
    en: "The platform list has no task id and none was given. Give the external task an id.",
  },
  export_authority_missing: {
    severity: "warning",
    zh: "「单位信息」表没有部门「{department}」的单位全称，检查实施机关暂填「{department}」。请补充单位全称后重新导出。",
    en: 'The 单位信息 sheet has no full name for "{department}"; 检查实施机关 shows "{department}" meanwhile.',
  },
} satisfies Record<string, CatalogueEntry>;
