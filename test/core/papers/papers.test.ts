// The papers as sheets: what each holds, cell by cell, before any printer (print.test.ts prints them).
import { makeCalendar } from "../../../src/core/calendar";
import {
  confirmationDeadline,
  factsFromRecord,
  parameterLine,
  renderConfirmations,
  renderDrawRecord,
  renderFreezeNotice,
  renderNotices,
  seedBytes,
  workload,
  workloadIssues,
  CONFIRM_CHOICES,
  NOTICE_TITLE,
  type PaperDraw,
} from "../../../src/core/papers";
import type { SheetSpec } from "../../../src/core/sheet";
import { checkSpec } from "../../../src/workbook/xlsx/render";
import { CHAIN, DIGEST, FACTS, HEALTH, INSURANCE, ITEMS, SEED, UNITS, paperDraw } from "./fixture";
import { cellSet } from "../checklist/ranges";

const calendar = makeCalendar([]);
const texts = (s: SheetSpec) => s.rows.flat().filter((v): v is string => typeof v === "string");
/** The value cell right of a label (the first text after it on its row). */
const valueOf = (s: SheetSpec, label: string) => {
  const row = s.rows.find((r) => r.includes(label));
  if (!row) return undefined;
  return row.slice(row.indexOf(label) + 1).find((v) => v !== null && v !== "");
};

describe("抽取过程记录", () => {
  const d = paperDraw();
  const s = renderDrawRecord({ draw: d, facts: FACTS, units: UNITS, items: ITEMS }, "抽取过程记录-T2026-01-1");

  test("how it was drawn: protocol, seed with its rule and bytes, digest and chain head, each whole in one cell", () => {
    expect(valueOf(s, "随机种子")).toBe(SEED);
    expect(valueOf(s, "种子 UTF-8 字节")).toBe(seedBytes(SEED));
    expect(seedBytes(SEED)).toContain("e7a68f e5bda9");
    expect(valueOf(s, "取种规则")).toBe(FACTS.freeze!.seedRule);
    expect(valueOf(s, "输入摘要（SHA-256）")).toBe(DIGEST);
    expect(valueOf(s, "日志链头")).toBe(CHAIN);
    expect(valueOf(s, "抽取参数")).toBe(parameterLine(d.snapshot.task));
    expect(parameterLine(d.snapshot.task)).toContain("比例 A 3% B 5% C 10% D 20%");
    expect(String(valueOf(s, "抽取协议"))).toMatch(/^DRP-1：/);
  });

  test("what was drawn: counts per stratum with their rule, the exclusions, the substitution", () => {
    const row = (label: string) => s.rows.find((r) => r[0] === label)!;
    expect(row("C").slice(0, 5)).toEqual(["C", 1, 1, 0, "10%，向上取整"]);
    expect(row("合计").slice(0, 4)).toEqual(["合计", 3, 3, 0]);
    expect(row("排除户数").slice(0, 6)).toEqual(["排除户数", 4, 3, 2, 1, 0]);
    expect(valueOf(s, "对象范围")).toBe("名录库 13 户；任务范围内 9 户；排除后可抽 3 户");
    expect(String(valueOf(s, "替补 1"))).toContain(
      "张氏诊所（91130102MA0000002B） 由 91130102MA0000009Z 替补（A 层第 1 备选）；原因：已注销",
    );
  });

  test("signature lines for 操作人, 见证人 and 负责人 (the lead unit's head), each with the date", () => {
    for (const [role, name] of [
      ["操作人", "张三"],
      ["见证人", "李四"],
      ["负责人", "郑局长"],
    ]) {
      const row = s.rows.find((r) => r[0] === role)!;
      expect(row.slice(0, 5)).toEqual([role, name, "签字", null, "日期"]);
      expect(String(row[5])).toMatch(/年.*月.*日/);
    }
    // the head unknown: a blank to write the name on
    const noUnits = renderDrawRecord({ draw: d, facts: FACTS, units: [] }, "x");
    expect(noUnits.rows.find((r) => r[0] === "负责人")![1]).toMatch(/^＿+$/);
    expect(noUnits.rows[1][0]).toContain(INSURANCE);
  });

  test("one protected A4 portrait page: fitted to width, no page break, every row under 409 points", () => {
    expect(s.page).toMatchObject({ orientation: "portrait", fitToWidth: true, rowBreaks: [] });
    expect(s.protect).toBe(true);
    expect(Math.max(...(s.rowHeights as number[]))).toBeLessThanOrEqual(409);
    expect(() => checkSpec(s)).not.toThrow();
  });

  test("a freeze: the planned counts, the seed still to come; a void: the banner and its reason", () => {
    const frozen: PaperDraw = {
      record: { ...d.record, seed: null, seedSource: null, status: "待抽取", sheet: "" },
      snapshot: d.snapshot,
      outcome: null,
    };
    const f = renderDrawRecord({ draw: frozen, facts: { ...FACTS, draw: null, substitutions: [] }, units: UNITS }, "x");
    expect(f.rows[0][0]).toBe("双随机抽查抽取过程记录（已冻结，待取种）");
    expect(valueOf(f, "随机种子")).toBe("待取得（2026-04-02 21:30）");
    expect(f.rows.some((r) => r.includes("拟抽数"))).toBe(true);
    expect(texts(f).some((t) => t.includes("替补"))).toBe(false);

    const voided = renderDrawRecord(
      {
        draw: { ...d, record: { ...d.record, status: "作废", reason: "抽取时见证人未到场" } },
        facts: { ...FACTS, void: { reason: "抽取时见证人未到场", time: "2026-03-30T11:00:00+08:00", person: "王局" } },
        units: UNITS,
      },
      "x",
    );
    expect(voided.rows[0][0]).toBe("双随机抽查抽取过程记录（已作废）");
    expect(String(voided.rows[2][0])).toContain("作废（作废人：王局），原因：抽取时见证人未到场");
  });

  test("facts from a record alone: its draw, its freeze rule, no chain head", () => {
    const facts = factsFromRecord(d.record);
    expect(facts).toMatchObject({ chainHead: "", draw: { operator: "张三", witness: "李四" }, void: null });
    expect(facts.freeze!.seedRule).toBe(d.record.seedRule);
    const s2 = renderDrawRecord({ draw: d, facts, units: UNITS }, "x");
    expect(String(valueOf(s2, "日志链头"))).toMatch(/^—/);
  });
});

