export * from "./columns";
export * from "./validate";
export * from "./deadlines";
export * from "./build";
export * from "./statistics";
export * from "./sheets";
