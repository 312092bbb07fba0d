// The tamper corpus, the result sheets (a substituted draw, a voided one, a redraw): every cell edited one at a time: verify must catch every edit.
import { verifyDraws } from "../../../src/workbook/usecases";
import type { MemoryWorkbook } from "../memory-port";
import { editEveryCell, everyEventBook, record, type CellCorpus } from "./book";

let book: MemoryWorkbook;
beforeAll(async () => {
  book = await everyEventBook();
  expect((await verifyDraws(book)).ok).toBe(true);
});

test("every edit of a cell of the result sheets is caught by verifying that draw", async () => {
  const sheets = [...book.sheets.keys()].filter((n) => n.startsWith("抽取结果-"));
  expect(sheets).toHaveLength(3);
  const corpora: CellCorpus[] = [];
  for (const sheet of sheets)
    corpora.push(await editEveryCell(book, sheet, async (copy) => !(await verifyDraws(copy, { sheet })).ok));
  record("results", corpora);
  for (const c of corpora) {
    expect([c.sheet, c.missed]).toEqual([c.sheet, []]);
    expect(c.caught).toBe(c.total);
  }
});
