import { buildForms, renderChecklistSheet, FORM_TITLE, LABELS } from "../../../src/core/checklist";
import { INSURANCE, ITEMS, USCC, checkpoint, makeDraw } from "./fixture";
import { cellSet, cellsOf } from "./ranges";

const render = (targetName?: string) => {
  const forms = buildForms(makeDraw({ targetName }), ITEMS);
  return { forms, spec: renderChecklistSheet(forms, "一企一表-T2026-01-1") };
};

/** 1-based row numbers whose column A holds a checkpoint's 序号 */
const checkpointRows = (rows: unknown[][]) => rows.flatMap((r, i) => (typeof r[0] === "number" ? [i + 1] : []));

describe("renderChecklistSheet", () => {
  const { forms, spec } = render();

  test("one protected A4 portrait sheet, fitted to width, named by the caller", () => {
    expect(spec.name).toBe("一企一表-T2026-01-1");
    expect(spec.protect).toBe(true);
    expect(spec.page).toMatchObject({ orientation: "portrait", fitToWidth: true, printTitleRows: "1:1" });
    const total = spec.columnWidths!.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(80);
    expect(total).toBeLessThanOrEqual(95);
  });

  test("a page break after every form but the last, each followed by the next form's title", () => {
    const breaks = spec.page!.rowBreaks!;
    expect(breaks).toHaveLength(forms.length - 1);
    const titles = spec.rows.flatMap((r, i) => (r[0] === FORM_TITLE ? [i + 1] : []));
    expect(titles).toHaveLength(forms.length);
    expect(breaks.map((b) => b + 1)).toEqual(titles.slice(1));
  });

  test("each form lists its checkpoints once, numbered from 1", () => {
    const titles = spec.rows.flatMap((r, i) => (r[0] === FORM_TITLE ? [i] : []));
    titles.push(spec.rows.length);
    forms.forEach((f, k) => {
      const part = spec.rows.slice(titles[k], titles[k + 1]);
      const texts = f.sections.flatMap((s) => s.items.flatMap((i) => i.checkpoints.map((c) => c.checkpoint)));
      const numbered = part.filter((r) => typeof r[0] === "number");
      expect(numbered.map((r) => r[1])).toEqual(texts);
      expect(numbered.map((r) => r[0])).toEqual(texts.map((_, i) => i + 1));
    });
  });

  test("only result, remark and conclusion cells are unlocked", () => {
    const expected = new Set<string>();
    for (const r of checkpointRows(spec.rows)) expected.add(`E${r}`).add(`F${r}`);
    spec.rows.forEach((r, i) => {
      if (r[0] === LABELS.conclusion) for (const c of cellsOf(`B${i + 1}:F${i + 3}`)) expected.add(c);
    });
    expect(expected.size).toBe(2 * (5 + 5 + 4) + 15 * forms.length);
    expect(cellSet(spec.unlocked!)).toEqual(expected);
  });

  test("every result cell, and no other, offers 符合 / 不符合 / 不涉及", () => {
    const covered = new Set<string>();
    for (const v of spec.validations!) {
      expect(v.list).toEqual(["符合", "不符合", "不涉及"]);
      for (const c of cellsOf(v.range)) covered.add(c);
    }
    expect(covered).toEqual(new Set(checkpointRows(spec.rows).map((r) => `E${r}`)));
  });

  test("the team is printed with names and 执法证号, the leader marked, and every inspector signs", () => {
    const text = spec.rows.map((r) => r.join("|")).join("\n");
    expect(text).toContain("区卫生健康局检查人员：赵康（执法证号 WJ003）\u3000王健（执法证号 WJ001）");
    expect(text).toContain("区医疗保障局检查人员：刘医（执法证号 YB002，检查组组长）\u3000陈保（执法证号 YB001）");
    expect(text).toContain("区医疗保障局检查人员：陈保（执法证号 YB001，检查组组长）\u3000刘医（执法证号 YB002）");
    expect(text).toMatch(/区卫生健康局检查人员签字：赵康 ＿+\u3000\u3000王健 ＿+/);
    expect(text).toMatch(/区医疗保障局检查人员签字：刘医 ＿+\u3000\u3000陈保 ＿+/);
    expect(text.split(LABELS.targetSignature)).toHaveLength(forms.length + 1);
    expect(text.split(LABELS.refusalNote)).toHaveLength(forms.length + 1);
  });

  test("a leader on no team still gets a line of his own", () => {
    const draw = makeDraw();
    draw.outcome.selected[0].leader = "WJ002";
    const text = renderChecklistSheet(buildForms(draw, ITEMS), "x")
      .rows.map((r) => r.join("|"))
      .join("\n");
    expect(text).toContain("检查组组长：李卫（执法证号 WJ002），区卫生健康局");
  });

  test("target details and the task appear on its form", () => {
    const text = spec.rows.map((r) => r.join("|")).join("\n");
    expect(text).toContain(`被检查对象：长安区人民医院||统一社会信用代码：${USCC.hospital}`);
    expect(text).toContain("对象类别：医疗机构\u3000信用风险等级：C||负责人：负责人1A\u3000联系电话：0311-8888001A");
    expect(text).toContain("地址：长安区建设北大街01A号");
    expect(text).toContain("抽查任务：2026年医疗机构联合抽查（T2026-01）||检查期间：2026-04-01 至 2026-06-30");
  });

  test("every row has a height, taller where text wraps", () => {
    expect(spec.rowHeights).toHaveLength(spec.rows.length);
    const long = renderChecklistSheet(buildForms(makeDraw({ targetName: "很长的名称".repeat(12) }), ITEMS), "x");
    const row = long.rows.findIndex((r) => String(r[0]).includes("很长的名称"));
    expect(long.rowHeights[row]).toBeGreaterThan(spec.rowHeights[row]);
  });

  test("merges never overlap; each form's body is one bordered base, the styles over it never overlap", () => {
    const seen = new Set<string>();
    for (const r of spec.merges!)
      for (const c of cellsOf(r)) {
        expect(seen.has(c)).toBe(false);
        seen.add(c);
      }
    const bases = spec.styles!.filter((s) => s.style.border);
    expect(bases).toHaveLength(forms.length);
    // the bases come first, so that the styles laid over them win in every adapter
    expect(spec.styles!.slice(0, forms.length)).toEqual(bases);
    const over = new Set<string>();
    for (const s of spec.styles!.slice(forms.length))
      for (const c of cellsOf(s.range)) {
        expect(over.has(c)).toBe(false);
        over.add(c);
      }
    // alike cells side by side and runs of alike rows are one range each
    expect(spec.styles!.length).toBeLessThanOrEqual(18 * forms.length);
  });

  test("a 抽查依据 too long for one row continues below it: no row over 409 points, every word printed", () => {
    const basis = "《中华人民共和国基本医疗卫生与健康促进法》第三十八条、第三十九条、第四十条".repeat(20);
    expect(basis.length).toBeGreaterThan(419);
    const longer = "依据".repeat(9000);
    const items = [
      ...ITEMS,
      { ...checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "是否按协议管理"), basis },
      { ...checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "超长依据"), basis: longer },
    ];
    const forms = buildForms(makeDraw(), items);
    const long = renderChecklistSheet(forms, "x");
    expect(Math.max(...long.rowHeights)).toBeLessThanOrEqual(409);
    for (const row of long.rows)
      for (const v of row) if (typeof v === "string") expect(v.length).toBeLessThanOrEqual(32767);
    // column C of the rows from the checkpoint down, joined, is the whole basis
    const at = long.rows.findIndex((r) => r[1] === "是否按协议管理");
    let text = "";
    for (let r = at; r < long.rows.length && (r === at || long.rows[r][0] === null); r++) text += long.rows[r][2] ?? "";
    expect(text).toBe(basis);
    // the checkpoint's other cells span its continuation rows: one result cell, one 序号
    const rows = long.rows.slice(at).findIndex((r, i) => i > 0 && r[0] !== null);
    expect(rows).toBeGreaterThan(1);
    expect(long.merges).toContain(`E${at + 1}:E${at + rows}`);
    const listed = cellSet(long.validations!.map((v) => v.range));
    for (let r = at + 1; r <= at + rows; r++) expect(listed.has(`E${r}`)).toBe(true);
    const huge = long.rows.findIndex((r) => r[1] === "超长依据");
    let all = "";
    for (let r = huge; r < long.rows.length && (r === huge || long.rows[r][0] === null); r++)
      all += long.rows[r][2] ?? "";
    expect(all).toBe(longer);
  });

  test("text that looks like a formula stays a plain string", () => {
    const name = '=HYPERLINK("x")';
    const items = [...ITEMS, checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "=1+1")];
    const spec = renderChecklistSheet(buildForms(makeDraw({ targetName: name }), items), "x");
    expect(spec.rows.some((r) => r[0] === `${LABELS.targetName}：${name}`)).toBe(true);
    const cells = spec.rows.flat().filter((v) => v === "=1+1");
    expect(cells).toHaveLength(3);
  });

  test("no forms: a sheet with its header line and no breaks", () => {
    const spec = renderChecklistSheet([], "一企一表-T-1");
    expect(spec.rows).toHaveLength(1);
    expect(spec.page!.rowBreaks).toEqual([]);
    expect(spec.unlocked).toEqual([]);
  });
});
