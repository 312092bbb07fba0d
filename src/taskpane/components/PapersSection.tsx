// 文书: pick any draw of the log and write its printable papers. Only the papers the draw's state
// allows are offered (the use-case decides the same and refuses the others); a draw that no longer
// verifies is refused with the reason.
import { useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DrawListing, Engine, Issue, Lang, PaperKind, PapersSummary, SheetMap } from "../engine";
import { PAPER_KINDS } from "../engine";
import { newestFirst, paperKindsFor } from "../pane-logic";
import { t, type StringKey } from "../strings";
import { DrawPicker, drawKey } from "./DrawPicker";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { SheetWithPreview } from "./SheetPreview";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  refusal: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: "break-word" },
});

const paperLabel = (lang: Lang, k: PaperKind) => t(lang, `paper_${k}` as StringKey);

export function PapersSection(props: { lang: Lang; engine: Engine; sheetMap: SheetMap }) {
  const { lang, engine, sheetMap } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [sheet, setSheet] = useState("");
  const [draws, setDraws] = useState<DrawListing[]>([]);
  const [date, setDate] = useState("");
  const [written, setWritten] = useState<PapersSummary | null>(null);
  const [refusal, setRefusal] = useState<{ errors: Issue[]; warnings: Issue[] } | null>(null);
  const chosen = draws.find((d) => drawKey(d) === sheet);
  const offered = chosen ? paperKindsFor(chosen.status, chosen.frozen) : [];
  const notOffered = PAPER_KINDS.filter((k) => !offered.includes(k));

  const loaded = (list: DrawListing[]) => {
    setDraws(list);
    if (!list.some((d) => drawKey(d) === sheet)) setSheet(list[0] ? drawKey(list[0]) : "");
  };

  const write = (kinds: PaperKind[]) =>
    run(async () => {
      setWritten(null);
      setRefusal(null);
      const out = await engine.writePapers({
        lang,
        sheetMap,
        drawSheet: sheet,
        kinds,
        date: date || undefined,
      });
      if (!out.ok) return setRefusal({ errors: out.errors, warnings: out.warnings });
      if (out.warnings.length > 0) setRefusal({ errors: [], warnings: out.warnings });
      setWritten(out.report);
      const first = Object.values(out.report.sheets)[0];
      if (first) await engine.activateSheet(first);
    });

  const sheets = written
    ? PAPER_KINDS.filter((k) => written.sheets[k]).map((k) => ({ kind: k, sheet: written.sheets[k]! }))
    : [];

  return (
    <section className={styles.stack} aria-label={t(lang, "papersTitle")}>
      <Text as="h3" weight="semibold" size={400}>
        {t(lang, "papersTitle")}
      </Text>
      <Text>{t(lang, "papersIntro")}</Text>
      <DrawPicker
        lang={lang}
        engine={engine}
        sheetMap={sheetMap}
        label={t(lang, "papersDraw")}
        value={sheet}
        onChange={(s) => (setSheet(s), setWritten(null), setRefusal(null))}
        filter={newestFirst}
        onLoaded={loaded}
        run={run}
      />
      <Field label={t(lang, "paperDate")} hint={t(lang, "paperDateHint")}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <div className={styles.buttons}>
        {offered.map((k) => (
          <Button key={k} disabled={!sheet || busy} onClick={() => void write([k])} data-paper={k}>
            {t(lang, "paperWrite", { paper: paperLabel(lang, k) })}
          </Button>
        ))}
      </div>
      {chosen && notOffered.length > 0 && (
        <Text size={200}>
          {t(lang, "papersNotOffered", {
            status: chosen.status,
            papers: notOffered.map((k) => paperLabel(lang, k)).join("、"),
          })}
        </Text>
      )}
      {busy && <Text>{t(lang, "papersWriting")}</Text>}
      <Failure text={failure} />
      {refusal && refusal.errors.length > 0 && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(lang, "refused")}</MessageBarTitle>
            <ul className={styles.refusal}>
              {refusal.errors.map((e, k) => (
                <li key={k}>{e.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {refusal && <IssueList lang={lang} title={t(lang, "warningsTitle")} issues={refusal.warnings} />}
      {written && (
        <section aria-live="polite" className={styles.stack} data-testid="papers-written">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t(lang, "papersDone", { sheets: sheets.map((s) => s.sheet).join("、") })}</MessageBarBody>
          </MessageBar>
          {sheets.map((s) => (
            <SheetWithPreview
              key={s.sheet}
              lang={lang}
              engine={engine}
              sheet={s.sheet}
              label={`${paperLabel(lang, s.kind)}：${s.sheet}`}
            />
          ))}
        </section>
      )}
    </section>
  );
}
