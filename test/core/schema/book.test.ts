import {
  parseBook,
  readTable,
  SHEET_NAMES,
  TARGET_COLUMNS,
  type ColumnDef,
  parseText,
  parseInteger,
} from "../../../src/core/schema";
import { catalogue } from "../../../src/core/issues/catalogue";
import { schemaMessages } from "../../../src/core/issues/messages-schema";
import type { CellValue } from "../../../src/workbook/port";
import { HEALTH, INSURANCE, setCell, sheetOf, targetRow, TARGET_HEADER, uscc, validSheets } from "./fixtures";

describe("parseBook", () => {
  test("reads the valid fixture into the model exactly", () => {
    const book = parseBook(validSheets());
    expect(book.errors).toEqual([]);
    expect(book.warnings).toEqual([]);
    expect(book.tasks[0]).toEqual({
      id: "T2026-01",
      name: "2026年医疗机构联合抽查",
      leadDepartment: HEALTH,
      departments: [HEALTH, INSURANCE],
      itemIds: ["WS-01", "YB-01"],
      categories: ["医疗机构", "诊所"],
      mode: "ratio",
      ratios: { A: 300, B: 500, C: 1000, D: 2000 },
      counts: null,
      priorityRatio: null,
      minRatio: 300,
      perDepartment: 2,
      rotate: true,
      excludeUpper: true,
      cooldownDays: 180,
      reserves: 1,
      crossArea: false,
      startDate: "2026-04-01",
      endDate: "2026-06-30",
      row: 2,
    });
    expect(book.targets[3]).toEqual({
      uscc: uscc(4),
      name: "测试医疗机构4",
      category: "医疗机构",
      tags: [],
      area: "东区",
      address: "长安路4号",
      legalRep: "负责人4",
      phone: "0311-8000004",
      riskGrade: "D",
      complaints: 0,
      violations: false,
      upperSampled: false,
      lastInspected: "2025-11-20",
      lastInspectors: ["H001", "Y001"],
      status: "在营",
      row: 5,
    });
    // empty role and status take their defaults
    expect(book.inspectors.find((i) => i.id === "H003")).toMatchObject({ role: "执法人员", status: "在岗" });
    expect(book.inspectors.find((i) => i.id === "H002")?.recusals).toEqual([uscc(1)]);
    expect(book.items[2]).toMatchObject({ itemId: "WS-02", categories: ["医疗美容机构"], specialty: "医疗美容" });
  });

  test("empty task options take the defaults of the contract", () => {
    const s = validSheets();
    for (const h of [
      "每部门检查人数",
      "回避上次检查人员",
      "排除上级已抽检",
      "检查间隔天数",
      "备选数量",
      "异地交叉检查",
      "最低抽查比例",
    ])
      setCell(s, "抽查任务", 2, h, null);
    const t = parseBook(s).tasks[0];
    expect(t).toMatchObject({
      perDepartment: 2,
      rotate: true,
      excludeUpper: true,
      cooldownDays: 0,
      reserves: 0,
      crossArea: false,
      minRatio: null,
    });
  });

  test("department, item and category names are matched loosely and rewritten to the defining spelling", () => {
    const s = validSheets();
    setCell(s, "抽查任务", 2, "参与部门", " 区卫生健康局 ， 区医疗保障局");
    setCell(s, "抽查任务", 2, "牵头部门", "区卫生健康局\u3000");
    setCell(s, "抽查任务", 2, "抽查事项", "ｗｓ-01;YB-01");
    setCell(s, "抽查任务", 2, "对象类别", "医疗机构");
    setCell(s, "抽查事项清单", 5, "部门", "区医疗保障局 ");
    const book = parseBook(s);
    expect(book.errors).toEqual([]);
    expect(book.tasks[0]).toMatchObject({
      leadDepartment: HEALTH,
      departments: [HEALTH, INSURANCE],
      itemIds: ["WS-01", "YB-01"],
    });
    expect(book.items[3].department).toBe(INSURANCE);
  });

  test("issues render in English on request and keep their params", () => {
    const s = setCell(validSheets(), "检查对象名录库", 2, "信用风险等级", "E");
    const [e] = parseBook(s, { lang: "en" }).errors;
    expect(e).toMatchObject({
      code: "grade_invalid",
      sheet: "检查对象名录库",
      row: 2,
      column: "信用风险等级",
      cell: "I2",
    });
    expect(e.message).toContain('"E"');
    expect(e.message).toContain("A, B, C or D");
    expect(e.params.value).toBe("E");
  });

  test("the issue's column is the header as the clerk wrote it", () => {
    const s = validSheets();
    const h = sheetOf(s, "检查对象名录库").rows[0];
    h[8] = "risk_grade";
    setCell(s, "检查对象名录库", 2, "risk_grade", "E");
    expect(parseBook(s).errors[0]).toMatchObject({ column: "risk_grade", cell: "I2" });
  });

  test("a sheet of 50,000 targets is read in one pass, with a duplicate at its end found", () => {
    const s = validSheets();
    const t = sheetOf(s, "检查对象名录库");
    for (let n = 9; n <= 50_000; n++) t.rows.push(targetRow(n));
    t.rows.push(targetRow(123));
    const book = parseBook(s);
    expect(book.targets).toHaveLength(50_000);
    expect(book.errors.map((e) => [e.code, e.cell, e.params.firstRow])).toEqual([["duplicate_id", "A50002", 124]]);
  });

  test("never throws on odd cells", () => {
    const odd: CellValue[] = [
      null,
      "",
      " ",
      0,
      -1,
      1e300,
      NaN,
      Infinity,
      true,
      false,
      new Date(NaN),
      new Date(Date.UTC(2026, 0, 1)),
      { error: "#VALUE!" },
      "=SUM(A1)",
      "\n",
    ];
    const s = validSheets();
    for (const sheet of s)
      for (let r = 1; r < sheet.rows.length; r++)
        sheet.rows[r] = sheet.rows[r].map((_, i) => odd[(r + i) % odd.length]);
    expect(() => parseBook(s)).not.toThrow();
    expect(parseBook(s).errors.length).toBeGreaterThan(0);
  });
});

