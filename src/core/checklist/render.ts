// The printed 一企一表: every form of a draw on one protected sheet, one A4 portrait page each.
// Six columns sized for A4 portrait (~90 characters at font 10): the checkpoint table uses all six;
// header lines are 'label：value' texts merged across columns, so the table keeps its width.
// Only what inspectors fill in is unlocked: each result and remark cell, and the conclusion.
// The bordered body of each form is one base style; its cells carry only what differs from it,
// so 5,000 forms cost a few dozen distinct styles and few ranges (each one a call in Excel).
import type { CellStyle, SheetSpec } from "../sheet";
import { PaperBuilder } from "../papers/builder";
import { CHECK_RESULTS, type ChecklistForm, type FormInspector } from "./form";
import { FORM_TITLE, GAP, LABELS, SHEET_TITLE, chineseNumber } from "./labels";

/** A 序号, B 检查要点, C 抽查依据, D 检查方式, E 检查结果, F 备注; widths in characters. */
export const CHECKLIST_COLUMN_WIDTHS = [4, 35, 25, 9, 8, 9];

/**
 * The sheet spec with a height in points for every row (index 0 = row 1): wrapped text does not
 * grow its row when the file is opened, so it must be set.
 */
export interface ChecklistSheetSpec extends SheetSpec {
  rowHeights: number[];
}

/** The form's bordered body. */
const BODY: CellStyle = { fontSize: 10, border: true, wrap: true, vertical: "middle", horizontal: "left" };
/** On the body: only what differs from it. */
const ON_BODY = {
  center: { horizontal: "center" } as CellStyle,
  label: { bold: true, fill: "F2F2F2", horizontal: "center" } as CellStyle,
  tableHeader: { bold: true, fill: "D9E1F2", horizontal: "center" } as CellStyle,
  department: { bold: true, fontSize: 11, fill: "DDEBF7" } as CellStyle,
  item: { bold: true, fill: "F2F2F2" } as CellStyle,
  box: { vertical: "top" } as CellStyle,
};
/** Off the body: whole styles. */
const STYLES = {
  sheetHeader: { fontSize: 10, fontColor: "595959", horizontal: "left", vertical: "middle" } as CellStyle,
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" } as CellStyle,
  number: { fontSize: 10, horizontal: "right", vertical: "middle" } as CellStyle,
  note: { fontSize: 10, horizontal: "left", vertical: "middle", wrap: true } as CellStyle,
};

const SIGNATURE_BLANK = "＿＿＿＿＿＿＿";
/** rows given to the hand-written 检查结论 */
const CONCLUSION_ROWS = 3;
const CONCLUSION_ROW_HEIGHT = 18;
/** rows that take a hand signature */
const SIGNATURE_ROW_HEIGHT = 22;

/** Two 'label：value' texts, A:B and C:F. */
function pair(b: PaperBuilder, l1: string, v1: string, l2: string, v2: string): void {
  b.place([
    { text: `${l1}：${v1}`, from: 0, to: 1 },
    { text: `${l2}：${v2}`, from: 2, to: 5 },
  ]);
}

const person = (p: FormInspector) => `${p.name}（${LABELS.idPrefix} ${p.id}）`;

