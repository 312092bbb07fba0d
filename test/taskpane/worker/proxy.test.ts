// The engine worker's proxy, over Node's MessageChannel (the same structured clone and transfer
// as a browser's Worker): the pane's main thread holds the workbook port (as Excel's adapter
// does), the use-cases run on the other end, and what a clerk sees is what the engine on one
// thread gives: the same reports, the same writes, errors the use-cases recognise, progress.
import { readFileSync } from "fs";
import { join } from "path";
import { MessageChannel, type MessagePort } from "worker_threads";
import type { Engine } from "../../../src/taskpane/engine";
import { failureText } from "../../../src/taskpane/pane-logic";
import { createEngine, type HostHooks } from "../../../src/taskpane/port-engine";
import { activityState, beginAction, subscribeActivity } from "../../../src/taskpane/worker/activity";
import { connectEngine, servePort } from "../../../src/taskpane/worker/client";
import { Endpoint, type Channel } from "../../../src/taskpane/worker/rpc";
import { serveEngine, type EngineLoaders } from "../../../src/taskpane/worker/serve";
import { rebuildAs } from "../../../src/taskpane/worker/wire";
import * as useCases from "../../../src/workbook/usecases";
import {
  WorkbookChangedError,
  type ProgressReporter,
  type WorkbookPort,
  type WriteBatch,
} from "../../../src/workbook/port";
import { NotAWorkbookError, XlsxWorkbook } from "../../../src/workbook/xlsx";
import { openFileEngine } from "../../../src/taskpane/file-host";
import { MemoryWorkbook } from "../../workbook/memory-port";
import { DATE, NOW, SEED, TASK, fixtureBook } from "../../workbook/usecases/fixture";

rebuildAs("WorkbookChangedError", WorkbookChangedError);

const ports: MessagePort[] = [];
afterAll(() => ports.forEach((p) => p.close()));

/** A port that reports each appended or created row as a write's progress, as the adapters do. */
function reporting(book: MemoryWorkbook): WorkbookPort & { book: MemoryWorkbook } {
  return {
    book,
    sheetNames: () => book.sheetNames(),
    readSheet: (name) => book.readSheet(name),
    async write(batch: WriteBatch, progress?: ProgressReporter) {
      const total = batch.create.length + batch.replace.length + batch.append.length;
      await book.write(batch);
      for (let i = 1; i <= total; i++) progress?.(i, total);
    },
  };
}

function hooks(selected: string[]): HostHooks {
  return {
    mode: "excel",
    title: "新华区-2026.xlsx",
    loadSheetMap: async () => ({ targets: "检查对象名录库" }),
    saveSheetMap: async () => undefined,
    selectCell: async (sheet, cell) => void selected.push(`${sheet}!${cell}`),
    activateSheet: async () => undefined,
    selfTest: async () => ({ checks: [{ name: "主线程", ok: true, detail: "Excel" }], excelApi: ["1.7"] }),
  };
}

/** `extra` adds methods to the worker's engine, as a later port-engine.ts would (it sees the worker's port). */
type Extra = (engine: Engine, port: WorkbookPort) => Engine;

const loaders = (extra?: Extra): EngineLoaders => ({
  useCases: async () => useCases,
  createEngine: (port, u, host) => {
    const engine = createEngine(port, u, host);
    return extra ? extra(engine, port) : engine;
  },
  openFile: (bytes, name, observe) => openFileEngine(bytes, name, observe),
});

/** The two ends: `main` (the pane's thread) and the worker's, wired by a MessageChannel. */
function channel(load: EngineLoaders): Endpoint {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveEngine(port2 as unknown as Channel, load);
  return new Endpoint(port1 as unknown as Channel);
}

async function excelLike(port: WorkbookPort, selected: string[] = [], extra?: Extra) {
  const main = channel(loaders(extra));
  return connectEngine(main, servePort(main, port, hooks(selected)));
}

const junk = () => new TextEncoder().encode("这不是工作簿").buffer as ArrayBuffer;

const options = { lang: "zh" as const, sheetMap: {} };
const request = { ...options, taskId: TASK, seed: SEED, date: DATE, now: NOW, operator: "张三", witness: "李四" };

