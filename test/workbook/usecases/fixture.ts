// A hand-made workbook for the use-case tests: the schema fixtures' sheets, grown to enough
// targets and inspectors that a draw selects several targets, plus a second task sharing an item.
import type { CellValue, SheetData } from "../../../src/workbook/port";
import {
  HEALTH,
  INSURANCE,
  TASK_HEADER,
  addRow,
  inspectorRows,
  setCell,
  sheetOf,
  targetRow,
  taskRows,
  uscc,
  validSheets,
} from "../../core/schema/fixtures";
import { MemoryWorkbook } from "../memory-port";

export { HEALTH, INSURANCE, uscc, setCell, sheetOf, addRow };

export const TASK = "T2026-01";
export const TASK2 = "T2026-02";
export const DATE = "2026-04-01";
export const SEED = "20260401-福彩3D-123";
/** A fixed clock: 2026-04-01 09:30 China time. */
export const NOW = new Date("2026-04-01T01:30:00Z");

export const TARGETS = "检查对象名录库";
export const INSPECTORS = "执法检查人员名录库";
export const TASKS = "抽查任务";
export const ITEMS = "抽查事项清单";

/** The task row of T2026-02: the health department alone, item WS-01 (shared with T2026-01), counts. */
function task2Row(): CellValue[] {
  const row = taskRows()[0].map((v) => v);
  const set = (header: string, v: CellValue) => (row[TASK_HEADER.indexOf(header)] = v);
  set("任务编号", TASK2);
  set("任务名称", "2026年诊所专项抽查");
  set("参与部门", HEALTH);
  set("抽查事项", "WS-01");
  set("抽取方式", "按数量");
  for (const g of ["A", "B", "C", "D"]) set(`${g}类比例`, null);
  for (const g of ["A", "B", "C", "D"]) set(`${g}类数量`, 3);
  set("最低抽查比例", "");
  set("检查间隔天数", 0);
  set("备选数量", 0);
  return row;
}

/**
 * The sheets of a valid workbook: `targets` targets (the schema fixture's cycle of grades and
 * categories), six health and four insurance inspectors, task T2026-01 with higher ratios and,
 * with `task2`, task T2026-02.
 */
export function fixtureSheets(options: { targets?: number; task2?: boolean } = {}): SheetData[] {
  const n = options.targets ?? 40;
  const sheets = validSheets();
  const targets = sheetOf(sheets, TARGETS);
  targets.rows = [targets.rows[0], ...Array.from({ length: n }, (_, i) => targetRow(i + 1))];
  const inspectors = sheetOf(sheets, INSPECTORS);
  const extra: CellValue[][] = [
    ["H005", "钱进", HEALTH, "医疗卫生监督科", "科员", "", "医疗卫生", "执法人员", "在岗", "东区", ""],
    ["H006", "吴越", HEALTH, "医疗卫生监督科", "科员", "", "医疗卫生", "执法人员", "在岗", "西区", ""],
    ["Y004", "郑平", INSURANCE, "基金监管科", "科员", "医保", "医保基金", "执法人员", "在岗", "西区", ""],
  ];
  inspectors.rows = [inspectors.rows[0], ...inspectorRows(), ...extra];
  for (const [g, v] of [
    ["A", "20%"],
    ["B", "30%"],
    ["C", "40%"],
    ["D", "50%"],
  ])
    setCell(sheets, TASKS, 2, `${g}类比例`, v);
  if (options.task2) addRow(sheets, TASKS, task2Row());
  return sheets;
}

export function fixtureBook(options: { targets?: number; task2?: boolean } = {}): MemoryWorkbook {
  return new MemoryWorkbook(fixtureSheets(options));
}

/** Every sheet of a port, in order, as plain rows (for "nothing was written" comparisons). */
export async function dump(port: {
  sheetNames(): Promise<string[]>;
  readSheet(n: string): Promise<SheetData>;
}): Promise<{ name: string; rows: CellValue[][] }[]> {
  const out: { name: string; rows: CellValue[][] }[] = [];
  for (const name of await port.sheetNames()) {
    const s = await port.readSheet(name);
    out.push({ name, rows: s.rows.map((r) => [...r]) });
  }
  return out;
}

/** 1-based sheet row and 0-based column of the first cell in `sheet` whose text is `text`. */
export function findCell(rows: CellValue[][], text: string): { row: number; column: number } | null {
  for (let r = 0; r < rows.length; r++)
    for (let c = 0; c < (rows[r] ?? []).length; c++) if (rows[r][c] === text) return { row: r + 1, column: c };
  return null;
}
