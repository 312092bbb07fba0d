// 抽取: choose the task, see the plan per stratum, name operator and witness; freeze the list and
// publish its digest before the seed exists, or draw with an entered or system-generated seed. A
// task that already has a 有效 draw is drawn again only with a stated reason. Below, an existing
// draw can be looked at, a target substituted and a draw voided.
import { startTransition, useState } from "react";
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
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DrawPreview, DrawState, Engine, FreezeSummary, Issue, Lang, SheetMap } from "../engine";
import { todayInChina } from "../pane-logic";
import { ActionResult, DrawStateView, type ActionOutcome } from "./DrawState";
import { DrawPicker } from "./DrawPicker";
import { t } from "../strings";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { ImportSection } from "./ImportSection";
import { TaskIssues } from "./TaskIssues";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "0" },
  table: { borderCollapse: "collapse", width: "100%", "& th, & td": { textAlign: "left", padding: "2px 6px" } },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
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
  const [date, setDate] = useState(() => todayInChina());
  const [preview, setPreview] = useState<DrawPreview | null>(null);
  const [operator, setOperator] = useState("");
  const [witness, setWitness] = useState("");
  const [seed, setSeed] = useState("");
  // 由系统生成: the seed is made by the core at draw time (128 bits) and logged 系统生成
  const [generated, setGenerated] = useState(false);
  const [seedRule, setSeedRule] = useState("");
  const [missingRule, setMissingRule] = useState(false);
  const [frozen, setFrozen] = useState<FreezeSummary | null>(null);
  const [chosen, setChosen] = useState("");
  const [shown, setShown] = useState<DrawState | null>(null);
  const [action, setAction] = useState<ActionOutcome | null>(null);
  const [resultAction, setResultAction] = useState<ActionOutcome | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [issues, setIssues] = useState<{ errors: Issue[]; warnings: Issue[] }>({ errors: [], warnings: [] });
  const [result, setResult] = useState<DrawState | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState("");
  const [missingNames, setMissingNames] = useState(false);

  const loadPreview = async (id = taskId): Promise<DrawPreview | null> => {
    const out = await engine.previewDraw({ lang, sheetMap, taskId: id, date });
    if (!out.ok) {
      setIssues({ errors: out.errors, warnings: out.warnings });
      setPreview(null);
      return null;
    }
    setIssues({ errors: [], warnings: out.warnings });
    setPreview(out.report);
    // a frozen task is drawn with the seed its published rule gives, never a generated one
    if (out.report.frozen) setGenerated(false);
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
        seed: generated ? undefined : seed,
        voidReason,
      },
      (done, total) => setProgress(total > 0 ? done / total : 0),
    );
    setProgress(null);
    if (!out.ok) return setIssues({ errors: out.errors, warnings: out.warnings });
    // the result view is rendered in a transition, in slices between which the page stays
    // responsive: as one render it was a main-thread task of 60–70 ms
    startTransition(() => {
      setIssues({ errors: [], warnings: out.warnings });
      setResult({ ...out.report, status: "有效", reason: "" });
      setResultAction(null);
      setPreview(null);
    });
  };

  const freeze = async (voidReason?: string) => {
    setFrozen(null);
    const out = await engine.freeze({
      lang,
      sheetMap,
      taskId,
      date,
      operator: operator.trim(),
      seedRule: seedRule.trim(),
      voidReason,
    });
    if (!out.ok) return setIssues({ errors: out.errors, warnings: out.warnings });
    setIssues({ errors: [], warnings: out.warnings });
    setFrozen(out.report);
    await loadPreview();
  };

  const [pendingAction, setPendingAction] = useState<"draw" | "freeze" | "voidFreeze">("draw");
  const voidFreeze = async (why: string) => {
    if (!preview?.frozenSheet) return;
    const out = await engine.voidDraw({
      lang,
      sheetMap,
      drawSheet: preview.frozenSheet,
      reason: why,
      operator: operator.trim(),
    });
    if (!out.ok) return setIssues({ errors: out.errors, warnings: out.warnings });
    setIssues({ errors: [], warnings: out.warnings });
    setFrozen(null);
    await loadPreview();
  };
  const start = (what: "draw" | "freeze") =>
    run(async () => {
      const needWitness = what === "draw";
      if (!operator.trim() || (needWitness && !witness.trim())) return setMissingNames(true);
      setMissingNames(false);
      if (what === "freeze" && !seedRule.trim()) return setMissingRule(true);
      setMissingRule(false);
      const plan = preview ?? (await loadPreview());
      if (!plan) return;
      setPendingAction(what);
      // a new freeze of a frozen task, or a redraw of a drawn one, voids the earlier one: say why
      if (plan.existing || (what === "freeze" && plan.frozen)) return setAskReason(true);
      await (what === "draw" ? draw() : freeze());
    }).finally(() => setProgress(null));

  const confirmRedraw = () => {
    setAskReason(false);
    const why = reason.trim();
    void run(() => (pendingAction === "draw" ? draw(why) : pendingAction === "freeze" ? freeze(why) : voidFreeze(why)));
  };

  const show = (sheet: string) =>
    run(async () => {
      setChosen(sheet);
      setAction(null);
      const out = await engine.describeDraw({ lang, sheetMap, drawSheet: sheet });
      setShown(out.ok ? out.report : null);
      if (!out.ok) setAction({ errors: out.errors, warnings: out.warnings, message: null });
    });

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
            const id = d.optionValue ?? "";
            setTaskId(id);
            setPreview(null);
            setResult(null);
            setFrozen(null);
            // known from the moment the task is chosen: whether it is frozen (and 生成 is off)
            if (id) void run(() => loadPreview(id));
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
              <MessageBarBody>
                {t(lang, "frozenNote")} {t(lang, "frozenAt", { time: preview.frozenAt, rule: preview.seedRule || "—" })}
              </MessageBarBody>
              <MessageBarActions>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    if (!operator.trim()) return setMissingNames(true);
                    setPendingAction("voidFreeze");
                    setAskReason(true);
                  }}
                >
                  {t(lang, "voidFreeze")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <StrataTable
            lang={lang}
            className={styles.table}
            countLabel="planned"
            rows={preview.strata.map((s) => ({ stratum: s.stratum, eligible: s.eligible, count: s.planned }))}
          />
          {preview.year.length > 0 && (
            <section aria-label={t(lang, "yearAfterDraw")} data-testid="preview-year">
              <Text weight="semibold">{t(lang, "yearAfterDraw")}</Text>
              <ul className={styles.lines}>
                {preview.year.map((l, k) => (
                  <li key={k}>{l}</li>
                ))}
              </ul>
            </section>
          )}
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
      <section aria-label={t(lang, "freezeTitle")} className={styles.stack}>
        <Text weight="semibold">{t(lang, "freezeTitle")}</Text>
        <Text size={200}>{t(lang, "freezeHint")}</Text>
        <Field
          label={t(lang, "seedRule")}
          hint={t(lang, "seedRuleHint")}
          validationMessage={missingRule && !seedRule.trim() ? t(lang, "needSeedRule") : undefined}
        >
          <Input value={seedRule} onChange={(_, d) => setSeedRule(d.value)} disabled={preview?.frozen === true} />
        </Field>
        <Button onClick={() => void start("freeze")} disabled={!taskId || busy || preview?.frozen === true}>
          {busy && pendingAction === "freeze" ? t(lang, "freezing") : t(lang, "freeze")}
        </Button>
        {frozen && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <Text block>{t(lang, "freezeDone", { task: frozen.task, n: frozen.eligible })}</Text>
              <Text block>
                {t(lang, "digest")}: <span className={styles.mono}>{frozen.digest}</span>
              </Text>
              <Text block>
                {t(lang, "chainHead")}: <span className={styles.mono}>{frozen.chain}</span>
              </Text>
              <Text block>
                {t(lang, "seedRule")}: {frozen.seedRule}
              </Text>
            </MessageBarBody>
          </MessageBar>
        )}
      </section>
      <div>
        <div className={styles.row}>
          <Field label={t(lang, "seed")} className={styles.grow}>
            <Input
              value={generated ? t(lang, "seedGenerated") : seed}
              onChange={(_, d) => setSeed(d.value)}
              className={styles.mono}
              aria-describedby="seed-hint"
              disabled={generated}
            />
          </Field>
          <Button onClick={() => setGenerated((g) => !g)} disabled={!taskId || preview === null || preview.frozen}>
            {generated ? t(lang, "seedGenerateOff") : t(lang, "seedGenerateOn")}
          </Button>
        </div>
        <Text id="seed-hint" size={200}>
          {preview?.frozen ? t(lang, "seedFrozenOnly") : t(lang, "seedHint")}
        </Text>
      </div>
      <Button appearance="primary" onClick={() => void start("draw")} disabled={!taskId || busy}>
        {busy && progress !== null ? t(lang, "drawing") : t(lang, "draw")}
      </Button>
      {progress !== null && (
        <Field validationMessage={t(lang, "drawing")} validationState="none">
          <ProgressBar value={progress > 0 ? progress : undefined} aria-label={t(lang, "drawing")} />
        </Field>
      )}
      <Failure text={failure} />
      <TaskIssues lang={lang} engine={engine} sheetMap={sheetMap} taskId={taskId} errors={issues.errors} />
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
          {engine.mode === "excel" && (
            <Button onClick={() => void run(() => engine.activateSheet(result.sheet))}>
              {t(lang, "jumpToResult")}
            </Button>
          )}
          <DrawStateView
            lang={lang}
            engine={engine}
            sheetMap={sheetMap}
            state={result}
            operator={operator}
            busy={busy}
            run={run}
            onChanged={(next, outcome) => (setResult(next), setResultAction(outcome))}
          />
          <ActionResult lang={lang} engine={engine} outcome={resultAction} />
        </section>
      )}
      <section aria-label={t(lang, "manageTitle")} className={styles.stack}>
        <Text weight="semibold">{t(lang, "manageTitle")}</Text>
        <DrawPicker
          lang={lang}
          engine={engine}
          sheetMap={sheetMap}
          value={chosen}
          onChange={(sheet) => void show(sheet)}
          filter={(draws) => draws.filter((d) => d.sheet !== "")}
          run={run}
        />
        {shown && (
          <DrawStateView
            lang={lang}
            engine={engine}
            sheetMap={sheetMap}
            state={shown}
            operator={operator}
            busy={busy}
            run={run}
            onChanged={(next, outcome) => (setShown(next), setAction(outcome))}
          />
        )}
        <ActionResult lang={lang} engine={engine} outcome={action} />
      </section>
      <ImportSection lang={lang} engine={engine} sheetMap={sheetMap} tasks={tasks} />
      <Dialog open={askReason} onOpenChange={(_, d) => setAskReason(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{pendingAction === "voidFreeze" ? t(lang, "voidTitle") : t(lang, "redrawTitle")}</DialogTitle>
            <DialogContent>
              <Text block>
                {pendingAction === "voidFreeze"
                  ? t(lang, "voidText", { sheet: preview?.frozenSheet ?? "" })
                  : t(lang, "redrawText", { sheet: preview?.existing ?? preview?.frozenSheet ?? "" })}
              </Text>
              <Field label={t(lang, "reason")} required>
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAskReason(false)}>
                {t(lang, "cancel")}
              </Button>
              <Button appearance="primary" disabled={!reason.trim()} onClick={confirmRedraw}>
                {pendingAction === "voidFreeze" ? t(lang, "confirmVoid") : t(lang, "confirmRedraw")}
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
