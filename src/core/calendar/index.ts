export * from "./dates";
export * from "./calendar";
export { statutoryHolidays, LUNAR_DATES } from "./statutory";
export { LIBRARY_YEARS, CHINESE_DAYS_VERSION } from "./data";
export { provisionalYearIssues } from "./issues";
