// The clerk's choice of which sheet holds what (items, targets, …), kept in the document's settings
// so that it travels with the workbook.
import type { OfficeHost } from "./capabilities";

const KEY = "shuangsuiji.sheetChoices";

/** 工作表选择: role (e.g. 'targets') → sheet name */
export type SheetChoices = Record<string, string>;

export function loadSheetChoices(office: OfficeHost | null): SheetChoices {
  const v = office?.settings?.get(KEY);
  if (!v || typeof v !== "object") return {};
  const out: SheetChoices = {};
  for (const [k, s] of Object.entries(v as Record<string, unknown>)) if (typeof s === "string") out[k] = s;
  return out;
}

export function saveSheetChoices(office: OfficeHost | null, choices: SheetChoices): Promise<void> {
  const settings = office?.settings;
  if (!settings) return Promise.resolve();
  settings.set(KEY, { ...choices });
  // the host's own message is English or empty: the clerk gets the plain sentence
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) =>
      r.status === "failed"
        ? reject(new Error("工作表选择未能保存到工作簿中（Excel 未能保存文档设置），下次打开时需要重新选择。"))
        : resolve(),
    ),
  );
}
