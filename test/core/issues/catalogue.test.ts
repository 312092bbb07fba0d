// The one catalogue: no code in two parts (the later would silently replace the earlier's text),
// every entry in Chinese and English with the same placeholders.
import { catalogue, CATALOGUE_PARTS } from "../../../src/core/issues/catalogue";

test("a code stands in one part of the catalogue only", () => {
  const seen = new Map<string, number>();
  CATALOGUE_PARTS.forEach((part, i) => {
    for (const code of Object.keys(part)) {
      expect([code, seen.get(code)]).toEqual([code, undefined]);
      seen.set(code, i);
    }
  });
  expect(seen.size).toBe(Object.keys(catalogue).length);
});

test("every entry has a Chinese and an English text with the same placeholders", () => {
  // a parameter may come in its English form for the English text ({name} / {name_en})
  const params = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/_en$/, "")))].sort();
  for (const [code, e] of Object.entries(catalogue)) {
    // a text made of its parameter alone (a host's own note, already in Chinese) is allowed
    expect([code, /[\u4e00-\u9fff]/.test(e.zh) || /^\{\w+\}$/.test(e.zh)]).toEqual([code, true]);
    expect([code, e.en.length > 0]).toEqual([code, true]);
    expect([code, params(e.en)]).toEqual([code, params(e.zh)]);
  }
});
