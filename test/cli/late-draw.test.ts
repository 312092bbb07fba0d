// A draw dated after the task's window is made but said, to the clerk, not into the record.
import { describe, expect, test } from "@jest/globals";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");

async function drawOn(date: string) {
  const out: string[] = [];
  const file = join(mkdtempSync(join(tmpdir(), "ssj-late-")), "d.xlsx");
  const argv = ["draw", SAMPLE, "--task", "XH-2026-03", "--seed", "s1", "--date", date, "--out", file, "--json"];
  const code = await main(argv, { out: (s) => out.push(s), err: () => undefined });
  const verify: string[] = [];
  const verified = await main(["verify", file], { out: (s) => verify.push(s), err: () => undefined });
  return { code, doc: JSON.parse(out.join("\n")), verified };
}

describe("a draw after the task's end date", () => {
  test("is made, verifies, and warns with the dates (the sample task ends 2026-06-30)", async () => {
    const late = await drawOn("2026-07-15");
    expect(late.code).toBe(0);
    expect(late.verified).toBe(0);
    const w = late.doc.warnings.find((x: { code: string }) => x.code === "draw_after_task_end");
    expect(w.message).toContain("2026-07-15");
    expect(w.message).toContain("2026-06-30");
  });

  test("a draw inside the window has no such warning", async () => {
    const ok = await drawOn("2026-04-01");
    expect(ok.code).toBe(0);
    expect(ok.doc.warnings.map((x: { code: string }) => x.code)).not.toContain("draw_after_task_end");
  });
});
