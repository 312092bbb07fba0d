// 数据: confirm which sheet is which, run the checks, and jump to each error's cell.
import { useEffect, useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SHEET_KINDS, type CheckSummary, type Engine, type Lang, type SheetKind, type SheetMap } from "../engine";
import { countsText } from "../pane-logic";
import { kindLabel, t } from "../strings";
import { Failure } from "./Failure";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  dropdown: { minWidth: "0", width: "100%" },
});

const AUTO = "";

export function DataTab(props: {
  lang: Lang;
  engine: Engine;
  sheetMap: SheetMap;
  onSheetMap: (map: SheetMap) => void;
  summary: CheckSummary | null;
  onChecked: (summary: CheckSummary) => void;
}) {
  const { lang, engine, sheetMap, summary } = props;
  const styles = useStyles();
  const [names, setNames] = useState<string[]>([]);
  const { busy, failure, run } = useAction(lang);

  useEffect(() => {
    void run(async () => setNames(await engine.sheetNames()));
  }, [engine, run]);

  const choose = (kind: SheetKind, sheet: string) => {
    const next = { ...sheetMap };
    if (sheet === AUTO) delete next[kind];
    else next[kind] = sheet;
    props.onSheetMap(next);
    void run(() => engine.saveSheetMap(next));
  };

  const check = () =>
    run(async () => {
      props.onChecked(await engine.check({ lang, sheetMap }));
    });

  return (
    <div className={styles.stack}>
      <Text as="h3" weight="semibold" size={400}>
        {t(lang, "sheetMapTitle")}
      </Text>
      <Text>{t(lang, "sheetMapHint")}</Text>
      {SHEET_KINDS.map((kind) => {
        const value = sheetMap[kind] ?? AUTO;
        const shown = value === AUTO ? t(lang, "sheetAuto") : value;
        return (
          <Field key={kind} label={kindLabel(lang, kind)}>
            <Dropdown
              className={styles.dropdown}
              value={shown}
              selectedOptions={[value]}
              onOptionSelect={(_, d) => choose(kind, d.optionValue ?? AUTO)}
              data-kind={kind}
            >
              <Option value={AUTO}>{t(lang, "sheetAuto")}</Option>
              {names.map((n) => (
                <Option key={n} value={n}>
                  {n}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      <Button appearance="primary" onClick={check} disabled={busy}>
        {busy ? t(lang, "checking") : t(lang, "runCheck")}
      </Button>
      {busy && <Spinner size="tiny" label={t(lang, "checking")} />}
      <Failure text={failure} />
      {summary && (
        <div aria-live="polite">
          <MessageBar intent={summary.ok ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              {summary.ok ? t(lang, "checkOk") : t(lang, "checkErrors", { n: summary.errors.length })}
              {summary.warnings.length > 0 && `；${t(lang, "warnings", { n: summary.warnings.length })}`}
            </MessageBarBody>
          </MessageBar>
          <Text block>{countsText(lang, summary)}</Text>
          <IssueList
            lang={lang}
            title={t(lang, "errorsTitle")}
            issues={summary.errors}
            onSelectCell={(s, c) => void run(() => engine.selectCell(s, c))}
            fileMode={engine.mode === "file"}
          />
          <IssueList
            lang={lang}
            title={t(lang, "warningsTitle")}
            issues={summary.warnings}
            onSelectCell={(s, c) => void run(() => engine.selectCell(s, c))}
            fileMode={engine.mode === "file"}
          />
        </div>
      )}
    </div>
  );
}
