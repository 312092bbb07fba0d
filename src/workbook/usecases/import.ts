// 导入外部抽取: a drawn list exported by a provincial platform, brought into the workbook as an
// external draw of a task the clerk registered in 抽查任务 — marked 外部抽取 on every sheet, kept
// on a protected list sheet under a digest that the chained log carries, and from then on drawn
// on by the checklists, the papers, 检查结果, publicity and the year view like any draw.
import { issue, type Issue } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { SheetData } from "../../core/sheet";
import { importPlatformList } from "../../core/platform";
import { externalDigest, externalDrawn } from "../../core/draw/external";
import { findDraw, planImport, recordOf, withEntries } from "../../core/draw/register";
import { migrate } from "../../core/draw/legacy";
import type { WorkbookPort } from "../port";
import { chinaTimestamp } from "../cells";
import { EXTERNAL_PREFIX, numberedSheetName, RESULT_PREFIX } from "../names";
import { renderExternalSheet } from "../external-sheet";
import { renderResultSheet } from "../result-sheet";
import { resultPairs, resultRowsAppend } from "../results-sheet";
import { loadBook } from "./load";
import { commit, optionProblems } from "./commit";
import { drawReport, fail, itemsText, logBlocks, voidEffects, type DrawReport, type Outcome } from "./draw";
import { pairKey, resultRowChanges } from "./result-rows";

export interface ImportOptions extends ParseOptions {
  /** the platform's list, as a sheet (of an .xlsx, or a CSV read as one) */
  list: SheetData;
  /** the task in 抽查任务 the list carries out */
  taskId: string;
  /** where the list came from, e.g. 河北省双随机执法监管平台 */
  source?: string;
  /** the draw date, when the list gives none */
  date?: string;
  operator?: string;
  /** reason for voiding the task's live draw */
  voidReason?: string;
  now?: Date;
}

export type ImportReport = DrawReport & { source: string; listSheet: string };

export async function runImport(port: WorkbookPort, options: ImportOptions): Promise<Outcome<ImportReport>> {
  const lang = options.lang ?? "zh";
  const bad = optionProblems(
    { source: options.source, operator: options.operator, "void-previous": options.voidReason },
    lang,
  );
  if (bad.length) return fail(bad);
  const loaded = await loadBook(port, options);
  if (logBlocks(loaded).length) return fail(logBlocks(loaded));
  const { book } = loaded;
  const task = book.tasks.find((t) => t.id === options.taskId);
  if (!task)
    return fail([
      issue(
        "import_task_unknown",
        {},
        { task: options.taskId, known: book.tasks.map((t) => t.id).join("、") || "—" },
        lang,
      ),
    ]);
  const source = options.source?.trim() || "省级双随机监管平台";
  const imported = importPlatformList(options.list, {
    taskId: task.id,
    taskName: task.name,
    date: options.date,
    source,
    registry: book.targets,
    items: book.items,
    inspectors: book.inspectors,
    units: book.units,
    lang,
  });
  // a target the registry does not hold would have no record to inspect against: add it first
  const unknown = (i: Issue) => i.code === "platform_target_unknown";
  const errors = [
    ...imported.issues.filter((i) => i.severity === "error"),
    ...imported.issues
      .filter(unknown)
      .map((i) =>
        issue("import_target_unknown", { sheet: i.sheet, row: i.row, column: i.column, cell: i.cell }, i.params, lang),
      ),
  ];
  const warnings: Issue[] = imported.issues.filter((i) => i.severity !== "error" && !unknown(i));
  if (!imported.draw || errors.length) return fail(errors, warnings);

  const date = imported.draw.date;
  const drawn = externalDrawn(task, imported.draw, book.targets, book.inspectors, date);
  const digest = await externalDigest(drawn.snapshot, drawn.list);
  const listSheet = numberedSheetName(EXTERNAL_PREFIX, task.id, loaded.sheetNames);
  const sheet = numberedSheetName(RESULT_PREFIX, task.id, loaded.sheetNames);
  const base = migrate(loaded.register, lang);
  const plan = planImport(base, {
    taskId: task.id,
    taskName: task.name,
    snapshotSheet: listSheet,
    sheet,
    date,
    digest,
    items: itemsText(task, book.items),
    source,
    time: chinaTimestamp(options.now),
    operator: options.operator?.trim() ?? "",
    voidReason: options.voidReason,
    lang,
  });
  if (!plan.ok) return fail([plan.issue], warnings);
  const mine = findDraw(withEntries(base, plan.entries, lang), listSheet)!;
  const keep = new Set(resultPairs(drawn.outcome).map((p) => pairKey(p.uscc, p.department)));
  const effects = await voidEffects(loaded, plan.entries, keep);
  const added = await resultRowChanges(loaded, task.id, new Set(), "", resultRowsAppend(drawn.snapshot, drawn.outcome));
  const written = await commit(
    port,
    loaded,
    plan.entries,
    {
      create: [
        renderExternalSheet(drawn.snapshot, drawn.list, listSheet),
        renderResultSheet({
          record: recordOf(mine),
          snapshot: drawn.snapshot,
          outcome: drawn.outcome,
          substitutions: [],
        }),
      ],
      replace: effects.replace,
      edit: effects.edit,
      append: added.append,
    },
    { task: task.id, pairs: keep },
  );
  if (!written.ok) return fail(written.errors, warnings);
  return {
    ok: true,
    warnings: [...warnings, ...written.warnings],
    report: {
      ...drawReport(mine, drawn.snapshot, drawn.outcome, [], written.head, []),
      source,
      listSheet,
    },
  };
}
