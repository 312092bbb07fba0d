// 抽取结果: the protected sheet of one draw. On top the table a clerk works from (so that only its
// header is frozen), then the reserves, the substitutions and the full record. A voided draw carries
// a red banner and tab. Verify re-renders it from the log and the replay and compares cell by cell,
// so every value here comes from (record, snapshot, current outcome, substitutions) alone.
import { EXCLUSION_REASONS, MODE_LABELS, type DrawOutcome, type DrawRecord, type Snapshot } from "../core/model";
import type { LoggedSubstitution } from "../core/draw/register";
import { SEED_SOURCE_LABELS } from "../core/draw/register";
import { EXTERNAL_PROTOCOL } from "../core/draw/external";
import { columnLetter } from "../core/issues/issue";
import { lineCount, rowHeight, textWidth } from "../core/checklist/row-height";
import type { SheetSpec } from "./port";
import { listText, percentText, yesNo, type Cell } from "./cells";
import { EXCLUSION_LABELS } from "./snapshot-sheet";

export interface ResultSheetInput {
  record: DrawRecord;
  snapshot: Snapshot;
  /** the draw as it stands: substitutes in their replaced target's place */
  outcome: DrawOutcome;
  substitutions: readonly LoggedSubstitution[];
}

export const TABLE_TITLE = "抽中检查对象";
export const RESERVES_TITLE = "备选对象（按序替补）";
export const SUBSTITUTIONS_TITLE = "替补记录";
export const RECORD_TITLE = "抽取记录";
export const VOID_MARK = "【已作废】";
/** The red of a voided draw's tab and banner. */
export const VOID_COLOR = "C00000";

const FONT = 11;
/** Excel refuses a row higher than this. */
const MAX_ROW_HEIGHT = 409;

/** The task's parameters as one line of text. */
export function parameterLine(snapshot: Snapshot): string {
  const t = snapshot.task;
  const params: string[] = [`抽取方式：${MODE_LABELS[t.mode]}`];
  if (t.ratios)
    params.push(
      `比例 A ${percentText(t.ratios.A)} B ${percentText(t.ratios.B)} C ${percentText(t.ratios.C)} D ${percentText(t.ratios.D)}`,
    );
  if (t.counts) params.push(`数量 A ${t.counts.A} B ${t.counts.B} C ${t.counts.C} D ${t.counts.D}`);
  if (t.priorityRatio !== null) params.push(`重点对象比例 ${percentText(t.priorityRatio)}`);
  if (t.minRatio !== null) params.push(`最低抽查比例 ${percentText(t.minRatio)}`);
  params.push(
    `每部门 ${t.perDepartment} 人`,
    `回避上次检查人员：${yesNo(t.rotate)}`,
    `排除上级已抽检：${yesNo(t.excludeUpper)}`,
    `检查间隔 ${t.cooldownDays} 天`,
    `备选 ${t.reserves} 个/层`,
    `异地交叉检查：${yesNo(t.crossArea)}`,
  );
  return params.join("；");
}

/** The record's label/value pairs, one a row under the tables. */
export function recordPairs(record: DrawRecord, snapshot: Snapshot): [string, string][] {
  const t = snapshot.task;
  if (record.protocol === EXTERNAL_PROTOCOL) return externalPairs(record, snapshot);
  const pairs: [string, string][] = [
    ["协议", record.protocol],
    ["任务编号", record.taskId],
    ["任务名称", record.taskName],
    ["检查期间", `${t.startDate} 至 ${t.endDate}`],
    ["状态", record.status === "作废" ? `已作废（${record.reason}）` : record.status],
    ["随机种子", record.seed ?? ""],
  ];
  if (record.seedHex) pairs.push(["种子UTF-8编码", record.seedHex]);
  pairs.push(
    ["种子来源", record.seedSource ? SEED_SOURCE_LABELS[record.seedSource] : ""],
    ["先冻结后取种", yesNo(record.frozen)],
  );
  if (record.frozen)
    pairs.push(
      ["取种规则", record.seedRule],
      ["冻结时间", record.freezeTimestamp ?? ""],
      ["冻结操作人", record.freezeOperator ?? ""],
    );
  pairs.push(
    ["抽取日期", record.date],
    ["时间戳", record.timestamp],
    ["操作人", record.operator],
    ["见证人", record.witness],
    ["输入摘要（SHA-256）", record.digest],
    ["快照表", record.snapshotSheet],
    ["参与部门", listText(t.departments)],
    ["牵头部门", t.leadDepartment],
    ["抽查事项", record.items || listText(t.itemIds)],
    ["抽取参数", parameterLine(snapshot)],
    ["名录库对象数 / 范围内", `${snapshot.registrySize} / ${snapshot.inScope}`],
  );
  if (record.status === "作废")
    pairs.push(["作废时间", record.voidedAt ?? ""], ["作废人", record.voidedBy ?? ""], ["作废原因", record.reason]);
  pairs.push(["警告", record.warnings.length ? record.warnings.join("\n") : "无"]);
  return pairs;
}

