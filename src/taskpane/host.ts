// Which host the pane runs in, decided in this one module: Excel (Office.js), WPS 表格 (its own
// JSAPI, probed by probeWps), or a plain browser (file mode). Decided once at start-up, and once
// more only when Office.onReady answers after the pane gave up waiting: a slow intranet server
// or an Office UI language whose office.js strings are missing must never leave a clerk inside
// Excel in file mode.

import { detectWps } from "../wps/detect";

export type HostKind = "excel" | "wps" | "browser";

/** What the pane starts as: a host, or still connecting to an Excel that has not answered yet. */
export type HostDecision = { kind: HostKind; host: string; platform: string } | { kind: "connecting" };

/** The parts of the page the decision reads, injectable for tests. */
export interface HostEnv {
  office?: {
    onReady?: () => Promise<{ host?: unknown; platform?: unknown } | null | undefined>;
    context?: { host?: unknown };
    HostType?: { Excel?: unknown };
  };
  /** location.search of the page (Office appends _host_Info=Excel|Win32|… to the pane's URL) */
  search: string;
  /** window.name (Excel on the web passes its host info there as JSON) */
  windowName: string;
  /** office.js's own reading of the host type, once its script has run ('' outside Office) */
  officeHostType?: string;
  /** the WPS JSAPI globals, for probeWps */
  wps?: unknown;
  application?: unknown;
  userAgent: string;
}

export function pageEnv(): HostEnv {
  const g = globalThis as {
    Office?: HostEnv["office"];
    OSF?: { _OfficeAppFactory?: { getHostInfo?: () => { hostType?: string } } };
    wps?: unknown;
    Application?: unknown;
    location?: { search?: string };
    name?: string;
    navigator?: { userAgent?: string };
  };
  let officeHostType: string | undefined;
  try {
    officeHostType = g.OSF?._OfficeAppFactory?.getHostInfo?.()?.hostType;
  } catch {
    // office.js not loaded, or an older one without this
  }
  return {
    office: g.Office,
    search: g.location?.search ?? "",
    windowName: typeof g.name === "string" ? g.name : "",
    officeHostType,
    wps: g.wps,
    application: g.Application,
    userAgent: g.navigator?.userAgent ?? "",
  };
}

/** WPS 表格 (WPS 加载项): its Application global answers for a workbook. Null: not WPS, go on with Office. */
export function probeWps(env: HostEnv): HostDecision | null {
  const app = detectWps({ Application: env.application, wps: env.wps });
  return app ? { kind: "wps", host: "wps", platform: env.userAgent } : null;
}

/**
 * True when the page says it was opened by Excel, before office.js has answered: Office's
 * `_host_Info` in the URL or in window.name, or office.js's own reading of it.
 */
export function hintsExcel(env: HostEnv): boolean {
  if ((env.officeHostType ?? "").toLowerCase() === "excel") return true;
  const fromQuery = /[?&]_host_Info=([^&]*)/i.exec(env.search)?.[1];
  if (fromQuery && /^excel[|$]/i.test(decodeURIComponent(fromQuery))) return true;
  try {
    const info = (JSON.parse(env.windowName) as { hostInfo?: unknown })?.hostInfo;
    if (typeof info === "string" && /^excel[|$]/i.test(decodeURIComponent(info))) return true;
  } catch {
    // window.name is no JSON outside Office
  }
  return false;
}

const isExcel = (env: HostEnv): boolean =>
  !!env.office?.context && env.office.HostType !== undefined && env.office.context.host === env.office.HostType.Excel;

/**
 * Decides the host and tells `onDecision`: once at start, and once more if Office.onReady
 * answers after `patienceMs` with a host other than the one decided (the pane then re-renders).
 * Inside Excel (by the page's hints) a slow onReady shows "connecting", never file mode.
 */
export function watchHost(env: HostEnv, onDecision: (d: HostDecision) => void, patienceMs = 8000): void {
  const wps = probeWps(env);
  if (wps) return onDecision(wps);
  const browser: HostDecision = { kind: "browser", host: "browser", platform: env.userAgent };
  const ready = env.office?.onReady;
  if (!ready) return onDecision(browser);
  let decided: HostDecision | null = null;
  const decide = (d: HostDecision) => {
    if (decided && decided.kind === d.kind) return;
    decided = d;
    onDecision(d);
  };
  const answered = (info: { host?: unknown; platform?: unknown } | null | undefined) => {
    if (isExcel(env))
      decide({ kind: "excel", host: String(info?.host ?? "Excel"), platform: String(info?.platform ?? "") });
    else decide(browser);
  };
  const timer = setTimeout(() => {
    if (!decided) decide(hintsExcel(env) ? { kind: "connecting" } : browser);
  }, patienceMs);
  Promise.resolve()
    .then(() => ready.call(env.office))
    .then(
      (info) => {
        clearTimeout(timer);
        answered(info);
      },
      () => {
        clearTimeout(timer);
        decide(browser);
      },
    );
}
