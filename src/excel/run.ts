// The injected `Excel.run`: the host's in the add-in, the fake's in tests.

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Bytes one sync may carry; Excel on the web rejects requests and responses over 5 MB. */
export const SYNC_BYTE_BUDGET = 3_500_000;
/** Cells one range read may cover; Excel rejects reads over 5,000,000 cells. */
export const READ_CELL_LIMIT = 1_000_000;

/** True when Excel refused a payload as too large, so the caller can retry in smaller parts. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code);
}

/** One sync, named so that the batching loops read as "flush what is queued". */
export function flush(context: Excel.RequestContext): Promise<void> {
  return context.sync();
}
