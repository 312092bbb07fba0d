// A synthetic target registry (检查对象名录库) of realistic cell sizes, for the large-read tests and measure.
import type { CellValue, SheetData } from "../../src/workbook/port";

export const REGISTRY_HEADER = [
  "统一社会信用代码",
  "名称",
  "对象类别",
  "行业标签",
  "所属区域",
  "地址",
  "负责人",
  "联系电话",
  "信用风险等级",
  "投诉举报次数",
  "严重违法记录",
  "本年度上级已抽检",
  "最近检查日期",
  "最近检查人员",
  "经营状态",
];

export function registrySheet(rows: number, name = "检查对象名录库"): SheetData {
  const out: CellValue[][] = [REGISTRY_HEADER];
  for (let i = 0; i < rows; i++) {
    out.push([
      `91330100MA${String(i).padStart(7, "0")}X`,
      `杭州市某某医疗美容诊所有限公司第${i}分店`,
      i % 3 === 0 ? "诊所" : "医疗机构",
      "医疗美容、口腔",
      "西湖区",
      `浙江省杭州市西湖区文三路${i % 900}号${i % 20}楼`,
      `张${i % 100}`,
      `0571-8${String(i).padStart(7, "0")}`,
      "ABCD"[i % 4],
      i % 7,
      i % 50 === 0 ? "是" : "否",
      "否",
      46000 + (i % 300),
      `ZJ${i % 400}`,
      "在营",
    ]);
  }
  return { name, rows: out };
}
