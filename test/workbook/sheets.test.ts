import type { Inspector, Snapshot, Target, Task } from "../../src/core/model";
import type { SheetData, SheetSpec } from "../../src/workbook/port";
import { parseSnapshotSheet, renderSnapshotSheet } from "../../src/workbook/snapshot-sheet";
import { readLog, renderLogSheet } from "../../src/workbook/log-sheet";
import { chain } from "../../src/core/draw/chain";
import { cleanSheetName, numberedSheetName, taskSheetName } from "../../src/workbook/names";
import { chinaTimestamp, parsePercentText, percentText } from "../../src/workbook/cells";

const task: Task = {
  id: "T1",
  name: "测试任务",
  leadDepartment: "区卫生健康局",
  departments: ["区卫生健康局", "区医疗保障局"],
  itemIds: ["WJ-01", "YB-01"],
  categories: ["医疗机构", "诊所"],
  mode: "ratio",
  ratios: { A: 300, B: 500, C: 1000, D: 2050 },
  counts: null,
  priorityRatio: 2000,
  minRatio: 300,
  perDepartment: 2,
  rotate: true,
  excludeUpper: true,
  cooldownDays: 0,
  reserves: 2,
  crossArea: false,
  startDate: "2026-03-30",
  endDate: "2026-06-30",
  row: 0,
};
const target = (uscc: string, name: string): Target => ({
  uscc,
  name,
  category: "诊所",
  tags: ["口腔", "民营"],
  area: "革新街道",
  address: "石家庄市新华区中华北大街1号",
  legalRep: "王五",
  phone: "0311-1234567",
  riskGrade: "B",
  complaints: 1,
  violations: false,
  upperSampled: false,
  lastInspected: "2025-05-06",
  lastInspectors: ["13010520001"],
  status: "在营",
  row: 0,
});
const inspector = (id: string, name: string): Inspector => ({
  id,
  name,
  department: "区卫生健康局",
  section: "医疗监督科",
  title: "科员",
  specialties: ["医疗服务"],
  fields: [],
  role: "执法人员",
  status: "在岗",
  area: "",
  recusals: [],
  row: 0,
});
const snapshot: Snapshot = {
  protocol: "DRP-1",
  task,
  date: "2026-04-01",
  specialties: { 区卫生健康局: ["医疗服务", "放射卫生"], 区医疗保障局: [] },
  // a name that looks like a formula must come back as the same text
  targets: [target("91130105MA0000001X", '=HYPERLINK("x")'), target("91130105MA0000002Y", "新华区和平诊所")],
  inspectors: [inspector("13010520001", "张三"), inspector("13010520002", "李四")],
  excluded: { out_of_scope: 1, inactive: 2, upper_sampled: 3, cooldown: 0, drawn_this_year: 4 },
  registrySize: 12,
  inScope: 11,
};

/** What an adapter would read back from a written spec. */
const asRead = (spec: SheetSpec): SheetData => ({ name: spec.name, rows: spec.rows.map((r) => [...r]) });
const withoutRows = (s: Snapshot) => ({
  ...s,
  task: { ...s.task, row: 0 },
  targets: s.targets.map((t) => ({ ...t, row: 0 })),
  inspectors: s.inspectors.map((i) => ({ ...i, row: 0 })),
});

describe("snapshot sheet", () => {
  it("reads back exactly the snapshot it was written from", () => {
    const { snapshot: back, problems } = parseSnapshotSheet(asRead(renderSnapshotSheet(snapshot, "抽取快照-T1-1")));
    expect(problems).toEqual([]);
    expect(withoutRows(back!)).toEqual(withoutRows(snapshot));
  });
  it("names the cell of a value that cannot be read back", () => {
    const sheet = asRead(renderSnapshotSheet(snapshot, "抽取快照-T1-1"));
    const r = sheet.rows.findIndex((row) => row[0] === "每部门检查人数");
    sheet.rows[r][1] = "两";
    const { snapshot: back, problems } = parseSnapshotSheet(sheet);
    expect(back).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ cell: `B${r + 1}`, field: "每部门检查人数" })]);
  });
  it("notices a deleted target row", () => {
    const sheet = asRead(renderSnapshotSheet(snapshot, "抽取快照-T1-1"));
    const r = sheet.rows.findIndex((row) => row[0] === "91130105MA0000002Y");
    sheet.rows.splice(r, 1);
    expect(parseSnapshotSheet(sheet).problems.map((p) => p.field)).toContain("合格检查对象");
  });
});

