// A self-test for the pane's diagnostics: exercises on a scratch sheet every Office.js call the
// adapter relies on, so a clerk (or support) can see at once what this host can and cannot do.
import { capabilities, REQUIRED_SET, type OfficeHost } from "./capabilities";
import { asHostError } from "./errors";
import { drawMoves, MOVES_SCRATCH } from "./self-test-moves";
import { readSheet } from "./read";
import { flush, type ExcelRun } from "./run";
import { loadSheetChoices, saveSheetChoices } from "./sheet-choices";
import { writeBatch } from "./write";

export interface SelfTestCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SelfTestReport {
  checks: SelfTestCheck[];
  host?: string;
  platform?: string;
  version?: string;
  excelApi: string[];
}

const SCRATCH = "自检临时表";
const SCRATCH_AREAS = "自检临时表2";
const CHART_TITLE = "自检图表";

export async function selfTest(run: ExcelRun, office: OfficeHost | null): Promise<SelfTestReport> {
  const caps = capabilities(office);
  const checks: SelfTestCheck[] = [];
  const check = async (name: string, minor: number, f: () => Promise<string>): Promise<void> => {
    if (!caps.supports(minor)) {
      checks.push({ name, ok: false, detail: `需要 ExcelApi 1.${minor}，此 Excel 不支持` });
      return;
    }
    try {
      checks.push({ name, ok: true, detail: await f() });
    } catch (e) {
      const plain = asHostError(e);
      checks.push({ name, ok: false, detail: plain instanceof Error ? plain.message : String(plain) });
    }
  };
  const notes: string[] = [];
  const rows: (string | number | null)[][] = [["编号", "名称"]];
  // rows 2–4 hold text Excel would take as formulas without the text format: "=", "+", "-"
  const FORMULA_LIKE = ['=HYPERLINK("http://example.com")', "+86 571", "-1+1"];
  for (let i = 1; i <= 3000; i++) rows.push([`T${i}`, FORMULA_LIKE[i - 1] ?? `对象${i}`]);
  // a small block beside the table for the chart: categories down, one series
  rows[0].push(null, "类别", "数量");
  rows[1].push(null, "甲", 3);
  rows[2].push(null, "乙", 5);
  try {
    await removeScratch(run);
    await check("写入（文本格式先于值）", REQUIRED_SET.base, async () => {
      await writeBatch(
        run,
        {
          create: [
            {
              name: SCRATCH,
              rows,
              columnWidths: [12, 20],
              styles: [{ range: "A1:B1", style: { bold: true, fill: "DDEBF7", border: true } }],
              merges: [],
              frozenRows: caps.supports(REQUIRED_SET.freeze) ? 1 : undefined,
              protect: caps.supports(REQUIRED_SET.protection),
              unlocked: caps.supports(REQUIRED_SET.protection) ? ["B2:B3"] : undefined,
              validations: caps.supports(REQUIRED_SET.validation)
                ? [{ range: "C2:C3", list: ["是", "否"] }]
                : undefined,
              table: { name: "自检表格", range: "A1:B3001" },
              page: caps.supports(REQUIRED_SET.page)
                ? { orientation: "landscape", fitToWidth: true, printTitleRows: "1:1", rowBreaks: [1000] }
                : undefined,
              charts: [{ type: "column", title: CHART_TITLE, range: "D1:E3", anchor: "G2:L12" }],
            },
          ],
          replace: [],
          append: [],
        },
        { office, notes },
      );
      return notes.join(" ") || "已写入 3001 行";
    });
    await check("分块读取", REQUIRED_SET.base, async () => {
      const sheet = await readSheet(run, SCRATCH);
      if (sheet.rows.length !== rows.length) throw new Error(`读到 ${sheet.rows.length} 行，应为 ${rows.length} 行`);
      for (let r = 1; r <= FORMULA_LIKE.length; r++)
        if (sheet.rows[r][1] !== rows[r][1])
          throw new Error(`以“${String(rows[r][1]).charAt(0)}”开头的文本被当成了公式`);
      if (!sheet.tables?.length) throw new Error("未读到表格");
      return `读到 ${sheet.rows.length} 行，以“=”“+”“-”开头的文本保持为文本`;
    });
    const written = checks[0]?.ok === true;
    const feature = (name: string, minor: number) =>
      check(name, minor, async () => {
        if (!written) throw new Error("写入未成功，无法检查");
        return "已随写入一并设置";
      });
    await feature("冻结窗格", REQUIRED_SET.freeze);
    await feature("单元格下拉列表（数据验证）", REQUIRED_SET.validation);
    await feature("页面设置（A4、横向、适应页宽、打印标题、分页）", REQUIRED_SET.page);
    await check("图表（插入柱形图、标题、位置）", REQUIRED_SET.chart, async () => {
      if (!written) throw new Error("写入未成功，无法检查");
      const refused = notes.find((n) => n.includes("图表"));
      if (refused) throw new Error(refused);
      return run(async (context) => {
        const charts = context.workbook.worksheets.getItem(SCRATCH).charts;
        charts.load("items/name");
        await context.sync();
        if (charts.items.length !== 1) throw new Error(`表上有 ${charts.items.length} 个图表，应为 1 个`);
        const title = charts.items[0].title;
        title.load("text");
        await context.sync();
        if (title.text !== CHART_TITLE) throw new Error(`图表标题为“${title.text}”，应为“${CHART_TITLE}”`);
        return "已插入图表并设置标题和位置";
      });
    });
    await check("多区域格式（大表的样式、行高、锁定、下拉列表）", REQUIRED_SET.areas, async () => {
      // areasFrom 1: every setting goes through Worksheet.getRanges, as on a large sheet
      await writeBatch(
        run,
        {
          create: [
            {
              name: SCRATCH_AREAS,
              rows: [
                ["甲", "乙", "丙"],
                ["1", "2", "3"],
                ["4", "5", "6"],
                ["7", "8", "9"],
              ],
              rowHeights: [24, 18, 24, 18],
              styles: [
                { range: "A1:C1", style: { bold: true, fill: "DDEBF7", border: true } },
                { range: "A3:C3", style: { bold: true, fill: "DDEBF7", border: true } },
              ],
              protect: caps.supports(REQUIRED_SET.protection),
              unlocked: ["B2", "B4"],
              validations: caps.supports(REQUIRED_SET.validation)
                ? [
                    { range: "C2", list: ["是", "否"] },
                    { range: "C4", list: ["是", "否"] },
                  ]
                : undefined,
            },
          ],
          replace: [],
          append: [],
        },
        { office, notes: [], areasFrom: 1 },
      );
      return "可一次设置多个区域";
    });
    await check("工作表保护", REQUIRED_SET.protection, async () => {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SCRATCH);
        ws.load("protection/protected");
        await context.sync();
        if (!ws.protection.protected) throw new Error("工作表未受保护");
        return "已保护";
      });
    });
    for (const move of drawMoves(run, office)) await check(move.name, move.minor, move.run);
    await check("设置（工作表选择）", 1, async () => {
      if (!office?.settings) throw new Error("无法访问文档设置");
      const before = loadSheetChoices(office);
      await saveSheetChoices(office, { ...before });
      return "可读写";
    });
    await check("定位单元格", 1, async () =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SCRATCH);
        ws.activate();
        ws.getRange("A2").select();
        await flush(context);
        return "可激活并选中";
      }),
    );
  } finally {
    await removeScratch(run).catch((e) =>
      checks.push({ name: "删除临时表", ok: false, detail: e instanceof Error ? e.message : String(e) }),
    );
  }
  return {
    checks,
    host: caps.host,
    platform: caps.platform,
    version: caps.version,
    excelApi: caps.excelApi.map((v) => `1.${v}`),
  };
}

async function removeScratch(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const sheets = [SCRATCH, SCRATCH_AREAS, ...MOVES_SCRATCH].map((n) =>
      context.workbook.worksheets.getItemOrNullObject(n),
    );
    for (const ws of sheets) ws.load("name");
    await context.sync();
    for (const ws of sheets) if (!ws.isNullObject) ws.delete();
    await context.sync();
  });
}
