import { readFileSync } from "node:fs";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { parseBook } from "../src/core/schema";
const gc = (globalThis as any).gc as () => void;
const mb = () => { gc(); gc(); return (process.memoryUsage().heapUsed / 1e6).toFixed(0) + "MB heap, rss " + (process.memoryUsage().rss / 1e6).toFixed(0); };
(async () => {
  const bytes = readFileSync(process.argv[2]);
  console.log("start", mb());
  const a = await XlsxWorkbook.open(bytes);
  const sheets = [];
  for (const n of await a.sheetNames()) sheets.push(await a.readSheet(n));
  console.log("sheets read", mb());
  const book = parseBook(sheets, {});
  console.log("parsed (sheets kept)", mb(), book.targets.length);
  sheets.length = 0;
  console.log("parsed (sheets dropped)", mb());
  (globalThis as any).keep = book;
})();
