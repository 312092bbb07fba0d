// The ExcelJS adapter of the workbook port (browser and node); files in ./file (node only).
export { XlsxWorkbook, NotAWorkbookError, lastUsedRow } from "./workbook";
export { readWorksheet, cellValue, plainValue } from "./read";
export { MAX_LIST_CHARS } from "./render";
