// The self-test's checks of the draw's own moves on a real host, each on a scratch sheet: replace a
// protected sheet, append to one, edit and delete rows, a tab colour, a 409 pt row, one sync of
// Chinese text near the budget. Some also settle what the audit could not read in the docs (what
// Excel does above 409 pt, past 1,026 page breaks or 8,192 address characters, the code of a
// wrong password, unprotect on an unprotected sheet), reported in the check's detail.
import { jsonBytes } from "./a1";
import { capabilities, REQUIRED_SET, type OfficeHost } from "./capabilities";
import { hostErrorCode } from "./errors";
import { readSheet } from "./read";
import { SYNC_BYTE_BUDGET, type ExcelRun } from "./run";
import { writeBatch } from "./write";

const PROTECTED = "自检临时表3";
const LIMITS = "自检临时表4";
const TINTED = "自检临时表5";
export const MOVES_SCRATCH = [PROTECTED, LIMITS, TINTED];

export interface Move {
  name: string;
  /** the ExcelApi minor version the move needs */
  minor: number;
  run: () => Promise<string>;
}

/** What a refused call says: its code, or that Excel took it. */
async function outcome(f: () => Promise<void>): Promise<string> {
  try {
    await f();
    return "Excel 接受";
  } catch (e) {
    return `Excel 拒绝（${hostErrorCode(e) ?? (e instanceof Error ? e.message : String(e))}）`;
  }
}

