// The host is decided in one module: Excel when Office.onReady says so, file mode outside Office,
// "connecting" (never file mode) inside Excel while onReady is slow, and a second decision when
// onReady answers after the pane gave up waiting.
import { describe, expect, test } from "@jest/globals";
import { hintsExcel, watchHost, type HostDecision, type HostEnv } from "../../src/taskpane/host";

const EXCEL = { Excel: "Excel" };

/** An env whose onReady answers after `ms` with the given host (or never when ms is null). */
function env(ms: number | null, host: "Excel" | null, extra: Partial<HostEnv> = {}): HostEnv {
  const office: NonNullable<HostEnv["office"]> = { HostType: EXCEL };
  office.onReady = () =>
    new Promise((resolve) => {
      if (ms === null) return;
      setTimeout(() => {
        if (host) office.context = { host };
        resolve(host ? { host, platform: "PC" } : { host: null, platform: null });
      }, ms);
    });
  return { office, search: "", windowName: "", userAgent: "test", ...extra };
}

/** Decisions made within `waitMs`, with a patience of 30 ms. */
async function decisions(e: HostEnv, waitMs = 120): Promise<HostDecision[]> {
  const seen: HostDecision[] = [];
  watchHost(e, (d) => seen.push(d), 30);
  await new Promise((r) => setTimeout(r, waitMs));
  return seen;
}

describe("watchHost", () => {
  test("inside Excel, onReady in time: Excel, once", async () => {
    expect((await decisions(env(5, "Excel"))).map((d) => d.kind)).toEqual(["excel"]);
  });

  test("no office.js, or office.js outside Office: file mode", async () => {
    expect((await decisions({ search: "", windowName: "", userAgent: "x" })).map((d) => d.kind)).toEqual(["browser"]);
    expect((await decisions(env(5, null))).map((d) => d.kind)).toEqual(["browser"]);
  });

  test("inside Excel by the page's hints, onReady late: connecting, then Excel; never file mode", async () => {
    const e = env(60, "Excel", { search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" });
    expect((await decisions(e)).map((d) => d.kind)).toEqual(["connecting", "excel"]);
  });

  test("no hints and onReady late: file mode first, then Excel when onReady names it", async () => {
    expect((await decisions(env(60, "Excel"))).map((d) => d.kind)).toEqual(["browser", "excel"]);
  });

  test("a UI language whose strings are missing (onReady never answers): connecting, not file mode", async () => {
    const e = env(null, "Excel", { windowName: JSON.stringify({ hostInfo: "Excel|Web|16.00|fr-FR" }) });
    expect((await decisions(e)).map((d) => d.kind)).toEqual(["connecting"]);
  });
});

test("the hints: _host_Info in the URL or window.name, or office.js's own reading; none outside Office", () => {
  const base: HostEnv = { search: "", windowName: "", userAgent: "" };
  expect(hintsExcel({ ...base, search: "?et=&_host_Info=Excel%7CWin32%7C16.01%7Czh-CN" })).toBe(true);
  expect(hintsExcel({ ...base, officeHostType: "excel" })).toBe(true);
  expect(hintsExcel({ ...base, search: "?_host_Info=Word|Win32|16.01" })).toBe(false);
  expect(hintsExcel({ ...base, windowName: "not json" })).toBe(false);
  expect(hintsExcel(base)).toBe(false);
});
