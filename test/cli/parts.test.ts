// A workbook with parts ExcelJS cannot write back (here a chart): the command line writes the
// package part by part, so the chart is kept, in place and with --out; a workbook that has to go
// through ExcelJS (one the package reader does not take) is never rewritten in place.
import { describe, expect, test } from "@jest/globals";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-新华区-2026.xlsx");
const DRAW = ["--task", "XH-2026-03", "--seed", "20260401-福彩3D-123", "--date", "2026-04-01"];

async function withChart(dir: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
  );
  const path = join(dir, "with-chart.xlsx");
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
  return path;
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe("parts the command line cannot keep", () => {
  test("a draw in place into a workbook with a chart keeps the chart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-parts-"));
    const book = await withChart(dir);
    const r = io();
    expect(await main(["draw", book, ...DRAW], r.io)).toBe(0);
    expect(r.err).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(book));
    expect(await zip.file("xl/charts/chart1.xml")!.async("string")).toContain("chartSpace");
  });

  test("a package without its own relationships is named, refused, and left as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-parts-"));
    const book = await withChart(dir);
    const zip = await JSZip.loadAsync(readFileSync(book));
    zip.remove("_rels/.rels");
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer" }));
    const before = readFileSync(book);
    const r = io();
    expect(await main(["draw", book, ...DRAW, "--json"], r.io)).toBe(2);
    const doc = JSON.parse(r.out.join("\n"));
    expect(doc.ok).toBe(false);
    expect(doc.errors[0].message).toContain("_rels/.rels");
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test("with --out the draw is written to the new file, chart and all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-parts-"));
    const book = await withChart(dir);
    const out = join(dir, "drawn.xlsx");
    const r = io();
    expect(await main(["draw", book, ...DRAW, "--out", out], r.io)).toBe(0);
    expect(r.err).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).some((n) => n.startsWith("xl/charts/"))).toBe(true);
  });

  test("a workbook without such parts is written back in place as before", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-parts-"));
    const book = join(dir, "plain.xlsx");
    copyFileSync(SAMPLE, book);
    const r = io();
    expect(await main(["draw", book, ...DRAW], r.io)).toBe(0);
    expect(r.err).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync(book));
    expect(Object.keys(zip.files).some((n) => n.includes("sheet"))).toBe(true);
  });
});
