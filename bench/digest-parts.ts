// Where a digest's time goes: making the canonical lines from the snapshot's objects, and
// encoding plus hashing a text already made (the floor of any digest of these bytes in Node).
import { createHash } from "node:crypto";
import type { Snapshot } from "../src/core/model";
import { CHUNK, canonicalLines } from "../src/core/draw/canonical";
import { timeIt } from "./timing";

/** Median times (of `reps`) of the two parts of snapshotDigest, each measured on its own. */
export async function digestParts(snapshot: Snapshot, reps: number) {
  let chars = 0;
  const lines = await timeIt(reps, 0, () => {
    chars = 0;
    for (const l of canonicalLines(snapshot)) chars += l.length;
  });
  // chunks of the size snapshotDigest hands to the hash
  const chunks: string[] = [];
  let chunk = "";
  for (const l of canonicalLines(snapshot)) {
    chunk += l;
    if (chunk.length >= CHUNK) {
      chunks.push(chunk);
      chunk = "";
    }
  }
  chunks.push(chunk);
  for (const c of chunks) c.charCodeAt(0); // flat before the clock starts
  let digest = "";
  const hash = await timeIt(reps, 0, () => {
    const h = createHash("sha256");
    for (const c of chunks) h.update(c, "utf8");
    digest = h.digest("hex");
  });
  return { linesMs: lines.ms, hashMadeMs: hash.ms, chars, partsDigest: digest };
}
