// A valid workbook built in code (SheetData, no binaries), and small helpers to break it.
// Reused by other capabilities' tests: `validSheets()` gives the sheets, `parseBook(validSheets())`
// a Book with no errors.
import type { CellValue, SheetData } from "../../../src/workbook/port";
import { usccCheckChar } from "../../../src/core/schema/uscc";

export const HEALTH = "区卫生健康局";
export const INSURANCE = "区医疗保障局";

/** A valid USCC from a number (check character computed). */
export function uscc(n: number): string {
  const first17 = "9113010" + String(n).padStart(10, "0");
  return first17 + usccCheckChar(first17);
}

export const ITEM_HEADER = [
  "事项编号",
  "部门",
  "抽查事项",
  "检查要点",
  "抽查依据",
  "检查方式",
  "适用对象类别",
  "专业类别",
];
export const TARGET_HEADER = [
  "统一社会信用代码",
  "名称",
  "对象类别",
  "行业标签",
  "所属区域",
  "地址",
  "负责人",
  "联系电话",
  "信用风险等级",
  "投诉举报次数",
  "严重违法记录",
  "本年度上级已抽检",
  "最近检查日期",
  "最近检查人员",
  "经营状态",
];
export const INSPECTOR_HEADER = [
  "执法证号",
  "姓名",
  "部门",
  "科室",
  "职务",
  "专业类别",
  "执法领域",
  "人员类型",
  "在岗状态",
  "所属区域",
  "回避对象",
];
export const TASK_HEADER = [
  "任务编号",
  "任务名称",
  "牵头部门",
  "参与部门",
  "抽查事项",
  "对象类别",
  "抽取方式",
  "A类比例",
  "B类比例",
  "C类比例",
  "D类比例",
  "A类数量",
  "B类数量",
  "C类数量",
  "D类数量",
  "重点对象比例",
  "最低抽查比例",
  "每部门检查人数",
  "回避上次检查人员",
  "排除上级已抽检",
  "检查间隔天数",
  "备选数量",
  "异地交叉检查",
  "开始日期",
  "结束日期",
];
export const HOLIDAY_HEADER = ["日期", "类型"];
export const UNIT_HEADER = ["部门", "单位全称", "联系人", "联系电话", "地址", "负责人"];
export const PLAN_HEADER = [
  "年度",
  "批次",
  "部门",
  "抽查事项",
  "对象类别",
  "计划抽查比例",
  "计划抽查户数",
  "计划开始日期",
  "计划结束日期",
  "任务编号",
];

/** 单位信息 of both departments. */
export function unitRows(): CellValue[][] {
  return [
    [HEALTH, "石家庄市新华区卫生健康局", "王科长", "0311-87000001", "石家庄市新华区长安路1号", "李局长"],
    [INSURANCE, "石家庄市新华区医疗保障局", "赵科长", "0311-87000002", "石家庄市新华区长安路2号", "钱局长"],
  ];
}

/** 年度抽查计划: a ratio batch carried out by T2026-01, and a count batch not yet drawn. */
export function planRows(): CellValue[][] {
  return [
    [2026, "第一批", HEALTH, "WS-01", "医疗机构", "5%", null, "2026-03-01", "2026-06-30", "T2026-01"],
    [2026, "第二批", INSURANCE, "YB-01", "", null, 20, "2026-07-01", "2026-11-30", ""],
  ];
}

export function itemRows(): CellValue[][] {
  return [
    [
      "WS-01",
      HEALTH,
      "对医疗机构和医疗行为的监督检查",
      "执业许可及校验情况",
      "《医疗机构管理条例》",
      "现场检查",
      "医疗机构、诊所",
      "",
    ],
    ["WS-01", HEALTH, "对医疗机构和医疗行为的监督检查", "医师执业资质", "《医师法》", "现场检查", "", ""],
    [
      "WS-02",
      HEALTH,
      "对医疗美容机构的监督检查",
      "医疗美容项目备案",
      "《医疗美容服务管理办法》",
      "书面检查",
      "医疗美容机构",
      "医疗美容",
    ],
    [
      "YB-01",
      INSURANCE,
      "对定点医药机构的监督检查",
      "医保基金使用情况",
      "《医疗保障基金使用监督管理条例》",
      "信息比对",
      "",
      "医保",
    ],
  ];
}

const GRADES = ["A", "B", "C", "D"];
const CATEGORIES = ["医疗机构", "诊所", "医疗美容机构"];

/** Target n (1-based): grade and category cycle; target 3 has complaints, target 4 a last inspection. */
export function targetRow(n: number): CellValue[] {
  return [
    uscc(n),
    `测试医疗机构${n}`,
    CATEGORIES[(n - 1) % 3],
    "",
    n % 2 === 0 ? "东区" : "西区",
    `长安路${n}号`,
    `负责人${n}`,
    `0311-8${String(n).padStart(6, "0")}`,
    GRADES[(n - 1) % 4],
    n === 3 ? 2 : 0,
    "否",
    "否",
    n === 4 ? "2025-11-20" : null,
    n === 4 ? "H001、Y001" : "",
    "在营",
  ];
}

