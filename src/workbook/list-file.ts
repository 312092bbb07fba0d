// A platform's drawn list file as a sheet, for the import: a CSV in UTF-8 (its BOM dropped) or a
// sheet of an .xlsx (the first, or the one named). The command line and the pane both read it here.
import { issue, type Issue, type Lang } from "../core/issues/issue";
import type { SheetData } from "../core/sheet";
import { csvSheet } from "../core/platform/csv";

export async function readListFile(
  file: { name: string; bytes: Uint8Array },
  sheet: string | undefined,
  lang: Lang,
): Promise<SheetData | Issue> {
  if (/\.csv$/i.test(file.name)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      return issue("import_csv_encoding", {}, { file: file.name }, lang);
    }
    return csvSheet(text.replace(/^\uFEFF/, ""), file.name);
  }
  // ExcelJS only when an .xlsx list is imported (inside Excel the pane has no need of it otherwise)
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ "./xlsx");
  const book = await XlsxWorkbook.open(file.bytes);
  const names = await book.sheetNames();
  const name = sheet ?? names[0];
  if (!name || !names.includes(name))
    return issue("draw_unknown", {}, { sheet: sheet ?? "", known: names.join("、") || "—" }, lang);
  return book.readSheet(name);
}
