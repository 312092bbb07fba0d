import { canonicalSnapshot, snapshotDigest } from "../../../src/core/draw/canonical";
import { byteOrder } from "../../../src/core/draw/order";
import { example, shuffled } from "./fixture";

describe("canonical snapshot", () => {
  const { snapshot } = example();

  it("is one JSON array per line, ending in a newline", () => {
    const text = canonicalSnapshot(snapshot);
    expect(text.endsWith("\n")).toBe(true);
    for (const l of text.slice(0, -1).split("\n")) expect(Array.isArray(JSON.parse(l))).toBe(true);
  });

  it("does not depend on the order of the snapshot's rows", async () => {
    const other = { ...snapshot, targets: shuffled(snapshot.targets, 3), inspectors: shuffled(snapshot.inspectors, 4) };
    expect(await snapshotDigest(other)).toBe(await snapshotDigest(snapshot));
  });

  it("changes with any field the snapshot sheet holds", async () => {
    const base = await snapshotDigest(snapshot);
    const edits = [
      { ...snapshot, targets: snapshot.targets.map((t, i) => (i === 0 ? { ...t, phone: "1" } : t)) },
      { ...snapshot, targets: snapshot.targets.map((t, i) => (i === 2 ? { ...t, address: "x" } : t)) },
      { ...snapshot, inspectors: snapshot.inspectors.map((t, i) => (i === 1 ? { ...t, name: "x" } : t)) },
      { ...snapshot, task: { ...snapshot.task, reserves: 2 } },
      { ...snapshot, date: "2026-04-02" },
      { ...snapshot, excluded: { ...snapshot.excluded, cooldown: 1 } },
      { ...snapshot, inScope: 8 },
    ];
    for (const e of edits) expect(await snapshotDigest(e)).not.toBe(base);
  });
});

describe("byte order", () => {
  it("is code point order, also beyond the BMP", () => {
    expect(byteOrder("A", "B")).toBeLessThan(0);
    expect(byteOrder("AB", "A")).toBeGreaterThan(0);
    // U+FF21 (full-width A) sorts before U+1F600 although its UTF-16 unit is larger
    expect(byteOrder("\uff21", "\u{1f600}")).toBeLessThan(0);
    expect(byteOrder("WS002", "WS002")).toBe(0);
  });
});
