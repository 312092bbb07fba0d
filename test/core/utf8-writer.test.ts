import { Utf8Writer } from "../../src/core/utf8-writer";

const ODD = [
  "",
  "plain ASCII",
  "石家庄市新华区联盟路12号",
  "é ß ĳ", // two-byte UTF-8
  "emoji 😀 and 𠀀", // surrogate pairs
  "lone high \ud83d then text",
  "lone low \ude00",
  "ends in a high \ud83d",
  "\ufffe\uffff and U+FEFF \ufeff",
  'quote " backslash \\ amp & lt < gt >',
  "tab\tline\nreturn\r and \u0001\u001f",
  "x".repeat(5000) + "汉".repeat(3000),
];

const bytesOf = (f: (w: Utf8Writer) => void, chunk = 64) => {
  const w = new Utf8Writer(chunk);
  const parts: Uint8Array[] = [];
  f(w);
  parts.push(w.take());
  return Buffer.concat(parts);
};

test.each(ODD.map((s) => [JSON.stringify(s).slice(0, 40), s]))("text %s gives TextEncoder's bytes", (_, s) => {
  expect(bytesOf((w) => w.text(s))).toEqual(Buffer.from(new TextEncoder().encode(s)));
});

test("xmlText stops, writing nothing, exactly where XML needs escaping or cannot hold the text", () => {
  const needsWork =
    // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  for (const s of ODD) {
    const w = new Utf8Writer(16);
    w.ascii("<t>");
    const ok = w.xmlText(s);
    expect(ok).toBe(!needsWork.test(s));
    const got = Buffer.from(w.take());
    expect(got).toEqual(Buffer.from(ok ? "<t>" + s : "<t>", "utf8"));
  }
});

test("uint, rewind, full and take: chunks that join to the whole text", () => {
  const w = new Utf8Writer(8);
  const parts: Uint8Array[] = [];
  let expected = "";
  for (let i = 0; i < 300; i++) {
    const at = w.length;
    w.ascii("<r>");
    w.uint(i);
    if (i % 7 === 0) w.rewind(at);
    else expected += `<r>${i}`;
    if (w.full) parts.push(w.take());
  }
  parts.push(w.take());
  expect(parts.length).toBeGreaterThan(10);
  expect(Buffer.concat(parts).toString("utf8")).toBe(expected);
});
