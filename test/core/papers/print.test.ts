// Every paper printed by LibreOffice and read back as a clerk would read it: the whole digest and
// chain head, each leader's name and 执法证号, the whole parameter line, one page per notice and
// no page holding two, titles and authority on the publicity, no 未检查 row in the public table,
// 检查结果 on A4 landscape with its header on every page, a long 抽查依据 printed whole.
import { join } from "node:path";
import { makeCalendar } from "../../../src/core/calendar";
import type { Checkpoint, StoredDraw } from "../../../src/core/model";
import { readXlsxFile } from "../../../src/workbook/xlsx/file";
import { runDraw } from "../../../src/workbook/usecases";
import { loadBook } from "../../../src/workbook/usecases/load";
import {
  factsFromRecord,
  parameterLine,
  renderConfirmations,
  renderDrawRecord,
  renderFreezeNotice,
  renderNotices,
  seedBytes,
  NOTICE_TITLE,
  type PaperDraw,
} from "../../../src/core/papers";
import {
  buildPublicity,
  buildStatistics,
  listPublicitySheet,
  publicityTrackerSheet,
  resultPublicitySheet,
  statisticsSheet,
} from "../../../src/core/publicity";
import { buildForms, renderChecklistSheet, FORM_TITLE } from "../../../src/core/checklist";
import { RESULT_COLUMNS } from "../../../src/core/schema/columns";
import { resultsSheetLayout } from "../../../src/workbook/results-layout";
import { DRAW_T1, DRAW_T2, RESULTS } from "../publicity/fixture";
import { INSURANCE, checkpoint } from "../checklist/fixture";
import { CHAIN, DIGEST, FACTS, ITEMS, SEED, UNITS, paperDraw } from "./fixture";
import { canPrint, printAll, skipLoudly, squeeze, type Printed } from "./print";

const calendar = makeCalendar([]);
const A4 = { short: 595, long: 842 };
const portrait = (p: Printed) => [Math.round(p.width), Math.round(p.height)];
const count = (text: string, part: string) => text.split(part).length - 1;

const draw = paperDraw();
const frozen: PaperDraw = {
  record: { ...draw.record, seed: null, seedSource: null, status: "待抽取", sheet: "" },
  snapshot: draw.snapshot,
  outcome: null,
};
const leaders = draw.outcome.selected.map((s) => draw.snapshot.inspectors.find((i) => i.id === s.leader)!);
const names = new Map(draw.snapshot.targets.map((t) => [t.uscc, t.name]));
const publicity = buildPublicity({ draw: DRAW_T1, results: RESULTS, calendar, today: "2026-06-02" });
const options = { units: UNITS, date: "2026-06-05", chainHead: CHAIN };
const longBasis = "《中华人民共和国基本医疗卫生与健康促进法》第三十八条、第三十九条、第四十条".repeat(14);
const resultsRows = [
  RESULT_COLUMNS.map((c) => c.header),
  ...Array.from({ length: 90 }, (_, i) => [
    "XH-2026-03",
    `91130102MA${String(i).padStart(7, "0")}X`,
    `新华区第${i + 1}诊所`,
    i % 2 ? "区医疗保障局" : "区卫生健康局",
    "2026-04-13",
    "未发现问题",
    null,
    null,
    null,
    null,
    null,
    "测试录入员",
    null,
  ]),
];

const SAMPLE = join(__dirname, "..", "..", "..", "assets", "sample-新华区-2026.xlsx");

