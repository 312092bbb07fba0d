// 抽取记录: the protected, append-only draw log, one row per event (冻结, 抽取, 作废, 替补), each
// chained to the one before by its hash. One layout (header, field, width) renders it, appends to
// it and reads it back; the register (src/core/draw/register.ts) gives the rows their meaning.
// The log format before the chain (one row per draw, its status rewritten in place) is still read.
import type { DrawRecord, DrawStatus, SeedSource } from "../core/model";
import { LOG_FIELDS, type LogEntry, type LogField } from "../core/draw/chain";
import { buildRegister, SEED_SOURCE_LABELS, type Register } from "../core/draw/register";
import { legacyRegister, type LegacyRow } from "../core/draw/legacy";
import { columnLetter, issue, type Issue, type Lang } from "../core/issues/issue";
import type { CellValue, SheetData, SheetSpec } from "./port";
import { cellText, parseYes } from "./cells";
import { LOG_SHEET } from "./names";

export { SEED_SOURCE_LABELS };

/** The columns of the log: header, the entry field it holds, width, and whether it is a number. */
const LAYOUT: { field: LogField; header: string; width: number; number?: boolean }[] = [
  { field: "seq", header: "序号", width: 6, number: true },
  { field: "time", header: "时间", width: 26 },
  { field: "event", header: "事件", width: 6 },
  { field: "taskId", header: "任务编号", width: 14 },
  { field: "taskName", header: "任务名称", width: 24 },
  { field: "snapshotSheet", header: "快照表", width: 22 },
  { field: "sheet", header: "结果表", width: 22 },
  { field: "protocol", header: "协议", width: 7 },
  { field: "date", header: "抽取日期", width: 11 },
  { field: "seed", header: "随机种子", width: 34 },
  { field: "seedHex", header: "种子UTF-8", width: 20 },
  { field: "seedSource", header: "种子来源", width: 14 },
  { field: "seedRule", header: "取种规则", width: 28 },
  { field: "frozen", header: "先冻结后取种", width: 8 },
  { field: "digest", header: "输入摘要（SHA-256）", width: 30 },
  { field: "items", header: "抽查事项", width: 30 },
  { field: "operator", header: "操作人", width: 10 },
  { field: "witness", header: "见证人", width: 10 },
  { field: "reason", header: "原因", width: 20 },
  { field: "n", header: "替补序号", width: 6, number: true },
  { field: "replaced", header: "被替换对象", width: 21 },
  { field: "substitute", header: "替补对象", width: 21 },
  { field: "stratum", header: "分层", width: 6 },
  { field: "rank", header: "备选序号", width: 6, number: true },
  { field: "team", header: "替补检查组", width: 30 },
  { field: "warnings", header: "警告", width: 30 },
  { field: "note", header: "备注", width: 14 },
  { field: "prevHash", header: "上一行哈希", width: 30 },
  { field: "hash", header: "本行哈希", width: 30 },
];
if (LAYOUT.length !== LOG_FIELDS.length) throw new Error("log layout: a field without a column");

export const LOG_HEADERS: readonly string[] = LAYOUT.map((c) => c.header);
export const headerOfField = (f: LogField): string => LAYOUT.find((c) => c.field === f)!.header;

/** One entry as the cells of its row. */
export function logRow(e: LogEntry): (string | number | null)[] {
  return LAYOUT.map((c) => (e[c.field] === "" ? null : c.number ? Number(e[c.field]) : e[c.field]));
}

/** The whole log sheet (created with the first event, or rewritten once when an old log is converted). */
export function renderLogSheet(entries: readonly LogEntry[]): SheetSpec {
  const last = columnLetter(LAYOUT.length - 1);
  return {
    name: LOG_SHEET,
    rows: [[...LOG_HEADERS], ...entries.map(logRow)],
    columnWidths: LAYOUT.map((c) => c.width),
    // the rows of a rewrite are laid out like its header; rows appended later are plain (an append
    // carries values only, in every adapter)
    styles: [
      { range: `A1:${last}1`, style: { bold: true, fill: "DDEBF7", border: true, wrap: true } },
      ...(entries.length
        ? [{ range: `A2:${last}${entries.length + 1}`, style: { vertical: "top" as const, wrap: true } }]
        : []),
    ],
    frozenRows: 1,
    protect: true,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
  };
}

