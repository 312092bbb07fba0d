// Issue texts of the papers (notices, confirmations, records) and of the workload check; part of
// the one catalogue (catalogue.ts).
import type { CatalogueEntry } from "./catalogue";

export const paperMessages = {
  workload_exceeds_days: {
    severity: "warning",
    zh: "任务「{task}」有 {count} 名检查人员分到的检查户数超过检查期间的工作日数（{from} 至 {to} 共 {days} 个工作日），最多的每人 {max} 户：{who}。即使每个工作日完成一户也无法按期完成，请增加检查人员、降低抽取比例或延长检查期间。",
    en: "Task {task}: {count} inspector(s) are assigned more inspections than there are working days in the task window ({days} working days, {from} to {to}), up to {max} each: {who}. Even one inspection a working day cannot finish on time; add inspectors, lower the ratios or lengthen the window.",
  },
} satisfies Record<string, CatalogueEntry>;
