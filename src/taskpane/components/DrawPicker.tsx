// A drop-down of the draws in the draw log (核验, 一企一表), loaded when shown and on demand.
import { useEffect, useState } from "react";
import { Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { DrawListing, Engine, Lang, SheetMap } from "../engine";
import { t } from "../strings";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "0", flexBasis: "180px" },
  dropdown: { minWidth: "0", width: "100%" },
});

export const ALL = "*";

/** The sheet that names a draw: its result sheet, or the snapshot of a freeze awaiting its seed. */
export const drawKey = (d: DrawListing): string => d.sheet || d.snapshotSheet;

export function DrawPicker(props: {
  lang: Lang;
  engine: Engine;
  sheetMap: SheetMap;
  value: string;
  onChange: (sheet: string) => void;
  allowAll?: boolean;
  /** the field's label (default 选择抽取结果); two pickers on one tab need two names */
  label?: string;
  /** which draws of the log to offer (default: all) */
  filter?: (draws: DrawListing[]) => DrawListing[];
  onLoaded?: (draws: DrawListing[]) => void;
  run: <T>(f: () => Promise<T>) => Promise<T | undefined>;
}) {
  const { lang, engine, sheetMap, value, allowAll, filter, onLoaded, run } = props;
  const styles = useStyles();
  const [draws, setDraws] = useState<DrawListing[]>([]);
  const label = (d: DrawListing) => `${drawKey(d)}（${d.status}，${d.date}）`;
  const chosen = draws.find((d) => drawKey(d) === value);
  const shown = value === ALL ? t(lang, "allDraws") : chosen ? label(chosen) : value;

  const load = async () => {
    const all = await engine.listDraws({ lang, sheetMap });
    const offered = filter ? filter(all) : all;
    setDraws(offered);
    onLoaded?.(offered);
  };
  useEffect(() => {
    void run(load);
    // loaded once when the tab is shown; the button reloads
  }, [engine]);

  return (
    <div className={styles.row}>
      <Field label={props.label ?? t(lang, "chooseDraw")} className={styles.grow}>
        <Dropdown
          className={styles.dropdown}
          value={shown}
          selectedOptions={value ? [value] : []}
          onOptionSelect={(_, d) => props.onChange(d.optionValue ?? "")}
          disabled={!allowAll && draws.length === 0}
        >
          {allowAll && <Option value={ALL}>{t(lang, "allDraws")}</Option>}
          {draws.map((d) => (
            <Option key={drawKey(d)} value={drawKey(d)} text={label(d)}>
              {label(d)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button onClick={() => void run(load)}>{t(lang, "loadDraws")}</Button>
    </div>
  );
}
