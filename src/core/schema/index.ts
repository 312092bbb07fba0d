// The schema capability: reading the clerk's sheets into the domain model, with issues.
export { parseBook, type Book, type ParseOptions } from "./book";
export { readTable, type Table, type TableRow, type ColumnPlace, type ReadTableOptions } from "./table";
export {
  COLUMNS,
  ITEM_COLUMNS,
  TARGET_COLUMNS,
  INSPECTOR_COLUMNS,
  TASK_COLUMNS,
  HOLIDAY_COLUMNS,
  RESULT_COLUMNS,
  UNIT_COLUMNS,
  PLAN_COLUMNS,
  parseTargetStatus,
  parseInspectorRole,
  parseInspectorStatus,
  parseHolidayKind,
  parseMode,
  parseResultCategory,
  type ColumnDef,
} from "./columns";
export { SHEET_NAMES, SHEET_KINDS, REQUIRED_SHEETS, findSheet, type SheetKind } from "./sheets";
export {
  parseText,
  parseId,
  parseList,
  parseIdList,
  parseYesNo,
  parseDate,
  parsePercent,
  parseInteger,
  integerParser,
  parseGrade,
  parseUscc,
  parseUsccList,
  enumParser,
  splitList,
  textToIsoDate,
  serialToIsoDate,
  normalizeUscc,
  cellText,
  isEmptyCell,
  type Parsed,
  type ValueParser,
  type ValueProblemCode,
} from "./values";
export { nameKey, nfkcTrim } from "./normalize";
export { checkUnique } from "./unique";
export { usccCheckChar, usccProblem, USCC_ALPHABET } from "./uscc";
