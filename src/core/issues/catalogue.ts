// The one catalogue of issue codes and their texts, gathered from each capability's part.
// Codes are stable snake_case: once published they are never renamed.
import { schemaMessages } from "./messages-schema";
import { drawMessages } from "./messages-draw";
import { resultMessages } from "./messages-results";
import { workflowMessages } from "./messages-workflow";
import { registerMessages } from "./messages-register";
import { yearMessages } from "./messages-year";
import { wpsMessages } from "./messages-wps";
import { fileMessages } from "./messages-files";
import { paperMessages } from "./messages-papers";

export interface CatalogueEntry {
  severity: "error" | "warning";
  /** Chinese text with {param} placeholders: which value, what was expected, how to fix it */
  zh: string;
  en: string;
}

/** The parts, one a capability; a code may stand in one part only. */
export const CATALOGUE_PARTS = [
  schemaMessages,
  drawMessages,
  resultMessages,
  workflowMessages,
  registerMessages,
  yearMessages,
  wpsMessages,
  fileMessages,
  paperMessages,
] as const;

const all = {
  ...schemaMessages,
  ...drawMessages,
  ...resultMessages,
  ...workflowMessages,
  ...registerMessages,
  ...yearMessages,
  ...wpsMessages,
  ...fileMessages,
  ...paperMessages,
};
export type IssueCode = keyof typeof all;
export const catalogue: Record<IssueCode, CatalogueEntry> = all;
