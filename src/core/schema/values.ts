// Cell value parsers: one per column type of the workbook contract. Each takes a non-empty cell
// and gives a value or a problem (an issue code and its parameters); the table reader places the
// problem at its cell. Hand-written rather than z.coerce, whose coercions are wrong for clerks'
// cells (z.coerce.number("") is 0, z.coerce.boolean("否") is true, z.coerce.date(46000) is 1970).
import { z } from "zod";
import type { CellValue } from "../sheet";
import { isCellError, isUncalculatedFormula } from "../sheet";
import type { Grade, IsoDate } from "../model";
import { MAX_DATE, MIN_DATE } from "../calendar/dates";
import { usccProblem } from "./uscc";
import { nameKey, nfkcTrim } from "./normalize";
import { cleanFreeText, firstInvisible, showInvisible } from "./text";

/** The code of a value problem; each has a catalogue entry in messages-schema.ts. */
export type ValueProblemCode =
  | "cell_error"
  | "formula_uncalculated"
  | "date_invalid"
  | "date_out_of_range"
  | "year_invalid"
  | "percent_invalid"
  | "integer_invalid"
  | "yesno_invalid"
  | "grade_invalid"
  | "enum_invalid"
  | "uscc_length"
  | "uscc_charset"
  | "uscc_checksum"
  | "uscc_as_number"
  | "id_as_number"
  | "id_invisible_char";

export type Parsed<T> =
  | { ok: true; value: T; /** set when the value was rewritten into its normal form */ normalized?: boolean }
  | { ok: false; code: ValueProblemCode; params: Record<string, string | number> };

/** A parser of one non-empty cell. */
export type ValueParser<T> = (cell: CellValue) => Parsed<T>;

const ok = <T>(value: T, normalized?: boolean): Parsed<T> =>
  normalized ? { ok: true, value, normalized } : { ok: true, value };
const fail = <T>(code: ValueProblemCode, params: Record<string, string | number> = {}): Parsed<T> => ({
  ok: false,
  code,
  params,
});

/** True for a cell with nothing in it (null, or text of white space only). */
export function isEmptyCell(cell: CellValue): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** A Date's calendar fields read with UTC getters, as 'YYYY-MM-DD'. */
function isoFromUtc(d: Date): IsoDate | null {
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/**
 * How a cell shows as text: numbers without '.0', Excel dates as 'YYYY-MM-DD', an uncalculated
 * formula as its formula ('=A2*3').
 */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return isoFromUtc(cell) ?? "";
  if (isCellError(cell)) return cell.error;
  if (isUncalculatedFormula(cell)) return `=${cell.formula}`;
  return String(cell);
}

/** A formula shown in a message: its first 60 characters. */
function formulaShown(formula: string): string {
  const chars = [...formula];
  return chars.length > 60 ? `=${chars.slice(0, 60).join("")}…` : `=${formula}`;
}

/** A cell whose value cannot be known: an error value, or a formula without its result. */
function unreadable<T>(cell: CellValue): Parsed<T> | null {
  if (isCellError(cell)) return fail("cell_error", { value: cell.error });
  if (isUncalculatedFormula(cell)) return fail("formula_uncalculated", { formula: formulaShown(cell.formula) });
  return null;
}

/**
 * A number as its shortest digits, never in exponent form (as Excel shows it in a text cell):
 * 1.30105201e+21 → '1301052010000000000000', 1e-7 → '0.0000001'.
 */
