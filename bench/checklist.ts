// Bench: 一企一表 for 5,000 drawn targets × 20 checkpoints: build the forms, render the sheet,
// write it with the ExcelJS adapter (src/workbook/xlsx) to a buffer. Prints figures, asserts
// nothing. Run: npx tsx bench/checklist.ts. bench/run.ts reuses checklistInput().
import { buildForms, renderChecklistSheet } from "../src/core/checklist";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { checklistInput as bigChecklistInput } from "../test/core/checklist/fixture";

const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;

export const CHECKLIST_TARGETS = 5000;
export const CHECKLIST_SHEET = "一企一表-T2026-01-1";

async function timed<T>(label: string, f: () => T | Promise<T>): Promise<T> {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const out = await f();
  const ms = performance.now() - t0;
  const heap1 = process.memoryUsage().heapUsed;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   heap Δ ${mb(heap1 - heap0).padStart(9)}   rss ${mb(process.memoryUsage().rss)}`,
  );
  return out;
}

/** The bench's input: 5,000 targets × 20 checkpoints (see test/core/checklist/fixture.ts). */
export const checklistInput = (n = CHECKLIST_TARGETS) => bigChecklistInput(n);

export async function main(): Promise<void> {
  const { draw, items } = checklistInput();
  console.log(`一企一表: ${draw.outcome.selected.length} targets × ${items.length} checkpoints`);
  const forms = await timed("buildForms", () => buildForms(draw, items));
  const spec = await timed("renderChecklistSheet", () => renderChecklistSheet(forms, CHECKLIST_SHEET));
  console.log(
    `  ${spec.rows.length} rows, ${spec.merges!.length} merges, ${spec.styles!.length} styles, ` +
      `${spec.unlocked!.length} unlocked ranges, ${spec.page!.rowBreaks!.length} breaks`,
  );
  const book = XlsxWorkbook.empty();
  await timed("XlsxWorkbook.write", () => book.write({ create: [spec], replace: [], append: [] }));
  const buffer = await timed("XlsxWorkbook.toBuffer", () => book.toBuffer());
  console.log(`  .xlsx ${mb(buffer.length)}`);
  console.log(`peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

if (require.main === module) void main();
