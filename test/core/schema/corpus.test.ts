// A corpus of malformed workbooks, built in code. Each yields exactly the expected issues (code at
// sheet and cell), never an exception.
import { parseBook, type Book, type ParseOptions } from "../../../src/core/schema";
import { usccCheckChar } from "../../../src/core/schema/uscc";
import { isIsoDate } from "../../../src/core/calendar/dates";
import type { Issue } from "../../../src/core/issues/issue";
import type { SheetData } from "../../../src/workbook/port";
import {
  addRow,
  dropColumn,
  HEALTH,
  INSURANCE,
  ITEM_HEADER,
  itemRows,
  PLAN_HEADER,
  planRows,
  setCell,
  sheet,
  sheetOf,
  TARGET_HEADER,
  targetRow,
  targetRows,
  UNIT_HEADER,
  unitRows,
  uscc,
  validSheets,
} from "./fixtures";

const ITEMS = "抽查事项清单";
const TARGETS = "检查对象名录库";
const INSPECTORS = "执法检查人员名录库";
const TASKS = "抽查任务";
const HOLIDAYS = "节假日";
const UNITS = "单位信息";
const PLANS = "年度抽查计划";

/** 'code@sheet!cell' (or '!r<row>' when the issue has no cell, nothing when it has no row). */
const where = (i: Issue) => `${i.code}@${i.sheet}!${i.cell || (i.row !== null ? `r${i.row}` : "")}`;

/** A valid USCC with letters in it, so that its lower-case spelling differs. */
const LETTERED = "91130100MA0000001" + usccCheckChar("91130100MA0000001");

function wrongCheck(code: string): string {
  const last = code[17] === "0" ? "1" : "0";
  return code.slice(0, 17) + last;
}

/** What a clerk reads of one issue: its column, and words its message holds in each language. */
interface Says {
  column: string;
  zh: string[];
  en: string[];
}

interface Case {
  name: string;
  sheets: () => SheetData[];
  options?: ParseOptions;
  errors: string[];
  warnings?: string[];
  /** the column and message of issues, by their 'code@sheet!cell' (the first one so placed) */
  says?: Record<string, Says>;
  /** further assertions on the book */
  then?: (book: Book) => void;
}

/** The workbook with a 单位信息 and a 年度抽查计划 sheet. */
function withUnitsAndPlan(): SheetData[] {
  return [...validSheets(), sheet(UNITS, UNIT_HEADER, unitRows()), sheet(PLANS, PLAN_HEADER, planRows())];
}

const ZWSP = "\u200b";

