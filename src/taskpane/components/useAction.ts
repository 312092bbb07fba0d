// Runs one engine call at a time for a tab: busy flag, and a failure shown instead of thrown.
// Each call is announced to the pane's progress line (StepProgress), which paints the engine's
// steps once the call has run 200 ms.
import { useCallback, useState } from "react";
import type { Lang } from "../engine";
import { failureText } from "../pane-logic";
import { beginAction } from "../worker/activity";

export function useAction(lang: Lang) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useCallback(
    async <T>(f: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setFailure(null);
      const end = beginAction(lang);
      try {
        return await f();
      } catch (e) {
        setFailure(failureText(lang, e));
        return undefined;
      } finally {
        end();
        setBusy(false);
      }
    },
    [lang],
  );
  return { busy, failure, run };
}
