// Drop-downs a host could not add (ExcelApi 1.7 has no Range.dataValidation): remembered in the
// document's settings, and added the next time the workbook is opened in an Excel that can.
import { parseAddress, blockAddress } from "./a1";
import { capabilities, REQUIRED_SET, type OfficeHost } from "./capabilities";
import { hostErrorCode } from "./errors";
import { Batcher, type ExcelRun } from "./run";

const KEY = "shuangsuiji.deferredValidations";

/** In-cell lists still to add: on `sheet`, over `ranges`, offering `list`. */
export interface DeferredValidation {
  sheet: string;
  ranges: string[];
  list: string[];
}

export function loadDeferred(office: OfficeHost | null): DeferredValidation[] {
  const v = office?.settings?.get(KEY);
  if (!Array.isArray(v)) return [];
  return v.filter(
    (d): d is DeferredValidation => typeof d?.sheet === "string" && Array.isArray(d.ranges) && Array.isArray(d.list),
  );
}

/** Saves the list in the document's settings; resolves false (never throws) when the host refuses. */
export function saveDeferred(office: OfficeHost | null, list: DeferredValidation[]): Promise<boolean> {
  const settings = office?.settings;
  if (!settings) return Promise.resolve(false);
  if (list.length > 0) settings.set(KEY, list);
  else if (settings.remove) settings.remove(KEY);
  else settings.set(KEY, []);
  return new Promise((resolve) => {
    try {
      settings.saveAsync((r) => resolve(r.status !== "failed"));
    } catch {
      resolve(false);
    }
  });
}

/** The entries after rows `rows` (1-based, as read) were deleted from `sheet`: ranges below move up, deleted rows drop out. */
export function shiftDeferred(list: DeferredValidation[], sheet: string, rows: number[]): DeferredValidation[] {
  const deleted = [...new Set(rows)].sort((a, b) => a - b);
  if (deleted.length === 0) return list;
  const fold = sheet.toLowerCase();
  return list
    .map((d) => {
      if (d.sheet.toLowerCase() !== fold) return d;
      const ranges = d.ranges.flatMap((a) => {
        const b = parseAddress(a);
        const out: string[] = [];
        let start = -1;
        let moved = 0;
        // walk the block's rows, keeping runs of rows that survive, each moved up by the deletions above it
        for (let r = 1; r <= b.rowCount + 1; r++) {
          const row = b.row + r; // 1-based sheet row
          const gone = r <= b.rowCount && deleted.includes(row);
          if (r <= b.rowCount && !gone && start < 0) {
            start = row;
            moved = deleted.filter((x) => x < row).length;
          }
          if ((gone || r > b.rowCount) && start >= 0) {
            out.push(blockAddress(start - 1 - moved, b.column, row - start, b.columnCount));
            start = -1;
          }
        }
        return out;
      });
      return { ...d, ranges };
    })
    .filter((d) => d.ranges.length > 0);
}

/** Removes the entries of sheets rewritten whole (their new content carries its own drop-downs). */
export function dropDeferred(list: DeferredValidation[], sheets: string[]): DeferredValidation[] {
  const gone = new Set(sheets.map((s) => s.toLowerCase()));
  return list.filter((d) => !gone.has(d.sheet.toLowerCase()));
}

const PROTECT_OPTIONS_KEYS = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
  "selectionMode",
] as const;

/** The options to protect a sheet again as it was (the loaded object also carries Office.js internals). */
export function protectionOptions(o: Excel.WorksheetProtectionOptions | undefined): Excel.WorksheetProtectionOptions {
  const out: Record<string, unknown> = {};
  for (const k of PROTECT_OPTIONS_KEYS) if (o && o[k] !== undefined) out[k] = o[k];
  return out as Excel.WorksheetProtectionOptions;
}

/**
 * Adds the remembered drop-downs on a host with ExcelApi 1.8 (a protected sheet is unprotected
 * and protected again with its options), forgets those added, and says what it did in notes.
 */
export async function completeDeferred(run: ExcelRun, office: OfficeHost | null, password?: string): Promise<string[]> {
  const pending = loadDeferred(office);
  if (pending.length === 0 || !capabilities(office).supports(REQUIRED_SET.validation)) return [];
  const notes: string[] = [];
  const left: DeferredValidation[] = [];
  for (const d of pending) {
    try {
      const added = await run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(d.sheet);
        ws.load("name");
        await context.sync();
        if (ws.isNullObject) return false;
        ws.load("protection/protected,protection/options");
        await context.sync();
        const wasProtected = ws.protection.protected;
        const options = protectionOptions(ws.protection.options);
        if (wasProtected) {
          ws.protection.unprotect(password);
          await context.sync();
        }
        try {
          const batcher = new Batcher(context);
          const rule: Excel.DataValidationRule = { list: { inCellDropDown: true, source: d.list.join(",") } };
          for (const a of d.ranges) {
            await batcher.reserve(1200);
            const r = ws.getRange(a);
            r.dataValidation.clear();
            r.dataValidation.rule = rule;
          }
          if (wasProtected) ws.protection.protect(options, password);
          await batcher.flush();
        } catch (e) {
          // never leave a clerk's protected sheet open: protect it again before reporting
          if (wasProtected) {
            ws.load("protection/protected");
            await context.sync();
            if (!ws.protection.protected) ws.protection.protect(options, password);
            await context.sync();
          }
          throw e;
        }
        return true;
      });
      if (added)
        notes.push(`已为“${d.sheet}”补上 ${d.ranges.length} 处下拉列表（上次写入时的 Excel 不支持下拉列表）。`);
    } catch (e) {
      left.push(d);
      const code = hostErrorCode(e);
      notes.push(
        code === "BadPassword" || code === "InvalidPassword" || code === "AccessDenied"
          ? `“${d.sheet}”受保护，未能补上下拉列表：请撤销该工作表的保护后重新打开任务窗格。`
          : `未能为“${d.sheet}”补上下拉列表${code ? `（Excel 错误代码：${code}）` : ""}，下次打开时将再试。`,
      );
    }
  }
  if (!(await saveDeferred(office, left)))
    notes.push("未能把下拉列表的补充情况保存到文档设置中，下次打开时会再检查一次。");
  return notes;
}
