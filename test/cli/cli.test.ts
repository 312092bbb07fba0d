// The command line, in-process, on copies of the sample workbook: exit codes, the --json shapes
// of cli.md field by field, languages, and which files are (not) written.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { readXlsxFile, saveAtomic } from "../../src/workbook/xlsx/file";
import { DATE, SAMPLE, SEED, TASK, listDir, removeTemps, run, sampleCopy, sha256 } from "./helpers";

afterAll(removeTemps);

const ISSUE_KEYS = ["cell", "code", "column", "message", "row", "sheet"];
const keys = (o: object) => Object.keys(o).sort();

/** A copy of the sample with one cell of one sheet changed (through ExcelJS, saved atomically). */
async function editedSample(sheet: string, address: string, value: string | number | null): Promise<string> {
  const { book } = sampleCopy();
  const wb = await readXlsxFile(book);
  wb.workbook.getWorksheet(sheet)!.getCell(address).value = value;
  await saveAtomic(wb, book);
  return book;
}

/** The sample drawn with the brief's seed and date into `dir/drawn.xlsx`. */
async function drawnSample(): Promise<{ dir: string; book: string; drawn: string; report: Record<string, unknown> }> {
  const { dir, book } = sampleCopy();
  const drawn = join(dir, "drawn.xlsx");
  const r = await run(["draw", book, "--task", TASK, "--seed", SEED, "--date", DATE, "--json", "--out", drawn]);
  if (r.code !== 0) throw new Error(r.out + r.err);
  return { dir, book, drawn, report: r.json() };
}

describe("check", () => {
  test("the sample passes: exit 0, JSON {ok, errors, warnings}", async () => {
    const r = await run(["check", SAMPLE, "--json"]);
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc).toEqual({ ok: true, errors: [], warnings: [] });
    const text = await run(["check", SAMPLE]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^检查通过/);
  });

  test("a USCC with a wrong check character: exit 1, the error at its sheet, row, column and cell", async () => {
    const book = await editedSample("检查对象名录库", "B5", "91130105MA0NMAPR5A");
    const r = await run(["check", book, "--json"]);
    expect(r.code).toBe(1);
    const doc = r.json();
    expect(keys(doc)).toEqual(["errors", "ok", "warnings"]);
    expect(doc.ok).toBe(false);
    expect(doc.errors).toHaveLength(1);
    expect(keys(doc.errors[0])).toEqual(ISSUE_KEYS);
    expect(doc.errors[0]).toMatchObject({
      sheet: "检查对象名录库",
      row: 5,
      column: "统一社会信用代码",
      cell: "B5",
      code: "uscc_checksum",
    });
    expect(doc.errors[0].message).toContain("校验位");
    // and the draw refuses the workbook, writing nothing
    const before = sha256(book);
    const d = await run(["draw", book, "--task", TASK, "--seed", SEED, "--json"]);
    expect(d.code).toBe(1);
    expect(d.json().errors.map((e: { code: string }) => e.code)).toContain("uscc_checksum");
    expect(sha256(book)).toBe(before);
  });

  test("--lang en gives English messages and summary", async () => {
    const book = await editedSample("检查对象名录库", "B5", "91130105MA0NMAPR5A");
    const r = await run(["check", book, "--json", "--lang", "en"]);
    expect(r.json().errors[0].message).toMatch(/^The check character of the unified social credit code/);
    const text = await run(["check", book, "--lang", "en"]);
    expect(text.out).toMatch(/^Check failed: 1 error/);
    const ok = await run(["check", SAMPLE, "--lang", "en"]);
    expect(ok.out).toMatch(/^Check passed/);
  });
});

