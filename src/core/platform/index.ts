// The provincial platform and the national publicity system: a platform's drawn list in as an
// external draw (外部抽取), the results out in the national system's fields (.xlsx sheet and CSV).
export * from "./csv";
export * from "./columns";
export * from "./import";
export * from "./export";
