// 导入外部抽取: a list drawn on a provincial platform (its export, .csv in UTF-8 or .xlsx) brought
// into the workbook as the external draw of a task of 抽查任务, marked 外部抽取 on every sheet. The
// result is shown as a draw is, and from then on the checklists, papers and year view use it.
import { useRef, useState } from "react";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DrawState, Engine, ImportSummary, Issue, Lang, SheetMap } from "../engine";
import { t } from "../strings";
import { ActionResult, DrawStateView, type ActionOutcome } from "./DrawState";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { SheetWithPreview } from "./SheetPreview";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  dropdown: { minWidth: "0", width: "100%" },
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  name: { overflowWrap: "anywhere", minWidth: 0 },
});

export function ImportSection(props: {
  lang: Lang;
  engine: Engine;
  sheetMap: SheetMap;
  tasks: { id: string; name: string }[];
}) {
  const { lang, engine, sheetMap, tasks } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [taskId, setTaskId] = useState("");
  const [source, setSource] = useState("");
  const [operator, setOperator] = useState("");
  const [voidReason, setVoidReason] = useState("");
  const [issues, setIssues] = useState<{ errors: Issue[]; warnings: Issue[] }>({ errors: [], warnings: [] });
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [state, setState] = useState<DrawState | null>(null);
  const [action, setAction] = useState<ActionOutcome | null>(null);
  const task = tasks.find((x) => x.id === taskId);

  const go = () =>
    run(async () => {
      if (!file) return;
      setDone(null);
      setState(null);
      const out = await engine.importList({
        lang,
        sheetMap,
        file,
        taskId,
        source: source.trim() || undefined,
        operator: operator.trim() || undefined,
        voidReason: voidReason.trim() || undefined,
      });
      setIssues({ errors: out.ok ? [] : out.errors, warnings: out.warnings });
      if (!out.ok) return;
      setDone(out.report);
      setState({ ...out.report, status: "有效", reason: "" });
      setAction(null);
      await engine.activateSheet(out.report.sheet);
    });

  return (
    <section className={styles.stack} aria-label={t(lang, "importTitle")}>
      <Text as="h3" weight="semibold" size={400}>
        {t(lang, "importTitle")}
      </Text>
      <Text size={200}>{t(lang, "importIntro")}</Text>
      <input
        ref={input}
        id="import-list-file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.hidden}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = "";
          if (chosen)
            void run(async () => {
              setFile({ name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) });
              setDone(null);
            });
        }}
      />
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {t(lang, "importChoose")}
        </Button>
        <Text className={styles.name} data-testid="import-file">
          {file ? file.name : t(lang, "importNoFile")}
        </Text>
      </div>
      <Field label={t(lang, "importTask")}>
        <Dropdown
          className={styles.dropdown}
          value={task ? `${task.id} ${task.name}` : ""}
          selectedOptions={taskId ? [taskId] : []}
          placeholder={tasks.length === 0 ? t(lang, "noTasks") : t(lang, "chooseTask")}
          disabled={tasks.length === 0}
          onOptionSelect={(_, d) => setTaskId(d.optionValue ?? "")}
        >
          {tasks.map((x) => (
            <Option key={x.id} value={x.id} text={`${x.id} ${x.name}`}>
              {`${x.id} ${x.name}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t(lang, "importSource")} hint={t(lang, "importSourceHint")}>
        <Input value={source} onChange={(_, d) => setSource(d.value)} />
      </Field>
      <Field label={t(lang, "importOperator")}>
        <Input value={operator} onChange={(_, d) => setOperator(d.value)} />
      </Field>
      <Field label={t(lang, "importVoidReason")} hint={t(lang, "importVoidReasonHint")}>
        <Input value={voidReason} onChange={(_, d) => setVoidReason(d.value)} />
      </Field>
      <Button appearance="primary" disabled={!file || !taskId || busy} onClick={() => void go()}>
        {busy ? t(lang, "importing") : t(lang, "importRun")}
      </Button>
      <Failure text={failure} />
      <IssueList
        lang={lang}
        title={t(lang, "errorsTitle")}
        issues={issues.errors}
        onSelectCell={(s, c) => void run(() => engine.selectCell(s, c))}
        fileMode={engine.mode === "file"}
      />
      <IssueList lang={lang} title={t(lang, "warningsTitle")} issues={issues.warnings} />
      {done && state && (
        <section aria-live="polite" className={styles.stack} data-testid="import-done">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <Badge appearance="tint" color="important">
                {done.protocol}
              </Badge>{" "}
              {t(lang, "importDone", {
                source: done.source,
                task: done.task,
                n: done.selected.length,
                list: done.listSheet,
                sheet: done.sheet,
              })}
            </MessageBarBody>
          </MessageBar>
          <SheetWithPreview lang={lang} engine={engine} sheet={done.sheet} />
          <SheetWithPreview lang={lang} engine={engine} sheet={done.listSheet} />
          <DrawStateView
            lang={lang}
            engine={engine}
            sheetMap={sheetMap}
            state={state}
            operator={operator}
            busy={busy}
            run={run}
            onChanged={(next, outcome) => (setState(next), setAction(outcome))}
          />
          <ActionResult lang={lang} engine={engine} outcome={action} />
        </section>
      )}
    </section>
  );
}
