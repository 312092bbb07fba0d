// The Office.js adapter: what the pane imports.
export { ExcelWorkbook } from "./workbook";
export { capabilities, globalOfficeHost, missingSetMessage, UnsupportedHostError, REQUIRED_SET } from "./capabilities";
export type { Capabilities, OfficeHost } from "./capabilities";
export { activateSheet, selectCell } from "./navigate";
export { loadSheetChoices, saveSheetChoices } from "./sheet-choices";
export type { SheetChoices } from "./sheet-choices";
export { selfTest } from "./self-test";
export type { SelfTestCheck, SelfTestReport } from "./self-test";
export type { ExcelRun } from "./run";
export { SYNC_TIMEOUT_MS, timed } from "./run";
