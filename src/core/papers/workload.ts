// 检查负荷: how many inspections each drawn inspector carries against the working days left in
// the task window. A team visits a target in one go, so an inspector cannot do more than about one
// inspection a working day; more than that means the task cannot finish on time (at 20,000
// targets, 989 inspections fall on 25 inspectors, 131–198 each in three months).
import type { DrawOutcome, IsoDate, Snapshot } from "../model";
import type { Calendar } from "../calendar";
import { addDays } from "../calendar/dates";
import { issue, type Issue, type Lang } from "../issues/issue";

export interface InspectorLoad {
  id: string;
  name: string;
  department: string;
  /** drawn targets whose team includes the inspector */
  inspections: number;
}

export interface Workload {
  task: string;
  /** the window counted: from the later of the task's start and the draw date, to the task's end */
  from: IsoDate;
  to: IsoDate;
  /** working days in [from, to], both counted */
  workingDays: number;
  /** every inspector with at least one inspection, the most loaded first (then by id) */
  loads: InspectorLoad[];
  /** those with more inspections than working days */
  over: InspectorLoad[];
}

/** Inspections per inspector of a draw, against the working days of its window. */
export function workload(snapshot: Snapshot, outcome: DrawOutcome, calendar: Calendar): Workload {
  const task = snapshot.task;
  const from = snapshot.date > task.startDate ? snapshot.date : task.startDate;
  const to = task.endDate;
  let workingDays = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) workingDays++;
  const count = new Map<string, number>();
  for (const s of outcome.selected)
    for (const id of new Set(s.teams.flatMap((t) => t.inspectors))) count.set(id, (count.get(id) ?? 0) + 1);
  const people = new Map(snapshot.inspectors.map((i) => [i.id, i]));
  const loads = [...count]
    .map(([id, inspections]) => ({
      id,
      name: people.get(id)?.name ?? "",
      department: people.get(id)?.department ?? "",
      inspections,
    }))
    .sort((a, b) => b.inspections - a.inspections || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { task: task.id, from, to, workingDays, loads, over: loads.filter((l) => l.inspections > workingDays) };
}

/** The warning for a workload with inspectors over their working days (none otherwise). */
export function workloadIssues(w: Workload, lang: Lang = "zh"): Issue[] {
  if (w.over.length === 0) return [];
  const shown = w.over.slice(0, 5);
  const who =
    shown.map((l) => `${l.name || l.id}（${l.id}）${l.inspections} 户`).join("、") +
    (w.over.length > shown.length ? (lang === "en" ? ` and ${w.over.length - shown.length} more` : ` 等`) : "");
  return [
    issue(
      "workload_exceeds_days",
      {},
      {
        task: w.task,
        count: w.over.length,
        from: w.from,
        to: w.to,
        days: w.workingDays,
        max: w.over[0].inspections,
        who,
      },
      lang,
    ),
  ];
}
