// DRP-1, one function per step; see docs/draw-protocol.md.
export { eligibility, exclusionReason, drawnThisYear, type Eligibility } from "./eligibility";
export { makeSnapshot, taskSpecialties } from "./snapshot";
export { strata, allocate, stratumOf, ratioCount, bandRatio } from "./allocate";
export { select, type Selection } from "./select";
export { assignTeams, assignTeamsNaive, departmentOrder, TEAM_RULES, type Team, type TeamRule } from "./teams";
export { draw, PROTOCOL, type DrawResult } from "./draw";
export { canonicalSnapshot, snapshotDigest } from "./canonical";
export { generateSeed, seedProblem, uniform, makeRng } from "./random";
export { byteOrder, sortedBy } from "./order";
export { daysBetween } from "./dates";
export * from "./register";
export {
  chainHead,
  checkChain,
  canonicalEntry,
  entryHash,
  GENESIS,
  LOG_FIELDS,
  EVENT_LABELS,
  type LogEntry,
  type LogField,
} from "./chain";
export {
  substitute,
  initialDraw,
  nextReserve,
  unusedReserves,
  type Substitution,
  type CurrentDraw,
} from "./substitute";
export { seedRefusal, seedHex, codePointLabel, type SeedRefusal } from "./seed";
export { legacyRegister, migrate } from "./legacy";
