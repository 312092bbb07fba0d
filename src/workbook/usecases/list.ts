// The draws of the workbook as the draw register states them, newest last, for the pane's pickers.
import { resultSheetOf, statusOf } from "../../core/draw/register";
import type { DrawRecord } from "../../core/model";
import type { ParseOptions } from "../../core/schema";
import type { WorkbookPort } from "../port";
import { LOG_SHEET } from "../names";
import { readLog } from "../log-sheet";
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
  /** substitutions made so far */
  substitutions: number;
  /** the log's chain head (the same on every entry of one listing) */
  chain: string;
  /** frozen before its seed (冻结公告 is among its papers) */
  frozen: boolean;
}

/** Reads the log only (not the registries): the pickers need no more. */
export async function listDraws(port: WorkbookPort, options: ParseOptions = {}): Promise<DrawListEntry[]> {
  const names = await port.sheetNames();
  const { register } = readLog(await readIfPresent(port, names, LOG_SHEET), options.lang ?? "zh");
  return register.draws.map((d) => {
    const e = (d.draw ?? d.freeze)!.entry;
    return {
      sheet: resultSheetOf(d),
      snapshotSheet: d.key,
      task: d.taskId,
      taskName: d.taskName,
      status: statusOf(d) ?? "待抽取",
      date: e.date,
      timestamp: e.time,
      seed: e.seed === "" ? null : e.seed,
      digest: e.digest,
      reason: d.voided?.entry.reason ?? "",
      substitutions: d.substitutions.length,
      chain: register.head,
      frozen: d.freeze !== null,
    };
  });
}
