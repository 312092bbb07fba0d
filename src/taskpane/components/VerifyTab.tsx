// 核验: replay one draw or all from their snapshots and list every difference found.
import { useState } from "react";
import { Badge, Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Lang, SheetMap, VerifySummary } from "../engine";
import { mismatchText } from "../pane-logic";
import { t } from "../strings";
import { ALL, DrawPicker } from "./DrawPicker";
import { Failure } from "./Failure";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  draw: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: "break-all" },
});

export function VerifyTab(props: { lang: Lang; engine: Engine; sheetMap: SheetMap }) {
  const { lang, engine, sheetMap } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [sheet, setSheet] = useState(ALL);
  const [report, setReport] = useState<VerifySummary | null>(null);
  const verify = () =>
    run(async () => setReport(await engine.verifyDraws({ lang, sheetMap, sheet: sheet === ALL ? undefined : sheet })));
  return (
    <div className={styles.stack}>
      <DrawPicker
        lang={lang}
        engine={engine}
        sheetMap={sheetMap}
        value={sheet}
        onChange={setSheet}
        allowAll
        run={run}
      />
      <Button appearance="primary" onClick={() => void verify()} disabled={busy}>
        {sheet === ALL ? t(lang, "verifyAll") : t(lang, "verifyOne")}
      </Button>
      {busy && <Spinner size="tiny" label={t(lang, "verifying")} />}
      <Failure text={failure} />
      {report && (
        <section aria-live="polite">
          {report.draws.length === 0 && <Text>{t(lang, "verifyNone")}</Text>}
          {report.draws.map((d) => (
            <div key={d.sheet} className={styles.draw}>
              <Text weight="semibold">{d.sheet}</Text>{" "}
              <Badge color={d.ok ? "success" : "danger"}>{d.ok ? t(lang, "verifyPass") : t(lang, "verifyFail")}</Badge>
              {d.registryChanged && (
                <Text block size={200}>
                  {t(lang, "registryChanged")}
                </Text>
              )}
              {d.mismatches.length > 0 && (
                <ul className={styles.list}>
                  {d.mismatches.map((m, k) => (
                    <li key={k}>
                      {m.cell ? (
                        <Button
                          appearance="transparent"
                          size="small"
                          onClick={() => void run(() => engine.selectCell(m.sheet, m.cell))}
                        >
                          {m.cell}
                        </Button>
                      ) : null}
                      <Text>{mismatchText(lang, m)}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