/** The log as read: the register of its events, and where each entry's fields sit on the sheet. */
export interface ReadLog {
  register: Register;
  /** the sheet's last used row (0 when the sheet is absent), for the write's precondition */
  lastRow: number;
  /** faults of the sheet itself (a missing header), at their cells */
  sheetIssues: Issue[];
  /** the A1 address of an entry's field ('' when the sheet has no such column) */
  cellOf(index: number, field: LogField): string;
  present: boolean;
}

const text = (sheet: SheetData, r: number, c: number) => cellText(sheet.rows[r]?.[c] as CellValue | undefined);
const blankRow = (sheet: SheetData, r: number) =>
  (sheet.rows[r] ?? []).every((v) => cellText(v as CellValue).trim() === "");

function lastUsedRow(sheet: SheetData): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) if (!blankRow(sheet, r)) return r + 1;
  return 0;
}

/** Reads 抽取记录 (either format); an absent sheet is an empty log. */
export function readLog(sheet: SheetData | null, lang: Lang = "zh"): ReadLog {
  if (!sheet)
    return {
      register: buildRegister([], { lang }),
      lastRow: 0,
      sheetIssues: [],
      cellOf: () => "",
      present: false,
    };
  const header = (sheet.rows[0] ?? []).map((_, c) => text(sheet, 0, c).trim());
  const lastRow = lastUsedRow(sheet);
  const isLegacy = !header.includes("本行哈希") && header.includes("状态");
  if (isLegacy) return readLegacy(sheet, header, lastRow, lang);

  const index = new Map(LAYOUT.map((c) => [c.field, header.indexOf(c.header)]));
  const sheetIssues: Issue[] = [];
  LAYOUT.forEach((c) => {
    if (index.get(c.field)! < 0)
      sheetIssues.push(
        issue("log_header_missing", { sheet: sheet.name, row: 1, column: c.header }, { header: c.header }, lang),
      );
  });
  // the log is the record: a value beside it, in no column of the layout, could be read as part of it
  // (a column under a header of its own is named once, at its header)
  const known = new Set([...index.values()].filter((i) => i >= 0));
  sheet.rows.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (known.has(c) || cellText(v as CellValue).trim() === "") return;
      if (r > 0 && (header[c] ?? "") !== "") return;
      const cell = `${columnLetter(c)}${r + 1}`;
      sheetIssues.push(
        issue(
          "log_cell_unknown",
          { sheet: sheet.name, row: r + 1, cell },
          { cell, value: cellText(v as CellValue) },
          lang,
        ),
      );
    }),
  );
  const entries: LogEntry[] = [];
  const rowOf: number[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    if (blankRow(sheet, r)) continue;
    const e = { row: r + 1 } as LogEntry;
    for (const c of LAYOUT) {
      const at = index.get(c.field)!;
      e[c.field] = at < 0 ? "" : text(sheet, r, at);
    }
    entries.push(e);
    rowOf.push(r + 1);
  }
  return {
    register: buildRegister(entries, { lang }),
    lastRow,
    sheetIssues,
    cellOf: (i, f) => {
      const at = index.get(f)!;
      return at < 0 || rowOf[i] === undefined ? "" : `${columnLetter(at)}${rowOf[i]}`;
    },
    present: true,
  };
}

// ------------------------------------------------------------------ the format before the chain

const STATUSES: DrawStatus[] = ["待抽取", "有效", "作废"];

