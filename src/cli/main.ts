// The `shuangsuiji` command: the same engine as the add-in, on a .xlsx file.
// Exit codes: 0 success; 1 workbook errors or a verification mismatch; 2 bad usage.
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { issue, type Issue, type Lang } from "../core/issues/issue";
import { isIsoDate } from "../core/calendar/dates";
import { openXlsx, partsExcelJsDrops, saveXlsx } from "./files";
import { checkBook, listDraws, runDraw, runFreeze, verifyDraws } from "../workbook/usecases";
import { formatCheck, formatDraw, formatFreeze, formatIssues, formatVerify, t } from "./format";
import { runChecklistsCommand, runPublicityCommand } from "./more";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now?: Date;
}

const COMMANDS = ["check", "freeze", "draw", "verify", "checklists", "publicity"] as const;
type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  json: { type: "boolean" },
  lang: { type: "string" },
  task: { type: "string" },
  date: { type: "string" },
  operator: { type: "string" },
  witness: { type: "string" },
  seed: { type: "string" },
  "seed-rule": { type: "string" },
  out: { type: "string" },
  sheet: { type: "string" },
  draw: { type: "string" },
  today: { type: "string" },
  "void-previous": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Which options each command takes; anything else is bad usage. */
const ALLOWED: Record<Command, (keyof typeof OPTIONS)[]> = {
  check: ["json", "lang"],
  freeze: ["json", "lang", "task", "date", "operator", "seed-rule", "out", "void-previous"],
  draw: ["json", "lang", "task", "seed", "date", "operator", "witness", "out", "void-previous"],
  verify: ["json", "lang", "sheet"],
  checklists: ["json", "lang", "draw", "out"],
  publicity: ["json", "lang", "task", "today", "out"],
};
const REQUIRED: Partial<Record<Command, (keyof typeof OPTIONS)[]>> = {
  freeze: ["task"],
  draw: ["task"],
  checklists: ["draw"],
  publicity: ["task"],
};

export const USAGE = `用法 / usage:
  shuangsuiji check BOOK.xlsx [--json] [--lang en]
  shuangsuiji freeze BOOK.xlsx --task ID [--date YYYY-MM-DD] [--operator NAME] [--seed-rule TEXT] [--out OUT.xlsx]
  shuangsuiji draw BOOK.xlsx --task ID [--seed S] [--date YYYY-MM-DD] [--operator NAME] [--witness NAME]
                   [--void-previous REASON] [--out OUT.xlsx]
  shuangsuiji verify BOOK.xlsx [--sheet NAME]
  shuangsuiji checklists BOOK.xlsx --draw NAME [--out OUT.xlsx]
  shuangsuiji publicity BOOK.xlsx --task ID [--today YYYY-MM-DD] [--out OUT.xlsx]
Every command takes --json (one JSON document on stdout) and --lang en.`;

/** Exit 2: the message and the usage on stderr; with --json, also one JSON document on stdout. */
function usageError(io: Io, json: boolean, message: string, code = "usage", showUsage = true): number {
  io.err(showUsage ? `${message}\n\n${USAGE}` : message);
  if (json)
    io.out(
      JSON.stringify(
        { ok: false, errors: [{ sheet: "", row: null, column: "", cell: "", code, message }], warnings: [] },
        null,
        2,
      ),
    );
  return 2;
}

