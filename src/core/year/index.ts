// The year's work: the year view against the plan and the yearly share, before-a-draw figures,
// the 抽查年度统计 sheet and the half-year and year reports.
export * from "./input";
export * from "./figure";
export * from "./plan";
export * from "./view";
export * from "./json";
export * from "./before-draw";
export * from "./sheets";
export * from "./report";
export * from "./from-draw";
