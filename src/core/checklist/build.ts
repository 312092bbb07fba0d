// 一企一表: turns a stored draw and the item list into one joint checklist per selected target.
// Only the draw's own snapshot is read, so the forms show the targets and inspectors exactly
// as they were when drawn, whatever the registries say today.
import type { Checkpoint, Inspector, StoredDraw, Target, Task } from "../model";
import type { ChecklistForm, FormInspector, FormSection, FormTarget, FormTeam } from "./form";

/** A checkpoint applies when its 适用对象类别 is empty or names the target's category. */
export function appliesTo(checkpoint: Checkpoint, category: string): boolean {
  return checkpoint.categories.length === 0 || checkpoint.categories.includes(category);
}

/**
 * The task's departments as written in 参与部门, then (should the item list disagree with the
 * task) any other department that owns one of the task's items, so no item silently vanishes.
 */
function sectionDepartments(task: Task, taskCheckpoints: Checkpoint[]): string[] {
  const departments = [...task.departments];
  for (const c of taskCheckpoints) if (!departments.includes(c.department)) departments.push(c.department);
  return departments;
}

/**
 * The sections for one target category: per department, the task's items in 抽查事项 order, each
 * with its applicable checkpoints in item-list order. Items without any applicable checkpoint
 * are left out; a department left with no item keeps an empty section (its inspectors still sign).
 */
export function sectionsFor(task: Task, items: Checkpoint[], category: string): FormSection[] {
  const inTask = new Set(task.itemIds);
  const taskCheckpoints = items.filter((c) => inTask.has(c.itemId));
  return sectionDepartments(task, taskCheckpoints).map((department) => ({
    department,
    items: task.itemIds.flatMap((itemId) => {
      const own = taskCheckpoints.filter((c) => c.itemId === itemId && c.department === department);
      const applicable = own.filter((c) => appliesTo(c, category));
      if (applicable.length === 0) return [];
      return [
        {
          itemId,
          item: own[0].item,
          checkpoints: applicable.map((c) => ({ checkpoint: c.checkpoint, basis: c.basis, method: c.method })),
        },
      ];
    }),
  }));
}

function formTarget(uscc: string, t: Target | undefined): FormTarget {
  // a target missing from its own snapshot is a damaged sheet that verify reports; show the code
  return {
    uscc,
    name: t?.name ?? "",
    category: t?.category ?? "",
    grade: t?.riskGrade ?? "",
    address: t?.address ?? "",
    legalRep: t?.legalRep ?? "",
    phone: t?.phone ?? "",
  };
}

/** Builds the 一企一表 of every selected target, in DRP-1 order. */
export function buildForms(draw: StoredDraw, items: Checkpoint[]): ChecklistForm[] {
  const { record, snapshot, outcome } = draw;
  const task = snapshot.task;
  const targets = new Map(snapshot.targets.map((t) => [t.uscc, t]));
  const inspectors = new Map<string, Inspector>(snapshot.inspectors.map((i) => [i.id, i]));
  const person = (id: string): FormInspector => ({ id, name: inspectors.get(id)?.name ?? "" });
  // many targets share a category: lay out the sections once per category
  const byCategory = new Map<string, FormSection[]>();
  const sections = (category: string): FormSection[] => {
    let s = byCategory.get(category);
    if (!s) byCategory.set(category, (s = sectionsFor(task, items, category)));
    return s;
  };

  return outcome.selected.map((s) => {
    const target = formTarget(s.uscc, targets.get(s.uscc));
    const formSections = sections(target.category);
    const teams: FormTeam[] = formSections.map(({ department }) => ({
      department,
      inspectors: (s.teams.find((t) => t.department === department)?.inspectors ?? []).map(person),
    }));
    return {
      seq: s.seq,
      total: outcome.selected.length,
      taskId: task.id,
      taskName: task.name,
      startDate: task.startDate,
      endDate: task.endDate,
      drawSheet: record.sheet,
      drawDate: record.date,
      digest: record.digest,
      target,
      leader: { ...person(s.leader), department: inspectors.get(s.leader)?.department ?? "" },
      teams,
      sections: formSections,
    };
  });
}
