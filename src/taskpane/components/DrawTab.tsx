// 抽取: choose the task, see the plan per stratum, name operator and witness, enter or generate
// the seed, draw. A task that already has a 有效 draw is drawn again only with a stated reason.
import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DrawPreview, DrawSummary, Engine, Issue, Lang, SheetMap } from "../engine";
import { generateSeed, todayInChina } from "../pane-logic";
import { t } from "../strings";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "0" },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { textAlign: "left", padding: "2px 6px" } },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
});

export function DrawTab(props: {
  lang: Lang;
  engine: Engine;
  sheetMap: SheetMap;
  tasks: { id: string; name: string }[];
}) {
  const { lang, engine, sheetMap, tasks } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [taskId, setTaskId] = useState("");
  const [date, setDate] = useState(todayInChina());
  const [preview, setPreview] = useState<DrawPreview | null>(null);
  const [operator, setOperator] = useState("");
  const [witness, setWitness] = useState("");
  const [seed, setSeed] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [issues, setIssues] = useState<{ errors: Issue[]; warnings: Issue[] }>({ errors: [], warnings: [] });
  const [result, setResult] = useState<DrawSummary | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState("");
  const [missingNames, setMissingNames] = useState(false);

  const loadPreview = async (): Promise<DrawPreview | null> => {
    const out = await engine.previewDraw({ lang, sheetMap, taskId, date });
    if (!out.ok) {
      setIssues({ errors: out.errors, warnings: out.warnings });
      setPreview(null);
      return null;
    }
    setIssues({ errors: [], warnings: out.warnings });
    setPreview(out.report);
    return out.report;
  };

  const draw = async (voidReason?: string) => {
    setResult(null);
    setProgress(0);
    const out = await engine.runDraw(
      {
        lang,
        sheetMap,
        taskId,
        date,
        operator: operator.trim(),
        witness: witness.trim(),
        seed: seed.trim() || undefined,
        voidReason,
      },
      (done, total) => setProgress(total > 0 ? done / total : 0),
    );
    setProgress(null);
    if (!out.ok) return setIssues({ errors: out.errors, warnings: out.warnings });
    setIssues({ errors: [], warnings: out.warnings });
    setResult(out.report);
    setSeed(out.report.seed);
    setPreview(null);
  };

  const start = () =>
    run(async () => {
      if (!operator.trim() || !witness.trim()) return setMissingNames(true);
      setMissingNames(false);
      const plan = preview ?? (await loadPreview());
      if (!plan) return;
      if (plan.existing) return setAskReason(true);
      await draw();
    }).finally(() => setProgress(null));

  const confirmRedraw = () => {
    setAskReason(false);
    void run(() => draw(reason.trim()));
  };

  const taskLabel = (id: string) => {
    const task = tasks.find((x) => x.id === id);
    return task ? `${task.id} ${task.name}` : "";
  };
  const selectedCount = result ? result.strata.reduce((s, x) => s + x.selected, 0) : 0;

  return (
    <div className={styles.stack}>
      <Field label={t(lang, "task")} hint={tasks.length === 0 ? t(lang, "noTasks") : undefined}>
        <Dropdown
          placeholder={t(lang, "chooseTask")}
          value={taskLabel(taskId)}
          selectedOptions={taskId ? [taskId] : []}
          onOptionSelect={(_, d) => {
            setTaskId(d.optionValue ?? "");
            setPreview(null);
            setResult(null);
          }}
          disabled={tasks.length === 0}
        >
          {tasks.map((task) => (
            <Option key={task.id} value={task.id} text={`${task.id} ${task.name}`}>
              {`${task.id} ${task.name}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t(lang, "drawDate")}>
        <Input type="date" value={date} onChange={(_, d) => (setDate(d.value), setPreview(null))} />
      </Field>
      <Button onClick={() => void run(loadPreview)} disabled={!taskId || busy}>
        {t(lang, "preview")}
      </Button>
      {preview && (
        <section aria-label={t(lang, "preview")}>
          {preview.frozen && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t(lang, "frozenNote")}</MessageBarBody>
            </MessageBar>
          )}
          <StrataTable
            lang={lang}
            className={styles.table}
            countLabel="planned"
            rows={preview.strata.map((s) => ({ stratum: s.stratum, eligible: s.eligible, count: s.planned }))}
          />
        </section>
      )}
      <Field
        label={t(lang, "operator")}
        required
        validationMessage={missingNames && !operator.trim() ? t(lang, "needNames") : undefined}
      >
        <Input value={operator} onChange={(_, d) => setOperator(d.value)} />
      </Field>
      <Field
        label={t(lang, "witness")}
        required
        validationMessage={missingNames && !witness.trim() ? t(lang, "needNames") : undefined}
      >
        <Input value={witness} onChange={(_, d) => setWitness(d.value)} />
      </Field>
      <div>
        <div className={styles.row}>
          <Field label={t(lang, "seed")} className={styles.grow}>
            <Input
              value={seed}
              onChange={(_, d) => setSeed(d.value)}
              className={styles.mono}
              aria-describedby="seed-hint"
            />
          </Field>
          <Button onClick={() => setSeed(generateSeed())} disabled={preview?.frozen === true}>
            {t(lang, "generate")}
          </Button>
        </div>
        <Text id="seed-hint" size={200}>
          {t(lang, "seedHint")}
        </Text>
      </div>
      <Button appearance="primary" onClick={() => void start()} disabled={!taskId || busy}>
        {busy && progress !== null ? t(lang, "drawing") : t(lang, "draw")}
      </Button>
      {progress !== null && (
        <Field validationMessage={t(lang, "drawing")} validationState="none">
          <ProgressBar value={progress > 0 ? progress : undefined} aria-label={t(lang, "drawing")} />
        </Field>
      )}
      <Failure text={failure} />
      <IssueList
        lang={lang}
        title={t(lang, "errorsTitle")}
        issues={issues.errors}
        onSelectCell={(s, c) => void engine.selectCell(s, c)}
      />
      <IssueList lang={lang} title={t(lang, "warningsTitle")} issues={issues.warnings} />
      {result && (
        <section aria-live="polite" aria-label={t(lang, "drawDone", { n: selectedCount, sheet: result.sheet })}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t(lang, "drawDone", { n: selectedCount, sheet: result.sheet })}</MessageBarBody>
          </MessageBar>
          <StrataTable
            lang={lang}
            className={styles.table}
            countLabel="selectedCount"
            rows={result.strata.map((s) => ({ stratum: s.stratum, eligible: s.eligible, count: s.selected }))}
          />
          <Text block>
            {t(lang, "seed")}: <span className={styles.mono}>{result.seed}</span>
          </Text>
          <Text block>
            {t(lang, "digest")}: <span className={styles.mono}>{result.digest}</span>
          </Text>
          {engine.mode === "excel" && (
            <Button onClick={() => void run(() => engine.activateSheet(result.sheet))}>
              {t(lang, "jumpToResult")}
            </Button>
          )}
        </section>
      )}
      <Dialog open={askReason} onOpenChange={(_, d) => setAskReason(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(lang, "redrawTitle")}</DialogTitle>
            <DialogContent>
              <Text block>{t(lang, "redrawText", { sheet: preview?.existing ?? "" })}</Text>
              <Field label={t(lang, "reason")} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAskReason(false)}>
                {t(lang, "cancel")}
              </Button>
              <Button appearance="primary" disabled={!reason.trim()} onClick={confirmRedraw}>
                {t(lang, "confirmRedraw")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** Per stratum: eligible targets and a count (planned before the draw, selected after it). */
function StrataTable(props: {
  lang: Lang;
  className: string;
  countLabel: "planned" | "selectedCount";
  rows: { stratum: string; eligible: number; count: number }[];
}) {
  const { lang } = props;
  return (
    <table className={props.className}>
      <thead>
        <tr>
          <th scope="col">{t(lang, "stratum")}</th>
          <th scope="col">{t(lang, "eligible")}</th>
          <th scope="col">{t(lang, props.countLabel)}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((s) => (
          <tr key={s.stratum}>
            <th scope="row">{s.stratum}</th>
            <td>{s.eligible}</td>
            <td>{s.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
