// The papers a clerk signs and posts: the draw-process record, the freeze announcement, the
// inspection notices and the per-department confirmations; each a pure function to a SheetSpec.
export * from "./facts";
export * from "./fit";
export { PaperBuilder, type Segment, type PaperCell, type PaperPage } from "./builder";
export * from "./text";
export { renderDrawRecord, renderFreezeNotice, RECORD_TITLE, FREEZE_TITLE, type RecordInput } from "./draw-record";
export {
  renderNotices,
  renderConfirmations,
  confirmationDeadline,
  NOTICE_TITLE,
  CONFIRMATION_TITLE,
  CONFIRM_DAYS,
  CONFIRM_CHOICES,
  type NoticeInput,
  type ConfirmationInput,
} from "./notices";
export { workload, workloadIssues, type Workload, type InspectorLoad } from "./workload";

/** Sheet-name prefixes of the papers; the use-case numbers them as `<prefix><task>-<n>`. */
export const RECORD_PREFIX = "抽取过程记录-";
export const FREEZE_NOTICE_PREFIX = "冻结公告-";
export const NOTICE_PREFIX = "检查通知书-";
export const CONFIRMATION_PREFIX = "比对确认单-";
