// The `shuangsuiji` command: the same engine as the add-in, on a .xlsx file.
// Exit codes: 0 success; 1 the workbook has errors, a verification found a mismatch, or a write
// would lose part of the workbook; 2 bad usage, a file that cannot be read or written, a workbook
// locked by another command or changed on disk meanwhile; 3 an internal error (a defect).
//
// A command is one entry of COMMANDS (its options, whether it writes, and its run); the options
// are in OPTIONS. Everything around a run is done here once: parsing, reading BOOK, the lock and
// checks of the file written, saving, the one JSON document, and every failure's message. A new
// command is an entry such as
//   void: { options: ["draw", "reason", "operator", "out"], required: ["draw", "reason"], writes: true,
//           async run(c) { const r = await voidDraw(c.port, …); if (!r.ok) return c.failed(r.errors, r.warnings);
//                          const saved = await c.save(); if (saved) return saved; c.emit(doc, text); return 0; } },
// plus its options in OPTIONS; the usage line and the help are made from the tables.
import { stat } from "node:fs/promises";
import { version as VERSION } from "../../package.json";
import { issue, type Issue, type Lang } from "../core/issues/issue";
import type { IssueCode } from "../core/issues/catalogue";
import { NotAWorkbookError, type XlsxWorkbook } from "../workbook/xlsx";
import { FileProblemError, writeAtomic } from "../workbook/xlsx/file";
import { checkBook, listDraws, runDraw, runFreeze, verifyDraws } from "../workbook/usecases";
import { parseCommandLine, requestedLang, type OptionDef, type Problem } from "./args";
import { claimTarget, openBook, saveBook, writeTarget, type OpenedBook } from "./files";
import { formatCheck, formatDraw, formatFreeze, formatIssues, formatVerify, strip, t } from "./format";
import type { HeldLock } from "./lock";
import { runChecklistsCommand, runPublicityCommand } from "./more";
import {
  runExportCommand,
  runImportCommand,
  runPapersCommand,
  runSubstituteCommand,
  runVoidCommand,
  runYearCommand,
} from "./register";

export { strip };

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now?: Date;
}

/** Every option of every command; which command takes which is in COMMANDS. */
export const OPTIONS: Record<string, OptionDef> = {
  json: { type: "boolean", zh: "在标准输出打印一个 JSON 文档", en: "print one JSON document on stdout" },
  lang: { type: "string", value: "lang", placeholder: "zh|en", zh: "消息的语言", en: "language of the messages" },
  help: { type: "boolean", short: "h", zh: "显示用法", en: "show the usage" },
  version: { type: "boolean", zh: "显示版本", en: "show the version" },
  task: { type: "string", placeholder: "ID", zh: "任务编号", en: "task id" },
  date: {
    type: "string",
    value: "date",
    placeholder: "YYYY-MM-DD",
    zh: "抽取日期（默认今天，北京时间）",
    en: "draw date (default: today, China time)",
  },
  operator: { type: "string", placeholder: "NAME", zh: "操作人", en: "operator" },
  witness: { type: "string", placeholder: "NAME", zh: "见证人", en: "witness" },
  seed: {
    type: "string",
    raw: true,
    placeholder: "S",
    zh: "随机种子（省略时由系统生成）",
    en: "seed (generated when left out)",
  },
  "seed-rule": {
    type: "string",
    placeholder: "TEXT",
    zh: "取种规则（冻结时公布）",
    en: "the seed rule published at the freeze",
  },
  "void-previous": {
    type: "string",
    placeholder: "REASON",
    zh: "作废上一次抽取并重抽的原因",
    en: "reason to void the previous draw and draw again",
  },
  out: {
    type: "string",
    value: "xlsx",
    placeholder: "OUT.xlsx",
    zh: "写入新文件（原文件不变）",
    en: "write a new file (BOOK is left as it is)",
  },
  sheet: { type: "string", placeholder: "NAME", zh: "只核验这张结果表", en: "verify this result sheet only" },
  draw: { type: "string", placeholder: "NAME", zh: "抽取结果表名", en: "the draw's result sheet" },
  list: {
    type: "string",
    placeholder: "LIST.xlsx|LIST.csv",
    zh: "平台导出的抽取名单（.xlsx 或 UTF-8 的 .csv）",
    en: "the drawn list a platform exported (.xlsx, or .csv in UTF-8)",
  },
  "list-sheet": {
    type: "string",
    placeholder: "NAME",
    zh: "名单所在的工作表（默认第一张）",
    en: "the list's sheet (default: the first)",
  },
  source: {
    type: "string",
    placeholder: "TEXT",
    zh: "名单来源（平台名称）",
    en: "where the list came from (the platform)",
  },
  papers: {
    type: "string",
    placeholder: "record,freeze,notices,confirmations",
    zh: "要生成的文书（默认全部适用的）",
    en: "which papers (default: all that apply)",
  },
  year: { type: "string", placeholder: "YYYY", zh: "年度", en: "the year" },
  share: { type: "string", placeholder: "PCT", zh: "年度抽查比例目标，如 5%", en: "the yearly share, e.g. 5%" },
  report: {
    type: "string",
    placeholder: "half|year",
    zh: "同时生成半年或全年情况报告",
    en: "also write the half-year or the year report",
  },
  csv: {
    type: "string",
    placeholder: "FILE.csv",
    zh: "另存为 CSV 文件（UTF-8 带 BOM）",
    en: "also write a CSV file (UTF-8 with BOM)",
  },
  reason: {
    type: "string",
    placeholder: "TEXT",
    zh: "原因（记入抽取记录）",
    en: "the reason (written to the draw log)",
  },
  target: {
    type: "string",
    placeholder: "USCC",
    zh: "要替补的检查对象的统一社会信用代码",
    en: "USCC of the target to replace",
  },
  "expect-chain": {
    type: "string",
    placeholder: "HEX",
    zh: "核对在工作簿之外公布的抽取记录链头",
    en: "check the draw log's chain head published outside the workbook",
  },
  "expect-digest": {
    type: "string",
    placeholder: "HEX",
    zh: "核对在工作簿之外公布的输入摘要",
    en: "check an input digest published outside the workbook",
  },
  today: {
    type: "string",
    value: "date",
    placeholder: "YYYY-MM-DD",
    zh: "公示状态的日期（默认今天）",
    en: "date of the publicity statuses (default: today)",
  },
};

