// The 一企一表 as plain data: what one target's joint checklist holds, before any layout.
import type { Grade, IsoDate } from "../model";

/** 检查结果 of one checkpoint on the form (the drop-down choices). */
export const CHECK_RESULTS = ["符合", "不符合", "不涉及"] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** 检查要点 as printed: the point to check, its legal basis and method. */
export interface FormCheckpoint {
  checkpoint: string;
  basis: string;
  method: string;
}

/** 抽查事项 with the checkpoints that apply to this target's category, in item-list order. */
export interface FormItem {
  itemId: string;
  item: string;
  checkpoints: FormCheckpoint[];
}

/** One department's part of the form; `items` is empty when none of its items applies. */
export interface FormSection {
  department: string;
  items: FormItem[];
}

/** 执法检查人员 on the team, as shown and signed: name and 执法证号. */
export interface FormInspector {
  id: string;
  name: string;
}

export interface FormTeam {
  department: string;
  inspectors: FormInspector[];
}

/** 被检查对象 as printed on the form. */
export interface FormTarget {
  uscc: string;
  name: string;
  category: string;
  grade: Grade | "";
  address: string;
  legalRep: string;
  phone: string;
}

/** 一企一表 (随机抽查联合检查记录表): one drawn target's joint checklist. */
export interface ChecklistForm {
  /** 1-based position in DRP-1 order, and the number of forms of the draw */
  seq: number;
  total: number;
  taskId: string;
  taskName: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** the draw the form was made from: its result sheet, date and input digest */
  drawSheet: string;
  drawDate: IsoDate;
  digest: string;
  target: FormTarget;
  /** 检查组组长 */
  leader: FormInspector & { department: string };
  /** teams in the task's department order as written (not the DRP-1 lead-first order) */
  teams: FormTeam[];
  /** one section per department, same order as `teams` */
  sections: FormSection[];
}
