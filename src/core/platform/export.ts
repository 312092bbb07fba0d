// The results in the fields the national enterprise credit publicity system (国家企业信用信息公示系统)
// shows of an inspection: 检查实施机关, 类型, 日期, 结果 (and, for a penalty, 处罚决定书文号 and its
// date), one row per inspected target and department, as a sheet for .xlsx and as CSV for WPS and Excel.
import type { InspectionResult, IsoDate, ResultCategory, Unit } from "../model";
import type { SheetSpec } from "../sheet";
import { issue, type Issue, type Lang } from "../issues/issue";
import { inspectionKind } from "../publicity/sheets";
import { EXTERNAL_LABEL, type YearDraw } from "../year/input";
import { toCsv } from "./csv";

/** 抽查检查信息: one row for the national publicity system. */
export interface NationalRow {
  uscc: string;
  name: string;
  /** 检查实施机关: the department's full name (单位信息), else the department */
  authority: string;
  /** 类型 */
  kind: string;
  /** 日期: the inspection's completion date */
  date: IsoDate;
  /** 结果 */
  result: ResultCategory;
  penaltyNo: string;
  penaltyDate: IsoDate | null;
  department: string;
  taskId: string;
  taskName: string;
  /** DRP-1 or 外部抽取 */
  drawMode: string;
  /** 公示日期 in the workbook, if published */
  published: IsoDate | null;
  /** the 检查结果 row */
  row: number;
}

export const NATIONAL_SHEET = "国家公示系统导出";

/** The columns, the publicity system's own first. */
export const NATIONAL_HEADER = [
  "统一社会信用代码",
  "企业名称",
  "检查实施机关",
  "类型",
  "日期",
  "结果",
  "处罚决定书文号",
  "处罚决定日期",
  "检查部门",
  "任务编号",
  "任务名称",
  "抽取方式",
  "公示日期",
  "检查结果行",
] as const;

export interface NationalInput {
  draws: readonly YearDraw[];
  results: readonly InspectionResult[];
  units?: readonly Unit[];
  lang?: Lang;
}

/** The inspected rows of the draws (a completion date and a result), in draw order, each draw's targets in order. */
export function nationalRows(input: NationalInput): { rows: NationalRow[]; issues: Issue[] } {
  const { draws, results, units = [], lang = "zh" } = input;
  const issues: Issue[] = [];
  const authority = new Map<string, string>();
  for (const u of units) if (u.authority.trim() !== "") authority.set(u.department, u.authority.trim());
  const missing = new Set<string>();
  const first = new Map<string, InspectionResult>();
  for (const r of results) {
    const k = `${r.taskId}|${r.uscc}|${r.department}`;
    if (!first.has(k)) first.set(k, r);
  }
  const rows: NationalRow[] = [];
  for (const d of draws)
    for (const t of d.targets)
      for (const department of t.departments) {
        const r = first.get(`${d.taskId}|${t.uscc}|${department}`);
        if (!r || r.completed === null || r.result === null) continue;
        if (!authority.has(department) && !missing.has(department)) {
          missing.add(department);
          issues.push(issue("export_authority_missing", { sheet: "单位信息" }, { department }, lang));
        }
        rows.push({
          uscc: t.uscc,
          name: t.name || r.name,
          authority: authority.get(department) ?? department,
          kind: inspectionKind(d.departments),
          date: r.completed,
          result: r.result,
          penaltyNo: r.result === "行政处罚" ? r.penaltyNo : "",
          penaltyDate: r.result === "行政处罚" ? r.penaltyDate : null,
          department,
          taskId: d.taskId,
          taskName: d.taskName,
          drawMode: d.external ? EXTERNAL_LABEL : "DRP-1",
          published: r.published,
          row: r.row,
        });
      }
  return { rows, issues };
}

function cells(r: NationalRow): (string | number)[] {
  return [
    r.uscc,
    r.name,
    r.authority,
    r.kind,
    r.date,
    r.result,
    r.penaltyNo,
    r.penaltyDate ?? "",
    r.department,
    r.taskId,
    r.taskName,
    r.drawMode,
    r.published ?? "",
    r.row,
  ];
}

/** The export as a sheet: a plain table (header in row 1) that the system's import and a clerk can read. */
export function nationalSheet(rows: readonly NationalRow[], name = NATIONAL_SHEET): SheetSpec {
  return {
    name,
    rows: [[...NATIONAL_HEADER], ...rows.map(cells)],
    columnWidths: [22, 30, 30, 16, 12, 20, 24, 12, 16, 14, 24, 10, 12, 10],
    styles: [{ range: "A1:N1", style: { bold: true, fill: "DDEBF7", border: true } }],
    frozenRows: 1,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
  };
}

/** The export as CSV text: UTF-8 with BOM, CRLF, quoted where needed (see csv.ts). */
export function nationalCsv(rows: readonly NationalRow[]): string {
  return toCsv([[...NATIONAL_HEADER], ...rows.map(cells)]);
}
