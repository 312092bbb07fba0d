// 结果公示: choose a task that has a 有效 draw, optionally the day to judge deadlines on, build the
// publicity sheets; then the task's key figures at a glance and every overdue result row, each
// a link to its row on 检查结果.
import { useEffect, useId, useState } from "react";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import type { Engine, Issue, Lang, PublicityRow, PublicitySummary, SheetMap } from "../engine";
import { drawnTasks, overdueRows, percentText, publicityFigures, rowRange } from "../pane-logic";
import { t, type StringKey } from "../strings";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  dropdown: { minWidth: "0", width: "100%" },
  figures: {
    display: "grid",
    // four small figures: two rows of two in a 320 px pane, one row of four from about 460 px
    gridTemplateColumns: "repeat(auto-fill, minmax(100px, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  wide: { gridColumn: "1 / -1" },
  alarm: {
    ...shorthands.borderColor(tokens.colorPaletteRedBorder2),
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  label: { margin: 0, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { wordBreak: "break-word" },
});

type Figure = { key: string; label: StringKey; value: string; note?: React.ReactNode; alarm?: boolean; wide?: boolean };

export function PublicityTab(props: { lang: Lang; engine: Engine; sheetMap: SheetMap }) {
  const { lang, engine, sheetMap } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [tasks, setTasks] = useState<{ id: string; name: string }[] | null>(null);
  const [taskId, setTaskId] = useState("");
  const [today, setToday] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<PublicitySummary | null>(null);
  const [issues, setIssues] = useState<{ errors: Issue[]; warnings: Issue[] }>({ errors: [], warnings: [] });
  const [located, setLocated] = useState<string | null>(null);

  useEffect(() => {
    void run(async () => {
      const list = drawnTasks(await engine.listDraws({ lang, sheetMap }));
      setTasks(list);
      if (list.length === 1) setTaskId(list[0].id);
    });
    // the draw log is read when the tab is shown
  }, [engine]);

  const build = () =>
    run(async () => {
      setReport(null);
      setLocated(null);
      setProgress(0);
      try {
        const out = await engine.buildPublicity({ lang, sheetMap, taskId, today: today || undefined }, (done, total) =>
          setProgress(total > 0 ? done / total : 0),
        );
        setIssues({ errors: out.ok ? [] : out.errors, warnings: out.warnings });
        if (out.ok) setReport(out.report);
      } finally {
        setProgress(null);
      }
    });

  const goToRow = (sheet: string, row: number) =>
    run(async () => {
      await engine.selectCell(sheet, rowRange(row));
      setLocated(engine.mode === "file" ? t(lang, "fileLocation", { sheet, row }) : null);
    });

  const taskLabel = (id: string) => {
    const task = tasks?.find((x) => x.id === id);
    return task ? `${task.id} ${task.name}` : id;
  };

  return (
    <div className={styles.stack}>
      <Text>{t(lang, "publicityIntro")}</Text>
      <Field label={t(lang, "task")} hint={tasks !== null && tasks.length === 0 ? t(lang, "noDrawnTasks") : undefined}>
        <Dropdown
          className={styles.dropdown}
          placeholder={t(lang, "chooseTask")}
          value={taskId ? taskLabel(taskId) : ""}
          selectedOptions={taskId ? [taskId] : []}
          onOptionSelect={(_, d) => (setTaskId(d.optionValue ?? ""), setReport(null))}
          disabled={!tasks || tasks.length === 0}
        >
          {(tasks ?? []).map((task) => (
            <Option key={task.id} value={task.id} text={`${task.id} ${task.name}`}>
              {`${task.id} ${task.name}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t(lang, "asOf")} hint={t(lang, "asOfHint")}>
        <Input type="date" value={today} onChange={(_, d) => (setToday(d.value), setReport(null))} />
      </Field>
      <Button appearance="primary" disabled={!taskId || busy} onClick={() => void build()}>
        {progress !== null ? t(lang, "publicityBuilding") : t(lang, "publicityRun")}
      </Button>
      {progress !== null && (
        <Field validationMessage={t(lang, "publicityBuilding")} validationState="none">
          <ProgressBar value={progress > 0 ? progress : undefined} aria-label={t(lang, "publicityBuilding")} />
        </Field>
      )}
      <Failure text={failure} />
      <IssueList
        lang={lang}
        title={t(lang, "errorsTitle")}
        issues={issues.errors}
        onSelectCell={(s, c) => void run(() => engine.selectCell(s, c))}
        fileMode={engine.mode === "file"}
      />
      {report && (
        <section aria-live="polite" className={styles.stack}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t(lang, "written", { sheets: report.sheets.join("、") })}</MessageBarBody>
          </MessageBar>
          <PublicityResult lang={lang} report={report} onGoToRow={(sheet, row) => void goToRow(sheet, row)} />
          {located && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{located}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
      <IssueList
        lang={lang}
        title={t(lang, "warningsTitle")}
        issues={issues.warnings}
        onSelectCell={(s, c) => void run(() => engine.selectCell(s, c))}
        fileMode={engine.mode === "file"}
      />
    </div>
  );
}

/** The key figures and the overdue rows of a built publicity (no engine: also rendered in tests). */
export function PublicityResult(props: {
  lang: Lang;
  report: PublicitySummary;
  onGoToRow: (sheet: string, row: number) => void;
}) {
  const { lang, report } = props;
  const styles = useStyles();
  const figuresId = useId();
  const overdueId = useId();
  const figures = (r: PublicitySummary): Figure[] => {
    const f = publicityFigures(r);
    const minimum =
      f.minRatio === null ? (
        <Text size={200}>{t(lang, "noMinimum")}</Text>
      ) : (
        <Badge appearance="tint" color={f.meetsMinimum ? "success" : "danger"}>
          {f.meetsMinimum ? t(lang, "meetsMinimum") : t(lang, "belowMinimum", { min: percentText(f.minRatio) })}
        </Badge>
      );
    return [
      { key: "selected", label: "figSelected", value: String(f.selected) },
      { key: "inspected", label: "figInspected", value: String(f.inspected) },
      { key: "problems", label: "figProblems", value: String(f.problems) },
      {
        key: "published",
        label: "figPublished",
        value: String(f.published),
        note: <Text size={200}>{t(lang, "publicityRate", { rate: percentText(f.publicityRate) })}</Text>,
      },
      {
        key: "coverage",
        label: "figCoverage",
        value: percentText(f.coverage),
        note: (
          <>
            {f.minRatio !== null && <Text size={200}>{t(lang, "minRatio", { min: percentText(f.minRatio) })}</Text>}
            {minimum}
          </>
        ),
        alarm: f.meetsMinimum === false,
        wide: true,
      },
      { key: "overdue", label: "figOverdue", value: String(f.overdue), alarm: f.overdue > 0, wide: true },
    ];
  };

  const overdue: PublicityRow[] = overdueRows(report);
  return (
    <>
      <section aria-labelledby={figuresId} className={styles.stack}>
        <Text as="h3" id={figuresId} weight="semibold" size={400}>
          {t(lang, "figuresTitle", { date: report.today })}
        </Text>
        <dl className={styles.figures}>
          {figures(report).map((f) => (
            <div
              key={f.key}
              data-figure={f.key}
              className={mergeClasses(styles.figure, f.wide && styles.wide, f.alarm && styles.alarm)}
            >
              <dt className={styles.label}>
                <Text size={200}>{t(lang, f.label)}</Text>
              </dt>
              <dd className={styles.value}>
                <Text size={600} weight="semibold">
                  {f.value}
                </Text>
                {f.note}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby={overdueId} className={styles.stack}>
        <Text as="h3" id={overdueId} weight="semibold" size={400}>
          {t(lang, "overdueTitle", { n: overdue.length })}
        </Text>
        {overdue.length === 0 ? (
          <Text>{t(lang, "overdueNone")}</Text>
        ) : (
          <ul className={styles.list}>
            {overdue.map((r) => (
              <li key={`${r.uscc}|${r.department}`} className={styles.item} data-uscc={r.uscc}>
                {r.row !== null ? (
                  <Link
                    as="button"
                    onClick={() => props.onGoToRow(report.resultsSheet, r.row!)}
                    aria-label={`${t(lang, "goToRow", { sheet: report.resultsSheet, row: r.row })}: ${r.name} ${r.department}`}
                  >
                    {t(lang, "rowOf", { row: r.row })}
                  </Link>
                ) : (
                  <Text italic>{t(lang, "noResultRow")}</Text>
                )}{" "}
                <Text weight="semibold">{r.name}</Text> <Text>· {r.department}</Text>{" "}
                <Text size={200}>{t(lang, "publishBy", { date: r.publishBy ?? "—" })}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