/** What a command's run gets: the workbook read, the options, and the shell's services. */
export interface CommandContext {
  io: Io;
  lang: Lang;
  json: boolean;
  now?: Date;
  /** the command's options, trimmed (the seed as typed) */
  values: Record<string, string | boolean | undefined>;
  /** a string option's value */
  text(name: string): string | undefined;
  port: XlsxWorkbook;
  /** the file written, as the clerk typed it (--out, or BOOK itself) */
  out: string;
  /**
   * Writes the workbook (whole, or not at all); 0 when written, else the exit code after the
   * refusal or failure has been reported (the run then returns it without printing anything).
   */
  save(): Promise<number>;
  /** Writes a text file beside the workbook (UTF-8, whole or not at all); 0 when written, else the exit code. */
  writeText(path: string, text: string): Promise<number>;
  /** Prints the command's result: `doc` under --json (with the shell's warnings added), else `text`. */
  emit(doc: Record<string, unknown>, text: string): void;
  /** Reports a use-case's refusal; returns exit code 1. */
  failed(errors: Issue[], warnings: Issue[]): number;
}

export interface CommandSpec {
  /** options beyond --json, --lang, --help and --version */
  options: readonly string[];
  required?: readonly string[];
  /** writes a workbook: to --out, or back into BOOK */
  writes: boolean;
  /** an option's help where it means something else for this command */
  help?: Record<string, { zh: string; en: string }>;
  run(c: CommandContext): Promise<number>;
}