describe("bad usage exits 2 and writes nothing", () => {
  const { book } = sampleCopy();
  test.each<[string, string[]]>([
    ["no command", []],
    ["an unknown command", ["frobnicate", book]],
    ["an unknown option", ["check", book, "--frobnicate"]],
    ["an option the command does not take", ["check", book, "--seed", "x"]],
    ["a missing --task", ["draw", book, "--seed", SEED]],
    ["a missing --task (publicity)", ["publicity", book]],
    ["a missing --draw", ["checklists", book]],
    ["a --date that is no date", ["draw", book, "--task", TASK, "--date", "tomorrow"]],
    ["a --date of month 13", ["draw", book, "--task", TASK, "--date", "2026-13-01"]],
    ["a --date of 30 February", ["freeze", book, "--task", TASK, "--date", "2026-02-30"]],
    ["a --today that is no date", ["publicity", book, "--task", TASK, "--today", "2026/04/01"]],
    ["a missing workbook argument", ["check"]],
    ["a workbook that does not exist", ["check", join(__dirname, "nope.xlsx")]],
    ["an extra argument", ["check", book, "other.xlsx"]],
    ["an unknown language", ["check", book, "--lang", "fr"]],
    ["a file that is not a workbook", ["check", __filename]],
  ])("%s", async (_what, argv) => {
    const before = sha256(book);
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).not.toBe("");
    expect(sha256(book)).toBe(before);
  });

  test("with --json, bad usage still prints one JSON document", async () => {
    const r = await run(["draw", book, "--task", TASK, "--date", "2026-02-30", "--json"]);
    expect(r.code).toBe(2);
    const doc = r.json();
    expect(doc.ok).toBe(false);
    expect(keys(doc.errors[0])).toEqual(ISSUE_KEYS);
    expect(doc.errors[0].code).toBe("option_date");
  });

  test("--help prints the usage and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("shuangsuiji draw BOOK.xlsx");
  });
});

