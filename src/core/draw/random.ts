// The random sources of DRP-1: seedrandom v3 (ARC4) streams and an unbiased integer draw.
import seedrandom from "seedrandom";

/** The generator for one named stream of a draw. */
export type Rng = { int32(): number };

export function makeRng(key: string): Rng {
  return seedrandom(key);
}

const TWO32 = 4294967296;

/** An integer in [0, m) without modulo bias: rejection on the unsigned 32-bit draw. */
export function uniform(rng: Rng, m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > TWO32) throw new RangeError(`uniform: bad range ${m}`);
  const limit = TWO32 - (TWO32 % m);
  let u = rng.int32() >>> 0;
  while (u >= limit) u = rng.int32() >>> 0;
  return u % m;
}

/** A fresh seed: 128 bits from the platform's cryptographic source, as 32 lower-case hex digits. */
export function generateSeed(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Why a seed is not acceptable (1 to 200 printable characters), or null. */
export function seedProblem(seed: string): "empty" | "too_long" | "not_printable" | null {
  const chars = Array.from(seed);
  if (chars.length === 0) return "empty";
  if (chars.length > 200) return "too_long";
  for (const c of chars) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return "not_printable";
  }
  return null;
}