export const COMMANDS: Record<string, CommandSpec> = {
  check: {
    options: [],
    writes: false,
    async run(c) {
      const report = await checkBook(c.port, { lang: c.lang });
      c.emit(
        { ok: report.ok, errors: strip(report.errors), warnings: strip(report.warnings) },
        formatCheck(report, c.lang),
      );
      return report.ok ? 0 : 1;
    },
  },
  freeze: {
    options: ["task", "date", "operator", "seed-rule", "void-previous", "out"],
    required: ["task"],
    writes: true,
    async run(c) {
      const r = await runFreeze(c.port, {
        lang: c.lang,
        taskId: c.text("task")!,
        date: c.text("date"),
        operator: c.text("operator"),
        seedRule: c.text("seed-rule"),
        voidReason: c.text("void-previous"),
        now: c.now,
      });
      if (!r.ok) return c.failed(r.errors, r.warnings);
      const saved = await c.save();
      if (saved) return saved;
      c.emit({ ...r.report, warnings: strip(r.warnings), file: c.out }, formatFreeze(r.report, c.out, c.lang));
      return 0;
    },
  },
  draw: {
    options: ["task", "seed", "date", "operator", "witness", "void-previous", "out"],
    required: ["task"],
    writes: true,
    async run(c) {
      const r = await runDraw(c.port, {
        lang: c.lang,
        taskId: c.text("task")!,
        seed: c.text("seed"),
        date: c.text("date"),
        operator: c.text("operator"),
        witness: c.text("witness"),
        voidReason: c.text("void-previous"),
        now: c.now,
      });
      if (!r.ok) return c.failed(r.errors, r.warnings);
      const saved = await c.save();
      if (saved) return saved;
      // every warning: the workbook's, the draw date's and the protocol's (which the record keeps)
      const all = { ...r.report, warnings: r.warnings };
      c.emit({ ...all, warnings: strip(all.warnings), file: c.out }, formatDraw(all, c.out, c.lang));
      return 0;
    },
  },
  verify: {
    options: ["sheet", "expect-chain", "expect-digest"],
    writes: false,
    async run(c) {
      const sheet = c.text("sheet");
      const report = await verifyDraws(c.port, {
        lang: c.lang,
        sheet,
        expectChain: c.text("expect-chain"),
        expectDigest: c.text("expect-digest"),
      });
      if (sheet !== undefined && report.draws.length === 0) {
        const known = (await listDraws(c.port)).map((d) => d.sheet || d.snapshotSheet);
        return c.failed([issue("draw_unknown", {}, { sheet, known: known.join("、") || "—" }, c.lang)], []);
      }
      c.emit(report as unknown as Record<string, unknown>, formatVerify(report, c.lang));
      return report.ok ? 0 : 1;
    },
  },
  checklists: {
    options: ["draw", "out"],
    required: ["draw"],
    writes: true,
    run: runChecklistsCommand,
  },
  publicity: {
    options: ["task", "today", "out"],
    required: ["task"],
    writes: true,
    run: runPublicityCommand,
  },
  substitute: {
    options: ["draw", "target", "reason", "operator", "out"],
    required: ["draw", "target", "reason"],
    writes: true,
    run: runSubstituteCommand,
  },
  void: {
    options: ["draw", "reason", "operator", "out"],
    required: ["draw", "reason"],
    writes: true,
    run: runVoidCommand,
  },
  papers: {
    options: ["draw", "papers", "date", "out"],
    help: {
      date: {
        zh: "文书上签字的日期（默认今天，北京时间）",
        en: "the date under the signatures (default: today, China time)",
      },
    },
    required: ["draw"],
    writes: true,
    run: runPapersCommand,
  },
  year: {
    options: ["year", "today", "share", "report", "out"],
    required: ["year"],
    writes: true,
    run: runYearCommand,
  },
  export: {
    options: ["year", "task", "csv", "out"],
    writes: true,
    run: runExportCommand,
  },
  import: {
    options: ["list", "list-sheet", "task", "source", "date", "operator", "void-previous", "out"],
    required: ["list", "task"],
    writes: true,
    run: runImportCommand,
  },
};

/** One usage line per command, made from the tables. */
function usageLine(name: string): string {
  const spec = COMMANDS[name];
  const required = spec.required ?? [];
  const word = (o: string) => {
    const def = OPTIONS[o];
    return def.type === "boolean" ? `--${o}` : `--${o} ${def.placeholder ?? "VALUE"}`;
  };
  const parts = [
    ...required.map(word),
    ...spec.options.filter((o) => !required.includes(o)).map((o) => `[${word(o)}]`),
  ];
  return `  shuangsuiji ${name} BOOK.xlsx ${parts.join(" ")}`.trimEnd();
}

const USAGE_TAIL =
  "每个命令都接受 --json（在标准输出打印一个 JSON 文档）和 --lang en（英文消息）；--version 显示版本。\n" +
  "Every command takes --json (one JSON document on stdout) and --lang en; --version prints the version.";

export function usage(command: string | null = null): string {
  const names = command ? [command] : Object.keys(COMMANDS);
  return `用法 / usage:\n${names.map(usageLine).join("\n")}\n${USAGE_TAIL}`;
}

/** The help of one command: its usage line and what each option is. */
function commandHelp(name: string, lang: Lang): string {
  const help = (o: string) => COMMANDS[name].help?.[o] ?? OPTIONS[o];
  const lines = COMMANDS[name].options.map((o) => `  --${o.padEnd(14)} ${t(lang, help(o).zh, help(o).en)}`);
  return `${usage(name)}\n${lines.join("\n")}`;
}

