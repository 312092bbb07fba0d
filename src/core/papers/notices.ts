// 检查通知书: the notice the joint team's leader sends each drawn target before the visit
// (新华区 2026: 现场检查前，联合检查组组长应通知被检查对象…告知检查内容及需要配合的事宜), one
// A4 page each, like the 一企一表; and 比对确认单: the list each department checks and signs
// within two working days of the draw (各单位管理员在两个工作日内完成比对和确认).
import type { Checkpoint, DrawOutcome, Inspector, IsoDate, Unit } from "../model";
import type { SheetSpec } from "../sheet";
import type { Calendar } from "../calendar";
import { sectionsFor } from "../checklist/build";
import { PaperBuilder } from "./builder";
import { BODY, OFF_BODY, ON_BODY } from "./draw-record";
import type { PaperDraw } from "./facts";
import { GAP, HAND_DATE, inspectionKind, issuingUnit, orBlank, unitOf } from "./text";

export const NOTICE_TITLE = "检查通知书";
export const CONFIRMATION_TITLE = "抽查名单比对确认单";
/** Working days after the draw date within which each department confirms its list. */
export const CONFIRM_DAYS = 2;
/** 比对结果 choices. */
export const CONFIRM_CHOICES = ["无误", "有误"] as const;

/** A 部门, B 姓名, C 执法证号, D 职务/科室, E:F 备注 in the team table; A label, B:F text elsewhere. */
export const NOTICE_COLUMN_WIDTHS = [16, 14, 16, 16, 12, 16];
const LAST = NOTICE_COLUMN_WIDTHS.length - 1;

export interface NoticeInput {
  /** a drawn draw: its outcome as it now stands (substitutes in their places) */
  draw: PaperDraw & { outcome: DrawOutcome };
  items: readonly Checkpoint[];
  units: readonly Unit[];
  /** the date printed under the signature; a blank to fill in by hand when absent */
  date?: IsoDate;
}

const person = (i: Inspector | undefined, id: string) => `${i?.name ?? ""}（执法证号 ${id}）`;

/**
 * 检查通知书 of every drawn target, in DRP-1 order, one page each (a page break after each but the
 * last): the issuing authority, the target, the items that apply to its category per department,
 * the team with names, 执法证号 and titles, the leader, the window, the contact, and a receipt.
 */
