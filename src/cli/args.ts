// The command line's syntax: Node's parseArgs splits the words (tokens, not its strict mode,
// whose errors are English), and every problem becomes an issue code with its parameters:
// an unknown option with the nearest known one (--taks → 是否要输入 --task？), a value missing,
// given twice, or not a date. Every value is trimmed as the seed is, except the seed itself,
// which the draw trims and judges by DRP-1's rules.
import { parseArgs } from "node:util";
import type { IssueCode } from "../core/issues/catalogue";
import { isIsoDate } from "../core/calendar/dates";

export interface OptionDef {
  type: "string" | "boolean";
  short?: string;
  /** what the value must be */
  value?: "date" | "lang" | "xlsx";
  /** passed on as typed (the use-case normalises it) */
  raw?: boolean;
  /** the value placeholder in the usage, e.g. ID */
  placeholder?: string;
  zh: string;
  en: string;
}

export interface CommandSyntax {
  options: readonly string[];
  required?: readonly string[];
}

export interface Problem {
  code: IssueCode;
  params: Record<string, string | number>;
}

export type Parsed =
  | {
      ok: true;
      command: string;
      book: string;
      values: Record<string, string | boolean>;
    }
  | { ok: true; help: true; command: string | null }
  | { ok: true; version: true }
  | { ok: false; problem: Problem; command: string | null };

/** Options every command takes. */
export const GLOBAL_OPTIONS = ["json", "lang", "help", "version"] as const;

/** Damerau–Levenshtein distance (optimal string alignment): a swap of two letters is one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The candidate a typo most likely meant, or null when none is close: a prefix, or a few edits. */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const distance = w.length >= 3 && lc.startsWith(w) ? 0.5 : editDistance(w, lc);
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  const allowed = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  return bestDistance <= allowed ? best : null;
}

/** A word that looks like an option typed with the wrong dashes (a Chinese input method's): —task, －－task. */
const WRONG_DASHES = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]+([a-z][a-z-]*)(?:=.*)?$/i;

/**
 * Splits and checks a command line against the options and commands; the first problem found
 * is returned (unknown command, unknown or misplaced option, missing value, missing book …).
 */
export function parseCommandLine(
  argv: string[],
  options: Record<string, OptionDef>,
  commands: Record<string, CommandSyntax>,
): Parsed {
  const parseOptions = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  );
  const { tokens } = parseArgs({
    args: argv,
    options: parseOptions,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals = tokens.filter((t) => t.kind === "positional").map((t) => (t as { value: string }).value);
  const commandName = positionals[0] ?? null;
  const command = commandName !== null && Object.hasOwn(commands, commandName) ? commandName : null;
  const fail = (code: IssueCode, params: Record<string, string | number> = {}): Parsed => ({
    ok: false,
    problem: { code, params },
    command,
  });
  const names = tokens.filter((t) => t.kind === "option").map((t) => (t as { name: string }).name);
  if (names.includes("help")) return { ok: true, help: true, command };
  if (names.includes("version")) return { ok: true, version: true };

  const known = Object.keys(commands);
  if (commandName === null) return fail("command_missing", { known: known.join("、") });
  if (command === null) {
    const suggestion = nearest(commandName, known);
    return suggestion
      ? fail("command_unknown_near", { command: commandName, suggestion })
      : fail("command_unknown", { command: commandName, known: known.join("、") });
  }
  const taken = [...GLOBAL_OPTIONS, ...commands[command].options];
  const dashed = (o: readonly string[]) => o.map((n) => `--${n}`);

  const values: Record<string, string | boolean> = {};
  let seen = 0;
  for (const tok of tokens) {
    if (tok.kind === "positional") {
      const wrong = WRONG_DASHES.exec(tok.value);
      const isCommand = seen++ === 0;
      if (wrong && !isCommand) {
        const suggestion = nearest(wrong[1], taken) ?? nearest(wrong[1], Object.keys(options));
        if (suggestion) return fail("option_dash", { given: tok.value, suggestion: `--${suggestion}` });
      }
      continue;
    }
    if (tok.kind !== "option") continue;
    const raw = argv[tok.index];
    const def = Object.hasOwn(options, tok.name) ? options[tok.name] : undefined;
    if (!def) {
      // "-task" is split by parseArgs into -t -a -s -k: judge the word as typed
      const typed = raw.startsWith("--") ? tok.name : raw.replace(/^-+/, "").replace(/=.*$/, "");
      const suggestion = nearest(typed, taken) ?? nearest(typed, Object.keys(options));
      const shown = raw.startsWith("--") ? tok.rawName : raw.replace(/=.*$/, "");
      return suggestion
        ? fail("option_unknown_near", { option: shown, suggestion: `--${suggestion}` })
        : fail("option_unknown", { option: shown, command, known: dashed(taken).join(" ") });
    }
    if (!taken.includes(tok.name)) return fail("option_not_taken", { command, option: `--${tok.name}` });
    if (Object.hasOwn(values, tok.name)) return fail("option_repeated", { option: `--${tok.name}` });
    if (def.type === "boolean") {
      if (tok.inlineValue) return fail("option_flag_value", { option: `--${tok.name}`, value: tok.value ?? "" });
      values[tok.name] = true;
      continue;
    }
    // a value that is itself an option means the value was left out: --task --seed 5
    if (tok.value === undefined || (!tok.inlineValue && /^--?[a-z]/i.test(tok.value) && !/^-\d/.test(tok.value)))
      return fail("option_value_missing", { option: `--${tok.name}` });
    values[tok.name] = def.raw ? tok.value : tok.value.trim();
  }

  const book = positionals[1];
  if (book === undefined || book.trim() === "") return fail("book_argument_missing");
  if (positionals.length > 2) return fail("argument_extra", { args: positionals.slice(2).join(" ") });
  for (const name of commands[command].required ?? [])
    if (values[name] === undefined) return fail("option_required", { command, option: `--${name}` });
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== "string") continue;
    const def = options[name];
    if (v === "" && !def.raw && (def.value || (commands[command].required ?? []).includes(name)))
      return fail("option_value_empty", { option: `--${name}` });
    if (def.value === "date" && !isIsoDate(v)) return fail("option_date", { option: `--${name}`, value: v });
    if (def.value === "lang" && v !== "zh" && v !== "en") return fail("option_lang", { value: v });
    if (def.value === "xlsx" && !/\.xlsx$/i.test(v)) return fail("option_out_extension", { file: v });
  }
  return { ok: true, command, book, values };
}

/** The language asked for, read before anything else so that even bad usage answers in it. */
export function requestedLang(argv: string[]): "zh" | "en" {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v !== undefined) return v.trim() === "en" ? "en" : "zh";
  }
  return "zh";
}