/** Where a run is, for what an interruption leaves behind. */
type Phase = "starting" | "working" | "writing" | "renaming" | "written" | "done";

/**
 * One run of the command: its language and output mode as far as known, and the promise that
 * exactly one JSON document is printed under --json, whatever happens.
 */
class Run {
  lang: Lang;
  json: boolean;
  phase: Phase = "starting";
  printed = false;
  constructor(
    readonly io: Io,
    argv: string[],
  ) {
    this.lang = requestedLang(argv);
    this.json = argv.includes("--json");
  }

  /** Prints the one document (a second one would break --json: it goes to stderr instead). */
  document(doc: unknown): void {
    const text = JSON.stringify(doc, null, 2);
    if (this.printed || lastRunPrinted) this.io.err(text);
    else this.io.out(text);
    this.printed = lastRunPrinted = true;
  }

  private failure(errors: Issue[], warnings: Issue[], text: string, code: number): number {
    if (this.json) this.document({ ok: false, errors: strip(errors), warnings: strip(warnings) });
    if (text) this.io.err(text);
    return code;
  }

  /** A use-case's refusal: exit 1. */
  failed(errors: Issue[], warnings: Issue[]): number {
    return this.failure(errors, warnings, this.json ? "" : formatIssues(errors, warnings, this.lang), 1);
  }

  /** Bad usage: exit 2, the message and the usage on stderr. */
  usage(problem: Problem, command: string | null): number {
    const i = issue(problem.code, {}, problem.params, this.lang);
    return this.failure([i], [], `${i.message}\n\n${usage(command)}`, 2);
  }

  /** A file that cannot be read or written, a lock held, a file changed meanwhile: exit 2. */
  problem(i: Issue, warnings: Issue[] = []): number {
    const extra = warnings.length ? `\n${formatIssues([], warnings, this.lang)}` : "";
    return this.failure([i], warnings, this.json ? "" : `${i.message}${extra}`, 2);
  }

  /** A defect: exit 3, one JSON document still, the stack on stderr only. */
  internal(e: unknown): number {
    const detail = e instanceof Error ? e.name : typeof e;
    const i = issue("internal", {}, { detail }, this.lang);
    if (this.json) this.document({ ok: false, errors: strip([i]), warnings: [] });
    this.io.err(`${this.json ? "" : `${i.message}\n`}${e instanceof Error && e.stack ? e.stack : String(e)}`);
    return 3;
  }

  /** Interrupted by a signal: what was (not) written, once; exit 128 + the signal's number. */
  interrupted(signal: "SIGINT" | "SIGTERM"): number {
    const code = signal === "SIGINT" ? 130 : 143;
    if (this.phase === "done") return code;
    const state = {
      starting: ["未读取也未写入任何内容。", "nothing was read or written."],
      working: [
        "未写入任何内容（临时文件和锁文件已删除）。",
        "nothing was written (the temp and lock files were removed).",
      ],
      writing: [
        "未写入任何内容（临时文件和锁文件已删除）。",
        "nothing was written (the temp and lock files were removed).",
      ],
      renaming: [
        "中断时正在替换文件：它要么仍是原样，要么已是完整的新结果；请用 verify 查看。",
        "the file was being replaced: it is either as it was or wholly new; run verify to see which.",
      ],
      written: [
        "文件已完整写入，但结果没来得及打印；请用 verify 查看。",
        "the file was written whole but the result was not printed; run verify to see it.",
      ],
    }[this.phase];
    const i = issue("interrupted", {}, { signal, state: state[0], state_en: state[1] }, this.lang);
    this.phase = "done";
    if (this.json && !this.printed) this.document({ ok: false, errors: strip([i]), warnings: [] });
    this.io.err(i.message);
    return code;
  }
}

let current: Run | null = null;
/** whether the last run printed its document: an error surfacing after it must not print another */
let lastRunPrinted = false;

/** For the process's signal handlers: reports the running command's interruption; its exit code. */
export function interrupted(signal: "SIGINT" | "SIGTERM"): number {
  return current ? current.interrupted(signal) : signal === "SIGINT" ? 130 : 143;
}

/** For an error that escaped every run (a stream's late failure): reported as internal; exit 3. */
export function uncaught(e: unknown): number {
  const stdio: Io = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") };
  const run = current ?? new Run(stdio, process.argv.slice(2));
  return run.internal(e);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const run = new Run(io, argv);
  current = run;
  lastRunPrinted = false;
  try {
    return await dispatch(argv, io, run);
  } catch (e) {
    return run.internal(e);
  } finally {
    run.phase = "done";
    if (current === run) current = null;
  }
}