export function renderNotices(input: NoticeInput, sheetName: string): SheetSpec {
  const { draw, items, units } = input;
  const task = draw.snapshot.task;
  const unit = issuingUnit(task, units);
  const targets = new Map(draw.snapshot.targets.map((t) => [t.uscc, t]));
  const inspectors = new Map(draw.snapshot.inspectors.map((i) => [i.id, i]));
  const authorities = [...new Set(task.departments.map((d) => unitOf(d, units).authority))];
  const b = new PaperBuilder(NOTICE_COLUMN_WIDTHS);
  const total = draw.outcome.selected.length;

  draw.outcome.selected.forEach((s, k) => {
    const t = targets.get(s.uscc);
    const leader = inspectors.get(s.leader);
    b.line(NOTICE_TITLE, OFF_BODY.title, 32);
    b.line(`${unit.authority}${GAP}${task.id} 第 ${s.seq}/${total} 号`, OFF_BODY.subtitle);
    b.line(`${t?.name ?? s.uscc}（统一社会信用代码：${s.uscc}）：`, {
      ...OFF_BODY.subtitle,
      horizontal: "left",
      bold: true,
    });
    b.line(
      `根据《${task.name}》（任务编号 ${task.id}）的安排，经“双随机”抽取，你单位被确定为本次${inspectionKind(task.departments)}的检查对象。由${authorities.join("、")}组成的联合检查组定于 ${task.startDate} 至 ${task.endDate} 期间对你单位进行现场检查（进一次门、查多项事），现将有关事项通知如下：`,
      { ...OFF_BODY.subtitle, horizontal: "left" },
    );

    b.beginBase(BODY);
    b.line("一、检查事项", ON_BODY.section);
    for (const sec of sectionsFor(task, [...items], t?.category ?? "")) {
      const names = sec.items.map((i) => `${i.item}（${i.itemId}）`).join("；");
      b.place([
        { text: sec.department, from: 0, to: 0, style: ON_BODY.label },
        { text: names || "本部门抽查事项中无适用于该类别对象的检查内容", from: 1, to: LAST },
      ]);
    }
    b.line("二、检查组成员", ON_BODY.section);
    b.place(
      ["部门", "姓名", "执法证号", "职务 / 科室", "分工"].map((text, c) => ({
        text,
        from: c,
        to: c === 4 ? LAST : c,
        style: ON_BODY.head,
      })),
    );
    for (const team of s.teams)
      for (const id of team.inspectors) {
        const i = inspectors.get(id);
        b.place([
          { text: team.department, from: 0, to: 0 },
          { text: i?.name ?? "", from: 1, to: 1 },
          { text: id, from: 2, to: 2 },
          { text: [i?.title, i?.section].filter(Boolean).join(" / "), from: 3, to: 3 },
          { text: id === s.leader ? "检查组组长" : "检查人员", from: 4, to: LAST },
        ]);
      }
    b.line("三、请你单位配合的事项", ON_BODY.section);
    b.line(
      "1. 检查时由法定代表人（负责人）或其授权人员在场，如实提供有关资料、回答询问；\n2. 提前准备与上述检查事项有关的证照、制度、台账、记录等资料；\n3. 检查人员将出示执法证件；认为检查人员与你单位有利害关系、需要回避的，可在检查前提出；\n4. 检查结束后，请在“一企一表”上签字或盖章确认。",
    );
    b.line("四、联系方式", ON_BODY.section);
    b.place([
      { text: "检查组组长", from: 0, to: 0, style: ON_BODY.label },
      { text: `${person(leader, s.leader)}${GAP}${leader?.department ?? ""}`, from: 1, to: LAST },
    ]);
    b.place([
      { text: "联系人", from: 0, to: 0, style: ON_BODY.label },
      { text: orBlank(unit.contact), from: 1, to: 2 },
      { text: "联系电话", from: 3, to: 3, style: ON_BODY.label },
      { text: orBlank(unit.phone), from: 4, to: LAST },
    ]);
    b.place([
      { text: "单位地址", from: 0, to: 0, style: ON_BODY.label },
      { text: orBlank(unit.address), from: 1, to: LAST },
    ]);
    b.endBase();
    b.gap(10);
    b.line(`${unit.authority}（盖章）`, { ...OFF_BODY.subtitle, horizontal: "right" });
    b.line(input.date ? `${input.date}` : HAND_DATE, { ...OFF_BODY.subtitle, horizontal: "right" });
    b.line(`${"-".repeat(30)} 送达回执 ${"-".repeat(30)}`, { ...OFF_BODY.note, horizontal: "center" });
    b.beginBase(BODY);
    b.place(
      [
        { text: "签收人", from: 0, to: 0, style: ON_BODY.label },
        { text: null, from: 1, to: 2 },
        { text: "签收日期", from: 3, to: 3, style: ON_BODY.label },
        { text: HAND_DATE, from: 4, to: LAST },
      ],
      28,
    );
    b.line("送达方式：□ 当面送达　□ 电话通知（通知时间：＿＿＿＿＿＿，接听人：＿＿＿＿）　□ 其他：＿＿＿＿");
    b.endBase();
    if (k < total - 1) b.pageBreak();
  });
  if (total === 0) b.line(`${NOTICE_TITLE}：本次抽取没有抽中检查对象。`, OFF_BODY.subtitle);
  return b.spec(sheetName, { orientation: "portrait" }, { protect: true });
}

/** 比对确认期限: the CONFIRM_DAYS-th working day after the draw date, and whether it is 暂定. */
export function confirmationDeadline(drawDate: IsoDate, calendar: Calendar): { date: IsoDate; provisional: boolean } {
  const d = calendar.addWorkingDays(drawDate, CONFIRM_DAYS);
  return { date: d.date, provisional: d.provisional };
}

/** A 序号, B 检查对象, C 类别/等级, D 本部门检查人员, E 比对结果, F 说明. */
export const CONFIRMATION_COLUMN_WIDTHS = [6, 28, 14, 22, 8, 16];

