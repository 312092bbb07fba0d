// The draws of the workbook as the draw log records them, newest last, for the pane's pickers.
import type { DrawRecord } from "../../core/model";
import type { ParseOptions } from "../../core/schema";
import type { WorkbookPort } from "../port";
import { LOG_SHEET } from "../names";
import { parseLogSheet } from "../log-sheet";
import { readIfPresent } from "./load";

export interface DrawListEntry {
  sheet: string;
  snapshotSheet: string;
  task: string;
  taskName: string;
  status: DrawRecord["status"];
  /** the draw date (China time) */
  date: string;
  /** when the draw (or freeze) was made, with +08:00 */
  timestamp: string;
  seed: string | null;
  digest: string;
  reason: string;
}

export async function listDraws(port: WorkbookPort, _options: ParseOptions = {}): Promise<DrawListEntry[]> {
  void _options;
  const names = await port.sheetNames();
  const { records } = parseLogSheet(await readIfPresent(port, names, LOG_SHEET));
  return records.map((r) => ({
    sheet: r.sheet,
    snapshotSheet: r.snapshotSheet,
    task: r.taskId,
    taskName: r.taskName,
    status: r.status,
    date: r.date,
    timestamp: r.timestamp,
    seed: r.seed,
    digest: r.digest,
    reason: r.reason,
  }));
}
