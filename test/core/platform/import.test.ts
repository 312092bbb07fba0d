// A platform's drawn list in three header variants, read into the same external draw; the clerk's
// mistakes at their cells; the imported draw counted in the year as the tool's own draws are.
import type { CellValue, SheetData } from "../../../src/core/sheet";
import type { Unit } from "../../../src/core/model";
import { csvSheet, importPlatformList, toCsv, type PlatformImportOptions } from "../../../src/core/platform";
import { computeYearView, yearJson } from "../../../src/core/year";
import { inspector } from "../draw/fixture";
import { DRAWS, H, ITEMS, M, REGISTRY, u, yearInput } from "../year/fixture";

const unit = (department: string, authority: string): Unit => ({
  department,
  authority,
  contact: "",
  phone: "",
  address: "",
  head: "",
  row: 2,
});
const UNITS = [unit(H, "石家庄市新华区卫生健康局"), unit(M, "石家庄市新华区医疗保障局")];
const INSPECTORS = [
  inspector("M01", M, { name: "王敏" }),
  inspector("M02", M, { name: "赵强" }),
  inspector("H01", H, { name: "李娜" }),
];
const options = (over: Partial<PlatformImportOptions> = {}): PlatformImportOptions => ({
  registry: REGISTRY,
  items: ITEMS,
  inspectors: INSPECTORS,
  units: UNITS,
  source: "河北省双随机执法监管平台",
  ...over,
});
const sheet = (name: string, rows: CellValue[][]): SheetData => ({ name, rows });
const YB = "对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理";

/** 1. 河北省双随机执法监管平台: a title above the header, one row per target, grades, full authority names, date-times. */
const hebei = sheet("平台名单", [
  ["2026年第二批医保基金监管双随机抽查名单"],
  [],
  [
    "任务编号",
    "任务名称",
    "统一社会信用代码",
    "主体名称",
    "信用风险等级",
    "检查事项",
    "检查部门",
    "检查人员",
    "抽取时间",
  ],
  [
    "T3",
    "2026年医保基金监管抽查",
    u(6),
    "对象6",
    "C类",
    YB,
    "石家庄市新华区医疗保障局",
    "王敏、赵强",
    "2026-07-15 10:30:00",
  ],
  [
    "T3",
    "2026年医保基金监管抽查",
    u(7),
    "对象7",
    "D类",
    YB,
    "石家庄市新华区医疗保障局",
    "王敏、赵强",
    "2026-07-15 10:30:00",
  ],
  [
    "T3",
    "2026年医保基金监管抽查",
    u(1),
    "对象1",
    "B类",
    YB,
    "石家庄市新华区医疗保障局",
    "王敏、赵强",
    "2026-07-15 10:30:00",
  ],
  [
    "T3",
    "2026年医保基金监管抽查",
    u(99),
    "对象99",
    "A类",
    YB,
    "石家庄市新华区医疗保障局",
    "王敏、赵强",
    "2026-07-15 10:30:00",
  ],
]);

/** 2. A ministry's system: other names, inspector ids beside the names, an Excel date cell, the department's short name. */
const date = new Date(Date.UTC(2026, 6, 15));
const ministry = sheet("Sheet1", [
  ["社会信用代码", "企业名称", "抽查事项", "实施机关", "执法人员", "执法证号", "抽取日期"],
  [u(6), "对象6", YB, M, "王敏，赵强", "M01，M02", date],
  [u(7), "对象7", YB, M, "王敏，赵强", "M01，M02", date],
  [u(1), "对象1", YB, M, "王敏，赵强", "M01，M02", date],
  [u(99), "对象99", YB, M, "王敏，赵强", "M01，M02", date],
]);

/** 3. A CSV with the English aliases, item ids, no department (the items tell it), the task id given on import. */
const csv = csvSheet(
  toCsv([
    ["uscc", "name", "items", "inspectors", "draw_date"],
    [u(6), "对象6", "YB-01", "M01; M02", "2026/7/15"],
    [u(7), "对象7", "YB-01", "M01; M02", "2026/7/15"],
    [u(1), "对象1", "YB-01", "M01; M02", "2026/7/15"],
    [u(99), "对象99", "YB-01", "M01; M02", "2026/7/15"],
  ]),
  "城市平台导出.csv",
);

