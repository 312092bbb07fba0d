// The tamper corpus, 抽取记录: every cell of the chained log, the header row included, edited one at a time: verify must catch every edit.
import { verifyDraws } from "../../../src/workbook/usecases";
import type { MemoryWorkbook } from "../memory-port";
import { editEveryCell, everyEventBook, record, type CellCorpus } from "./book";

let book: MemoryWorkbook;
beforeAll(async () => {
  book = await everyEventBook();
  expect((await verifyDraws(book)).ok).toBe(true);
});

test("every edit of a cell of the log is caught", async () => {
  const corpus = await editEveryCell(book, "抽取记录", async (copy) => !(await verifyDraws(copy)).ok);
  record("log", [corpus]);
  expect(corpus.missed).toEqual([]);
  expect(corpus.caught).toBe(corpus.total);
  expect(corpus.total).toBeGreaterThan(200);
});