export function numberDigits(n: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(String(n));
  if (!m) return String(n);
  const [, sign, whole, fraction = "", exp] = m;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * An id typed into a number cell beyond 15–16 digits has lost its last digits (and shows as
 * 1.30105201e+21): no id can be read from it. Smaller whole numbers are ids as they stand.
 */
function idNumberProblem<T>(cell: CellValue): Parsed<T> | null {
  if (typeof cell !== "number" || Number.isSafeInteger(cell)) return null;
  if (!Number.isInteger(cell) && !/e/i.test(String(cell))) return null;
  return fail("id_as_number", { value: numberDigits(cell), shown: String(cell) });
}

/** An id holding an invisible character (zero-width space, BOM, bidi control, control character). */
function invisibleProblem<T>(text: string): Parsed<T> | null {
  const char = firstInvisible(text);
  return char ? fail("id_invisible_char", { value: showInvisible(text).trim(), char }) : null;
}

/**
 * text: trimmed as typed; a number becomes its string ("12", not "12.0"). Control characters
 * are removed (flagged as normalised), since a written snapshot could not keep them.
 */
export const parseText: ValueParser<string> = (cell) => {
  const bad = unreadable<string>(cell);
  if (bad) return bad;
  const { text, removed } = cleanFreeText(cellText(cell));
  return ok(text.trim(), removed !== null);
};

/**
 * An identifier (编号, 执法证号): text in NFKC so that full-width and half-width ids are one id
 * (flagged as normalised); an invisible character or a number cell that lost digits is an error.
 */
export const parseId: ValueParser<string> = (cell) => {
  const bad = unreadable<string>(cell) ?? idNumberProblem<string>(cell);
  if (bad) return bad;
  const raw = cellText(cell);
  const invisible = invisibleProblem<string>(raw);
  if (invisible) return invisible;
  const id = nfkcTrim(raw);
  return ok(id, id !== raw.trim());
};

const LIST_SEPARATORS = /[、，,；;\r\n]+/;

/** The items of a list text: split on 、 ， , ； ; and line breaks, trimmed, empties dropped. */
export function splitList(text: string): string[] {
  const items = text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  // a copy of its own length: filter's array keeps room for 17, 150 bytes a list, which two
  // lists a target made 300 MB of a 1M-row registry
  return items.slice();
}

/** list: several values in one cell; control characters removed, as in text. */
export const parseList: ValueParser<string[]> = (cell) => {
  const bad = unreadable<string[]>(cell);
  if (bad) return bad;
  const { text, removed } = cleanFreeText(cellText(cell));
  return ok(splitList(text), removed !== null);
};

/** A list of identifiers, each in NFKC (flagged as normalised when that changed one), checked as ids. */
export const parseIdList: ValueParser<string[]> = (cell) => {
  const bad = unreadable<string[]>(cell) ?? idNumberProblem<string[]>(cell);
  if (bad) return bad;
  const raw = cellText(cell);
  const invisible = invisibleProblem<string[]>(raw);
  if (invisible) return invisible;
  const ids = splitList(raw.normalize("NFKC"));
  return ok(ids, ids.join("\u0000") !== splitList(raw).join("\u0000"));
};

const yesNoText = z.stringbool({
  truthy: ["是", "y", "yes", "true", "1"],
  falsy: ["否", "n", "no", "false", "0"],
  case: "insensitive",
});

/** yes/no: 是/否, Y/N, yes/no, true/false, 1/0 (text, number or a boolean cell). */
export const parseYesNo: ValueParser<boolean> = (cell) => {
  const e = unreadable<boolean>(cell);
  if (e) return e;
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number")
    return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail("yesno_invalid", { value: String(cell) });
  const text = nfkcTrim(cellText(cell));
  const r = yesNoText.safeParse(text);
  return r.success ? ok(r.data) : fail("yesno_invalid", { value: text });
};

/** Days from 1899-12-30 to 1970-01-01: Excel serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;
/** 9999-12-31 */
const MAX_SERIAL = 2_958_465;
/** 1900-03-01: below it Excel's serials are off by one (its 1900 leap-year bug); no clerk means them. */
const MIN_SERIAL = 61;

function validYmd(y: number, m: number, d: number): IsoDate | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const TEXT_DATE =
  /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** The 'YYYY-MM-DD' of a date text (2026-03-30, 2026/3/30, 2026.3.30, 2026年3月30日), or null. */
export function textToIsoDate(text: string): IsoDate | null {
  const m = TEXT_DATE.exec(nfkcTrim(text));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  return validYmd(y, mo, d);
}

/** The date of an Excel serial number (time of day dropped), by arithmetic, or null. */
export function serialToIsoDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL + 1) return null;
  return isoFromUtc(new Date((Math.floor(serial) - EXCEL_EPOCH_SERIAL) * DAY_MS));
}

/**
 * date: an Excel date cell, an Excel serial number, or a date text; from 1900-01-01 to
 * 2100-12-31 (outside it a date is a typing slip, and the holiday calendar knows nothing there).
 */
export const parseDate: ValueParser<IsoDate> = (cell) => {
  const e = unreadable<IsoDate>(cell);
  if (e) return e;
  let iso: IsoDate | null = null;
  if (cell instanceof Date) iso = isoFromUtc(cell);
  else if (typeof cell === "number") iso = serialToIsoDate(cell);
  else if (typeof cell === "string") iso = textToIsoDate(cell);
  if (!iso) return fail("date_invalid", { value: cellText(cell).trim() });
  return iso < MIN_DATE || iso > MAX_DATE
    ? fail("date_out_of_range", { value: iso, min: MIN_DATE, max: MAX_DATE })
    : ok(iso);
};

/** 年度: a whole year from 1900 to 2100, as a number or a text ('2026', '2026年'). */
export const parseYear: ValueParser<number> = (cell) => {
  const e = unreadable<number>(cell);
  if (e) return e;
  const text = nfkcTrim(cellText(cell)).replace(/\s*年(度)?$/, "");
  const n = /^\d{4}$/.test(text) ? Number(text) : Number.NaN;
  const [min, max] = [Number(MIN_DATE.slice(0, 4)), Number(MAX_DATE.slice(0, 4))];
  return n >= min && n <= max ? ok(n) : fail("year_invalid", { value: cellText(cell).trim(), min, max });
};

