// 抽取过程记录 (the record the operator, the witness and the head sign for the archive, 长安区
// 2024: 签字完整) and 冻结公告 (the page posted before the seed exists, DRP-1 §6): one A4 portrait
// page each, from the draw, the register's facts and the units alone.
import { EXCLUSION_REASONS, STRATA, type Checkpoint, type Stratum, type Unit } from "../model";
import type { CellStyle, SheetSpec } from "../sheet";
import { allocate, strata } from "../draw/allocate";
import { PaperBuilder, type Segment } from "./builder";
import { dateOf, type PaperDraw, type RegisterFacts } from "./facts";
import {
  allocationRule,
  EXCLUSION_TEXT,
  GAP,
  HAND_DATE,
  inspectionKind,
  issuingUnit,
  orBlank,
  parameterLine,
  seedBytes,
} from "./text";

/** A label, B:F values; six columns for A4 portrait (~90 characters at font 10). */
export const RECORD_COLUMN_WIDTHS = [16, 15, 13, 15, 13, 18];
const LAST = RECORD_COLUMN_WIDTHS.length - 1;

export const RECORD_TITLE = "双随机抽查抽取过程记录";
export const FREEZE_TITLE = "双随机抽查抽取冻结公告";
export const PROTOCOL_NOTE =
  "按统一社会信用代码排序后，以“种子|任务编号|targets|抽取层”为键的 seedrandom（ARC4）随机数逐层部分洗牌抽取；检查人员以“种子|任务编号|inspectors”为键按负荷最少者随机抽取。同一输入与种子，任何人任何时间复算结果相同。";

export const BODY: CellStyle = { fontSize: 10, border: true, wrap: true, vertical: "top", horizontal: "left" };
export const ON_BODY = {
  label: { bold: true, fill: "F2F2F2" } as CellStyle,
  head: { bold: true, fill: "F2F2F2", horizontal: "center" } as CellStyle,
  section: { bold: true, fontSize: 11, fill: "DDEBF7" } as CellStyle,
  number: { horizontal: "right" } as CellStyle,
  center: { horizontal: "center" } as CellStyle,
  warning: { bold: true, fontColor: "C00000" } as CellStyle,
};
export const OFF_BODY = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" } as CellStyle,
  subtitle: { fontSize: 11, horizontal: "center", vertical: "middle", wrap: true } as CellStyle,
  note: { fontSize: 9, horizontal: "left", vertical: "top", wrap: true, fontColor: "404040" } as CellStyle,
  banner: {
    bold: true,
    fontSize: 12,
    fontColor: "C00000",
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  } as CellStyle,
};

/** Rows that take a hand signature. */
const SIGNATURE_HEIGHT = 30;

/** A label in A and its value over B:F. */
function labelled(b: PaperBuilder, label: string, value: string, style?: CellStyle): void {
  b.place([
    { text: label, from: 0, to: 0, style: ON_BODY.label },
    { text: value, from: 1, to: LAST, style },
  ]);
}

/** Two label/value pairs: A, B:C, D, E:F. */
function twoPairs(b: PaperBuilder, l1: string, v1: string, l2: string, v2: string): void {
  b.place([
    { text: l1, from: 0, to: 0, style: ON_BODY.label },
    { text: v1, from: 1, to: 2 },
    { text: l2, from: 3, to: 3, style: ON_BODY.label },
    { text: v2, from: 4, to: LAST },
  ]);
}

const section = (b: PaperBuilder, title: string) => b.line(title, ON_BODY.section);

/** A table row of cells, one a column (A…F); numbers right-aligned. */
function tableRow(b: PaperBuilder, cells: (string | number)[], style?: CellStyle): void {
  b.place(
    cells.map((text, c): Segment => ({
      text,
      from: c,
      to: c === cells.length - 1 ? LAST : c,
      style: style ?? (typeof text === "number" ? ON_BODY.number : undefined),
    })),
  );
}

/** Names of the task's items, '编号 名称' each, in the task's order. */
function itemText(itemIds: readonly string[], items: readonly Checkpoint[]): string {
  return itemIds
    .map((id) => {
      const c = items.find((i) => i.itemId === id);
      return c ? `${id} ${c.item}` : id;
    })
    .join("；");
}

