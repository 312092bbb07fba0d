// DRP-1 input freeze: the snapshot holds exactly what steps 2–5 read.
import type { Checkpoint, ExclusionReason, Inspector, IsoDate, Snapshot, Target, Task } from "../model";
import { byteOrder, sortedBy } from "./order";

/** 专业类别 required per department: the specialties of the task's checkpoints of that department. */
export function taskSpecialties(task: Task, items: readonly Checkpoint[]): Record<string, string[]> {
  const ids = new Set(task.itemIds);
  const out: Record<string, string[]> = {};
  for (const dep of task.departments) {
    const set = new Set<string>();
    for (const c of items) if (ids.has(c.itemId) && c.department === dep && c.specialty !== "") set.add(c.specialty);
    out[dep] = [...set].sort(byteOrder);
  }
  return out;
}

export function makeSnapshot(
  task: Task,
  items: readonly Checkpoint[],
  eligible: readonly Target[],
  inspectors: readonly Inspector[],
  date: IsoDate,
  excluded: Record<ExclusionReason, number>,
  registrySize: number,
  inScope: number,
): Snapshot {
  const deps = new Set(task.departments);
  return {
    protocol: "DRP-1",
    task,
    date,
    specialties: taskSpecialties(task, items),
    targets: sortedBy(eligible, (t) => t.uscc),
    inspectors: sortedBy(
      inspectors.filter((i) => deps.has(i.department)),
      (i) => i.id,
    ),
    excluded: { ...excluded },
    registrySize,
    inScope,
  };
}
