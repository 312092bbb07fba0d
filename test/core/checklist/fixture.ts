// A hand-made stored draw: three targets of three categories, two departments, items with
// 适用对象类别 filters and one item of another task.
import type { Checkpoint, Inspector, SelectedTarget, StoredDraw, Target, Task } from "../../../src/core/model";

export const HEALTH = "区卫生健康局";
export const INSURANCE = "区医疗保障局";

export function target(uscc: string, name: string, category: string, extra: Partial<Target> = {}): Target {
  return {
    uscc,
    name,
    category,
    tags: [],
    area: "",
    address: `长安区建设北大街${uscc.slice(-3)}号`,
    legalRep: `负责人${uscc.slice(-2)}`,
    phone: "0311-8888" + uscc.slice(-4),
    riskGrade: "B",
    complaints: 0,
    violations: false,
    upperSampled: false,
    lastInspected: null,
    lastInspectors: [],
    status: "在营",
    row: 0,
    ...extra,
  };
}

export function inspector(id: string, name: string, department: string): Inspector {
  return {
    id,
    name,
    department,
    section: "",
    title: "",
    specialties: [],
    fields: [],
    role: "执法人员",
    status: "在岗",
    area: "",
    recusals: [],
    row: 0,
  };
}

export function checkpoint(
  itemId: string,
  department: string,
  item: string,
  text: string,
  categories: string[] = [],
): Checkpoint {
  return {
    itemId,
    department,
    item,
    checkpoint: text,
    basis: `《${item}依据》第${text.length}条`,
    method: "现场检查",
    categories,
    specialty: "",
    row: 0,
  };
}

export const ITEMS: Checkpoint[] = [
  // an item of another task, listed first so that list order alone would put it first
  checkpoint("X9", HEALTH, "对公共场所的监督检查", "是否取得卫生许可证"),
  checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "是否存在串换药品、耗材、诊疗项目"),
  checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", "是否存在分解住院、挂床住院", ["医疗机构"]),
  checkpoint("H1", HEALTH, "对医疗机构和医疗行为的监督检查", "是否取得《医疗机构执业许可证》并在有效期内"),
  checkpoint("H1", HEALTH, "对医疗机构和医疗行为的监督检查", "是否使用非卫生技术人员从事医疗卫生技术工作"),
  checkpoint("H1", HEALTH, "对医疗机构和医疗行为的监督检查", "是否按规定开展住院病历管理", ["医疗机构"]),
  checkpoint("H2", HEALTH, "对医疗美容服务的监督检查", "主诊医师是否具备医疗美容资质", ["医疗美容机构"]),
  checkpoint("H2", HEALTH, "对医疗美容服务的监督检查", "是否超出备案项目开展医疗美容", ["医疗美容机构", "诊所"]),
];

export const USCC = {
  hospital: "91130102MA0000001A",
  clinic: "91130102MA0000002B",
  beauty: "91130102MA0000003C",
};

export function makeDraw(overrides: { targetName?: string } = {}): StoredDraw {
  const task: Task = {
    id: "T2026-01",
    name: "2026年医疗机构联合抽查",
    leadDepartment: INSURANCE,
    // written health-first while the lead is insurance: the form follows this order
    departments: [HEALTH, INSURANCE],
    itemIds: ["H2", "H1", "M1"],
    categories: [],
    mode: "ratio",
    ratios: { A: 300, B: 500, C: 1000, D: 2000 },
    counts: null,
    priorityRatio: null,
    minRatio: null,
    perDepartment: 2,
    rotate: true,
    excludeUpper: true,
    cooldownDays: 0,
    reserves: 0,
    crossArea: false,
    startDate: "2026-04-01",
    endDate: "2026-06-30",
    row: 2,
  };
  const targets = [
    target(USCC.hospital, overrides.targetName ?? "长安区人民医院", "医疗机构", { riskGrade: "C" }),
    target(USCC.clinic, "张氏诊所", "诊所", { riskGrade: "A" }),
    target(USCC.beauty, "美丽人生医疗美容门诊部", "医疗美容机构", { riskGrade: "D" }),
  ];
  const inspectors = [
    inspector("WJ001", "王健", HEALTH),
    inspector("WJ002", "李卫", HEALTH),
    inspector("WJ003", "赵康", HEALTH),
    inspector("YB001", "陈保", INSURANCE),
    inspector("YB002", "刘医", INSURANCE),
  ];
  return {
    record: {
      protocol: "DRP-1",
      taskId: task.id,
      taskName: task.name,
      seed: "12345",
      seedSource: "entered",
      seedRule: "",
      frozen: false,
      date: "2026-03-30",
      timestamp: "2026-03-30T09:30:00+08:00",
      operator: "张三",
      witness: "李四",
      digest: "ab".repeat(32),
      sheet: "抽取结果-T2026-01-1",
      snapshotSheet: "抽取快照-T2026-01-1",
      status: "有效",
      reason: "",
      warnings: [],
    },
    snapshot: {
      protocol: "DRP-1",
      task,
      date: "2026-03-30",
      specialties: {},
      targets,
      inspectors,
      excluded: { out_of_scope: 0, inactive: 0, upper_sampled: 0, cooldown: 0, drawn_this_year: 0 },
      registrySize: 3,
      inScope: 3,
    },
    outcome: {
      strata: [],
      // DRP-1 team order: lead (insurance) first
      selected: [
        {
          seq: 1,
          uscc: USCC.beauty,
          stratum: "D",
          leader: "YB002",
          teams: [
            { department: INSURANCE, inspectors: ["YB002", "YB001"] },
            { department: HEALTH, inspectors: ["WJ003", "WJ001"] },
          ],
        },
        {
          seq: 2,
          uscc: USCC.hospital,
          stratum: "C",
          leader: "YB001",
          teams: [
            { department: INSURANCE, inspectors: ["YB001", "YB002"] },
            { department: HEALTH, inspectors: ["WJ001", "WJ002"] },
          ],
        },
        {
          seq: 3,
          uscc: USCC.clinic,
          stratum: "A",
          leader: "YB001",
          teams: [
            { department: INSURANCE, inspectors: ["YB001", "YB002"] },
            { department: HEALTH, inspectors: ["WJ002", "WJ003"] },
          ],
        },
      ],
      reserves: [],
    },
  };
}

