// 一企一表: the joint checklist of every drawn target.
export * from "./form";
export { buildForms, sectionsFor, appliesTo } from "./build";
export { renderChecklistSheet, checklistSheetHeader, CHECKLIST_COLUMN_WIDTHS, type ChecklistSheetSpec } from "./render";
export { lineCount, rowHeight, textWidth } from "./row-height";
export { FORM_TITLE, GAP, LABELS, chineseNumber } from "./labels";
