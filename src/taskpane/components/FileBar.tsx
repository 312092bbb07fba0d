// Browser file mode: open a .xlsx from disk, and download the workbook with what was written;
// each sheet written since it was opened can be looked at first (there is no grid on screen).
import { useEffect, useRef, useState } from "react";
import { Badge, Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Lang } from "../engine";
import { t } from "../strings";
import { Failure } from "./Failure";
import { SheetWithPreview } from "./SheetPreview";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

function download(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function FileBar(props: {
  lang: Lang;
  engine: Engine | null;
  openFile: (file: File) => Promise<Engine>;
  onOpened: (e: Engine) => void;
}) {
  const { lang, engine } = props;
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { busy, failure, run } = useAction(lang);
  const saveCopy = engine?.saveCopy;
  // written and not downloaded: marked, and the browser asks before the page is closed or reloaded
  const [unsaved, setUnsaved] = useState(false);
  const [written, setWritten] = useState<string[]>([]);
  useEffect(() => {
    setUnsaved(false);
    setWritten([]);
    return engine?.onWrite(() => {
      setUnsaved(true);
      void engine.writtenSheets().then(setWritten, () => undefined);
    });
  }, [engine]);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  return (
    <div className={styles.bar}>
      {!engine && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(lang, "fileIntro")}</MessageBarBody>
        </MessageBar>
      )}
      <input
        ref={input}
        id="xlsx-file"
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.hidden}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void run(async () => props.onOpened(await props.openFile(file)));
        }}
      />
      <div className={styles.buttons}>
        <Button appearance={engine ? "secondary" : "primary"} disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t(lang, "openingFile") : t(lang, "openFile")}
        </Button>
        {saveCopy && (
          <Button
            onClick={() =>
              void run(async () => {
                const copy = await saveCopy();
                download(copy.name, copy.bytes);
                setUnsaved(false);
              })
            }
          >
            {t(lang, "download")}
          </Button>
        )}
      </div>
      {engine && (
        <Text aria-live="polite">
          {t(lang, "openedFile", { name: engine.title })}{" "}
          {unsaved && (
            <Badge color="warning" data-testid="unsaved" title={t(lang, "unsavedHint")}>
              {t(lang, "unsaved")}
            </Badge>
          )}
        </Text>
      )}
      {unsaved && <Text size={200}>{t(lang, "unsavedHint")}</Text>}
      {engine && unsaved && written.length > 0 && (
        <details data-testid="written-sheets">
          <summary>{t(lang, "writtenSheetsTitle", { n: written.length })}</summary>
          {written.map((sheet) => (
            <SheetWithPreview key={sheet} lang={lang} engine={engine} sheet={sheet} />
          ))}
        </details>
      )}
      <Failure text={failure} />
    </div>
  );
}
