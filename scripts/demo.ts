// npm run demo: the main job on the bundled sample workbook, from a clean checkout:
// check, a draw of the sample task with a generated seed, verify, the 一企一表 of the draw and
// the publicity tables; the result goes to out/ (the sample itself is never modified).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/cli/main";

const SAMPLE = join(__dirname, "..", "assets", "sample-新华区-2026.xlsx");
const TASK = "XH-2026-03";

async function run(): Promise<number> {
  mkdirSync(join(__dirname, "..", "out"), { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15);
  const out = join("out", `抽取结果-${TASK}-${stamp}.xlsx`);
  const io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) };
  console.log(`== 1. 检查工作簿 ${SAMPLE}`);
  let code = await main(["check", SAMPLE], io);
  if (code !== 0) return code;
  console.log(`\n== 2. 抽取任务 ${TASK}（系统生成种子），写入 ${out}`);
  code = await main(
    ["draw", SAMPLE, "--task", TASK, "--operator", "演示操作员", "--witness", "演示见证人", "--out", out],
    io,
  );
  if (code !== 0) return code;
  console.log(`\n== 3. 核验 ${out}`);
  code = await main(["verify", out], io);
  if (code !== 0) return code;
  console.log(`\n== 4. 一企一表`);
  code = await main(["checklists", out, "--draw", `抽取结果-${TASK}-1`], io);
  if (code !== 0) return code;
  console.log(`\n== 5. 公示与统计`);
  code = await main(["publicity", out, "--task", TASK], io);
  if (code === 0)
    console.log(`\n完成。用 Excel 打开 ${out} 查看抽取结果、快照、抽取记录、检查结果、一企一表、公示表和抽查统计。`);
  return code;
}

run().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(3);
  },
);
