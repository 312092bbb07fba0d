import seedrandom from "seedrandom";
import { generateSeed, seedProblem, uniform, type Rng } from "../../../src/core/draw/random";

describe("random sources", () => {
  it("uses seedrandom v3 ARC4 (known answer)", () => {
    expect(seedrandom("hello.")()).toBe(0.9282578795792454);
  });

  it("uniform rejects draws at or above the limit and reduces the rest mod m", () => {
    // m = 3: limit = 2^32 − (2^32 mod 3) = 4294967295; u = 4294967295 is rejected
    const values = [-1 /* 0xffffffff */, 7];
    const rng: Rng = { int32: () => values.shift()! };
    expect(uniform(rng, 3)).toBe(1);
    expect(values).toHaveLength(0);
  });

  it("uniform accepts the largest value below the limit", () => {
    const rng: Rng = { int32: () => 4294967294 | 0 };
    expect(uniform(rng, 3)).toBe(4294967294 % 3);
  });

  it("uniform of 1 is always 0 and consumes one value", () => {
    let calls = 0;
    const rng: Rng = { int32: () => (calls++, 12345) };
    expect(uniform(rng, 1)).toBe(0);
    expect(calls).toBe(1);
  });

  it("uniform stays within range on a real generator", () => {
    const rng = seedrandom("x");
    for (let i = 0; i < 1000; i++) {
      const v = uniform(rng, 7);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(7);
    }
  });

  it("generates 128-bit hex seeds", () => {
    const a = generateSeed();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(generateSeed()).not.toBe(a);
  });

  it("accepts 1 to 200 printable characters only", () => {
    expect(seedProblem("")).toBe("empty");
    expect(seedProblem("a".repeat(200))).toBeNull();
    expect(seedProblem("a".repeat(201))).toBe("too_long");
    expect(seedProblem("福彩3D 2026-04-02 123")).toBeNull();
    expect(seedProblem("ab\ncd")).toBe("not_printable");
  });
});
