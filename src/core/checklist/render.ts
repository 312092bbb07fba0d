// The printed 一企一表: every form of a draw on one protected sheet, one A4 portrait page each.
// Six columns sized for A4 portrait (~90 characters at font 10): the checkpoint table uses all six;
// header lines are 'label：value' texts merged across columns, so the table keeps its width.
// Only what inspectors fill in is unlocked: each result and remark cell, and the conclusion.
import type { CellStyle, SheetSpec } from "../sheet";
import { CHECK_RESULTS, type ChecklistForm, type FormInspector } from "./form";
import { FORM_TITLE, GAP, LABELS, SHEET_TITLE, chineseNumber } from "./labels";
import { lineCount, rowHeight } from "./row-height";

type Cell = string | number | null;

/** A 序号, B 检查要点, C 抽查依据, D 检查方式, E 检查结果, F 备注; widths in characters. */
export const CHECKLIST_COLUMN_WIDTHS = [4, 35, 25, 9, 8, 9];
const COLUMNS = "ABCDEF";

/**
 * The sheet spec plus a height in points for every row (index 0 = row 1), which SheetSpec cannot
 * yet carry: wrapped text does not grow its row when the file is opened, so it must be set.
 */
export interface ChecklistSheetSpec extends SheetSpec {
  rowHeights: number[];
}

const BODY: CellStyle = { fontSize: 10, border: true, wrap: true, vertical: "middle", horizontal: "left" };
const CENTER: CellStyle = { ...BODY, horizontal: "center" };
const STYLES = {
  sheetHeader: { fontSize: 10, fontColor: "595959", horizontal: "left", vertical: "middle" } as CellStyle,
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" } as CellStyle,
  number: { fontSize: 10, horizontal: "right", vertical: "middle" } as CellStyle,
  label: { ...CENTER, bold: true, fill: "F2F2F2" } as CellStyle,
  tableHeader: { ...CENTER, bold: true, fill: "D9E1F2" } as CellStyle,
  department: { ...BODY, bold: true, fontSize: 11, fill: "DDEBF7" } as CellStyle,
  item: { ...BODY, bold: true, fill: "F2F2F2" } as CellStyle,
  box: { ...BODY, vertical: "top" } as CellStyle,
  note: { fontSize: 10, horizontal: "left", vertical: "middle", wrap: true } as CellStyle,
};

const SIGNATURE_BLANK = "＿＿＿＿＿＿＿";
/** rows given to the hand-written 检查结论 */
const CONCLUSION_ROWS = 3;
const CONCLUSION_ROW_HEIGHT = 18;
/** rows that take a hand signature */
const SIGNATURE_ROW_HEIGHT = 22;

/** One cell or merged span of a row: columns `from`..`to` (0-based, inclusive). */
interface Segment {
  text: Cell;
  from: number;
  to: number;
  style: CellStyle;
}

/**
 * A list of column spans that grows a span down by a row when the row below gets the same span
 * and value, so that the many checkpoint rows cost a few ranges (each one an API call in Excel).
 */
class SpanList<V> {
  private readonly entries: { from: number; to: number; top: number; bottom: number; value: V }[] = [];
  private readonly open = new Map<number, number>();
  add(from: number, to: number, row: number, value: V): void {
    const k = from * 8 + to;
    const i = this.open.get(k);
    const e = i === undefined ? undefined : this.entries[i];
    if (e && e.bottom === row - 1 && e.value === value) e.bottom = row;
    else this.open.set(k, this.entries.push({ from, to, top: row, bottom: row, value }) - 1);
  }
  ranges(): { range: string; value: V }[] {
    return this.entries.map((e) => ({
      range: `${COLUMNS[e.from]}${e.top}:${COLUMNS[e.to]}${e.bottom}`,
      value: e.value,
    }));
  }
}

/** Collects rows with their merges, formats and heights; styled ranges never overlap. */
class SheetBuilder {
  rows: Cell[][] = [];
  heights: number[] = [];
  merges: string[] = [];
  styles = new SpanList<CellStyle>();
  unlocked = new SpanList<true>();
  validations = new SpanList<readonly string[]>();

  /** Adds a row of segments covering some of A:F, returns its 1-based number. */
  place(segments: Segment[], height?: number): number {
    const r = this.rows.length + 1;
    const cells: Cell[] = [null, null, null, null, null, null];
    let lines = 1;
    let font = 10;
    for (const s of segments) {
      cells[s.from] = s.text;
      if (s.from !== s.to) this.merges.push(`${COLUMNS[s.from]}${r}:${COLUMNS[s.to]}${r}`);
      this.styles.add(s.from, s.to, r, s.style);
      const size = s.style.fontSize ?? 10;
      if (typeof s.text === "string" && s.text) {
        let width = 0;
        for (let c = s.from; c <= s.to; c++) width += CHECKLIST_COLUMN_WIDTHS[c];
        const n = lineCount(s.text, width, size);
        if (rowHeight(n, size) > rowHeight(lines, font)) [lines, font] = [n, size];
      } else if (size > font) font = size;
    }
    this.rows.push(cells);
    this.heights.push(height ?? rowHeight(lines, font));
    return r;
  }
  /** One text across A:F. */
  line(text: string, style: CellStyle = BODY): number {
    return this.place([{ text, from: 0, to: 5, style }]);
  }
  /** Two 'label：value' texts, A:B and C:F. */
  pair(l1: string, v1: string, l2: string, v2: string): number {
    return this.place([
      { text: `${l1}：${v1}`, from: 0, to: 1, style: BODY },
      { text: `${l2}：${v2}`, from: 2, to: 5, style: BODY },
    ]);
  }
}

