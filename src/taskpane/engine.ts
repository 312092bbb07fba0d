// The pane's view of the engine: every action a tab can take, with no Office.js behind it.
// Two engines implement it: one over the Excel workbook (add-in) and one over an opened .xlsx
// (browser file mode); both are made by createEngine() from a workbook port and the use-cases.
import type { Issue, Lang } from "../core/issues/issue";

export type { Issue, Lang };

/** 工作表类别: the kinds of sheet the clerk maps to sheet names on the 数据 tab. */
export type SheetKind = "items" | "targets" | "inspectors" | "tasks" | "holidays" | "results";

export const SHEET_KINDS: readonly SheetKind[] = ["items", "targets", "inspectors", "tasks", "holidays", "results"];

/** 工作表对应: kind → sheet name chosen by the clerk (absent = the engine finds it by name). */
export type SheetMap = Partial<Record<SheetKind, string>>;

/** Options every use-case takes. */
export interface EngineOptions {
  lang: Lang;
  sheetMap: SheetMap;
}

/** 检查结果: what the 数据 tab shows after running the checks. */
export interface CheckSummary {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** which sheet was taken for each kind (null when absent) */
  sheets: Record<string, string | null>;
  counts: Record<string, number>;
  tasks: { id: string; name: string }[];
}

/** A use-case's answer: a report, or the clerk's mistakes that stopped it. */
export type Outcome<T> = { ok: true; report: T; warnings: Issue[] } | { ok: false; errors: Issue[]; warnings: Issue[] };

/** 抽取预览: eligible and planned counts per stratum, before anything is written. */
export interface DrawPreview {
  frozen: boolean;
  date: string;
  strata: { stratum: string; eligible: number; planned: number }[];
  excluded: Record<string, number>;
  /** result sheet of the task's 有效 draw, if any: drawing again voids it, with a reason */
  existing: string | null;
}

export interface DrawRequest extends EngineOptions {
  taskId: string;
  /** entered seed; the engine generates one when absent */
  seed?: string;
  date?: string;
  operator: string;
  witness: string;
  voidReason?: string;
}

/** 抽取结果: the part of cli.md's `draw --json` the pane shows. */
export interface DrawSummary {
  task: string;
  seed: string;
  seedSource: "entered" | "generated";
  date: string;
  timestamp: string;
  digest: string;
  sheet: string;
  snapshotSheet: string;
  strata: { stratum: string; eligible: number; selected: number }[];
  excluded: Record<string, number>;
  selected: { uscc: string; name: string; stratum: string }[];
  reserves: { uscc: string; stratum: string; rank: number }[];
}

/** 核验差异: one difference between the locked result and its replay. */
export interface Mismatch {
  sheet: string;
  cell: string;
  field: string;
  expected: string;
  actual: string;
  message: string;
}

export interface VerifySummary {
  ok: boolean;
  draws: { sheet: string; task: string; ok: boolean; registryChanged: boolean; mismatches: Mismatch[] }[];
}

/** 抽取记录: one row of the draw log, as the pickers of the 核验/一企一表 tabs list it. */
export interface DrawListing {
  sheet: string;
  taskId: string;
  taskName: string;
  date: string;
  status: string;
}

/** 自检: one check of the host's abilities. */
export interface SelfTestReport {
  checks: { name: string; ok: boolean; detail: string }[];
  host?: string;
  platform?: string;
  version?: string;
  excelApi: string[];
}

/** Progress of a long step: done of total, with an optional label. */
export type Progress = (done: number, total: number, label?: string) => void;

/** Everything the pane can ask of the workbook it works on. */
export interface Engine {
  /** 'excel': inside Excel; 'file': a .xlsx opened in the browser */
  readonly mode: "excel" | "file";
  /** the workbook's name (the file name in file mode) */
  readonly title: string;
  sheetNames(): Promise<string[]>;
  /** the clerk's saved sheet choices (kept in the document in Excel) */
  loadSheetMap(): Promise<SheetMap>;
  saveSheetMap(map: SheetMap): Promise<void>;
  check(options: EngineOptions): Promise<CheckSummary>;
  previewDraw(options: EngineOptions & { taskId: string; date?: string }): Promise<Outcome<DrawPreview>>;
  runDraw(request: DrawRequest, progress?: Progress): Promise<Outcome<DrawSummary>>;
  verifyDraws(options: EngineOptions & { sheet?: string }): Promise<VerifySummary>;
  listDraws(options: EngineOptions): Promise<DrawListing[]>;
  /** selects a cell in the workbook (Excel); a no-op in file mode */
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
  selfTest(): Promise<SelfTestReport>;
  /** 一企一表: absent until the use-case exists */
  writeChecklists?(options: EngineOptions & { drawSheet: string }): Promise<Outcome<{ sheets: string[] }>>;
  /** 结果公示: absent until the use-case exists */
  buildPublicity?(options: EngineOptions & { taskId: string; today?: string }): Promise<Outcome<{ sheet: string }>>;
  /** file mode: the workbook with everything written so far, to download */
  saveCopy?(): Promise<{ name: string; bytes: Uint8Array }>;
}