const NUMBER_TEXT = /^[+]?(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * percent, to integer basis points (1% = 100). '5%' → 500 (text with % is always percent points);
 * a number (or number text) in [0, 1] is a fraction: 0.05 → 500 and 1 → 10000 (100%, as Excel stores
 * a cell formatted 100%); above 1 it is percent points: 5 → 500. More than 100% is an error.
 */
export const parsePercent: ValueParser<number> = (cell) => {
  const e = unreadable<number>(cell);
  if (e) return e;
  let points: number;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0) return fail("percent_invalid", { value: String(cell) });
    points = cell <= 1 ? cell * 100 : cell;
  } else if (typeof cell === "string") {
    const text = nfkcTrim(cell).replace(/\s+/g, "");
    const withPercent = text.endsWith("%");
    const digits = withPercent ? text.slice(0, -1) : text;
    if (!NUMBER_TEXT.test(digits)) return fail("percent_invalid", { value: cell.trim() });
    const n = Number(digits);
    points = withPercent || n > 1 ? n : n * 100;
  } else return fail("percent_invalid", { value: cellText(cell) });
  const bp = Math.round(points * 100);
  return bp <= 10000 ? ok(bp) : fail("percent_invalid", { value: cellText(cell).trim() });
};

/** integer ≥ min: a whole number, also when stored as text ("12"); 1.5 and -1 are errors. */
export function integerParser(min = 0): ValueParser<number> {
  return (cell) => {
    const e = unreadable<number>(cell);
    if (e) return e;
    let n = Number.NaN;
    if (typeof cell === "number") n = cell;
    else if (typeof cell === "string") {
      const text = nfkcTrim(cell);
      if (/^[+-]?\d+(\.0*)?$/.test(text)) n = Number(text);
    }
    return Number.isSafeInteger(n) && n >= min ? ok(n) : fail("integer_invalid", { value: cellText(cell).trim(), min });
  };
}

/** A non-negative integer. */
export const parseInteger: ValueParser<number> = integerParser(0);

/** 信用风险等级 A–D; 'a', full-width 'Ａ' and 'A类'/'A级' are read as 'A'. */
export const parseGrade: ValueParser<Grade> = (cell) => {
  const e = unreadable<Grade>(cell);
  if (e) return e;
  const text = nfkcTrim(cellText(cell)).toUpperCase();
  const m = /^([ABCD])\s*[类级]?$/.exec(text);
  return m ? ok(m[1] as Grade) : fail("grade_invalid", { value: cellText(cell).trim() });
};

/**
 * One value from a fixed list: the Chinese value or one of its English aliases, compared by
 * nameKey (full-width alike, case ignored). `labels` maps each value to its accepted spellings.
 */
export function enumParser<T extends string>(
  labels: Record<T, readonly string[]>,
  /** how the allowed values are listed to the clerk; default the values joined by '/' */
  shown?: string,
): ValueParser<T> {
  const lookup = new Map<string, T>();
  const values = Object.keys(labels) as T[];
  for (const v of values) {
    lookup.set(nameKey(v), v);
    for (const a of labels[v]) lookup.set(nameKey(a), v);
  }
  const allowed = shown ?? values.join("/");
  return (cell) => {
    const e = unreadable<T>(cell);
    if (e) return e;
    const v = lookup.get(nameKey(cellText(cell)));
    return v !== undefined ? ok(v) : fail("enum_invalid", { value: cellText(cell).trim(), allowed });
  };
}

/** The normal form of a USCC: NFKC, no white space, upper-case. */
export function normalizeUscc(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/**
 * 统一社会信用代码: normalised (full-width and lower-case accepted, flagged as normalised), then
 * checked for length, characters and check character, each its own problem.
 */
export const parseUscc: ValueParser<string> = (cell) => {
  const e = unreadable<string>(cell);
  if (e) return e;
  // An all-digit code typed into a number cell has lost its last digits (beyond 2^53).
  if (typeof cell === "number" && !Number.isSafeInteger(cell))
    return fail("uscc_as_number", { value: numberDigits(cell), shown: String(cell) });
  const invisible = invisibleProblem<string>(cellText(cell));
  if (invisible) return invisible;
  const raw = cellText(cell).trim();
  const code = normalizeUscc(raw);
  const problem = usccProblem(code);
  if (problem) return fail(`uscc_${problem}`, { value: raw, length: [...code].length });
  return ok(code, code !== raw);
};

/**
 * A list of USCCs (回避对象), each normalised; not checked, since a stale code only never matches.
 * A number cell that lost digits and an invisible character are errors, as for one code.
 */
export const parseUsccList: ValueParser<string[]> = (cell) => {
  const bad = unreadable<string[]>(cell);
  if (bad) return bad;
  if (typeof cell === "number" && !Number.isSafeInteger(cell))
    return fail("uscc_as_number", { value: numberDigits(cell), shown: String(cell) });
  const raw = cellText(cell);
  return invisibleProblem<string[]>(raw) ?? ok(splitList(raw).map(normalizeUscc));
};
