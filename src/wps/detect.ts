// The WPS probe of the pane's host detection: WPS 表格 gives an add-in page its Application
// (window.Application, also wps.EtApplication()); Excel and a plain browser give none.
import type { EtApplication } from "./et";

interface WpsGlobals {
  Application?: unknown;
  wps?: { EtApplication?: () => unknown };
}

/** True for ET's Application: it has a workbook slot (null when none is open); WPS 文字 has none. */
function isEt(app: unknown): app is EtApplication {
  if (typeof app !== "object" || app === null) return false;
  try {
    return (app as { ActiveWorkbook?: unknown }).ActiveWorkbook !== undefined;
  } catch {
    return false;
  }
}

/** WPS 表格's Application when the page runs inside it, or null (Excel, a browser tab, WPS 文字). */
export function detectWps(scope: unknown = globalThis): EtApplication | null {
  const g = scope as WpsGlobals;
  if (isEt(g.Application)) return g.Application;
  if (typeof g.wps?.EtApplication === "function") {
    try {
      const app = g.wps.EtApplication();
      if (isEt(app)) return app;
    } catch {
      // not ET
    }
  }
  return null;
}
