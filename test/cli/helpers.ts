// Running the command in-process on copies of the sample workbook in a temp folder.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

export const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");
export const TASK = "XH-2026-03";
export const SEED = "20260401-福彩3D-123";
export const DATE = "2026-04-01";
/** 2026-04-01 09:30 China time */
export const NOW = new Date("2026-04-01T01:30:00Z");

export interface Run {
  code: number;
  out: string;
  err: string;
  /** stdout parsed as the one JSON document it must be */
  json: () => any;
}

export async function run(argv: string[], now: Date = NOW): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now });
  const stdout = out.join("\n");
  return { code, out: stdout, err: err.join("\n"), json: () => JSON.parse(stdout) };
}

const made: string[] = [];

/** A fresh temp folder holding a copy of the sample as `book.xlsx`; returns the folder and the path. */
export function sampleCopy(): { dir: string; book: string } {
  const dir = mkdtempSync(join(tmpdir(), "shuangsuiji-cli-"));
  made.push(dir);
  const book = join(dir, "book.xlsx");
  copyFileSync(SAMPLE, book);
  return { dir, book };
}

export function removeTemps(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
export const listDir = (dir: string): string[] => readdirSync(dir).sort();
