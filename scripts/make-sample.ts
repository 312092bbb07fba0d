// npm run sample: writes assets/sample-新华区-2026.xlsx, the demonstration workbook of 石家庄市新华区
// for the 2026 third joint inspection (seed 004): task, item list, target and inspector
// registries, holiday overrides. Deterministic: seedrandom with a fixed seed, never Math.random,
// fixed document times and zip dates, so that each run writes the same bytes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import seedrandom from "seedrandom";
import { usccCheckChar } from "../src/core/schema/uscc";
import type { CellStyle, SheetSpec } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { renderSheet } from "../src/workbook/xlsx/render";

export const SAMPLE_PATH = join(__dirname, "..", "assets", "sample-新华区-2026.xlsx");
const SEED = "新华区-2026-第三次联合抽查-样例";
const WJ = "区卫生健康局";
const YB = "区医疗保障局";
const DOC_TIME = new Date(Date.UTC(2026, 2, 20, 1, 0, 0));

type Cell = string | number | boolean | null;
type Rng = () => number;

// ------------------------------------------------------------------ random helpers (seeded)

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (isoDate: string, n: number) => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + n * 86400000));

// ------------------------------------------------------------------ codes

const ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // USCC alphabet: no I O S V Z
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
function orgCheck(body: string): string {
  const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55);
  const sum = [...body].reduce((s, ch, i) => s + value(ch) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/**
 * A valid 18-character USCC: registration office and kind (12 事业单位, 52 民办非企业单位,
 * 91 企业, 92 个体工商户), area 130105 (新华区), organisation code, check character.
 */
function uscc(rng: Rng, kind: "12" | "52" | "91" | "92", used: Set<string>): string {
  for (;;) {
    const body =
      kind === "91" || kind === "92"
        ? `MA0${Array.from({ length: 5 }, () => pick(rng, [...ORG_ALPHABET])).join("")}`
        : `${pick(rng, ["4", "5", "6", "7", "M"])}${Array.from({ length: 7 }, () => int(rng, 0, 9)).join("")}`;
    const first17 = `${kind}130105${body}${orgCheck(body)}`;
    const code = first17 + usccCheckChar(first17)!;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

// ------------------------------------------------------------------ names and places

// prettier-ignore
const SURNAMES = [..."王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蒋蔡杜魏薛贾石崔康任范"];
// prettier-ignore
const GIVEN = [
  "建国", "志强", "秀英", "丽娜", "海涛", "俊杰", "晓燕", "玉兰", "国华", "春梅", "文静", "立新", "淑珍", "红霞", "振华", "明辉", "晓东", "雅琴", "卫东",
  "桂芳", "永刚", "慧敏", "建军", "凤英", "子轩", "思远", "金凤", "树林", "学军", "艳玲", "宏伟", "丽华", "志军", "海燕", "瑞雪", "伟", "静", "磊",
  "敏", "超", "洋", "娟", "鹏", "杰", "颖", "浩然", "雨萱", "欣怡", "博文", "佳琪",
];
const personName = (rng: Rng) => pick(rng, SURNAMES) + pick(rng, GIVEN);

/** 新华区 streets and towns. */
// prettier-ignore
const AREAS = [
  "革新街道", "新华路街道", "宁安街道", "东焦街道", "西苑街道", "合作路街道", "联盟街道", "石岗街道", "天苑街道", "北苑街道", "赵陵铺镇", "杜北街道", "大郭村镇",
];
// prettier-ignore
const ROADS = [
  "中华北大街", "友谊北大街", "合作路", "和平西路", "新华路", "联盟路", "北二环西路", "泰华街", "民族路", "石清路", "西三庄街", "柳阳西路", "北新街", "东风路",
  "西二环北路", "钟馗路",
];
// prettier-ignore
const COMMUNITIES = [
  "西三庄", "东三庄", "柳辛庄", "北杜", "泰华", "联盟", "民族", "合作", "钢铁", "天苑", "北苑", "石岗", "西苑", "东焦", "宁安", "革新", "新华", "和平",
  "友谊", "北新", "西里", "东里", "百合", "枫景", "御景", "盛世", "水岸", "华府", "康乐", "富强", "翠屏", "铁道", "电力", "化工", "建华", "广安", "中储",
  "恒大", "荣盛", "瀚林", "新世隆", "紫金", "开元", "春江", "丽景",
];
const VILLAGES: Record<string, string[]> = {
  赵陵铺镇: ["赵陵铺村", "西三教村", "东三教村", "南村", "柏林庄村", "北杜村", "西王村"],
  大郭村镇: ["大郭村", "小安舍村", "南高基村", "北高基村", "东古城村", "西古城村", "大马村"],
};
// prettier-ignore
const BRANDS = [
  "仁和", "康宁", "博爱", "华康", "安泰", "慈济", "泰和", "益民", "永康", "德仁", "济民", "康泰", "瑞康", "恒安", "佳美", "和睦", "百姓", "惠民", "同济",
  "华兴", "明仁", "润康", "福瑞", "天使", "悦康", "禾美", "贝齿", "皓齿", "微笑", "康贝", "雅齿", "洁美", "齿康", "美齿", "舒齿", "致远", "新安", "长青",
  "乐康",
];
// prettier-ignore
const BEAUTY = [
  "伊美", "悦颜", "臻颜", "雅韵", "维美", "艾尚", "丽之源", "尚美", "星颜", "臻美", "菲尔", "如初", "颜究", "美立方", "若素", "唯颜", "初见", "时光",
  "凯瑞", "欧菲", "玉颜", "妍丽", "美悦", "雅姿", "美之瑞", "丽颜坊", "美妍", "颜如玉", "晶莹", "姿美", "维纳斯", "丝路", "美研", "名媛", "花漾", "悦美",
  "秀美", "芳华", "颜值", "蔓迪",
];

function address(rng: Rng): string {
  const road = pick(rng, ROADS);
  const no = int(rng, 1, 399);
  return pick(rng, [
    `石家庄市新华区${road}${no}号`,
    `石家庄市新华区${road}${no}号底商`,
    `石家庄市新华区${road}${no}号${int(rng, 1, 12)}号楼${int(rng, 1, 3)}单元10${int(rng, 1, 4)}`,
  ]);
}

const phone = (rng: Rng) =>
  rng() < 0.55
    ? `0311-8${int(rng, 1000000, 9999999)}`
    : `1${pick(rng, ["3", "5", "8", "9"])}${int(rng, 100000000, 999999999)}`;

// ------------------------------------------------------------------ targets

interface TargetRow {
  uscc: string;
  name: string;
  category: "医疗机构" | "诊所" | "医疗美容机构";
  tags: string[];
  area: string;
  address: string;
  legalRep: string;
  phone: string;
  grade: "A" | "B" | "C" | "D";
  complaints: number;
  violations: boolean;
  upperSampled: boolean;
  lastInspected: string | null;
  lastInspectors: string[];
  status: "在营" | "停业" | "注销";
}

function makeTargets(rng: Rng): TargetRow[] {
  const used = new Set<string>();
  const names = new Set<string>();
  const rows: TargetRow[] = [];
  const add = (
    category: TargetRow["category"],
    name: string,
    kind: "12" | "52" | "91" | "92",
    tags: string[],
    area = pick(rng, AREAS),
  ) => {
    if (names.has(name)) return false;
    names.add(name);
    rows.push({
      uscc: uscc(rng, kind, used),
      name,
      category,
      tags,
      area,
      address: address(rng),
      legalRep: personName(rng),
      phone: phone(rng),
      grade: "A",
      complaints: 0,
      violations: false,
      upperSampled: false,
      lastInspected: null,
      lastInspectors: [],
      status: "在营",
    });
    return true;
  };

  // 医疗机构: hospitals, community health centres and stations, outpatient departments, village clinics
  const hospitals: [string, string[]][] = [
    ["石家庄新华仁和医院", ["综合医院", "放射诊疗", "临床用血", "医保定点"]],
    ["石家庄康宁医院", ["综合医院", "放射诊疗", "临床用血", "医保定点"]],
    ["石家庄博爱中医医院", ["中医", "放射诊疗", "医保定点"]],
    ["石家庄华兴口腔医院", ["口腔", "放射诊疗", "医保定点"]],
    ["石家庄和美妇产医院", ["妇产", "母婴保健", "放射诊疗", "临床用血", "医保定点"]],
    ["石家庄明视眼科医院", ["眼科", "医保定点"]],
    ["石家庄永康骨科医院", ["骨科", "放射诊疗", "临床用血", "医保定点"]],
    ["石家庄安宁康复医院", ["康复", "医保定点"]],
    ["石家庄新华泰和医院", ["综合医院", "放射诊疗", "医保定点"]],
    ["石家庄慈济肛肠医院", ["专科医院", "医保定点"]],
  ];
  for (const [name, tags] of hospitals) add("医疗机构", name, rng() < 0.5 ? "52" : "91", tags);
  for (const area of AREAS)
    add("医疗机构", `石家庄市新华区${area}社区卫生服务中心`, "12", ["基层医疗", "公立", "母婴保健", "医保定点"], area);
  let guard = 0;
  while (rows.length < 23 + 42 && guard++ < 1000)
    add("医疗机构", `新华区${pick(rng, COMMUNITIES)}社区卫生服务站`, rng() < 0.6 ? "52" : "12", [
      "基层医疗",
      "医保定点",
    ]);
  while (rows.length < 65 + 20 && guard++ < 2000) {
    const kind = pick(rng, ["中医门诊部", "综合门诊部", "口腔门诊部", "中西医结合门诊部"]);
    const tags =
      kind === "口腔门诊部"
        ? ["口腔", "放射诊疗"]
        : kind === "综合门诊部"
          ? ["门诊部", "放射诊疗"]
          : ["门诊部", "中医"];
    add("医疗机构", `石家庄${pick(rng, BRANDS)}${kind}`, rng() < 0.5 ? "91" : "52", tags);
  }
  for (const [town, villages] of Object.entries(VILLAGES))
    for (const v of villages) add("医疗机构", `新华区${town}${v}卫生室`, "92", ["基层医疗", "村卫生室"], town);
  const medical = rows.length;
  while (rows.length < medical + (110 - medical) && guard++ < 3000)
    add("医疗机构", `石家庄${pick(rng, BRANDS)}${pick(rng, ["医院", "中医医院", "护理院"])}`, "52", ["专科医院"]);

  // 诊所
  const clinicKinds: [string, string[]][] = [
    ["中医诊所", ["中医"]],
    ["西医内科诊所", ["内科"]],
    ["中西医结合诊所", ["中医"]],
    ["外科诊所", ["外科"]],
    ["儿科诊所", ["儿科"]],
    ["口腔诊所", ["口腔", "放射诊疗"]],
    ["妇科诊所", ["妇科", "母婴保健"]],
    ["皮肤科诊所", ["皮肤科"]],
  ];
  const clinicsStart = rows.length;
  while (rows.length < clinicsStart + 150 && guard++ < 6000) {
    const [kind, tags] = pick(rng, clinicKinds);
    const name = rng() < 0.55 ? `新华区${personName(rng)}${kind}` : `石家庄${pick(rng, BRANDS)}${kind}`;
    add("诊所", name, rng() < 0.7 ? "92" : rng() < 0.5 ? "52" : "91", tags);
  }

  // 医疗美容机构
  const beautyStart = rows.length;
  while (rows.length < beautyStart + 40 && guard++ < 8000) {
    const kind = pick(rng, ["医疗美容诊所", "医疗美容诊所", "医疗美容门诊部", "整形外科医院"]);
    add("医疗美容机构", `石家庄${pick(rng, BEAUTY)}${kind}`, "91", [
      "医疗美容",
      ...(kind === "整形外科医院" ? ["临床用血"] : []),
    ]);
  }

  // risk grades in fixed proportions: 55% A, 30% B, 10% C, 5% D
  const order = shuffle(
    rng,
    rows.map((_, i) => i),
  );
  const quota: [TargetRow["grade"], number][] = [
    ["A", Math.round(rows.length * 0.55)],
    ["B", Math.round(rows.length * 0.3)],
    ["C", Math.round(rows.length * 0.1)],
  ];
  let at = 0;
  for (const [grade, n] of quota) for (let k = 0; k < n; k++) rows[order[at++]].grade = grade;
  while (at < order.length) rows[order[at++]].grade = "D";

  // a few complaints and serious violations, more often among the riskier grades
  const risky = shuffle(
    rng,
    rows.filter((r) => r.grade === "C" || r.grade === "D"),
  );
  const safe = shuffle(
    rng,
    rows.filter((r) => r.grade === "A" || r.grade === "B"),
  );
  for (const r of [...risky.slice(0, 7), ...safe.slice(0, 8)]) r.complaints = int(rng, 1, 3);
  for (const r of [...risky.slice(5, 9), ...safe.slice(8, 9)]) r.violations = true;

  // status, upper sampling: chosen among targets without complaints, so each shows on its own
  const plain = shuffle(
    rng,
    rows.filter((r) => r.complaints === 0 && !r.violations),
  );
  plain.slice(0, 8).forEach((r) => (r.status = "停业"));
  plain.slice(8, 12).forEach((r) => (r.status = "注销"));
  plain.slice(12, 24).forEach((r) => (r.upperSampled = true));
  return rows;
}

// ------------------------------------------------------------------ inspectors

interface InspectorRow {
  id: string;
  name: string;
  department: string;
  section: string;
  title: string;
  specialties: string[];
  fields: string[];
  role: "执法人员" | "专家";
  status: "在岗" | "不在岗";
  area: string;
  recusals: string[];
  note: string;
}

function makeInspectors(rng: Rng, targets: TargetRow[]): InspectorRow[] {
  const names = new Set<string>();
  const uniqueName = () => {
    for (;;) {
      const n = personName(rng);
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };
  const rows: InspectorRow[] = [];
  // 区卫生健康局 (卫生监督所): each officer covers one to three of the items' specialties
  const wj: [string, string, string[], string[]][] = [
    ["医疗卫生监督科", "科长", ["医疗服务", "母婴保健"], ["医疗卫生"]],
    ["医疗卫生监督科", "副科长", ["医疗服务", "血液安全"], ["医疗卫生"]],
    ["医疗卫生监督科", "四级主任科员", ["医疗服务"], ["医疗卫生"]],
    ["医疗卫生监督科", "一级科员", ["医疗服务", "母婴保健"], ["医疗卫生"]],
    ["医疗卫生监督科", "监督员", ["医疗服务"], ["医疗卫生"]],
    ["医疗卫生监督科", "监督员", ["医疗服务", "血液安全"], ["医疗卫生"]],
    ["传染病防治监督科", "科长", ["传染病防治", "消毒产品"], ["传染病防治", "公共卫生"]],
    ["传染病防治监督科", "一级科员", ["传染病防治"], ["传染病防治"]],
    ["传染病防治监督科", "监督员", ["传染病防治", "消毒产品"], ["传染病防治"]],
    ["传染病防治监督科", "监督员", ["消毒产品"], ["公共卫生"]],
    ["放射卫生监督科", "科长", ["放射卫生"], ["放射卫生", "职业卫生"]],
    ["放射卫生监督科", "监督员", ["放射卫生", "医疗服务"], ["放射卫生"]],
    ["放射卫生监督科", "监督员", ["放射卫生"], ["放射卫生"]],
    ["综合监督科", "科长", ["医疗服务", "传染病防治"], ["医疗卫生", "传染病防治"]],
    ["综合监督科", "一级科员", ["母婴保健", "医疗服务"], ["医疗卫生"]],
    ["综合监督科", "监督员", ["血液安全", "传染病防治"], ["医疗卫生"]],
    ["综合监督科", "监督员", ["消毒产品", "医疗服务"], ["公共卫生"]],
    ["法制稽查科", "科长", ["医疗服务"], ["医疗卫生"]],
    ["法制稽查科", "监督员", ["母婴保健", "血液安全"], ["医疗卫生"]],
    ["法制稽查科", "监督员", ["传染病防治", "放射卫生"], ["传染病防治"]],
  ];
  wj.forEach(([section, title, specialties, fields], i) =>
    rows.push({
      id: `13010520${String(101 + i)}`,
      name: uniqueName(),
      department: WJ,
      section,
      title,
      specialties,
      fields,
      role: "执法人员",
      status: "在岗",
      area: AREAS[i % AREAS.length],
      recusals: [],
      note: "",
    }),
  );
  const yb: [string, string, string[]][] = [
    ["基金监管科", "科长", ["医保基金监管"]],
    ["基金监管科", "一级科员", ["医保基金监管"]],
    ["基金监管科", "科员", ["医保基金监管", "药品耗材采购"]],
    ["医药服务管理科", "科长", ["药品耗材采购"]],
    ["医药服务管理科", "科员", ["药品耗材采购", "医保基金监管"]],
    ["区医保中心稽核科", "科长", ["医保基金监管"]],
    ["区医保中心稽核科", "科员", ["医保基金监管", "药品耗材采购"]],
    ["区医保中心稽核科", "科员", ["药品耗材采购"]],
  ];
  yb.forEach(([section, title, specialties], i) =>
    rows.push({
      id: `13010520${String(301 + i)}`,
      name: uniqueName(),
      department: YB,
      section,
      title,
      specialties,
      fields: ["医疗保障"],
      role: "执法人员",
      status: "在岗",
      area: AREAS[(i * 3 + 1) % AREAS.length],
      recusals: [],
      note: "",
    }),
  );
  // experts help with professional items and are never drawn into a team
  rows.push({
    id: "ZJ1301050001",
    name: uniqueName(),
    department: WJ,
    section: "区疾病预防控制中心",
    title: "副主任医师",
    specialties: ["放射卫生", "传染病防治"],
    fields: ["放射卫生"],
    role: "专家",
    status: "在岗",
    area: "",
    recusals: [],
    note: "专家库成员，协助专业事项检查",
  });
  rows.push({
    id: "ZJ1301050002",
    name: uniqueName(),
    department: YB,
    section: "区医保中心",
    title: "主管药师",
    specialties: ["药品耗材采购"],
    fields: ["医疗保障"],
    role: "专家",
    status: "在岗",
    area: "",
    recusals: [],
    note: "专家库成员",
  });
  const off = (id: string, note: string) => {
    const r = rows.find((x) => x.id === id)!;
    r.status = "不在岗";
    r.note = note;
  };
  off("13010520105", "病假");
  off("13010520117", "借调市卫生健康委");
  off("13010520306", "脱产培训");
  // recusals: relatives working at a target, or a former employer
  const active = shuffle(
    rng,
    targets.filter((t) => t.status === "在营"),
  );
  const recuse = (id: string, n: number, note: string) => {
    const r = rows.find((x) => x.id === id)!;
    r.recusals = active.splice(0, n).map((t) => t.uscc);
    r.note = note;
  };
  recuse("13010520103", 2, "近亲属在被检对象任职");
  recuse("13010520112", 1, "曾在被检对象任职");
  recuse("13010520302", 1, "近亲属为被检对象负责人");
  return rows;
}

/** Last inspections: about 45% of targets, on a day in 2024-06 … 2026-03, by two or three officers. */
function addLastInspections(rng: Rng, targets: TargetRow[], inspectors: InspectorRow[]): void {
  const officers = (dept: string) => inspectors.filter((i) => i.department === dept && i.role === "执法人员");
  const wj = officers(WJ);
  const yb = officers(YB);
  for (const t of targets) {
    if (rng() >= 0.45) continue;
    t.lastInspected = addDays("2024-06-03", int(rng, 0, 650));
    const team = shuffle(rng, wj)
      .slice(0, 2)
      .map((i) => i.id);
    if (t.tags.includes("医保定点") && rng() < 0.5) team.push(pick(rng, yb).id);
    t.lastInspectors = team;
  }
}

// ------------------------------------------------------------------ items

interface CheckpointRow {
  itemId: string;
  department: string;
  item: string;
  checkpoint: string;
  basis: string;
  method: string;
  categories: string[];
  specialty: string;
  frequency: string;
}

function makeItems(): CheckpointRow[] {
  const rows: CheckpointRow[] = [];
  const item = (
    itemId: string,
    department: string,
    name: string,
    specialty: string,
    points: [string, string, string, string[]?][],
  ) => {
    for (const [checkpoint, basis, method, categories] of points)
      rows.push({
        itemId,
        department,
        item: name,
        checkpoint,
        basis,
        method,
        categories: categories ?? [],
        specialty,
        frequency: "每年不少于1次",
      });
  };
  item("WJ-01", WJ, "对医疗机构和医疗行为的监督检查", "医疗服务", [
    ["医疗机构执业许可证或诊所备案凭证及校验情况", "《医疗机构管理条例》第二十四条", "现场检查"],
    ["按照核准登记或备案的诊疗科目开展诊疗活动", "《医疗机构管理条例》第二十七条", "现场检查"],
    ["使用卫生技术人员从事本专业以外的诊疗活动情况", "《医疗机构管理条例》第二十八条", "现场检查、查阅资料"],
    ["医疗废物分类收集、暂存与交接登记", "《医疗废物管理条例》第七条、第十二条", "现场检查"],
  ]);
  item("WJ-02", WJ, "医师执业行为的监督检查", "医疗服务", [
    ["医师执业注册及执业地点、类别、范围", "《中华人民共和国医师法》第十三条、第十四条", "信息比对"],
    ["处方权取得与处方书写", "《处方管理办法》第八条", "查阅资料"],
    ["医师多机构执业备案", "《中华人民共和国医师法》第十五条", "信息比对"],
  ]);
  item("WJ-03", WJ, "对护士执业行为的监督检查", "医疗服务", [
    ["护士执业注册及执业地点", "《护士条例》第七条、第八条", "信息比对"],
    ["护士配备数量不低于配备标准", "《护士条例》第二十条", "现场检查"],
    ["未取得护士执业证书的人员从事护理工作情况", "《护士条例》第二十一条", "现场检查"],
  ]);
  item("WJ-04", WJ, "对医疗机构开展放射诊疗活动的监督检查", "放射卫生", [
    ["放射诊疗许可及设备、场所与许可一致", "《放射诊疗管理规定》第四条、第十六条", "现场检查", ["医疗机构"]],
    [
      "放射工作人员个人剂量监测与职业健康检查",
      "《放射工作人员职业健康管理办法》第十一条、第十九条",
      "查阅资料",
      ["医疗机构"],
    ],
    ["放射防护设施、警示标识与受检者防护用品", "《放射诊疗管理规定》第二十条", "现场检查", ["医疗机构", "诊所"]],
  ]);
  item("WJ-05", WJ, "对传染病防治工作的监督检查", "传染病防治", [
    ["预检分诊与发热患者筛查", "《医疗机构传染病预检分诊管理办法》", "现场检查"],
    ["传染病疫情报告与登记", "《中华人民共和国传染病防治法》", "查阅资料、信息比对"],
    ["消毒隔离与医院感染控制", "《医院感染管理办法》", "现场检查"],
  ]);
  item("WJ-06", WJ, "对消毒产品和消毒服务机构的监督检查", "消毒产品", [
    ["消毒产品进货查验与卫生安全评价报告", "《消毒管理办法》第三十一条", "查阅资料"],
    ["消毒产品标签（含说明书）", "《消毒产品标签说明书管理规范》", "现场检查"],
    ["诊疗器械消毒灭菌与效果监测", "《消毒管理办法》第四条、第六条", "现场检查、查阅资料"],
  ]);
  item("WJ-07", WJ, "对血站、单采血浆站执业情况及医疗机构临床用血情况的监督检查", "血液安全", [
    ["临床用血管理组织与制度", "《医疗机构临床用血管理办法》第五条", "查阅资料", ["医疗机构"]],
    ["血液来源与储存、核查", "《中华人民共和国献血法》第十三条", "现场检查", ["医疗机构"]],
  ]);
  item("WJ-08", WJ, "对母婴保健技术服务机构的监督检查", "母婴保健", [
    ["母婴保健技术服务执业许可与人员资质", "《中华人民共和国母婴保健法》第三十二条", "现场检查", ["医疗机构"]],
    ["出生医学证明签发与管理", "《中华人民共和国母婴保健法》第二十三条", "查阅资料", ["医疗机构"]],
    [
      "禁止非医学需要的胎儿性别鉴定和选择性别人工终止妊娠",
      "《禁止非医学需要的胎儿性别鉴定和选择性别人工终止妊娠的规定》",
      "现场检查",
    ],
  ]);
  item("YB-01", YB, "对纳入基本医疗保险基金支付范围的医疗服务行为和医疗费用进行监督管理", "医保基金监管", [
    ["实名就医与医保凭证核验，合理诊疗", "《医疗保障基金使用监督管理条例》第十五条", "现场检查、信息比对"],
    ["医保基金使用内部管理制度与进销存", "《医疗保障基金使用监督管理条例》第十四条", "查阅资料"],
    ["虚构医药服务、串换项目等骗取医保基金行为", "《医疗保障基金使用监督管理条例》第二十条", "信息比对"],
  ]);
  item("YB-02", YB, "对公立医疗机构药品和高值医用耗材集中采购行为合规性的监督检查", "药品耗材采购", [
    [
      "集中带量采购中选产品约定采购量完成情况",
      "《国务院办公厅关于推动药品集中带量采购工作常态化制度化开展的意见》（国办发〔2021〕2号）",
      "信息比对",
      ["医疗机构"],
    ],
    [
      "药品和高值医用耗材网上采购与线下采购",
      "《治理高值医用耗材改革方案》（国办发〔2019〕37号）",
      "查阅资料",
      ["医疗机构"],
    ],
  ]);
  return rows;
}

// ------------------------------------------------------------------ sheets

const HEADER: CellStyle = {
  bold: true,
  fill: "DDEBF7",
  border: true,
  wrap: true,
  horizontal: "center",
  vertical: "middle",
};
const BODY: CellStyle = { border: true, vertical: "middle" };
/** Drop-downs reach this many rows below the data, for the clerk's next entries. */
const SPARE_ROWS = 200;

const col = (n: number) => String.fromCharCode(64 + n);

function sheet(
  name: string,
  header: string[],
  rows: Cell[][],
  widths: number[],
  extra: Partial<SheetSpec> = {},
  dropDowns: Record<string, string[]> = {},
): SheetSpec {
  const last = col(header.length);
  const end = rows.length + 1;
  return {
    name,
    rows: [header, ...rows],
    columnWidths: widths,
    styles: [
      { range: `A1:${last}1`, style: HEADER },
      ...(rows.length ? [{ range: `A2:${last}${end}`, style: BODY }] : []),
    ],
    frozenRows: 1,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1" },
    validations: Object.entries(dropDowns).map(([h, list]) => {
      const c = col(header.indexOf(h) + 1);
      return { range: `${c}2:${c}${end + SPARE_ROWS}`, list };
    }),
    ...extra,
  };
}

// prettier-ignore
const TASK_HEADER = [
  "任务编号", "任务名称", "牵头部门", "参与部门", "抽查事项", "对象类别", "抽取方式", "A类比例", "B类比例", "C类比例", "D类比例", "A类数量", "B类数量", "C类数量",
  "D类数量", "重点对象比例", "最低抽查比例", "每部门检查人数", "回避上次检查人员", "排除上级已抽检", "检查间隔天数", "备选数量", "异地交叉检查", "开始日期", "结束日期",
];
// prettier-ignore
const ITEM_HEADER = [
  "事项编号", "部门", "抽查事项", "检查要点", "抽查依据", "检查方式", "适用对象类别", "专业类别", "抽查频次",
];
// prettier-ignore
const TARGET_HEADER = [
  "序号", "统一社会信用代码", "名称", "对象类别", "行业标签", "所属区域", "地址", "负责人", "联系电话", "信用风险等级", "投诉举报次数", "严重违法记录", "本年度上级已抽检",
  "最近检查日期", "最近检查人员", "经营状态",
];
// prettier-ignore
const INSPECTOR_HEADER = [
  "序号", "执法证号", "姓名", "部门", "科室", "职务", "专业类别", "执法领域", "人员类型", "在岗状态", "所属区域", "回避对象", "备注",
];
const HOLIDAY_HEADER = ["日期", "类型", "备注"];
const UNIT_HEADER = ["部门", "单位全称", "联系人", "联系电话", "地址", "负责人"];

/** 单位信息 of the sample's departments (names, phones and addresses made up for the sample). */
export const SAMPLE_UNITS: Cell[][] = [
  [WJ, "石家庄市新华区卫生健康局", "王晓燕", "0311-87652301", "石家庄市新华区合作路68号", "刘建国"],
  [YB, "石家庄市新华区医疗保障局", "张立新", "0311-87652516", "石家庄市新华区友谊北大街168号", "赵文华"],
];

/** Display width in Excel's character units: a CJK character is two. */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

/** Points for a row of wrapped cells: 15 a line, the tallest cell deciding. */
function rowHeight(row: Cell[], widths: number[]): number {
  const lines = row.map((v, i) => (typeof v === "string" ? Math.ceil(textWidth(v) / Math.max(1, widths[i] - 1)) : 1));
  return 15 * Math.max(1, ...lines) + 3;
}

const yes = (b: boolean) => (b ? "是" : "否");
const list = (xs: string[]) => xs.join("、");

/** Where the sample keeps real Excel dates and percentages (the spec itself holds text). */
export const SAMPLE_DATE_COLUMNS: { sheet: string; header: string }[] = [
  { sheet: "抽查任务", header: "开始日期" },
  { sheet: "抽查任务", header: "结束日期" },
  { sheet: "检查对象名录库", header: "最近检查日期" },
];
// prettier-ignore
export const SAMPLE_PERCENT_COLUMNS: { sheet: string; header: string }[] = [
  "A类比例", "B类比例", "C类比例", "D类比例", "重点对象比例", "最低抽查比例",
].map((header) => ({ sheet: "抽查任务", header }));

export interface SampleData {
  targets: TargetRow[];
  inspectors: InspectorRow[];
  items: CheckpointRow[];
}

/** The registries of the sample, from the fixed seed. */
export function buildSampleData(): SampleData {
  const rng = seedrandom(SEED);
  const targets = makeTargets(rng);
  const inspectors = makeInspectors(rng, targets);
  addLastInspections(rng, targets, inspectors);
  return { targets, inspectors, items: makeItems() };
}

/**
 * The sample's sheets, in order: 抽查任务, 抽查事项清单, 检查对象名录库, 执法检查人员名录库, 节假日,
 * 单位信息.
 * Dates are text 'YYYY-MM-DD' and percentages text here; the file holds them as Excel values.
 */
export function buildSampleSheets(data: SampleData = buildSampleData()): SheetSpec[] {
  const { targets, inspectors, items } = data;
  const itemIds = [...new Set(items.map((i) => i.itemId))];
  const task: Cell[] = [
    "XH-2026-03",
    "新华区2026年第三次跨部门联合抽查",
    WJ,
    list([WJ, YB]),
    list(itemIds),
    list(["医疗机构", "诊所", "医疗美容机构"]),
    "按风险等级比例",
    "3%",
    "5%",
    "10%",
    "20%",
    null,
    null,
    null,
    null,
    "20%",
    "3%",
    2,
    "是",
    "是",
    180,
    2,
    "否",
    "2026-03-30",
    "2026-06-30",
  ];
  const taskSheet = sheet(
    "抽查任务",
    TASK_HEADER,
    [task],
    [12, 34, 14, 28, 62, 30, 16, 8, 8, 8, 8, 8, 8, 8, 8, 12, 12, 14, 16, 14, 12, 10, 12, 12, 12],
    {},
    {
      抽取方式: ["按风险等级比例", "按数量", "按规模分段"],
      回避上次检查人员: ["是", "否"],
      排除上级已抽检: ["是", "否"],
      异地交叉检查: ["是", "否"],
    },
  );

  const itemSheet = sheet(
    "抽查事项清单",
    ITEM_HEADER,
    items.map((i) => [
      i.itemId,
      i.department,
      i.item,
      i.checkpoint,
      i.basis,
      i.method,
      list(i.categories),
      i.specialty,
      i.frequency,
    ]),
    [10, 14, 36, 40, 44, 16, 16, 14, 14],
  );
  itemSheet.styles!.push({ range: `A2:I${items.length + 1}`, style: { wrap: true } });
  // wrapped text does not grow its row when the file is opened: give each row its height
  (itemSheet as SheetSpec & { rowHeights: number[] }).rowHeights = [
    30,
    ...itemSheet.rows.slice(1).map((row) => rowHeight(row, itemSheet.columnWidths!)),
  ];

  const targetSheet = sheet(
    "检查对象名录库",
    TARGET_HEADER,
    targets.map((t, i) => [
      i + 1,
      t.uscc,
      t.name,
      t.category,
      list(t.tags),
      t.area,
      t.address,
      t.legalRep,
      t.phone,
      t.grade,
      t.complaints,
      yes(t.violations),
      yes(t.upperSampled),
      t.lastInspected,
      t.lastInspectors.length ? list(t.lastInspectors) : null,
      t.status,
    ]),
    [6, 21, 34, 13, 24, 12, 40, 9, 14, 8, 8, 8, 10, 12, 26, 9],
    {},
    {
      对象类别: ["医疗机构", "诊所", "医疗美容机构"],
      信用风险等级: ["A", "B", "C", "D"],
      严重违法记录: ["是", "否"],
      本年度上级已抽检: ["是", "否"],
      经营状态: ["在营", "停业", "注销"],
    },
  );

  const inspectorSheet = sheet(
    "执法检查人员名录库",
    INSPECTOR_HEADER,
    inspectors.map((p, i) => [
      i + 1,
      p.id,
      p.name,
      p.department,
      p.section,
      p.title,
      list(p.specialties),
      list(p.fields),
      p.role,
      p.status,
      p.area,
      p.recusals.length ? list(p.recusals) : null,
      p.note || null,
    ]),
    [6, 14, 9, 14, 18, 13, 22, 18, 9, 9, 12, 42, 26],
    { table: { name: "执法检查人员", range: `A1:M${inspectors.length + 1}` } },
    { 人员类型: ["执法人员", "专家"], 在岗状态: ["在岗", "不在岗"] },
  );

  const holidaySheet = sheet(
    "节假日",
    HOLIDAY_HEADER,
    [
      ["2026-01-04", "工作日", "元旦调休上班"],
      ["2026-02-14", "工作日", "春节调休上班"],
      ["2026-02-28", "工作日", "春节调休上班"],
      ["2026-05-09", "工作日", "劳动节调休上班"],
      ["2026-09-20", "工作日", "国庆节调休上班"],
      ["2026-10-10", "工作日", "国庆节调休上班"],
    ],
    [12, 10, 20],
    {},
    { 类型: ["休息日", "工作日"] },
  );

  const unitSheet = sheet("单位信息", UNIT_HEADER, SAMPLE_UNITS, [14, 28, 10, 15, 32, 10]);
  return [taskSheet, itemSheet, targetSheet, inspectorSheet, holidaySheet, unitSheet];
}

/** The sample as a workbook: the sheets rendered into an ExcelJS workbook, then dates and
 *  percentages turned into real Excel values, as a clerk's workbook holds them. */
export async function buildSampleWorkbook(): Promise<XlsxWorkbook> {
  const sheets = buildSampleSheets();
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) await renderSheet(wb.addWorksheet(spec.name), spec);
  wb.creator = "石家庄市新华区卫生健康局";
  wb.lastModifiedBy = "石家庄市新华区卫生健康局";
  wb.created = DOC_TIME;
  wb.modified = DOC_TIME;
  const convert = (targets: { sheet: string; header: string }[], numFmt: string, to: (s: string) => Date | number) => {
    for (const { sheet: name, header } of targets) {
      const spec = sheets.find((s) => s.name === name)!;
      const c = (spec.rows[0] as string[]).indexOf(header) + 1;
      const ws = wb.getWorksheet(name)!;
      for (let r = 2; r <= spec.rows.length; r++) {
        const target = ws.findCell(r, c);
        if (!target || typeof target.value !== "string") continue;
        const style = JSON.parse(JSON.stringify(target.style)) as typeof target.style;
        target.value = to(target.value);
        target.style = { ...style, numFmt };
      }
    }
  };
  convert(SAMPLE_DATE_COLUMNS, "yyyy-mm-dd", (s) => new Date(`${s}T00:00:00Z`));
  convert(SAMPLE_PERCENT_COLUMNS, "0%", (s) => Number(s.replace("%", "")) / 100);
  return XlsxWorkbook.ofModel(wb);
}

/** The sample's bytes, with fixed dates in the zip so that each run gives the same file. */
export async function sampleBytes(): Promise<Uint8Array> {
  const book = await buildSampleWorkbook();
  const zip = await JSZip.loadAsync(await book.toBuffer());
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    fixed.file(name, await entry.async("uint8array"), { date: DOC_TIME, createFolders: false });
  }
  return fixed.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Counts for the report: targets per category and grade, and per department the inspectors. */
export function sampleSummary(data: SampleData = buildSampleData()) {
  const byCategory: Record<string, Record<string, number>> = {};
  for (const t of data.targets) {
    const c = (byCategory[t.category] ??= { A: 0, B: 0, C: 0, D: 0, total: 0 });
    c[t.grade]++;
    c.total++;
  }
  return {
    targets: data.targets.length,
    byCategory,
    complaints: data.targets.filter((t) => t.complaints > 0).length,
    violations: data.targets.filter((t) => t.violations).length,
    suspended: data.targets.filter((t) => t.status === "停业").length,
    deregistered: data.targets.filter((t) => t.status === "注销").length,
    upperSampled: data.targets.filter((t) => t.upperSampled).length,
    lastInspected: data.targets.filter((t) => t.lastInspected).length,
    inspectors: Object.fromEntries([WJ, YB].map((d) => [d, data.inspectors.filter((i) => i.department === d).length])),
    checkpoints: data.items.length,
  };
}

async function main(): Promise<void> {
  writeFileSync(SAMPLE_PATH, await sampleBytes());
  console.log(`wrote ${SAMPLE_PATH}`);
  console.log(JSON.stringify(sampleSummary(), null, 2));
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
