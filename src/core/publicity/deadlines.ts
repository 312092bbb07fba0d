// 公示期限 and 后续处置期限 of one result row, and its status on a given day.
import type { InspectionResult, IsoDate } from "../model";
import type { Calendar } from "../calendar";

/** Working days to publish a result after the inspection ends (and to record the follow-up). */
export const PUBLISH_DAYS = 20;
/** Working days to publish an administrative penalty after its decision. */
export const PENALTY_PUBLISH_DAYS = 7;
export const FOLLOW_UP_DAYS = 20;

/** 公示状态 */
export type PublicityStatus = "published" | "pending" | "overdue" | "not_inspected";
/** 后续处置状态 */
export type FollowUpStatus = "done" | "pending" | "overdue" | "not_applicable";

export const STATUS_LABELS: Record<PublicityStatus, string> = {
  published: "已公示",
  pending: "待公示",
  overdue: "已逾期",
  not_inspected: "未检查",
};
export const FOLLOW_UP_LABELS: Record<FollowUpStatus, string> = {
  done: "已处置",
  pending: "待处置",
  overdue: "已逾期",
  not_applicable: "不适用",
};

export interface RowDeadlines {
  publishBy: IsoDate | null;
  status: PublicityStatus;
  /** 公示截止日期 is 暂定 */
  provisional: boolean;
  /** published after publishBy */
  publishedLate: boolean;
  followUpBy: IsoDate | null;
  followUpStatus: FollowUpStatus;
  followUpProvisional: boolean;
  /** years without an official schedule that a deadline ran through */
  provisionalYears: number[];
}

/**
 * A row counts as inspected when it has both a completion date and a result. For 行政处罚 the
 * deadline runs from the penalty decision; while that date is missing (an error is reported),
 * the general 20-day rule from the completion date is the only deadline known, so it is used.
 */
export function rowDeadlines(r: InspectionResult, calendar: Calendar, today: IsoDate): RowDeadlines {
  if (r.completed === null || r.result === null)
    return {
      publishBy: null,
      status: r.published !== null ? "published" : "not_inspected",
      provisional: false,
      publishedLate: false,
      followUpBy: null,
      followUpStatus: "not_applicable",
      followUpProvisional: false,
      provisionalYears: [],
    };
  const publish =
    r.result === "行政处罚" && r.penaltyDate !== null
      ? calendar.addWorkingDays(r.penaltyDate, PENALTY_PUBLISH_DAYS)
      : calendar.addWorkingDays(r.completed, PUBLISH_DAYS);
  const status = r.published !== null ? "published" : today > publish.date ? "overdue" : "pending";
  const years = new Set(
    publish.provisional ? publish.years.filter((y) => calendar.yearSource(y) === "provisional") : [],
  );

  const needsFollowUp = r.result === "发现问题已责令整改" || r.result === "行政处罚";
  let followUpBy: IsoDate | null = null;
  let followUpStatus: FollowUpStatus = "not_applicable";
  let followUpProvisional = false;
  if (needsFollowUp) {
    const f = calendar.addWorkingDays(r.completed, FOLLOW_UP_DAYS);
    followUpBy = f.date;
    followUpProvisional = f.provisional;
    followUpStatus = r.followUp.trim() !== "" ? "done" : today > f.date ? "overdue" : "pending";
    if (f.provisional) for (const y of f.years) if (calendar.yearSource(y) === "provisional") years.add(y);
  }
  return {
    publishBy: publish.date,
    status,
    provisional: publish.provisional,
    publishedLate: r.published !== null && r.published > publish.date,
    followUpBy,
    followUpStatus,
    followUpProvisional,
    provisionalYears: [...years].sort((a, b) => a - b),
  };
}
