// A command interrupted (Ctrl+C, or a service stopping it) leaves no temp file and no lock, and
// the workbook whole: as it was, or with the draw complete. Under --json it still prints one
// JSON document, saying what was (not) written. The signal is sent at moments seen from outside:
// when the lock appears, while the draw runs, when the temp file appears.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildPackage, removeBuilt, runBundle, startBundle } from "./built";
import { DATE, SAMPLE, SEED, TASK, listDir } from "./helpers";

let pkg = "";
beforeAll(() => {
  pkg = buildPackage();
});
afterAll(removeBuilt);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a file whose name matches appears in the folder (or the process ends). */
async function appears(dir: string, re: RegExp, ended: () => boolean): Promise<boolean> {
  while (!ended()) {
    if (readdirSync(dir).some((f) => re.test(f))) return true;
    await sleep(3);
  }
  return false;
}

test.each<[string, NodeJS.Signals, RegExp | null, number]>([
  ["at once", "SIGTERM", null, 0],
  ["as soon as the lock is taken", "SIGINT", /\.shuangsuiji-lock$/, 0],
  ["while the draw runs", "SIGTERM", /\.shuangsuiji-lock$/, 700],
  ["while the temp file is written", "SIGINT", /\.tmp$/, 0],
  ["while the temp file is written", "SIGTERM", /\.tmp$/, 20],
])("%s (%s)", async (_when, signal, trigger, after) => {
  const dir = mkdtempSync(join(pkg, "..", "signal-"));
  const book = join(dir, "book.xlsx");
  copyFileSync(SAMPLE, book);
  const p = startBundle(pkg, ["draw", book, "--task", TASK, "--seed", SEED, "--date", DATE, "--json"]);
  let ended = false;
  const result = p.done.then((r) => ((ended = true), r));
  if (trigger) await appears(dir, trigger, () => ended);
  await sleep(after);
  if (!ended) p.kill(signal);
  const r = await result;
  // nothing left beside the workbook
  expect(listDir(dir)).toEqual(["book.xlsx"]);
  const untouched = readFileSync(book).equals(readFileSync(SAMPLE));
  const verify = runBundle(pkg, ["verify", book, "--json"]);
  const draws = JSON.parse(verify.stdout).draws as { ok: boolean }[];
  if (untouched) expect(draws).toEqual([]);
  else expect(draws.map((d) => d.ok)).toEqual([true]);
  if (r.code === 0) {
    expect(untouched).toBe(false);
    expect(JSON.parse(r.stdout).task).toBe(TASK);
  } else if (r.signal === null) {
    // our handler ran: exit 128 + the signal, one JSON document saying what became of the file
    expect(r.code).toBe(signal === "SIGINT" ? 130 : 143);
    const doc = JSON.parse(r.stdout);
    expect(doc.errors[0].code).toBe("interrupted");
    expect(doc.errors[0].message).toContain(signal);
    if (untouched) expect(doc.errors[0].message).toMatch(/未写入任何内容|要么仍是原样/);
    else expect(doc.errors[0].message).toMatch(/已是完整的新结果|已完整写入/);
  } else expect(r.signal).toBe(signal); // killed before node ran our code: nothing to clean
});