describe("冻结公告", () => {
  const d = paperDraw();
  const frozen: PaperDraw = {
    record: { ...d.record, seed: null, seedSource: null, status: "待抽取" },
    snapshot: d.snapshot,
    outcome: null,
  };
  const s = renderFreezeNotice({ draw: frozen, facts: FACTS, units: UNITS, items: ITEMS }, "冻结公告-T2026-01");

  test("the frame per stratum and the numbers to draw, known before the seed", () => {
    const row = (label: string) => s.rows.find((r) => r[0] === label)!;
    expect(row("A").slice(0, 4)).toEqual(["A", 1, 1, 0]);
    expect(row("合计").slice(0, 4)).toEqual(["合计", 3, 3, 0]);
  });

  test("digest, chain head, seed rule and when the seed will be known; no seed", () => {
    expect(valueOf(s, "输入摘要（SHA-256）")).toBe(DIGEST);
    expect(valueOf(s, "日志链头")).toBe(CHAIN);
    expect(valueOf(s, "取种规则")).toBe("2026-04-02 福彩3D开奖号码（21:15 开奖）");
    expect(valueOf(s, "种子公布时间")).toBe("2026-04-02 21:30");
    expect(texts(s).some((t) => t.includes(SEED))).toBe(false);
    expect(texts(s)).toContain("石家庄市长安区医疗保障局（盖章）");
    expect(texts(s)).toContain("公告日期：2026-03-29");
  });
});

describe("检查通知书", () => {
  const d = paperDraw();
  const s = renderNotices({ draw: d, items: ITEMS, units: UNITS }, "检查通知书-T2026-01-1");

  test("one notice a drawn target, a page break between them", () => {
    const titles = s.rows.flatMap((r, i) => (r[0] === NOTICE_TITLE ? [i + 1] : []));
    expect(titles).toHaveLength(3);
    expect(s.page!.rowBreaks!.map((b) => b + 1)).toEqual(titles.slice(1));
  });

  test("the authority, the target, its items, the team with names and ids, the leader, the window, the contact", () => {
    const first = s.rows.slice(0, s.page!.rowBreaks![0]);
    const t = first.flat().filter((v): v is string => typeof v === "string");
    expect(t).toContain("石家庄市长安区医疗保障局\u3000T2026-01 第 1/3 号");
    expect(t).toContain("美丽人生医疗美容门诊部（统一社会信用代码：91130102MA0000003C）：");
    expect(t.find((x) => x.startsWith("根据"))).toContain("2026-04-01 至 2026-06-30");
    // the beauty clinic gets H2 and H1 (its category), insurance M1
    expect(first.find((r) => r[0] === HEALTH)![1]).toBe(
      "对医疗美容服务的监督检查（H2）；对医疗机构和医疗行为的监督检查（H1）",
    );
    const team = first.filter((r) => typeof r[2] === "string" && /^(WJ|YB)\d+$/.test(r[2] as string));
    expect(team.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      [INSURANCE, "刘医", "YB002", "检查组组长"],
      [INSURANCE, "陈保", "YB001", "检查人员"],
      [HEALTH, "赵康", "WJ003", "检查人员"],
      [HEALTH, "王健", "WJ001", "检查人员"],
    ]);
    expect(first.find((r) => r[0] === "检查组组长")![1]).toBe("刘医（执法证号 YB002）\u3000区医疗保障局");
    expect(first.find((r) => r[0] === "联系人")!.filter(Boolean)).toEqual([
      "联系人",
      "吴芳",
      "联系电话",
      "0311-86005678",
    ]);
    expect(t).toContain("石家庄市长安区医疗保障局（盖章）");
  });
});

