// A tiny engine for the pane's tests: fixed answers shaped like the use-cases' own, no workbook.
import type { WorkbookPort, WriteBatch } from "../../src/workbook/port";
import type { UseCases } from "../../src/taskpane/port-engine";
import type { Issue } from "../../src/taskpane/engine";

export function mockIssue(sheet: string, cell: string, message: string): Issue {
  return {
    severity: "error",
    sheet,
    row: Number(cell.slice(1)) || null,
    column: "",
    cell,
    code: "uscc_checksum",
    message,
    params: {},
  };
}

/** A port that records writes and reports progress in three steps, as a real adapter would. */
export function mockPort(): WorkbookPort & { written: WriteBatch[] } {
  const written: WriteBatch[] = [];
  return {
    written,
    sheetNames: async () => ["检查对象名录库", "抽查任务"],
    readSheet: async (name) => ({ name, rows: [] }),
    async write(batch, progress) {
      written.push(batch);
      for (let k = 1; k <= 3; k++) progress?.(k, 3, "写入");
    },
  };
}

const excluded = { out_of_scope: 0, inactive: 0, upper_sampled: 0, cooldown: 0, drawn_this_year: 0 };

export function mockUseCases(): UseCases {
  const unused = () => Promise.reject(new Error("not used by this test"));
  return {
    checkBook: async (_port, options = {}) => ({
      ok: false,
      errors: [mockIssue("检查对象名录库", "A7", options.lang === "en" ? "bad check character" : "校验码错误")],
      warnings: [],
      sheets: { targets: options.sheetMap?.targets ?? "检查对象名录库" },
      counts: { items: 3, targets: 120, inspectors: 12, tasks: 1, holidays: 0, units: 0, plans: 0 },
      tasks: [{ id: "T1", name: "2026 年医疗机构抽查" }],
    }),
    previewDraw: async () => ({
      ok: true,
      warnings: [],
      report: {
        frozen: false,
        digest: "0".repeat(64),
        date: "2026-04-01",
        strata: [{ stratum: "A", eligible: 120, planned: 4 }],
        excluded,
        existing: null,
        seedRule: "",
        frozenAt: "",
        frozenSheet: "",
        chain: "0".repeat(64),
        year: [],
      },
    }),
    async runDraw(port, request) {
      await port.write({ create: [], replace: [], append: [] });
      return {
        ok: true,
        warnings: [],
        report: {
          protocol: "DRP-1",
          task: request.taskId,
          seed: request.seed ?? "12345",
          seedHex: "",
          chain: "1".repeat(64),
          substitutions: [],
          seedSource: request.seed ? "entered" : "generated",
          frozen: false,
          date: "2026-04-01",
          timestamp: "2026-04-01T09:30:00+08:00",
          digest: "0".repeat(64),
          sheet: "抽取结果-T1-1",
          snapshotSheet: "抽取快照-T1-1",
          strata: [{ stratum: "A", eligible: 120, selected: 4 }],
          excluded,
          selected: [],
          reserves: [],
          warnings: [],
        },
      };
    },
    verifyDraws: async () => ({
      ok: true,
      chain: "0".repeat(64),
      legacy: false,
      log: [],
      results: [],
      warnings: [],
      draws: [],
    }),
    runFreeze: unused,
    describeDraw: unused,
    runVoid: unused,
    runSubstitute: unused,
    listDraws: async () => [],
    runChecklists: unused,
    runPublicity: unused,
    async runPapers(port, options) {
      await port.write({ create: [], replace: [], append: [] });
      const kinds = options.kinds ?? ["record"];
      return {
        ok: true,
        warnings: [],
        report: {
          draw: options.draw,
          task: "T1",
          status: "有效",
          sheets: Object.fromEntries(kinds.map((k) => [k, `${k}-T1-1`])),
          chain: "1".repeat(64),
        },
      };
    },
    runYear: unused,
    runImport: unused,
    runNationalExport: async () => ({
      ok: true,
      warnings: [],
      report: { rows: [], csv: "\uFEFF检查实施机关\r\n", sheet: "公示系统导出" },
    }),
    // the task's own errors are those of 抽查任务 (enough for the pane's layout)
    splitTaskErrors: async (_port, options) => ({
      general: [],
      task: options.errors.filter((e) => e.sheet === "抽查任务"),
      other: options.errors.filter((e) => e.sheet !== "抽查任务"),
    }),
  };
}
