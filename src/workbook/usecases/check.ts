// Check: validates every known sheet and returns the issues, errors apart from warnings.
import type { Issue } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { WorkbookPort } from "../port";
import { loadBook } from "./load";

export interface CheckReport {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** which sheet was taken for each kind ('' when absent) */
  sheets: Record<string, string | null>;
  counts: {
    items: number;
    targets: number;
    inspectors: number;
    tasks: number;
    holidays: number;
    units: number;
    plans: number;
  };
  tasks: { id: string; name: string }[];
}

export async function checkBook(port: WorkbookPort, options: ParseOptions = {}): Promise<CheckReport> {
  const { book } = await loadBook(port, options);
  return {
    ok: book.errors.length === 0,
    errors: book.errors,
    warnings: book.warnings,
    sheets: book.sheets,
    counts: {
      items: book.items.length,
      targets: book.targets.length,
      inspectors: book.inspectors.length,
      tasks: book.tasks.length,
      holidays: book.holidays.length,
      units: book.units.length,
      plans: book.plans.length,
    },
    tasks: book.tasks.map((t) => ({ id: t.id, name: t.name })),
  };
}
