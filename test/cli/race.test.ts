// Two draws on one workbook at once, in two real processes: never both exit 0 with one draw
// lost. The second is refused (exit 2, the lock's holder named) and writes nothing, or it runs
// after the first and both draws are in the file.
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildPackage, removeBuilt, runBundle, startBundle } from "./built";
import { DATE, SAMPLE, TASK, listDir } from "./helpers";

const SECOND = "XH-2026-04";
let pkg = "";
let template = "";

beforeAll(async () => {
  pkg = buildPackage();
  // the sample with a second task, so that two draws can both be right
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet("抽查任务")!;
  const row = ws.getRow(2).values as ExcelJS.CellValue[];
  ws.getRow(3).values = row;
  ws.getCell("A3").value = SECOND;
  ws.getCell("B3").value = "新华区2026年第四次跨部门联合抽查";
  template = join(mkdtempSync(join(pkg, "..", "race-")), "two-tasks.xlsx");
  writeFileSync(template, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
});
afterAll(removeBuilt);

test("two processes drawing on one file at once: never both 0 with a draw missing", async () => {
  const outcomes: string[] = [];
  for (let round = 0; round < 4; round++) {
    const dir = mkdtempSync(join(pkg, "..", `round-${round}-`));
    const book = join(dir, "book.xlsx");
    copyFileSync(template, book);
    const draw = (task: string, seed: string) =>
      startBundle(pkg, ["draw", book, "--task", task, "--seed", seed, "--date", DATE, "--json"]);
    const [a, b] = [draw(TASK, `甲-${round}`), draw(SECOND, `乙-${round}`)];
    const results = await Promise.all([a.done, b.done]);
    const verify = runBundle(pkg, ["verify", book, "--json"]);
    const tasks = (JSON.parse(verify.stdout).draws as { task: string }[]).map((d) => d.task).sort();
    for (const r of results) expect([0, 2]).toContain(r.code);
    const won = [TASK, SECOND].filter((_, i) => results[i].code === 0).sort();
    // every draw that said it was written is in the file, and only those
    expect(tasks).toEqual(won);
    expect(won.length).toBeGreaterThan(0);
    for (const r of results.filter((x) => x.code === 2)) {
      const doc = JSON.parse(r.stdout);
      expect(["book_locked", "book_changed_on_disk"]).toContain(doc.errors[0].code);
      expect(doc.errors[0].message).toMatch(/未读取也未写入任何内容|未写入任何内容/);
    }
    expect(verify.status).toBe(0);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
    outcomes.push(results.map((r) => (r.code === 0 ? "written" : JSON.parse(r.stdout).errors[0].code)).join("+"));
  }
  // the rounds did meet: at least one second draw found the first one's lock
  expect(outcomes.some((o) => o.includes("book_locked"))).toBe(true);
});
