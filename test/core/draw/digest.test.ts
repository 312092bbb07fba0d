// The one-pass digest: the same bytes as the canonical text of docs/draw-protocol.md §7, the same
// digest with either SHA-256 (node:crypto, @noble/hashes), on the worked example and on snapshots
// whose text holds every character JSON escapes.
import { createHash } from "node:crypto";
import seedrandom from "seedrandom";
import { canonicalLines, canonicalSnapshot, snapshotDigest } from "../../../src/core/draw/canonical";
import { defaultSha256, nobleSha256, nodeSha256 } from "../../../src/core/draw/sha256";
import type { Snapshot } from "../../../src/core/model";
import { example, shuffled, target } from "./fixture";

const node = nodeSha256()!;
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The canonical text as first written: JSON.stringify of each line's array, joined. */
function reference(s: Snapshot): string {
  return [...canonicalLines(s)].map((l) => JSON.stringify(JSON.parse(l)) + "\n").join("");
}

/** Text with quotes, backslashes, controls, lone and paired surrogates, CJK and plain ASCII. */
function awkward(rng: () => number, length: number): string {
  const pieces = [
    '"',
    "\\",
    "\n",
    "\t",
    "\u0000",
    "\u001f",
    "\u007f",
    "\ud800",
    "\udfff",
    "\u{1f600}",
    "对象",
    "a",
    " ",
    "\u2028",
    "\ufeff",
  ];
  return Array.from({ length }, () => pieces[Math.floor(rng() * pieces.length)]).join("");
}

function awkwardSnapshot(): Snapshot {
  const rng = seedrandom("digest-awkward");
  const { snapshot } = example();
  const targets = Array.from({ length: 300 }, (_, i) =>
    target(i + 1, { name: awkward(rng, 8), address: awkward(rng, 5), tags: [awkward(rng, 3), "x"], complaints: i % 3 }),
  );
  return {
    ...snapshot,
    targets,
    inspectors: snapshot.inspectors.map((x) => ({ ...x, section: awkward(rng, 6), recusals: [awkward(rng, 2)] })),
  };
}

test("node:crypto is found in Node without importing it into the core, and is absent elsewhere", () => {
  expect(node).not.toBeNull();
  const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  expect(node().hex()).toBe(empty);
  const h = defaultSha256();
  h.update("");
  expect(h.hex()).toBe(empty);
  const proc = process as { getBuiltinModule?: unknown };
  const real = proc.getBuiltinModule;
  try {
    proc.getBuiltinModule = undefined; // as in a browser, or a Node older than 20.16
    expect(nodeSha256()).toBeNull();
  } finally {
    proc.getBuiltinModule = real;
  }
});

describe.each([
  ["node:crypto", node],
  ["@noble/hashes", nobleSha256],
])("snapshotDigest with %s", (_, hasher) => {
  test("gives the digest of the worked example in docs/draw-protocol.md", async () => {
    const { snapshot } = example();
    expect(await snapshotDigest(snapshot, hasher)).toBe(
      "a04d1fa2f74e87e747f00d280241563cbb8e7ff89999fb46d8b83479a2ee5a80",
    );
  });

  test("hashes exactly the bytes of the canonical text, whatever characters it holds", async () => {
    const s = awkwardSnapshot();
    expect(await snapshotDigest(s, hasher)).toBe(sha(canonicalSnapshot(s)));
  });

  test("hashes a text longer than one chunk the same as in one piece", async () => {
    const { snapshot } = example();
    const many = {
      ...snapshot,
      targets: Array.from({ length: 3000 }, (_, i) => target(i + 1, { name: `对象${i}`.repeat(5) })),
    };
    const text = canonicalSnapshot(many);
    expect(text.length).toBeGreaterThan(4 * 65536);
    expect(await snapshotDigest(many, hasher)).toBe(sha(text));
  });

  test("a line longer than the buffer, of 3-byte and 4-byte characters, between short ones", async () => {
    const { snapshot } = example();
    const long = "检".repeat(90_000) + "😀".repeat(1_000) + '"\\';
    const s = {
      ...snapshot,
      targets: [target(1), target(2, { address: long }), target(3, { name: "é".repeat(87_380) }), target(4)],
    };
    expect(await snapshotDigest(s, hasher)).toBe(sha(canonicalSnapshot(s)));
  });
});

test("the line writer writes what JSON.stringify writes", () => {
  const s = awkwardSnapshot();
  expect(canonicalSnapshot(s)).toBe(reference(s));
  const numbers = { ...s, excluded: { ...s.excluded, cooldown: -0 }, registrySize: 1e21, inScope: 0.1 + 0.2 };
  expect(canonicalSnapshot(numbers)).toBe(reference(numbers));
});

test("rows in any order give the same lines; a sorted snapshot is not copied and sorted again", async () => {
  const s = awkwardSnapshot();
  const mixed = { ...s, targets: shuffled(s.targets, 7), inspectors: shuffled(s.inspectors, 2) };
  expect(canonicalSnapshot(mixed)).toBe(canonicalSnapshot(s));
  expect(await snapshotDigest(mixed)).toBe(await snapshotDigest(s));
});
