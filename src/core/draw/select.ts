// DRP-1 step 4: the seeded partial Fisher–Yates shuffle of one stratum.
import type { Stratum, Target } from "../model";
import { inByteOrder, sortedBy } from "./order";
import { makeRng, uniform } from "./random";

export interface Selection {
  selected: Target[];
  reserves: Target[];
}

/** Draws k targets and up to r reserves from a stratum (any input order; sorted by USCC first). */
export function select(
  seed: string,
  taskId: string,
  stratum: Stratum,
  targets: readonly Target[],
  k: number,
  r: number,
): Selection {
  // the snapshot is already in USCC order; sort only when a caller passes another order
  const byUscc = (t: Target) => t.uscc;
  const list = inByteOrder(targets, byUscc) ? [...targets] : sortedBy(targets, byUscc);
  const n = list.length;
  const rng = makeRng(seed + "|" + taskId + "|targets|" + stratum);
  const end = Math.min(n, k + r);
  for (let i = 0; i < end; i++) {
    const j = i + uniform(rng, n - i);
    const tmp = list[i];
    list[i] = list[j];
    list[j] = tmp;
  }
  return { selected: list.slice(0, k), reserves: list.slice(k, end) };
}