/** The old log's columns, and which field of the new one each stands for (for placing problems). */
const LEGACY: { header: string; field: LogField; read: (s: string, r: DrawRecord) => boolean }[] = [
  { header: "时间", field: "time", read: (s, r) => !!(r.timestamp = s) },
  { header: "协议", field: "protocol", read: (s) => s === "DRP-1" },
  { header: "任务编号", field: "taskId", read: (s, r) => !!(r.taskId = s) },
  { header: "任务名称", field: "taskName", read: (s, r) => ((r.taskName = s), true) },
  { header: "状态", field: "event", read: (s, r) => STATUSES.includes((r.status = s as DrawStatus)) },
  { header: "作废原因", field: "reason", read: (s, r) => ((r.reason = s), true) },
  { header: "结果表", field: "sheet", read: (s, r) => ((r.sheet = s), true) },
  { header: "快照表", field: "snapshotSheet", read: (s, r) => !!(r.snapshotSheet = s) },
  { header: "抽取日期", field: "date", read: (s, r) => /^\d{4}-\d{2}-\d{2}$/.test((r.date = s)) },
  { header: "随机种子", field: "seed", read: (s, r) => ((r.seed = s === "" ? null : s), true) },
  {
    header: "种子来源",
    field: "seedSource",
    read: (s, r) => {
      const found = (Object.keys(SEED_SOURCE_LABELS) as SeedSource[]).find((k) => SEED_SOURCE_LABELS[k] === s);
      r.seedSource = found ?? null;
      return s === "" || found !== undefined;
    },
  },
  { header: "取种规则", field: "seedRule", read: (s, r) => ((r.seedRule = s), true) },
  {
    header: "先冻结后取种",
    field: "frozen",
    read: (s, r) => {
      const b = parseYes(s);
      r.frozen = b === true;
      return b !== null;
    },
  },
  { header: "输入摘要（SHA-256）", field: "digest", read: (s, r) => /^[0-9a-f]{64}$/.test((r.digest = s)) },
  { header: "操作人", field: "operator", read: (s, r) => ((r.operator = s), true) },
  { header: "见证人", field: "witness", read: (s, r) => ((r.witness = s), true) },
  {
    header: "警告",
    field: "warnings",
    read: (s, r) => ((r.warnings = s === "" ? [] : s.split("\n")), true),
  },
];

function readLegacy(sheet: SheetData, header: string[], lastRow: number, lang: Lang): ReadLog {
  const index = LEGACY.map((col) => header.indexOf(col.header));
  const sheetIssues: Issue[] = [];
  LEGACY.forEach((col, i) => {
    if (index[i] < 0)
      sheetIssues.push(
        issue("log_header_missing", { sheet: sheet.name, row: 1, column: col.header }, { header: col.header }, lang),
      );
  });
  const rows: LegacyRow[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    if (blankRow(sheet, r)) continue;
    const record = {
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
    LEGACY.forEach((col, i) => {
      if (index[i] < 0) return;
      const s = text(sheet, r, index[i]).trim();
      if (!col.read(s, record))
        sheetIssues.push(
          issue(
            "log_unreadable",
            { sheet: sheet.name, row: r + 1, column: col.header, cell: `${columnLetter(index[i])}${r + 1}` },
            { sheet: sheet.name, cell: `${columnLetter(index[i])}${r + 1}`, field: col.header, detail: `「${s}」` },
            lang,
          ),
        );
    });
    rows.push({ record, row: r + 1 });
  }
  const register = legacyRegister(rows, lang);
  return {
    register,
    lastRow,
    sheetIssues,
    cellOf: (i, f) => {
      const row = register.entries[i]?.row;
      const col = LEGACY.findIndex((c) => c.field === f);
      return row && col >= 0 && index[col] >= 0 ? `${columnLetter(index[col])}${row}` : row ? `A${row}` : "";
    },
    present: true,
  };
}

/** Every fault of the log as issues at their cells: the sheet's own, then the register's. */
export function logIssues(log: ReadLog, sheetName: string = LOG_SHEET): Issue[] {
  return [
    ...log.sheetIssues,
    ...log.register.problems.map((p) => {
      const cell = log.cellOf(p.index, p.field);
      const row = /\d+$/.exec(cell)?.[0];
      return { ...p.issue, sheet: sheetName, cell, row: row ? Number(row) : null, column: headerOfField(p.field) };
    }),
  ];
}
