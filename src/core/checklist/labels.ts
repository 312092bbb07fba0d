// Fixed texts printed on the 一企一表. They are form wording, not messages about a problem,
// so they live here beside the layout rather than in the issue catalogue.

/** 全角空格 (U+3000), the gap between fields in a Chinese line; escaped for the linter. */
export const GAP = "\u3000";

export const FORM_TITLE = "随机抽查联合检查记录表";
export const SHEET_TITLE = "一企一表";
export const LABELS = {
  task: "抽查任务",
  window: "检查期间",
  targetName: "被检查对象",
  uscc: "统一社会信用代码",
  category: "对象类别",
  grade: "信用风险等级",
  address: "地址",
  legalRep: "负责人",
  phone: "联系电话",
  leader: "检查组组长",
  inspectors: "检查人员",
  seq: "序号",
  checkpoint: "检查要点",
  basis: "抽查依据",
  method: "检查方式",
  result: "检查结果",
  remark: "备注",
  conclusion: "检查\n结论",
  inspectorSignature: "检查人员签字",
  targetSignature: "被检查对象负责人签字（盖章）：",
  date: `日期：${GAP.repeat(4)}年${GAP.repeat(2)}月${GAP.repeat(2)}日`,
  refusalNote: "注：被检查对象拒绝签字的，由执法检查人员在本表如实记录。",
  noCheckpoint: "本部门抽查事项中无适用于该类别对象的检查要点，本次不涉及。",
  idPrefix: "执法证号",
} as const;

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (up to 99; larger numbers stay in digits). */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}
