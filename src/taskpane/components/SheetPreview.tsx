// A read-only look at the first rows of a sheet (browser file mode has no grid to show what was
// written): a few columns at a time, so the table never grows wider than a 320 px pane.
import { useEffect, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Lang, SheetPreview as Preview } from "../engine";
import { columnLetter, previewCell } from "../pane-logic";
import { t } from "../strings";

const ROWS = 15;
const COLUMNS = 4;

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: "1px 3px",
      textAlign: "left",
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular },
  },
  rowHead: { width: "2.5em" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

export function SheetPreview(props: { lang: Lang; engine: Engine; sheet: string }) {
  const { lang, engine, sheet } = props;
  const styles = useStyles();
  const [preview, setPreview] = useState<Preview | null | undefined>(undefined);
  const [from, setFrom] = useState(0);
  useEffect(() => {
    let live = true;
    void engine.previewSheet({ sheet, rows: ROWS }).then(
      (p) => live && setPreview(p),
      () => live && setPreview(null),
    );
    return () => {
      live = false;
    };
  }, [engine, sheet]);

  if (preview === undefined) return null;
  if (preview === null) return <Text>{t(lang, "previewMissing", { sheet })}</Text>;
  if (preview.rowCount === 0) return <Text>{t(lang, "previewEmpty", { sheet })}</Text>;
  const to = Math.min(from + COLUMNS, preview.columnCount);
  const columns = Array.from({ length: to - from }, (_, k) => from + k);
  const title = t(lang, "previewTitle", {
    sheet,
    rows: Math.min(ROWS, preview.rowCount),
    total: preview.rowCount,
    columns: preview.columnCount,
  });
  return (
    <section className={styles.box} aria-label={title} data-preview={sheet}>
      <Text size={200}>{title}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.rowHead} />
            {columns.map((c) => (
              <th key={c} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, k) => (
            <tr key={k}>
              <th scope="row">{k + 1}</th>
              {columns.map((c) => (
                <td key={c} title={(r[c] ?? "").length > 40 ? r[c] : undefined}>
                  {previewCell(r[c] ?? "")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.columnCount > COLUMNS && (
        <div className={styles.buttons}>
          <Button size="small" disabled={from === 0} onClick={() => setFrom(Math.max(0, from - COLUMNS))}>
            {t(lang, "previewPrev")}
          </Button>
          <Button size="small" disabled={to >= preview.columnCount} onClick={() => setFrom(from + COLUMNS)}>
            {t(lang, "previewNext")}
          </Button>
          <Text size={200}>
            {t(lang, "previewColumns", {
              from: columnLetter(from),
              to: columnLetter(to - 1),
              columns: preview.columnCount,
            })}
          </Text>
        </div>
      )}
    </section>
  );
}

/** A written sheet's name with a button that shows or hides its preview (file mode only). */
export function SheetWithPreview(props: { lang: Lang; engine: Engine; sheet: string; label?: string }) {
  const { lang, engine, sheet } = props;
  const [open, setOpen] = useState(false);
  return (
    <div data-sheet={sheet}>
      <Text>{props.label ?? sheet}</Text>{" "}
      {engine.mode === "file" ? (
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-label={`${t(lang, open ? "previewHide" : "previewSheet")}：${sheet}`}
          onClick={() => setOpen((o) => !o)}
        >
          {t(lang, open ? "previewHide" : "previewSheet")}
        </Button>
      ) : (
        <Button size="small" appearance="subtle" onClick={() => void engine.activateSheet(sheet)}>
          {t(lang, "jumpToSheet", { sheet })}
        </Button>
      )}
      {open && <SheetPreview lang={lang} engine={engine} sheet={sheet} />}
    </div>
  );
}
