// The papers around a draw (抽取过程记录, 冻结公告, 检查通知书, 比对确认单), made from the draw as the
// register states it and written through the same port by every front end.
import { issue, type Issue, type Lang } from "../../core/issues/issue";
import type { ParseOptions } from "../../core/schema";
import type { DrawOutcome, StoredDraw } from "../../core/model";
import { makeCalendar } from "../../core/calendar";
import { findDraw, recordOf, statusOf, type RegisteredDraw, type Register } from "../../core/draw/register";
import {
  CONFIRMATION_PREFIX,
  FREEZE_NOTICE_PREFIX,
  NOTICE_PREFIX,
  RECORD_PREFIX,
  renderConfirmations,
  renderDrawRecord,
  renderFreezeNotice,
  renderNotices,
  type PaperDraw,
  type RegisterFacts,
} from "../../core/papers";
import type { ProgressReporter, SheetSpec, WorkbookPort } from "../port";
import { numberedSheetName } from "../names";
import { chinaToday } from "../cells";
import { loadBook, storedOf, type LoadedBook } from "./load";
import { verifyDraws } from "./verify";
import type { Outcome } from "./draw";

/** The papers a draw can have: its record, the freeze announcement, the notices, the confirmations. */
export const PAPER_KINDS = ["record", "freeze", "notices", "confirmations"] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export interface PapersOptions extends ParseOptions {
  /** the draw: its result sheet, or the snapshot sheet of a freeze awaiting its seed */
  draw: string;
  /** which papers; default every one the draw can have now */
  kinds?: PaperKind[];
  /** the date printed under the signatures (China date); today when absent */
  date?: string;
  progress?: ProgressReporter;
  now?: Date;
}

export interface PapersReport {
  draw: string;
  task: string;
  status: string;
  /** the sheets written, by kind */
  sheets: Partial<Record<PaperKind, string>>;
  chain: string;
}

/** The register's facts about one draw, as the papers print them. */
export function registerFacts(register: Register, d: RegisteredDraw, stored: StoredDraw | null): RegisterFacts {
  const f = d.freeze?.entry;
  const e = d.draw?.entry;
  const v = d.voided?.entry;
  return {
    chainHead: register.legacy ? "" : register.head,
    freeze: f ? { time: f.time, operator: f.operator, seedRule: f.seedRule, seedDue: "" } : null,
    draw: e ? { time: e.time, operator: e.operator, witness: e.witness } : null,
    void: v ? { reason: v.reason, time: v.time, person: v.operator } : null,
    substitutions: (stored?.substitutions ?? []).map((s) => ({
      n: s.n,
      replaced: s.replaced,
      substitute: s.substitute,
      stratum: s.stratum,
      rank: s.rank,
      reason: s.reason,
      time: s.time,
      operator: s.operator,
    })),
  };
}

/** Writes the papers of one draw (each on a sheet of its own, numbered per task). */
export async function runPapers(port: WorkbookPort, options: PapersOptions): Promise<Outcome<PapersReport>> {
  const lang: Lang = options.lang ?? "zh";
  const loaded: LoadedBook = await loadBook(port, options);
  const d = findDraw(loaded.register, options.draw);
  if (!d) {
    const known = loaded.register.draws.map((x) => x.draw?.entry.sheet || x.key);
    return fail([issue("draw_unknown", {}, { sheet: options.draw, known: known.join("、") || "—" }, lang)]);
  }
  const status = statusOf(d) ?? "待抽取";
  // a paper shows a record: one that does not verify is never printed for signing
  const report = await verifyDraws(port, { ...options, sheet: d.draw?.entry.sheet ?? d.key, loaded });
  const mine = report.draws.find((x) => x.snapshotSheet === d.key);
  if (!mine?.ok) {
    const first = mine?.mismatches[0];
    return fail([
      issue(
        "draw_not_verified",
        {},
        {
          sheet: options.draw,
          count: mine?.mismatches.length ?? 1,
          first: first ? `${first.sheet}!${first.cell} ${first.message}` : "—",
        },
        lang,
      ),
    ]);
  }
  const read = await loaded.snapshot(d);
  if (!read.snapshot) return fail([issue("snapshot_unreadable", {}, { sheet: d.key, detail: "—" }, lang)]);
  const replayed = d.draw ? await loaded.replayed(d) : null;
  const stored = replayed?.ok ? storedOf(replayed) : null;
  const draw: PaperDraw = stored ?? { record: recordOf(d), snapshot: read.snapshot, outcome: null };
  const facts = registerFacts(loaded.register, d, stored);
  const { book } = loaded;

  // what a draw in this state can have: the notices and confirmations of a drawn, valid draw only
  const possible: PaperKind[] = ["record"];
  if (d.freeze) possible.push("freeze");
  if (status === "有效") possible.push("notices", "confirmations");
  const asked = options.kinds ?? possible;
  const refused = asked.filter((k) => !possible.includes(k));
  if (refused.length)
    return fail([issue("paper_not_for_draw", {}, { sheet: options.draw, status, papers: refused.join("、") }, lang)]);

  const names = [...loaded.sheetNames];
  const name = (prefix: string) => {
    const n = numberedSheetName(prefix, d.taskId, names);
    names.push(n);
    return n;
  };
  const date = options.date ?? chinaToday(options.now);
  const specs: SheetSpec[] = [];
  const sheets: PapersReport["sheets"] = {};
  const drawn = stored as (PaperDraw & { outcome: DrawOutcome }) | null;
  for (const kind of asked) {
    let spec: SheetSpec;
    if (kind === "record")
      spec = renderDrawRecord({ draw, facts, units: book.units, items: book.items }, name(RECORD_PREFIX));
    else if (kind === "freeze")
      spec = renderFreezeNotice(
        { draw, facts, units: book.units, items: book.items, date },
        name(FREEZE_NOTICE_PREFIX),
      );
    else if (kind === "notices")
      spec = renderNotices({ draw: drawn!, items: book.items, units: book.units, date }, name(NOTICE_PREFIX));
    else
      spec = renderConfirmations(
        { draw: drawn!, units: book.units, calendar: makeCalendar(book.holidays) },
        name(CONFIRMATION_PREFIX),
      );
    specs.push(spec);
    sheets[kind] = spec.name;
  }
  await port.write({ create: specs, replace: [], append: [] }, options.progress);
  return {
    ok: true,
    warnings: [],
    report: { draw: d.draw?.entry.sheet || d.key, task: d.taskId, status, sheets, chain: facts.chainHead },
  };
}

function fail<T>(errors: Issue[]): Outcome<T> {
  return { ok: false, errors, warnings: [] };
}
