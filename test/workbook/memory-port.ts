// A workbook in memory behind the port, for use-case tests that need no file format.
import type { CellValue, SheetData, SheetSpec, WorkbookPort, WriteBatch } from "../../src/workbook/port";

export class MemoryWorkbook implements WorkbookPort {
  sheets = new Map<string, CellValue[][]>();
  specs = new Map<string, SheetSpec>();
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
    return { name, rows: rows.map((r) => [...r]) };
  }

  async write(batch: WriteBatch): Promise<void> {
    for (const s of batch.create) if (this.sheets.has(s.name)) throw new Error(`sheet exists: ${s.name}`);
    this.writes++;
    for (const s of [...batch.create, ...batch.replace]) {
      this.sheets.set(
        s.name,
        s.rows.map((r) => [...r]),
      );
      this.specs.set(s.name, s);
    }
    for (const a of batch.append) {
      if (!this.sheets.has(a.sheet)) {
        this.sheets.set(
          a.sheet,
          a.whenAbsent.rows.map((r) => [...r]),
        );
        this.specs.set(a.sheet, a.whenAbsent);
      }
      this.sheets.get(a.sheet)!.push(...a.rows.map((r) => [...r]));
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
    return c;
  }
}
