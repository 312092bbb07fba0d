// The use-cases every front end calls (command line, task pane in Excel, browser file mode).
export * from "./check";
export * from "./draw";
export * from "./verify";
export { loadBook, storedOf, type LoadedBook } from "./load";
export * from "./lifecycle";
export * from "./checklists";
export * from "./publicity";
export * from "./list";
export * from "./year";
export * from "./papers";
export * from "./import";
export * from "./task-errors";