/** Per stratum: eligible, planned (DRP-1 step 3, known before the seed), drawn and reserves. */
function strataFigures(draw: PaperDraw) {
  const task = draw.snapshot.task;
  const byStratum = strata(task, draw.snapshot.targets);
  const total = draw.snapshot.targets.length;
  return STRATA.filter((s) => byStratum.get(s)!.length > 0 || draw.outcome?.strata.some((x) => x.stratum === s)).map(
    (s: Stratum) => {
      const n = byStratum.get(s)!.length;
      const drawn = draw.outcome?.strata.find((x) => x.stratum === s);
      return {
        stratum: s,
        eligible: drawn?.eligible ?? n,
        planned: allocate(task, s, n, total),
        selected: drawn?.selected ?? null,
        reserves: draw.outcome
          ? draw.outcome.reserves.filter((r) => r.stratum === s).length
          : Math.min(task.reserves, n - allocate(task, s, n, total)),
        rule: allocationRule(task, s, total),
      };
    },
  );
}

/** The task block shared by the record and the announcement. */
function taskBlock(b: PaperBuilder, draw: PaperDraw, items: readonly Checkpoint[]): void {
  const t = draw.snapshot.task;
  section(b, "一、抽查任务");
  twoPairs(b, "任务名称", t.name, "任务编号", t.id);
  twoPairs(b, "检查期间", `${t.startDate} 至 ${t.endDate}`, "检查类型", inspectionKind(t.departments));
  twoPairs(b, "牵头部门", t.leadDepartment, "参与部门", t.departments.join("、"));
  labelled(b, "抽查事项", itemText(t.itemIds, items));
  if (t.categories.length) labelled(b, "对象类别", t.categories.join("、"));
  labelled(b, "抽取参数", parameterLine(t));
}

/** The seed lines: the seed, where it came from, its bytes when it is not plain ASCII. */
function seedBlock(b: PaperBuilder, draw: PaperDraw, facts: RegisterFacts): void {
  const r = draw.record;
  const rule = facts.freeze?.seedRule || r.seedRule;
  labelled(b, "取种规则", rule || (r.frozen ? "—" : "未先冻结：抽取时当场确定种子"));
  if (r.seed === null) {
    labelled(b, "随机种子", facts.freeze?.seedDue ? `待取得（${facts.freeze.seedDue}）` : "待取得（按取种规则）");
    return;
  }
  const source = r.seedSource === "generated" ? "由密码学安全随机源生成（128 位）" : "人工录入";
  twoPairs(b, "随机种子", r.seed, "种子来源", source);
  const bytes = seedBytes(r.seed);
  if (bytes) labelled(b, "种子 UTF-8 字节", bytes);
}

/** The exclusion counts across: a header row and a row of figures. */
function exclusionsBlock(b: PaperBuilder, draw: PaperDraw): void {
  tableRow(b, ["排除原因", ...EXCLUSION_REASONS.map((x) => EXCLUSION_TEXT[x])], ON_BODY.head);
  tableRow(b, ["排除户数", ...EXCLUSION_REASONS.map((x) => draw.snapshot.excluded[x])]);
  const s = draw.snapshot;
  labelled(b, "对象范围", `名录库 ${s.registrySize} 户；任务范围内 ${s.inScope} 户；排除后可抽 ${s.targets.length} 户`);
}

/** Inspectors of the snapshot per department: the frame of DRP-1 step 5. */
function inspectorFrame(draw: PaperDraw): string {
  const s = draw.snapshot;
  return s.task.departments
    .map((d) => {
      const all = s.inspectors.filter((i) => i.department === d);
      const usable = all.filter((i) => i.status === "在岗" && i.role === "执法人员").length;
      return `${d} ${usable} 人（名录 ${all.length} 人）`;
    })
    .join("；");
}

function signatureRow(b: PaperBuilder, role: string, name: string): void {
  b.place(
    [
      { text: role, from: 0, to: 0, style: ON_BODY.label },
      { text: orBlank(name), from: 1, to: 1 },
      { text: "签字", from: 2, to: 2, style: ON_BODY.head },
      { text: null, from: 3, to: 3 },
      { text: "日期", from: 4, to: 4, style: ON_BODY.head },
      { text: HAND_DATE, from: 5, to: 5 },
    ],
    SIGNATURE_HEIGHT,
  );
}