let printed: Record<string, Printed> | null = null;
/** The sample's task drawn by the real use-case, as the papers take it. */
let sample: { draw: StoredDraw; items: Checkpoint[] } | null = null;
beforeAll(async () => {
  if (!canPrint()) return;
  const book = await readXlsxFile(SAMPLE);
  const drawn = await runDraw(book, {
    taskId: "XH-2026-03",
    seed: "20260401-福彩3D-123",
    date: "2026-04-01",
    operator: "张三",
    witness: "李四",
    now: new Date("2026-04-01T01:30:00Z"),
  });
  if (!drawn.ok) throw new Error(JSON.stringify(drawn.errors));
  const loaded = await loadBook(book, {});
  const s = { draw: (await loaded.validDraws())[0], items: loaded.book.items };
  sample = s;
  const longItems = [
    ...ITEMS,
    { ...checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "是否按协议管理定点医药机构"), basis: longBasis },
  ];
  printed = await printAll([
    {
      name: "record",
      sheets: [renderDrawRecord({ draw, facts: FACTS, units: UNITS, items: ITEMS }, "抽取过程记录-T2026-01-1")],
      png: [1],
    },
    {
      name: "freeze",
      sheets: [renderFreezeNotice({ draw: frozen, facts: FACTS, units: UNITS, items: ITEMS }, "冻结公告-T2026-01")],
      png: [1],
    },
    {
      name: "notices",
      sheets: [renderNotices({ draw, items: ITEMS, units: UNITS }, "检查通知书-T2026-01-1")],
      png: [1, 2],
    },
    {
      name: "confirmations",
      sheets: [renderConfirmations({ draw, units: UNITS, calendar }, "比对确认单-T2026-01-1")],
      png: [1],
    },
    { name: "list", sheets: [listPublicitySheet("抽查名单公示-T1", DRAW_T1, [], options)], png: [1] },
    { name: "results", sheets: [resultPublicitySheet("结果公示-T1", publicity, DRAW_T1, options)], png: [1] },
    { name: "tracker", sheets: [publicityTrackerSheet("公示进度-T1", publicity, DRAW_T1)], png: [1] },
    {
      name: "statistics",
      sheets: [statisticsSheet(buildStatistics([DRAW_T1, DRAW_T2], RESULTS, calendar, "2026-06-02"))],
      png: [1],
    },
    {
      name: "inspection-results",
      sheets: [{ name: "检查结果", rows: resultsRows, ...resultsSheetLayout(resultsRows.length) }],
      png: [1, 2],
    },
    {
      name: "long-checklist",
      sheets: [renderChecklistSheet(buildForms(draw, longItems), "一企一表-T2026-01-1")],
      png: [1],
    },
    {
      name: "sample-record",
      sheets: [
        renderDrawRecord({ draw: s.draw, facts: factsFromRecord(s.draw.record), units: [], items: s.items }, "r"),
      ],
      png: [1],
    },
    { name: "sample-notices", sheets: [renderNotices({ draw: s.draw, items: s.items, units: [] }, "n")], png: [1] },
  ]);
}, 300_000);

const get = (name: string): Printed | null => {
  if (!printed) skipLoudly(`${name} was not printed`);
  return printed ? printed[name] : null;
};

test("抽取过程记录: one A4 portrait page with the whole digest, chain head, seed bytes and parameter line, and the signers", () => {
  const p = get("record");
  if (!p) return;
  expect(p.pages).toBe(1);
  expect(portrait(p)).toEqual([A4.short, A4.long]);
  const page = squeeze(p.raw[0]);
  for (const whole of [DIGEST, CHAIN, SEED, seedBytes(SEED), parameterLine(draw.snapshot.task), FACTS.freeze!.seedRule])
    expect(page).toContain(squeeze(whole));
  for (const signer of ["操作人张三", "见证人李四", "负责人郑局长"]) expect(page).toContain(signer);
  expect(count(page, "签字")).toBeGreaterThanOrEqual(3);
  expect(page).toContain("替补1");
});

test("冻结公告: one page with the frame, the digest, the chain head and the seed rule, and no seed", () => {
  const p = get("freeze");
  if (!p) return;
  expect(p.pages).toBe(1);
  const page = squeeze(p.raw[0]);
  for (const whole of [DIGEST, CHAIN, "2026-04-02福彩3D开奖号码（21:15开奖）", "种子公布时间2026-04-0221:30", "拟抽数"])
    expect(page).toContain(squeeze(whole));
  expect(page).not.toContain(squeeze(SEED));
});

test("检查通知书: one A4 page per notice, no page holding two, each with its target, its leader's name and 执法证号", () => {
  const p = get("notices");
  if (!p) return;
  expect(p.pages).toBe(draw.outcome.selected.length);
  expect(portrait(p)).toEqual([A4.short, A4.long]);
  draw.outcome.selected.forEach((s, i) => {
    const page = squeeze(p.raw[i]);
    expect(count(page, NOTICE_TITLE)).toBe(1);
    expect(page).toContain(squeeze(`${names.get(s.uscc)}（统一社会信用代码：${s.uscc}）`));
    // the leader's line, and the leader marked in the team table
    expect(page).toContain(squeeze(`${leaders[i].name}（执法证号 ${leaders[i].id}）`));
    expect(squeeze(p.layout[i])).toContain(squeeze(`${leaders[i].name} ${leaders[i].id} 检查组组长`));
    for (const team of s.teams) for (const id of team.inspectors) expect(page).toContain(id);
    expect(page).toContain("2026-04-01至2026-06-30");
    expect(page).toContain("石家庄市长安区医疗保障局（盖章）");
    expect(page).toContain("送达回执");
  });
});

