// 抽取结果 as drawn before the chained log (layout 1): kept unchanged so that the draws of those
// workbooks still verify cell by cell. New draws use result-sheet.ts.
import { EXCLUSION_REASONS, MODE_LABELS, type DrawOutcome, type DrawRecord, type Snapshot } from "../core/model";
import type { SheetSpec } from "./port";
import { listText, percentText, yesNo, type Cell } from "./cells";
import { EXCLUSION_LABELS } from "./snapshot-sheet";
import { SEED_SOURCE_LABELS } from "../core/draw/register";
import { columnLetter } from "../core/issues/issue";

/** The record's label/value pairs, in the order they are laid out (two pairs a row). */
function recordPairs(record: DrawRecord, snapshot: Snapshot): [string, string][] {
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
  return [
    ["协议", record.protocol],
    ["任务编号", record.taskId],
    ["任务名称", record.taskName],
    ["检查期间", `${t.startDate} 至 ${t.endDate}`],
    ["随机种子", record.seed ?? ""],
    ["种子来源", record.seedSource ? SEED_SOURCE_LABELS[record.seedSource] : ""],
    ["先冻结后取种", yesNo(record.frozen)],
    ["取种规则", record.seedRule],
    ["抽取日期", record.date],
    ["时间戳", record.timestamp],
    ["操作人", record.operator],
    ["见证人", record.witness],
    ["输入摘要（SHA-256）", record.digest],
    ["快照表", record.snapshotSheet],
    ["参与部门", listText(t.departments)],
    ["牵头部门", t.leadDepartment],
    ["抽取参数", params.join("；")],
    ["名录库对象数 / 范围内", `${snapshot.registrySize} / ${snapshot.inScope}`],
  ];
}

const TABLE_TITLE = "抽中检查对象";
const RESERVES_TITLE = "备选对象（按序替补）";

/** Renders the result sheet of one draw. */
export function renderResultSheetV1(record: DrawRecord, snapshot: Snapshot, outcome: DrawOutcome): SheetSpec {
  const task = snapshot.task;
  const targets = new Map(snapshot.targets.map((t) => [t.uscc, t]));
  const inspectors = new Map(snapshot.inspectors.map((i) => [i.id, i]));
  const nameOf = (id: string) => inspectors.get(id)?.name ?? "";
  const teamDepartments = [task.leadDepartment, ...task.departments.filter((d) => d !== task.leadDepartment)];

  const header: string[] = ["序号", "分层", "统一社会信用代码", "名称", "对象类别", "风险等级", "组长"];
  for (const d of teamDepartments) header.push(`${d}检查人员`, `${d}人员姓名`);
  header.push("抽查事项");
  const width = header.length;
  const last = columnLetter(width - 1);

  const rows: Cell[][] = [];
  const styles: SheetSpec["styles"] = [];
  const merges: string[] = [];
  rows.push([`双随机抽查抽取结果 — ${record.taskName}`]);
  merges.push(`A1:${last}1`);
  styles.push({ range: "A1", style: { bold: true, fontSize: 14 } });

  const pairs = recordPairs(record, snapshot);
  for (let i = 0; i < pairs.length; i += 2) {
    const row: Cell[] = [pairs[i][0], pairs[i][1], "", ""];
    if (pairs[i + 1]) row.push(pairs[i + 1][0], pairs[i + 1][1]);
    rows.push(row);
    const r = rows.length;
    merges.push(`B${r}:D${r}`);
    if (pairs[i + 1]) merges.push(`F${r}:${columnLetter(Math.max(width - 1, 6))}${r}`);
    styles.push({ range: `A${r}`, style: { bold: true } }, { range: `E${r}`, style: { bold: true } });
  }

  // strata across, so that the record stays short above the frozen table header
  const strataHeader: Cell[] = ["分层", ...outcome.strata.map((s) => s.stratum), "合计"];
  rows.push(strataHeader);
  styles.push({
    range: `A${rows.length}:${columnLetter(strataHeader.length - 1)}${rows.length}`,
    style: { bold: true, fill: "F2F2F2", border: true },
  });
  const selected = outcome.selected.length;
  const eligible = outcome.strata.reduce((a, s) => a + s.eligible, 0);
  rows.push(["合格对象数", ...outcome.strata.map((s) => s.eligible), eligible]);
  rows.push(["抽取数", ...outcome.strata.map((s) => s.selected), selected]);
  rows.push([
    "备选数",
    ...outcome.strata.map((s) => outcome.reserves.filter((r) => r.stratum === s.stratum).length),
    outcome.reserves.length,
  ]);
  rows.push(["排除原因", ...EXCLUSION_REASONS.map((r) => EXCLUSION_LABELS[r])]);
  styles.push({ range: `A${rows.length}:F${rows.length}`, style: { bold: true, fill: "F2F2F2", border: true } });
  rows.push(["排除数", ...EXCLUSION_REASONS.map((r) => snapshot.excluded[r])]);
  rows.push(["警告", record.warnings.length ? record.warnings.join("\n") : "无"]);
  merges.push(`B${rows.length}:${last}${rows.length}`);
  rows.push([]);

  rows.push([`${TABLE_TITLE}（${selected}）`]);
  styles.push({ range: `A${rows.length}`, style: { bold: true, fontSize: 12 } });
  rows.push(header);
  const headerRow = rows.length;
  styles.push({
    range: `A${headerRow}:${last}${headerRow}`,
    style: { bold: true, fill: "DDEBF7", border: true, wrap: true },
  });
  for (const s of outcome.selected) {
    const t = targets.get(s.uscc);
    const row: Cell[] = [
      s.seq,
      s.stratum,
      s.uscc,
      t?.name ?? "",
      t?.category ?? "",
      t?.riskGrade ?? "",
      `${nameOf(s.leader)}（${s.leader}）`,
    ];
    for (const d of teamDepartments) {
      const ids = s.teams.find((x) => x.department === d)?.inspectors ?? [];
      row.push(listText(ids), listText(ids.map(nameOf)));
    }
    row.push(listText(task.itemIds));
    rows.push(row);
  }
  if (outcome.selected.length)
    styles.push({
      range: `A${headerRow + 1}:${last}${rows.length}`,
      style: { border: true, wrap: true, vertical: "top" },
    });
  rows.push([]);
  rows.push([`${RESERVES_TITLE}（${outcome.reserves.length}）`]);
  styles.push({ range: `A${rows.length}`, style: { bold: true, fontSize: 12 } });
  rows.push(["备选序号", "分层", "统一社会信用代码", "名称", "对象类别", "风险等级"]);
  styles.push({ range: `A${rows.length}:F${rows.length}`, style: { bold: true, fill: "DDEBF7", border: true } });
  for (const r of outcome.reserves) {
    const t = targets.get(r.uscc);
    rows.push([r.rank, r.stratum, r.uscc, t?.name ?? "", t?.category ?? "", t?.riskGrade ?? ""]);
  }

  const widths = [10, 8, 21, 28, 12, 8, 18];
  for (let i = 0; i < teamDepartments.length; i++) widths.push(26, 16);
  widths.push(30);
  return {
    name: record.sheet,
    rows,
    columnWidths: widths,
    styles,
    merges,
    frozenRows: headerRow,
    protect: true,
    page: { orientation: "landscape", fitToWidth: true, printTitleRows: `${headerRow}:${headerRow}` },
  };
}
