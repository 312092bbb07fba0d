// Saving files: whole or not at all, and the input file is never touched unless it is the output.
import ExcelJS from "exceljs";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { WriteBatch } from "../../../src/workbook/port";
import { NotAWorkbookError, XlsxWorkbook } from "../../../src/workbook/xlsx";
import {
  FileProblemError,
  checkWritable,
  onInterrupt,
  openElsewhere,
  readStamped,
  readXlsxFile,
  runInterruptCleanups,
  saveAtomic,
  writeAtomic,
} from "../../../src/workbook/xlsx/file";
import { bytesOf, removeTempDirs, tempDir } from "./helpers";

const batch = (b: Partial<WriteBatch>): WriteBatch => ({ create: [], replace: [], append: [], ...b });

async function inputFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("抽查任务").getRow(1).values = ["任务编号", "任务名称"];
  wb.getWorksheet("抽查任务")!.getRow(2).values = ["XH-2026-03", "联合抽查"];
  const path = join(dir, "名录.xlsx");
  writeFileSync(path, await bytesOf(wb));
  return path;
}

describe("saveAtomic", () => {
  afterAll(removeTempDirs);

  test("writes the workbook to the output; the input stays byte for byte; no temp file is left", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const before = readFileSync(input);
    const book = await readXlsxFile(input);
    await book.write(batch({ create: [{ name: "抽取结果-1", rows: [["=1+1"]] }] }));
    const out = join(dir, "结果.xlsx");
    await saveAtomic(book, out);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["名录.xlsx", "结果.xlsx"].sort());
    const back = await readXlsxFile(out);
    expect(await back.sheetNames()).toEqual(["抽查任务", "抽取结果-1"]);
    expect((await back.readSheet("抽取结果-1")).rows).toEqual([["=1+1"]]);
  });

  test("saving over the input replaces it whole when the output names it", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const book = await readXlsxFile(input);
    await book.write(batch({ create: [{ name: "抽取记录", rows: [["x"]] }] }));
    await saveAtomic(book, input);
    expect(await (await readXlsxFile(input)).sheetNames()).toEqual(["抽查任务", "抽取记录"]);
    expect(readdirSync(dir)).toEqual(["名录.xlsx"]);
  });

  test("a failing rename leaves no temp file and the folder as it was", async () => {
    const dir = tempDir();
    const input = await inputFile(dir);
    const before = readFileSync(input);
    const occupied = join(dir, "结果.xlsx");
    mkdirSync(occupied); // a folder where the file should go: rename fails
    writeFileSync(join(occupied, "keep.txt"), "x");
    const book = await readXlsxFile(input);
    await expect(saveAtomic(book, occupied)).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(["名录.xlsx", "结果.xlsx"].sort());
    expect(readdirSync(occupied)).toEqual(["keep.txt"]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("a workbook that cannot be serialised writes no file at all", async () => {
    const dir = tempDir();
    const book = XlsxWorkbook.empty();
    jest.spyOn(book, "toBuffer").mockRejectedValue(new Error("cannot serialise"));
    const out = join(dir, "结果.xlsx");
    await expect(saveAtomic(book, out)).rejects.toThrow(/cannot serialise/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a missing output folder is an error and creates nothing", async () => {
    const dir = tempDir();
    const out = join(dir, "没有的目录", "结果.xlsx");
    await expect(saveAtomic(XlsxWorkbook.empty(), out)).rejects.toThrow();
    expect(existsSync(join(dir, "没有的目录"))).toBe(false);
  });

  test("an existing output is replaced whole, never half-written", async () => {
    const dir = tempDir();
    const out = join(dir, "结果.xlsx");
    writeFileSync(out, "old bytes");
    const book = XlsxWorkbook.empty();
    await book.write(batch({ create: [{ name: "S", rows: [["新"]] }] }));
    await saveAtomic(book, out);
    expect((await (await readXlsxFile(out)).readSheet("S")).rows).toEqual([["新"]]);
    expect(readdirSync(dir)).toEqual(["结果.xlsx"]);
  });
});

/** The code of the FileProblemError a promise rejects with. */
const problem = (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: unknown) => (e instanceof FileProblemError ? `${e.code} ${JSON.stringify(e.params)}` : String(e)),
  );

describe("reading with a stamp", () => {
  afterAll(removeTempDirs);

  test("missing file, folder, and a file that is no workbook", async () => {
    const dir = tempDir();
    expect(await problem(readStamped(join(dir, "无.xlsx")))).toBe(`file_not_found {"file":"${join(dir, "无.xlsx")}"}`);
    expect(await problem(readStamped(dir))).toMatch(/^file_is_folder/);
    writeFileSync(join(dir, "x.xlsx"), "名称,代码\n");
    await expect(readXlsxFile(join(dir, "x.xlsx"))).rejects.toBeInstanceOf(NotAWorkbookError);
  });

  test("the stamp holds size, time and the hash of the bytes read", async () => {
    const dir = tempDir();
    const path = await inputFile(dir);
    const { bytes, stamp } = await readStamped(path);
    expect(stamp.size).toBe(bytes.length);
    expect(stamp.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stamp.mtimeMs).toBe(statSync(path).mtimeMs);
  });
});

describe("writing only over the file as it was read", () => {
  afterAll(removeTempDirs);

  test("a file whose content changed (same size, same time) is not replaced", async () => {
    const dir = tempDir();
    const path = await inputFile(dir);
    utimesSync(path, 1775000000, 1775000000); // whole seconds, which utimes sets exactly
    const { bytes, stamp } = await readStamped(path);
    const other = Uint8Array.from(bytes);
    other[other.length - 30] ^= 0xff; // inside the zip's central directory: same size
    writeFileSync(path, other);
    utimesSync(path, 1775000000, 1775000000);
    expect(statSync(path).mtimeMs).toBe(stamp.mtimeMs);
    expect(await problem(writeAtomic(new Uint8Array([1, 2, 3]), path, { expect: stamp }))).toMatch(
      /^book_changed_on_disk .*"what":"内容不同"/,
    );
    expect(readFileSync(path).equals(Buffer.from(other))).toBe(true);
    expect(readdirSync(dir)).toEqual(["名录.xlsx"]);
  });

  test("a file replaced or removed meanwhile is not replaced either", async () => {
    const dir = tempDir();
    const path = await inputFile(dir);
    const { stamp } = await readStamped(path);
    writeFileSync(join(dir, "另一个.xlsx"), "x");
    const { renameSync, rmSync } = await import("node:fs");
    renameSync(join(dir, "另一个.xlsx"), path);
    expect(await problem(writeAtomic(new Uint8Array([1]), path, { expect: stamp }))).toMatch(/^book_changed_on_disk/);
    rmSync(path);
    expect(await problem(writeAtomic(new Uint8Array([1]), path, { expect: stamp }))).toMatch(/已被移走或删除/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("an unchanged file is replaced, keeping its mode", async () => {
    const dir = tempDir();
    const path = await inputFile(dir);
    chmodSync(path, 0o600);
    const { stamp } = await readStamped(path);
    await writeAtomic(new Uint8Array([7, 7]), path, { expect: stamp });
    expect([...readFileSync(path)]).toEqual([7, 7]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  test("an interruption just before the rename removes the temp file (the signal handler's cleanup)", async () => {
    const dir = tempDir();
    const path = join(dir, "结果.xlsx");
    let during: string[] = [];
    await writeAtomic(new Uint8Array([1]), path, {
      beforeRename: () => {
        during = readdirSync(dir);
        runInterruptCleanups();
      },
    }).catch(() => undefined);
    expect(during).toHaveLength(1);
    expect(during[0]).toMatch(/^\.结果\.xlsx\.\d+-[0-9a-f]+\.tmp$/);
    expect(readdirSync(dir)).toEqual([]);
    // a cleanup that was unregistered does not run
    let ran = false;
    onInterrupt(() => (ran = true))();
    runInterruptCleanups();
    expect(ran).toBe(false);
  });
});

describe("before any work: can the output be written?", () => {
  afterAll(removeTempDirs);

  test("missing folder, a folder as the file, a read-only file; a new file is fine", async () => {
    const dir = tempDir();
    expect(await problem(checkWritable(join(dir, "无", "x.xlsx")))).toMatch(/^out_folder_missing/);
    mkdirSync(join(dir, "x.xlsx"));
    expect(await problem(checkWritable(join(dir, "x.xlsx")))).toMatch(/^out_is_folder/);
    writeFileSync(join(dir, "ro.xlsx"), "x");
    chmodSync(join(dir, "ro.xlsx"), 0o444);
    expect(await problem(checkWritable(join(dir, "ro.xlsx")))).toMatch(/^out_read_only/);
    expect(await problem(checkWritable(join(dir, "new.xlsx")))).toBe("resolved");
  });

  test("a workbook open in Excel, WPS or LibreOffice is known by its owner file", async () => {
    const dir = tempDir();
    const book = join(dir, "名录.xlsx");
    expect(await openElsewhere(book)).toBeNull();
    writeFileSync(join(dir, "~$名录.xlsx"), "");
    expect(await openElsewhere(book)).toEqual({ owner: join(dir, "~$名录.xlsx"), app: "Excel/WPS" });
    writeFileSync(join(dir, "~$录.xlsx"), ""); // another workbook's owner file does not count
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "~$名录.xlsx"));
    expect(await openElsewhere(book)).toBeNull();
    writeFileSync(join(dir, ".~lock.名录.xlsx#"), "");
    expect((await openElsewhere(book))?.app).toBe("LibreOffice");
  });
});
