// The injected `Excel.run`: the host's in the add-in, the fake's in tests.
import { SyncTimeoutError } from "./errors";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Bytes one sync may carry; Excel on the web rejects requests and responses over 5 MB. */
export const SYNC_BYTE_BUDGET = 3_500_000;
/** Cells one range read may cover; Excel rejects reads over 5,000,000 cells. */
export const READ_CELL_LIMIT = 1_000_000;
/**
 * How long one sync may take before the pane gives up and says so. Long, because with
 * delayForCellEdit a sync rightly waits while the clerk types in a cell.
 */
export const SYNC_TIMEOUT_MS = 600_000;

/**
 * An ExcelRun whose syncs give up after `ms` with a plain message: the context's own `sync` is
 * wrapped, so every `context.sync()` of a batch (ours, the self-test's) is covered.
 */
export function timed(run: ExcelRun, ms: number): ExcelRun {
  return (batch) =>
    run((context) => {
      const sync = context.sync.bind(context);
      context.sync = (<T>(value?: T) => withTimeout(sync(value), ms)) as typeof context.sync;
      return batch(context);
    });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SyncTimeoutError(Math.round(ms / 1000))), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** True when Excel refused a payload as too large, so the caller can retry in smaller parts. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code);
}

/** One sync, named so that the batching loops read as "flush what is queued". */
export async function flush(context: Excel.RequestContext): Promise<void> {
  await context.sync();
}

/** Queues operations and syncs whenever the next one would push the request over the budget. */
export class Batcher {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async reserve(n: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + n > SYNC_BYTE_BUDGET) await this.flush();
    this.bytes += n;
  }
  async flush(): Promise<void> {
    try {
      await flush(this.context);
    } finally {
      this.bytes = 0;
    }
  }
}
