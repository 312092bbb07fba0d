// 抽取记录: the protected draw log, one row per freeze and per draw ever made, voided ones kept.
import type { DrawRecord, DrawStatus, SeedSource } from "../core/model";
import type { CellValue, SheetData, SheetSpec } from "./port";
import { cellText, parseYes, yesNo } from "./cells";
import { LOG_SHEET } from "./names";
import type { SheetProblem } from "./snapshot-sheet";
import { columnLetter } from "../core/issues/issue";

export const SEED_SOURCE_LABELS: Record<SeedSource, string> = {
  entered: "人工输入",
  generated: "系统生成（密码学随机源，128位）",
};

interface LogColumn {
  header: string;
  write: (r: DrawRecord) => string;
  read: (s: string, r: DrawRecord) => boolean;
}

const STATUSES: DrawStatus[] = ["待抽取", "有效", "作废"];

const COLUMNS: LogColumn[] = [
  { header: "时间", write: (r) => r.timestamp, read: (s, r) => !!(r.timestamp = s) },
  { header: "协议", write: (r) => r.protocol, read: (s) => s === "DRP-1" },
  { header: "任务编号", write: (r) => r.taskId, read: (s, r) => !!(r.taskId = s) },
  { header: "任务名称", write: (r) => r.taskName, read: (s, r) => ((r.taskName = s), true) },
  { header: "状态", write: (r) => r.status, read: (s, r) => STATUSES.includes((r.status = s as DrawStatus)) },
  { header: "作废原因", write: (r) => r.reason, read: (s, r) => ((r.reason = s), true) },
  { header: "结果表", write: (r) => r.sheet, read: (s, r) => ((r.sheet = s), true) },
  { header: "快照表", write: (r) => r.snapshotSheet, read: (s, r) => !!(r.snapshotSheet = s) },
  { header: "抽取日期", write: (r) => r.date, read: (s, r) => /^\d{4}-\d{2}-\d{2}$/.test((r.date = s)) },
  { header: "随机种子", write: (r) => r.seed ?? "", read: (s, r) => ((r.seed = s === "" ? null : s), true) },
  {
    header: "种子来源",
    write: (r) => (r.seedSource ? SEED_SOURCE_LABELS[r.seedSource] : ""),
    read: (s, r) => {
      const found = (Object.keys(SEED_SOURCE_LABELS) as SeedSource[]).find((k) => SEED_SOURCE_LABELS[k] === s);
      r.seedSource = found ?? null;
      return s === "" || found !== undefined;
    },
  },
  { header: "取种规则", write: (r) => r.seedRule, read: (s, r) => ((r.seedRule = s), true) },
  {
    header: "先冻结后取种",
    write: (r) => yesNo(r.frozen),
    read: (s, r) => {
      const b = parseYes(s);
      r.frozen = b === true;
      return b !== null;
    },
  },
  { header: "输入摘要（SHA-256）", write: (r) => r.digest, read: (s, r) => /^[0-9a-f]{64}$/.test((r.digest = s)) },
  { header: "操作人", write: (r) => r.operator, read: (s, r) => ((r.operator = s), true) },
  { header: "见证人", write: (r) => r.witness, read: (s, r) => ((r.witness = s), true) },
  {
    header: "警告",
    write: (r) => r.warnings.join("\n"),
    read: (s, r) => ((r.warnings = s === "" ? [] : s.split("\n")), true),
  },
];

/** Renders the whole log. */
export function renderLogSheet(records: DrawRecord[]): SheetSpec {
  const last = columnLetter(COLUMNS.length - 1);
  return {
    name: LOG_SHEET,
    rows: [COLUMNS.map((c) => c.header), ...records.map((r) => COLUMNS.map((c) => c.write(r)))],
    columnWidths: [26, 7, 14, 24, 6, 16, 22, 22, 11, 34, 14, 28, 8, 30, 10, 10, 30],
    styles: [{ range: `A1:${last}1`, style: { bold: true, fill: "DDEBF7", border: true } }],
    frozenRows: 1,
    protect: true,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
  };
}

/** Reads the log back; an absent sheet is an empty log. */
export function parseLogSheet(sheet: SheetData | null): { records: DrawRecord[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  if (!sheet) return { records: [], problems };
  const text = (r: number, c: number) => cellText(sheet.rows[r]?.[c] as CellValue | undefined).trim();
  const header = (sheet.rows[0] ?? []).map((_, c) => text(0, c));
  const index = COLUMNS.map((col) => header.indexOf(col.header));
  COLUMNS.forEach((col, i) => {
    if (index[i] < 0)
      problems.push({ sheet: sheet.name, cell: "", field: col.header, message: `缺少「${col.header}」列` });
  });
  const records: DrawRecord[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    if (header.every((_, c) => text(r, c) === "")) continue;
    const rec = {
      protocol: "DRP-1",
      taskId: "",
      taskName: "",
      seed: null,
      seedSource: null,
      seedRule: "",
      frozen: false,
      date: "",
      timestamp: "",
      operator: "",
      witness: "",
      digest: "",
      sheet: "",
      snapshotSheet: "",
      status: "有效",
      reason: "",
      warnings: [],
    } as DrawRecord;
    COLUMNS.forEach((col, i) => {
      if (index[i] < 0) return;
      const s = text(r, index[i]);
      if (!col.read(s, rec))
        problems.push({
          sheet: sheet.name,
          cell: `${columnLetter(index[i])}${r + 1}`,
          field: col.header,
          message: `「${col.header}」的值「${s}」无法读取`,
        });
    });
    records.push(rec);
  }
  return { records, problems };
}
