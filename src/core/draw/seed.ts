// DRP-1 §8: which seeds a new draw accepts, so that a seed that displays the same as another is the
// same seed. The algorithm is unchanged; draws made before this rule replay with their recorded seed.

/** Why a seed is refused, with the offending code point where there is one. */
export type SeedRefusal =
  | { problem: "empty" | "too_long"; length: number }
  | { problem: "edge_space" }
  | { problem: "not_nfc"; codePoint: string }
  | { problem: "character"; codePoint: string; kind: CharacterKind };

export type CharacterKind = "control" | "format" | "space" | "separator" | "private" | "unassigned" | "surrogate";

const ALLOWED = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** U+200B from a code point. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

function kindOf(ch: string): CharacterKind {
  if (/\p{Cc}/u.test(ch)) return "control";
  if (/\p{Cf}/u.test(ch)) return "format";
  if (/\p{Zs}/u.test(ch)) return "space";
  if (/[\p{Zl}\p{Zp}]/u.test(ch)) return "separator";
  if (/\p{Co}/u.test(ch)) return "private";
  if (/\p{Cs}/u.test(ch)) return "surrogate";
  return "unassigned";
}

/** The reason a seed may not be used for a new draw, or null when it is acceptable. */
export function seedRefusal(seed: string): SeedRefusal | null {
  const chars = Array.from(seed);
  if (chars.length === 0) return { problem: "empty", length: 0 };
  if (chars.length > 200) return { problem: "too_long", length: chars.length };
  for (const ch of chars)
    if (!ALLOWED.test(ch))
      return { problem: "character", codePoint: codePointLabel(ch.codePointAt(0)!), kind: kindOf(ch) };
  if (seed.startsWith(" ") || seed.endsWith(" ")) return { problem: "edge_space" };
  if (seed.normalize("NFC") !== seed) {
    // name a character that NFC changes by itself, else the first combining mark (e + U+0301)
    const at = chars.find((ch) => ch.normalize("NFC") !== ch) ?? chars.find((ch) => /\p{M}/u.test(ch)) ?? chars[0];
    return { problem: "not_nfc", codePoint: codePointLabel(at.codePointAt(0)!) };
  }
  return null;
}

/** The seed's UTF-8 bytes in hex, one group per character, or '' for a plain ASCII seed. */
export function seedHex(seed: string): string {
  if (/^[\x20-\x7e]*$/.test(seed)) return "";
  const encoder = new TextEncoder();
  return Array.from(seed, (ch) => Array.from(encoder.encode(ch), (b) => b.toString(16).padStart(2, "0")).join("")).join(
    " ",
  );
}