describe("the engine behind the worker proxy, over the main thread's port (Excel)", () => {
  test("a draw through the worker reports and writes exactly what the engine on one thread does", async () => {
    const direct = reporting(fixtureBook());
    const expected = await createEngine(direct, useCases, hooks([])).runDraw(request);
    const remote = reporting(fixtureBook());
    const engine = await excelLike(remote);
    const seen: [number, number][] = [];
    let wrote = 0;
    engine.onWrite(() => wrote++);
    const out = await engine.runDraw(request, (done, total) => seen.push([done, total]));
    expect(out).toEqual(expected);
    expect(out.ok).toBe(true);
    // the written sheets are on the main thread's workbook, cell for cell
    expect([...remote.book.sheets.entries()]).toEqual([...direct.book.sheets.entries()]);
    expect(wrote).toBe(1);
    // the write's progress crossed back, ending at its total
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1][0]).toBe(seen[seen.length - 1][1]);
    // and the worker's draw verifies on the main thread's workbook
    const verify = await engine.verifyDraws(options);
    expect(verify).toEqual(await useCases.verifyDraws(direct, options));
  });

  test("host hooks run on the main thread, by name", async () => {
    const selected: string[] = [];
    const engine = await excelLike(reporting(fixtureBook()), selected);
    await engine.selectCell("抽取结果", "B7");
    expect(selected).toEqual(["抽取结果!B7"]);
    expect(await engine.loadSheetMap()).toEqual({ targets: "检查对象名录库" });
    expect((await engine.selfTest()).checks[0].name).toBe("主线程");
    expect(engine.mode).toBe("excel");
    expect(engine.title).toBe("新华区-2026.xlsx");
    // Excel has no download: the proxy has no saveCopy either
    expect(engine.saveCopy).toBeUndefined();
  });

  test("an Engine method added later passes through with no change to the proxy", async () => {
    const engine = await excelLike(reporting(fixtureBook()), [], (e) => ({
      ...e,
      countSheets: async (prefix: string) => `${prefix}${(await e.sheetNames()).length}`,
    }));
    const later = engine as Engine & { countSheets(prefix: string): Promise<string> };
    expect(await later.countSheets("共 ")).toBe(`共 ${(await fixtureBook().sheetNames()).length}`);
  });

  test("an engine made as a class instance passes its prototype's methods through too", async () => {
    class Wrapped {
      constructor(readonly inner: Engine) {
        Object.assign(this, inner);
      }
      async shout(word: string) {
        return `${word}！${this.inner.title}`;
      }
    }
    const engine = await excelLike(reporting(fixtureBook()), [], (e) => new Wrapped(e) as unknown as Engine);
    expect(await (engine as Engine & { shout(w: string): Promise<string> }).shout("抽")).toBe("抽！新华区-2026.xlsx");
    expect(typeof engine.runDraw).toBe("function");
  });

  test("the workbook changing under a draw is seen by the use-case in the worker as it is on one thread", async () => {
    // another draw lands between the read and the write: the adapter refuses with WorkbookChangedError
    const changing = (): WorkbookPort => {
      const p = reporting(fixtureBook());
      return {
        ...p,
        write: async (batch) => {
          const x = batch.expect?.[0];
          throw new WorkbookChangedError(x?.sheet ?? "抽取记录", x?.lastRow ?? 0, (x?.lastRow ?? 0) + 3);
        },
      };
    };
    const expected = await createEngine(changing(), useCases, hooks([])).runDraw(request);
    const engine = await excelLike(changing());
    const out = await engine.runDraw(request);
    expect(out.ok).toBe(false);
    expect(out).toEqual(expected);
  });

  test("an adapter's error reaches the pane with its name, fields and plain Chinese text", async () => {
    // the adapter's own error for a file that is no workbook (code, params, texts)
    const original = (await XlsxWorkbook.fromBuffer(junk()).then(
      () => null,
      (x: unknown) => x,
    )) as NotAWorkbookError;
    expect(original).toBeInstanceOf(NotAWorkbookError);
    const broken: WorkbookPort = {
      sheetNames: async () => ["对象"],
      readSheet: async () => {
        throw original;
      },
      write: async () => undefined,
    };
    const engine = await excelLike(broken);
    const e = await engine.check(options).then(
      () => null,
      (x: unknown) => x as NotAWorkbookError,
    );
    expect(e).toBeInstanceOf(Error);
    expect(e!.name).toBe("NotAWorkbookError");
    expect(e!.code).toBe(original.code);
    expect(e!.texts).toEqual(original.texts);
    expect(failureText("zh", e)).toBe(failureText("zh", original));
    expect(failureText("zh", e)).not.toMatch(/[A-Za-z]{6,}/);
  });

  test("Date cells and error cells cross as they are, both ways", async () => {
    const when = new Date("2026-03-31T16:00:00Z");
    const engine = await excelLike(
      {
        sheetNames: async () => ["日期"],
        readSheet: async (name) => ({
          name,
          rows: [
            ["日期", "值"],
            [when, { error: "#N/A" }],
          ],
        }),
        write: async () => undefined,
      },
      [],
      (e, port) => ({
        ...e,
        // what a use-case in the worker sees of the main thread's cells
        secondRow: async () => {
          const row = (await port.readSheet("日期")).rows[1];
          // (by its tag: Node's clone builds its Date in Node's realm, not in jest's sandbox)
          return { isDate: Object.prototype.toString.call(row[0]) === "[object Date]", row };
        },
      }),
    );
    const seen = await (engine as Engine & { secondRow(): Promise<{ isDate: boolean; row: unknown[] }> }).secondRow();
    expect(seen.isDate).toBe(true);
    expect(Object.prototype.toString.call(seen.row[0])).toBe("[object Date]");
    expect((seen.row[0] as Date).getTime()).toBe(when.getTime());
    expect(seen.row[1]).toEqual({ error: "#N/A" });
  });

  test("the worker's steps reach the pane's progress line while an action runs", async () => {
    const engine = await excelLike(reporting(fixtureBook()));
    const steps = new Set<string>();
    const off = subscribeActivity(() => {
      const a = activityState().current;
      if (a) steps.add(`${a.step}:${a.method}`);
    });
    const end = beginAction("zh");
    await engine.runDraw(request);
    end();
    off();
    expect(steps).toContain("read:runDraw");
    expect(steps).toContain("compute:runDraw");
    expect(steps).toContain("write:runDraw");
    expect(activityState().running).toBe(0);
  });
});

