// The bundled sample workbook: a realistic 新华区 registry that reads without a single issue.
import { existsSync } from "node:fs";
import { parseBook } from "../../../src/core/schema";
import { usccProblem } from "../../../src/core/schema/uscc";
import type { SheetData } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { readXlsxFile } from "../../../src/workbook/xlsx/file";
import {
  SAMPLE_PATH,
  buildSampleData,
  buildSampleSheets,
  buildSampleWorkbook,
  sampleBytes,
} from "../../../scripts/make-sample";

async function sheetsOf(book: XlsxWorkbook): Promise<SheetData[]> {
  return Promise.all((await book.sheetNames()).map((n) => book.readSheet(n)));
}

describe("the sample workbook", () => {
  let sheets: SheetData[];
  beforeAll(async () => {
    const book = await XlsxWorkbook.fromBuffer(await (await buildSampleWorkbook()).toBuffer());
    sheets = await sheetsOf(book);
  });

  test("has the six sheets in order", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "抽查任务",
      "抽查事项清单",
      "检查对象名录库",
      "执法检查人员名录库",
      "节假日",
      "单位信息",
    ]);
  });

  test("gives each department its issuing authority, contact and head", () => {
    const book = parseBook(sheets);
    expect(book.units.map((u) => [u.department, u.authority])).toEqual([
      ["区卫生健康局", "石家庄市新华区卫生健康局"],
      ["区医疗保障局", "石家庄市新华区医疗保障局"],
    ]);
    for (const u of book.units) for (const v of [u.contact, u.phone, u.address, u.head]) expect(v).not.toBe("");
  });

  test("parses with no error and no warning, into the seed's task", () => {
    const book = parseBook(sheets);
    expect(book.errors).toEqual([]);
    expect(book.warnings).toEqual([]);
    expect(book.targets.length).toBeGreaterThanOrEqual(280);
    expect(book.inspectors.filter((i) => i.department === "区卫生健康局").length).toBeGreaterThanOrEqual(18);
    expect(book.inspectors.filter((i) => i.department === "区医疗保障局").length).toBeGreaterThanOrEqual(7);
    const [task] = book.tasks;
    expect(task).toMatchObject({
      id: "XH-2026-03",
      name: "新华区2026年第三次跨部门联合抽查",
      leadDepartment: "区卫生健康局",
      departments: ["区卫生健康局", "区医疗保障局"],
      categories: ["医疗机构", "诊所", "医疗美容机构"],
      mode: "ratio",
      ratios: { A: 300, B: 500, C: 1000, D: 2000 },
      minRatio: 300,
      priorityRatio: 2000,
      perDepartment: 2,
      reserves: 2,
      startDate: "2026-03-30",
      endDate: "2026-06-30",
    });
    expect(task.itemIds).toHaveLength(10);
    expect(new Set(book.items.map((i) => i.itemId))).toEqual(new Set(task.itemIds));
  });

  test("keeps dates and percentages as real Excel values, read back as dates and numbers", () => {
    const task = sheets[0];
    const header = task.rows[0] as string[];
    expect(task.rows[1][header.indexOf("开始日期")]).toEqual(new Date(Date.UTC(2026, 2, 30)));
    expect(task.rows[1][header.indexOf("A类比例")]).toBeCloseTo(0.03, 10);
    const targets = sheets[2];
    const col = (targets.rows[0] as string[]).indexOf("最近检查日期");
    expect(targets.rows.slice(1).filter((r) => r[col] instanceof Date).length).toBeGreaterThan(50);
  });

  test("every target has a valid, unique USCC; grades are mostly A and B; all three categories", () => {
    const { targets } = buildSampleData();
    expect(targets.every((t) => usccProblem(t.uscc) === null)).toBe(true);
    expect(new Set(targets.map((t) => t.uscc)).size).toBe(targets.length);
    const share = (g: string) => targets.filter((t) => t.grade === g).length / targets.length;
    expect(share("A")).toBeCloseTo(0.55, 2);
    expect(share("B")).toBeCloseTo(0.3, 2);
    expect(share("C") + share("D")).toBeCloseTo(0.15, 2);
    expect(new Set(targets.map((t) => t.category))).toEqual(new Set(["医疗机构", "诊所", "医疗美容机构"]));
    expect(targets.some((t) => t.status === "停业") && targets.some((t) => t.status === "注销")).toBe(true);
    expect(targets.some((t) => t.upperSampled) && targets.some((t) => t.complaints > 0)).toBe(true);
  });

  test("is the same on every build (seeded, no Math.random, fixed zip dates)", async () => {
    const random = jest.spyOn(Math, "random");
    try {
      expect(buildSampleSheets()).toEqual(buildSampleSheets());
      const [a, b] = [await sampleBytes(), await sampleBytes()];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      expect(random).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
    }
  });

  test("the bundled file is the one the script writes", async () => {
    expect(existsSync(SAMPLE_PATH)).toBe(true);
    const fromFile = await sheetsOf(await readXlsxFile(SAMPLE_PATH));
    expect(fromFile).toEqual(sheets);
  });
});
