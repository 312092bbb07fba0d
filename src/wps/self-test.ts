// 自检 in WPS: the draw's own moves on scratch sheets, each check passed or failed, so that a
// clerk (or support) sees what this WPS does with them before a real draw depends on it. It
// settles on the real host what the ET fake can only assume: text kept as text under '@', a
// protected sheet refusing its locked cells, a drop-down, A4 and fit to width, 409 pt rows,
// frozen rows, a chart, an append to and a replace of a protected sheet, error cells read as
// errors, and sheets deleted without WPS's confirmation dialog.
import type { SelfTestReport } from "../taskpane/engine";
import type { WriteBatch } from "../workbook/port";
import type { EtApplication, EtWorkbook } from "./et";
import { messageOf, WpsHostError } from "./errors";
import { findSheet, readSheet } from "./read";
import { writeBatch } from "./write";

const SCRATCH = "自检临时表";
const SCRATCH_PLAIN = "自检临时表2";
/** what a clerk may type that WPS would otherwise take as a formula, a number, a date or a boolean */
const TRICKY = ["=1+1", "+86 571 8888 0000", "-1", "@张三", "00123", "2026-04-01", "TRUE", '=HYPERLINK("x")'];

export async function wpsSelfTest(
  app: EtApplication,
  wb: EtWorkbook,
  pause: () => Promise<void>,
  platform: string,
): Promise<SelfTestReport> {
  const checks: SelfTestReport["checks"] = [];
  const check = async (name: string, f: () => Promise<string> | string): Promise<void> => {
    try {
      checks.push({ name, ok: true, detail: await f() });
    } catch (e) {
      const host = e instanceof WpsHostError ? `（WPS：${e.hostMessage}）` : "";
      checks.push({ name, ok: false, detail: `${messageOf(e)}${host}` });
    }
  };
  const notes: string[] = [];
  const ctx = { app, wb, notes, pause };
  const write = (b: Partial<WriteBatch>) => writeBatch(ctx, { create: [], replace: [], append: [], ...b });
  const sheet = () => {
    const ws = findSheet(wb, SCRATCH);
    if (!ws) throw new Error("自检表不见了");
    return ws;
  };
  const rows: (string | number | null)[][] = [
    ["类别", "数量", "文本"],
    ["甲", 3, TRICKY[0]],
    ["乙", 5, TRICKY[1]],
  ];
  for (let i = 2; i < TRICKY.length; i++) rows.push([null, null, TRICKY[i]]);
  try {
    removeScratch(app, wb);
    await check("写入（文本格式先于值）", async () => {
      await write({
        create: [
          {
            name: SCRATCH,
            rows,
            columnWidths: [12, 10, 30],
            rowHeights: [null, null, 409],
            styles: [{ range: "A1:C1", style: { bold: true, fill: "DDEBF7", border: true } }],
            merges: ["E1:F1", "E3:F4"],
            frozenRows: 1,
            protect: true,
            unlocked: ["B2:B3"],
            validations: [{ range: "D2:D3", list: ["是", "否"] }],
            page: { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1", rowBreaks: [5] },
            charts: [{ type: "column", title: "自检图表", range: "A1:B3", anchor: "H2:M12" }],
            tabColor: "C00000",
          },
        ],
      });
      const back = (await readSheet(app, wb, SCRATCH, pause)).rows.map((r) => r[2] ?? null);
      const changed = TRICKY.filter((t, i) => back[i + 1] !== t);
      if (changed.length) throw new Error(`这些文本被 WPS 改成了别的值：${changed.join("、")}`);
      return notes.length ? notes.join(" ") : `已写入 ${rows.length} 行，文本保持原样`;
    });
    await check("工作表保护（锁定的单元格不可改，填写区可改）", () => {
      const ws = sheet();
      if (ws.ProtectContents !== true) throw new Error("工作表未受保护");
      let refused = false;
      try {
        ws.Range("A2").Value2 = "改";
      } catch {
        refused = true;
      }
      if (!refused) throw new Error("受保护的单元格 A2 仍可写入");
      ws.Range("B2").Value2 = 4;
      return "A2 拒绝写入，B2 可填写";
    });
    await check("合并单元格（一次合并多处）", () => {
      const ws = sheet();
      for (const a of ["E1:F1", "E3:F4"]) if (ws.Range(a).MergeCells !== true) throw new Error(`${a} 未合并`);
      if (ws.Range("E1:F4").MergeCells === true) throw new Error("两处被合并成了一个单元格");
      return "E1:F1 与 E3:F4 各自合并";
    });
    await check("下拉列表", () => {
      const f = sheet().Range("D2").Validation.Formula1;
      if (f !== "是,否") throw new Error(`下拉列表为 ${String(f)}`);
      return "D2:D3：是,否";
    });
    await check("页面设置（A4、横向、缩放到一页宽）", () => {
      const p = sheet().PageSetup;
      if (p.PaperSize !== 9 || p.Orientation !== 2) throw new Error(`纸张 ${p.PaperSize}，方向 ${p.Orientation}`);
      return `分页符 ${sheet().HPageBreaks.Count} 个，一页宽 ${String(p.FitToPagesWide)}`;
    });
    await check("行高 409 磅", () => {
      const h = sheet().Range("3:3").RowHeight;
      if (h !== 409) throw new Error(`第 3 行高 ${String(h)} 磅`);
      return "第 3 行 409 磅";
    });
    await check("冻结首行", () => {
      sheet().Activate();
      const w = app.ActiveWindow;
      if (!w?.FreezePanes || w.SplitRow !== 1) throw new Error("首行未冻结");
      return "已冻结第 1 行";
    });
    await check("追加到受保护的表", async () => {
      await write({ append: [{ sheet: SCRATCH, rows: [["丙", 7]], whenAbsent: { name: SCRATCH, rows: [] } }] });
      if (sheet().ProtectContents !== true) throw new Error("追加后工作表不再受保护");
      return "追加 1 行，保护依旧";
    });
    await check("替换受保护的表（原表删除时不弹确认框）", async () => {
      await write({ replace: [{ name: SCRATCH, rows: [["替换"]], protect: true }] });
      if (findSheet(wb, `${SCRATCH}~旧1`)) throw new Error("原表未能删除");
      return "已替换";
    });
    await check("读取错误值与文本", async () => {
      await write({ create: [{ name: SCRATCH_PLAIN, rows: [[null, "#N/A"]] }] });
      const ws = findSheet(wb, SCRATCH_PLAIN)!;
      ws.Range("A1").Formula = "=1/0";
      const back = (await readSheet(app, wb, SCRATCH_PLAIN, pause)).rows[0];
      const a = back[0];
      if (!(typeof a === "object" && a !== null && "error" in a)) throw new Error(`=1/0 读作 ${JSON.stringify(a)}`);
      if (back[1] !== "#N/A") throw new Error(`文本“#N/A”读作 ${JSON.stringify(back[1])}`);
      return `=1/0 读作 ${a.error}，文本“#N/A”仍是文本`;
    });
  } finally {
    await check("删除自检表", () => {
      removeScratch(app, wb);
      if (findSheet(wb, SCRATCH) || findSheet(wb, SCRATCH_PLAIN)) throw new Error("自检表未能删除，请手工删除");
      return "已删除";
    });
  }
  return {
    checks,
    host: app.Name && !app.Name.includes("WPS 表格") ? `WPS 表格（${app.Name}）` : "WPS 表格",
    platform,
    version: [app.Version, app.Build].filter((x) => x !== undefined && x !== "").join(" build "),
    excelApi: [],
  };
}

function removeScratch(app: EtApplication, wb: EtWorkbook): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (const name of [SCRATCH, SCRATCH_PLAIN]) findSheet(wb, name)?.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}
