// The outside world's failures on the command line, in-process: files that are no workbook,
// missing files and folders, read-only and open workbooks, locks, typos in flags. Each gets its
// Chinese (or English) message from the catalogue with exit 2, one JSON document under --json,
// and nothing is written: no output, no temp file, no lock left behind.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { join } from "node:path";
import { COMMANDS } from "../../src/cli/main";
import { ODD_FILES } from "../workbook/xlsx/odd-files";
import { RICH_BOOKS } from "../workbook/xlsx/rich-books";
import { packageLosses } from "../../src/workbook/xlsx/package-diff";
import { DATE, SAMPLE, SEED, TASK, listDir, removeTemps, run, sampleCopy, sha256 } from "./helpers";

afterAll(removeTemps);

const DRAW = ["--task", TASK, "--seed", SEED, "--date", DATE];
/** Words of Node's and the libraries' own errors, which a clerk must never see. */
const FOREIGN = /ENOENT|EACCES|EISDIR|ERR_|parseArgs|Unknown option|stuk\.github|Corrupted zip|\.tmp\b|at .*\.ts:\d+/;

function only(r: Awaited<ReturnType<typeof run>>) {
  const doc = r.json(); // throws unless stdout is exactly one JSON document
  expect(doc.ok).toBe(false);
  expect(doc.errors).toHaveLength(1);
  return doc.errors[0] as { code: string; message: string; sheet: string; cell: string };
}

describe("a BOOK that is no readable workbook", () => {
  test.each(ODD_FILES.map((f) => [f.kind, f] as const))("%s", async (_kind, f) => {
    const { dir } = sampleCopy();
    const book = join(dir, f.name);
    writeFileSync(book, await f.bytes());
    const before = sha256(book);
    const checked = await run(["check", book, "--json"]);
    expect(checked.code).toBe(2);
    const e = only(checked);
    expect(e.code).toBe(f.code);
    expect(e.message).toMatch(f.says);
    expect(e.message.startsWith(`无法读取「${book}」：`)).toBe(true);
    expect(checked.err + e.message).not.toMatch(FOREIGN);
    // a command that writes leaves everything as it was: no file, no temp file, no lock
    const drawn = await run(["draw", book, ...DRAW]);
    expect(drawn.code).toBe(2);
    expect(drawn.out).toBe("");
    expect(drawn.err).toMatch(f.says);
    expect(sha256(book)).toBe(before);
    expect(listDir(dir)).toEqual(["book.xlsx", f.name].filter((x, i, a) => a.indexOf(x) === i).sort());
  });

  test("in English with --lang en", async () => {
    const { dir } = sampleCopy();
    const book = join(dir, "old.xls");
    writeFileSync(book, await ODD_FILES.find((f) => f.code === "file_xls")!.bytes());
    const e = only(await run(["check", book, "--json", "--lang", "en"]));
    expect(e.message).toMatch(/^Cannot read ".*old\.xls": This is an \.xls file/);
  });
});