export interface ConfirmationInput {
  draw: PaperDraw & { outcome: DrawOutcome };
  units: readonly Unit[];
  calendar: Calendar;
}

/**
 * 比对确认单: per department of the task (in 参与部门 order), the drawn targets with that
 * department's inspectors, a 比对结果 (无误 / 有误) and a note to fill in, the deadline two working
 * days after the draw on the working-day calendar, and the lines where the confirmer and the head
 * sign. Each department starts a page.
 */
export function renderConfirmations(input: ConfirmationInput, sheetName: string): SheetSpec {
  const { draw, units, calendar } = input;
  const task = draw.snapshot.task;
  const r = draw.record;
  const targets = new Map(draw.snapshot.targets.map((t) => [t.uscc, t]));
  const inspectors = new Map(draw.snapshot.inspectors.map((i) => [i.id, i]));
  const deadline = confirmationDeadline(r.date, calendar);
  const due = `${deadline.date}${deadline.provisional ? "（暂定：该年节假日安排未录入）" : ""}`;
  const b = new PaperBuilder(CONFIRMATION_COLUMN_WIDTHS);
  const last = CONFIRMATION_COLUMN_WIDTHS.length - 1;

  task.departments.forEach((department, k) => {
    const unit = unitOf(department, units);
    b.line(CONFIRMATION_TITLE, OFF_BODY.title, 30);
    b.line(`${unit.authority}${GAP}${task.name}（${task.id}）`, OFF_BODY.subtitle);
    b.beginBase(BODY);
    b.place([
      { text: "抽取日期", from: 0, to: 1, style: ON_BODY.label },
      { text: r.date, from: 2, to: 2 },
      { text: "抽取结果表", from: 3, to: 3, style: ON_BODY.label },
      { text: r.sheet, from: 4, to: last },
    ]);
    b.place([
      { text: "确认期限", from: 0, to: 1, style: ON_BODY.label },
      {
        text: `${due} 前（抽取之日后第 ${CONFIRM_DAYS} 个工作日）`,
        from: 2,
        to: last,
        style: ON_BODY.warning,
      },
    ]);
    b.line(
      "请逐户比对：是否属本单位监管范围，名称与统一社会信用代码是否准确，是否仍在营，本部门检查人员是否需要回避。有误的在“比对结果”选“有误”并在“说明”中写明；需替补的，按替补程序办理。",
    );
    b.place(
      ["序号", "检查对象名称 / 统一社会信用代码", "对象类别 / 风险等级", "本部门检查人员", "比对结果", "说明"].map(
        (text, c) => ({ text, from: c, to: c, style: ON_BODY.head }),
      ),
    );
    for (const s of draw.outcome.selected) {
      const t = targets.get(s.uscc);
      const ids = s.teams.find((x) => x.department === department)?.inspectors ?? [];
      b.place([
        { text: s.seq, from: 0, to: 0, style: ON_BODY.center },
        { text: `${t?.name ?? ""}\n${s.uscc}`, from: 1, to: 1 },
        { text: `${t?.category ?? ""} / ${t?.riskGrade ?? ""}`, from: 2, to: 2 },
        { text: ids.map((id) => person(inspectors.get(id), id)).join("\n"), from: 3, to: 3 },
        { text: null, from: 4, to: 4, style: ON_BODY.center, unlocked: true, list: CONFIRM_CHOICES },
        { text: null, from: 5, to: 5, unlocked: true },
      ]);
    }
    b.line(`合计 ${draw.outcome.selected.length} 户。`);
    for (const [role, name] of [
      ["确认人", ""],
      ["负责人", unit.head],
    ] as const)
      b.place(
        [
          { text: role, from: 0, to: 0, style: ON_BODY.label },
          { text: `${orBlank(name)}${GAP}签字：`, from: 1, to: 1 },
          { text: null, from: 2, to: 3 },
          { text: "日期", from: 4, to: 4, style: ON_BODY.head },
          { text: HAND_DATE, from: 5, to: last },
        ],
        30,
      );
    b.endBase();
    if (k < task.departments.length - 1) b.pageBreak();
  });
  return b.spec(sheetName, { orientation: "portrait" }, { protect: true });
}
