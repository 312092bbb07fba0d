// The use-cases the pane runs. WIRING POINT: until src/workbook/usecases is complete, every call
// answers "not yet available"; the lead replaces the body with the real module (one import).
import type { UseCases } from "./port-engine";

/** Thrown by an action whose use-case is not wired yet (a build-time gap, not a clerk's mistake). */
export class NotWiredError extends Error {
  constructor(readonly action: string) {
    super(`not wired yet: ${action}`);
  }
}

export async function loadUseCases(): Promise<UseCases> {
  const missing = (action: string) => () => Promise.reject(new NotWiredError(action));
  return {
    checkBook: missing("checkBook"),
    previewDraw: missing("previewDraw"),
    runDraw: missing("runDraw"),
    verifyDraws: missing("verifyDraws"),
    listDraws: missing("listDraws"),
  };
}