const cases: Case[] = [
  {
    name: "valid minimal workbook",
    sheets: validSheets,
    errors: [],
    then: (b) => {
      expect([b.items.length, b.targets.length, b.inspectors.length, b.tasks.length, b.holidays.length]).toEqual([
        4, 8, 8, 1, 2,
      ]);
      expect(b.sheets).toEqual({
        items: ITEMS,
        targets: TARGETS,
        inspectors: INSPECTORS,
        tasks: TASKS,
        holidays: HOLIDAYS,
        results: null,
        units: null,
        plans: null,
      });
      expect([b.units, b.plans]).toEqual([[], []]);
    },
  },
  {
    name: "missing task sheet",
    sheets: () => validSheets().filter((s) => s.name !== TASKS),
    errors: ["sheet_missing@!"],
  },
  {
    name: "missing holidays sheet is fine",
    sheets: () => validSheets().filter((s) => s.name !== HOLIDAYS),
    errors: [],
    then: (b) => expect(b.sheets.holidays).toBeNull(),
  },
  {
    name: "missing holidays sheet when required",
    sheets: () => validSheets().filter((s) => s.name !== HOLIDAYS),
    options: { requireSheets: ["items", "targets", "inspectors", "tasks", "holidays"] },
    errors: ["sheet_missing@!"],
  },
  {
    name: "missing required header 名称",
    sheets: () => dropColumn(validSheets(), TARGETS, "名称"),
    errors: [`header_missing@${TARGETS}!r1`],
    then: (b) => expect(b.targets).toEqual([]),
  },
  {
    name: "header in row 3 after a title row",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, TARGETS);
      t.rows = [["2026年度检查对象名录库（截至3月）"], [], ...t.rows];
      return s;
    },
    errors: [],
    then: (b) => expect(b.targets.map((t) => t.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]),
  },
  {
    name: "title row, then an error below the header is reported at its true row",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 3, "信用风险等级", "E");
      const t = sheetOf(s, TARGETS);
      t.rows = [["名录库"], ...t.rows];
      return s;
    },
    errors: [`grade_invalid@${TARGETS}!I4`],
  },
  {
    name: "duplicate USCC",
    sheets: () => addRow(validSheets(), TARGETS, targetRow(1)),
    errors: [`duplicate_id@${TARGETS}!A10`],
    then: (b) => {
      expect(b.targets).toHaveLength(8);
      expect(b.errors[0].params.firstRow).toBe(2);
    },
  },
  {
    name: "duplicate USCC written in lower case is still a duplicate",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 2, "统一社会信用代码", LETTERED);
      const row = targetRow(9);
      row[0] = LETTERED.toLowerCase();
      return addRow(s, TARGETS, row);
    },
    errors: [`duplicate_id@${TARGETS}!A10`],
    warnings: [`value_normalized@${TARGETS}!A10`],
  },
  {
    name: "duplicate inspector id",
    sheets: () => addRow(validSheets(), INSPECTORS, ["H001", "重名", HEALTH]),
    errors: [`duplicate_id@${INSPECTORS}!A10`],
  },
  {
    name: "duplicate task id",
    sheets: () => {
      const s = validSheets();
      addRow(s, TASKS, [...sheetOf(s, TASKS).rows[1]]);
      return s;
    },
    errors: [`duplicate_id@${TASKS}!A3`],
    then: (b) => expect(b.tasks).toHaveLength(1),
  },
  {
    name: "three duplicates name the first row",
    sheets: () =>
      addRow(addRow(validSheets(), INSPECTORS, ["Y002", "甲", INSURANCE]), INSPECTORS, ["Y002", "乙", INSURANCE]),
    errors: [`duplicate_id@${INSPECTORS}!A10`, `duplicate_id@${INSPECTORS}!A11`],
    then: (b) => expect(b.errors.map((e) => e.params.firstRow)).toEqual([7, 7]),
  },
  {
    name: "bad check character",
    sheets: () => setCell(validSheets(), TARGETS, 2, "统一社会信用代码", wrongCheck(uscc(1))),
    errors: [`uscc_checksum@${TARGETS}!A2`],
    then: (b) => expect(b.targets).toHaveLength(7),
  },
  {
    name: "USCC too short and with a forbidden letter",
    sheets: () =>
      setCell(
        setCell(validSheets(), TARGETS, 3, "统一社会信用代码", uscc(2).slice(0, 17)),
        TARGETS,
        4,
        "统一社会信用代码",
        "91130100000000O03X",
      ),
    errors: [`uscc_length@${TARGETS}!A3`, `uscc_charset@${TARGETS}!A4`],
  },
  {
    name: "USCC stored as a number",
    sheets: () => setCell(validSheets(), TARGETS, 2, "统一社会信用代码", 911301000000000000),
    errors: [`uscc_as_number@${TARGETS}!A2`],
  },
  {
    name: "lower-case and full-width codes are read normalised, with a warning",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 6, "统一社会信用代码", LETTERED.toLowerCase());
      const wide = [...uscc(6)].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join("");
      return setCell(s, TARGETS, 7, "统一社会信用代码", wide);
    },
    errors: [],
    warnings: [`value_normalized@${TARGETS}!A6`, `value_normalized@${TARGETS}!A7`],
    then: (b) => {
      expect(b.targets.map((t) => t.uscc)).toContain(uscc(6));
      expect(b.targets.map((t) => t.uscc)).toContain(LETTERED);
    },
  },
  {
    name: "grade E",
    sheets: () => setCell(validSheets(), TARGETS, 2, "信用风险等级", "E"),
    errors: [`grade_invalid@${TARGETS}!I2`],
    then: (b) => expect(b.targets.find((t) => t.uscc === uscc(1))).toBeUndefined(),
  },
  {
    name: "lower-case grade is accepted",
    sheets: () => setCell(validSheets(), TARGETS, 2, "信用风险等级", "a"),
    errors: [],
    then: (b) => expect(b.targets[0].riskGrade).toBe("A"),
  },
  {
    name: "#N/A and #DIV/0! cells",
    sheets: () =>
      setCell(setCell(validSheets(), TARGETS, 3, "名称", { error: "#N/A" }), TASKS, 2, "A类比例", { error: "#DIV/0!" }),
    errors: [`cell_error@${TARGETS}!B3`, `cell_error@${TASKS}!H2`],
    then: (b) => expect(b.tasks).toEqual([]),
  },
  {
    name: "an error cell in an optional column",
    sheets: () => setCell(validSheets(), TARGETS, 5, "地址", { error: "#REF!" }),
    errors: [`cell_error@${TARGETS}!F5`],
  },
  {
    name: "dates as text in three forms (and 2026.3.30)",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "开始日期", "2026/4/1");
      setCell(s, TASKS, 2, "结束日期", "2026年6月30日");
      setCell(s, TARGETS, 2, "最近检查日期", "2025-11-20");
      setCell(s, TARGETS, 3, "最近检查日期", "2025.3.5");
      return s;
    },
    errors: [],
    then: (b) => {
      expect([b.tasks[0].startDate, b.tasks[0].endDate]).toEqual(["2026-04-01", "2026-06-30"]);
      expect([b.targets[0].lastInspected, b.targets[1].lastInspected]).toEqual(["2025-11-20", "2025-03-05"]);
    },
  },
  {
    name: "dates as Excel date cells and serial numbers",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "开始日期", new Date(Date.UTC(2026, 3, 1)));
      setCell(s, TASKS, 2, "结束日期", 46203);
      return setCell(s, HOLIDAYS, 2, "日期", 46296);
    },
    errors: [],
    then: (b) => {
      expect([b.tasks[0].startDate, b.tasks[0].endDate]).toEqual(["2026-04-01", "2026-06-30"]);
      expect(b.holidays[0].date).toBe("2026-10-01");
    },
  },
  {
    name: "an impossible date",
    sheets: () => setCell(validSheets(), TASKS, 2, "开始日期", "2026-02-30"),
    errors: [`date_invalid@${TASKS}!X2`],
  },
  {
    name: "numbers stored as text, and numbers in text columns",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 2, "投诉举报次数", "3");
      setCell(s, TARGETS, 2, "联系电话", 13812345678);
      setCell(s, TASKS, 2, "每部门检查人数", "2");
      setCell(s, TASKS, 2, "检查间隔天数", " 90 ");
      setCell(s, TASKS, 2, "A类比例", 0.03);
      setCell(s, TASKS, 2, "B类比例", 5);
      return s;
    },
    errors: [],
    then: (b) => {
      expect(b.targets[0].complaints).toBe(3);
      expect(b.targets[0].phone).toBe("13812345678");
      expect(b.tasks[0].perDepartment).toBe(2);
      expect(b.tasks[0].cooldownDays).toBe(90);
      expect(b.tasks[0].ratios).toEqual({ A: 300, B: 500, C: 1000, D: 2000 });
    },
  },
  {
    name: "non-integer and negative counts",
    sheets: () => setCell(setCell(validSheets(), TARGETS, 2, "投诉举报次数", 1.5), TARGETS, 3, "投诉举报次数", "-1"),
    errors: [`integer_invalid@${TARGETS}!J2`, `integer_invalid@${TARGETS}!J3`],
  },
  {
    name: "a percent above 100%",
    sheets: () => setCell(validSheets(), TASKS, 2, "D类比例", "150%"),
    errors: [`percent_invalid@${TASKS}!K2`],
  },
  {
    name: "yes/no that is neither",
    sheets: () => setCell(validSheets(), TARGETS, 2, "严重违法记录", "可能"),
    errors: [`yesno_invalid@${TARGETS}!K2`],
  },
  {
    name: "unknown status and unknown mode",
    sheets: () => setCell(setCell(validSheets(), TARGETS, 2, "经营状态", "歇业"), TASKS, 2, "抽取方式", "随机"),
    errors: [`enum_invalid@${TARGETS}!O2`, `enum_invalid@${TASKS}!G2`],
  },
  {
    name: "required cells left empty",
    sheets: () => setCell(setCell(validSheets(), TARGETS, 4, "名称", "  "), TASKS, 2, "任务名称", null),
    errors: [`required_missing@${TARGETS}!B4`, `required_missing@${TASKS}!B2`],
  },
  {
    name: "an empty inspector sheet",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, INSPECTORS).rows = [];
      return s;
    },
    errors: [`sheet_empty@${INSPECTORS}!`],
  },
  {
    name: "a task sheet with only its header",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, TASKS).rows.length = 1;
      return s;
    },
    errors: [`sheet_empty@${TASKS}!r1`],
  },
  {
    name: "a sheet with only a title",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, ITEMS).rows = [["2026年抽查事项清单"]];
      return s;
    },
    errors: [`sheet_empty@${ITEMS}!`],
  },
  {
    name: "English sheet names, English headers, shuffled columns, extra columns",
    sheets: () => {
      const items = itemRows();
      const aliases = ["item_id", "department", "item", "checkpoint", "basis", "method", "categories", "specialty"];
      const order = [3, 0, 7, 1, 2, 6, 5, 4];
      const s = validSheets().filter((x) => x.name !== ITEMS);
      s.push({
        name: "Items",
        rows: [["备注", ...order.map((i) => aliases[i])], ...items.map((r) => ["内部备注", ...order.map((i) => r[i])])],
      });
      sheetOf(s, TARGETS).name = "targets";
      return s;
    },
    errors: [],
    then: (b) => {
      expect(b.sheets.items).toBe("Items");
      expect(b.sheets.targets).toBe("targets");
      expect(b.items[0]).toMatchObject({
        itemId: "WS-01",
        department: HEALTH,
        checkpoint: "执业许可及校验情况",
        row: 2,
      });
    },
  },
  {
    name: "full-width and spaced headers",
    sheets: () => {
      const s = validSheets();
      const h = sheetOf(s, TASKS).rows[0];
      h[h.indexOf("A类比例")] = "Ａ类比例";
      h[h.indexOf("任务编号")] = " 任务 编号 ";
      h[h.indexOf("每部门检查人数")] = "每部门检查人数*";
      return s;
    },
    errors: [],
    then: (b) => expect(b.tasks[0].ratios?.A).toBe(300),
  },
  {
    name: "a header given twice",
    sheets: () => {
      const s = validSheets();
      for (const r of sheetOf(s, TARGETS).rows) r.push(r === sheetOf(s, TARGETS).rows[0] ? "名称" : "别名");
      return s;
    },
    errors: [],
    warnings: [`header_duplicate@${TARGETS}!P1`],
    then: (b) => expect(b.targets[0].name).toBe("测试医疗机构1"),
  },
  {
    name: "an Excel table below notes, starting in column B",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, HOLIDAYS);
      t.rows = [
        ["说明：调休以国务院通知为准", "日期"],
        [],
        [null, "日期", "类型"],
        [null, "2026-10-01", "休息日"],
        [null, "2026-10-10", "工作日"],
      ];
      t.tables = [{ name: "节假日表", headerRow: 3, firstColumn: 2, lastColumn: 3 }];
      return s;
    },
    errors: [],
    then: (b) =>
      expect(b.holidays).toEqual([
        { date: "2026-10-01", kind: "休息日", row: 4 },
        { date: "2026-10-10", kind: "工作日", row: 5 },
      ]),
  },
  {
    name: "blank rows between records are skipped",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, INSPECTORS).rows.splice(3, 0, [], [null, "  ", null]);
      return s;
    },
    errors: [],
    then: (b) => expect(b.inspectors.map((i) => i.row)).toEqual([2, 3, 6, 7, 8, 9, 10, 11]),
  },
  {
    name: "sheet map for sheets with other names",
    sheets: () => validSheets().map((s, i) => ({ ...s, name: `Sheet${i + 1}` })),
    options: {
      sheetMap: { items: "Sheet1", targets: "Sheet2", inspectors: "Sheet3", tasks: "Sheet4", holidays: "Sheet5" },
    },
    errors: [],
    then: (b) => expect(b.sheets).toMatchObject({ items: "Sheet1", tasks: "Sheet4", holidays: "Sheet5" }),
  },
  {
    name: "sheet map naming a sheet that is not there",
    sheets: validSheets,
    options: { sheetMap: { tasks: "任务2026" } },
    errors: ["sheet_missing@!"],
  },
  {
    name: "two sheets for one kind",
    sheets: () => [...validSheets(), { name: "tasks", rows: [] }],
    errors: [],
    warnings: ["sheet_duplicate@tasks!"],
  },
  {
    name: "unknown participating department",
    sheets: () => setCell(validSheets(), TASKS, 2, "参与部门", `${HEALTH}、${INSURANCE}、区市场监管局`),
    errors: [`unknown_department@${TASKS}!D2`],
  },
  {
    name: "unknown lead department",
    sheets: () => setCell(validSheets(), TASKS, 2, "牵头部门", "区卫健委"),
    errors: [`unknown_department@${TASKS}!C2`, `lead_not_in_departments@${TASKS}!C2`],
  },
  {
    name: "lead department not among the departments",
    sheets: () => setCell(setCell(validSheets(), TASKS, 2, "牵头部门", INSURANCE), TASKS, 2, "参与部门", HEALTH),
    errors: [`lead_not_in_departments@${TASKS}!C2`],
  },
  {
    name: "unknown item id",
    sheets: () => setCell(validSheets(), TASKS, 2, "抽查事项", "WS-01、YB-01、XX-99"),
    errors: [`unknown_item@${TASKS}!E2`],
  },
  {
    name: "a department without an item",
    sheets: () => setCell(validSheets(), TASKS, 2, "抽查事项", "WS-01"),
    errors: [`department_without_item@${TASKS}!E2`],
    then: (b) => expect(b.errors[0].params.department).toBe(INSURANCE),
  },
  {
    name: "too few officers on duty (experts and absent staff do not count)",
    sheets: () => setCell(validSheets(), TASKS, 2, "每部门检查人数", 4),
    errors: [`too_few_inspectors@${TASKS}!D2`, `too_few_inspectors@${TASKS}!D2`],
    then: (b) =>
      expect(b.errors.map((e) => [e.params.department, e.params.count])).toEqual([
        [HEALTH, 3],
        [INSURANCE, 3],
      ]),
  },
  {
    name: "an item of a department the registry does not know",
    sheets: () => setCell(validSheets(), ITEMS, 3, "部门", "区市场监管局"),
    errors: [`unknown_department@${ITEMS}!B3`],
    then: (b) => expect(b.items).toHaveLength(3),
  },
  {
    name: "end before start",
    sheets: () => setCell(validSheets(), TASKS, 2, "结束日期", "2026-03-31"),
    errors: [`end_before_start@${TASKS}!Y2`],
  },
  {
    name: "ratio mode without ratio columns",
    sheets: () => {
      let s = validSheets();
      for (const h of ["A类比例", "B类比例", "C类比例", "D类比例"]) s = dropColumn(s, TASKS, h);
      return s;
    },
    errors: [`mode_columns_missing@${TASKS}!G2`],
    then: (b) => expect(b.errors[0].params.columns).toBe("A类比例、B类比例、C类比例、D类比例"),
  },
  {
    name: "ratio mode with an empty ratio",
    sheets: () => setCell(validSheets(), TASKS, 2, "C类比例", ""),
    errors: [`mode_value_missing@${TASKS}!J2`],
  },
  {
    name: "count mode with counts",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "抽取方式", "按数量");
      ["A类数量", "B类数量", "C类数量", "D类数量"].forEach((h, i) => setCell(s, TASKS, 2, h, String(i + 1)));
      return s;
    },
    errors: [],
    then: (b) => {
      expect(b.tasks[0].mode).toBe("count");
      expect(b.tasks[0].counts).toEqual({ A: 1, B: 2, C: 3, D: 4 });
      expect(b.tasks[0].ratios).toBeNull();
    },
  },
  {
    name: "count mode with the counts left empty",
    sheets: () => setCell(validSheets(), TASKS, 2, "抽取方式", "count"),
    errors: ["L2", "M2", "N2", "O2"].map((c) => `mode_value_missing@${TASKS}!${c}`),
  },
  {
    name: "bands mode needs neither",
    sheets: () => {
      let s = setCell(validSheets(), TASKS, 2, "抽取方式", "按规模分段");
      for (const h of ["A类比例", "B类比例", "C类比例", "D类比例"]) s = dropColumn(s, TASKS, h);
      return s;
    },
    errors: [],
    then: (b) => expect(b.tasks[0]).toMatchObject({ mode: "bands", ratios: null, counts: null }),
  },
  {
    name: "ratios decreasing from A to D",
    sheets: () => setCell(validSheets(), TASKS, 2, "D类比例", "8%"),
    errors: [],
    warnings: [`ratio_order@${TASKS}!K2`],
    then: (b) => expect(b.tasks).toHaveLength(1),
  },
  {
    name: "one inspector per department",
    sheets: () => setCell(validSheets(), TASKS, 2, "每部门检查人数", 1),
    errors: [`per_department_too_small@${TASKS}!R2`],
  },
  {
    name: "a category no target has",
    sheets: () => setCell(validSheets(), TASKS, 2, "对象类别", "医疗机构、养老机构"),
    errors: [],
    warnings: [`category_unknown@${TASKS}!F2`],
  },
  {
    name: "a checkpoint listed twice",
    sheets: () => addRow(validSheets(), ITEMS, itemRows()[0]),
    errors: [],
    warnings: [`duplicate_checkpoint@${ITEMS}!D6`],
    then: (b) => expect(b.items).toHaveLength(5),
  },
  {
    name: "forty faults give forty entries, in row order",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, TARGETS);
      for (let n = 9; n < 49; n++) {
        const r = targetRow(n);
        r[8] = "E";
        t.rows.push(r);
      }
      return s;
    },
    errors: Array.from({ length: 40 }, (_, i) => `grade_invalid@${TARGETS}!I${i + 10}`),
  },
  {
    name: "faults in several sheets, sorted by sheet then row",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "结束日期", "2026-01-01");
      setCell(s, INSPECTORS, 5, "在岗状态", "休假");
      setCell(s, TARGETS, 9, "信用风险等级", "");
      setCell(s, TARGETS, 3, "统一社会信用代码", "123");
      setCell(s, ITEMS, 4, "检查要点", null);
      return s;
    },
    errors: [
      `required_missing@${ITEMS}!D4`,
      `uscc_length@${TARGETS}!A3`,
      `required_missing@${TARGETS}!I9`,
      `enum_invalid@${INSPECTORS}!I5`,
      `end_before_start@${TASKS}!Y2`,
    ],
  },
  {
    name: "results sheet: valid rows are read, a bad category is reported",
    sheets: () => [
      ...validSheets(),
      sheet(
        "检查结果",
        [
          "任务编号",
          "统一社会信用代码",
          "名称",
          "部门",
          "检查完成日期",
          "检查结果",
          "问题描述",
          "整改情况",
          "处罚决定书文号",
          "处罚决定日期",
          "后续处置",
          "录入人",
          "公示日期",
        ],
        [
          [
            "T2026-01",
            uscc(1),
            "测试医疗机构1",
            HEALTH,
            "2026-05-06",
            "未发现问题",
            "",
            "",
            "",
            "",
            "",
            "张明",
            "2026-05-20",
          ],
          ["T2026-01", uscc(2), "测试医疗机构2", HEALTH, null, "没问题", "", "", "", "", "", "", ""],
          ["T2026-01", uscc(3), "测试医疗机构3", INSURANCE, null, null, "", "", "", "", "", "", ""],
        ],
      ),
    ],
    errors: [`enum_invalid@检查结果!F3`],
    then: (b) => {
      expect(b.sheets.results).toBe("检查结果");
      expect(b.results).toHaveLength(2);
      expect(b.results[0]).toMatchObject({
        taskId: "T2026-01",
        uscc: uscc(1),
        completed: "2026-05-06",
        result: "未发现问题",
        published: "2026-05-20",
        row: 2,
      });
      expect(b.results[1]).toMatchObject({ completed: null, result: null, published: null, row: 4 });
    },
  },
  {
    name: "an empty optional sheet is no error",
    sheets: () => [...validSheets().filter((s) => s.name !== HOLIDAYS), { name: HOLIDAYS, rows: [] }],
    errors: [],
  },
  {
    name: "an inspector sheet without its department column",
    sheets: () => dropColumn(validSheets(), INSPECTORS, "部门"),
    errors: [`header_missing@${INSPECTORS}!r1`],
  },
  {
    name: "ragged rows (trailing empties cut) and a sheet of an item header only in English",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, TARGETS).rows = sheetOf(s, TARGETS).rows.map((r, i) => (i === 0 ? r : r.slice(0, 9)));
      sheetOf(s, ITEMS).rows[0] = ITEM_HEADER.map((h, i) => (i === 0 ? "ITEM_ID" : h));
      return s;
    },
    errors: [],
    then: (b) =>
      expect(b.targets[0]).toMatchObject({ complaints: 0, violations: false, status: "在营", lastInspectors: [] }),
  },

  // ------------------------------------------------------------------------------------------
  // odd-inputs.md, "Right answers, keep them": at the cell
  {
    name: "odd: dates that are not unambiguous are refused at their cell; 2026.1.12 and 2026年1月12日 read",
    sheets: () => {
      const s = validSheets();
      const values: [number, unknown][] = [
        [2, "20260112"],
        [3, 20260112],
        [4, "1/12/2026"],
        [5, "12.01.2026"],
        [6, "2026.1.12"],
        [7, "2026年1月12日"],
        [8, 10],
      ];
      for (const [row, v] of values) setCell(s, TARGETS, row, "最近检查日期", v as never);
      return s;
    },
    errors: [2, 3, 4, 5, 8].map((r) => `date_invalid@${TARGETS}!M${r}`),
    says: {
      [`date_invalid@${TARGETS}!M2`]: {
        column: "最近检查日期",
        zh: ["「最近检查日期」", "「20260112」", "2026-03-30"],
        en: ['"最近检查日期"', '"20260112"', "2026-03-30"],
      },
    },
    then: (b) =>
      expect(b.targets.filter((t) => t.lastInspected !== null).map((t) => t.lastInspected)).toEqual([
        "2026-01-12",
        "2026-01-12",
      ]),
  },
  {
    name: "odd: task dates 20260401 and 5/1/2026",
    sheets: () => setCell(setCell(validSheets(), TASKS, 2, "开始日期", "20260401"), TASKS, 2, "结束日期", "5/1/2026"),
    errors: [`date_invalid@${TASKS}!X2`, `date_invalid@${TASKS}!Y2`],
    then: (b) => expect(b.tasks).toEqual([]),
  },
  {
    name: "odd: negative reserves and a negative count",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "抽取方式", "按数量");
      ["A类数量", "B类数量", "C类数量", "D类数量"].forEach((h) => setCell(s, TASKS, 2, h, 1));
      setCell(s, TASKS, 2, "B类数量", "-2");
      return setCell(s, TASKS, 2, "备选数量", -1);
    },
    errors: [`integer_invalid@${TASKS}!M2`, `integer_invalid@${TASKS}!V2`],
    says: {
      [`integer_invalid@${TASKS}!V2`]: { column: "备选数量", zh: ["「-1」", "不小于 0"], en: ['"-1"', "at least 0"] },
    },
  },
  {
    name: "odd: per_department 0",
    sheets: () => setCell(validSheets(), TASKS, 2, "每部门检查人数", 0),
    errors: [`per_department_too_small@${TASKS}!R2`],
    says: {
      [`per_department_too_small@${TASKS}!R2`]: {
        column: "每部门检查人数",
        zh: ["为 0", "至少须 2"],
        en: ["is 0", "at least 2"],
      },
    },
  },
  {
    name: "odd: per_department 50 and 2^53-1 are too many for both departments",
    sheets: () =>
      addRow(setCell(validSheets(), TASKS, 2, "每部门检查人数", 50), TASKS, [
        ...validSheets()[3].rows[1].map((v, i) => (i === 0 ? "T2026-02" : i === 17 ? Number.MAX_SAFE_INTEGER : v)),
      ]),
    errors: [2, 2, 3, 3].map((r) => `too_few_inspectors@${TASKS}!D${r}`),
    then: (b) =>
      expect(b.errors.map((e) => e.params.needed)).toEqual([50, 50, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]),
  },
  {
    name: "odd: task id Ｔ１ repeats T1 (read as T1, with a warning)",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "任务编号", "T1");
      addRow(s, TASKS, [...sheetOf(s, TASKS).rows[1]]);
      return setCell(s, TASKS, 3, "任务编号", "Ｔ１");
    },
    errors: [`duplicate_id@${TASKS}!A3`],
    warnings: [`value_normalized@${TASKS}!A3`],
    says: {
      [`duplicate_id@${TASKS}!A3`]: { column: "任务编号", zh: ["「T1」", "第 2 行重复"], en: ['"T1"', "row 2"] },
      [`value_normalized@${TASKS}!A3`]: { column: "任务编号", zh: ["「Ｔ１」", "「T1」"], en: ['"Ｔ１"', '"T1"'] },
    },
  },
  {
    name: "odd: a USCC with a no-break space inside is read without it, with a warning",
    sheets: () =>
      setCell(validSheets(), TARGETS, 2, "统一社会信用代码", `${uscc(1).slice(0, 9)}\u00a0${uscc(1).slice(9)}`),
    errors: [],
    warnings: [`value_normalized@${TARGETS}!A2`],
    then: (b) => expect(b.targets[0].uscc).toBe(uscc(1)),
  },
  {
    name: "odd: a USCC with a trailing zero-width space names U+200B",
    sheets: () => setCell(validSheets(), TARGETS, 3, "统一社会信用代码", uscc(2) + ZWSP),
    errors: [`id_invisible_char@${TARGETS}!A3`],
    says: {
      [`id_invisible_char@${TARGETS}!A3`]: {
        column: "统一社会信用代码",
        zh: ["U+200B", `「${uscc(2)}[U+200B]」`, "重新输入"],
        en: ["U+200B", `"${uscc(2)}[U+200B]"`, "type the value again"],
      },
    },
    then: (b) => expect(b.targets.map((t) => t.uscc)).not.toContain(uscc(2)),
  },

  // odd-inputs.md, "Right answers": clear at sheet level
  {
    name: "odd: a workbook with no sheets names each missing sheet",
    sheets: () => [],
    errors: ["sheet_missing@!", "sheet_missing@!", "sheet_missing@!", "sheet_missing@!"],
    then: (b) =>
      expect(b.errors.map((e) => e.params.expected)).toEqual([
        "抽查事项清单",
        "检查对象名录库",
        "执法检查人员名录库",
        "抽查任务",
      ]),
  },
  {
    name: "odd: a merged header cell hides the 名称 column",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, TARGETS).rows[0][1] = null; // A1:B1 merged: only A1 keeps a value
      return s;
    },
    errors: [`header_missing@${TARGETS}!r1`],
    says: {
      [`header_missing@${TARGETS}!r1`]: {
        column: "名称",
        zh: ["缺少必填列「名称」", "「name」"],
        en: ['no column "名称"', '"name"'],
      },
    },
  },
  {
    name: "odd: a registry of its header only",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, TARGETS).rows.length = 1;
      return s;
    },
    errors: [`sheet_empty@${TARGETS}!r1`],
    says: {
      [`sheet_empty@${TARGETS}!r1`]: {
        column: "",
        zh: ["没有数据", "逐行填写"],
        en: ["has no data", "one record per row"],
      },
    },
  },

  // odd-inputs.md, "Accepted and right"
  {
    name: "odd: a registry as an Excel table under a title, in B3",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, TARGETS);
      t.rows = [["2026年检查对象名录库"], [], ...t.rows.map((r) => [null, ...r])];
      t.tables = [{ name: "名录", headerRow: 3, firstColumn: 2, lastColumn: 16, lastRow: 11 }];
      return s;
    },
    errors: [],
    then: (b) => expect(b.targets.map((t) => t.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]),
  },
  {
    name: "odd: headers in row 5 after a four-row title block",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, INSPECTORS);
      t.rows = [
        ["新华区执法检查人员名录库"],
        ["填报单位：区卫生健康局", null, "填报日期：2026-03-01"],
        [],
        ["说明：每人一行"],
        ...t.rows,
      ];
      return s;
    },
    errors: [],
    then: (b) => expect(b.inspectors.map((i) => i.row)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]),
  },
  {
    name: "odd: a two-row header whose first row holds merged group titles",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, TARGETS);
      const groups: (string | null)[] = TARGET_HEADER.map(() => null);
      groups[0] = "基本信息";
      groups[8] = "信用风险";
      groups[12] = "检查情况";
      t.rows = [groups, ...t.rows];
      return s;
    },
    errors: [],
    then: (b) => expect(b.targets).toHaveLength(8),
  },
  {
    name: "odd: booleans, numbers as text, a full-width ２, a full-width grade and trailing spaces",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 2, "严重违法记录", true);
      setCell(s, TARGETS, 3, "本年度上级已抽检", false);
      setCell(s, TASKS, 2, "每部门检查人数", "２");
      setCell(s, TASKS, 2, "检查间隔天数", "90");
      setCell(s, TARGETS, 4, "信用风险等级", "Ｃ");
      setCell(s, INSPECTORS, 2, "执法证号", "H001  ");
      return setCell(s, TARGETS, 5, "名称", "测试医疗机构4   ");
    },
    errors: [],
    then: (b) => {
      expect([b.targets[0].violations, b.targets[1].upperSampled, b.targets[2].riskGrade, b.targets[3].name]).toEqual([
        true,
        false,
        "C",
        "测试医疗机构4",
      ]);
      expect([b.tasks[0].perDepartment, b.tasks[0].cooldownDays, b.inspectors[0].id]).toEqual([2, 90, "H001"]);
    },
  },
  {
    name: "odd: full-width ids are read half-width, with a warning at each",
    sheets: () =>
      setCell(setCell(validSheets(), INSPECTORS, 6, "执法证号", "Ｙ００１"), TASKS, 2, "任务编号", "Ｔ２０２６－０１"),
    errors: [],
    warnings: [`value_normalized@${INSPECTORS}!A6`, `value_normalized@${TASKS}!A2`],
    then: (b) => {
      expect(b.inspectors.map((i) => i.id)).toContain("Y001");
      expect(b.tasks[0].id).toBe("T2026-01");
    },
  },
  {
    name: "odd: a sheet name with spaces is found",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, TASKS).name = " 抽查 任务 ";
      return s;
    },
    errors: [],
    then: (b) => expect(b.sheets.tasks).toBe(" 抽查 任务 "),
  },
  {
    name: "odd: two sheet names differing only in width are warned",
    sheets: () => [...validSheets(), { name: "ｔａｓｋｓ", rows: [["任务编号"]] }],
    errors: [],
    warnings: ["sheet_duplicate@ｔａｓｋｓ!"],
    says: {
      "sheet_duplicate@ｔａｓｋｓ!": {
        column: "",
        zh: ["「ｔａｓｋｓ」", "只读取了「抽查任务」"],
        en: ['"ｔａｓｋｓ"', 'only "抽查任务" was read'],
      },
    },
  },
  {
    name: "odd: a column in XFD is read, and its faults are placed there",
    sheets: () => {
      const s = dropColumn(validSheets(), TARGETS, "经营状态");
      const t = sheetOf(s, TARGETS);
      t.rows.forEach((r, i) => {
        while (r.length < 16383) r.push(null);
        r[16383] = i === 0 ? "经营状态" : i === 2 ? "歇业" : "在营";
      });
      return s;
    },
    errors: [`enum_invalid@${TARGETS}!XFD3`],
    says: {
      [`enum_invalid@${TARGETS}!XFD3`]: {
        column: "经营状态",
        zh: ["「歇业」", "在营/停业/注销"],
        en: ['"歇业"', "在营/停业/注销"],
      },
    },
  },
  {
    name: "odd: 2024-02-29 is a date, 2023-02-29 is not",
    sheets: () =>
      setCell(
        setCell(validSheets(), TARGETS, 2, "最近检查日期", "2024-02-29"),
        TARGETS,
        3,
        "最近检查日期",
        "2023-02-29",
      ),
    errors: [`date_invalid@${TARGETS}!M3`],
    then: (b) => expect(b.targets[0].lastInspected).toBe("2024-02-29"),
  },

  // odd-inputs.md, "Wrong answers", now right: cells
  {
    name: "odd: formulas without a calculated result say so, required or not",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 2, "名称", { formula: "VLOOKUP(A2,底表!A:B,2,0)" });
      setCell(s, TARGETS, 3, "信用风险等级", { formula: 'IF(J3>0,"D","A")' });
      setCell(s, TARGETS, 4, "地址", { formula: "底表!C4" });
      return setCell(s, TASKS, 2, "开始日期", { formula: "DATE(2026,4,1)" });
    },
    errors: [
      `formula_uncalculated@${TARGETS}!B2`,
      `formula_uncalculated@${TARGETS}!I3`,
      `formula_uncalculated@${TARGETS}!F4`,
      `formula_uncalculated@${TASKS}!X2`,
    ],
    says: {
      [`formula_uncalculated@${TARGETS}!B2`]: {
        column: "名称",
        zh: ["=VLOOKUP(A2,底表!A:B,2,0)", "没有它的计算结果", "打开此文件并保存"],
        en: ["=VLOOKUP(A2,底表!A:B,2,0)", "no calculated result", "save it"],
      },
    },
    then: (b) => expect(b.targets.map((t) => t.row)).toEqual([5, 6, 7, 8, 9]),
  },
  {
    name: "odd: an inspector id from a float cell loses no digits silently",
    sheets: () => setCell(validSheets(), INSPECTORS, 8, "执法证号", 1.30105201e21),
    errors: [`id_as_number@${INSPECTORS}!A8`],
    says: {
      [`id_as_number@${INSPECTORS}!A8`]: {
        column: "执法证号",
        zh: ["1301052010000000000000", "显示为 1.30105201e+21", "「文本」格式"],
        en: ["1301052010000000000000", "shown as 1.30105201e+21", "Format the column as text"],
      },
    },
    then: (b) => expect(b.inspectors.map((i) => i.id)).not.toContain("1.30105201e+21"),
  },
  {
    name: "odd: a big id number in a list, and a whole-number id that is exact",
    sheets: () =>
      setCell(
        setCell(validSheets(), TARGETS, 5, "最近检查人员", 130105201000000000000),
        INSPECTORS,
        7,
        "执法证号",
        13010520,
      ),
    errors: [`id_as_number@${TARGETS}!N5`],
    then: (b) => expect(b.inspectors.map((i) => i.id)).toContain("13010520"),
  },
  {
    name: "odd: dates before 1900 or after 2100 are errors at their cell",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 2, "最近检查日期", "1899-12-31");
      setCell(s, TARGETS, 3, "最近检查日期", new Date(Date.UTC(1800, 0, 1)));
      setCell(s, TARGETS, 6, "最近检查日期", "1900-01-01");
      return setCell(setCell(s, TASKS, 2, "结束日期", "9999-12-31"), HOLIDAYS, 2, "日期", "2101-01-01");
    },
    errors: [
      `date_out_of_range@${TARGETS}!M2`,
      `date_out_of_range@${TARGETS}!M3`,
      `date_out_of_range@${TASKS}!Y2`,
      `date_out_of_range@${HOLIDAYS}!A2`,
    ],
    says: {
      [`date_out_of_range@${TARGETS}!M2`]: {
        column: "最近检查日期",
        zh: ["1899-12-31", "1900-01-01 至 2100-12-31"],
        en: ["1899-12-31", "between 1900-01-01 and 2100-12-31"],
      },
    },
    then: (b) => expect(b.targets.find((t) => t.row === 6)?.lastInspected).toBe("1900-01-01"),
  },
  {
    name: "odd: an unrelated one-column Excel table beside the registry hides nothing",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, TARGETS);
      const list = [
        "对象类别列表",
        "医疗机构",
        "诊所",
        "医疗美容机构",
        "药店",
        "养老机构",
        "学校",
        "托育机构",
        "社区卫生服务站",
        "门诊部",
        "村卫生室",
        "护理院",
      ];
      list.forEach((v, i) => {
        const r = t.rows[i] ?? (t.rows[i] = []);
        while (r.length < 17) r.push(null);
        r[17] = v;
      });
      t.tables = [{ name: "类别", headerRow: 1, firstColumn: 18, lastColumn: 18, lastRow: 12 }];
      return s;
    },
    errors: [],
    then: (b) => expect(b.targets).toHaveLength(8),
  },
  {
    name: "odd: an Excel table under the registry is not read as its rows",
    sheets: () => {
      const s = validSheets();
      const t = sheetOf(s, TARGETS);
      t.rows.push([], ["部门", "联系电话"], [HEALTH, "0311-1"], [INSURANCE, "0311-2"]);
      t.tables = [{ name: "电话", headerRow: 11, firstColumn: 1, lastColumn: 2, lastRow: 13 }];
      return s;
    },
    errors: [],
    then: (b) => expect(b.targets).toHaveLength(8),
  },
  {
    name: "odd: a one-column table over the registry's first column is part of the registry",
    sheets: () => {
      const s = validSheets();
      sheetOf(s, TARGETS).tables = [{ name: "代码", headerRow: 1, firstColumn: 1, lastColumn: 1, lastRow: 9 }];
      return s;
    },
    errors: [],
    then: (b) => expect(b.targets).toHaveLength(8),
  },
  {
    name: "odd: ratio 0% for every grade and no priority ratio draws nothing",
    sheets: () => {
      const s = validSheets();
      for (const h of ["A类比例", "B类比例", "C类比例", "D类比例"]) setCell(s, TASKS, 2, h, "0%");
      return s;
    },
    errors: [`task_draws_nothing@${TASKS}!H2`],
    says: {
      [`task_draws_nothing@${TASKS}!H2`]: {
        column: "A类比例",
        zh: ["按风险等级比例", "A类比例、B类比例、C类比例、D类比例 均为 0", "抽不到任何对象"],
        en: ["按风险等级比例", "A类比例、B类比例、C类比例、D类比例 are all 0", "would draw no target"],
      },
    },
    then: (b) => expect(b.tasks).toEqual([]),
  },
  {
    name: "odd: every ratio 0% but a priority ratio draws the priority stratum",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "重点对象比例", "50%");
      for (const h of ["A类比例", "B类比例", "C类比例", "D类比例"]) setCell(s, TASKS, 2, h, 0);
      return s;
    },
    errors: [],
    then: (b) => expect(b.tasks[0].priorityRatio).toBe(5000),
  },
  {
    name: "odd: every count 0 and a priority ratio of 0% draws nothing",
    sheets: () => {
      const s = setCell(setCell(validSheets(), TASKS, 2, "抽取方式", "按数量"), TASKS, 2, "重点对象比例", "0%");
      for (const h of ["A类数量", "B类数量", "C类数量", "D类数量"]) setCell(s, TASKS, 2, h, "0");
      return s;
    },
    errors: [`task_draws_nothing@${TASKS}!L2`],
  },

  // Text hygiene: invisible characters in ids, control characters in free text
  {
    name: "hygiene: ids with a zero-width space, a BOM, a bidi override or a control character",
    sheets: () => {
      const s = setCell(validSheets(), INSPECTORS, 3, "执法证号", `H002${ZWSP}`);
      setCell(s, TARGETS, 4, "统一社会信用代码", `\ufeff${uscc(3)}`);
      setCell(s, TASKS, 2, "任务编号", "T2026\u202e-01");
      setCell(s, ITEMS, 2, "事项编号", "WS-01\u000b");
      setCell(s, TARGETS, 5, "最近检查人员", `H001、Y001${ZWSP}`);
      return setCell(s, INSPECTORS, 6, "回避对象", `${uscc(5)}\u0085`);
    },
    errors: [
      `id_invisible_char@${ITEMS}!A2`,
      `id_invisible_char@${TARGETS}!A4`,
      `id_invisible_char@${TARGETS}!N5`,
      `id_invisible_char@${INSPECTORS}!A3`,
      `id_invisible_char@${INSPECTORS}!K6`,
      `id_invisible_char@${TASKS}!A2`,
    ],
    says: {
      [`id_invisible_char@${INSPECTORS}!A3`]: {
        column: "执法证号",
        zh: ["「H002[U+200B]」", "U+200B"],
        en: ['"H002[U+200B]"', "U+200B"],
      },
      [`id_invisible_char@${TARGETS}!A4`]: { column: "统一社会信用代码", zh: ["U+FEFF"], en: ["U+FEFF"] },
      [`id_invisible_char@${TASKS}!A2`]: { column: "任务编号", zh: ["U+202E"], en: ["U+202E"] },
      [`id_invisible_char@${ITEMS}!A2`]: { column: "事项编号", zh: ["U+000B"], en: ["U+000B"] },
      [`id_invisible_char@${INSPECTORS}!K6`]: { column: "回避对象", zh: ["U+0085"], en: ["U+0085"] },
    },
    then: (b) => expect(b.inspectors.map((i) => i.id)).not.toContain(`H002${ZWSP}`),
  },
  {
    name: "hygiene: control characters in free text are removed, with a warning; line breaks stay",
    sheets: () => {
      const s = setCell(validSheets(), TARGETS, 2, "名称", "测试医疗机构1\u000b");
      setCell(s, TARGETS, 3, "地址", "长安路\u00852号");
      setCell(s, ITEMS, 2, "抽查依据", "《医疗机构管理条例》\u0007第十五条");
      setCell(s, TARGETS, 4, "行业标签", "民营\u0001、连锁");
      setCell(s, TARGETS, 5, "地址", "长安路\n4号");
      return setCell(s, TARGETS, 6, "地址", "长安路\r\n5号\r");
    },
    errors: [],
    warnings: [
      `value_normalized@${ITEMS}!E2`,
      `value_normalized@${TARGETS}!B2`,
      `value_normalized@${TARGETS}!F3`,
      `value_normalized@${TARGETS}!D4`,
    ],
    says: {
      [`value_normalized@${TARGETS}!B2`]: {
        column: "名称",
        zh: ["「测试医疗机构1[U+000B]」", "已按「测试医疗机构1」读取", "控制字符"],
        en: ['"测试医疗机构1[U+000B]"', 'read as "测试医疗机构1"', "control characters"],
      },
    },
    then: (b) => {
      expect(b.targets.map((t) => t.name)[0]).toBe("测试医疗机构1");
      expect(b.targets.map((t) => t.address).slice(1, 5)).toEqual([
        "长安路2号",
        "长安路3号",
        "长安路\n4号",
        "长安路\n5号",
      ]);
      expect(b.targets[2].tags).toEqual(["民营", "连锁"]);
      expect(b.items[0].basis).toBe("《医疗机构管理条例》第十五条");
    },
  },
  {
    name: "hygiene: a zero-width space after a department and a BOM before a header are ignored",
    sheets: () => {
      const s = setCell(validSheets(), TASKS, 2, "参与部门", `${HEALTH}${ZWSP}、${INSURANCE}`);
      sheetOf(s, TARGETS).rows[0][0] = "\ufeff统一社会信用代码";
      return s;
    },
    errors: [],
    then: (b) => {
      expect(b.tasks[0].departments).toEqual([HEALTH, INSURANCE]);
      expect(b.targets).toHaveLength(8);
    },
  },

  // A team that can never be formed
  {
    name: "team: too few officers with the specialty an item needs (experts and absent staff not counted)",
    sheets: () => {
      // WS-02 needs 医疗美容: H002 has it, H003 no longer; the expert E001 and H004 (不在岗) have it too
      const s = setCell(validSheets(), TASKS, 2, "抽查事项", "WS-01、WS-02、YB-01");
      setCell(s, INSPECTORS, 5, "专业类别", "医疗美容");
      return setCell(s, INSPECTORS, 4, "专业类别", "公共卫生");
    },
    errors: [],
    warnings: [`team_never_formed@${TASKS}!D2`],
    says: {
      [`team_never_formed@${TASKS}!D2`]: {
        column: "参与部门",
        zh: [`「${HEALTH}」`, "（医疗美容）", "只有 1 名", "每部门检查人数 2"],
        en: [`"${HEALTH}"`, "(医疗美容)", "has 1 officers", "the 2 per department"],
      },
    },
    then: (b) => expect(b.tasks).toHaveLength(1),
  },
  {
    name: "team: two officers on duty with the specialty form a team, no warning",
    sheets: () => setCell(validSheets(), TASKS, 2, "抽查事项", "WS-01、WS-02、YB-01"),
    errors: [],
    then: (b) => expect(b.tasks[0].itemIds).toEqual(["WS-01", "WS-02", "YB-01"]),
  },

  // 单位信息
  {
    name: "units: read, departments matched to the registry's spelling",
    sheets: () => {
      const s = withUnitsAndPlan();
      return setCell(s, UNITS, 3, "部门", ` ${INSURANCE.replace("区", "区 ")} `);
    },
    errors: [],
    then: (b) => {
      expect(b.sheets.units).toBe(UNITS);
      expect(b.units).toEqual([
        {
          department: HEALTH,
          authority: "石家庄市新华区卫生健康局",
          contact: "王科长",
          phone: "0311-87000001",
          address: "石家庄市新华区长安路1号",
          head: "李局长",
          row: 2,
        },
        expect.objectContaining({ department: INSURANCE, authority: "石家庄市新华区医疗保障局", row: 3 }),
      ]);
    },
  },
  {
    name: "units: one row per department; an unknown department is a warning",
    sheets: () => {
      const s = withUnitsAndPlan();
      addRow(s, UNITS, [HEALTH, "新华区卫健局", "", "", "", ""]);
      return addRow(s, UNITS, ["区市场监管局", "石家庄市新华区市场监督管理局", "", "", "", ""]);
    },
    errors: [`unit_duplicate@${UNITS}!A4`],
    warnings: [`unit_department_unknown@${UNITS}!A5`],
    says: {
      [`unit_duplicate@${UNITS}!A4`]: {
        column: "部门",
        zh: [`「${HEALTH}」`, "第 2 行", "只能有一行"],
        en: [`"${HEALTH}"`, "row 2", "one row"],
      },
      [`unit_department_unknown@${UNITS}!A5`]: {
        column: "部门",
        zh: ["「区市场监管局」", HEALTH],
        en: ['"区市场监管局"', HEALTH],
      },
    },
    then: (b) => expect(b.units.map((u) => u.row)).toEqual([2, 3, 5]),
  },
  {
    name: "units: English sheet name and headers; 单位全称 is required",
    sheets: () => [
      ...validSheets(),
      sheet(
        "units",
        ["department", "authority", "head"],
        [
          [HEALTH, "石家庄市新华区卫生健康局", "李局长"],
          [INSURANCE, "", "钱局长"],
        ],
      ),
    ],
    errors: [`required_missing@units!B3`],
    then: (b) =>
      expect(b.units).toEqual([expect.objectContaining({ department: HEALTH, head: "李局长", contact: "" })]),
  },
  {
    name: "units: a sheet without 单位全称",
    sheets: () => dropColumn(withUnitsAndPlan(), UNITS, "单位全称"),
    errors: [`header_missing@${UNITS}!r1`],
    says: {
      [`header_missing@${UNITS}!r1`]: {
        column: "单位全称",
        zh: ["「单位全称」", "「authority」"],
        en: ['"单位全称"', '"authority"'],
      },
    },
  },

  // 年度抽查计划
  {
    name: "plan: read into batches, by ratio or by count",
    sheets: withUnitsAndPlan,
    errors: [],
    then: (b) => {
      expect(b.sheets.plans).toBe(PLANS);
      expect(b.plans).toEqual([
        {
          year: 2026,
          batch: "第一批",
          department: HEALTH,
          itemIds: ["WS-01"],
          categories: ["医疗机构"],
          plannedRatio: 500,
          plannedCount: null,
          start: "2026-03-01",
          end: "2026-06-30",
          taskIds: ["T2026-01"],
          row: 2,
        },
        {
          year: 2026,
          batch: "第二批",
          department: INSURANCE,
          itemIds: ["YB-01"],
          categories: [],
          plannedRatio: null,
          plannedCount: 20,
          start: "2026-07-01",
          end: "2026-11-30",
          taskIds: [],
          row: 3,
        },
      ]);
    },
  },
  {
    name: "plan: a ratio and a count, or neither",
    sheets: () => setCell(setCell(withUnitsAndPlan(), PLANS, 2, "计划抽查户数", 10), PLANS, 3, "计划抽查户数", null),
    errors: [`plan_target_both@${PLANS}!G2`, `plan_target_missing@${PLANS}!F3`],
    says: {
      [`plan_target_both@${PLANS}!G2`]: { column: "计划抽查户数", zh: ["只能填写其一"], en: ["not both"] },
      [`plan_target_missing@${PLANS}!F3`]: { column: "计划抽查比例", zh: ["之一"], en: ["either"] },
    },
    then: (b) => expect(b.plans).toEqual([]),
  },
  {
    name: "plan: a year that is not one, 2026年 that is, dates out of order and outside the year",
    sheets: () => {
      const s = setCell(withUnitsAndPlan(), PLANS, 2, "年度", "26");
      addRow(s, PLANS, ["2026年", "第三批", HEALTH, "WS-02", "", "10%", null, "2026-12-01", "2026-09-01", ""]);
      return addRow(s, PLANS, [2026, "第四批", HEALTH, "WS-02", "", "10%", null, "2026-12-01", "2027-01-31", ""]);
    },
    errors: [`year_invalid@${PLANS}!A2`, `plan_end_before_start@${PLANS}!I4`],
    warnings: [`plan_outside_year@${PLANS}!H5`],
    says: {
      [`year_invalid@${PLANS}!A2`]: {
        column: "年度",
        zh: ["「26」", "1900 至 2100", "2026"],
        en: ['"26"', "1900 to 2100", "2026"],
      },
      [`plan_end_before_start@${PLANS}!I4`]: {
        column: "计划结束日期",
        zh: ["2026-09-01", "2026-12-01"],
        en: ["2026-09-01", "2026-12-01"],
      },
      [`plan_outside_year@${PLANS}!H5`]: {
        column: "计划开始日期",
        zh: ["2027-01-31", "2026"],
        en: ["2027-01-31", "2026"],
      },
    },
    then: (b) =>
      expect(b.plans.map((p) => [p.row, p.year])).toEqual([
        [3, 2026],
        [5, 2026],
      ]),
  },
  {
    name: "plan: unknown department and item are errors; unknown category and task are warnings",
    sheets: () => {
      const s = setCell(withUnitsAndPlan(), PLANS, 2, "部门", "区市场监管局");
      setCell(s, PLANS, 3, "抽查事项", "YB-01、YB-09");
      setCell(s, PLANS, 3, "对象类别", "药店");
      return setCell(s, PLANS, 3, "任务编号", "T2026-05");
    },
    errors: [`unknown_department@${PLANS}!C2`, `unknown_item@${PLANS}!D3`],
    warnings: [`category_unknown@${PLANS}!E3`, `plan_task_unknown@${PLANS}!J3`],
    says: {
      [`unknown_item@${PLANS}!D3`]: { column: "抽查事项", zh: ["「YB-09」"], en: ['"YB-09"'] },
      [`plan_task_unknown@${PLANS}!J3`]: {
        column: "任务编号",
        zh: ["「T2026-05」", "T2026-01"],
        en: ['"T2026-05"', "T2026-01"],
      },
    },
  },
  {
    name: "plan: an empty unit sheet and a plan sheet of its header only are no error",
    sheets: () => [...validSheets(), { name: UNITS, rows: [] }, { name: PLANS, rows: [[...PLAN_HEADER]] }],
    errors: [],
    then: (b) => expect([b.units, b.plans]).toEqual([[], []]),
  },
];

