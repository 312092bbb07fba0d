// Taking the clerk to a cell, e.g. when an issue in the pane is clicked.
import { flush, type ExcelRun } from "./run";

export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await flush(context);
  });
}

export async function activateSheet(run: ExcelRun, name: string): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await flush(context);
  });
}
