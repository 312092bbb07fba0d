// 提示: what the Excel adapter skipped or changed because of this host (no drop-downs on
// ExcelApi 1.7, no page setup below 1.9, a row cut to 409 pt, drop-downs added later…), so that
// nothing is lost in silence. Self-contained: it listens to the engine's notes feed.
import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Lang } from "../engine";
import type { Note } from "../notes";

const useStyles = makeStyles({
  stack: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
});

const LABEL = {
  zh: { region: "Excel 提示", dismiss: "知道了" },
  en: { region: "Notes from Excel", dismiss: "Dismiss" },
} as const;

export function AdapterNotes(props: { engine: Engine | null; lang: Lang }) {
  const styles = useStyles();
  const feed = props.engine?.notes;
  const [notes, setNotes] = useState<Note[]>(() => feed?.current() ?? []);
  useEffect(() => {
    setNotes(feed?.current() ?? []);
    return feed?.subscribe(setNotes);
  }, [feed]);
  if (!feed || notes.length === 0) return null;
  const label = LABEL[props.lang] ?? LABEL.zh;
  return (
    <section className={styles.stack} aria-label={label.region} aria-live="polite" data-testid="adapter-notes">
      {notes.map((n, i) => (
        <MessageBar key={`${i}-${n.text}`} intent={n.intent} layout="multiline" lang="zh-CN">
          <MessageBarBody>{n.text}</MessageBarBody>
          {i === notes.length - 1 && (
            <MessageBarActions>
              <Button size="small" onClick={() => feed.clear()}>
                {label.dismiss}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </section>
  );
}