test("a text repeated down a column is read the same in every row, and each of its faults is said at its own cell", () => {
  // a column's repeated texts are parsed once (src/core/schema/table.ts): the rows must not tell
  let sheets = validSheets();
  for (const row of [2, 3, 4]) {
    sheets = setCell(sheets, "检查对象名录库", row, "行业标签", "口腔、医保定点");
    sheets = setCell(sheets, "检查对象名录库", row, "最近检查人员", "Ｈ００１、Y001"); // full width: read, and said
  }
  for (const row of [5, 6]) sheets = setCell(sheets, "检查对象名录库", row, "严重违法记录", "也许");
  const book = parseBook(sheets);
  const [t2, t3, t4] = book.targets;
  expect([t2.tags, t3.tags, t4.tags]).toEqual(Array(3).fill(["口腔", "医保定点"]));
  expect([t2.lastInspectors, t3.lastInspectors, t4.lastInspectors]).toEqual(Array(3).fill(["H001", "Y001"]));
  expect(
    book.warnings.filter((w) => w.code === "value_normalized" && w.column === "最近检查人员").map((w) => w.row),
  ).toEqual([2, 3, 4]);
  expect(book.errors.filter((e) => e.code === "yesno_invalid").map((e) => e.row)).toEqual([5, 6]);
  // a list shared between rows cannot be changed through one of them
  expect(() => (t2.tags as string[]).push("x")).toThrow();
});

describe("readTable", () => {
  const columns: ColumnDef[] = [
    { key: "code", header: "编号", alias: "code", parse: parseText, required: true, empty: "" },
    { key: "count", header: "数量", alias: "count", parse: parseInteger, required: false, empty: 0 },
  ];

  test("reads any sheet described by column definitions, rows valid or not", () => {
    const t = readTable(
      {
        name: "X",
        rows: [
          ["数量", "编号", "备注"],
          [3, "a", "x"],
          ["1.5", "b"],
          [null, "c"],
        ],
      },
      columns,
      "X",
    );
    expect(t.headerRow).toBe(1);
    expect(t.columns).toEqual({ count: { index: 0, header: "数量" }, code: { index: 1, header: "编号" } });
    expect(t.rows.map((r) => [r.row, r.values, r.ok])).toEqual([
      [2, { count: 3, code: "a" }, true],
      [3, { count: 0, code: "b" }, false],
      [4, { count: 0, code: "c" }, true],
    ]);
    expect(t.issues.map((i) => [i.code, i.cell])).toEqual([["integer_invalid", "A3"]]);
  });

  test("the target columns follow the contract's headers and aliases", () => {
    expect(TARGET_COLUMNS.map((c) => c.header)).toEqual(TARGET_HEADER);
    expect(TARGET_COLUMNS.filter((c) => c.required).map((c) => c.alias)).toEqual([
      "uscc",
      "name",
      "category",
      "risk_grade",
    ]);
  });

  test("sheet names: Chinese and alias per kind", () => {
    expect(SHEET_NAMES.items).toEqual({ zh: "抽查事项清单", alias: "items" });
    expect(SHEET_NAMES.results).toEqual({ zh: "检查结果", alias: "results" });
  });
});

describe("catalogue", () => {
  test("every schema code has both texts with the same placeholders", () => {
    const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const [code, entry] of Object.entries(schemaMessages)) {
      expect([code, names(entry.en)]).toEqual([code, names(entry.zh)]);
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(catalogue[code as keyof typeof catalogue]).toBe(entry);
    }
  });
});

test("a registry of 150,000 faulty rows is reported row by row, not a stack overflow", () => {
  const sheets = validSheets();
  const targets = sheetOf(sheets, SHEET_NAMES.targets.zh);
  const base = targetRow(1);
  for (let n = 1; n <= 150_000; n++) {
    const row = [...base];
    row[0] = `BAD${n}`; // no valid USCC
    targets.rows.push(row);
  }
  const book = parseBook(sheets);
  const bad = book.errors.filter((e) => e.sheet === SHEET_NAMES.targets.zh && e.column === "统一社会信用代码");
  expect(bad.length).toBeGreaterThanOrEqual(150_000);
  expect(bad[bad.length - 1].row).toBe(150_000 + 1 + 8);
});