export function targetRows(count = 8): CellValue[][] {
  return Array.from({ length: count }, (_, i) => targetRow(i + 1));
}

export function inspectorRows(): CellValue[][] {
  return [
    ["H001", "张明", HEALTH, "医疗卫生监督科", "科长", "医疗机构", "医疗卫生", "执法人员", "在岗", "东区", ""],
    [
      "H002",
      "李华",
      HEALTH,
      "医疗卫生监督科",
      "科员",
      "医疗机构、医疗美容",
      "医疗卫生",
      "执法人员",
      "在岗",
      "西区",
      uscc(1),
    ],
    ["H003", "王芳", HEALTH, "公共卫生监督科", "科员", "医疗美容", "公共卫生", "", "", "东区", ""],
    ["H004", "赵强", HEALTH, "公共卫生监督科", "科员", "", "公共卫生", "执法人员", "不在岗", "西区", ""],
    ["Y001", "陈静", INSURANCE, "基金监管科", "科长", "医保", "医保基金", "执法人员", "在岗", "东区", ""],
    ["Y002", "刘洋", INSURANCE, "基金监管科", "科员", "医保", "医保基金", "执法人员", "在岗", "西区", ""],
    ["Y003", "周敏", INSURANCE, "基金监管科", "科员", "医保", "医保基金", "执法人员", "在岗", "东区", ""],
    ["E001", "孙教授", HEALTH, "", "专家", "医疗美容", "", "专家", "在岗", "", ""],
  ];
}

/** The ratio task T2026-01 of both departments. */
export function taskRows(): CellValue[][] {
  return [
    [
      "T2026-01",
      "2026年医疗机构联合抽查",
      HEALTH,
      `${HEALTH}、${INSURANCE}`,
      "WS-01、YB-01",
      "医疗机构、诊所",
      "按风险等级比例",
      "3%",
      "5%",
      "10%",
      "20%",
      null,
      null,
      null,
      null,
      "",
      "3%",
      2,
      "是",
      "是",
      180,
      1,
      "否",
      "2026-04-01",
      "2026-06-30",
    ],
  ];
}

export function holidayRows(): CellValue[][] {
  return [
    ["2026-10-01", "休息日"],
    ["2026-10-10", "工作日"],
  ];
}

/** A sheet from a header and rows (header in row 1). */
export function sheet(name: string, header: CellValue[], rows: CellValue[][]): SheetData {
  return { name, rows: [[...header], ...rows.map((r) => [...r])] };
}

/** The five input sheets of a valid workbook (no 检查结果 sheet). */
export function validSheets(): SheetData[] {
  return [
    sheet("抽查事项清单", ITEM_HEADER, itemRows()),
    sheet("检查对象名录库", TARGET_HEADER, targetRows()),
    sheet("执法检查人员名录库", INSPECTOR_HEADER, inspectorRows()),
    sheet("抽查任务", TASK_HEADER, taskRows()),
    sheet("节假日", HOLIDAY_HEADER, holidayRows()),
  ];
}

/** The sheet of that name (throws in a test when absent: a broken fixture is a bug). */
export function sheetOf(sheets: SheetData[], name: string): SheetData {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`fixture has no sheet ${name}`);
  return s;
}

/** Sets the cell under `header` in 1-based sheet row `row` (header row 1), returning the sheets. */
export function setCell(sheets: SheetData[], name: string, row: number, header: string, value: CellValue): SheetData[] {
  const s = sheetOf(sheets, name);
  const col = s.rows[0].indexOf(header);
  if (col < 0) throw new Error(`fixture sheet ${name} has no header ${header}`);
  while (s.rows.length < row) s.rows.push([]);
  const r = s.rows[row - 1];
  while (r.length <= col) r.push(null);
  r[col] = value;
  return sheets;
}

/** Removes the column headed `header` from a sheet, returning the sheets. */
export function dropColumn(sheets: SheetData[], name: string, header: string): SheetData[] {
  const s = sheetOf(sheets, name);
  const col = s.rows[0].indexOf(header);
  if (col < 0) throw new Error(`fixture sheet ${name} has no header ${header}`);
  s.rows = s.rows.map((r) => r.filter((_, i) => i !== col));
  return sheets;
}

/** Appends a row to a sheet, returning the sheets. */
export function addRow(sheets: SheetData[], name: string, row: CellValue[]): SheetData[] {
  sheetOf(sheets, name).rows.push([...row]);
  return sheets;
}

/** 0-based column of a header in a fixture sheet; for building expected cell addresses. */
export function columnOf(sheets: SheetData[], name: string, header: string): number {
  return sheetOf(sheets, name).rows[0].indexOf(header);
}