export interface RecordInput {
  draw: PaperDraw;
  facts: RegisterFacts;
  units: readonly Unit[];
  /** the item list, for the items' names (ids alone without it) */
  items?: readonly Checkpoint[];
}

/**
 * 抽取过程记录 of one draw, a freeze or a voided draw: what was drawn (counts per stratum, the
 * exclusions), how (protocol, seed and its rule, the seed's bytes, digest, chain head), the events,
 * and the lines where the operator, the witness and the head sign, with the date.
 */
export function renderDrawRecord(input: RecordInput, sheetName: string): SheetSpec {
  const { draw, facts, units, items = [] } = input;
  const r = draw.record;
  const t = draw.snapshot.task;
  const unit = issuingUnit(t, units);
  const b = new PaperBuilder(RECORD_COLUMN_WIDTHS);
  const state = r.status === "作废" ? "（已作废）" : draw.outcome === null ? "（已冻结，待取种）" : "";
  b.line(`${RECORD_TITLE}${state}`, OFF_BODY.title, 30);
  b.line(`${unit.authority}${GAP}${t.name}（${t.id}）`, OFF_BODY.subtitle);
  if (facts.void)
    b.line(
      `本次抽取已于 ${facts.void.time || "—"} 作废${facts.void.person ? `（作废人：${facts.void.person}）` : ""}，原因：${facts.void.reason || "—"}。其结果不得作为检查依据。`,
      OFF_BODY.banner,
    );

  b.beginBase(BODY);
  taskBlock(b, draw, items);

  section(b, "二、抽取方法与可核验信息");
  labelled(b, "抽取协议", `${r.protocol}：${PROTOCOL_NOTE}`);
  seedBlock(b, draw, facts);
  labelled(b, "输入摘要（SHA-256）", r.digest);
  labelled(b, "日志链头", facts.chainHead || "—（本工作簿的抽取记录尚无链式校验）");
  twoPairs(b, "抽取日期", r.date, "先冻结后取种", r.frozen ? "是" : "否（冻结与抽取同时完成）");
  if (facts.freeze) twoPairs(b, "冻结时间", facts.freeze.time || "—", "冻结操作人", facts.freeze.operator || "—");
  if (facts.draw)
    twoPairs(
      b,
      "抽取时间",
      facts.draw.time,
      "操作人 / 见证人",
      `${facts.draw.operator || "—"} / ${facts.draw.witness || "—"}`,
    );
  twoPairs(b, "抽取结果表", r.sheet || "—", "抽取快照表", r.snapshotSheet);
  labelled(b, "检查人员范围", inspectorFrame(draw));

  section(b, "三、抽取结果");
  const figures = strataFigures(draw);
  tableRow(b, ["抽取层", "可抽对象数", draw.outcome ? "抽取数" : "拟抽数", "备选数", "分配规则"], ON_BODY.head);
  for (const f of figures) tableRow(b, [f.stratum, f.eligible, f.selected ?? f.planned, f.reserves, f.rule]);
  const sum = (k: "eligible" | "planned" | "reserves") => figures.reduce((n, f) => n + f[k], 0);
  const selected = draw.outcome ? draw.outcome.selected.length : sum("planned");
  tableRow(b, ["合计", sum("eligible"), selected, draw.outcome ? draw.outcome.reserves.length : sum("reserves"), ""]);
  exclusionsBlock(b, draw);
  if (r.warnings.length) labelled(b, "警告", r.warnings.join("\n"), ON_BODY.warning);

  if (facts.substitutions.length) {
    section(b, "四、替补记录");
    const names = new Map(draw.snapshot.targets.map((x) => [x.uscc, x.name]));
    const who = (uscc: string) => (names.get(uscc) ? `${names.get(uscc)}（${uscc}）` : uscc);
    for (const s of facts.substitutions)
      labelled(
        b,
        `替补 ${s.n}`,
        `${who(s.replaced)} 由 ${who(s.substitute)} 替补（${s.stratum} 层第 ${s.rank} 备选）；原因：${s.reason}；${s.time}${s.operator ? `，操作人 ${s.operator}` : ""}`,
      );
  }

  section(b, `${facts.substitutions.length ? "五" : "四"}、签字确认`);
  b.line("以上抽取过程在见证人监督下进行，记录属实。");
  signatureRow(b, "操作人", facts.draw?.operator || facts.freeze?.operator || r.operator);
  signatureRow(b, "见证人", facts.draw?.witness || r.witness);
  signatureRow(b, "负责人", unit.head);
  b.endBase();
  b.line(
    "核验方法：以抽取快照表重算输入摘要应与上列一致；以同一种子按 DRP-1 复算抽取，结果应与抽取结果表逐格一致（shuangsuiji verify）。",
    OFF_BODY.note,
  );
  return b.spec(sheetName, { orientation: "portrait" }, { protect: true });
}

