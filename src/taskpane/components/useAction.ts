// Runs one engine call at a time for a tab: busy flag, and a failure shown instead of thrown.
import { useCallback, useState } from "react";
import type { Lang } from "../engine";
import { failureText } from "../pane-logic";

export function useAction(lang: Lang) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useCallback(
    async <T>(f: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setFailure(null);
      try {
        return await f();
      } catch (e) {
        setFailure(failureText(lang, e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );
  return { busy, failure, run };
}
