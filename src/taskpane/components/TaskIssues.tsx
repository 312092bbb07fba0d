// A draw refused because the workbook has errors: those that concern the task drawn (its row of
// 抽查任务, the items and departments it uses, the registry rows it reads) first, then the others.
// Every error still blocks the draw; the split only says where this task's own faults are.
// (Each IssueList is the region named by its title; the headings only show it.)
import { useEffect, useState } from "react";
import { Text } from "@fluentui/react-components";
import type { Engine, Issue, Lang, SheetMap, TaskErrors } from "../engine";
import { t } from "../strings";
import { IssueList } from "./IssueList";

export function TaskIssues(props: { lang: Lang; engine: Engine; sheetMap: SheetMap; taskId: string; errors: Issue[] }) {
  const { lang, engine, sheetMap, taskId, errors } = props;
  const [split, setSplit] = useState<TaskErrors | null>(null);
  useEffect(() => {
    setSplit(null);
    if (!taskId || errors.length === 0) return;
    let live = true;
    // an error of the split itself leaves the plain list on screen
    void engine.splitTaskErrors({ lang, sheetMap, taskId, errors }).then(
      (s) => live && setSplit(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [engine, taskId, errors]);

  const select = (s: string, c: string) => void engine.selectCell(s, c);
  const fileMode = engine.mode === "file";
  if (!split || split.other.length === 0)
    return (
      <IssueList lang={lang} title={t(lang, "errorsTitle")} issues={errors} onSelectCell={select} fileMode={fileMode} />
    );
  return (
    <div data-testid="task-errors">
      {split.general.map((e, k) => (
        <Text key={k} block weight="semibold">
          {e.message}
        </Text>
      ))}
      {split.task.length > 0 ? (
        <div>
          <Text as="h3" weight="semibold" block>
            {t(lang, "taskErrorsTitle", { task: taskId, n: split.task.length })}
          </Text>
          <Text size={200} block>
            {t(lang, "taskErrorsHint")}
          </Text>
          <IssueList
            lang={lang}
            title={t(lang, "taskErrorsTitle", { task: taskId, n: split.task.length })}
            issues={split.task}
            onSelectCell={select}
            fileMode={fileMode}
          />
        </div>
      ) : (
        <Text block>{t(lang, "taskErrorsNone", { task: taskId })}</Text>
      )}
      <div>
        <Text as="h3" weight="semibold" block>
          {t(lang, "otherErrorsTitle", { n: split.other.length })}
        </Text>
        <Text size={200} block>
          {t(lang, "otherErrorsHint")}
        </Text>
        <IssueList
          lang={lang}
          title={t(lang, "otherErrorsTitle", { n: split.other.length })}
          issues={split.other}
          onSelectCell={select}
          fileMode={fileMode}
        />
      </div>
    </div>
  );
}
