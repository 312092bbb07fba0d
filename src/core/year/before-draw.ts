// Before a draw: how far the year's share will stand after it, and which planned batches are late.
import type { Issue, Lang } from "../issues/issue";
import { rate } from "./figure";
import type { BatchStatus } from "./plan";
import type { YearView } from "./view";

export interface ShareAfter {
  department: string;
  registry: number;
  drawn: number;
  /** drawn + the draw's targets: at most, since a target drawn earlier in the year may be drawn again */
  after: number;
  shareNow: number;
  shareAfter: number;
  goal: number;
  meetsGoalAfter: boolean;
  /** targets still to draw after this draw to reach the goal */
  toGoalAfter: number;
}

export interface BeforeDraw {
  year: number;
  count: number;
  total: ShareAfter;
  /** each of the task's departments (every drawn target gets a team of each) */
  departments: ShareAfter[];
  /** batches whose window started or ended without a draw carrying them */
  lateBatches: BatchStatus[];
  /** batches that list the task */
  batches: BatchStatus[];
  /** the plan's warnings (late, overdue, short) */
  issues: Issue[];
  /** one line per figure, for the pane and the command line */
  lines: string[];
}

const pct = (x: number): string => `${Math.round(x * 10000) / 100}%`;

function after(department: string, registry: number, drawn: number, count: number, shareBp: number): ShareAfter {
  const a = drawn + count;
  const goal = shareBp / 10000;
  const goalCount = Math.ceil((registry * shareBp) / 10000);
  return {
    department,
    registry,
    drawn,
    after: a,
    shareNow: rate(drawn, registry),
    shareAfter: rate(a, registry),
    goal,
    meetsGoalAfter: a >= goalCount,
    toGoalAfter: Math.max(0, goalCount - a),
  };
}

/**
 * `view` is the year view as of the draw date (today = the draw's date); `count` the targets the
 * draw will select (the preview's planned count, reserves not counted).
 */
export function beforeDraw(
  view: YearView,
  draw: { taskId: string; departments: readonly string[]; count: number },
  lang: Lang = "zh",
): BeforeDraw {
  const total = after("", view.total.registry, view.total.drawn.value, draw.count, view.share);
  const departments = draw.departments.map((d) => {
    const s = view.departments.find((x) => x.department === d);
    return after(d, s?.registry ?? view.total.registry, s?.drawn.value ?? 0, draw.count, view.share);
  });
  const lateBatches = view.plan.filter((b) => b.state === "late" || b.state === "overdue");
  const batches = view.plan.filter((b) => b.batch.taskIds.includes(draw.taskId));
  const planCodes = new Set(["year_batch_late", "year_batch_overdue", "year_batch_short"]);
  const issues = view.issues.filter((i) => planCodes.has(i.code));

  const en = lang === "en";
  const line = (s: ShareAfter) => {
    const who = s.department === "" ? (en ? "In total" : "全部") : s.department;
    const state = s.meetsGoalAfter
      ? en
        ? "goal reached"
        : "达到目标"
      : en
        ? `${s.toGoalAfter} more to the goal`
        : `距目标尚差 ${s.toGoalAfter} 户`;
    return en
      ? `${who}: ${s.drawn} of ${s.registry} drawn in ${view.year} (${pct(s.shareNow)}); after this draw at most ${s.after} (${pct(s.shareAfter)}), goal ${pct(s.goal)}: ${state}.`
      : `${who}：${view.year} 年已抽 ${s.drawn} 户 / 名录库 ${s.registry} 户（${pct(s.shareNow)}）；本次抽取 ${draw.count} 户后至多 ${s.after} 户（${pct(s.shareAfter)}），年度目标 ${pct(s.goal)}，${state}。`;
  };
  const lines = [line(total), ...departments.map(line)];
  for (const b of batches)
    lines.push(
      en
        ? `This task carries planned batch "${b.batch.batch}" (${b.batch.department}): ${b.drawn.value} drawn so far${b.planned === null ? "" : ` of ${b.planned} planned`}.`
        : `本任务执行年度计划批次「${b.batch.batch}」（${b.batch.department}）：已抽 ${b.drawn.value} 户${b.planned === null ? "" : `，计划 ${b.planned} 户`}。`,
    );
  return { year: view.year, count: draw.count, total, departments, lateBatches, batches, issues, lines };
}