export function drawMoves(run: ExcelRun, office: OfficeHost | null): Move[] {
  const caps = capabilities(office);
  const lists = caps.supports(REQUIRED_SET.validation);
  const write = (b: Partial<Parameters<typeof writeBatch>[1]>, notes: string[] = []) =>
    writeBatch(run, { create: [], replace: [], append: [], ...b }, { office, notes });
  const protectedSpec = (text: string) => ({
    name: PROTECTED,
    rows: [
      ["编号", "结果"],
      ["T1", text],
      ["T2", text],
      ["T3", text],
    ],
    protect: true,
  });
  return [
    {
      name: "替换受保护的工作表（删除旧表、改名、保持位置）",
      minor: REQUIRED_SET.base,
      run: async () => {
        await write({ create: [protectedSpec("旧")] });
        const before = await positionOf(run, PROTECTED);
        await write({ replace: [protectedSpec("新")] });
        const sheet = await readSheet(run, PROTECTED);
        if (sheet.rows[1]?.[1] !== "新") throw new Error("替换后的内容不对");
        if (!sheet.protected) throw new Error("替换后的工作表未受保护");
        const after = await positionOf(run, PROTECTED);
        if (after !== before) throw new Error(`工作表位置从 ${before} 变成了 ${after}`);
        return "已替换，仍受保护，位置不变";
      },
    },
    {
      name: "向受保护的工作表追加行（撤销保护、写入、下拉列表、重新保护）",
      minor: REQUIRED_SET.base,
      run: async () => {
        const notes: string[] = [];
        await write(
          {
            append: [
              {
                sheet: PROTECTED,
                rows: [
                  ["T4", null],
                  ["T5", null],
                ],
                whenAbsent: protectedSpec("新"),
                validations: [{ column: 2, list: ["是", "否"] }],
              },
            ],
          },
          notes,
        );
        const sheet = await readSheet(run, PROTECTED);
        if (sheet.rows.length !== 6 || sheet.rows[5]?.[0] !== "T5")
          throw new Error(`追加后有 ${sheet.rows.length} 行，应为 6 行`);
        if (!sheet.protected) throw new Error("追加后工作表未恢复保护");
        return `已追加 2 行，仍受保护${lists ? "，并加了下拉列表" : "；此 Excel 不支持下拉列表，已记下待补"}`;
      },
    },
    {
      name: "修改和删除行（文字保持为文本，自下而上删除）",
      minor: REQUIRED_SET.base,
      run: async () => {
        await write({
          edit: [{ sheet: PROTECTED, cells: [{ row: 3, column: 2, value: "=已作废" }], deleteRows: [2, 4] }],
        });
        const rows = (await readSheet(run, PROTECTED)).rows.map((r) => r.slice(0, 2));
        const expected = [["编号", "结果"], ["T2", "=已作废"], ["T4"], ["T5"]];
        if (JSON.stringify(rows) !== JSON.stringify(expected)) throw new Error(`结果为 ${JSON.stringify(rows)}`);
        return "已修改 1 个单元格、删除 2 行，结果正确";
      },
    },
    {
      name: "标签颜色",
      minor: REQUIRED_SET.base,
      run: async () => {
        await write({ create: [{ name: TINTED, rows: [["已作废"]], tabColor: "C00000" }] });
        const color = await run(async (context) => {
          const ws = context.workbook.worksheets.getItem(TINTED);
          ws.load("tabColor");
          await context.sync();
          return ws.tabColor;
        });
        if (color.toUpperCase() !== "#C00000") throw new Error(`标签颜色为“${color}”，应为 #C00000`);
        return "已设为红色";
      },
    },
    {
      name: "409 磅行高（及超过时 Excel 的做法）",
      minor: REQUIRED_SET.base,
      run: async () => {
        const height = async (points: number): Promise<number> =>
          run(async (context) => {
            const ws = context.workbook.worksheets.getItemOrNullObject(LIMITS);
            ws.load("name");
            await context.sync();
            const sheet = ws.isNullObject ? context.workbook.worksheets.add(LIMITS) : ws;
            const row = sheet.getRange("1:1");
            row.format.rowHeight = points;
            row.load("format/rowHeight");
            await context.sync();
            return row.format.rowHeight;
          });
        const at409 = await height(409);
        if (Math.abs(at409 - 409) > 0.5) throw new Error(`设为 409 磅，读回 ${at409} 磅`);
        let above = "";
        try {
          above = `设为 420 磅时读回 ${await height(420)} 磅`;
        } catch (e) {
          above = `设为 420 磅时 Excel 拒绝（${hostErrorCode(e) ?? "未知"}）`;
        }
        return `409 磅可用；${above}`;
      },
    },
    {
      name: "接近上限的一次同步（中文文本）",
      minor: REQUIRED_SET.base,
      run: async () => {
        // one request of Chinese text just under the adapter's budget, as the biggest write sync
        const cell = "双随机抽查助手自检文字".repeat(30);
        const rowBytes = jsonBytes([cell, cell]) + 12;
        const n = Math.floor((SYNC_BYTE_BUDGET * 0.95) / rowBytes);
        const values = Array.from({ length: n }, () => [cell, cell]);
        const t0 = Date.now();
        await run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(LIMITS);
          ws.load("name");
          await context.sync();
          const sheet = ws.isNullObject ? context.workbook.worksheets.add(LIMITS) : ws;
          const range = sheet.getRangeByIndexes(10, 0, n, 2);
          range.values = values;
          await context.sync();
        });
        return `一次写入 ${n} 行、约 ${Math.round(jsonBytes(values) / 1000).toLocaleString("en")} KB，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`;
      },
    },
    {
      name: "Excel 的边界（分页符、长地址、密码、未保护时撤销保护）",
      minor: REQUIRED_SET.page,
      run: async () => {
        const onLimits = (f: (ws: Excel.Worksheet) => void) =>
          outcome(() =>
            run(async (context) => {
              f(context.workbook.worksheets.getItem(LIMITS));
              await context.sync();
            }),
          );
        const breaks = await onLimits((ws) => {
          for (let r = 2; r <= 1028; r++) ws.horizontalPageBreaks.add(`A${r}`);
        });
        const areas = Array.from({ length: 2000 }, (_, i) => `D${i + 1}`).join(",");
        const longList = await onLimits((ws) => (ws.getRanges(areas).format.font.bold = true));
        const lastBold = await run(async (context) => {
          const f = context.workbook.worksheets.getItem(LIMITS).getRange("D2000").format.font;
          f.load("bold");
          await context.sync();
          return f.bold;
        }).catch(() => null);
        const unprotected = await onLimits((ws) => ws.protection.unprotect());
        await onLimits((ws) => ws.protection.protect({}, "自检"));
        const wrong = await onLimits((ws) => ws.protection.unprotect("错"));
        await onLimits((ws) => ws.protection.unprotect("自检"));
        return [
          `1,027 个分页符：${breaks}`,
          `${areas.length.toLocaleString("en")} 字符的地址：${longList}${lastBold === false ? "，末尾的区域被静默丢弃" : lastBold ? "，全部生效" : ""}`,
          `未受保护时撤销保护：${unprotected}`,
          `密码错误：${wrong}`,
        ].join("；");
      },
    },
  ];
}

async function positionOf(run: ExcelRun, name: string): Promise<number> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.load("position");
    await context.sync();
    return ws.position;
  });
}
