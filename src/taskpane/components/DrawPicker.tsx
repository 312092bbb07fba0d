// A drop-down of the draws in the draw log, loaded on demand (核验, 一企一表).
import { useState } from "react";
import { Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { DrawListing, Engine, Lang, SheetMap } from "../engine";
import { t } from "../strings";

const useStyles = makeStyles({ row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" }, grow: { flexGrow: 1, minWidth: "0" } });

export const ALL = "*";

export function DrawPicker(props: {
  lang: Lang;
  engine: Engine;
  sheetMap: SheetMap;
  value: string;
  onChange: (sheet: string) => void;
  allowAll?: boolean;
  run: <T>(f: () => Promise<T>) => Promise<T | undefined>;
}) {
  const { lang, engine, sheetMap, value, allowAll } = props;
  const styles = useStyles();
  const [draws, setDraws] = useState<DrawListing[]>([]);
  const label = (d: DrawListing) => `${d.sheet} · ${d.taskId} ${d.date} ${d.status}`;
  const shown = value === ALL ? t(lang, "allDraws") : (draws.find((d) => d.sheet === value) && label(draws.find((d) => d.sheet === value)!)) || value;
  return (
    <div className={styles.row}>
      <Field label={t(lang, "chooseDraw")} className={styles.grow}>
        <Dropdown value={shown} selectedOptions={value ? [value] : []} onOptionSelect={(_, d) => props.onChange(d.optionValue ?? "")}>
          {allowAll && <Option value={ALL}>{t(lang, "allDraws")}</Option>}
          {draws.map((d) => (
            <Option key={d.sheet} value={d.sheet} text={label(d)}>
              {label(d)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button onClick={() => void props.run(async () => setDraws(await engine.listDraws({ lang, sheetMap })))}>
        {t(lang, "loadDraws")}
      </Button>
    </div>
  );
}
