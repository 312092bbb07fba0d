// What the engine is doing right now, for the pane's progress line: the step (reading a sheet,
// checking, drawing, writing, building the download), reported by the worker as it goes, and
// how many actions the tabs have running (useAction). Kept outside React so that the worker's
// reports reach the one component that paints them without passing through every tab.
import type { Lang } from "../engine";

export type Step = "open" | "read" | "compute" | "write" | "download";

/** One report from the engine: the step, the Engine method it serves, and a count when known. */
export interface Activity {
  step: Step;
  method?: string;
  sheet?: string;
  done?: number;
  total?: number;
}

export interface ActivityState {
  /** actions running (0: nothing to paint) */
  running: number;
  /** when the first of them started (performance.now()) */
  since: number;
  lang: Lang;
  current: Activity | null;
}

let state: ActivityState = { running: 0, since: 0, lang: "zh", current: null };
const listeners = new Set<() => void>();

function set(next: ActivityState): void {
  state = next;
  for (const l of listeners) l();
}

const now = () => (typeof performance === "undefined" ? Date.now() : performance.now());

/** An action starts (useAction); call the returned function when it ends. */
export function beginAction(lang: Lang): () => void {
  set(
    state.running === 0
      ? { running: 1, since: now(), lang, current: null }
      : { ...state, running: state.running + 1, lang },
  );
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const running = state.running - 1;
    set(running > 0 ? { ...state, running } : { running: 0, since: 0, lang: state.lang, current: null });
  };
}

/** The engine's latest step (from the worker); ignored when no action is running. */
export function reportActivity(activity: Activity): void {
  if (state.running > 0) set({ ...state, current: activity });
}

export function activityState(): ActivityState {
  return state;
}

export function subscribeActivity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
