// The pane's view of the engine: every action a tab can take, with no Office.js behind it.
// Two engines implement it: one over the Excel workbook (add-in) and one over an opened .xlsx
// (browser file mode); both are made by createEngine() from a workbook port and the use-cases.
// The reports are the use-cases' own types (imported as types only: no engine code in this chunk).
import type { Issue, Lang } from "../core/issues/issue";
import type { SheetKind } from "../core/schema/sheets";
import type { NotesFeed } from "./notes";
import type {
  ChecklistReport,
  CheckReport,
  DrawListEntry,
  DrawOptions,
  DrawReport,
  FreezeReport,
  Outcome,
  describeDraw,
  VoidReport,
  SubstituteReport,
  previewDraw,
  PublicityReport,
  VerifyReport,
  PaperKind,
  PapersReport,
  YearOptions,
  YearReport,
  NationalExport,
  TaskErrors,
  ImportReport,
} from "../workbook/usecases";

export type { Issue, Lang, SheetKind, Outcome, PaperKind, TaskErrors };

export const SHEET_KINDS: readonly SheetKind[] = [
  "items",
  "targets",
  "inspectors",
  "tasks",
  "holidays",
  "results",
  "units",
  "plans",
];

/** 工作表对应: kind → sheet name chosen by the clerk (absent = the engine finds it by name). */
export type SheetMap = Partial<Record<SheetKind, string>>;

/** Options every use-case takes. */
export interface EngineOptions {
  lang: Lang;
  sheetMap: SheetMap;
}

/** 检查结果: what the 数据 tab shows after running the checks. */
export type CheckSummary = CheckReport;

/** 抽取预览: eligible and planned counts per stratum, before anything is written. */
export type DrawPreview = Extract<Awaited<ReturnType<typeof previewDraw>>, { ok: true }>["report"];

export interface DrawRequest extends EngineOptions, Omit<DrawOptions, "lang" | "sheetMap" | "requireSheets" | "now"> {
  operator: string;
  witness: string;
}

/** 抽取结果: cli.md's `draw --json`. */
export type DrawSummary = DrawReport;

export interface FreezeRequest extends EngineOptions {
  taskId: string;
  date?: string;
  operator: string;
  seedRule: string;
  voidReason?: string;
}

/** 冻结名单: the digest and chain head to publish before the seed exists. */
export type FreezeSummary = FreezeReport;

/** A draw as it stands (substitutes in), with its status. */
export type DrawState = Extract<Awaited<ReturnType<typeof describeDraw>>, { ok: true }>["report"];
export type VoidSummary = VoidReport;
export type SubstituteSummary = SubstituteReport;

/** 核验: every draw replayed; each difference with its cell. */
export type VerifySummary = VerifyReport;
export type Mismatch = VerifyReport["draws"][number]["mismatches"][number];

/** 抽取记录: one row of the draw log, as the pickers of the 核验/一企一表/结果公示 tabs list it. */
export type DrawListing = DrawListEntry;

/** 一企一表: the sheet written for one draw. */
export type ChecklistSummary = ChecklistReport;

/** 结果公示: the use-case's report, and the sheet its rows' numbers refer to (检查结果). */
export type PublicitySummary = PublicityReport & { resultsSheet: string };
export type PublicityRow = PublicityReport["publicity"]["rows"][number];

/** 文书: 抽取过程记录, 冻结公告, 检查通知书, 比对确认单, in the order the pane offers them. */
export const PAPER_KINDS: readonly PaperKind[] = ["record", "freeze", "notices", "confirmations"];

/** The papers written for one draw: the sheet of each kind. */
export type PapersSummary = PapersReport;

/** 年度统计: the year, as-of date, yearly share ('3%') and the report to write with it. */
export interface YearRequest extends EngineOptions {
  year: number;
  today?: string;
  share?: string;
  report?: YearOptions["report"];
}

/** The year view (its JSON as `year --json` prints it), the sheets written and where its rows are. */
export type YearSummary = YearReport;
export type YearJson = YearReport["json"];

/** 全国公示系统: the rows in the national system's fields, as a sheet and as CSV text (with its BOM). */
export type NationalSummary = NationalExport;