describe("比对确认单", () => {
  test("the deadline is the second working day after the draw, on the holiday calendar", () => {
    // drawn Thursday 2 April 2026: Friday 3 April, then 清明 4–6 April, then Tuesday 7 April
    expect(confirmationDeadline("2026-04-02", calendar)).toEqual({ date: "2026-04-07", provisional: false });
    // the 节假日 sheet overrides: Friday 3 April off
    expect(
      confirmationDeadline("2026-04-02", makeCalendar([{ date: "2026-04-03", kind: "休息日", row: 2 }])).date,
    ).toBe("2026-04-08");
  });

  const d = paperDraw();
  d.record = { ...d.record, date: "2026-04-02" };
  const s = renderConfirmations({ draw: d, units: UNITS, calendar }, "比对确认单-T2026-01-1");

  test("per department: its authority, the deadline, every target with that department's inspectors", () => {
    const titles = s.rows.flatMap((r, i) => (r[0] === "抽查名单比对确认单" ? [i] : []));
    expect(titles).toHaveLength(2);
    expect(s.page!.rowBreaks).toEqual([titles[1]]);
    const health = s.rows.slice(0, titles[1]);
    expect(health[1][0]).toBe("石家庄市长安区卫生健康局\u30002026年医疗机构联合抽查（T2026-01）");
    expect(health.find((r) => r[0] === "确认期限")![2]).toBe("2026-04-07 前（抽取之日后第 2 个工作日）");
    const rows = health.filter((r) => typeof r[0] === "number");
    expect(rows.map((r) => r[3])).toEqual([
      "赵康（执法证号 WJ003）\n王健（执法证号 WJ001）",
      "王健（执法证号 WJ001）\n李卫（执法证号 WJ002）",
      "李卫（执法证号 WJ002）\n赵康（执法证号 WJ003）",
    ]);
    const insurance = s.rows.slice(titles[1]);
    expect(insurance.find((r) => r[0] === "负责人")![1]).toBe("郑局长\u3000签字：");
  });

  test("only 比对结果 and 说明 are to fill in, 比对结果 from 无误 / 有误", () => {
    const rows = s.rows.flatMap((r, i) => (typeof r[0] === "number" ? [i + 1] : []));
    const expected = new Set(rows.flatMap((r) => [`E${r}`, `F${r}`]));
    expect(cellSet(s.unlocked!)).toEqual(expected);
    for (const v of s.validations!) expect(v.list).toEqual([...CONFIRM_CHOICES]);
    expect(cellSet(s.validations!.map((v) => v.range))).toEqual(new Set(rows.map((r) => `E${r}`)));
  });
});

describe("workload", () => {
  test("inspections per inspector against the working days left in the window", () => {
    const d = paperDraw();
    // the window 2026-04-01 … 2026-04-03: Wednesday to Friday, 3 working days
    d.snapshot.task = { ...d.snapshot.task, startDate: "2026-04-01", endDate: "2026-04-03" };
    const w = workload(d.snapshot, d.outcome, calendar);
    expect(w).toMatchObject({ from: "2026-04-01", to: "2026-04-03", workingDays: 3 });
    expect(w.loads[0]).toEqual({ id: "YB001", name: "陈保", department: INSURANCE, inspections: 3 });
    expect(w.over).toEqual([]);
    expect(workloadIssues(w)).toEqual([]);
  });

  test("more inspections than working days: one warning naming the most loaded", () => {
    const d = paperDraw();
    // drawn on 2026-04-02 for a window that started before: Thursday and Friday count, 2 days
    d.snapshot.date = "2026-04-02";
    d.snapshot.task = { ...d.snapshot.task, startDate: "2026-03-01", endDate: "2026-04-03" };
    const w = workload(d.snapshot, d.outcome, calendar);
    expect(w.workingDays).toBe(2);
    expect(w.over.map((l) => [l.id, l.inspections])).toEqual([
      ["YB001", 3],
      ["YB002", 3],
    ]);
    const [warning] = workloadIssues(w);
    expect(warning).toMatchObject({ code: "workload_exceeds_days", severity: "warning" });
    expect(warning.message).toContain("2 名检查人员");
    expect(warning.message).toContain("陈保（YB001）3 户");
    expect(workloadIssues(w, "en")[0].message).toContain("2 inspector(s)");
  });

  test("the case of the issue: 989 inspections on 25 inspectors in three months", () => {
    const d = paperDraw();
    d.snapshot.date = "2026-03-30";
    d.snapshot.task = { ...d.snapshot.task, startDate: "2026-03-30", endDate: "2026-06-30" };
    const people = Array.from({ length: 25 }, (_, i) => `P${i}`);
    d.snapshot.inspectors = people.map((id) => ({ ...d.snapshot.inspectors[0], id, name: id }));
    d.outcome.selected = Array.from({ length: 989 }, (_, i) => ({
      seq: i + 1,
      uscc: `U${i}`,
      stratum: "B" as const,
      leader: people[i % 25],
      teams: [{ department: HEALTH, inspectors: [people[i % 25], people[(i + 12) % 25]] }],
    }));
    const w = workload(d.snapshot, d.outcome, calendar);
    expect(w.workingDays).toBeLessThan(70);
    expect(w.over.length).toBe(25);
    expect(workloadIssues(w)[0].message).toContain("25 名检查人员");
  });
});
