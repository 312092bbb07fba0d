// 年度: the year view over every valid draw, as `year --json` computes it, written as 抽查年度统计
// (its detail sheet, and the half-year or year report when asked). Each figure opens onto the
// targets and 检查结果 rows it counts: Excel selects the row; file mode says where it is.
// Below, the national publicity system's export, with its CSV offered for download in file mode.
import { useState } from "react";
import {
  Button,
  Divider,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Engine, Issue, Lang, NationalSummary, SheetMap, YearSummary } from "../engine";
import {
  csvBytes,
  detailRowOf,
  detailSpanOf,
  lateBatches,
  percentText,
  rowRange,
  rowsRange,
  todayInChina,
  yearFigures,
  yearScope,
  type YearFigure,
} from "../pane-logic";
import { t, type StringKey } from "../strings";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { SheetWithPreview } from "./SheetPreview";
import { useAction } from "./useAction";

/** entries listed under a figure at most (the detail sheet holds them all) */
const SHOWN = 30;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  // year and date side by side only when both fit whole (a date input has its own minimum width)
  grow: { flexGrow: 1, minWidth: "0", flexBasis: "150px" },
  dropdown: { minWidth: "0", width: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    "& th, & td": { textAlign: "left", padding: "2px 4px", verticalAlign: "top", overflowWrap: "anywhere" },
  },
  value: { width: "5.5em", textAlign: "right" },
  alarm: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  entries: {
    borderLeft: `2px solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

type Group = keyof ReturnType<typeof yearFigures>;
const GROUPS: { id: Group; title: StringKey }[] = [
  { id: "draw", title: "yearGroupDraw" },
  { id: "grade", title: "yearGroupGrade" },
  { id: "inspection", title: "yearGroupInspection" },
  { id: "results", title: "yearGroupResults" },
  { id: "publicity", title: "yearGroupPublicity" },
  { id: "penalty", title: "yearGroupPenalty" },
  { id: "followUp", title: "yearGroupFollowUp" },
];

const figureLabel = (lang: Lang, key: string) => t(lang, `yf_${key}` as StringKey);

function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function YearTab(props: { lang: Lang; engine: Engine; sheetMap: SheetMap }) {
  const { lang, engine, sheetMap } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const today = todayInChina();
  const [year, setYear] = useState(today.slice(0, 4));
  const [asOf, setAsOf] = useState(today);
  const [share, setShare] = useState("");
  const [report, setReport] = useState<"" | "half" | "year">("");
  const [summary, setSummary] = useState<YearSummary | null>(null);
  const [issues, setIssues] = useState<{ errors: Issue[]; warnings: Issue[] }>({ errors: [], warnings: [] });
  const [department, setDepartment] = useState("");
  const [exported, setExported] = useState<NationalSummary | null>(null);
  const reportLabel: Record<typeof report, string> = {
    "": t(lang, "reportNone"),
    half: t(lang, "reportHalf"),
    year: t(lang, "reportYear"),
  };

  const compute = () =>
    run(async () => {
      setSummary(null);
      const out = await engine.runYear({
        lang,
        sheetMap,
        year: Number(year),
        today: asOf || undefined,
        share: share.trim() || undefined,
        report: report || undefined,
      });
      setIssues({ errors: out.ok ? [] : out.errors, warnings: out.warnings });
      if (out.ok) {
        setSummary(out.report);
        setDepartment("");
      }
    });

  const exportNational = () =>
    run(async () => {
      setExported(null);
      const out = await engine.nationalExport({ lang, sheetMap, year: Number(year) });
      setIssues({ errors: out.ok ? [] : out.errors, warnings: out.warnings });
      if (out.ok) setExported(out.report);
    });

  return (
    <div className={styles.stack}>
      <Text>{t(lang, "yearIntro")}</Text>
      <div className={styles.row}>
        <Field label={t(lang, "yearLabel")} className={styles.grow}>
          <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} min={2000} max={2100} />
        </Field>
        <Field label={t(lang, "asOf")} className={styles.grow}>
          <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
        </Field>
      </div>
      <Field label={t(lang, "yearShare")} hint={t(lang, "yearShareHint")}>
        <Input value={share} placeholder="3%" onChange={(_, d) => setShare(d.value)} />
      </Field>
      <Field label={t(lang, "yearReport")}>
        <Dropdown
          className={styles.dropdown}
          value={reportLabel[report]}
          selectedOptions={[report]}
          onOptionSelect={(_, d) => setReport((d.optionValue ?? "") as typeof report)}
        >
          {(["", "half", "year"] as const).map((k) => (
            <Option key={k} value={k}>
              {reportLabel[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button appearance="primary" disabled={busy || !/^\d{4}$/.test(year)} onClick={() => void compute()}>
        {busy ? t(lang, "yearRunning") : t(lang, "yearRun")}
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
      {summary && (
        <YearResult
          lang={lang}
          engine={engine}
          summary={summary}
          department={department}
          onDepartment={setDepartment}
        />
      )}
      <Divider />
      <section className={styles.stack} aria-label={t(lang, "exportTitle")}>
        <Text as="h3" weight="semibold" size={400}>
          {t(lang, "exportTitle")}
        </Text>
        <Text>{t(lang, "exportIntro")}</Text>
        <Button disabled={busy || !/^\d{4}$/.test(year)} onClick={() => void exportNational()}>
          {t(lang, "exportRun")}
        </Button>
        {exported && (
          <div className={styles.stack} aria-live="polite">
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                {t(lang, "exportDone", { sheet: exported.sheet, n: exported.rows.length })}
              </MessageBarBody>
            </MessageBar>
            <SheetWithPreview lang={lang} engine={engine} sheet={exported.sheet} />
            {engine.mode === "file" && (
              <Button
                onClick={() =>
                  download(`${exported.sheet}-${year}.csv`, csvBytes(exported.csv), "text/csv;charset=utf-8")
                }
              >
                {t(lang, "exportCsv")}
              </Button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

/** The figures of one run of the year view; a scope picker for the departments. */
export function YearResult(props: {
  lang: Lang;
  engine: Engine;
  summary: YearSummary;
  department: string;
  onDepartment: (d: string) => void;
}) {
  const { lang, engine, summary, department } = props;
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const [located, setLocated] = useState<string | null>(null);
  const scope = yearScope(summary, department);
  const figures = yearFigures(scope);
  const j = scope.json;
  const scopeLabel = (d: string) => (d === "" ? t(lang, "scopeAll") : d);

  // Excel selects the rows; file mode has no grid, so the pane names them instead
  const goTo = async (sheet: string, first: number, last = first) => {
    await engine.selectCell(sheet, first === last ? rowRange(first) : rowsRange(first, last));
    setLocated(
      engine.mode === "file"
        ? first === last
          ? t(lang, "fileLocation", { sheet, row: first })
          : t(lang, "fileRangeLocation", { sheet, from: first, to: last })
        : null,
    );
  };

  const line = (f: YearFigure) => {
    const n = f.entries?.length ?? 0;
    return (
      <tr key={f.key} data-figure={f.key}>
        <th scope="row">{figureLabel(lang, f.key)}</th>
        <td className={`${styles.value} ${f.alarm ? styles.alarm : ""}`}>
          {f.entries && n > 0 ? (
            <Link
              as="button"
              aria-expanded={open === f.key}
              aria-label={t(lang, "showEntries", { figure: figureLabel(lang, f.key), n })}
              onClick={() => (setOpen(open === f.key ? null : f.key), setLocated(null))}
            >
              {f.value}
            </Link>
          ) : (
            f.value
          )}
        </td>
      </tr>
    );
  };

  const entries = (f: YearFigure) => {
    const all = f.entries ?? [];
    const span = detailSpanOf(summary, scope, f.detail ?? f.key);
    const detailSheet = summary.detail?.sheet ?? "";
    return (
      <section
        className={styles.entries}
        aria-label={t(lang, "entriesTitle", { figure: figureLabel(lang, f.key), n: all.length })}
        data-entries={f.key}
      >
        <Text weight="semibold">{t(lang, "entriesTitle", { figure: figureLabel(lang, f.key), n: all.length })}</Text>
        {span && f.detail === f.key && (
          <Link as="button" onClick={() => void goTo(detailSheet, span[0], span[1])}>
            {t(lang, "detailAll", { sheet: detailSheet, from: span[0], to: span[1] })}
          </Link>
        )}
        {located && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{located}</MessageBarBody>
          </MessageBar>
        )}
        <ul className={styles.list}>
          {all.slice(0, SHOWN).map((e, k) => {
            const detailRow = detailRowOf(summary, scope, f.detail ?? f.key, e);
            return (
              <li key={k} data-uscc={e.uscc}>
                <Text block>
                  {e.name} {e.uscc}
                  {e.department ? ` · ${e.department}` : ""}
                </Text>
                {summary.resultsSheet &&
                  e.rows.map((r) => (
                    <Link
                      key={r}
                      as="button"
                      onClick={() => void goTo(summary.resultsSheet!, r)}
                      aria-label={`${t(lang, "goToRow", { sheet: summary.resultsSheet!, row: r })}: ${e.name}`}
                    >
                      {t(lang, "goToRow", { sheet: summary.resultsSheet!, row: r })}
                    </Link>
                  ))}{" "}
                {detailRow !== null && (
                  <Link as="button" onClick={() => void goTo(detailSheet, detailRow)}>
                    {t(lang, "entryDetailRow", { row: detailRow })}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
        {all.length > SHOWN && <Text size={200}>{t(lang, "entriesMore", { shown: SHOWN })}</Text>}
        <Button size="small" onClick={() => setOpen(null)}>
          {t(lang, "closeEntries")}
        </Button>
      </section>
    );
  };

  const late = lateBatches(summary.json);
  return (
    <section className={styles.stack} aria-live="polite" data-testid="year-result">
      <Text weight="semibold" size={400}>
        {t(lang, "yearFiguresTitle", { year: summary.json.year, date: summary.json.today })}
      </Text>
      <MessageBar intent={j.meetsGoal ? "success" : "warning"} layout="multiline">
        <MessageBarBody>
          {t(lang, "yf_share")} {percentText(j.share)}（{t(lang, "goalOf", { goal: percentText(j.goal) })}）{" — "}
          {t(lang, j.meetsGoal ? "meetsGoal" : "belowGoal")}
        </MessageBarBody>
      </MessageBar>
      {summary.json.departments.length > 0 && (
        <Field label={t(lang, "yearScope")}>
          <Dropdown
            className={styles.dropdown}
            value={scopeLabel(department)}
            selectedOptions={[department]}
            onOptionSelect={(_, d) => (props.onDepartment(d.optionValue ?? ""), setOpen(null))}
          >
            {["", ...summary.json.departments.map((d) => d.department)].map((d) => (
              <Option key={d} value={d} text={scopeLabel(d)}>
                {scopeLabel(d)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {GROUPS.map((g) => {
        const list = figures[g.id];
        const opened = list.find((f) => f.key === open);
        return (
          <section key={g.id} aria-label={t(lang, g.title)}>
            <Text as="h4" weight="semibold" block>
              {t(lang, g.title)}
            </Text>
            <table className={styles.table}>
              <tbody>{list.map(line)}</tbody>
            </table>
            {g.id === "grade" && (
              <table className={styles.table} aria-label={t(lang, "yearGroupGrade")}>
                <thead>
                  <tr>
                    <th>{t(lang, "gradeCol")}</th>
                    <th>{t(lang, "gradeRegistry")}</th>
                    <th>{t(lang, "gradeDrawn")}</th>
                    <th>{t(lang, "gradeShare")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(j.byGrade).map(([grade, v]) => (
                    <tr key={grade}>
                      <td>{grade}</td>
                      <td>{v.registry}</td>
                      <td>{v.drawn}</td>
                      <td>{percentText(v.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {opened && entries(opened)}
          </section>
        );
      })}
      <section aria-label={t(lang, "yearGroupCoverage")}>
        <Text as="h4" weight="semibold" block>
          {t(lang, "yearGroupCoverage")}
        </Text>
        <Text block className={j.uncoveredItems.length > 0 ? styles.alarm : undefined}>
          {j.uncoveredItems.length > 0
            ? t(lang, "uncoveredTitle", { n: j.uncoveredItems.length })
            : t(lang, "uncoveredNone")}
        </Text>
        {j.uncoveredItems.length > 0 && (
          <ul className={styles.list}>
            {j.uncoveredItems.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
        <Text block>
          {j.repeated.length > 0 ? t(lang, "repeatedTitle", { n: j.repeated.length }) : t(lang, "repeatedNone")}
        </Text>
        {j.repeated.length > 0 && (
          <ul className={styles.list}>
            {j.repeated.map((r, k) => (
              <li key={k}>
                {r.name} {r.uscc} · {r.item} · {r.sheets.join("、")}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t(lang, "yearGroupPlan")}>
        <Text as="h4" weight="semibold" block>
          {t(lang, "yearGroupPlan")}
        </Text>
        {summary.json.plan.length === 0 ? (
          <Text>{t(lang, "planNone")}</Text>
        ) : (
          <>
            {late.length > 0 && (
              <Text block className={styles.alarm}>
                {t(lang, "planLateTitle", { n: late.length })}
              </Text>
            )}
            <ul className={styles.list}>
              {summary.json.plan.map((b) => (
                <li key={b.row} className={b.late ? styles.alarm : undefined} data-late={b.late}>
                  {t(lang, "planLine", {
                    batch: b.batch,
                    department: b.department,
                    start: b.start,
                    end: b.end,
                    drawn: b.drawn,
                    planned: b.planned === null ? "" : t(lang, "planPlanned", { n: b.planned }),
                    state: t(lang, `state_${b.state}` as StringKey),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-label={t(lang, "yearGroupDraws")}>
        <Text as="h4" weight="semibold" block>
          {t(lang, "yearGroupDraws")}
        </Text>
        <ul className={styles.list}>
          {summary.json.draws.map((d) => (
            <li key={d.sheet}>
              {t(lang, "drawLine", {
                sheet: d.sheet,
                task: d.task,
                date: d.date,
                n: d.targets,
                external: d.external ? t(lang, "externalMark") : "",
              })}
            </li>
          ))}
        </ul>
      </section>
      {summary.sheets.length > 0 && (
        <section className={styles.stack} aria-label={t(lang, "writtenList")}>
          <Text as="h4" weight="semibold" block>
            {t(lang, "writtenList")}
          </Text>
          {summary.sheets.map((s) => (
            <SheetWithPreview key={s} lang={lang} engine={engine} sheet={s} />
          ))}
        </section>
      )}
    </section>
  );
}