describe("the engine behind the worker proxy, on a file (browser file mode)", () => {
  const SAMPLE = join(__dirname, "../../../assets/sample-新华区-2026.xlsx");
  const bytes = () => {
    const b = readFileSync(SAMPLE);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  const sample = { lang: "zh" as const, sheetMap: {}, taskId: "XH-2026-03", seed: SEED, date: DATE, now: NOW };
  const draw = { ...sample, operator: "张三", witness: "李四" };

  test("the bytes move to the worker, the draw is made there, the download comes back whole", async () => {
    const direct = await openFileEngine(bytes(), "新华区-2026.xlsx");
    const expected = await direct.runDraw(draw);
    const main = channel(loaders());
    const file = bytes();
    const engine = await connectEngine(main, { kind: "file", bytes: file, fileName: "新华区-2026.xlsx" });
    // transferred, not copied: this thread no longer holds the file
    expect(file.byteLength).toBe(0);
    expect(engine.mode).toBe("file");
    expect(engine.title).toBe("新华区-2026.xlsx");
    const out = await engine.runDraw(draw);
    expect(out).toEqual(expected);
    const copy = await engine.saveCopy!();
    expect(copy.name).toBe("新华区-2026-结果.xlsx");
    expect(copy.bytes).toBeInstanceOf(Uint8Array);
    // the downloaded workbook holds the draw, and it verifies
    const reopened = await XlsxWorkbook.fromBuffer(copy.bytes);
    expect(await reopened.sheetNames()).toContain("抽取结果-XH-2026-03-1");
    const verified = await useCases.verifyDraws(reopened, { lang: "zh", sheetMap: {} });
    expect(verified).toEqual(await direct.verifyDraws({ lang: "zh", sheetMap: {} }));
  });

  test("a file that is no workbook is refused in Chinese, as on one thread", async () => {
    const main = channel(loaders());
    const e = await connectEngine(main, { kind: "file", bytes: junk(), fileName: "名单.xlsx" }).then(
      () => null,
      (x: unknown) => x,
    );
    const direct = await openFileEngine(
      new TextEncoder().encode("这不是工作簿").buffer as ArrayBuffer,
      "名单.xlsx",
    ).then(
      () => null,
      (x: unknown) => x,
    );
    expect(direct).not.toBeNull();
    expect(failureText("zh", e)).toBe(failureText("zh", direct));
    expect(failureText("zh", e)).toMatch(/[\u4e00-\u9fff]/);
  });
});