async function dispatch(argv: string[], io: Io, run: Run): Promise<number> {
  const parsed = parseCommandLine(argv, OPTIONS, COMMANDS);
  if (!parsed.ok) return run.usage(parsed.problem, parsed.command);
  if ("version" in parsed) {
    if (run.json) run.document({ version: VERSION });
    else io.out(`shuangsuiji ${VERSION}`);
    return 0;
  }
  if ("help" in parsed) {
    const text = parsed.command ? commandHelp(parsed.command, run.lang) : usage();
    if (run.json) run.document({ usage: text });
    else io.out(text);
    return 0;
  }
  const spec = COMMANDS[parsed.command];
  const values = parsed.values;
  const lang: Lang = values.lang === "en" ? "en" : "zh";
  run.lang = lang;
  run.json = values.json === true;
  const book = parsed.book;
  const out = (values.out as string | undefined) ?? book;
  const now = io.now ?? new Date();
  /** the shell's own warnings (a lock taken over, what a new file lacks), added to the result */
  const warnings: Issue[] = [];
  const asIssue = (e: FileProblemError | NotAWorkbookError): Issue => {
    const i = issue(e.code as IssueCode, {}, e.params, lang);
    return e instanceof NotAWorkbookError
      ? { ...i, message: t(lang, `无法读取「${book}」：`, `Cannot read "${book}": `) + i.message }
      : i;
  };
  let lock: HeldLock | null = null;
  try {
    let target = "";
    let inPlace = false;
    if (spec.writes) {
      ({ target, inPlace } = await writeTarget(book, values.out as string | undefined));
      // BOOK is read before anything is claimed, so that a missing BOOK is said as such
      if (inPlace) await mustExist(book);
      lock = await claimTarget(target, out, parsed.command, now);
      if (lock.tookOver)
        warnings.push(
          issue(
            "book_lock_taken_over",
            {},
            { lock: lock.path, pid: lock.tookOver.pid, since: lock.tookOver.since },
            lang,
          ),
        );
    }
    const opened: OpenedBook = await openBook(book);
    run.phase = "working";
    const context: CommandContext = {
      io,
      lang,
      json: run.json,
      now: io.now,
      values,
      text: (name) => (typeof values[name] === "string" ? (values[name] as string) : undefined),
      port: opened.port,
      out,
      failed: (errors, w) => run.failed(errors, [...w, ...warnings]),
      emit(doc, text) {
        if (run.json) {
          const all = [...((doc.warnings as unknown[] | undefined) ?? []), ...strip(warnings)];
          // every document says ok; a command's own (verify's) comes after and wins
          run.document({ ok: true, ...doc, ...(warnings.length || doc.warnings ? { warnings: all } : {}) });
        } else {
          io.out(text);
          if (warnings.length) io.err(formatIssues([], warnings, lang));
        }
      },
      async save() {
        run.phase = "writing";
        try {
          const r = await saveBook(opened, {
            target,
            shown: out,
            inPlace,
            lang,
            beforeRename: () => (run.phase = "renaming"),
          });
          if (r.refused) {
            run.phase = "working";
            return run.failed([r.refused], warnings);
          }
          warnings.push(...r.warnings);
          run.phase = "written";
          return 0;
        } catch (e) {
          run.phase = "working";
          if (e instanceof FileProblemError) return run.problem(asIssue(e), warnings);
          throw e;
        }
      },
      async writeText(path, text) {
        try {
          await writeAtomic(new TextEncoder().encode(text), path);
          return 0;
        } catch (e) {
          if (e instanceof FileProblemError) return run.problem(asIssue(e), warnings);
          throw e;
        }
      },
    };
    return await spec.run(context);
  } catch (e) {
    if (e instanceof FileProblemError || e instanceof NotAWorkbookError) return run.problem(asIssue(e), warnings);
    throw e;
  } finally {
    await lock?.release();
  }
}

/** That BOOK exists and is a file, before its lock is taken (FileProblemError otherwise). */
async function mustExist(book: string): Promise<void> {
  const info = await stat(book).catch(() => null);
  if (!info) throw new FileProblemError("file_not_found", { file: book });
  if (info.isDirectory()) throw new FileProblemError("file_is_folder", { file: book });
}
