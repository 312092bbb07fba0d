// Bench cases of the papers (registered in bench/run.ts): the 一企一表 of 5,000 drawn targets and
// their 检查通知书, each written by the ExcelJS adapter (styles, merges, row heights, protection,
// page setup) beside a plain ExcelJS write of the same cell values in the same run (issue 12.4:
// within 1.5×). Each side builds the sheet first, untimed, then times the write to a buffer.
import type { SheetSpec } from "../src/core/sheet";
// a type only: run.ts imports this file
import type { Case as BenchCase } from "./run";

const TARGETS = 5000;
const REPS = 1;

async function median(f: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) times.push(await f());
  times.sort((a, b) => a - b);
  return times[Math.floor((times.length - 1) / 2)];
}

/** The ExcelJS adapter: a workbook held in ExcelJS (XlsxWorkbook.empty()), write + toBuffer; its new sheets go through the package writer. */
async function adapterWrite(spec: SheetSpec): Promise<{ writeMs: number; xlsxBytes: number }> {
  const { XlsxWorkbook } = await import("../src/workbook/xlsx");
  let bytes = 0;
  const writeMs = await median(async () => {
    const book = XlsxWorkbook.empty();
    const t0 = performance.now();
    await book.write({ create: [spec], replace: [], append: [] });
    bytes = (await book.toBuffer()).length;
    return performance.now() - t0;
  });
  return { writeMs, xlsxBytes: bytes };
}

/**
 * The package writer (XlsxWorkbook.open, then write + toBuffer): the path of `shuangsuiji
 * checklists` and of the pane's file mode, which open the clerk's workbook; here the sample.
 */
async function packageWrite(spec: SheetSpec): Promise<{ packageWriteMs: number; packageBytes: number }> {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { XlsxWorkbook } = await import("../src/workbook/xlsx");
  const sample = readFileSync(join(__dirname, "..", "assets", "sample-新华区-2026.xlsx"));
  let bytes = 0;
  const packageWriteMs = await median(async () => {
    const book = await XlsxWorkbook.open(sample);
    const t0 = performance.now();
    await book.write({ create: [spec], replace: [], append: [] });
    bytes = (await book.toBuffer()).length;
    return performance.now() - t0;
  });
  return { packageWriteMs, packageBytes: bytes };
}

/** The baseline: a new ExcelJS workbook, the spec's non-empty values set cell by cell, writeBuffer. */
async function plainWrite(spec: SheetSpec): Promise<{ writeMs: number; xlsxBytes: number }> {
  const ExcelJS = (await import("exceljs")).default;
  let bytes = 0;
  const writeMs = await median(async () => {
    const t0 = performance.now();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = v;
      });
    });
    bytes = ((await wb.xlsx.writeBuffer()) as ArrayBuffer).byteLength;
    return performance.now() - t0;
  });
  return { writeMs, xlsxBytes: bytes };
}

function figuresOf(spec: SheetSpec, renderMs: number) {
  return {
    renderMs,
    rows: spec.rows.length,
    styles: spec.styles?.length ?? 0,
    merges: spec.merges?.length ?? 0,
  };
}

async function checklistSheet() {
  const { checklistInput } = await import("../test/core/checklist/fixture");
  const { buildForms, renderChecklistSheet } = await import("../src/core/checklist");
  const { draw, items } = checklistInput(TARGETS);
  const t0 = performance.now();
  const spec = renderChecklistSheet(buildForms(draw, items), "一企一表-T2026-01-1");
  return { spec, renderMs: performance.now() - t0 };
}

async function noticeSheet() {
  const { checklistInput } = await import("../test/core/checklist/fixture");
  const { renderNotices } = await import("../src/core/papers");
  const { UNITS } = await import("../test/core/papers/fixture");
  const { draw, items } = checklistInput(TARGETS);
  const t0 = performance.now();
  const spec = renderNotices({ draw, items, units: UNITS }, "检查通知书-T2026-01-1");
  return { spec, renderMs: performance.now() - t0 };
}

const rows: BenchCase["rows"] = [
  { label: "render the sheet (core)", unit: "ms", key: "renderMs", baselineValue: NaN, note: "no baseline" },
  {
    label: "write .xlsx to a buffer",
    unit: "ms",
    key: "writeMs",
    note: REPS > 1 ? `median of ${REPS}; goal within 1.5×` : "goal within 1.5×",
  },
  {
    label: "  by the package writer",
    unit: "ms",
    key: "packageWriteMs",
    baselineKey: "writeMs",
    note: "into the sample workbook: the checklists command and file mode",
  },
  { label: "styled ranges in the spec", unit: "count", key: "styles", baselineValue: NaN },
  { label: ".xlsx size", unit: "bytes", key: "xlsxBytes" },
  { label: "peak RSS", unit: "MB", key: "peakRss", note: "both build the sheet first" },
];

export const PAPER_CASES: BenchCase[] = [
  {
    name: "checklists-write",
    subject: `一企一表 of ${TARGETS.toLocaleString("en")} targets × 20 checkpoints written by the ExcelJS adapter`,
    baseline: "a plain ExcelJS write of the same cell values (no styles, merges, heights, protection or page setup)",
    run: {
      subject: async () => {
        const { spec, renderMs } = await checklistSheet();
        return { ...figuresOf(spec, renderMs), ...(await adapterWrite(spec)), ...(await packageWrite(spec)) };
      },
      baseline: async () => {
        const { spec, renderMs } = await checklistSheet();
        return { ...figuresOf(spec, renderMs), ...(await plainWrite(spec)) };
      },
    },
    rows,
  },
  {
    name: "papers-write",
    subject: `检查通知书 of ${TARGETS.toLocaleString("en")} targets written by the ExcelJS adapter`,
    baseline: "a plain ExcelJS write of the same cell values",
    run: {
      subject: async () => {
        const { spec, renderMs } = await noticeSheet();
        return { ...figuresOf(spec, renderMs), ...(await adapterWrite(spec)) };
      },
      baseline: async () => {
        const { spec, renderMs } = await noticeSheet();
        return { ...figuresOf(spec, renderMs), ...(await plainWrite(spec)) };
      },
    },
    rows,
  },
];