const person = (p: FormInspector) => `${p.name}（${LABELS.idPrefix} ${p.id}）`;

function renderForm(b: SheetBuilder, form: ChecklistForm): void {
  const t = form.target;
  b.place([
    { text: FORM_TITLE, from: 0, to: 4, style: STYLES.title },
    { text: `第 ${form.seq}/${form.total} 份`, from: 5, to: 5, style: STYLES.number },
  ]);
  b.pair(LABELS.task, `${form.taskName}（${form.taskId}）`, LABELS.window, `${form.startDate} 至 ${form.endDate}`);
  b.pair(LABELS.targetName, t.name, LABELS.uscc, t.uscc);
  b.pair(
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
  b.place(headings.map((text, c) => ({ text, from: c, to: c, style: STYLES.tableHeader })));
  let seq = 0;
  form.sections.forEach((section, d) => {
    b.line(`${chineseNumber(d + 1)}、${section.department}`, STYLES.department);
    if (section.items.length === 0) b.line(LABELS.noCheckpoint);
    section.items.forEach((item, i) => {
      b.line(`（${chineseNumber(i + 1)}）${item.item}（事项编号 ${item.itemId}）`, STYLES.item);
      for (const c of item.checkpoints) {
        const r = b.place([
          { text: ++seq, from: 0, to: 0, style: CENTER },
          { text: c.checkpoint, from: 1, to: 1, style: BODY },
          { text: c.basis, from: 2, to: 2, style: BODY },
          { text: c.method, from: 3, to: 3, style: CENTER },
          { text: null, from: 4, to: 4, style: CENTER },
          { text: null, from: 5, to: 5, style: BODY },
        ]);
        b.unlocked.add(4, 5, r, true);
        b.validations.add(4, 4, r, CHECK_RESULTS);
      }
    });
  });

  // 检查结论: a label and a writing box, both CONCLUSION_ROWS rows tall
  const c0 = b.rows.length + 1;
  const c1 = c0 + CONCLUSION_ROWS - 1;
  b.rows.push([LABELS.conclusion, null, null, null, null, null]);
  for (let k = 1; k < CONCLUSION_ROWS; k++) b.rows.push([null, null, null, null, null, null]);
  for (let k = 0; k < CONCLUSION_ROWS; k++) b.heights.push(CONCLUSION_ROW_HEIGHT);
  b.merges.push(`A${c0}:A${c1}`, `B${c0}:F${c1}`);
  for (let r = c0; r <= c1; r++) {
    b.styles.add(0, 0, r, STYLES.label);
    b.styles.add(1, 5, r, STYLES.box);
    b.unlocked.add(1, 5, r, true);
  }

  for (const team of form.teams) {
    if (!team.inspectors.length) continue;
    const names = team.inspectors.map((p) => `${p.name} ${SIGNATURE_BLANK}`).join(GAP + GAP);
    b.place(
      [{ text: `${team.department}${LABELS.inspectorSignature}：${names}`, from: 0, to: 5, style: BODY }],
      SIGNATURE_ROW_HEIGHT,
    );
  }
  b.place(
    [
      {
        text: `${LABELS.targetSignature}${SIGNATURE_BLANK}${SIGNATURE_BLANK}${GAP}${GAP}${LABELS.date}`,
        from: 0,
        to: 5,
        style: BODY,
      },
    ],
    SIGNATURE_ROW_HEIGHT,
  );
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
  const b = new SheetBuilder();
  const top = b.line(forms.length ? checklistSheetHeader(forms[0]) : SHEET_TITLE, STYLES.sheetHeader);
  const rowBreaks: number[] = [];
  forms.forEach((form, i) => {
    renderForm(b, form);
    if (i < forms.length - 1) rowBreaks.push(b.rows.length);
  });
  return {
    name: sheetName,
    rows: b.rows,
    rowHeights: b.heights,
    columnWidths: CHECKLIST_COLUMN_WIDTHS,
    styles: b.styles.ranges().map(({ range, value }) => ({ range, style: value })),
    merges: b.merges,
    protect: true,
    unlocked: b.unlocked.ranges().map(({ range }) => range),
    validations: b.validations.ranges().map(({ range, value }) => ({ range, list: [...value] })),
    page: { orientation: "portrait", fitToWidth: true, printTitleRows: `${top}:${top}`, rowBreaks },
  };
}