describe("draw --json", () => {
  let drawn: Awaited<ReturnType<typeof drawnSample>>;
  beforeAll(async () => {
    drawn = await drawnSample();
  });

  test("has the fields of cli.md, each of the documented type", () => {
    const d = drawn.report as Record<string, any>;
    for (const k of [
      "protocol",
      "task",
      "seed",
      "seedSource",
      "date",
      "timestamp",
      "digest",
      "sheet",
      "snapshotSheet",
      "strata",
      "excluded",
      "selected",
      "reserves",
      "warnings",
    ])
      expect(d).toHaveProperty(k);
    expect(d).toMatchObject({
      protocol: "DRP-1",
      task: TASK,
      seed: SEED,
      seedSource: "entered",
      date: DATE,
      timestamp: "2026-04-01T09:30:00+08:00",
      sheet: `抽取结果-${TASK}-1`,
      snapshotSheet: `抽取快照-${TASK}-1`,
    });
    expect(d.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(keys(d.excluded)).toEqual(["cooldown", "drawn_this_year", "inactive", "out_of_scope", "upper_sampled"]);
    for (const s of d.strata) expect(keys(s)).toEqual(["eligible", "selected", "stratum"]);
    // the brief's figures for this seed and date
    expect(d.strata.reduce((n: number, s: { eligible: number }) => n + s.eligible, 0)).toBe(247);
    expect(d.strata.reduce((n: number, s: { selected: number }) => n + s.selected, 0)).toBe(17);
    expect(d.selected).toHaveLength(17);
    const order = ["重点", "A", "B", "C", "D"];
    const rank = (s: string) => order.indexOf(s);
    expect(d.strata.map((s: { stratum: string }) => s.stratum)).toEqual(
      [...d.strata.map((s: { stratum: string }) => s.stratum)].sort((a, b) => rank(a) - rank(b)),
    );
    for (const s of d.selected) {
      expect(keys(s)).toEqual(["leader", "leaderName", "name", "seq", "stratum", "teams", "uscc"]);
      expect(s.uscc).toMatch(/^[0-9A-Z]{18}$/);
      expect(s.name).not.toBe("");
      expect(s.teams.map((t: { department: string }) => t.department)).toEqual(["区卫生健康局", "区医疗保障局"]);
      for (const t of s.teams) {
        expect(keys(t)).toEqual(["department", "inspectors", "names"]);
        expect(t.inspectors).toHaveLength(2);
      }
      expect(s.leader).toBe(s.teams[0].inspectors[0]);
    }
    // selected in DRP-1 order: strata in order
    const strata = d.selected.map((s: { stratum: string }) => rank(s.stratum));
    expect(strata).toEqual([...strata].sort((a: number, b: number) => a - b));
    // reserves in stratum order, each stratum by rank
    for (const r of d.reserves) expect(keys(r)).toEqual(["name", "rank", "stratum", "uscc", "used"]);
    const rk = d.reserves.map((r: { stratum: string; rank: number }) => rank(r.stratum) * 100 + r.rank);
    expect(rk).toEqual([...rk].sort((a: number, b: number) => a - b));
    expect(d.reserves.length).toBeGreaterThan(0);
    expect(Array.isArray(d.warnings)).toBe(true);
  });

  test("the input file is unchanged when --out names another file", () => {
    expect(sha256(drawn.book)).toBe(sha256(SAMPLE));
    expect(existsSync(drawn.drawn)).toBe(true);
    expect(listDir(drawn.dir)).toEqual(["book.xlsx", "drawn.xlsx"]);
  });

  test("verify --json on the drawn file: ok, in the shape of cli.md", async () => {
    const r = await run(["verify", drawn.drawn, "--json"]);
    expect(r.code).toBe(0);
    const doc = r.json();
    expect(doc.ok).toBe(true);
    expect(doc.draws).toHaveLength(1);
    expect(doc.draws[0]).toMatchObject({
      sheet: `抽取结果-${TASK}-1`,
      ok: true,
      registryChanged: false,
      mismatches: [],
    });
    for (const k of ["ok", "draws"]) expect(doc).toHaveProperty(k);
    for (const k of ["sheet", "ok", "registryChanged", "mismatches"]) expect(doc.draws[0]).toHaveProperty(k);
  });

  test("verify finds an edited result cell: exit 1, at its sheet and cell", async () => {
    const copy = join(drawn.dir, "tampered.xlsx");
    const wb = await readXlsxFile(drawn.drawn);
    const ws = wb.workbook.getWorksheet(`抽取结果-${TASK}-1`)!;
    // the row of the first selected target: find its USCC in column C
    let row = 0;
    ws.eachRow((r, n) => {
      if (!row && r.getCell(3).value === (drawn.report.selected as { uscc: string }[])[0].uscc) row = n;
    });
    ws.getCell(`D${row}`).value = "冒名顶替的诊所";
    await saveAtomic(wb, copy);
    const r = await run(["verify", copy, "--json"]);
    expect(r.code).toBe(1);
    const doc = r.json();
    expect(doc.ok).toBe(false);
    expect(doc.draws[0].mismatches).toEqual([
      expect.objectContaining({
        sheet: `抽取结果-${TASK}-1`,
        cell: `D${row}`,
        field: "名称",
        actual: "冒名顶替的诊所",
      }),
    ]);
    const text = await run(["verify", copy]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`抽取结果-${TASK}-1!D${row}`);
    const en = await run(["verify", copy, "--lang", "en"]);
    expect(en.out).toContain("MISMATCH");
    expect(en.out).toMatch(/should be ".*" but is "冒名顶替的诊所"/);
  });

  test("verify --sheet of a sheet that is no draw exits 1 and names the draws there are", async () => {
    const r = await run(["verify", drawn.drawn, "--sheet", "抽取结果-无此任务-1", "--json"]);
    expect(r.code).toBe(1);
    const doc = r.json();
    expect(doc.errors[0].code).toBe("draw_unknown");
    expect(doc.errors[0].message).toContain(`抽取结果-${TASK}-1`);
  });

  test("a second draw without --void-previous exits 1 and leaves the file as it was", async () => {
    const before = sha256(drawn.drawn);
    const mtime = statSync(drawn.drawn).mtimeMs;
    const r = await run(["draw", drawn.drawn, "--task", TASK, "--seed", "x", "--json"]);
    expect(r.code).toBe(1);
    expect(r.json().errors.map((e: { code: string }) => e.code)).toEqual(["draw_exists"]);
    const out = join(drawn.dir, "never.xlsx");
    const again = await run(["draw", drawn.drawn, "--task", TASK, "--seed", "x", "--out", out]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("--void-previous");
    expect(existsSync(out)).toBe(false);
    expect(sha256(drawn.drawn)).toBe(before);
    expect(statSync(drawn.drawn).mtimeMs).toBe(mtime);
  });
});

describe("writing back into the input", () => {
  test("without --out the input is rewritten atomically: no temp file is left, and it verifies", async () => {
    const { dir, book } = sampleCopy();
    const before = sha256(book);
    const f = await run(["freeze", book, "--task", TASK, "--date", DATE, "--seed-rule", "2026-04-02 福彩3D", "--json"]);
    expect(f.code).toBe(0);
    const frozen = f.json();
    expect(frozen).toMatchObject({ task: TASK, date: DATE, seedRule: "2026-04-02 福彩3D", eligible: 247 });
    expect(sha256(book)).not.toBe(before);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
    // a frozen task needs its seed
    const noSeed = await run(["draw", book, "--task", TASK]);
    expect(noSeed.code).toBe(1);
    expect(noSeed.err).toContain("seed_required");
    const d = await run(["draw", book, "--task", TASK, "--seed", SEED, "--json"]);
    expect(d.code).toBe(0);
    const doc = d.json();
    expect(doc.digest).toBe(frozen.digest);
    expect(doc.date).toBe(DATE);
    expect(doc.selected).toHaveLength(17);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
    const v = await run(["verify", book]);
    expect(v.code).toBe(0);
    const names = await (await readXlsxFile(book)).sheetNames();
    expect(names).toEqual(expect.arrayContaining(["抽取记录", "检查结果", `抽取结果-${TASK}-1`, `抽取快照-${TASK}-1`]));
  });

  test("--void-previous redraws, keeping the earlier draw as 作废 with the reason", async () => {
    const { book } = sampleCopy();
    expect((await run(["draw", book, "--task", TASK, "--seed", SEED, "--date", DATE])).code).toBe(0);
    const r = await run([
      "draw",
      book,
      "--task",
      TASK,
      "--seed",
      "重抽种子",
      "--date",
      DATE,
      "--void-previous",
      "见证人缺席",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.json().sheet).toBe(`抽取结果-${TASK}-2`);
    const v = await run(["verify", book, "--json"]);
    expect(v.code).toBe(0);
    expect(v.json().draws.map((d: { sheet: string; status: string }) => [d.sheet, d.status])).toEqual([
      [`抽取结果-${TASK}-1`, "作废"],
      [`抽取结果-${TASK}-2`, "有效"],
    ]);
    const wb = await readXlsxFile(book);
    const log = await wb.readSheet("抽取记录");
    expect(log.rows[2]).toEqual(expect.arrayContaining(["作废", "见证人缺席", `抽取结果-${TASK}-1`]));
  });

  test("the draw date is today in China time, whatever the machine's zone", async () => {
    const { book } = sampleCopy();
    // 2026-03-31 17:30 UTC is 2026-04-01 01:30 in China (and still 31 March in Los Angeles)
    const r = await run(["draw", book, "--task", TASK, "--seed", SEED, "--json"], new Date("2026-03-31T17:30:00Z"));
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ date: "2026-04-01", timestamp: "2026-04-01T01:30:00+08:00" });
    expect(r.json().selected).toHaveLength(17);
  });

  test("an output folder that does not exist: exit 2, nothing written", async () => {
    const { dir, book } = sampleCopy();
    const r = await run(["draw", book, "--task", TASK, "--seed", SEED, "--out", join(dir, "no", "such", "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
    expect(sha256(book)).toBe(sha256(SAMPLE));
  });
});

describe("checklists and publicity", () => {
  let dir: string;
  let drawn: string;
  let report: Record<string, unknown>;
  beforeAll(async () => {
    ({ dir, drawn, report } = await drawnSample());
    // inspectors' results typed into 检查结果: rows 2 and 3 are the first target's two departments
    const wb = await XlsxWorkbook.fromBuffer(
      await (await readXlsxFile(drawn)).toBuffer(), // a fresh copy
    );
    const ws = wb.workbook.getWorksheet("检查结果")!;
    ws.getCell("E2").value = "2026-04-10";
    ws.getCell("F2").value = "未发现问题";
    ws.getCell("E3").value = "2026-04-10";
    ws.getCell("F3").value = "行政处罚";
    ws.getCell("I3").value = "新医保罚〔2026〕3号";
    ws.getCell("J3").value = "2026-04-15";
    ws.getCell("E4").value = new Date(Date.UTC(2026, 3, 13)); // typed as an Excel date
    ws.getCell("F4").value = "未发现问题";
    ws.getCell("M4").value = "2026-04-20";
    await saveAtomic(wb, drawn);
  });

  test("checklists --json: one form per selected target", async () => {
    const out = join(dir, "checklists.xlsx");
    const r = await run(["checklists", drawn, "--draw", `抽取结果-${TASK}-1`, "--json", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, sheet: `一企一表-${TASK}-1`, forms: 17 });
  });

  test("publicity --json: the shape of cli.md, statuses as of --today", async () => {
    const out = join(dir, "publicity.xlsx");
    const before = sha256(drawn);
    const r = await run(["publicity", drawn, "--task", TASK, "--today", "2026-04-27", "--json", "--out", out]);
    expect(r.code).toBe(0);
    expect(sha256(drawn)).toBe(before);
    const doc = r.json();
    for (const k of ["task", "rows", "stats"]) expect(doc).toHaveProperty(k);
    expect(doc.task).toBe(TASK);
    for (const k of ["selected", "inspected", "problems", "published", "coverage"]) expect(doc.stats).toHaveProperty(k);
    // a target counts as inspected once every department has its result: the second target waits for insurance
    expect(doc.stats).toMatchObject({ selected: 17, inspected: 1, problems: 1, published: 0, rowsInspected: 3 });
    expect(typeof doc.stats.coverage).toBe("number");
    expect(doc.rows).toHaveLength(34);
    for (const row of doc.rows)
      for (const k of ["uscc", "department", "result", "completed", "publishBy", "status"])
        expect(row).toHaveProperty(k);
    const first = (report.selected as { uscc: string }[])[0].uscc;
    expect(doc.rows.slice(0, 3)).toEqual([
      expect.objectContaining({
        uscc: first,
        department: "区卫生健康局",
        result: "未发现问题",
        completed: "2026-04-10",
        publishBy: "2026-05-12",
        status: "pending",
      }),
      expect.objectContaining({
        uscc: first,
        department: "区医疗保障局",
        result: "行政处罚",
        completed: "2026-04-10",
        publishBy: "2026-04-24",
        status: "overdue",
      }),
      expect.objectContaining({ result: "未发现问题", completed: "2026-04-13", status: "published" }),
    ]);
    expect(doc.rows.slice(3).every((x: { status: string }) => x.status === "not_inspected")).toBe(true);

    const later = await run(["publicity", drawn, "--task", TASK, "--today", "2026-05-13", "--json", "--out", out]);
    expect(
      later
        .json()
        .rows.slice(0, 3)
        .map((x: { status: string }) => x.status),
    ).toEqual(["overdue", "overdue", "published"]);
    const earlier = await run(["publicity", drawn, "--task", TASK, "--today", "2026-04-24", "--json", "--out", out]);
    expect(earlier.json().rows[1].status).toBe("pending");
    // without --today: today in China time (2026-04-26 16:30 UTC is 27 April 00:30 in China)
    const now = await run(
      ["publicity", drawn, "--task", TASK, "--json", "--out", out],
      new Date("2026-04-26T16:30:00Z"),
    );
    expect(now.json().today).toBe("2026-04-27");
    expect(now.json().rows[1].status).toBe("overdue");
  });

  test("publicity with a 行政处罚 row lacking its number: exit 1 at the cell, nothing written", async () => {
    const wb = await readXlsxFile(drawn);
    wb.workbook.getWorksheet("检查结果")!.getCell("I3").value = null;
    const bad = join(dir, "bad.xlsx");
    await saveAtomic(wb, bad);
    const before = sha256(bad);
    const r = await run(["publicity", bad, "--task", TASK, "--today", "2026-04-27", "--json"]);
    expect(r.code).toBe(1);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ sheet: "检查结果", row: 3, cell: "I3", code: "penalty_fields_missing" }),
    ]);
    expect(sha256(bad)).toBe(before);
  });
});
