// A workbook in memory behind the port, for use-case tests that need no file format. It keeps the
// port's promises that the use-cases rely on: the batch's precondition, edits before appends,
// appends under the last used row, protection as the spec asked.
import type { CellValue, SheetData, SheetSpec, WorkbookPort, WriteBatch } from "../../src/workbook/port";
import { WorkbookChangedError } from "../../src/workbook/port";

const used = (row: CellValue[] | undefined) => (row ?? []).some((v) => v !== null && v !== undefined && v !== "");

function lastUsedRow(rows: CellValue[][]): number {
  for (let r = rows.length - 1; r >= 0; r--) if (used(rows[r])) return r + 1;
  return 0;
}

export class MemoryWorkbook implements WorkbookPort {
  sheets = new Map<string, CellValue[][]>();
  specs = new Map<string, SheetSpec>();
  protectedSheets = new Set<string>();
  writes = 0;

  constructor(initial: SheetData[] = []) {
    for (const s of initial)
      this.sheets.set(
        s.name,
        s.rows.map((r) => [...r]),
      );
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  async readSheet(name: string): Promise<SheetData> {
    const rows = this.sheets.get(name);
    if (!rows) throw new Error(`no sheet ${name}`);
    return { name, rows: rows.map((r) => [...r]), protected: this.protectedSheets.has(name) };
  }

  async write(batch: WriteBatch): Promise<void> {
    for (const x of batch.expect ?? []) {
      const rows = this.sheets.get(x.sheet);
      const actual = rows ? lastUsedRow(rows) : 0;
      if (actual !== x.lastRow) throw new WorkbookChangedError(x.sheet, x.lastRow, actual);
    }
    for (const s of batch.create) if (this.sheets.has(s.name)) throw new Error(`sheet exists: ${s.name}`);
    for (const e of batch.edit ?? []) if (!this.sheets.has(e.sheet)) throw new Error(`no sheet ${e.sheet}`);
    this.writes++;
    for (const s of [...batch.create, ...batch.replace]) {
      this.sheets.set(
        s.name,
        s.rows.map((r) => [...r]),
      );
      this.specs.set(s.name, s);
      if (s.protect) this.protectedSheets.add(s.name);
      else this.protectedSheets.delete(s.name);
    }
    for (const e of batch.edit ?? []) {
      const rows = this.sheets.get(e.sheet)!;
      for (const c of e.cells ?? []) this.edit(e.sheet, c.row, c.column - 1, c.value);
      for (const r of [...new Set(e.deleteRows ?? [])].sort((a, b) => b - a)) rows.splice(r - 1, 1);
    }
    for (const a of batch.append) {
      if (!this.sheets.has(a.sheet)) {
        this.sheets.set(
          a.sheet,
          a.whenAbsent.rows.map((r) => [...r]),
        );
        this.specs.set(a.sheet, a.whenAbsent);
        if (a.whenAbsent.protect) this.protectedSheets.add(a.sheet);
      }
      const rows = this.sheets.get(a.sheet)!;
      rows.length = lastUsedRow(rows);
      rows.push(...a.rows.map((r) => [...r]));
    }
  }

  /** Sets one cell (1-based row, 0-based column), as a clerk editing the sheet would. */
  edit(sheet: string, row: number, column: number, value: CellValue): void {
    const rows = this.sheets.get(sheet)!;
    while (rows.length < row) rows.push([]);
    rows[row - 1][column] = value;
  }

  clone(): MemoryWorkbook {
    const c = new MemoryWorkbook();
    for (const [k, v] of this.sheets)
      c.sheets.set(
        k,
        v.map((r) => [...r]),
      );
    for (const s of this.protectedSheets) c.protectedSheets.add(s);
    return c;
  }
}
