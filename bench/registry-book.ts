// A large workbook for the bench: the sample workbook with its 检查对象名录库 grown to N valid,
// distinct targets, written as Excel writes a registry (shared strings, a date style), streamed
// part by part so that even 1,048,575 rows are made in little memory. Cached by N under
// test-output/bench-books/, so a bench run makes each size once.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import JSZip from "jszip";
import { usccCheckChar } from "../src/core/schema/uscc";

const SAMPLE = join(__dirname, "..", "assets", "sample-新华区-2026.xlsx");
const REGISTRY_PART = "xl/worksheets/sheet3.xml";
const SST_PART = "xl/sharedStrings.xml";
const ROWS_PER_CHUNK = 2000;

const CATEGORIES = ["医疗机构", "诊所", "医疗美容机构"];
const TAGS = ["综合医院、医保定点", "口腔", "中医、医保定点", "医疗美容", "放射诊疗"];
const AREAS = ["东焦街道", "北苑街道", "革新街道", "新华路街道", "宁安街道", "西苑街道", "合作路街道"];
const SURNAMES = [..."王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许韩冯邓曹"];
const GIVEN = ["建国", "志强", "秀英", "丽娜", "海涛", "俊杰", "晓燕", "玉兰", "国华", "春梅"];
const INSPECTORS = ["13010520101、13010520102", "13010520110", "13010520118、13010520302", ""];
/** pool strings, in this order after the sample's own strings */
const POOL = [
  ...CATEGORIES,
  ...TAGS,
  ...AREAS,
  ...SURNAMES.flatMap((s) => GIVEN.map((g) => s + g)),
  "A",
  "B",
  "C",
  "D",
  "是",
  "否",
  "在营",
  "停业",
  ...INSPECTORS.filter(Boolean),
];
const PER_ROW = 4; // uscc, name, address, phone

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function uscc(i: number): string {
  const first17 = `91130105MA${String(i).padStart(7, "0")}`;
  return first17 + usccCheckChar(first17);
}

function rowStrings(i: number): string[] {
  return [
    uscc(i),
    `石家庄新华某某诊所第${i}号`,
    `石家庄市新华区联盟路${i % 997}号${i}室`,
    `0311-8${String(i).padStart(7, "0")}`,
  ];
}

/** JSZip takes string chunks of a stream as binary strings: give it UTF-8 bytes. */
function* utf8(chunks: Iterable<string>): Generator<Buffer> {
  for (const c of chunks) yield Buffer.from(c, "utf8");
}

/** The path of a cached workbook with `n` registry rows, made when absent. */
export async function registryBook(n: number): Promise<string> {
  const dir = join(__dirname, "..", "test-output", "bench-books");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `registry-${n}.xlsx`);
  if (existsSync(path)) return path;
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const sheet = await zip.file(REGISTRY_PART)!.async("string");
  const sst = await zip.file(SST_PART)!.async("string");
  const base = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
  const poolIndex = new Map(POOL.map((s, k) => [s, base + k]));
  const rowBase = base + POOL.length;
  const head = sheet
    .slice(0, sheet.indexOf("<sheetData>") + "<sheetData>".length)
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:P${n + 1}"/>`);
  const header = /<row r="1"[\s\S]*?<\/row>/.exec(sheet)![0];
  const tail = sheet.slice(sheet.indexOf("</sheetData>"));

  function* sheetChunks(): Generator<string> {
    yield head + header;
    for (let from = 0; from < n; from += ROWS_PER_CHUNK) {
      let out = "";
      for (let i = from; i < Math.min(n, from + ROWS_PER_CHUNK); i++) {
        const r = i + 2;
        const s = (col: string, index: number) => `<c r="${col}${r}" s="2" t="s"><v>${index}</v></c>`;
        const p = (col: string, text: string) => s(col, poolIndex.get(text)!);
        const own = rowBase + i * PER_ROW;
        const grade = "ABCD"[(i * 7) % 4];
        const lastInspectors = INSPECTORS[i % INSPECTORS.length];
        out +=
          `<row r="${r}" spans="1:16"><c r="A${r}" s="4"><v>${i + 1}</v></c>` +
          s("B", own) +
          s("C", own + 1) +
          p("D", CATEGORIES[i % 3]) +
          p("E", TAGS[i % TAGS.length]) +
          p("F", AREAS[i % AREAS.length]) +
          s("G", own + 2) +
          p("H", SURNAMES[i % SURNAMES.length] + GIVEN[(i >> 3) % GIVEN.length]) +
          s("I", own + 3) +
          p("J", grade) +
          `<c r="K${r}" s="4"><v>${i % 53 === 0 ? 1 : 0}</v></c>` +
          p("L", i % 101 === 0 ? "是" : "否") +
          p("M", i % 37 === 0 ? "是" : "否") +
          (i % 3 === 0 ? `<c r="N${r}" s="5"><v>${45400 + (i % 600)}</v></c>` : "") +
          (lastInspectors ? p("O", lastInspectors) : "") +
          p("P", i % 29 === 0 ? "停业" : "在营") +
          "</row>";
      }
      yield out;
    }
    yield tail;
  }

  function* sstChunks(): Generator<string> {
    const total = base + POOL.length + n * PER_ROW;
    const close = sst.lastIndexOf("</sst>");
    yield sst.slice(0, close).replace(/count="\d+" uniqueCount="\d+"/, `count="${total}" uniqueCount="${total}"`);
    yield POOL.map((s) => `<si><t>${esc(s)}</t></si>`).join("");
    for (let from = 0; from < n; from += ROWS_PER_CHUNK) {
      let out = "";
      for (let i = from; i < Math.min(n, from + ROWS_PER_CHUNK); i++)
        for (const s of rowStrings(i)) out += `<si><t>${esc(s)}</t></si>`;
      yield out;
    }
    yield "</sst>";
  }

  zip.file(REGISTRY_PART, Readable.from(utf8(sheetChunks())) as unknown as NodeJS.ReadableStream);
  zip.file(SST_PART, Readable.from(utf8(sstChunks())) as unknown as NodeJS.ReadableStream);
  const temp = `${path}.${process.pid}.tmp`;
  await pipeline(
    zip.generateNodeStream({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
      streamFiles: true,
    }),
    createWriteStream(temp),
  );
  renameSync(temp, path);
  return path;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1048575);
  const t0 = performance.now();
  void registryBook(n).then((p) => console.log(`${p} in ${((performance.now() - t0) / 1000).toFixed(1)} s`));
}
