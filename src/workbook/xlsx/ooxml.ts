// Reading the frame of a .xlsx package with jszip (browser-safe): relationships, the workbook
// part, its sheets and where each lives. Shared by the diagnosis of unreadable files and the
// comparison of what a rewrite keeps; the cells themselves are ExcelJS's business.
import type JSZip from "jszip";

/** XML text of an attribute or element, entities decoded. */
export const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");

/** The attributes of one start tag (the text between `<name` and `>`), prefixes kept. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

/** An attribute by local name, whatever its prefix (r:id, ns1:id …). */
export function localAttr(attrs: Record<string, string>, local: string): string | undefined {
  if (attrs[local] !== undefined) return attrs[local];
  const key = Object.keys(attrs).find((k) => k.endsWith(`:${local}`));
  return key === undefined ? undefined : attrs[key];
}

export interface Relationship {
  id: string;
  /** the type's last segment: worksheet, sharedStrings, officeDocument … */
  type: string;
  /** the target as a path inside the package (no leading slash), or the raw target when external */
  target: string;
  external: boolean;
}

/** The part a relationship target names, from the folder of the part that owns the rels. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return normalizePath(target.slice(1));
  const folder = ownerPart.includes("/") ? ownerPart.slice(0, ownerPart.lastIndexOf("/") + 1) : "";
  return normalizePath(folder + target);
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels; '' → _rels/.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function parseRelationships(xml: string, ownerPart: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributesOf(m[1]);
    if (!a.Id || a.Target === undefined) continue;
    const external = a.TargetMode === "External";
    out.push({
      id: a.Id,
      type: (a.Type ?? "").split("/").pop() ?? "",
      target: external ? a.Target : resolveTarget(ownerPart, a.Target),
      external,
    });
  }
  return out;
}

/** Names in the zip as the package knows them: no leading slash, folders left out. */
export function partNames(zip: JSZip): string[] {
  return Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name.replace(/^\/+/, ""));
}

/** A part by its package name, matched without regard to case as Office does. */
export function findPart(zip: JSZip, part: string): JSZip.JSZipObject | null {
  const exact = zip.file(part) ?? zip.file(`/${part}`);
  if (exact) return exact;
  const folded = part.toLowerCase();
  return Object.values(zip.files).find((f) => !f.dir && f.name.replace(/^\/+/, "").toLowerCase() === folded) ?? null;
}

export async function partText(zip: JSZip, part: string): Promise<string | null> {
  const f = findPart(zip, part);
  return f ? f.async("string") : null;
}

export async function relationshipsOf(zip: JSZip, part: string): Promise<Relationship[] | null> {
  const xml = await partText(zip, relsPartOf(part));
  return xml === null ? null : parseRelationships(xml, part);
}

export interface SheetEntry {
  name: string;
  /** worksheet, chartsheet, dialogsheet … (the relationship type) */
  type: string;
  /** the part holding it; '' when the workbook's rels do not say */
  part: string;
  /** 0-based position in the workbook (localSheetId of defined names) */
  index: number;
}

/** The officeDocument part named by _rels/.rels ('' when the package has none). */
export async function officeDocumentPart(zip: JSZip): Promise<string> {
  const rels = await relationshipsOf(zip, "");
  return rels?.find((r) => r.type === "officeDocument" && !r.external)?.target ?? "";
}

/** The workbook's sheets in tab order, with the part of each. */
export function sheetEntries(workbookXml: string, rels: Relationship[]): SheetEntry[] {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributesOf(m[1]);
    const rel = byId.get(localAttr(a, "id") ?? "");
    out.push({
      name: a.name ?? "",
      type: rel?.type ?? "",
      part: rel && !rel.external ? rel.target : "",
      index: out.length,
    });
  }
  return out;
}

/** JSZip's streaming read of one part, which its typings do not declare. */
interface PartStream {
  on(event: "data", f: (chunk: string) => void): PartStream;
  on(event: "error", f: (e: Error) => void): PartStream;
  on(event: "end", f: () => void): PartStream;
  pause(): PartStream;
  resume(): PartStream;
}

/**
 * Reads a part as text in chunks, without holding it whole (a sheet of a million rows is
 * hundreds of MB of XML); `take` returns true to stop early.
 */
export function streamPart(file: JSZip.JSZipObject, take: (chunk: string) => boolean | void): Promise<void> {
  return new Promise((resolve, reject) => {
    let stopped = false;
    const stream = (file as unknown as { internalStream(type: "string"): PartStream }).internalStream("string");
    stream
      .on("data", (chunk) => {
        if (stopped) return;
        if (take(chunk) === true) {
          stopped = true;
          stream.pause();
          resolve();
        }
      })
      .on("error", (e) => (stopped ? undefined : reject(e)))
      .on("end", () => (stopped ? undefined : resolve()));
    stream.resume();
  });
}