describe("malformed workbooks", () => {
  test("the corpus has at least 30 malformed workbooks", () => {
    expect(cases.filter((c) => c.errors.length + (c.warnings?.length ?? 0) > 0).length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const book = parseBook(c.sheets(), c.options);
    expect(book.errors.map(where)).toEqual(c.errors);
    expect(book.warnings.map(where)).toEqual(c.warnings ?? []);
    for (const i of [...book.errors, ...book.warnings]) {
      expect(i.message).not.toMatch(/\{\w+\}/);
      expect(i.severity).toBe(book.errors.includes(i) ? "error" : "warning");
      // an issue at a cell names its column and its row
      if (i.cell !== "") {
        expect(i.column).not.toBe("");
        expect(i.cell).toBe(`${/^[A-Z]+/.exec(i.cell)![0]}${i.row}`);
      }
    }
    if (c.says) {
      const en = parseBook(c.sheets(), { ...c.options, lang: "en" });
      for (const [at, says] of Object.entries(c.says)) {
        const zhIssue = [...book.errors, ...book.warnings].find((i) => where(i) === at);
        const enIssue = [...en.errors, ...en.warnings].find((i) => where(i) === at);
        expect([at, zhIssue?.column]).toEqual([at, says.column]);
        for (const w of says.zh) expect(zhIssue?.message).toContain(w);
        for (const w of says.en) expect(enIssue?.message).toContain(w);
      }
    }
    c.then?.(book);
  });

  test("messages render in English too, without placeholders left", () => {
    for (const c of cases) {
      const book = parseBook(c.sheets(), { ...c.options, lang: "en" });
      for (const i of [...book.errors, ...book.warnings]) {
        expect(i.message).not.toMatch(/\{\w+\}/);
        expect(i.message).not.toMatch(/请|。/);
      }
    }
  });
});

describe("odd options", () => {
  // --date and --today are checked by isIsoDate in the command line and the use-cases
  test.each([
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026/03/01", false],
    ["20260301", false],
    ["0000-01-01", false],
    ["1899-12-31", false],
    ["2101-01-01", false],
    ["9999-12-31", false],
    [" 2026-03-01", false],
    ["1900-01-01", true],
    ["2100-12-31", true],
    ["2024-02-29", true],
  ])("date option %s is %s", (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});
