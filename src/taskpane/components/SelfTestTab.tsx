// 自检: what this host can do, each check passed or failed, and a report to copy for support.
import { useState } from "react";
import { Badge, Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Engine, Lang, SelfTestReport } from "../engine";
import { selfTestText } from "../pane-logic";
import { t } from "../strings";
import { Failure } from "./Failure";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      return await navigator.clipboard.writeText(text);
    } catch {
      // the Office web view may refuse the clipboard API; fall back to a selected text area
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** Lines the pasted report carries beyond the checks: when, from where, in which browser engine. */
export function reportText(lang: Lang, report: SelfTestReport, at: Date): string {
  const where = typeof location === "undefined" ? "-" : `${location.origin}${location.pathname}`;
  const agent = typeof navigator === "undefined" ? "-" : navigator.userAgent;
  const extra =
    lang === "zh"
      ? [`时间: ${at.toLocaleString("zh-CN", { hour12: false })}`, `加载项地址: ${where}`, `浏览器内核: ${agent}`]
      : [`Time: ${at.toISOString()}`, `Add-in address: ${where}`, `Browser engine: ${agent}`];
  return `${selfTestText(lang, report)}\n${extra.join("\n")}`;
}

export function SelfTestTab(props: {
  lang: Lang;
  engine: Engine | null;
  hostInfo: { host: string; platform: string };
}) {
  const { lang, engine } = props;
  const styles = useStyles();
  const { busy, failure, run } = useAction(lang);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [ranAt, setRanAt] = useState<Date | null>(null);
  const [copied, setCopied] = useState(false);
  const shown: SelfTestReport = report ?? {
    checks: [],
    host: props.hostInfo.host,
    platform: props.hostInfo.platform,
    excelApi: [],
  };
  return (
    <div className={styles.stack}>
      <Text>{t(lang, "selfTestIntro")}</Text>
      <Button
        appearance="primary"
        disabled={!engine || busy}
        onClick={() =>
          void run(async () => {
            if (!engine) return;
            setReport(await engine.selfTest());
            setRanAt(new Date());
            setCopied(false);
          })
        }
      >
        {t(lang, "selfTestRun")}
      </Button>
      {busy && <Spinner size="tiny" label={t(lang, "selfTestRunning")} />}
      <Failure text={failure} />
      <dl>
        <dt>{t(lang, "host")}</dt>
        <dd>{shown.host || "-"}</dd>
        <dt>{t(lang, "platform")}</dt>
        <dd>{shown.platform || "-"}</dd>
        <dt>{t(lang, "version")}</dt>
        <dd>{shown.version || "-"}</dd>
        <dt>{t(lang, "requirementSets")}</dt>
        <dd>{shown.excelApi.join(", ") || "-"}</dd>
      </dl>
      {report && (
        <ul className={styles.list} aria-live="polite">
          {report.checks.map((c) => (
            <li key={c.name}>
              <Badge color={c.ok ? "success" : "danger"}>{c.ok ? t(lang, "passed") : t(lang, "failed")}</Badge>{" "}
              <Text weight="semibold">{c.name}</Text> <Text size={200}>{c.detail}</Text>
            </li>
          ))}
        </ul>
      )}
      <Button
        onClick={() =>
          void run(async () => {
            await copyText(reportText(lang, shown, ranAt ?? new Date()));
            setCopied(true);
          })
        }
      >
        {copied ? t(lang, "copied") : t(lang, "copyReport")}
      </Button>
    </div>
  );
}