function renderForm(b: PaperBuilder, form: ChecklistForm): void {
  const t = form.target;
  b.place([
    { text: FORM_TITLE, from: 0, to: 4, style: STYLES.title },
    { text: `第 ${form.seq}/${form.total} 份`, from: 5, to: 5, style: STYLES.number },
  ]);
  b.beginBase(BODY);
  pair(b, LABELS.task, `${form.taskName}（${form.taskId}）`, LABELS.window, `${form.startDate} 至 ${form.endDate}`);
  pair(b, LABELS.targetName, t.name, LABELS.uscc, t.uscc);
  pair(
    b,
    LABELS.category,
    `${t.category}${GAP}${LABELS.grade}：${t.grade}`,
    LABELS.legalRep,
    `${t.legalRep}${GAP}${LABELS.phone}：${t.phone}`,
  );
  b.line(`${LABELS.address}：${t.address}`);
  // the leader is marked on the team line; a line of its own only if the leader is on no team
  const onTeam = form.teams.some((team) => team.inspectors.some((p) => p.id === form.leader.id));
  if (!onTeam) b.line(`${LABELS.leader}：${person(form.leader)}，${form.leader.department}`);
  for (const team of form.teams) {
    if (!team.inspectors.length) continue;
    const names = team.inspectors.map((p) =>
      p.id === form.leader.id ? `${p.name}（${LABELS.idPrefix} ${p.id}，${LABELS.leader}）` : person(p),
    );
    b.line(`${team.department}${LABELS.inspectors}：${names.join(GAP)}`);
  }

  const headings = [LABELS.seq, LABELS.checkpoint, LABELS.basis, LABELS.method, LABELS.result, LABELS.remark];
  b.place(headings.map((text, c) => ({ text, from: c, to: c, style: ON_BODY.tableHeader })));
  let seq = 0;
  form.sections.forEach((section, d) => {
    b.line(`${chineseNumber(d + 1)}、${section.department}`, ON_BODY.department);
    if (section.items.length === 0) b.line(LABELS.noCheckpoint);
    section.items.forEach((item, i) => {
      b.line(`（${chineseNumber(i + 1)}）${item.item}（事项编号 ${item.itemId}）`, ON_BODY.item);
      for (const c of item.checkpoints)
        b.place([
          { text: ++seq, from: 0, to: 0, style: ON_BODY.center },
          { text: c.checkpoint, from: 1, to: 1 },
          { text: c.basis, from: 2, to: 2 },
          { text: c.method, from: 3, to: 3, style: ON_BODY.center },
          { text: null, from: 4, to: 4, style: ON_BODY.center, unlocked: true, list: CHECK_RESULTS },
          { text: null, from: 5, to: 5, unlocked: true },
        ]);
    });
  });

  // 检查结论: a label and a writing box, both CONCLUSION_ROWS rows tall
  const c0 = b.last + 1;
  for (let k = 0; k < CONCLUSION_ROWS; k++) b.gap(CONCLUSION_ROW_HEIGHT);
  b.rows[c0 - 1][0] = LABELS.conclusion;
  b.block(0, 0, c0, c0 + CONCLUSION_ROWS - 1, ON_BODY.label);
  b.block(1, 5, c0, c0 + CONCLUSION_ROWS - 1, ON_BODY.box, true);

  for (const team of form.teams) {
    if (!team.inspectors.length) continue;
    const names = team.inspectors.map((p) => `${p.name} ${SIGNATURE_BLANK}`).join(GAP + GAP);
    b.line(`${team.department}${LABELS.inspectorSignature}：${names}`, undefined, SIGNATURE_ROW_HEIGHT);
  }
  b.line(
    `${LABELS.targetSignature}${SIGNATURE_BLANK}${SIGNATURE_BLANK}${GAP}${GAP}${LABELS.date}`,
    undefined,
    SIGNATURE_ROW_HEIGHT,
  );
  b.endBase();
  b.line(LABELS.refusalNote, STYLES.note);
}

/** The sheet-wide line printed atop every page (print title), tying each page to its draw. */
export function checklistSheetHeader(form: ChecklistForm): string {
  return `${SHEET_TITLE}｜${form.taskName}（${form.taskId}）｜抽取结果表 ${form.drawSheet}｜抽取日期 ${form.drawDate}｜摘要 ${form.digest.slice(0, 12)}`;
}

/**
 * Renders the forms of one draw on one sheet: row 1 is the draw's header line (repeated on every
 * printed page), then the forms, a page break after each form but the last.
 */
export function renderChecklistSheet(forms: ChecklistForm[], sheetName: string): ChecklistSheetSpec {
  const b = new PaperBuilder(CHECKLIST_COLUMN_WIDTHS);
  const top = b.line(forms.length ? checklistSheetHeader(forms[0]) : SHEET_TITLE, STYLES.sheetHeader);
  forms.forEach((form, i) => {
    renderForm(b, form);
    if (i < forms.length - 1) b.pageBreak();
  });
  const spec = b.spec(sheetName, { orientation: "portrait", printTitleRows: `${top}:${top}` }, { protect: true });
  return { ...spec, rowHeights: b.heights };
}