/** Fifteen checkpoints of realistic length for every category: with them a form holds up to 20. */
export const MORE_CHECKPOINTS: Checkpoint[] = [
  ["是否按照核准登记的诊疗科目开展诊疗活动", "《医疗机构管理条例》第二十六条"],
  ["是否在显著位置悬挂执业许可证和诊疗科目", "《医疗机构管理条例》第二十五条"],
  ["是否使用非卫生技术人员从事技术工作", "《医疗机构管理条例》第二十八条"],
  ["医师是否在注册的执业地点和类别内执业", "《医师法》第十四条"],
  ["护士配备是否符合规定并依法注册", "《护士条例》第二十一条"],
  ["是否按规定书写和保管病历资料", "《医疗纠纷预防和处理条例》第十五条"],
  ["是否建立并落实医疗质量安全核心制度", "《医疗质量管理办法》第十六条"],
  ["是否按规定开展院内感染预防与控制", "《医院感染管理办法》第五条"],
  ["医疗废物是否分类收集并按规定交接", "《医疗废物管理条例》第十六条"],
  ["是否按规定报告法定传染病疫情", "《传染病防治法》第三十条"],
  ["放射诊疗设备是否经检测合格并许可", "《放射诊疗管理规定》第二十条"],
  ["抗菌药物是否实行分级管理", "《抗菌药物临床应用管理办法》第六条"],
  ["是否按规定公示医疗服务价格", "《医疗机构管理条例实施细则》第五十条"],
  ["是否存在违规发布医疗广告", "《医疗广告管理办法》第七条"],
  ["是否按规定开展医疗技术临床应用管理", "《医疗技术临床应用管理办法》第九条"],
].map(([text, basis], i) => ({
  ...checkpoint("H1", HEALTH, "对医疗机构和医疗行为的监督检查", text),
  basis,
  method: i % 3 ? "现场检查" : "书面检查",
}));

/** A stored draw of `n` targets with two-department teams, and 20 checkpoints that all apply. */
export function checklistInput(n: number): { draw: StoredDraw; items: Checkpoint[] } {
  const categories = ["医疗机构", "诊所", "医疗美容机构"];
  const draw: StoredDraw = makeDraw();
  draw.snapshot.targets = Array.from({ length: n }, (_, i) =>
    target(`91130102MA${String(i).padStart(7, "0")}X`, `对象${i}号医疗机构`, categories[i % 3]),
  );
  draw.snapshot.inspectors = [
    ...Array.from({ length: 40 }, (_, i) => inspector(`WJ${i}`, `卫健${i}`, HEALTH)),
    ...Array.from({ length: 40 }, (_, i) => inspector(`YB${i}`, `医保${i}`, INSURANCE)),
  ];
  draw.outcome.selected = draw.snapshot.targets.map((t, i): SelectedTarget => ({
    seq: i + 1,
    uscc: t.uscc,
    stratum: "B",
    leader: `YB${i % 40}`,
    teams: [
      { department: INSURANCE, inspectors: [`YB${i % 40}`, `YB${(i + 1) % 40}`] },
      { department: HEALTH, inspectors: [`WJ${i % 40}`, `WJ${(i + 7) % 40}`] },
    ],
  }));
  // 20 checkpoints apply to every target: 15 + 3 of 卫健 item H1, 2 of 医保 item M1
  draw.snapshot.task.itemIds = ["H1", "M1"];
  const items = [
    ...MORE_CHECKPOINTS,
    ...[1, 2, 3].map((k) => checkpoint("H1", HEALTH, "对医疗机构和医疗行为的监督检查", `第${k}项补充检查要点`)),
    ...[1, 2].map((k) => checkpoint("M1", INSURANCE, "对定点医药机构的监督检查", `是否存在违规收费第${k}项`)),
  ];
  return { draw, items };
}
