// ExcelJS tests each new merge against every merge already on the sheet, so a sheet of N merges
// costs N² (minutes to load a workbook with the 40,000 merges of 2,000 printed forms, hours at
// 100,000). This replaces that test with one on the cells of the new merge: a cell already
// belongs to a merge when it is a master (it has merge references) or a slave bound to a master.
// Same outcome, same error, linear time. Applied once to ExcelJS's worksheet class, reached
// through an instance because the browser bundle exports no class to patch.
import ExcelJS from "exceljs";

const MERGE = 1; // ExcelJS.ValueType.Merge

interface InternalCell {
  type: number;
  master?: unknown;
  _mergeCount: number;
  merge(master: InternalCell, ignoreStyle?: boolean): void;
}
interface InternalRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface InternalWorksheet {
  _merges: Record<string, InternalRange>;
  findCell(r: number, c: number): InternalCell | undefined;
  getCell(r: number, c: number): InternalCell & { address: string };
  _mergeCellsInternal(dimensions: InternalRange, ignoreStyle?: boolean): void;
  __linearMerges?: boolean;
}

let applied = false;

export function useLinearMerges(): void {
  if (applied) return;
  applied = true;
  const probe = new ExcelJS.Workbook().addWorksheet("probe");
  const proto = Object.getPrototypeOf(probe) as InternalWorksheet;
  // leave ExcelJS alone if its internals are not what this was written against
  if (typeof proto._mergeCellsInternal !== "function" || proto.__linearMerges) return;
  proto.__linearMerges = true;
  proto._mergeCellsInternal = function (this: InternalWorksheet, d: InternalRange, ignoreStyle?: boolean) {
    for (let r = d.top; r <= d.bottom; r++)
      for (let c = d.left; c <= d.right; c++) {
        const cell = this.findCell(r, c);
        if (cell && (cell._mergeCount > 0 || (cell.type === MERGE && cell.master)))
          throw new Error("Cannot merge already merged cells");
      }
    const master = this.getCell(d.top, d.left);
    for (let r = d.top; r <= d.bottom; r++)
      for (let c = d.left; c <= d.right; c++)
        if (r > d.top || c > d.left) this.getCell(r, c).merge(master, ignoreStyle);
    this._merges[master.address] = d;
  };
}
