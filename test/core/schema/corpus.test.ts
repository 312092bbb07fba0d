// A corpus of malformed workbooks, built in code. Each yields exactly the expected issues (code at
// sheet and cell), never an exception.
import { parseBook, type Book, type ParseOptions } from "../../../src/core/schema";
import { usccCheckChar } from "../../../src/core/schema/uscc";
import type { Issue } from "../../../src/core/issues/issue";
import type { SheetData } from "../../../src/workbook/port";
import {
  addRow,
  dropColumn,
  HEALTH,
  INSURANCE,
  ITEM_HEADER,
  itemRows,
  setCell,
  sheet,
  sheetOf,
  targetRow,
  uscc,
  validSheets,
} from "./fixtures";

const ITEMS = "抽查事项清单";
const TARGETS = "检查对象名录库";
const INSPECTORS = "执法检查人员名录库";
const TASKS = "抽查任务";
const HOLIDAYS = "节假日";

/** 'code@sheet!cell' (or '!r<row>' when the issue has no cell, nothing when it has no row). */
const where = (i: Issue) => `${i.code}@${i.sheet}!${i.cell || (i.row !== null ? `r${i.row}` : "")}`;

/** A valid USCC with letters in it, so that its lower-case spelling differs. */
const LETTERED = "91130100MA0000001" + usccCheckChar("91130100MA0000001");

function wrongCheck(code: string): string {
  const last = code[17] === "0" ? "1" : "0";
  return code.slice(0, 17) + last;
}

interface Case {
  name: string;
  sheets: () => SheetData[];
  options?: ParseOptions;
  errors: string[];
  warnings?: string[];
  /** further assertions on the book */
  then?: (book: Book) => void;
}

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
      });
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
