import { buildForms } from "../../../src/core/checklist";
import type { ChecklistForm } from "../../../src/core/checklist";
import { HEALTH, INSURANCE, ITEMS, USCC, checkpoint, makeDraw } from "./fixture";

/** department → item id → checkpoint texts, as the form lists them */
const contents = (f: ChecklistForm) =>
  f.sections.map((s) => [s.department, s.items.map((i) => [i.itemId, i.checkpoints.map((c) => c.checkpoint)])]);

const formOf = (forms: ChecklistForm[], uscc: string) => forms.find((f) => f.target.uscc === uscc)!;

describe("buildForms", () => {
  const forms = buildForms(makeDraw(), ITEMS);

  test("one form per selected target, in DRP-1 order", () => {
    expect(forms.map((f) => [f.seq, f.total, f.target.uscc])).toEqual([
      [1, 3, USCC.beauty],
      [2, 3, USCC.hospital],
      [3, 3, USCC.clinic],
    ]);
  });

  test("a 医疗美容机构 gets the checkpoints meant for it and for everyone, in task item order", () => {
    expect(contents(formOf(forms, USCC.beauty))).toEqual([
      [
        HEALTH,
        [
          ["H2", ["主诊医师是否具备医疗美容资质", "是否超出备案项目开展医疗美容"]],
          ["H1", ["是否取得《医疗机构执业许可证》并在有效期内", "是否使用非卫生技术人员从事医疗卫生技术工作"]],
        ],
      ],
      [INSURANCE, [["M1", ["是否存在串换药品、耗材、诊疗项目"]]]],
    ]);
  });

  test("a 医疗机构 loses the item with no checkpoint for its category and keeps its own checkpoints", () => {
    expect(contents(formOf(forms, USCC.hospital))).toEqual([
      [
        HEALTH,
        [
          [
            "H1",
            [
              "是否取得《医疗机构执业许可证》并在有效期内",
              "是否使用非卫生技术人员从事医疗卫生技术工作",
              "是否按规定开展住院病历管理",
            ],
          ],
        ],
      ],
      [INSURANCE, [["M1", ["是否存在串换药品、耗材、诊疗项目", "是否存在分解住院、挂床住院"]]]],
    ]);
  });

  test("a 诊所 gets the checkpoint whose categories name it among others", () => {
    expect(contents(formOf(forms, USCC.clinic))).toEqual([
      [
        HEALTH,
        [
          ["H2", ["是否超出备案项目开展医疗美容"]],
          ["H1", ["是否取得《医疗机构执业许可证》并在有效期内", "是否使用非卫生技术人员从事医疗卫生技术工作"]],
        ],
      ],
      [INSURANCE, [["M1", ["是否存在串换药品、耗材、诊疗项目"]]]],
    ]);
  });

  test("items of other tasks never appear", () => {
    for (const f of forms) {
      const ids = f.sections.flatMap((s) => s.items.map((i) => i.itemId));
      expect(ids).not.toContain("X9");
      expect(JSON.stringify(f)).not.toContain("卫生许可证");
    }
  });

  test("basis and method travel with each checkpoint", () => {
    const c = formOf(forms, USCC.clinic).sections[1].items[0].checkpoints[0];
    expect(c).toEqual({
      checkpoint: "是否存在串换药品、耗材、诊疗项目",
      basis: ITEMS[1].basis,
      method: "现场检查",
    });
  });

  test("the team matches the draw, in the task's department order rather than DRP-1's lead-first order", () => {
    const f = formOf(forms, USCC.beauty);
    expect(f.leader).toEqual({ id: "YB002", name: "刘医", department: INSURANCE });
    expect(f.teams).toEqual([
      {
        department: HEALTH,
        inspectors: [
          { id: "WJ003", name: "赵康" },
          { id: "WJ001", name: "王健" },
        ],
      },
      {
        department: INSURANCE,
        inspectors: [
          { id: "YB002", name: "刘医" },
          { id: "YB001", name: "陈保" },
        ],
      },
    ]);
    expect(f.sections.map((s) => s.department)).toEqual([HEALTH, INSURANCE]);
  });

  test("the target is shown as it was in the snapshot", () => {
    expect(formOf(forms, USCC.hospital).target).toEqual({
      uscc: USCC.hospital,
      name: "长安区人民医院",
      category: "医疗机构",
      grade: "C",
      address: "长安区建设北大街01A号",
      legalRep: "负责人1A",
      phone: "0311-8888001A",
    });
    const f = forms[0];
    expect([f.taskId, f.taskName, f.startDate, f.endDate]).toEqual([
      "T2026-01",
      "2026年医疗机构联合抽查",
      "2026-04-01",
      "2026-06-30",
    ]);
  });

  test("a department with no applicable checkpoint keeps an empty section, its inspectors still on the team", () => {
    const items = [
      ...ITEMS.filter((c) => c.itemId !== "M1"),
      checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "住院", ["医疗机构"]),
    ];
    const f = formOf(buildForms(makeDraw(), items), USCC.clinic);
    expect(f.sections[1]).toEqual({ department: INSURANCE, items: [] });
    expect(f.teams[1].inspectors.map((i) => i.id)).toEqual(["YB001", "YB002"]);
  });
});
