// `shuangsuiji import`: a platform's drawn list, as a CSV (UTF-8 with BOM, as WPS and Excel save it)
// or an .xlsx, brought in as an external draw that `verify` then accepts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { loadBook } from "../../src/workbook/usecases";
import { TASK, removeTemps, run, sampleCopy } from "./helpers";

afterAll(removeTemps);

/** Three of the sample's targets, with two inspectors of each department of the task. */
async function listRows(book: string): Promise<string[][]> {
  const { book: b } = await loadBook(await XlsxWorkbook.fromBuffer(readFileSync(book)));
  const task = b.tasks.find((t) => t.id === TASK)!;
  const rows = [["统一社会信用代码", "企业名称", "抽查事项", "检查人员", "执法证号", "检查部门", "抽取日期"]];
  b.targets.slice(0, 3).forEach((t) => {
    for (const d of task.departments) {
      const team = b.inspectors.filter((i) => i.department === d && i.status === "在岗").slice(0, 2);
      const items = task.itemIds.filter((id) => b.items.some((c) => c.itemId === id && c.department === d));
      rows.push([
        t.uscc,
        t.name,
        items.join("、"),
        team.map((i) => i.name).join("、"),
        team.map((i) => i.id).join("、"),
        d,
        "2026-04-01",
      ]);
    }
  });
  return rows;
}

const csvText = (rows: string[][]) =>
  rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\r\n");

test("a CSV with its BOM is imported as 外部抽取, logged 导入, and verifies", async () => {
  const { dir, book } = sampleCopy();
  const csv = join(dir, "平台名单.csv");
  writeFileSync(csv, "\uFEFF" + csvText(await listRows(book)), "utf8");
  const r = await run([
    "import",
    book,
    "--list",
    csv,
    "--task",
    TASK,
    "--source",
    "河北省双随机执法监管平台",
    "--operator",
    "张三",
    "--json",
  ]);
  expect(r.code).toBe(0);
  const x = r.json();
  expect(x).toMatchObject({
    ok: true,
    protocol: "外部抽取",
    source: "河北省双随机执法监管平台",
    listSheet: `外部名单-${TASK}-1`,
  });
  expect(x.selected).toHaveLength(3);
  expect(x.chain).toMatch(/^[0-9a-f]{64}$/);
  const v = await run(["verify", book, "--expect-chain", x.chain, "--json"]);
  expect(v.code).toBe(0);
  const text = await run(["import", book, "--list", csv, "--task", TASK]);
  // a second import of the same task is refused like a second draw, and says what to do
  expect(text.code).toBe(1);
  expect(text.out + text.err).toMatch(/--void-previous/);
});

test("an .xlsx list (its first sheet) gives the same draw as the CSV", async () => {
  const a = sampleCopy();
  const b = sampleCopy();
  const rows = await listRows(a.book);
  const csv = join(a.dir, "list.csv");
  writeFileSync(csv, csvText(rows), "utf8");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("平台导出");
  rows.forEach((r) => ws.addRow(r));
  const xlsx = join(b.dir, "list.xlsx");
  await wb.xlsx.writeFile(xlsx);
  const one = (await run(["import", a.book, "--list", csv, "--task", TASK, "--json"])).json();
  const two = (await run(["import", b.book, "--list", xlsx, "--task", TASK, "--json"])).json();
  expect(two.digest).toBe(one.digest);
  expect(two.selected.map((s: { uscc: string }) => s.uscc)).toEqual(one.selected.map((s: { uscc: string }) => s.uscc));
});

test("a CSV saved in GBK is refused with what to do, and the book is untouched", async () => {
  const { dir, book } = sampleCopy();
  const before = readFileSync(book);
  const csv = join(dir, "gbk.csv");
  // "统一社会信用代码,企业名称" as GBK saves it: not UTF-8
  writeFileSync(csv, Buffer.from("cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb2cc6f3d2b5c3fbb3c60d0a", "hex"));
  const r = await run(["import", book, "--list", csv, "--task", TASK, "--json"]);
  expect(r.code).toBe(1);
  const e = r.json().errors[0];
  expect(e.code).toBe("import_csv_encoding");
  expect(e.message).toMatch(/UTF-8/);
  expect(readFileSync(book).equals(before)).toBe(true);
});
