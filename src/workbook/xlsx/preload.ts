// What ExcelJS loses or chokes on when it opens a .xlsx, kept aside before and put back after:
// - page breaks: ExcelJS does not read <rowBreaks>, so a printed checklist sheet would lose its
//   breaks at the next save;
// - drop-downs (data validations): ExcelJS expands every range into one entry per cell (a million
//   objects for a whole column: seconds and hundreds of MB each), and on saving joins the cells
//   back in text order of their addresses, which yields overlapping ranges (C2:C20 and C10:C20)
//   that Excel reports as damage. So every validation is taken out of the sheet XML before
//   ExcelJS parses it and put back as one entry per range, which ExcelJS writes unchanged;
// - sheet protection saved by LibreOffice (sheet="true"): ExcelJS reads only "1", so the sheet
//   would come back unprotected and be saved so; the flags are written as 1/0 before it parses;
// - formulas whose result is an empty text: ExcelJS reads them as never calculated (read.ts).
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { emptyTextFormulaCells, rememberEmptyTextResults } from "./read";

interface Break {
  id: number;
  max?: number;
  min?: number;
  man?: number;
}

interface SheetExtras {
  name: string;
  rowBreaks: Break[];
  validations: { ranges: string[]; model: ExcelJS.DataValidation }[];
  emptyTextResults: string[];
}

export interface Preloaded {
  /** the bytes for ExcelJS: the input, or a copy without the large validations */
  bytes: ArrayBuffer | Uint8Array;
  /** puts back what was kept aside into the loaded workbook */
  restore(wb: ExcelJS.Workbook): void;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}

/**
 * An sqref part as the key ExcelJS keeps whole: 'B2:B1048576' as is, a single cell 'C7' as
 * 'C7:C7' (a single-cell key would be joined with equal neighbours on saving); null when it is
 * not a plain A1 cell or range.
 */
export function validationKey(part: string): string | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(part);
  if (!m) return null;
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  return `${c1.toUpperCase()}${r1}:${c2.toUpperCase()}${r2}`;
}

/** The model ExcelJS builds for a <dataValidation> element (see its data-validations-xform). */
function validationModel(attrs: Record<string, string>, body: string): ExcelJS.DataValidation {
  const type = (attrs.type ?? "any") as ExcelJS.DataValidation["type"];
  const model: Record<string, unknown> = { type };
  const bool = (k: string) => {
    if (attrs[k] !== undefined) model[k] = attrs[k] === "1" || attrs[k] === "true";
  };
  if (attrs.type) bool("allowBlank");
  bool("showInputMessage");
  bool("showErrorMessage");
  if (!["any", "list", "custom"].includes(type)) model.operator = attrs.operator ?? "between";
  for (const k of ["promptTitle", "prompt", "errorStyle", "errorTitle", "error"])
    if (attrs[k] !== undefined) model[k] = attrs[k];
  const formulae: unknown[] = [];
  for (const m of body.matchAll(/<(?:\w+:)?formula([12])>([\s\S]*?)<\/(?:\w+:)?formula\1>/g)) {
    const text = decode(m[2]);
    if (type === "whole" || type === "textLength") formulae.push(parseInt(text, 10));
    else if (type === "decimal") formulae.push(parseFloat(text));
    else if (type === "date") formulae.push(new Date(Math.round((parseFloat(text) - 25569) * 86400000)));
    else formulae.push(text);
  }
  if (formulae.length) model.formulae = formulae;
  else delete model.operator;
  return model as unknown as ExcelJS.DataValidation;
}

/** Takes the validations out of one sheet's XML; returns the new XML when it changed. */
function takeValidations(xml: string, extras: SheetExtras): string | null {
  const block = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(xml);
  if (!block) return null;
  const kept: string[] = [];
  let changed = false;
  for (const m of block[1].matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const attrs = attributes(m[1]);
    const keys = (attrs.sqref ?? "").split(/\s+/).filter(Boolean).map(validationKey);
    if (keys.length > 0 && keys.every((k) => k !== null)) {
      extras.validations.push({ ranges: keys as string[], model: validationModel(attrs, m[2] ?? "") });
      changed = true;
    } else kept.push(m[0]); // left to ExcelJS as it is
  }
  if (!changed) return null;
  const replacement = kept.length ? `<dataValidations count="${kept.length}">${kept.join("")}</dataValidations>` : "";
  return xml.slice(0, block.index) + replacement + xml.slice(block.index + block[0].length);
}

function readBreaks(xml: string): Break[] {
  const block = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml);
  if (!block) return [];
  const out: Break[] = [];
  for (const m of block[1].matchAll(/<brk\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    const b: Break = { id: Number(a.id) };
    if (a.max !== undefined) b.max = Number(a.max);
    if (a.min !== undefined) b.min = Number(a.min);
    if (a.man !== undefined) b.man = a.man === "1" || a.man === "true" ? 1 : 0;
    if (Number.isInteger(b.id) && b.id > 0) out.push(b);
  }
  return out;
}

/** The sheet XML with its <sheetProtection> flags as 1/0 when written true/false, else null. */
function protectionAsDigits(xml: string): string | null {
  const m = /<sheetProtection\b[^>]*>/.exec(xml);
  if (!m || !/="(?:true|false)"/.test(m[0])) return null;
  const tag = m[0].replace(/="true"/g, '="1"').replace(/="false"/g, '="0"');
  return xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length);
}

/** Reads the sheets' XML once for what ExcelJS would lose; anything unexpected leaves the bytes alone. */
export async function preload(data: ArrayBuffer | Uint8Array): Promise<Preloaded> {
  const untouched: Preloaded = { bytes: data, restore: () => undefined };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return untouched; // ExcelJS reports it
  }
  const book = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!book || !rels) return untouched;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const extras: SheetExtras[] = [];
  let changed = false;
  for (const m of book.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const path = rid ? targets.get(rid) : undefined;
    const file = path ? zip.file(path) : null;
    if (!file || !a.name) continue;
    const xml = await file.async("string");
    const sheet: SheetExtras = {
      name: a.name,
      rowBreaks: readBreaks(xml),
      validations: [],
      emptyTextResults: emptyTextFormulaCells(xml),
    };
    const protection = protectionAsDigits(xml);
    const lighter = xml.includes("<dataValidations") ? takeValidations(protection ?? xml, sheet) : null;
    if (lighter !== null || protection !== null) {
      zip.file(path!, lighter ?? protection!);
      changed = true;
    }
    if (sheet.rowBreaks.length || sheet.validations.length || sheet.emptyTextResults.length) extras.push(sheet);
  }
  if (extras.length === 0 && !changed) return untouched;
  const bytes = changed ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : data;
  return {
    bytes,
    restore(wb) {
      for (const e of extras) {
        const ws = wb.getWorksheet(e.name);
        if (!ws) continue;
        const internal = ws as unknown as {
          rowBreaks?: Break[];
          dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
        };
        if (e.rowBreaks.length && internal.rowBreaks && internal.rowBreaks.length === 0)
          internal.rowBreaks.push(...e.rowBreaks);
        for (const v of e.validations) for (const r of v.ranges) internal.dataValidations.model[r] = v.model;
        rememberEmptyTextResults(ws, e.emptyTextResults);
      }
    },
  };
}
