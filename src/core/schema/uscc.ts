// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check
// character computed from the first 17.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type UsccProblem = "length" | "charset" | "checksum";

/** Why a code is not a valid USCC (upper-case, half-width expected), or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return "length";
  for (const ch of code) if (!ALPHABET.includes(ch)) return "charset";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "checksum";
}

export const USCC_ALPHABET = ALPHABET;