test("比对确认单: a page per department, its deadline and every target", () => {
  const p = get("confirmations");
  if (!p) return;
  expect(p.pages).toBe(2);
  for (const [i, authority] of ["石家庄市长安区卫生健康局", "石家庄市长安区医疗保障局"].entries()) {
    const page = squeeze(p.raw[i]);
    expect(page).toContain(authority);
    expect(page).toContain("2026-04-01前（抽取之日后第2个工作日）");
    for (const s of draw.outcome.selected) expect(page).toContain(s.uscc);
    expect(count(page, "抽查名单比对确认单")).toBe(1);
  }
});

test("抽查名单公示 and 抽查结果公示: the title, the authority, the 公示日期, the verification foot; no 未检查 row", () => {
  const list = get("list");
  const results = get("results");
  if (!list || !results) return;
  for (const [p, title] of [
    [list, "2026年医疗机构联合抽查抽查名单公示"],
    [results, "2026年医疗机构联合抽查抽查结果公示"],
  ] as const) {
    expect(portrait(p)).toEqual([A4.long, A4.short]);
    const all = squeeze(p.raw.join(""));
    expect(all).toContain(title);
    expect(all).toContain("发布机关：石家庄市长安区卫生健康局");
    expect(all).toContain("公示日期：2026-06-05");
    expect(all).toContain("ab".repeat(32));
    expect(all).toContain(CHAIN);
  }
  const all = squeeze(results.raw.join(""));
  for (const internal of ["未检查", "待公示", "已逾期", "公示截止"]) expect(all).not.toContain(internal);
  expect(all).toContain("卫医罚〔2026〕1号");
  // the last column is on the page: fitted to width
  expect(all).toContain("问题：病历书写不规范");
});

test("公示进度: the internal tracker prints its statuses; 抽查统计 prints rates as percents and — for 0 of 0", () => {
  const tracker = get("tracker");
  const stats = get("statistics");
  if (!tracker || !stats) return;
  const t = squeeze(tracker.raw.join(""));
  for (const s of ["不对外公示", "已公示", "已逾期", "未检查", "待公示"]) expect(t).toContain(s);
  const s = squeeze(stats.raw.join(""));
  expect(s).toContain("计数规则");
  expect(s).toContain("6.0%");
  expect(s).toContain("—");
  expect(s).not.toContain("NaN");
});

test("检查结果: A4 landscape fitted to width, the header on every page", () => {
  const p = get("inspection-results");
  if (!p) return;
  expect(portrait(p)).toEqual([A4.long, A4.short]);
  expect(p.pages).toBeGreaterThan(1);
  expect(p.pages).toBeLessThanOrEqual(4);
  for (const page of p.raw) {
    const text = squeeze(page);
    for (const c of RESULT_COLUMNS) expect(text).toContain(c.header);
  }
});

test("一企一表 with a 抽查依据 too long for one row: printed whole, every form on pages of its own", () => {
  const p = get("long-checklist");
  if (!p) return;
  const pages = p.raw.map(squeeze);
  expect(squeeze(p.raw.join(""))).toContain(squeeze(longBasis));
  // each page belongs to one form: no page holds two titles
  for (const page of pages) expect(count(page, FORM_TITLE)).toBeLessThanOrEqual(1);
  expect(pages.filter((page) => page.includes(FORM_TITLE))).toHaveLength(draw.outcome.selected.length);
});

test("on the sample as drawn by the use-case: the record on one page, one notice a page for each of the 17 targets", () => {
  const record = get("sample-record");
  const notices = get("sample-notices");
  if (!record || !notices || !sample) return;
  const d = sample.draw;
  expect(record.pages).toBe(1);
  const page = squeeze(record.raw[0]);
  expect(page).toContain(d.record.digest);
  expect(page).toContain(squeeze(parameterLine(d.snapshot.task)));
  expect(notices.pages).toBe(d.outcome.selected.length);
  expect(notices.pages).toBe(17);
  const people = new Map(d.snapshot.inspectors.map((i) => [i.id, i.name]));
  d.outcome.selected.forEach((s, i) => {
    const text = squeeze(notices.raw[i]);
    expect(count(text, NOTICE_TITLE)).toBe(1);
    expect(text).toContain(squeeze(`${people.get(s.leader)}（执法证号 ${s.leader}）`));
    expect(text).toContain(s.uscc);
  });
});
