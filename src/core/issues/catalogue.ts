// The one catalogue of issue codes and their texts, gathered from each capability's part.
// Codes are stable snake_case: once published they are never renamed.
import { schemaMessages } from "./messages-schema";
import { drawMessages } from "./messages-draw";
import { resultMessages } from "./messages-results";
import { workflowMessages } from "./messages-workflow";
import { paperMessages } from "./messages-papers";

export interface CatalogueEntry {
  severity: "error" | "warning";
  /** Chinese text with {param} placeholders: which value, what was expected, how to fix it */
  zh: string;
  en: string;
}

const all = { ...schemaMessages, ...drawMessages, ...resultMessages, ...workflowMessages, ...paperMessages };
export type IssueCode = keyof typeof all;
export const catalogue: Record<IssueCode, CatalogueEntry> = all;
