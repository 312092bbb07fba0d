// Voiding a draw and bringing in a reserve (DRP-1 §9): each an event of the chained log, made from
// the draw's snapshot, with what the event does to the result sheet, 检查结果 and 一企一表.
import {
  findDraw,
  isExternal,
  planSubstitution,
  planVoid,
  statusOf,
  withEntries,
  recordOf,
} from "../../core/draw/register";
import { migrate } from "../../core/draw/legacy";
import { substitute } from "../../core/draw/substitute";
import { issue, translate, type Issue, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import { buildForms, renderChecklistSheet } from "../../core/checklist";
import type { WorkbookPort } from "../port";
import { chinaTimestamp } from "../cells";
import { CHECKLIST_PREFIX, numberedSheetName } from "../names";
import { RESULT_STATE_HEADER, resultPairs, resultRowsAppend, stateReplaced } from "../results-sheet";
import { cellText } from "../cells";
import { loadBook, storedOf, type LoadedBook } from "./load";
import { commit, optionProblems, renderDrawSheet } from "./commit";
import { drawReport, fail, logBlocks, voidEffects, type DrawReport, type Outcome } from "./draw";
import { pairKey, resultRowChanges } from "./result-rows";
import { verifyDraws } from "./verify";

export interface VoidOptions extends ParseOptions {
  /** the result sheet of the draw, or the snapshot sheet of a freeze awaiting its seed */
  draw: string;
  reason: string;
  operator?: string;
  now?: Date;
}

export interface VoidReport {
  task: string;
  sheet: string;
  snapshotSheet: string;
  reason: string;
  timestamp: string;
  operator: string;
  /** 检查结果 rows removed (nothing typed in them) and kept but marked 已作废 */
  resultRowsRemoved: number;
  resultRowsMarked: number;
  chain: string;
}

/** The draw named by a result or snapshot sheet, or the issue naming the draws there are. */
function named(loaded: LoadedBook, sheet: string, lang: Lang) {
  const d = findDraw(loaded.register, sheet);
  if (d) return { ok: true as const, draw: d };
  const known = loaded.register.draws.map((x) => x.draw?.entry.sheet || x.key);
  return { ok: false as const, issue: issue("draw_unknown", {}, { sheet, known: known.join("、") || "—" }, lang) };
}

/** A draw that does not verify is neither extended nor voided: its record could be bent already. */
async function unverified(port: WorkbookPort, loaded: LoadedBook, sheet: string, lang: Lang): Promise<Issue | null> {
  const report = await verifyDraws(port, { sheet, lang, loaded });
  const mine = report.draws.find((d) => d.sheet === sheet || d.snapshotSheet === sheet);
  if (mine?.ok) return null;
  const first = mine?.mismatches[0];
  return issue(
    "draw_not_verified",
    {},
    {
      sheet,
      count: mine?.mismatches.length ?? 1,
      first: first ? `${first.sheet}!${first.cell} ${first.message}` : "—",
    },
    lang,
  );
}

/** 作废: voids a draw (or a freeze awaiting its seed) without redrawing. */
export async function runVoid(port: WorkbookPort, options: VoidOptions): Promise<Outcome<VoidReport>> {
  const lang = options.lang ?? "zh";
  const bad = optionProblems({ reason: options.reason, operator: options.operator }, lang);
  if (bad.length) return fail(bad);
  if (options.reason.trim() === "") return fail([issue("void_reason_required", {}, {}, lang)]);
  const loaded = await loadBook(port, options);
  if (logBlocks(loaded).length) return fail(logBlocks(loaded));
  const found = named(loaded, options.draw, lang);
  if (!found.ok) return fail([found.issue]);
  const d = found.draw;
  const base = migrate(loaded.register, lang);
  const time = chinaTimestamp(options.now);
  const operator = options.operator?.trim() ?? "";
  const plan = planVoid(base, findDraw(base, d.key)!, options.reason, { time, operator }, lang);
  if (!plan.ok) return fail([plan.issue]);
  const effects = await voidEffects(loaded, plan.entries);
  const removed = effects.edit?.reduce((n, e) => n + (e.deleteRows?.length ?? 0), 0) ?? 0;
  const marked =
    effects.edit?.reduce((n, e) => n + (e.cells?.filter((c) => c.value !== RESULT_STATE_HEADER).length ?? 0), 0) ?? 0;
  const written = await commit(port, loaded, plan.entries, effects, { task: d.taskId, pairs: new Set() });
  if (!written.ok) return fail(written.errors);
  return {
    ok: true,
    warnings: written.warnings,
    report: {
      task: d.taskId,
      sheet: d.draw?.entry.sheet ?? "",
      snapshotSheet: d.key,
      reason: options.reason.trim(),
      timestamp: time,
      operator,
      resultRowsRemoved: removed,
      resultRowsMarked: marked,
      chain: written.head,
    },
  };
}

export interface SubstituteOptions extends ParseOptions {
  /** the result sheet of a 有效 draw */
  draw: string;
  /** the USCC of the current target to replace */
  target: string;
  reason: string;
  operator?: string;
  now?: Date;
}

/** 替补: the draw as it now stands (cli.md: the shape of `draw --json` plus `substitutions`). */
export type SubstituteReport = DrawReport & {
  /** the 一企一表 sheet written for the substitute, when the draw has checklists ('' otherwise) */
  checklistSheet: string;
};

/** Replaces a drawn target by the next unused reserve of its stratum (DRP-1 §9). */
export async function runSubstitute(
  port: WorkbookPort,
  options: SubstituteOptions,
): Promise<Outcome<SubstituteReport>> {
  const lang = options.lang ?? "zh";
  const bad = optionProblems({ reason: options.reason, operator: options.operator }, lang);
  if (bad.length) return fail(bad);
  const target = options.target.trim();
  const loaded = await loadBook(port, options);
  if (logBlocks(loaded).length) return fail(logBlocks(loaded));
  const found = named(loaded, options.draw, lang);
  if (!found.ok) return fail([found.issue]);
  const d = found.draw;
  if (statusOf(d) !== "有效")
    return fail([issue("draw_not_valid", {}, { sheet: options.draw, status: statusOf(d) ?? "—" }, lang)]);
  if (isExternal(d)) return fail([issue("draw_external", {}, { sheet: options.draw }, lang)]);
  if (options.reason.trim() === "") return fail([issue("substitute_reason_empty", {}, {}, lang)]);
  const refused = await unverified(port, loaded, d.draw!.entry.sheet, lang);
  if (refused) return fail([refused]);
  const r = await loaded.replayed(d);
  if (!r.ok) return fail(r.issue ? [r.issue] : []);
  const seed = d.draw!.entry.seed;
  const made = substitute(
    r.snapshot,
    seed,
    { outcome: r.replay.outcome, substitutions: r.replay.substitutions },
    target,
  );
  if (!made.ok) return fail(translate([made.issue], lang));
  const placed = made.draw.outcome.selected.find((s) => s.seq === made.substitution.seq)!;
  const base = migrate(loaded.register, lang);
  const time = chinaTimestamp(options.now);
  const operator = options.operator?.trim() ?? "";
  const plan = planSubstitution(
    base,
    findDraw(base, d.key)!,
    { substitution: made.substitution, teams: placed.teams },
    options.reason,
    { time, operator },
    lang,
  );
  if (!plan.ok) return fail([plan.issue]);
  const after = findDraw(withEntries(base, plan.entries, lang), d.key)!;
  const substitutions = [
    ...r.replay.substitutions,
    { ...made.substitution, reason: options.reason.trim(), time, operator },
  ];
  const replay = { outcome: made.draw.outcome, substitutions, warnings: r.replay.warnings };

  // 检查结果: the replaced target's rows leave, the substitute's come
  const replacedPlace = r.replay.outcome.selected.find((s) => s.uscc === target)!;
  const retire = new Set(
    resultPairs({ ...r.replay.outcome, selected: [replacedPlace] }).map((p) => pairKey(p.uscc, p.department)),
  );
  const rows = resultRowsAppend(r.snapshot, { ...made.draw.outcome, selected: [placed] });
  const changes = await resultRowChanges(loaded, d.taskId, retire, stateReplaced(made.substitution.n), rows);

  // 一企一表: when the draw has a checklist sheet, the substitute gets its form on a sheet of its own
  const sheet = d.draw!.entry.sheet;
  let hasChecklists = false;
  for (const name of loaded.sheetNames.filter((n) => n.startsWith(CHECKLIST_PREFIX))) {
    const s = await loaded.sheet(name);
    if (s && cellText(s.rows[0]?.[0] ?? null).includes(`抽取结果表 ${sheet}｜`)) hasChecklists = true;
  }
  const stored = storedOf({ ...r, record: recordOf(after), replay });
  const forms = hasChecklists ? buildForms(stored, loaded.book.items).filter((f) => f.target.uscc === placed.uscc) : [];
  const checklistSheet = forms.length ? numberedSheetName(CHECKLIST_PREFIX, d.taskId, loaded.sheetNames) : "";

  const written = await commit(
    port,
    loaded,
    plan.entries,
    {
      create: forms.length ? [renderChecklistSheet(forms, checklistSheet)] : [],
      replace: [renderDrawSheet(after, r.snapshot, replay)],
      edit: changes.edit,
      append: changes.append,
    },
    { task: d.taskId, pairs: new Set(resultPairs(made.draw.outcome).map((p) => pairKey(p.uscc, p.department))) },
  );
  if (!written.ok) return fail(written.errors);
  const list = substitutions.map((s) => ({
    n: s.n,
    replaced: s.replaced,
    substitute: s.substitute,
    stratum: s.stratum,
    rank: s.rank,
    reason: s.reason,
  }));
  return {
    ok: true,
    warnings: written.warnings,
    report: { ...drawReport(after, r.snapshot, made.draw.outcome, list, written.head, []), checklistSheet },
  };
}

/** A draw as it stands now (substitutes in), for the pane's list of targets and its actions. */
export async function describeDraw(
  port: WorkbookPort,
  options: { draw: string } & ParseOptions,
): Promise<Outcome<DrawReport & { status: string; reason: string }>> {
  const lang = options.lang ?? "zh";
  const loaded = await loadBook(port, options);
  const found = named(loaded, options.draw, lang);
  if (!found.ok) return fail([found.issue]);
  const d = found.draw;
  if (!d.draw) return fail([issue("draw_not_made", {}, { sheet: d.key }, lang)]);
  const r = await loaded.replayed(d);
  if (!r.ok) return fail(r.issue ? [r.issue] : [issue("snapshot_unreadable", {}, { sheet: d.key, detail: "—" }, lang)]);
  const subs = r.replay.substitutions.map((s) => ({
    n: s.n,
    replaced: s.replaced,
    substitute: s.substitute,
    stratum: s.stratum,
    rank: s.rank,
    reason: s.reason,
  }));
  return {
    ok: true,
    warnings: [],
    report: {
      ...drawReport(d, r.snapshot, r.replay.outcome, subs, loaded.register.head, []),
      status: statusOf(d) ?? "待抽取",
      reason: d.voided?.entry.reason ?? "",
    },
  };
}
