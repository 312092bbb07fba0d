// The worked example of docs/draw-protocol.md must be what the implementation computes.
import { readFileSync } from "fs";
import { join } from "path";
import { canonicalSnapshot, snapshotDigest } from "../../../src/core/draw/canonical";
import { draw } from "../../../src/core/draw/draw";
import { example, logExample } from "./fixture";
import { canonicalEntry, checkChain } from "../../../src/core/draw/chain";

const doc = readFileSync(join(__dirname, "../../../docs/draw-protocol.md"), "utf8");

describe("docs/draw-protocol.md worked example", () => {
  const { snapshot, seed } = example();

  it("shows the canonical serialisation and digest", async () => {
    expect(doc).toContain("```\n" + canonicalSnapshot(snapshot) + "```");
    const digest = await snapshotDigest(snapshot);
    expect(digest).toBe("a04d1fa2f74e87e747f00d280241563cbb8e7ff89999fb46d8b83479a2ee5a80");
    expect(doc).toContain("SHA-256: `" + digest + "`");
  });

  it("shows the result of its seed", () => {
    const r = draw(snapshot, seed);
    if (!r.ok) throw new Error(r.issue.message);
    const lines = [
      ...r.outcome.selected.map(
        (s) => `${s.seq} ${s.stratum} ${s.uscc} ${s.leader} ${s.teams.map((t) => t.inspectors.join(",")).join("|")}`,
      ),
      ...r.outcome.reserves.map((x) => `R ${x.stratum}${x.rank} ${x.uscc}`),
    ];
    expect(doc).toContain("Seed `" + seed + "`");
    expect(doc).toContain("```\n" + lines.join("\n") + "\n```");
  });

  it("shows the draw log's canonical entries and their hashes", async () => {
    const entries = await logExample();
    expect(checkChain(entries)).toEqual([]);
    const lines = entries.flatMap((e) => [canonicalEntry(e), e.hash]);
    expect(doc).toContain("```\n" + lines.join("\n") + "\n```");
  });
});
