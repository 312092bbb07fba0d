// What the papers of a draw print beyond the draw itself: the facts of the draw register
// (抽取记录) about that draw — its events and the chain head — given as plain values, so that a
// paper is a pure function of them. The use-case reads them from the register; nothing here
// reads a workbook.
import type { DrawOutcome, DrawRecord, IsoDate, Snapshot, Stratum } from "../model";

/** 冻结: the freeze event (DRP-1 §6), made before the seed exists. */
export interface FreezeFact {
  /** ISO 8601 with +08:00 */
  time: string;
  operator: string;
  /** 取种规则: how the seed will be obtained, as stated at the freeze */
  seedRule: string;
  /** when the seed will be known (e.g. '2026-04-02 21:30'), as the clerk stated it; '' when not stated */
  seedDue: string;
}

/** 抽取: the draw event. */
export interface DrawFact {
  time: string;
  operator: string;
  witness: string;
}

/** 作废: the void event. */
export interface VoidFact {
  reason: string;
  time: string;
  /** who voided it */
  person: string;
}

/** 替补: one substitution (DRP-1 §9), numbered n = 1, 2, … in the order made. */
export interface SubstitutionFact {
  n: number;
  /** USCC of the replaced target */
  replaced: string;
  /** USCC of the reserve that took its place */
  substitute: string;
  stratum: Stratum;
  /** the substitute's rank among its stratum's reserves */
  rank: number;
  reason: string;
  time: string;
  operator: string;
}

/**
 * 登记事实: the register's facts about one draw when a paper is made. A freeze that was never
 * drawn has `draw: null`; a draw made without a freeze has `freeze: null` (its record says so).
 */
export interface RegisterFacts {
  /**
   * 日志链头: the hash of the register's last event (64 hex digits) at the time the paper is made,
   * printed so that a value posted outside the workbook can be checked against it later; '' when
   * the register has no chain (a workbook from before the chained log).
   */
  chainHead: string;
  freeze: FreezeFact | null;
  draw: DrawFact | null;
  void: VoidFact | null;
  /** in the order made */
  substitutions: SubstitutionFact[];
}

/**
 * A draw as a paper takes it: the record and the snapshot, and the outcome once drawn (null for
 * a freeze still waiting for its seed). A StoredDraw is one.
 */
export interface PaperDraw {
  record: DrawRecord;
  snapshot: Snapshot;
  outcome: DrawOutcome | null;
}

/**
 * The facts a DrawRecord alone gives (the log of one row per draw, before the chained register):
 * its freeze or draw, and its void; no chain head, no substitutions. For workbooks and callers
 * that have no register yet.
 */
export function factsFromRecord(record: DrawRecord, chainHead = ""): RegisterFacts {
  const drawn = record.seed !== null;
  return {
    chainHead,
    freeze: record.frozen
      ? {
          time: drawn ? "" : record.timestamp,
          operator: drawn ? "" : record.operator,
          seedRule: record.seedRule,
          seedDue: "",
        }
      : null,
    draw: drawn ? { time: record.timestamp, operator: record.operator, witness: record.witness } : null,
    void: record.status === "作废" ? { reason: record.reason, time: "", person: "" } : null,
    substitutions: [],
  };
}

/** A date of a timestamp ('2026-04-01T09:30:00+08:00' → '2026-04-01'), '' when there is none. */
export function dateOf(time: string): IsoDate {
  return /^\d{4}-\d{2}-\d{2}/.exec(time)?.[0] ?? "";
}