describe("files and folders", () => {
  test("a missing BOOK: file_not_found with the path as typed", async () => {
    const r = await run(["draw", "没有这个文件.xlsx", ...DRAW, "--json"]);
    expect(r.code).toBe(2);
    expect(only(r)).toMatchObject({
      code: "file_not_found",
      message: expect.stringContaining("「没有这个文件.xlsx」"),
    });
    expect(existsSync("没有这个文件.xlsx.shuangsuiji-lock")).toBe(false);
  });

  test("a folder as BOOK", async () => {
    const { dir } = sampleCopy();
    const r = await run(["check", dir, "--json"]);
    expect(r.code).toBe(2);
    expect(only(r).code).toBe("file_is_folder");
  });

  test("a missing folder for --out: named as typed, never a temp path", async () => {
    const { dir, book } = sampleCopy();
    const out = join(dir, "没有的文件夹", "结果.xlsx");
    const r = await run(["draw", book, ...DRAW, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`输出文件夹「${join(dir, "没有的文件夹")}」不存在`);
    expect(r.err).not.toMatch(FOREIGN);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
  });

  test("--out naming a folder", async () => {
    const { dir, book } = sampleCopy();
    mkdirSync(join(dir, "结果.xlsx"));
    const r = await run(["draw", book, ...DRAW, "--out", join(dir, "结果.xlsx"), "--json"]);
    expect(r.code).toBe(2);
    expect(only(r).code).toBe("out_is_folder");
  });

  test("--out without .xlsx", async () => {
    const { book } = sampleCopy();
    const r = await run(["draw", book, ...DRAW, "--out", "结果", "--json"]);
    expect(r.code).toBe(2);
    expect(only(r).code).toBe("option_out_extension");
  });

  test("a read-only BOOK is not written back in place (even by root); --out still works", async () => {
    const { dir, book } = sampleCopy();
    chmodSync(book, 0o444);
    const r = await run(["draw", book, ...DRAW, "--json"]);
    expect(r.code).toBe(2);
    expect(only(r).code).toBe("out_read_only");
    expect(sha256(book)).toBe(sha256(SAMPLE));
    const out = join(dir, "新.xlsx");
    expect((await run(["draw", book, ...DRAW, "--out", out])).code).toBe(0);
    expect(listDir(dir)).toEqual(["book.xlsx", "新.xlsx"]);
  });

  test("a workbook open in Excel (its ~$ owner file) or LibreOffice is not written back; --out still works", async () => {
    for (const owner of ["~$book.xlsx", ".~lock.book.xlsx#"]) {
      const { dir, book } = sampleCopy();
      writeFileSync(join(dir, owner), "");
      const r = await run(["draw", book, ...DRAW, "--json"]);
      expect(r.code).toBe(2);
      const e = only(r);
      expect(e.code).toBe("book_open_elsewhere");
      expect(e.message).toContain(join(dir, owner));
      expect(sha256(book)).toBe(sha256(SAMPLE));
      expect((await run(["draw", book, ...DRAW, "--out", join(dir, "新.xlsx")])).code).toBe(0);
    }
  });

  test("the mode of a file written back is kept", async () => {
    const { book } = sampleCopy();
    chmodSync(book, 0o640);
    expect((await run(["draw", book, ...DRAW])).code).toBe(0);
    const { statSync } = await import("node:fs");
    expect(statSync(book).mode & 0o777).toBe(0o640);
  });
});

describe("the lock on the workbook written", () => {
  const lockOf = (book: string) => `${book}.shuangsuiji-lock`;
  const lockBy = (book: string, pid: number, host = hostname()) =>
    writeFileSync(
      lockOf(book),
      JSON.stringify({ pid, host, command: "draw", since: "2026-04-01 09:30:00", token: "0123456789abcdef" }),
    );

  test("held by a live command: refused with its holder named, the file and the lock untouched", async () => {
    const { book } = sampleCopy();
    lockBy(book, process.pid);
    const r = await run(["draw", book, ...DRAW, "--json"]);
    expect(r.code).toBe(2);
    const e = only(r);
    expect(e.code).toBe("book_locked");
    expect(e.message).toContain(`进程 ${process.pid}`);
    expect(e.message).toContain(lockOf(book));
    expect(sha256(book)).toBe(sha256(SAMPLE));
    expect(existsSync(lockOf(book))).toBe(true);
    // reading needs no lock
    expect((await run(["check", book])).code).toBe(0);
  });

  test("held on another computer: never taken over", async () => {
    const { book } = sampleCopy();
    lockBy(book, 1, "另一台电脑");
    const r = await run(["draw", book, ...DRAW, "--json"]);
    expect(only(r).code).toBe("book_locked");
  });

  test("left by a process that is gone: taken over, said so, and removed when done", async () => {
    const { dir, book } = sampleCopy();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    lockBy(book, Number(gone.stdout));
    const r = await run(["draw", book, ...DRAW, "--json"]);
    expect(r.code).toBe(0);
    const taken = r.json().warnings.find((w: { code: string }) => w.code === "book_lock_taken_over");
    expect(taken.message).toContain(`进程 ${gone.stdout}`);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
    expect((await run(["verify", book])).code).toBe(0);
  });

  test("a workbook changed on disk after it was read is not replaced: exit 2, the other change kept", async () => {
    const { dir, book } = sampleCopy();
    const meanwhile = readFileSync(SAMPLE).subarray(0); // another program saves its own version…
    const original = COMMANDS.draw.run;
    COMMANDS.draw.run = async (c) => {
      writeFileSync(book, Buffer.concat([meanwhile, Buffer.from([0])])); // …while the draw runs
      return original(c);
    };
    try {
      const r = await run(["draw", book, ...DRAW, "--json"]);
      expect(r.code).toBe(2);
      const e = only(r);
      expect(e.code).toBe("book_changed_on_disk");
      expect(e.message).toContain("大小由");
    } finally {
      COMMANDS.draw.run = original;
    }
    expect(readFileSync(book).length).toBe(meanwhile.length + 1);
    expect(listDir(dir)).toEqual(["book.xlsx"]);
  });
});

describe("what writing back would lose", () => {
  test("a workbook with sparklines: a draw (written part by part) keeps them in place; a void, which edits 检查结果 through ExcelJS, is refused in place, and with --out says what the new file lacks", async () => {
    const { dir, book } = sampleCopy();
    writeFileSync(book, await RICH_BOOKS.find((b) => b.what.startsWith("sparklines"))!.bytes());
    const original = readFileSync(book);
    const drawn = await run(["draw", book, ...DRAW, "--json"]);
    expect(drawn.code).toBe(0);
    expect(await packageLosses(original, readFileSync(book))).toEqual([]);

    const before = sha256(book);
    const VOID = ["--draw", `抽取结果-${TASK}-1`, "--reason", "演示"];
    const r = await run(["void", book, ...VOID, "--json"]);
    expect(r.code).toBe(1);
    const e = only(r);
    expect(e.code).toBe("book_parts_unkept");
    expect(e.message).toContain("工作表「检查对象名录库」的迷你图（1 处）");
    expect(e.message).toContain("--out");
    expect(sha256(book)).toBe(before);
    expect(listDir(dir)).toEqual(["book.xlsx"]);

    const out = join(dir, "结果.xlsx");
    const written = await run(["void", book, ...VOID, "--out", out, "--json"]);
    expect(written.code).toBe(0);
    const lacks = written.json().warnings.find((w: { code: string }) => w.code === "book_parts_not_copied");
    expect(lacks.message).toContain("迷你图");
    expect(lacks.message).toContain(out);
    const text = await run(["void", book, ...VOID, "--out", join(dir, "结果2.xlsx")]);
    expect(text.err).toMatch(/迷你图.*结果2\.xlsx/);
  });

  test("a workbook with custom document properties keeps them through a freeze in place", async () => {
    const { book } = sampleCopy();
    writeFileSync(book, await RICH_BOOKS.find((b) => b.what.startsWith("custom document properties"))!.bytes());
    const original = readFileSync(book);
    const r = await run(["freeze", book, "--task", TASK, "--date", DATE, "--json"]);
    expect(r.code).toBe(0);
    expect(await packageLosses(original, readFileSync(book))).toEqual([]);
  });

  test("a workbook with notes, conditional formats and an image is written back in place, keeping them", async () => {
    for (const what of [/^notes/, /^conditional formats/, /^an image/]) {
      const { book } = sampleCopy();
      writeFileSync(book, await RICH_BOOKS.find((b) => what.test(b.what))!.bytes());
      const r = await run(["draw", book, ...DRAW, "--json"]);
      expect(r.code).toBe(0);
      expect(r.json().warnings.map((w: { code: string }) => w.code)).not.toContain("book_parts_not_copied");
    }
  });
});

describe("typos and bad values in the command line", () => {
  const { book } = sampleCopy();
  test.each<[string, string[], string, RegExp]>([
    ["--taks", ["draw", book, "--taks", TASK], "option_unknown_near", /未知选项 --taks。是否要输入 --task？/],
    ["--sed", ["draw", book, "--task", TASK, "--sed", "5"], "option_unknown_near", /是否要输入 --seed？/],
    ["a single dash", ["draw", book, "-task", TASK], "option_unknown_near", /是否要输入 --task？/],
    ["Chinese dashes", ["draw", book, "——task", TASK], "option_dash", /两个半角减号.*--task/],
    ["nothing near", ["draw", book, "--xyzzy"], "option_unknown", /未知选项 --xyzzy/],
    ["drwa", ["drwa", book], "command_unknown_near", /是否要输入 draw？/],
    ["no value", ["draw", book, "--task"], "option_value_missing", /--task 后面缺少值/],
    ["an option as value", ["draw", book, "--task", "--seed", "5"], "option_value_missing", /--task 后面缺少值/],
    ["twice", ["draw", book, "--task", TASK, "--task", "X"], "option_repeated", /不止一次/],
    ["a value to a flag", ["check", book, "--json=yes"], "option_flag_value", /不带值/],
    ["a blank task", ["draw", book, "--task", "  "], "option_value_empty", /--task 的值是空的/],
    ["a bad --lang", ["check", book, "--lang", "fr"], "option_lang", /zh.*en.*fr/],
    ["a bad date", ["draw", book, "--task", TASK, "--date", "2026-02-30"], "option_date", /2026-02-30/],
    ["not taken", ["check", book, "--seed", "5"], "option_not_taken", /check 不接受选项 --seed/],
  ])("%s", async (_what, argv, code, says) => {
    const before = sha256(book);
    const r = await run([...argv, "--json"]);
    expect(r.code).toBe(2);
    const e = only(r);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(says);
    expect(r.err).toContain("用法 / usage");
    expect(r.err).not.toMatch(FOREIGN);
    expect(sha256(book)).toBe(before);
  });

  test("in English", async () => {
    const r = await run(["draw", book, "--taks", TASK, "--lang", "en"]);
    expect(r.err).toMatch(/^Unknown option --taks\. Did you mean --task\?/);
  });

  test("every value is trimmed like the seed: --task, --date and --out with blanks around them", async () => {
    const { dir, book: b } = sampleCopy();
    const r = await run([
      "draw",
      b,
      "--task",
      ` ${TASK} `,
      "--seed",
      ` ${SEED} `,
      "--date",
      ` ${DATE} `,
      "--out",
      ` ${join(dir, "结果.xlsx")} `,
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ task: TASK, seed: SEED, date: DATE, file: join(dir, "结果.xlsx") });
  });

  test("--version, also as JSON", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8"));
    expect((await run(["--version"])).out).toBe(`shuangsuiji ${version}`);
    expect((await run(["--version", "--json"])).json()).toEqual({ version });
  });

  test("a command's help lists its options", async () => {
    const r = await run(["draw", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("shuangsuiji draw BOOK.xlsx --task ID");
    expect(r.out).toMatch(/--witness\s+见证人/);
  });
});

describe("an internal error", () => {
  test("is one JSON document with code internal, exit 3, the stack on stderr only", async () => {
    COMMANDS.boom = {
      options: [],
      writes: true,
      run: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    };
    try {
      const { dir, book } = sampleCopy();
      const r = await run(["boom", book, "--json"]);
      expect(r.code).toBe(3);
      const e = only(r);
      expect(e.code).toBe("internal");
      expect(e.message).toContain("内部错误（TypeError）");
      expect(r.out).not.toContain("Cannot read properties");
      expect(r.err).toContain("Cannot read properties of undefined");
      expect(r.err).toMatch(/at .*outside\.test\.ts/);
      // the lock taken for the write is released
      expect(listDir(dir)).toEqual(["book.xlsx"]);
      const text = await run(["boom", book]);
      expect(text.code).toBe(3);
      expect(text.out).toBe("");
      expect(text.err).toMatch(/^内部错误/);
    } finally {
      delete COMMANDS.boom;
    }
  });
});

describe("every command under --json prints exactly one JSON document", () => {
  const REQUIRED: Record<string, string[]> = {
    freeze: ["--task", TASK, "--date", DATE],
    draw: DRAW,
    checklists: ["--draw", `抽取结果-${TASK}-1`],
    publicity: ["--task", TASK, "--today", DATE],
  };
  const names = Object.keys(COMMANDS);
  test.each(names.map((n) => [n]))("%s", async (name) => {
    const { dir, book } = sampleCopy();
    const args = REQUIRED[name] ?? [];
    const writes = COMMANDS[name].writes ? ["--out", join(dir, "out.xlsx")] : [];
    const csv = join(dir, "名录.xlsx");
    writeFileSync(csv, "名称,代码\n");
    const cases: [string[], number][] = [
      [[name, join(dir, "无.xlsx"), ...args, ...writes], 2],
      [[name, csv, ...args, ...writes], 2],
      [[name, book, ...args, ...writes, "--frobnicate"], 2],
      [[name, book, ...args, ...writes, "--lang", "xx"], 2],
      [[name, book, ...args, ...writes], -1], // whatever the sample gives: success or a refusal
    ];
    for (const [argv, code] of cases) {
      const r = await run([...argv, "--json"]);
      if (code >= 0) expect(r.code).toBe(code);
      expect(() => r.json()).not.toThrow();
      expect(typeof r.json()).toBe("object");
      expect(r.out.trim().startsWith("{")).toBe(true);
    }
  });
});
