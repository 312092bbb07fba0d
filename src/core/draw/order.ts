// Byte order of UTF-8 strings (= code point order), which the protocol uses for every sort.

/** Compares two strings by the bytes of their UTF-8 encoding. */
export function byteOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 units order differently from code points only between surrogates and U+E000–U+FFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const NEEDS_CARE = /[\ud800-\uffff]/;

/** Whether the list is in byte order of its key already; native comparison when no key can order differently. */
export function inByteOrder<T>(list: readonly T[], key: (x: T) => string): boolean {
  const careful = list.some((x) => NEEDS_CARE.test(key(x)));
  for (let i = 1; i < list.length; i++) {
    const a = key(list[i - 1]);
    const b = key(list[i]);
    if (careful ? byteOrder(a, b) > 0 : a > b) return false;
  }
  return true;
}

/** Sorts a copy by a string key in byte order; native comparison when no key can order differently. */
export function sortedBy<T>(list: readonly T[], key: (x: T) => string): T[] {
  const out = [...list];
  const careful = out.some((x) => NEEDS_CARE.test(key(x)));
  if (careful) out.sort((a, b) => byteOrder(key(a), key(b)));
  else
    out.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  return out;
}