describe("three header variants give the same external draw", () => {
  const variants = {
    hebei: importPlatformList(hebei, options()),
    ministry: importPlatformList(ministry, options({ taskId: "T3" })),
    csv: importPlatformList(csv, options({ taskId: "T3" })),
  };

  test.each(Object.keys(variants) as (keyof typeof variants)[])("%s", (k) => {
    const { draw, issues } = variants[k];
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(draw).not.toBeNull();
    expect(draw!.protocol).toBe("外部抽取");
    expect(draw!.external).toBe(true);
    expect(draw!.taskId).toBe("T3");
    expect(draw!.date).toBe("2026-07-15");
    expect(draw!.itemIds).toEqual(["YB-01"]);
    expect(draw!.departments).toEqual([M]);
    expect(draw!.targets.map((t) => [t.uscc, t.name, t.departments])).toEqual([
      [u(6), "对象6", [M]],
      [u(7), "对象7", [M]],
      [u(1), "对象1", [M]],
      [u(99), "对象99", [M]],
    ]);
    expect(draw!.targets[0].teams).toEqual([
      {
        department: M,
        inspectors: [
          { text: "王敏", id: "M01" },
          { text: "赵强", id: "M02" },
        ],
      },
    ]);
    // 99 is not in the registry: imported, with a warning at its cell
    const unknown = issues.find((i) => i.code === "platform_target_unknown")!;
    expect(unknown.severity).toBe("warning");
    expect(unknown.message).toContain(u(99));
  });

  test("the headers each field was found under", () => {
    expect(variants.hebei.columns).toMatchObject({
      uscc: "统一社会信用代码",
      name: "主体名称",
      date: "抽取时间",
      grade: "信用风险等级",
    });
    expect(variants.ministry.columns).toMatchObject({
      uscc: "社会信用代码",
      name: "企业名称",
      items: "抽查事项",
      departments: "实施机关",
    });
    expect(variants.csv.columns).toMatchObject({ uscc: "uscc", items: "items", date: "draw_date" });
    expect(variants.hebei.issues.find((i) => i.code === "platform_target_unknown")!.cell).toBe("C7");
  });

  test("a list with every grade was drawn by grade; one without was not", () => {
    expect(variants.hebei.draw!.byGrade).toBe(true);
    expect(variants.hebei.draw!.targets.map((t) => t.grade)).toEqual(["C", "D", "B", "A"]);
    expect(variants.ministry.draw!.byGrade).toBe(false);
    expect(variants.ministry.draw!.targets.every((t) => t.grade === null && t.stratum === null)).toBe(true);
  });

  test("the imported draw counts in the year exactly as the fixture's external draw", () => {
    const imported = variants.ministry.draw!;
    const withImport = DRAWS.map((d) => (d.taskId === "T3" ? { ...imported, sheet: d.sheet } : d));
    const a = yearJson(computeYearView(yearInput()));
    const b = yearJson(computeYearView(yearInput({ draws: withImport })));
    expect(b.figures).toEqual(a.figures);
    expect(b.departments).toEqual(a.departments);
    expect(b.draws.find((d) => d.task === "T3")).toMatchObject({ external: true, byGrade: false, targets: 4 });
  });
});

