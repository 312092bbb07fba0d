// The export for the national publicity system, read back: the sheet's rows, and the CSV parsed by
// an independent parser (fast-csv, ExcelJS's own) and by the import's.
import { parseString } from "@fast-csv/parse";
import type { Unit } from "../../../src/core/model";
import {
  BOM,
  NATIONAL_HEADER,
  csvSheet,
  nationalCsv,
  nationalRows,
  nationalSheet,
  parseCsv,
  toCsv,
} from "../../../src/core/platform";
import { DRAWS, H, M, RESULTS, u } from "../year/fixture";

const UNITS: Unit[] = [
  { department: H, authority: "石家庄市新华区卫生健康局", contact: "", phone: "", address: "", head: "", row: 2 },
];
const draws = DRAWS.filter((d) => d.date.startsWith("2026"));
const { rows, issues } = nationalRows({ draws, results: RESULTS, units: UNITS });

function fastCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const out: string[][] = [];
    parseString(text, { headers: false })
      .on("data", (r: string[]) => out.push(r))
      .on("error", reject)
      .on("end", () => resolve(out));
  });
}

test("one row per inspected target and department, with the system's fields", () => {
  // inspected rows: T1 r2–r7, T2 r10 r11, T3 r12–r14, T4 r16 r17 (r19 and r20 are not the draws' rows)
  expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17]);
  const r6 = rows.find((r) => r.row === 6)!;
  expect(r6).toEqual({
    uscc: u(3),
    name: "对象3",
    authority: "石家庄市新华区卫生健康局",
    kind: "跨部门联合抽查",
    date: "2026-04-08",
    result: "行政处罚",
    penaltyNo: "新卫医罚〔2026〕1号",
    penaltyDate: "2026-04-15",
    department: H,
    taskId: "T1",
    taskName: "任务T1",
    drawMode: "DRP-1",
    published: "2026-04-20",
    row: 6,
  });
  const r12 = rows.find((r) => r.row === 12)!;
  expect([r12.authority, r12.kind, r12.drawMode, r12.published]).toEqual([M, "双随机抽查", "外部抽取", null]);
  // a penalty number is shown only for a penalty
  expect(rows.find((r) => r.row === 2)!.penaltyNo).toBe("");
  // 区医疗保障局 has no full name in 单位信息: said once
  expect(issues.map((i) => [i.code, i.params.department])).toEqual([["export_authority_missing", M]]);
});

test("the sheet: the header, then the rows as text and numbers", () => {
  const spec = nationalSheet(rows);
  expect(spec.rows[0]).toEqual([...NATIONAL_HEADER]);
  expect(spec.rows[0].slice(0, 6)).toEqual(["统一社会信用代码", "企业名称", "检查实施机关", "类型", "日期", "结果"]);
  expect(spec.rows).toHaveLength(1 + 13);
  expect(spec.rows[5]).toEqual([
    u(3),
    "对象3",
    "石家庄市新华区卫生健康局",
    "跨部门联合抽查",
    "2026-04-08",
    "行政处罚",
    "新卫医罚〔2026〕1号",
    "2026-04-15",
    H,
    "T1",
    "任务T1",
    "DRP-1",
    "2026-04-20",
    6,
  ]);
  expect(spec.page).toMatchObject({ orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" });
});

test("the CSV: BOM, CRLF, and the same rows read back by fast-csv", async () => {
  const text = nationalCsv(rows);
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
  const back = await fastCsv(text.slice(1));
  const expected = nationalSheet(rows).rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
  // all-digit USCCs carry the tab that keeps Excel from rounding them
  expect(back.map((r) => r.map((c) => c.replace(/^\t(?=\d{12,}$)/, "")))).toEqual(expected);
  expect(back.some((r) => r[0] === `\t${u(2)}`)).toBe(u(2).match(/^\d+$/) !== null);
});

test("quoting and guards: commas, quotes, line breaks, formula-like text, long digit strings", async () => {
  const tricky = [
    [
      "康宁诊所,东院",
      '名为"仁和"的医院',
      "第一行\r\n第二行",
      '=HYPERLINK("http://x")',
      "+86 311",
      "-罚款",
      "@某",
      "911301000000000022",
      12,
      null,
      true,
    ],
  ];
  const text = toCsv(tricky);
  const [row] = await fastCsv(text.slice(1));
  expect(row).toEqual([
    "康宁诊所,东院",
    '名为"仁和"的医院',
    "第一行\r\n第二行",
    '\'=HYPERLINK("http://x")',
    "'+86 311",
    "'-罚款",
    "'@某",
    "\t911301000000000022",
    "12",
    "",
    "是",
  ]);
  // our own reader agrees with fast-csv, and the import's sheet undoes the guards
  expect(parseCsv(text)).toEqual([row]);
  expect(csvSheet(text, "x").rows[0]).toEqual([
    "康宁诊所,东院",
    '名为"仁和"的医院',
    "第一行\r\n第二行",
    '=HYPERLINK("http://x")',
    "+86 311",
    "-罚款",
    "@某",
    "911301000000000022",
    "12",
    null,
    "是",
  ]);
});

test("an empty export is the header alone", () => {
  expect(parseCsv(nationalCsv([]))).toEqual([[...NATIONAL_HEADER]]);
});
