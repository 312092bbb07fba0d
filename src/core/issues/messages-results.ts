// Issue texts of this capability; part of the one catalogue (catalogue.ts).
import type { CatalogueEntry } from "./catalogue";

export const resultMessages = {
  result_category: {
    severity: "error",
    zh: "检查结果「{value}」不是四类结果之一。请从下拉列表中选择：未发现问题、发现问题已责令整改、行政处罚、无法联系。",
    en: 'Result "{value}" is not one of the four categories: 未发现问题, 发现问题已责令整改, 行政处罚, 无法联系.',
  },
  completed_before_start: {
    severity: "error",
    zh: "检查完成日期 {completed} 早于任务「{task}」的开始日期 {start}。请核对检查完成日期。",
    en: "Completion date {completed} is before the start {start} of task {task}. Check the completion date.",
  },
  completed_in_future: {
    severity: "warning",
    zh: "检查完成日期 {completed} 晚于今天 {today}。请核对检查完成日期。",
    en: "Completion date {completed} is after today {today}. Check the completion date.",
  },
  completed_missing: {
    severity: "warning",
    zh: "已填写检查结果「{result}」，但未填写检查完成日期，无法计算公示期限。请补填检查完成日期。",
    en: 'Result "{result}" is filled in but the completion date is empty, so no publicity deadline can be computed.',
  },
  result_missing: {
    severity: "warning",
    zh: "已填写检查完成日期 {completed}，但未填写检查结果。请从下拉列表中选择检查结果。",
    en: "Completion date {completed} is filled in but the result is empty. Choose the result from the drop-down.",
  },
  penalty_fields_missing: {
    severity: "error",
    zh: "检查结果为「行政处罚」，但未填写{field}。行政处罚信息须在处罚决定之日起 7 个工作日内公示，请补填{field}。",
    en: "The result is 行政处罚 (administrative penalty) but {field} is empty; penalty information is published within 7 working days of the decision.",
  },
  penalty_before_completed: {
    severity: "warning",
    zh: "处罚决定日期 {penaltyDate} 早于检查完成日期 {completed}。请核对这两个日期。",
    en: "Penalty decision date {penaltyDate} is before the completion date {completed}. Check both dates.",
  },
  problem_missing: {
    severity: "error",
    zh: "检查结果为「发现问题已责令整改」，但未填写问题描述。请写明发现的问题。",
    en: "The result is 发现问题已责令整改 (problem found) but the problem description is empty.",
  },
  result_not_in_draw: {
    severity: "error",
    zh: "检查对象 {uscc}（{department}）不在任务「{task}」的有效抽取名单中。请核对统一社会信用代码和部门，或删除此行。",
    en: "Target {uscc} ({department}) is not in the valid draw of task {task}. Check the code and department, or remove the row.",
  },
  result_duplicate: {
    severity: "warning",
    zh: "检查对象 {uscc}（{department}）在任务「{task}」中有多行检查结果（另见第 {first} 行），公示按第一行计算。请合并为一行。",
    en: "Target {uscc} ({department}) has several result rows in task {task} (see also row {first}); publicity uses the first. Merge them.",
  },
  result_row_missing: {
    severity: "warning",
    zh: "抽中的检查对象 {uscc}（{department}）在「检查结果」表中没有对应行，按未检查处理。",
    en: "Drawn target {uscc} ({department}) has no row in the results sheet; it is counted as not inspected.",
  },
  no_valid_draw: {
    severity: "error",
    zh: "任务「{task}」没有有效的抽取记录，无法生成公示。请先完成抽取。",
    en: "Task {task} has no valid draw; no publicity can be built. Make the draw first.",
  },
  calendar_year_provisional: {
    severity: "warning",
    zh: "{year} 年的国务院节假日安排尚未收录，相关公示期限仅按周末和法定节假日推算，标为「暂定」。请在「节假日」表中补充 {year} 年的放假和调休上班日期。",
    en: "The official holiday schedule of {year} is not known yet; deadlines through {year} count only weekends and statutory holidays and are marked provisional. Add the {year} holidays and make-up working days to the 节假日 sheet.",
  },
} satisfies Record<string, CatalogueEntry>;