describe("draw log", () => {
  const drafts = [
    {
      time: "2026-04-01T09:00:00+08:00",
      event: "冻结",
      taskId: "T1",
      taskName: "测试任务",
      snapshotSheet: "抽取快照-T1-1",
      protocol: "DRP-1",
      date: "2026-04-01",
      seedRule: "2026-04-02 福彩3D 开奖号码",
      frozen: "是",
      digest: "a".repeat(64),
      items: 'WJ-01 对医疗机构的监督检查；YB-01 =HYPERLINK("x")',
      operator: "赵六",
    },
    {
      time: "2026-04-02T21:30:00+08:00",
      event: "抽取",
      taskId: "T1",
      taskName: "测试任务",
      snapshotSheet: "抽取快照-T1-1",
      sheet: "抽取结果-T1-1",
      protocol: "DRP-1",
      date: "2026-04-01",
      seed: "527 福彩",
      seedHex: "35 32 37 20 e7a68f e5bda9",
      seedSource: "人工输入",
      seedRule: "2026-04-02 福彩3D 开奖号码",
      frozen: "是",
      digest: "a".repeat(64),
      items: 'WJ-01 对医疗机构的监督检查；YB-01 =HYPERLINK("x")',
      operator: "赵六",
      witness: "钱七",
      warnings: "抽查比例 2.5% 低于最低抽查比例 3%\n第二条",
    },
  ];
  it("reads back every entry it was written from, its chain whole", () => {
    const entries = chain([], drafts);
    const log = readLog(asRead(renderLogSheet(entries)));
    expect(log.sheetIssues).toEqual([]);
    expect(log.register.problems).toEqual([]);
    expect(log.register.entries.map(({ row, ...e }) => (void row, e))).toEqual(
      entries.map(({ row, ...e }) => (void row, e)),
    );
    expect(log.register.head).toBe(entries[1].hash);
    expect(log.lastRow).toBe(3);
    expect(log.cellOf(1, "seed")).toBe("J3");
  });
  it("is an empty log when the sheet is absent", () => {
    const log = readLog(null);
    expect(log.register.entries).toEqual([]);
    expect(log.present).toBe(false);
    expect(log.lastRow).toBe(0);
  });
  it("names a renamed header at its cell", () => {
    const sheet = asRead(renderLogSheet(chain([], drafts)));
    sheet.rows[0][9] = "种子";
    expect(readLog(sheet).sheetIssues.map((i) => [i.code, i.row, i.cell || i.column])).toEqual([
      ["log_header_missing", 1, "随机种子"],
      ["log_cell_unknown", 1, "J1"],
    ]);
  });
  it("reads the log format before the chain as events, each void placed before the draw that caused it", () => {
    const header = [
      "时间",
      "协议",
      "任务编号",
      "任务名称",
      "状态",
      "作废原因",
      "结果表",
      "快照表",
      "抽取日期",
      "随机种子",
      "种子来源",
      "取种规则",
      "先冻结后取种",
      "输入摘要（SHA-256）",
      "操作人",
      "见证人",
      "警告",
    ];
    const row = (status: string, reason: string, n: number, time: string) => [
      time,
      "DRP-1",
      "T1",
      "测试任务",
      status,
      reason,
      `抽取结果-T1-${n}`,
      `抽取快照-T1-${n}`,
      "2026-04-01",
      "527",
      "人工输入",
      "",
      "否",
      "a".repeat(64),
      "赵六",
      "",
      "",
    ];
    const old: SheetData = {
      name: "抽取记录",
      rows: [
        header,
        row("作废", "见证人未到场", 1, "2026-04-01T09:00:00+08:00"),
        row("有效", "", 2, "2026-04-01T10:00:00+08:00"),
      ],
    };
    const log = readLog(old);
    expect(log.register.legacy).toBe(true);
    expect(log.register.problems).toEqual([]);
    expect(log.register.entries.map((e) => [e.event, e.snapshotSheet, e.time])).toEqual([
      ["抽取", "抽取快照-T1-1", "2026-04-01T09:00:00+08:00"],
      ["作废", "抽取快照-T1-1", "2026-04-01T10:00:00+08:00"],
      ["抽取", "抽取快照-T1-2", "2026-04-01T10:00:00+08:00"],
    ]);
    // a status turned 作废 by hand, with no redraw after it, is what the old program never wrote
    const edited: SheetData = { name: "抽取记录", rows: [header, row("作废", "", 1, "2026-04-01T09:00:00+08:00")] };
    expect(readLog(edited).register.problems.map((p) => p.issue.code)).toEqual(["log_legacy_void_unexplained"]);
  });
});

describe("sheet names", () => {
  it("numbers draws per task and keeps within Excel's 31 characters", () => {
    expect(numberedSheetName("抽取结果-", "T1", [])).toBe("抽取结果-T1-1");
    expect(numberedSheetName("抽取结果-", "T1", ["抽取结果-T1-1", "抽取结果-T1-2", "抽取结果-T10-7"])).toBe(
      "抽取结果-T1-3",
    );
    const long = numberedSheetName("抽取结果-", "XH-2026-03-VERY-LONG-TASK-IDENTIFIER", []);
    expect([...long].length).toBeLessThanOrEqual(31);
    expect(long.endsWith("-1")).toBe(true);
    expect(taskSheetName("结果公示-", "a/b", [])).toBe("结果公示-a_b");
  });
  it("cleans a name as Excel requires: forbidden characters replaced, at most 31 characters", () => {
    expect(cleanSheetName("结果公示-T1")).toBe("结果公示-T1");
    expect(cleanSheetName("结果公示-2026/1:[A]?*")).toBe("结果公示-2026_1__A___");
    expect([...cleanSheetName("结果公示-" + "很长的任务编号".repeat(6))]).toHaveLength(31);
    expect(cleanSheetName("'抽查统计'")).toBe("抽查统计");
  });
});

describe("cells", () => {
  it("writes percents in basis points exactly", () => {
    for (const bp of [0, 1, 5, 300, 255, 2050, 10000]) expect(parsePercentText(percentText(bp))).toBe(bp);
  });
  it("stamps times in China time with +08:00", () => {
    expect(chinaTimestamp(new Date("2026-03-31T17:30:00Z"))).toBe("2026-04-01T01:30:00+08:00");
  });
});
