// 一企一表: pick a 有效 draw, write its joint checklists (the engine verifies the draw first and
// refuses one that fails, with the reason), then go to the written sheet. Below, the draw's papers.
import { useState } from "react";
import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ChecklistSummary, DrawListing, Engine, Issue, Lang, SheetMap } from "../engine";
import { validDraws } from "../pane-logic";
import { t } from "../strings";
import { DrawPicker, drawKey } from "./DrawPicker";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { PapersSection } from "./PapersSection";
import { SheetWithPreview } from "./SheetPreview";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  refusal: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: "break-word" },
});

export function ChecklistsTab(props: { lang: Lang; engine: Engine; sheetMap: SheetMap }) {
  const { lang, engine, sheetMap } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [sheet, setSheet] = useState("");
  const [draws, setDraws] = useState<DrawListing[] | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [written, setWritten] = useState<ChecklistSummary | null>(null);
  const [refusal, setRefusal] = useState<{ errors: Issue[]; warnings: Issue[] } | null>(null);

  const loaded = (list: DrawListing[]) => {
    setDraws(list);
    // the newest valid draw is the one a clerk usually wants
    if (!list.some((d) => drawKey(d) === sheet)) setSheet(list[0] ? drawKey(list[0]) : "");
  };

  const go = () =>
    run(async () => {
      setWritten(null);
      setRefusal(null);
      setProgress(0);
      try {
        const out = await engine.writeChecklists({ lang, sheetMap, drawSheet: sheet }, (done, total) =>
          setProgress(total > 0 ? done / total : 0),
        );
        if (!out.ok) return setRefusal({ errors: out.errors, warnings: out.warnings });
        // what the host skipped (a page break, a drop-down) is said beside the success
        if (out.warnings.length > 0) setRefusal({ errors: [], warnings: out.warnings });
        setWritten(out.report);
        await engine.activateSheet(out.report.sheet);
      } finally {
        setProgress(null);
      }
    });

  return (
    <div className={styles.stack}>
      <Text>{t(lang, "checklistsIntro")}</Text>
      <DrawPicker
        lang={lang}
        engine={engine}
        sheetMap={sheetMap}
        value={sheet}
        onChange={(s) => (setSheet(s), setWritten(null), setRefusal(null))}
        filter={validDraws}
        onLoaded={loaded}
        run={run}
      />
      {draws !== null && draws.length === 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(lang, "noValidDraws")}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={!sheet || busy} onClick={() => void go()}>
        {progress !== null ? t(lang, "checklistsWriting") : t(lang, "checklistsRun")}
      </Button>
      {progress !== null && (
        <Field validationMessage={t(lang, "checklistsWriting")} validationState="none">
          <ProgressBar value={progress > 0 ? progress : undefined} aria-label={t(lang, "checklistsWriting")} />
        </Field>
      )}
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
      {refusal && (
        <IssueList
          lang={lang}
          title={t(lang, "warningsTitle")}
          issues={refusal.warnings}
          onSelectCell={(s, c) => void run(() => engine.selectCell(s, c))}
          fileMode={engine.mode === "file"}
        />
      )}
      {written && (
        <section aria-live="polite" className={styles.stack}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t(lang, "checklistsDone", { forms: written.forms, sheet: written.sheet })}</MessageBarBody>
          </MessageBar>
          <SheetWithPreview lang={lang} engine={engine} sheet={written.sheet} />
        </section>
      )}
      <Divider />
      <PapersSection lang={lang} engine={engine} sheetMap={sheetMap} />
    </div>
  );
}
