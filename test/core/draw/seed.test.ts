// DRP-1 §8: a seed that displays like another must be the same seed. Every invisible, look-alike or
// non-canonical seed is refused naming its code point; ordinary Chinese and ASCII seeds pass.
import { codePointLabel, seedHex, seedRefusal } from "../../../src/core/draw/seed";
import { seedIssue } from "../../../src/core/draw/register";

const refused: [string, string, string, string][] = [
  ["a zero-width space after 527", "527\u200b", "character", "U+200B"],
  ["a zero-width joiner", "52\u200d7", "character", "U+200D"],
  ["a word joiner", "\u2060527", "character", "U+2060"],
  ["a byte-order mark", "\ufeff527", "character", "U+FEFF"],
  ["a right-to-left override", "527\u202e", "character", "U+202E"],
  ["a left-to-right isolate", "\u2066527", "character", "U+2066"],
  ["an ideographic space", "527\u3000福彩", "character", "U+3000"],
  ["a no-break space", "527\u00a0福彩", "character", "U+00A0"],
  ["a tab", "527\t1", "character", "U+0009"],
  ["a line feed", "527\n", "character", "U+000A"],
  ["a next-line control", "527\u0085", "character", "U+0085"],
  ["a line separator", "527\u2028", "character", "U+2028"],
  ["a private-use character", "527\ue000", "character", "U+E000"],
  ["an unassigned code point", "527\u0378", "character", "U+0378"],
  ["a lone surrogate", "527\ud800", "character", "U+D800"],
  ["a decomposed é (NFD)", "cafe\u0301", "not_nfc", "U+0301"],
  ["decomposed Hangul", "\u1100\u1161", "not_nfc", "U+1100"],
  ["an Ångström sign that NFC changes", "\u212b", "not_nfc", "U+212B"],
];

describe("refused seeds name their code point", () => {
  test.each(refused)("%s", (_, seed, problem, codePoint) => {
    const r = seedRefusal(seed);
    expect(r?.problem).toBe(problem);
    expect(r && "codePoint" in r ? r.codePoint : "").toBe(codePoint);
    const zh = seedIssue(seed, r!, "zh");
    const en = seedIssue(seed, r!, "en");
    expect(zh.message).toContain(codePoint);
    expect(en.message).toContain(codePoint);
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.code).toMatch(/^seed_/);
  });

  test("201 characters, an empty seed, and spaces at either end", () => {
    expect(seedRefusal("1".repeat(201))).toEqual({ problem: "too_long", length: 201 });
    expect(seedRefusal("福".repeat(200))).toBeNull();
    // counted in code points: 200 emoji are 400 UTF-16 units
    expect(seedRefusal("🎲".repeat(200))).toBeNull();
    expect(seedRefusal("")).toEqual({ problem: "empty", length: 0 });
    expect(seedRefusal(" 527")).toEqual({ problem: "edge_space" });
    expect(seedRefusal("527 ")).toEqual({ problem: "edge_space" });
    expect(seedIssue("1".repeat(201), seedRefusal("1".repeat(201))!).message).toContain("201");
  });

  test("the 400 ways to make 527 look like 527 all come to one seed or a refusal", () => {
    const invisible = [
      "\u200b",
      "\u200c",
      "\u200d",
      "\u2060",
      "\ufeff",
      "\u202a",
      "\u202b",
      "\u202c",
      "\u202d",
      "\u202e",
    ];
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const mark = invisible[i % invisible.length];
      const at = i % 4;
      const seed = "527".slice(0, at) + mark + "527".slice(at);
      if (seedRefusal(seed) === null) accepted++;
    }
    expect(accepted).toBe(0);
  });
});

describe("accepted seeds", () => {
  test.each([
    ["plain digits", "527"],
    ["the sample's seed", "20260401-福彩3D-123"],
    ["a date and lottery numbers with spaces", "2026-04-01 福彩3D 123"],
    ["full-width digits (a different seed, visibly)", "５２７"],
    ["an emoji", "🎲527"],
    ["text that looks like a formula", '=HYPERLINK("x")'],
    ["generated hex", "0123456789abcdef0123456789abcdef"],
    ["precomposed é", "café"],
    ["Chinese punctuation", "福彩3D：第2026088期，开奖号码5、2、7。"],
  ])("%s", (_, seed) => {
    expect(seedRefusal(seed)).toBeNull();
  });
});

test("the record shows a non-ASCII seed's UTF-8 bytes, one group a character", () => {
  expect(seedHex("527")).toBe("");
  expect(seedHex("527 福彩")).toBe("35 32 37 20 e7a68f e5bda9");
  expect(seedHex("５")).toBe("efbc95");
  expect(seedHex("🎲")).toBe("f09f8eb2");
  expect(codePointLabel(0x1f3b2)).toBe("U+1F3B2");
});