/** 导入外部抽取: a platform's drawn list (.csv in UTF-8 or .xlsx) for a task of 抽查任务. */
export interface ImportRequest extends EngineOptions {
  /** the list file as chosen: its name says CSV or .xlsx */
  file: { name: string; bytes: Uint8Array };
  /** the .xlsx's sheet holding the list (its first when absent) */
  sheet?: string;
  taskId: string;
  source?: string;
  date?: string;
  operator?: string;
  voidReason?: string;
}

/** The imported list as a draw (protocol 外部抽取), with its source and list sheet. */
export type ImportSummary = ImportReport;

/** The first rows of a sheet as text, for the read-only preview of browser file mode. */
export interface SheetPreview {
  sheet: string;
  /** rows[0] is sheet row 1; each cell as the clerk would read it */
  rows: string[][];
  /** rows and columns of the whole sheet (the preview shows the first ones) */
  rowCount: number;
  columnCount: number;
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
  /** 冻结名单 (DRP-1 step 6): the snapshot and its digest, before the seed is known */
  freeze(request: FreezeRequest, progress?: Progress): Promise<Outcome<FreezeSummary>>;
  /** the draw named by its result sheet as it stands, for its list and actions */
  describeDraw(options: EngineOptions & { drawSheet: string }): Promise<Outcome<DrawState>>;
  /** 作废: a draw (or a freeze awaiting its seed), with the reason */
  voidDraw(
    options: EngineOptions & { drawSheet: string; reason: string; operator: string },
  ): Promise<Outcome<VoidSummary>>;
  /** 替补 (DRP-1 §9): the next reserve of the target's stratum takes its place */
  substitute(
    options: EngineOptions & { drawSheet: string; target: string; reason: string; operator: string },
  ): Promise<Outcome<SubstituteSummary>>;
  /** calls `listener` after every write to the workbook; returns the unsubscribe */
  onWrite(listener: () => void): () => void;
  verifyDraws(options: EngineOptions & { sheet?: string }): Promise<VerifySummary>;
  listDraws(options: EngineOptions): Promise<DrawListing[]>;
  /** 一企一表 of one 有效 draw (named by its result sheet); refused when the draw does not verify */
  writeChecklists(
    options: EngineOptions & { drawSheet: string },
    progress?: Progress,
  ): Promise<Outcome<ChecklistSummary>>;
  /** 结果公示 of a task's 有效 draw as of `today` (China date; today when absent) */
  buildPublicity(
    options: EngineOptions & { taskId: string; today?: string },
    progress?: Progress,
  ): Promise<Outcome<PublicitySummary>>;
  /** 文书 of one draw (its result sheet, or the snapshot of a freeze awaiting its seed) */
  writePapers(
    options: EngineOptions & { drawSheet: string; kinds: PaperKind[]; date?: string },
    progress?: Progress,
  ): Promise<Outcome<PapersSummary>>;
  /** 年度统计: the year view, written as 抽查年度统计 and its detail (and the report asked for) */
  runYear(request: YearRequest): Promise<Outcome<YearSummary>>;
  /** the inspected results of the year in the national publicity system's fields, written as a sheet */
  nationalExport(options: EngineOptions & { year?: number; taskId?: string }): Promise<Outcome<NationalSummary>>;
  /** 导入: a platform's drawn list, written as an external draw (外部抽取) of the task */
  importList(request: ImportRequest): Promise<Outcome<ImportSummary>>;
  /** a draw refused for the workbook's errors: those that concern the task apart from the others */
  splitTaskErrors(options: EngineOptions & { taskId: string; errors: Issue[] }): Promise<TaskErrors>;
  /** the first `rows` rows of a sheet as text; null when there is no such sheet */
  previewSheet(options: { sheet: string; rows: number }): Promise<SheetPreview | null>;
  /** the sheets written through this engine so far, in the order first written */
  writtenSheets(): Promise<string[]>;
  /** selects a cell or range ('B7', '7:7') in the workbook (Excel); a no-op in file mode */
  selectCell(sheet: string, cell: string): Promise<void>;
  activateSheet(sheet: string): Promise<void>;
  selfTest(): Promise<SelfTestReport>;
  /** file mode: the workbook with everything written so far, to download */
  saveCopy?(): Promise<{ name: string; bytes: Uint8Array }>;
  /** what the adapter skipped or changed because of the host (Excel), shown by <AdapterNotes> */
  readonly notes?: NotesFeed;
}
