// Issue texts of this capability; part of the one catalogue (catalogue.ts).
// Each text says which value is wrong, what was expected, and how to fix it. The sheet, row and
// cell are shown next to the message, so the texts do not repeat them.
import type { CatalogueEntry } from "./catalogue";

export const schemaMessages = {
  sheet_missing: {
    severity: "error",
    zh: "缺少工作表「{expected}」。请新建名为「{expected}」（或「{alias}」）的工作表，或在任务窗格中指定哪张表是它。",
    en: 'Sheet "{expected}" is missing. Add a sheet named "{expected}" (or "{alias}"), or choose which sheet it is in the task pane.',
  },
  sheet_duplicate: {
    severity: "warning",
    zh: "工作表「{sheet}」与「{used}」都像是「{kind}」，只读取了「{used}」。请删除或改名多余的一张。",
    en: 'Sheets "{sheet}" and "{used}" both look like "{kind}"; only "{used}" was read. Delete or rename the extra one.',
  },
  sheet_empty: {
    severity: "error",
    zh: "工作表「{sheet}」没有数据。请在表头下逐行填写，每行一条记录。",
    en: 'Sheet "{sheet}" has no data. Fill in one record per row under the header row.',
  },
  header_missing: {
    severity: "error",
    zh: "工作表「{sheet}」缺少必填列「{column}」。请在表头行加上名为「{column}」（或「{alias}」）的列并填写。",
    en: 'Sheet "{sheet}" has no column "{column}", which is required. Add a column headed "{column}" (or "{alias}") and fill it in.',
  },
  header_duplicate: {
    severity: "warning",
    zh: "表头「{column}」出现了两次，只读取了第一列「{first}」，这一列被忽略。请删除或改名重复的列。",
    en: 'The header "{column}" appears twice; only the first column ("{first}") is read and this one is ignored. Delete or rename the repeated column.',
  },
  required_missing: {
    severity: "error",
    zh: "「{column}」为必填项，此处为空。请填写后重新检查。",
    en: '"{column}" is required but this cell is empty. Fill it in and check again.',
  },
  cell_error: {
    severity: "error",
    zh: "「{column}」单元格是错误值 {value}（多为公式出错）。请改为实际的值，或修正公式。",
    en: 'The "{column}" cell holds the error value {value} (usually a broken formula). Type the actual value or fix the formula.',
  },
  formula_uncalculated: {
    severity: "error",
    zh: "「{column}」单元格是公式 {formula}，但文件中没有它的计算结果（生成此文件的程序没有计算公式），无法得知它的值。请在 Excel 或 WPS 中打开此文件并保存（会计算全部公式）后重试，或把公式改为实际的值。",
    en: 'The "{column}" cell holds the formula {formula} but the file has no calculated result for it (the program that made the file never calculated it), so its value is unknown. Open the file in Excel or WPS and save it (which calculates every formula) and try again, or type the actual value.',
  },
  date_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」不是有效日期。请填写如 2026-03-30、2026/3/30 或 2026年3月30日 的日期。",
    en: '"{column}": "{value}" is not a valid date. Write a date such as 2026-03-30, 2026/3/30 or 2026年3月30日.',
  },
  date_out_of_range: {
    severity: "error",
    zh: "「{column}」的日期 {value} 不在 {min} 至 {max} 之间，多为录入错误。请核对并填写正确的日期。",
    en: '"{column}": the date {value} is not between {min} and {max}; it is most likely a typing slip. Check it and write the right date.',
  },
  year_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」不是 {min} 至 {max} 之间的年份。请填写四位年份，如 2026。",
    en: '"{column}": "{value}" is not a year from {min} to {max}. Write a four-digit year such as 2026.',
  },
  percent_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」不是 0% 到 100% 之间的比例。请填写如 5%、0.05 或 5 的比例。",
    en: '"{column}": "{value}" is not a percentage between 0% and 100%. Write it as 5%, 0.05 or 5.',
  },
  integer_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」不是不小于 {min} 的整数。请填写整数，如 0、3、12。",
    en: '"{column}": "{value}" is not a whole number of at least {min}. Write a whole number such as 0, 3 or 12.',
  },
  yesno_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」无法识别为是或否。请填写「是」或「否」（也可用 Y/N、1/0）。",
    en: '"{column}": "{value}" is neither yes nor no. Write 是 or 否 (Y/N, yes/no, true/false, 1/0 also work).',
  },
  grade_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」不是信用风险等级。请填写 A、B、C 或 D（A 风险最低，D 风险最高）。",
    en: '"{column}": "{value}" is not a credit-risk grade. Write A, B, C or D (A lowest risk, D highest).',
  },
  enum_invalid: {
    severity: "error",
    zh: "「{column}」的值「{value}」不在可选范围内。请填写以下之一：{allowed}。",
    en: '"{column}": "{value}" is not one of the allowed values. Write one of: {allowed}.',
  },
  uscc_length: {
    severity: "error",
    zh: "统一社会信用代码「{value}」有 {length} 位，应为 18 位。请对照营业执照核对，是否多输或漏输了字符。",
    en: 'The unified social credit code "{value}" has {length} characters; it must have 18. Check it against the business licence for a missing or extra character.',
  },
  uscc_charset: {
    severity: "error",
    zh: "统一社会信用代码「{value}」含有不允许的字符。代码只用数字和大写字母（不含 I、O、Z、S、V）。请对照营业执照核对，注意 0 与 O、1 与 I 的区别。",
    en: 'The unified social credit code "{value}" contains a character that codes never use (only digits and capital letters other than I, O, Z, S, V). Check it against the business licence; mind 0 and O, 1 and I.',
  },
  uscc_checksum: {
    severity: "error",
    zh: "统一社会信用代码「{value}」的校验位不正确，代码中有字符录错。请对照营业执照逐位核对。",
    en: 'The check character of the unified social credit code "{value}" is wrong, so a character was mistyped. Check it character by character against the business licence.',
  },
  uscc_as_number: {
    severity: "error",
    zh: "统一社会信用代码「{value}」被存成了数字（显示为 {shown}），末几位已丢失。请把该列设置为「文本」格式后重新输入代码。",
    en: 'The unified social credit code "{value}" was stored as a number (shown as {shown}) and its last digits are lost. Format the column as text and type the code again.',
  },
  id_as_number: {
    severity: "error",
    zh: "「{column}」的编号被存成了数字 {value}（显示为 {shown}），超过 15 位的数字末几位已丢失，无法还原原来的编号。请把该列设置为「文本」格式后重新输入编号。",
    en: '"{column}": the id was stored as the number {value} (shown as {shown}); a number of more than 15 digits loses its last digits, so the id cannot be recovered. Format the column as text and type the id again.',
  },
  id_invisible_char: {
    severity: "error",
    zh: "「{column}」的值「{value}」含有看不见的字符 {char}（零宽字符、方向控制符或控制字符，多由复制粘贴带入）。编号中有它，就与看起来相同的编号不是同一个。请清空该单元格后重新输入。",
    en: '"{column}": "{value}" holds the invisible character {char} (a zero-width, direction or control character, usually pasted in along with the text). With it the id differs from one that looks the same. Clear the cell and type the value again.',
  },
  value_normalized: {
    severity: "warning",
    zh: "「{column}」的值「{value}」已按「{normalized}」读取：其中的全角字符、小写字母、空格或看不见的控制字符已改写或删去。建议在表中改为「{normalized}」。",
    en: '"{column}": "{value}" was read as "{normalized}": full-width characters, lower-case letters, spaces or invisible control characters in it were rewritten or removed. Consider correcting it in the sheet.',
  },
  duplicate_id: {
    severity: "error",
    zh: "「{column}」的值「{value}」与第 {firstRow} 行重复，编号必须唯一。请删除重复行或更正编号。",
    en: '"{column}": "{value}" repeats row {firstRow}; it must be unique. Delete the repeated row or correct the value.',
  },
  duplicate_checkpoint: {
    severity: "warning",
    zh: "事项编号与检查要点「{value}」与第 {firstRow} 行相同，一企一表中将重复出现。请删除重复的检查要点。",
    en: 'Item and checkpoint "{value}" repeat row {firstRow} and would appear twice on the checklists. Delete the repeated checkpoint.',
  },
  end_before_start: {
    severity: "error",
    zh: "结束日期 {end} 早于开始日期 {start}。请更正任务的起止日期。",
    en: "The end date {end} is before the start date {start}. Correct the task's dates.",
  },
  per_department_too_small: {
    severity: "error",
    zh: "每部门检查人数为 {value}，行政检查至少须 {min} 名执法人员。请填写不小于 {min} 的人数（留空即为 2）。",
    en: "Inspectors per department is {value}; an administrative inspection needs at least {min} officers. Write {min} or more (empty means 2).",
  },
  mode_columns_missing: {
    severity: "error",
    zh: "抽取方式为「{mode}」，但表中没有列：{columns}。请在「抽查任务」表中加上这些列并为该任务填写。",
    en: 'The draw mode is "{mode}" but the sheet has no column(s) {columns}. Add these columns to the task sheet and fill them in for this task.',
  },
  mode_value_missing: {
    severity: "error",
    zh: "抽取方式为「{mode}」，须填写「{column}」。请填写该值（不抽该等级时填 0）。",
    en: 'The draw mode is "{mode}", so "{column}" must be filled in. Write a value (0 when this grade is not drawn).',
  },
  task_draws_nothing: {
    severity: "error",
    zh: "抽取方式为「{mode}」，但 {columns} 均为 0，重点对象比例也为空或 0，本任务抽不到任何对象。请把其中至少一项改为大于 0，或删去该任务。",
    en: 'The draw mode is "{mode}" but {columns} are all 0 and the priority ratio is empty or 0, so this task would draw no target. Set at least one of them above 0, or delete the task.',
  },
  ratio_order: {
    severity: "warning",
    zh: "{grade}类比例 {value} 低于 {previous}类比例 {previousValue}。风险越高抽查比例应越高，请核对各等级比例。",
    en: "The grade {grade} ratio {value} is below the grade {previous} ratio {previousValue}; higher risk should mean a higher ratio. Check the ratios.",
  },
  unknown_department: {
    severity: "error",
    zh: "部门「{value}」不在执法检查人员名录库中（库中部门：{known}）。请核对部门名称，或先在人员名录库中登记该部门的人员。",
    en: 'Department "{value}" is not in the inspector registry (departments there: {known}). Check the name, or register the department\'s inspectors first.',
  },
  lead_not_in_departments: {
    severity: "error",
    zh: "牵头部门「{value}」不在参与部门（{departments}）之中。请把牵头部门加入参与部门，或更正牵头部门。",
    en: 'The lead department "{value}" is not among the participating departments ({departments}). Add it to them or correct the lead department.',
  },
  unknown_item: {
    severity: "error",
    zh: "抽查事项「{value}」不在抽查事项清单中（清单中有：{known}）。请填写清单中的事项编号。",
    en: 'Item "{value}" is not in the inspection-item list (items there: {known}). Use an item id from the list.',
  },
  department_without_item: {
    severity: "error",
    zh: "参与部门「{department}」在本任务的抽查事项（{items}）中没有任何检查事项。请为该部门加入事项，或把它从参与部门中删去。",
    en: 'The participating department "{department}" has no checkpoint among this task\'s items ({items}). Add one of its items, or remove it from the departments.',
  },
  too_few_inspectors: {
    severity: "error",
    zh: "部门「{department}」只有 {count} 名在岗执法人员，本任务每部门需 {needed} 名。请在人员名录库中补充人员，或减少每部门检查人数。",
    en: 'Department "{department}" has {count} officers on duty; this task needs {needed} per department. Add officers to the inspector registry or lower the number per department.',
  },
  team_never_formed: {
    severity: "warning",
    zh: "部门「{department}」具备本任务所需专业类别（{specialties}）的在岗执法人员只有 {count} 名，少于每部门检查人数 {needed}，检查组无法组成，抽取将失败。请在人员名录库中为人员登记专业类别或补充人员，或减少每部门检查人数。",
    en: 'Department "{department}" has {count} officers on duty with a specialty this task needs ({specialties}), fewer than the {needed} per department, so no team can be formed and the draw will fail. Record the inspectors\' specialties or add inspectors in the registry, or lower the number per department.',
  },
  category_unknown: {
    severity: "warning",
    zh: "对象类别「{value}」在检查对象名录库中找不到（库中类别：{known}），该类别不会抽到任何对象。请核对类别名称。",
    en: 'Target category "{value}" is not found in the target registry (categories there: {known}); no target of it can be drawn. Check the name.',
  },
  unit_duplicate: {
    severity: "error",
    zh: "部门「{value}」在第 {firstRow} 行已有单位信息，每个部门只能有一行。请合并或删除重复的行。",
    en: 'Department "{value}" already has its details in row {firstRow}; each department has one row. Merge or delete the repeated row.',
  },
  unit_department_unknown: {
    severity: "warning",
    zh: "单位信息中的部门「{value}」不在执法检查人员名录库中（库中部门：{known}），这一行不会被用到。请核对部门名称。",
    en: 'The department "{value}" of the unit details is not in the inspector registry (departments there: {known}), so this row is never used. Check the name.',
  },
  plan_target_missing: {
    severity: "error",
    zh: "计划须填写「计划抽查比例」或「计划抽查户数」之一，此行两者都为空。请填写其中一项。",
    en: 'A plan row needs either "计划抽查比例" (planned ratio) or "计划抽查户数" (planned count); both are empty here. Fill in one of them.',
  },
  plan_target_both: {
    severity: "error",
    zh: "「计划抽查比例」与「计划抽查户数」只能填写其一，此行两者都已填写。请删去其中一项。",
    en: 'Fill in either "计划抽查比例" (planned ratio) or "计划抽查户数" (planned count), not both. Delete one of them.',
  },
  plan_end_before_start: {
    severity: "error",
    zh: "计划结束日期 {end} 早于计划开始日期 {start}。请更正该批次的起止日期。",
    en: "The planned end date {end} is before the planned start date {start}. Correct the batch's dates.",
  },
  plan_outside_year: {
    severity: "warning",
    zh: "计划的起止日期 {start} 至 {end} 不在年度 {year} 之内。请核对年度或起止日期。",
    en: "The planned window {start} to {end} is not within the year {year}. Check the year or the dates.",
  },
  plan_task_unknown: {
    severity: "warning",
    zh: "任务编号「{value}」不在抽查任务表中（表中任务：{known}）。如该任务尚未登记可暂不理会，否则请核对编号。",
    en: 'Task "{value}" is not in the task sheet (tasks there: {known}). Ignore this if the task is not entered yet; otherwise check the id.',
  },
} satisfies Record<string, CatalogueEntry>;
