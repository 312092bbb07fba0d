// The register's commands and the year's on the sample, as a clerk runs them: freeze, papers,
// draw, substitute, void, verify against a published head, year and the national export.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../src/core/platform";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { DATE, SEED, TASK, removeTemps, run, sampleCopy } from "./helpers";

afterAll(removeTemps);

const DRAW = `抽取结果-${TASK}-1`;

test("a clerk's year of one task: every command answers in JSON, and the record verifies at each step", async () => {
  const { dir, book } = sampleCopy();
  const frozen = await run(["freeze", book, "--task", TASK, "--date", DATE, "--seed-rule", "福彩3D", "--json"]);
  expect(frozen.code).toBe(0);
  const f = frozen.json();
  expect(f.chain).toMatch(/^[0-9a-f]{64}$/);
  // the freeze announcement before the seed exists; no notices for a draw not yet made
  const announced = await run(["papers", book, "--draw", f.snapshotSheet, "--json"]);
  expect(announced.code).toBe(0);
  expect(Object.keys(announced.json().sheets)).toEqual(["record", "freeze"]);
  const early = await run(["papers", book, "--draw", f.snapshotSheet, "--papers", "notices", "--json"]);
  expect(early.code).toBe(1);
  expect(early.json().errors[0].code).toBe("paper_not_for_draw");

  const drawn = await run([
    "draw",
    book,
    "--task",
    TASK,
    "--seed",
    SEED,
    "--operator",
    "张三",
    "--witness",
    "李四",
    "--json",
  ]);
  expect(drawn.code).toBe(0);
  const d = drawn.json();
  expect(d.digest).toBe(f.digest);
  expect(d.year.join("\n")).toMatch(/5\.67%/);
  const papers = await run(["papers", book, "--draw", DRAW, "--papers", "notices,confirmations", "--json"]);
  expect(papers.json().sheets).toEqual({ notices: `检查通知书-${TASK}-1`, confirmations: `比对确认单-${TASK}-1` });

  const target = d.selected.find((s: { stratum: string }) =>
    d.reserves.some((r: { stratum: string }) => r.stratum === s.stratum),
  );
  const sub = await run([
    "substitute",
    book,
    "--draw",
    DRAW,
    "--target",
    target.uscc,
    "--reason",
    "已注销",
    "--operator",
    "王五",
    "--json",
  ]);
  expect(sub.code).toBe(0);
  const s = sub.json();
  expect(s.substitutions).toEqual([expect.objectContaining({ n: 1, replaced: target.uscc, reason: "已注销" })]);
  expect(s.selected.map((x: { uscc: string }) => x.uscc)).not.toContain(target.uscc);
  const head = s.chain;
  const ok = await run(["verify", book, "--expect-chain", head, "--expect-digest", f.digest, "--json"]);
  expect(ok.code).toBe(0);
  expect(ok.json()).toMatchObject({ ok: true, chain: head });

  const year = await run(["year", book, "--year", "2026", "--today", "2026-12-01", "--share", "5%", "--json"]);
  expect(year.code).toBe(0);
  const y = year.json();
  expect(y).toMatchObject({ year: 2026, registry: 300, drawn: 17, goal: 0.05 });
  expect(y.share).toBeCloseTo(17 / 300, 3);
  expect(y.byGrade).toBeDefined();
  expect(Array.isArray(y.uncoveredItems)).toBe(true);
  expect(y.sheets).toEqual(["抽查年度统计", "抽查年度明细"]);

  const csv = join(dir, "国家公示.csv");
  const exported = await run(["export", book, "--year", "2026", "--csv", csv, "--json"]);
  expect(exported.code).toBe(0);
  const bytes = readFileSync(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(parseCsv(bytes.toString("utf8"))[0]).toContain("检查实施机关");

  const voided = await run(["void", book, "--draw", DRAW, "--reason", "演示作废", "--operator", "王五", "--json"]);
  expect(voided.code).toBe(0);
  expect(voided.json()).toMatchObject({ reason: "演示作废", operator: "王五" });
  // the head published before the void no longer matches: the workbook moved on
  const after = await run(["verify", book, "--expect-chain", head, "--json"]);
  expect(after.code).toBe(1);
  expect(after.json().log[0].message).toContain(head);
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(book));
  expect(String((await wb.readSheet(DRAW)).rows[0][0])).toMatch(/^【已作废】/);
});

test("bad values of the new options are refused as usage, naming them", async () => {
  const { book } = sampleCopy();
  const kinds = await run(["papers", book, "--draw", DRAW, "--papers", "通知", "--json"]);
  expect(kinds.code).toBe(1);
  expect(kinds.json().errors[0].code).toBe("paper_unknown");
  const report = await run(["year", book, "--year", "2026", "--report", "quarter", "--json"]);
  expect(report.json().errors[0].code).toBe("year_report_kind");
  const share = await run(["year", book, "--year", "2026", "--share", "abc", "--json"]);
  expect(share.json().errors[0].code).toBe("year_share_invalid");
  const year = await run(["year", book, "--year", "26", "--json"]);
  expect(year.json().errors[0].code).toBe("year_invalid_option");
  const missing = await run(["void", book, "--draw", DRAW, "--json"]);
  expect(missing.code).toBe(2);
});
