// Timing helpers of the bench sides (bench/run.ts and the child-side modules it loads).

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median wall time of `reps` runs after `warmup` unmeasured ones. */
export async function timeIt(reps: number, warmup: number, f: () => unknown): Promise<{ ms: number; times: number[] }> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), times };
}
