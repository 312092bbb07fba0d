// 一企一表: pick a draw and write its joint checklists (the use-case comes later).
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Issue, Lang, SheetMap } from "../engine";
import { t } from "../strings";
import { DrawPicker } from "./DrawPicker";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export function ChecklistsTab(props: { lang: Lang; engine: Engine; sheetMap: SheetMap }) {
  const { lang, engine, sheetMap } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [sheet, setSheet] = useState("");
  const [written, setWritten] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Issue[]>([]);
  const write = engine.writeChecklists;
  const go = () =>
    run(async () => {
      if (!write) return;
      const out = await write({ lang, sheetMap, drawSheet: sheet });
      setErrors(out.ok ? [] : out.errors);
      setWritten(out.ok ? out.report.sheets : null);
    });
  return (
    <div className={styles.stack}>
      <Text>{t(lang, "checklistsIntro")}</Text>
      <DrawPicker lang={lang} engine={engine} sheetMap={sheetMap} value={sheet} onChange={setSheet} run={run} />
      <Button appearance="primary" disabled={!write || !sheet || busy} onClick={() => void go()}>
        {t(lang, "checklistsRun")}
      </Button>
      {!write && <Text size={200}>{t(lang, "notYet")}</Text>}
      <Failure text={failure} />
      <IssueList lang={lang} title={t(lang, "errorsTitle")} issues={errors} onSelectCell={(s, c) => void engine.selectCell(s, c)} />
      {written && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, "written", { sheets: written.join("、") })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
