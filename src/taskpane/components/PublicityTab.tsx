// 结果公示: pick a task and build its publicity table (the use-case comes later).
import { useState } from "react";
import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Issue, Lang, SheetMap } from "../engine";
import { t } from "../strings";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function PublicityTab(props: { lang: Lang; engine: Engine; sheetMap: SheetMap; tasks: { id: string; name: string }[] }) {
  const { lang, engine, sheetMap, tasks } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [taskId, setTaskId] = useState("");
  const [written, setWritten] = useState<string | null>(null);
  const [errors, setErrors] = useState<Issue[]>([]);
  const build = engine.buildPublicity;
  const go = () =>
    run(async () => {
      if (!build) return;
      const out = await build({ lang, sheetMap, taskId });
      setErrors(out.ok ? [] : out.errors);
      setWritten(out.ok ? out.report.sheet : null);
    });
  const label = (id: string) => tasks.find((x) => x.id === id)?.name ?? "";
  return (
    <div className={styles.stack}>
      <Text>{t(lang, "publicityIntro")}</Text>
      <Field label={t(lang, "task")} hint={tasks.length === 0 ? t(lang, "noTasks") : undefined}>
        <Dropdown
          placeholder={t(lang, "chooseTask")}
          value={taskId ? `${taskId} ${label(taskId)}` : ""}
          selectedOptions={taskId ? [taskId] : []}
          onOptionSelect={(_, d) => setTaskId(d.optionValue ?? "")}
          disabled={tasks.length === 0}
        >
          {tasks.map((task) => (
            <Option key={task.id} value={task.id} text={`${task.id} ${task.name}`}>
              {`${task.id} ${task.name}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button appearance="primary" disabled={!build || !taskId || busy} onClick={() => void go()}>
        {t(lang, "publicityRun")}
      </Button>
      {!build && <Text size={200}>{t(lang, "notYet")}</Text>}
      <Failure text={failure} />
      <IssueList lang={lang} title={t(lang, "errorsTitle")} issues={errors} onSelectCell={(s, c) => void engine.selectCell(s, c)} />
      {written && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, "written", { sheets: written })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