/** The record of a draw imported from a platform: where it came from, when and by whom, its digest. */
function externalPairs(record: DrawRecord, snapshot: Snapshot): [string, string][] {
  const t = snapshot.task;
  const pairs: [string, string][] = [
    ["协议", `${EXTERNAL_PROTOCOL}（非本工具按 DRP-1 抽取，按平台名单如实记录）`],
    ["任务编号", record.taskId],
    ["任务名称", record.taskName],
    ["检查期间", `${t.startDate} 至 ${t.endDate}`],
    ["状态", record.status === "作废" ? `已作废（${record.reason}）` : record.status],
    ["名单来源", record.source ?? ""],
    ["抽取日期", record.date],
    ["导入时间", record.timestamp],
    ["操作人", record.operator],
    ["名单摘要（SHA-256）", record.digest],
    ["名单表", record.snapshotSheet],
    ["参与部门", listText(t.departments)],
    ["牵头部门", t.leadDepartment],
    ["抽查事项", record.items || listText(t.itemIds)],
  ];
  if (record.status === "作废")
    pairs.push(["作废时间", record.voidedAt ?? ""], ["作废人", record.voidedBy ?? ""], ["作废原因", record.reason]);
  return pairs;
}

/** Renders the result sheet of one draw as it stands. */
export function renderResultSheet(input: ResultSheetInput): SheetSpec {
  const { record, snapshot, outcome, substitutions } = input;
  const task = snapshot.task;
  const voided = record.status === "作废";
  const external = record.protocol === EXTERNAL_PROTOCOL;
  const targets = new Map(snapshot.targets.map((t) => [t.uscc, t]));
  const inspectors = new Map(snapshot.inspectors.map((i) => [i.id, i]));
  const person = (id: string) => `${inspectors.get(id)?.name ?? ""}（${id}）`;
  const targetText = (uscc: string) => `${uscc} ${targets.get(uscc)?.name ?? ""}`;
  const departments = [task.leadDepartment, ...task.departments.filter((d) => d !== task.leadDepartment)];

  const header: string[] = ["序号", "分层", "统一社会信用代码", "名称", "对象类别", "风险等级", "组长"];
  for (const d of departments) header.push(`${d}检查人员`);
  header.push("备注");
  const widths = [6, 6, 21, 28, 12, 8, 20, ...departments.map(() => 34), 30];
  const width = header.length;
  const last = columnLetter(width - 1);
  const span = (a: number, b: number) => widths.slice(a, b + 1).reduce((x, y) => x + y, 0);

  const rows: Cell[][] = [];
  const heights: (number | null)[] = [];
  const styles: NonNullable<SheetSpec["styles"]> = [];
  const merges: string[] = [];
  /** Adds a row, with the height its wrapped cells need (the widest of `cells`). */
  const add = (row: Cell[], fit: { text: string; width: number }[] = []): number => {
    rows.push(row);
    const lines = Math.max(1, ...fit.map((f) => lineCount(f.text, f.width, FONT)));
    heights.push(lines > 1 ? Math.min(MAX_ROW_HEIGHT, rowHeight(lines, FONT)) : null);
    return rows.length;
  };
  /** A text over the whole width, in as many rows as it needs under Excel's 409-point limit. */
  const wide = (text: string, style: NonNullable<SheetSpec["styles"]>[number]["style"], label?: string) => {
    const from = label === undefined ? 0 : 3;
    const w = span(from, width - 1);
    splitToFit(text, w).forEach((part, i) => {
      if (label === undefined) {
        const r = add([part], [{ text: part, width: w }]);
        merges.push(`A${r}:${last}${r}`);
        styles.push({ range: `A${r}`, style: { ...style, wrap: true, vertical: "top" } });
        return;
      }
      // a value split over rows keeps its label on the first one only
      const r = add([i === 0 ? label : null, null, null, part], [{ text: part, width: w }]);
      merges.push(`A${r}:C${r}`, `D${r}:${last}${r}`);
      styles.push(
        { range: `A${r}`, style: { bold: true, vertical: "top" } },
        { range: `D${r}`, style: { ...style, wrap: true, vertical: "top" } },
      );
    });
  };

  add(
    [`${voided ? VOID_MARK : ""}${external ? "外部抽取名单（平台抽取）" : "双随机抽查抽取结果"} — ${record.taskName}`],
    [{ text: record.taskName, width: span(0, width - 1) }],
  );
  merges.push(`A1:${last}1`);
  styles.push({
    range: "A1",
    style: { bold: true, fontSize: 14, wrap: true, ...(voided ? { fontColor: VOID_COLOR } : {}) },
  });
  if (voided)
    wide(
      `本次抽取已于 ${record.voidedAt || "—"} 由 ${record.voidedBy || "—"} 作废，原因：${record.reason}。本表仅作留痕，不得据以实施检查。`,
      { bold: true, fill: "FFE5E5", fontColor: VOID_COLOR },
    );
  wide(
    external
      ? `任务 ${record.taskId}｜${EXTERNAL_PROTOCOL}（${record.source || "—"}）｜抽取日期 ${record.date}｜名单 ${outcome.selected.length} 户｜名单摘要 ${record.digest}`
      : `任务 ${record.taskId}｜${record.protocol}｜抽取日期 ${record.date}｜种子 ${record.seed ?? ""}｜抽中 ${outcome.selected.length} 户，备选 ${outcome.reserves.length} 户${substitutions.length ? `，替补 ${substitutions.length} 次` : ""}｜输入摘要 ${record.digest}`,
    {},
  );

  const headerRow = add(
    header,
    header.map((h, i) => ({ text: h, width: widths[i] })),
  );
  styles.push({
    range: `A${headerRow}:${last}${headerRow}`,
    style: { bold: true, fill: "DDEBF7", border: true, wrap: true },
  });
  for (const s of outcome.selected) {
    const t = targets.get(s.uscc);
    const sub = [...substitutions].reverse().find((x) => x.seq === s.seq && x.substitute === s.uscc);
    const row: Cell[] = [
      s.seq,
      s.stratum,
      s.uscc,
      t?.name ?? "",
      t?.category ?? "",
      t?.riskGrade ?? "",
      person(s.leader),
    ];
    for (const d of departments)
      row.push((s.teams.find((x) => x.department === d)?.inspectors ?? []).map(person).join("、"));
    row.push(sub ? `替补第${sub.n}号：替换 ${targetText(sub.replaced)}（${sub.reason}）` : "");
    add(
      row,
      row.map((v, i) => ({ text: String(v ?? ""), width: widths[i] })),
    );
  }
  if (outcome.selected.length)
    styles.push({
      range: `A${headerRow + 1}:${last}${rows.length}`,
      style: { border: true, wrap: true, vertical: "top" },
    });

  add([]);
  const title = (text: string) => {
    const r = add([text]);
    styles.push({ range: `A${r}`, style: { bold: true, fontSize: 12 } });
    merges.push(`A${r}:${last}${r}`);
  };
  const table = (head: string[], body: Cell[][], cols: number[]) => {
    const h = add(
      head,
      head.map((x, i) => ({ text: x, width: widths[cols[i]] })),
    );
    const placed = (cells: Cell[]) => {
      const out: Cell[] = Array.from({ length: width }, () => null);
      cells.forEach((v, i) => (out[cols[i]] = v));
      return out;
    };
    rows[h - 1] = placed(head);
    styles.push({ range: `A${h}:${last}${h}`, style: { bold: true, fill: "DDEBF7", border: true, wrap: true } });
    for (const b of body)
      add(
        placed(b),
        b.map((v, i) => ({ text: String(v ?? ""), width: widths[cols[i]] })),
      );
    if (body.length)
      styles.push({ range: `A${h + 1}:${last}${rows.length}`, style: { border: true, wrap: true, vertical: "top" } });
  };

  const used = new Map(substitutions.map((s) => [s.substitute, s.n]));
  title(`${RESERVES_TITLE}（${outcome.reserves.length}）`);
  table(
    ["备选序号", "分层", "统一社会信用代码", "名称", "对象类别", "风险等级", "使用情况"],
    outcome.reserves.map((r) => {
      const t = targets.get(r.uscc);
      const n = used.get(r.uscc);
      return [
        r.rank,
        r.stratum,
        r.uscc,
        t?.name ?? "",
        t?.category ?? "",
        t?.riskGrade ?? "",
        n ? `已用于替补第${n}号` : "未使用",
      ];
    }),
    [0, 1, 2, 3, 4, 5, 6],
  );

  if (substitutions.length) {
    add([]);
    title(`${SUBSTITUTIONS_TITLE}（${substitutions.length}）`);
    table(
      ["替补序号", "抽取序号", "被替换对象", "替补对象", "分层 / 备选序号", "原因", "时间", "操作人"],
      substitutions.map((s) => [
        s.n,
        s.seq,
        targetText(s.replaced),
        targetText(s.substitute),
        `${s.stratum} / ${s.rank}`,
        s.reason,
        s.time,
        s.operator,
      ]),
      // every task has a department: columns up to I exist
      [0, 1, 2, 3, 4, 6, 7, 8],
    );
  }

  add([]);
  title(RECORD_TITLE);
  for (const [label, value] of recordPairs(record, snapshot)) wide(value, {}, label);

  add([]);
  const strataHead: Cell[] = ["分层", null, null, ...outcome.strata.map((s) => s.stratum), "合计"];
  const sr = add(strataHead);
  merges.push(`A${sr}:C${sr}`);
  styles.push({
    range: `A${sr}:${columnLetter(strataHead.length - 1)}${sr}`,
    style: { bold: true, fill: "F2F2F2", border: true },
  });
  const eligible = outcome.strata.reduce((a, s) => a + s.eligible, 0);
  const countRow = (label: string, values: number[], total: number) => {
    const r = add([label, null, null, ...values, total]);
    merges.push(`A${r}:C${r}`);
    styles.push({ range: `A${r}:${columnLetter(values.length + 3)}${r}`, style: { border: true } });
  };
  countRow(
    "合格对象数",
    outcome.strata.map((s) => s.eligible),
    eligible,
  );
  countRow(
    "抽取数",
    outcome.strata.map((s) => s.selected),
    outcome.selected.length,
  );
  countRow(
    "备选数",
    outcome.strata.map((s) => outcome.reserves.filter((r) => r.stratum === s.stratum).length),
    outcome.reserves.length,
  );
  // a platform's list excluded nothing here: no exclusion counts to show
  if (!external) {
    add([]);
    for (const r of EXCLUSION_REASONS) {
      const at = add([`排除：${EXCLUSION_LABELS[r]}`, null, null, snapshot.excluded[r]]);
      merges.push(`A${at}:C${at}`);
    }
  }

  return {
    name: record.sheet,
    rows,
    columnWidths: widths,
    rowHeights: heights,
    styles,
    merges,
    frozenRows: headerRow,
    protect: true,
    ...(voided ? { tabColor: VOID_COLOR } : {}),
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: `${headerRow}:${headerRow}` },
  };
}

/** Splits a text into parts that each fit one row of Excel's 409-point limit at this width. */
function splitToFit(text: string, width: number): string[] {
  const maxLines = Math.floor((MAX_ROW_HEIGHT - 3) / (FONT * 1.3));
  if (lineCount(text, width, FONT) <= maxLines) return [text];
  const usable = Math.max(width - 1, 1);
  const parts: string[] = [];
  let current = "";
  // lines of the finished paragraphs of `current`, and the width of its last paragraph
  let done = 0;
  let paragraph = 0;
  for (const ch of text) {
    const nextDone = ch === "\n" ? done + Math.max(1, Math.ceil(paragraph / usable)) : done;
    const nextParagraph = ch === "\n" ? 0 : paragraph + textWidth(ch, FONT);
    if (nextDone + Math.max(1, Math.ceil(nextParagraph / usable)) > maxLines && current !== "") {
      parts.push(current);
      current = ch === "\n" ? "" : ch;
      done = 0;
      paragraph = ch === "\n" ? 0 : textWidth(ch, FONT);
      continue;
    }
    current += ch;
    done = nextDone;
    paragraph = nextParagraph;
  }
  if (current) parts.push(current);
  return parts;
}
