// The pane's progress line: what the engine is doing (reading a sheet, checking, drawing, writing,
// building the download), painted at the foot of the pane once an action has run 200 ms, from the
// worker's reports (worker/activity.ts). The main thread stays free while the worker computes,
// so the line keeps moving.
import { useEffect, useState, useSyncExternalStore } from "react";
import { ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../engine";
import { activityState, subscribeActivity, type Activity } from "../worker/activity";

/** Shown only for steps a clerk would wait for. */
export const SHOW_AFTER_MS = 200;

const useStyles = makeStyles({
  bar: {
    position: "fixed",
    left: 0,
    right: 0,
    bottom: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    zIndex: 10,
    // never in the way of a click on what it covers
    pointerEvents: "none",
  },
});

const METHOD: Record<Lang, Record<string, string>> = {
  zh: {
    check: "正在检查数据",
    previewDraw: "正在计算抽取预览",
    runDraw: "正在抽取",
    freeze: "正在冻结名单",
    describeDraw: "正在读取抽取结果",
    voidDraw: "正在作废",
    substitute: "正在替补",
    verifyDraws: "正在核验",
    listDraws: "正在读取抽取记录",
    writeChecklists: "正在生成一企一表",
    buildPublicity: "正在生成结果公示",
    selfTest: "正在自检",
  },
  en: {
    check: "Checking the data",
    previewDraw: "Previewing the draw",
    runDraw: "Drawing",
    freeze: "Freezing the list",
    describeDraw: "Reading the draw",
    voidDraw: "Voiding",
    substitute: "Substituting",
    verifyDraws: "Verifying",
    listDraws: "Reading the draw log",
    writeChecklists: "Writing 一企一表",
    buildPublicity: "Building the publicity table",
    selfTest: "Running the self-test",
  },
};

/** The line's words for one report of the engine. */
export function activityText(lang: Lang, a: Activity | null): string {
  const zh = lang === "zh";
  if (!a) return zh ? "正在处理…" : "Working…";
  switch (a.step) {
    case "open":
      return zh ? "正在读取文件…" : "Reading the file…";
    case "read":
      return zh ? `正在读取工作表「${a.sheet ?? ""}」…` : `Reading sheet “${a.sheet ?? ""}”…`;
    case "write":
      return zh ? "正在写入工作簿…" : "Writing the workbook…";
    case "download":
      return zh ? "正在生成下载文件…" : "Building the download…";
    case "compute":
      return `${METHOD[lang][a.method ?? ""] ?? (zh ? "正在计算" : "Computing")}…`;
  }
}

export function StepProgress() {
  const styles = useStyles();
  const state = useSyncExternalStore(subscribeActivity, activityState, activityState);
  // re-rendered once the action has run SHOW_AFTER_MS: quick actions never flash a bar
  const [, wake] = useState(0);
  const waited = state.running > 0 ? performance.now() - state.since : 0;
  useEffect(() => {
    if (state.running === 0 || waited >= SHOW_AFTER_MS) return;
    const timer = setTimeout(() => wake((n) => n + 1), SHOW_AFTER_MS - waited + 1);
    return () => clearTimeout(timer);
  }, [state, waited]);
  if (state.running === 0 || waited < SHOW_AFTER_MS) return null;
  const a = state.current;
  const counted = a?.done !== undefined && a.total !== undefined && a.total > 0;
  const text = activityText(state.lang, a);
  const count = counted ? ` ${a.done}/${a.total}` : "";
  return (
    <div className={styles.bar} role="status" aria-live="polite" data-testid="step-progress" data-step={a?.step ?? ""}>
      <Text size={200}>
        {text}
        {count}
      </Text>
      <ProgressBar value={counted ? a.done! / a.total! : undefined} aria-label={text} thickness="medium" />
    </div>
  );
}
