// 一企一表: the joint checklist of every target of one verified, valid draw, written as one sheet.
import { issue, type Issue, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { StoredDraw } from "../../core/model";
import { buildForms, renderChecklistSheet } from "../../core/checklist";
import type { ProgressReporter, WorkbookPort } from "../port";
import { CHECKLIST_PREFIX, numberedSheetName } from "../names";
import { loadBook, storedOf, type LoadedBook } from "./load";
import { findDraw, statusOf } from "../../core/draw/register";
import { verifyDraws } from "./verify";
import type { Outcome } from "./draw";

export interface ChecklistReport {
  draw: string;
  task: string;
  sheet: string;
  forms: number;
  /** rows of the written sheet */
  rows: number;
}

/**
 * The 有效 draw of the result sheet `sheet`, as it stands (substitutes in), after verifying it: a
 * draw that does not verify, or that is not 有效, is refused with the reason.
 */
export async function verifiedDraw(
  port: WorkbookPort,
  loaded: LoadedBook,
  sheet: string,
  options: { lang?: Lang } & ParseOptions,
): Promise<{ ok: true; draw: StoredDraw } | { ok: false; errors: Issue[] }> {
  const lang = options.lang ?? "zh";
  const d = findDraw(loaded.register, sheet);
  if (!d || !d.draw) {
    const known = loaded.register.draws.filter((x) => x.draw).map((x) => x.draw!.entry.sheet);
    return { ok: false, errors: [issue("draw_unknown", {}, { sheet, known: known.join("、") || "—" }, lang)] };
  }
  const status = statusOf(d);
  if (status !== "有效")
    return { ok: false, errors: [issue("draw_not_valid", {}, { sheet, status: status ?? "—" }, lang)] };
  const report = await verifyDraws(port, { ...options, sheet, loaded });
  const mine = report.draws.find((x) => x.sheet === d.draw!.entry.sheet);
  if (!mine || !mine.ok) {
    const first = mine?.mismatches[0];
    return {
      ok: false,
      errors: [
        issue(
          "draw_not_verified",
          {},
          {
            sheet,
            count: mine?.mismatches.length ?? 1,
            first: first ? `${first.sheet}!${first.cell} ${first.message}` : "—",
          },
          lang,
        ),
      ],
    };
  }
  const r = await loaded.replayed(d);
  if (!r.ok) return { ok: false, errors: [issue("draw_not_verified", {}, { sheet, count: 1, first: d.key }, lang)] };
  return { ok: true, draw: storedOf(r) };
}

/** Writes `一企一表-<task>-<n>`: one form per drawn target, page breaks between them. */
export async function runChecklists(
  port: WorkbookPort,
  options: { draw: string; progress?: ProgressReporter } & { lang?: Lang } & ParseOptions,
): Promise<Outcome<ChecklistReport>> {
  const loaded = await loadBook(port, options);
  const found = await verifiedDraw(port, loaded, options.draw, options);
  if (!found.ok) return { ok: false, errors: found.errors, warnings: [] };
  const { draw } = found;
  const forms = buildForms(draw, loaded.book.items);
  const sheet = numberedSheetName(CHECKLIST_PREFIX, draw.record.taskId, loaded.sheetNames);
  const spec = renderChecklistSheet(forms, sheet);
  await port.write({ create: [spec], replace: [], append: [] }, options.progress);
  return {
    ok: true,
    warnings: [],
    report: { draw: draw.record.sheet, task: draw.record.taskId, sheet, forms: forms.length, rows: spec.rows.length },
  };
}
