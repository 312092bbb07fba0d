// What the WPS adapter throws: plain Chinese naming the sheet and the step, never the host's own
// text (kept in `hostMessage` for the self-test's report and for support).

/** A host call that failed: which step, on which sheet, and what WPS said. */
export class WpsHostError extends Error {
  readonly hostMessage: string;
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`WPS 未能完成：${step}。`, { cause });
    this.name = "WpsHostError";
    this.hostMessage = cause instanceof Error ? cause.message : String(cause);
  }
}

/** Refused before anything was written: a protected workbook or sheet, a closed workbook. */
export class WpsRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WpsRefusedError";
  }
}

/** A write that failed and was undone, with what the undo could not remove, if anything. */
export class WpsWriteError extends Error {
  constructor(
    readonly reason: Error,
    readonly leftovers: string[],
  ) {
    super(
      leftovers.length === 0
        ? `${reason.message}已撤销本次写入的全部内容，工作簿保持原样。`
        : `${reason.message}撤销时以下内容未能复原，请手工处理：${leftovers.join("；")}。`,
      { cause: reason },
    );
    this.name = "WpsWriteError";
  }
}

/** Runs one host call; a failure becomes a WpsHostError naming the step. */
export function hostStep<T>(step: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof WpsHostError || e instanceof WpsRefusedError) throw e;
    throw new WpsHostError(step, e);
  }
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
