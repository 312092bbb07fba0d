// Bench: 一企一表 for 5,000 drawn targets × 20 checkpoints: build the forms, render the sheet,
// write it with the ExcelJS adapter (src/workbook/xlsx) to a buffer. Prints figures, asserts
// nothing. Run: npx tsx bench/checklist.ts. bench/run.ts reuses checklistInput().
import { buildForms, renderChecklistSheet } from "../src/core/checklist";
import type { Checkpoint, SelectedTarget, StoredDraw } from "../src/core/model";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import {
  HEALTH,
  INSURANCE,
  MORE_CHECKPOINTS,
  checkpoint,
  inspector,
  makeDraw,
  target,
} from "../test/core/checklist/fixture";

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

/** A stored draw of `n` targets with two-department teams, and 20 checkpoints that all apply. */
export function checklistInput(n = CHECKLIST_TARGETS): { draw: StoredDraw; items: Checkpoint[] } {
  const categories = ["医疗机构", "诊所", "医疗美容机构"];
  const draw: StoredDraw = makeDraw();
  draw.snapshot.targets = Array.from({ length: n }, (_, i) =>
    target(`91130102MA${String(i).padStart(7, "0")}X`, `对象${i}号医疗机构`, categories[i % 3]),
  );
  draw.snapshot.inspectors = [
    ...Array.from({ length: 40 }, (_, i) => inspector(`WJ${i}`, `卫健${i}`, HEALTH)),
    ...Array.from({ length: 40 }, (_, i) => inspector(`YB${i}`, `医保${i}`, INSURANCE)),
  ];
  draw.outcome.selected = draw.snapshot.targets.map((t, i): SelectedTarget => ({
    seq: i + 1,
    uscc: t.uscc,
    stratum: "B",
    leader: `YB${i % 40}`,
    teams: [
      { department: INSURANCE, inspectors: [`YB${i % 40}`, `YB${(i + 1) % 40}`] },
      { department: HEALTH, inspectors: [`WJ${i % 40}`, `WJ${(i + 7) % 40}`] },
    ],
  }));
  // 20 checkpoints apply to every target: 15 + 3 of 卫健 item H1, 2 of 医保 item M1
  draw.snapshot.task.itemIds = ["H1", "M1"];
  const items = [
    ...MORE_CHECKPOINTS,
    ...[1, 2, 3].map((k) => checkpoint("H1", HEALTH, "对医疗机构和医疗行为的监督检查", `第${k}项补充检查要点`)),
    ...[1, 2].map((k) => checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", `是否存在违规收费第${k}项`)),
  ];
  return { draw, items };
}

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
