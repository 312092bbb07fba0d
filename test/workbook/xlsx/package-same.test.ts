// The package writer (XlsxWorkbook.open) writes what ExcelJS's renderer (XlsxWorkbook.fromBuffer, keepModel)
// writes: the sample drawn, its 一企一表 and its publicity tables, through the same use-cases, give
// the same sheets with the same cells, values, types and styles, merges, column widths and
// styles, row heights, frozen panes, protection, drop-downs, page setup, row breaks, print
// titles, tab colours and tables, both files read back by the same reader. And the parts of the
// input package that no sheet of the batch touches are kept byte for byte.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { runChecklists, runDraw, runPublicity } from "../../../src/workbook/usecases";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { readZip } from "../../../src/workbook/xlsx/zip";

const SAMPLE = readFileSync(join(__dirname, "..", "..", "..", "assets", "sample-新华区-2026.xlsx"));
const TASK = "XH-2026-03";
const NOW = new Date("2026-04-01T02:00:00Z");

type Open = (bytes: Uint8Array) => Promise<XlsxWorkbook>;

/** Draw, checklists and publicity on the sample, each step saved and opened again. */
async function flow(open: Open): Promise<{ drawn: Uint8Array; forms: Uint8Array; published: Uint8Array }> {
  let book = await open(SAMPLE);
  const d = await runDraw(book, { taskId: TASK, seed: "527", date: "2026-04-01", operator: "张三", now: NOW });
  if (!d.ok) throw new Error(d.errors.map((e) => e.message).join("; "));
  const drawn = await book.toBuffer();
  book = await open(drawn);
  const c = await runChecklists(book, { draw: d.report.sheet });
  if (!c.ok) throw new Error(c.errors.map((e) => e.message).join("; "));
  const forms = await book.toBuffer();
  book = await open(forms);
  const p = await runPublicity(book, { taskId: TASK, today: "2026-07-01", now: NOW });
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join("; "));
  // a second draw of the task appends to 检查结果 and rewrites the log
  const again = await runDraw(book, {
    taskId: TASK,
    seed: "528",
    date: "2026-04-02",
    voidReason: "重抽",
    now: NOW,
  });
  if (!again.ok) throw new Error(again.errors.map((e) => e.message).join("; "));
  return { drawn, forms, published: await book.toBuffer() };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));

/** Everything about a worksheet that a clerk sees or prints, as plain data. */
function describe_(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = plain(cell.style);
      const value = plain(cell.value);
      if (value === null && Object.keys(style).length === 0) return;
      cells[cell.address] = { value, type: cell.type, style };
    }),
  );
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) rows[r] = row.height;
  });
  const columns: Record<number, unknown> = {};
  for (let c = 1; c <= Math.max(ws.columnCount, 30); c++) {
    const col = ws.getColumn(c);
    if (col.width !== undefined || Object.keys(col.style ?? {}).length)
      columns[c] = { width: col.width, style: plain(col.style) };
  }
  const internal = ws as unknown as {
    _merges: Record<string, { model: unknown }>;
    dataValidations: { model: unknown };
    sheetProtection: unknown;
    rowBreaks: unknown;
    tables: Record<string, { model: { name: string; tableRef: string; columns: { name: string }[] } }>;
  };
  const ps = ws.pageSetup;
  return {
    cells,
    rows,
    columns,
    merges: Object.keys(internal._merges).sort(),
    validations: plain(internal.dataValidations.model),
    protection: plain(internal.sheetProtection),
    breaks: plain(internal.rowBreaks),
    views: plain(ws.views),
    tab: plain(ws.properties.tabColor),
    page: plain({
      paperSize: ps.paperSize,
      orientation: ps.orientation,
      fitToPage: ps.fitToPage,
      fitToWidth: ps.fitToWidth,
      fitToHeight: ps.fitToHeight,
      printTitlesRow: ps.printTitlesRow,
    }),
    tables: Object.values(internal.tables ?? {}).map((t) => ({
      name: t.model.name,
      ref: t.model.tableRef,
      columns: t.model.columns.map((c) => c.name),
    })),
  };
}

async function sheets(bytes: Uint8Array) {
  const wb = (await XlsxWorkbook.fromBuffer(bytes)).workbook;
  return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state, ...describe_(ws) }));
}

let viaExcelJS: Awaited<ReturnType<typeof flow>>;
let viaPackage: Awaited<ReturnType<typeof flow>>;

beforeAll(async () => {
  viaExcelJS = await flow((b) => XlsxWorkbook.fromBuffer(b, { keepModel: true }));
  viaPackage = await flow(async (b) => {
    const book = await XlsxWorkbook.open(b);
    expect(book.isPackage).toBe(true);
    return book;
  });
});

// the published workbook holds the forms sheet too: two looks cover the three steps
test.each(["drawn", "published"] as const)("the %s workbook has the same sheets, cells and settings", async (step) => {
  const [a, b] = [await sheets(viaExcelJS[step]), await sheets(viaPackage[step])];
  expect(b.map((s) => s.name)).toEqual(a.map((s) => s.name));
  for (let i = 0; i < a.length; i++) expect({ sheet: b[i].name, ...b[i] }).toEqual({ sheet: a[i].name, ...a[i] });
});

test("the parts of the input that the draw does not rewrite are kept byte for byte", () => {
  const input = new Map(readZip(SAMPLE).map((e) => [e.name, e]));
  const output = new Map(readZip(viaPackage.drawn).map((e) => [e.name, e]));
  const rewritten = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
  for (const [name, e] of input) {
    const out = output.get(name);
    expect(out).toBeDefined();
    if (!rewritten.includes(name)) expect(Buffer.from(out!.data).equals(Buffer.from(e.data))).toBe(true);
  }
});