export async function main(argv: string[], io: Io): Promise<number> {
  // known before parsing, so that even a bad command line answers --json with JSON
  const wantsJson = argv.includes("--json");
  const usage = (_io: Io, message: string) => usageError(_io, wantsJson, message);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usage(io, `参数错误 / bad arguments: ${(e as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, book, ...extra] = positionals;
  if (!command) return usage(io, "缺少命令 / missing command");
  if (!COMMANDS.includes(command as Command)) return usage(io, `未知命令 / unknown command: ${command}`);
  const cmd = command as Command;
  if (!book) return usage(io, "缺少工作簿文件 / missing workbook file");
  if (extra.length) return usage(io, `多余的参数 / unexpected arguments: ${extra.join(" ")}`);
  for (const key of Object.keys(values) as (keyof typeof OPTIONS)[])
    if (key !== "help" && !ALLOWED[cmd].includes(key))
      return usage(io, `命令 ${cmd} 不接受 --${key} / ${cmd} does not take --${key}`);
  for (const key of REQUIRED[cmd] ?? [])
    if (values[key] === undefined) return usage(io, `命令 ${cmd} 需要 --${key} / ${cmd} needs --${key}`);
  const lang: Lang =
    values.lang === undefined || values.lang === "zh" ? "zh" : values.lang === "en" ? "en" : ("?" as Lang);
  if (lang !== "zh" && lang !== "en") return usage(io, `--lang 只能是 zh 或 en / --lang must be zh or en`);
  if (!existsSync(book)) return usage(io, `找不到文件 / file not found: ${book}`);
  for (const key of ["date", "today"] as const)
    if (values[key] !== undefined && !isIsoDate(values[key]))
      return usage(io, `--${key} 应为 YYYY-MM-DD / --${key} must be YYYY-MM-DD: ${values[key]}`);

  let port;
  try {
    port = await openXlsx(book);
  } catch (e) {
    return usageError(
      io,
      wantsJson,
      t(
        lang,
        `无法读取工作簿 ${book}：${(e as Error).message}`,
        `Cannot read workbook ${book}: ${(e as Error).message}`,
      ),
      "workbook_unreadable",
      false,
    );
  }
  const json = values.json === true;
  const emit = (doc: unknown, text: string) => io.out(json ? JSON.stringify(doc, null, 2) : text);
  const out = (values.out as string | undefined) ?? book;
  // ExcelJS does not write back charts, pivot tables, macros…: never rewrite a workbook that has
  // them in place; with --out, say what the new file lacks.
  if (cmd !== "check" && cmd !== "verify") {
    // a workbook opened as a package is written part by part and keeps them all
    const dropped = port.isPackage ? [] : await partsExcelJsDrops(book).catch(() => [] as string[]);
    if (dropped.length && values.out === undefined)
      return failed(io, json, [issue("book_parts_unkept", {}, { parts: dropped.join("、") }, lang)], [], lang);
    if (dropped.length)
      io.err(issue("book_parts_not_copied", {}, { parts: dropped.join("、"), file: out }, lang).message);
  }
  /** Saves the workbook whole (temp file and rename); false, with the reason reported, when it cannot. */
  const save = async (): Promise<boolean> => {
    try {
      await saveXlsx(port, out);
      return true;
    } catch (e) {
      usageError(
        io,
        json,
        t(lang, `无法写入 ${out}：${(e as Error).message}`, `Cannot write ${out}: ${(e as Error).message}`),
        "file_unwritable",
        false,
      );
      return false;
    }
  };

  switch (cmd) {
    case "check": {
      const report = await checkBook(port, { lang });
      emit(
        { ok: report.ok, errors: strip(report.errors), warnings: strip(report.warnings) },
        formatCheck(report, lang),
      );
      return report.ok ? 0 : 1;
    }
    case "freeze": {
      const r = await runFreeze(port, {
        lang,
        taskId: values.task as string,
        date: values.date as string | undefined,
        operator: values.operator as string | undefined,
        seedRule: values["seed-rule"] as string | undefined,
        voidReason: values["void-previous"] as string | undefined,
        now: io.now,
      });
      if (!r.ok) return failed(io, json, r.errors, r.warnings, lang);
      if (!(await save())) return 2;
      emit({ ...r.report, warnings: strip(r.warnings), file: out }, formatFreeze(r.report, out, lang));
      return 0;
    }
    case "draw": {
      const r = await runDraw(port, {
        lang,
        taskId: values.task as string,
        seed: values.seed as string | undefined,
        date: values.date as string | undefined,
        operator: values.operator as string | undefined,
        witness: values.witness as string | undefined,
        voidReason: values["void-previous"] as string | undefined,
        now: io.now,
      });
      if (!r.ok) return failed(io, json, r.errors, r.warnings, lang);
      if (!(await save())) return 2;
      // every warning: the workbook's, the draw date's and the protocol's (which the record keeps)
      const all = { ...r.report, warnings: r.warnings };
      emit({ ...all, warnings: strip(all.warnings), file: out }, formatDraw(all, out, lang));
      return 0;
    }
    case "verify": {
      const sheet = values.sheet as string | undefined;
      const report = await verifyDraws(port, { lang, sheet });
      if (sheet !== undefined && report.draws.length === 0) {
        const known = (await listDraws(port)).map((d) => d.sheet || d.snapshotSheet);
        return failed(io, json, [issue("draw_unknown", {}, { sheet, known: known.join("、") || "—" }, lang)], [], lang);
      }
      emit(report, formatVerify(report, lang));
      return report.ok ? 0 : 1;
    }
    case "checklists":
      return runChecklistsCommand(port, { draw: values.draw as string, out, json, lang, save }, io);
    case "publicity":
      return runPublicityCommand(
        port,
        { task: values.task as string, today: values.today as string | undefined, out, json, lang, save },
        io,
      );
  }
}

/** Issues in the JSON shape of cli.md (the message parameters are internal). */
export function strip(issues: Issue[]) {
  return issues.map(({ sheet, row, column, cell, code, message }) => ({ sheet, row, column, cell, code, message }));
}

/** Reports a use-case's refusal: one JSON document on stdout, or the issues on stderr; exit 1. */
export function failed(io: Io, json: boolean, errors: Issue[], warnings: Issue[], lang: Lang): number {
  if (json) io.out(JSON.stringify({ ok: false, errors: strip(errors), warnings: strip(warnings) }, null, 2));
  else io.err(formatIssues(errors, warnings, lang));
  return 1;
}
