// The pane: a header with the language switch, the file bar in browser file mode, and the tabs.
// Components only call the Engine; none of them knows Office.js or ExcelJS.
import { startTransition, useEffect, useState } from "react";
import { Badge, Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckSummary, Engine, Lang, SheetMap } from "../engine";
import { t, type StringKey } from "../strings";
import { AdapterNotes } from "./AdapterNotes";
import { ChecklistsTab } from "./ChecklistsTab";
import { DataTab } from "./DataTab";
import { DrawTab } from "./DrawTab";
import { FileBar } from "./FileBar";
import { PublicityTab } from "./PublicityTab";
import { SelfTestTab } from "./SelfTestTab";
import { VerifyTab } from "./VerifyTab";
import { YearTab } from "./YearTab";

const useStyles = makeStyles({
  root: { minWidth: "300px", padding: tokens.spacingHorizontalM, boxSizing: "border-box" },
  header: {
    marginBottom: tokens.spacingVerticalXS,
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  tabs: { flexWrap: "wrap", marginBottom: tokens.spacingVerticalM },
  // narrow tabs: the seven Chinese labels wrap to two rows of a 320 px pane at most
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  mode: { marginBottom: tokens.spacingVerticalS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export type TabId = "data" | "draw" | "verify" | "checklists" | "publicity" | "year" | "selftest";

const TABS: { id: TabId; label: StringKey }[] = [
  { id: "data", label: "tabData" },
  { id: "draw", label: "tabDraw" },
  { id: "verify", label: "tabVerify" },
  { id: "checklists", label: "tabChecklists" },
  { id: "publicity", label: "tabPublicity" },
  { id: "year", label: "tabYear" },
  { id: "selftest", label: "tabSelfTest" },
];

export interface AppProps {
  mode: Engine["mode"];
  /** the engine inside Excel; null in file mode until a file is opened */
  engine: Engine | null;
  /** file mode: opens a .xlsx (loads ExcelJS on first use) */
  openFile?: (file: File) => Promise<Engine>;
  hostInfo: { host: string; platform: string };
  initialLang: Lang;
  onLangChange?: (lang: Lang) => void;
}

export function App(props: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [engine, setEngine] = useState<Engine | null>(props.engine);
  // each opened file starts the tabs afresh (no result of the previous file left on screen)
  const [opened, setOpened] = useState(0);
  const [tab, setTab] = useState<TabId>("data");
  const [sheetMap, setSheetMap] = useState<SheetMap>({});
  const [summary, setSummary] = useState<CheckSummary | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = t(lang, "appTitle");
  }, [lang]);

  useEffect(() => {
    setSummary(null);
    if (engine) void engine.loadSheetMap().then(setSheetMap, () => setSheetMap({}));
  }, [engine]);

  const switchLang = () => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setLang(next);
    props.onLangChange?.(next);
  };

  const panel = (): React.ReactNode => {
    if (tab === "selftest") return <SelfTestTab lang={lang} engine={engine} hostInfo={props.hostInfo} />;
    if (!engine) return <Text>{t(lang, "noWorkbook")}</Text>;
    const tasks = summary?.tasks ?? [];
    switch (tab) {
      case "data":
        return (
          <DataTab
            lang={lang}
            engine={engine}
            sheetMap={sheetMap}
            onSheetMap={setSheetMap}
            summary={summary}
            onChecked={setSummary}
          />
        );
      case "draw":
        return <DrawTab lang={lang} engine={engine} sheetMap={sheetMap} tasks={tasks} />;
      case "verify":
        return <VerifyTab lang={lang} engine={engine} sheetMap={sheetMap} />;
      case "checklists":
        return <ChecklistsTab lang={lang} engine={engine} sheetMap={sheetMap} />;
      case "publicity":
        return <PublicityTab lang={lang} engine={engine} sheetMap={sheetMap} />;
      case "year":
        return <YearTab lang={lang} engine={engine} sheetMap={sheetMap} />;
    }
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t(lang, "appTitle")}
        </Text>
        <Button
          size="small"
          onClick={switchLang}
          aria-label={`${t(lang, "language")}: ${t(lang, "switchToOther")}`}
          lang={lang === "zh" ? "en" : "zh-CN"}
        >
          {t(lang, "switchToOther")}
        </Button>
      </header>
      <div className={styles.mode}>
        <Badge appearance="tint" color={props.mode === "excel" ? "brand" : "informative"} data-mode={props.mode}>
          {props.mode === "file"
            ? t(lang, "modeFile")
            : t(lang, props.hostInfo.host === "wps" ? "modeWps" : "modeExcel")}
        </Badge>
      </div>
      {props.mode === "file" && props.openFile && (
        <FileBar
          lang={lang}
          engine={engine}
          openFile={props.openFile}
          // the whole pane renders anew for the opened workbook: in a transition, in slices between
          // which the page stays responsive, not as one long task
          onOpened={(e) =>
            startTransition(() => {
              setEngine(e);
              setOpened((n) => n + 1);
            })
          }
        />
      )}
      <AdapterNotes engine={engine} lang={lang} />
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        aria-label={t(lang, "tabsLabel")}
      >
        {TABS.map((x) => (
          <Tab key={x.id} className={styles.tab} value={x.id} id={`tab-${x.id}`} aria-controls={`panel-${x.id}`}>
            {t(lang, x.label)}
          </Tab>
        ))}
      </TabList>
      <div
        key={opened}
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className={styles.panel}
        tabIndex={0}
      >
        {panel()}
      </div>
    </main>
  );
}
