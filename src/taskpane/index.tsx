// Entry of the task pane: waits for Office when office.js is present, then renders <App/>.
// Inside Excel the engine runs on the open workbook; anywhere else (a browser tab, Word, no
// office.js) the pane starts in browser file mode and loads ExcelJS only when a file is opened.
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import type { Engine, Lang } from "./engine";
import { insideExcel, openExcelEngine } from "./excel-host";
import { detectWps } from "../wps/detect";

const LANG_KEY = "shuangsuiji.lang";

/** Office.onReady, or null when office.js is absent or never answers (a plain browser, offline). */
async function officeReady(): Promise<{ host: string; platform: string } | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 8000));
  const info = await Promise.race([office.onReady(), timeout]);
  return info ? { host: String(info.host ?? ""), platform: String(info.platform ?? "") } : null;
}

/**
 * Outside Office, office.js still starts its logger, which after 3 s loads a frame from
 * telemetryservice.firstpartyapps.oaspapps.com. File mode is for offline intranets: switch it off.
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

async function openFile(file: File): Promise<Engine> {
  const { openFileEngine } = await import(/* webpackChunkName: "xlsx" */ "./file-host");
  return openFileEngine(await file.arrayBuffer(), file.name);
}

/** Inside WPS 表格: the engine over the WPS adapter (its own chunk), no office.js to wait for. */
async function openWps(app: NonNullable<ReturnType<typeof detectWps>>): Promise<Engine | null> {
  const { openWpsEngine } = await import(/* webpackChunkName: "wps" */ "../wps/host");
  return openWpsEngine(app);
}

async function start(): Promise<void> {
  const wps = detectWps();
  const info = wps ? null : await officeReady();
  const inExcel = info !== null && insideExcel();
  if (!inExcel) silenceOfficeTelemetry();
  const inWorkbook = inExcel || wps !== null;
  const engine = wps ? await openWps(wps) : inExcel ? await openExcelEngine() : null;
  const root = createRoot(document.getElementById("container")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        mode={inWorkbook ? "excel" : "file"}
        engine={engine}
        openFile={inWorkbook ? undefined : openFile}
        hostInfo={{ host: wps ? "wps" : info?.host || "browser", platform: info?.platform || navigator.userAgent }}
        initialLang={initialLang()}
        onLangChange={(lang) => {
          try {
            localStorage.setItem(LANG_KEY, lang);
          } catch {
            // not kept: the pane opens in Chinese next time
          }
        }}
      />
    </FluentProvider>,
  );
  document.body.dataset.ready = wps ? "wps" : inExcel ? "excel" : "file";
}

void start();