describe("mistakes, each at its cell; nothing imported on an error", () => {
  test("no USCC column: the header is named with the names it goes by", () => {
    const r = importPlatformList(
      sheet("名单", [
        ["企业名称", "检查事项", "抽取日期"],
        ["对象6", YB, "2026-07-15"],
      ]),
      options({ taskId: "T3" }),
    );
    expect(r.draw).toBeNull();
    const e = r.issues.find((i) => i.code === "header_missing")!;
    expect(e.column).toBe("统一社会信用代码");
    expect(e.row).toBe(1);
    expect(e.message).toContain("社会信用代码");
  });

  test("a wrong check character, an unknown item and an unknown department", () => {
    const bad = u(6).slice(0, 17) + (u(6).endsWith("0") ? "1" : "0");
    const r = importPlatformList(
      sheet("名单", [
        ["统一社会信用代码", "名称", "检查事项", "检查部门", "抽取日期"],
        [bad, "对象6", YB, M, "2026-07-15"],
        [u(7), "对象7", "对游泳场所的监督检查", M, "2026-07-15"],
        [u(1), "对象1", YB, "区市场监管局", "2026-07-15"],
      ]),
      options({ taskId: "T3" }),
    );
    expect(r.draw).toBeNull();
    expect(r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual([
      ["uscc_checksum", "A2"],
      ["platform_item_unknown", "C3"],
      ["platform_department_unknown", "D4"],
    ]);
    expect(r.issues.find((i) => i.code === "platform_item_unknown")!.message).toContain("对游泳场所的监督检查");
  });

  test("no date anywhere is an error; a date given on import is used", () => {
    const noDate = sheet("名单", [
      ["统一社会信用代码", "名称", "检查事项"],
      [u(6), "对象6", "YB-01"],
    ]);
    expect(importPlatformList(noDate, options({ taskId: "T3" })).issues.map((i) => i.code)).toEqual([
      "platform_date_missing",
    ]);
    const r = importPlatformList(noDate, options({ taskId: "T3", date: "2026-07-16" }));
    expect(r.draw!.date).toBe("2026-07-16");
    expect(r.draw!.departments).toEqual([M]); // from the item
  });

  test("a list holding two tasks is refused; a list without a task id needs one", () => {
    const two = sheet("名单", [
      ["任务编号", "统一社会信用代码", "名称", "检查事项", "抽取日期"],
      ["T3", u(6), "对象6", "YB-01", "2026-07-15"],
      ["T9", u(7), "对象7", "YB-01", "2026-07-15"],
    ]);
    expect(importPlatformList(two, options()).issues.map((i) => i.code)).toEqual(["platform_tasks_differ"]);
    const none = sheet("名单", [
      ["统一社会信用代码", "名称", "检查事项", "抽取日期"],
      [u(6), "对象6", "YB-01", "2026-07-15"],
    ]);
    const r = importPlatformList(none, options());
    expect(r.draw).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual(["platform_task_id_missing"]);
  });

  test("warnings: a name that differs from the registry, an unknown inspector, dates that differ, a row twice", () => {
    const r = importPlatformList(
      sheet("名单", [
        ["统一社会信用代码", "名称", "检查事项", "检查部门", "检查人员", "抽取日期"],
        [u(6), "对象六", "YB-01", M, "王敏、钱多多", "2026-07-15"],
        [u(7), "对象7", "YB-01", M, "王敏", "2026-07-16"],
        [u(7), "对象7", "YB-01", M, "赵强", "2026-07-16"],
      ]),
      options({ taskId: "T3" }),
    );
    expect(r.draw).not.toBeNull();
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["platform_name_differs", "B2"],
      ["platform_inspector_unknown", "E2"],
      ["platform_duplicate_row", "A4"],
      ["platform_dates_differ", ""],
    ]);
    expect(r.draw!.date).toBe("2026-07-15");
    // the second row's inspector joins the first row's team
    expect(r.draw!.targets[1].teams[0].inspectors.map((i) => i.id)).toEqual(["M01", "M02"]);
    expect(r.draw!.targets[0].teams[0].inspectors).toEqual([
      { text: "王敏", id: "M01" },
      { text: "钱多多", id: null },
    ]);
  });

  test("a joint row names two departments; each gets its inspectors", () => {
    const r = importPlatformList(
      sheet("名单", [
        ["统一社会信用代码", "名称", "检查事项", "检查部门", "检查人员", "抽取日期"],
        [u(2), "对象2", "WJ-01、YB-01", "石家庄市新华区卫生健康局、区医疗保障局", "李娜、王敏", "2026-07-15"],
      ]),
      options({ taskId: "T7" }),
    );
    expect(r.issues).toEqual([]);
    expect(r.draw!.departments).toEqual([H, M]);
    expect(r.draw!.targets[0].teams).toEqual([
      { department: H, inspectors: [{ text: "李娜", id: "H01" }] },
      { department: M, inspectors: [{ text: "王敏", id: "M01" }] },
    ]);
  });

  test("messages in English", () => {
    const r = importPlatformList(
      sheet("名单", [["名称"], ["对象6"]]),
      options({ taskId: "T3", lang: "en", date: "2026-07-15" }),
    );
    expect(r.issues[0].message).toMatch(/^Sheet "名单" has no column "统一社会信用代码"/);
  });
});