/**
 * 冻结公告: posted when the candidates are frozen and before the seed exists: the task, the frame
 * per stratum with the numbers to be drawn, the exclusions, the digest and chain head to check
 * the frame against later, and the rule by which (and when) the seed will be obtained.
 */
export function renderFreezeNotice(input: RecordInput & { date?: string }, sheetName: string): SheetSpec {
  const { draw, facts, units, items = [] } = input;
  const r = draw.record;
  const t = draw.snapshot.task;
  const unit = issuingUnit(t, units);
  const b = new PaperBuilder(RECORD_COLUMN_WIDTHS);
  b.line(FREEZE_TITLE, OFF_BODY.title, 30);
  b.line(`${unit.authority}${GAP}${t.name}（${t.id}）`, OFF_BODY.subtitle);
  const frozenAt = facts.freeze?.time || r.timestamp;
  b.line(
    `本次抽查的检查对象和检查人员范围已于 ${frozenAt} 冻结，现予公告。随机种子在冻结之后按下列规则取得，任何人不能在看到种子前改变范围，也不能在看到范围后选择种子。`,
    OFF_BODY.subtitle,
  );
  b.beginBase(BODY);
  taskBlock(b, draw, items);
  section(b, "二、冻结的抽取范围");
  tableRow(b, ["抽取层", "可抽对象数", "拟抽数", "备选数", "分配规则"], ON_BODY.head);
  const figures = strataFigures({ ...draw, outcome: null });
  for (const f of figures) tableRow(b, [f.stratum, f.eligible, f.planned, f.reserves, f.rule]);
  const sum = (k: "eligible" | "planned" | "reserves") => figures.reduce((n, f) => n + f[k], 0);
  tableRow(b, ["合计", sum("eligible"), sum("planned"), sum("reserves"), ""]);
  exclusionsBlock(b, draw);
  labelled(b, "检查人员范围", inspectorFrame(draw));
  section(b, "三、随机种子与核验");
  labelled(b, "取种规则", facts.freeze?.seedRule || r.seedRule || "—");
  labelled(b, "种子公布时间", facts.freeze?.seedDue || "按取种规则，种子取得后即时公布");
  labelled(b, "抽取协议", `${r.protocol}：${PROTOCOL_NOTE}`);
  labelled(b, "输入摘要（SHA-256）", r.digest);
  labelled(b, "日志链头", facts.chainHead || "—（本工作簿的抽取记录尚无链式校验）");
  twoPairs(b, "冻结快照表", r.snapshotSheet, "计划抽取日期", r.date);
  b.endBase();
  b.line(
    "核验方法：抽取后，以公布的种子和抽取快照表按 DRP-1 复算，抽取快照的输入摘要应与本公告一致，抽取结果应与公布的名单一致。",
    OFF_BODY.note,
  );
  b.gap(12);
  b.line(`${unit.authority}（盖章）`, { ...OFF_BODY.subtitle, horizontal: "right" });
  b.line(`公告日期：${input.date ?? (dateOf(frozenAt) || HAND_DATE)}`, { ...OFF_BODY.subtitle, horizontal: "right" });
  return b.spec(sheetName, { orientation: "portrait" }, { protect: true });
}
