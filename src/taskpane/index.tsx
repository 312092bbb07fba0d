// Entry of the task pane: asks host.ts which host this is, then renders <App/>. Inside Excel the
// engine runs on the open workbook; anywhere else (a browser tab, Word, no office.js) the pane
// starts in browser file mode and loads ExcelJS only when a file is opened. When Office.onReady
// answers late, the pane is rendered again for the host it names.
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, Spinner, Text, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { StepProgress } from "./components/StepProgress";
import type { Engine, Lang } from "./engine";
import { openExcelEngine } from "./excel-host";
import { pageEnv, watchHost, type HostDecision } from "./host";
import { detectWps } from "../wps/detect";
import { openFileInWorker } from "./worker/client";

/** Inside WPS 表格: the engine over the WPS adapter (its own chunk), no office.js to wait for. */
async function openWps(): Promise<Engine | null> {
  const app = detectWps();
  if (!app) return null;
  const { openWpsEngine } = await import(/* webpackChunkName: "wps" */ "../wps/host");
  return openWpsEngine(app);
}

const LANG_KEY = "shuangsuiji.lang";

/**
 * office.js starts its logger, which after 3 s loads a frame from
 * telemetryservice.firstpartyapps.oaspapps.com, outside Office too. The pane is for offline
 * intranets and its Content-Security-Policy refuses that frame anyway: switch it off in every host.
 */
function silenceOfficeTelemetry(): void {
  const osf = (
    globalThis as {
      OSF?: {
        Logger?: { ulsEndpoint?: { loadProxyFrame?: () => void } };
        AppTelemetry?: { enableTelemetry?: boolean };
      };
    }
  ).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
  if (osf?.AppTelemetry) osf.AppTelemetry.enableTelemetry = false;
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === "zh" || saved === "en") return saved;
  } catch {
    // storage may be blocked in the Office web view
  }
  return "zh";
}

function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not kept: the pane opens in Chinese next time
  }
}

/** File mode: the workbook opened in the engine's worker; on this thread only where none can start. */
async function openFile(file: File): Promise<Engine> {
  const inWorker = await openFileInWorker(await file.arrayBuffer(), file.name);
  if (inWorker) return inWorker;
  const { openFileEngine } = await import(/* webpackChunkName: "xlsx" */ "./file-host");
  return openFileEngine(await file.arrayBuffer(), file.name);
}

/** Inside Excel while office.js has not answered: wait, and say so (never file mode). */
function Connecting() {
  return (
    <main style={{ padding: 12 }}>
      <Spinner size="small" label="正在连接 Excel…" />
      <Text as="p" size={200}>
        如长时间没有反应，请检查加载项服务器的网络，然后关闭并重新打开任务窗格。
      </Text>
    </main>
  );
}

let shown = 0;

async function render(root: Root, decision: HostDecision): Promise<void> {
  const turn = ++shown;
  if (decision.kind === "connecting") {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Connecting />
      </FluentProvider>,
    );
    document.body.dataset.ready = "connecting";
    return;
  }
  // inside Excel or WPS the engine works on the open workbook; anywhere else, on a file opened
  const inExcel = decision.kind === "excel";
  const inWorkbook = inExcel || decision.kind === "wps";
  silenceOfficeTelemetry();
  const engine = inExcel ? await openExcelEngine() : decision.kind === "wps" ? await openWps() : null;
  if (turn !== shown) return; // a later decision came while the engine opened
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        key={decision.kind}
        mode={inWorkbook ? "excel" : "file"}
        engine={engine}
        openFile={inWorkbook ? undefined : openFile}
        hostInfo={{ host: decision.host, platform: decision.platform }}
        initialLang={initialLang()}
        onLangChange={saveLang}
      />
      <StepProgress />
    </FluentProvider>,
  );
  document.body.dataset.ready = decision.kind === "wps" ? "wps" : inExcel ? "excel" : "file";
}

function start(): void {
  // office.js ran before this bundle: its logger exists already, its 3 s timer has not fired
  silenceOfficeTelemetry();
  const root = createRoot(document.getElementById("container")!);
  watchHost(pageEnv(), (decision) => void render(root, decision));
}

start();
