// The clerk's choice of which sheet holds what (items, targets, …), kept in the workbook as hidden
// defined names (ssj_items = "抽查事项清单"), so that it travels with the file as it does in Excel.
import type { EtWorkbook } from "./et";

const PREFIX = "ssj_";

/** 工作表选择: role (e.g. 'targets') → sheet name */
export type SheetChoices = Record<string, string>;

/** '="抽查""清单"' → '抽查"清单' (a text constant as a name refers to it), or null. */
function constant(refersTo: string): string | null {
  const m = /^="((?:[^"]|"")*)"$/.exec(refersTo);
  return m ? m[1].replace(/""/g, '"') : null;
}

export function loadSheetChoices(wb: EtWorkbook): SheetChoices {
  const out: SheetChoices = {};
  const names = wb.Names;
  for (let i = 1; i <= names.Count; i++) {
    const n = names.Item(i);
    const name = n.Name.replace(/^.*!/, "");
    if (!name.toLowerCase().startsWith(PREFIX)) continue;
    const sheet = constant(n.RefersTo);
    if (sheet) out[name.slice(PREFIX.length)] = sheet;
  }
  return out;
}

export function saveSheetChoices(wb: EtWorkbook, choices: SheetChoices): void {
  const names = wb.Names;
  for (let i = names.Count; i >= 1; i--) {
    const n = names.Item(i);
    if (n.Name.replace(/^.*!/, "").toLowerCase().startsWith(PREFIX)) n.Delete();
  }
  for (const [role, sheet] of Object.entries(choices))
    if (/^[a-z]+$/.test(role) && sheet) names.Add(`${PREFIX}${role}`, `="${sheet.replace(/"/g, '""')}"`, false);
}
