// Issue texts of this capability; part of the one catalogue (catalogue.ts).
import type { CatalogueEntry } from "./catalogue";

export const drawMessages = {
  team_short: {
    severity: "error",
    zh: "对象「{target}」（{uscc}）的{department}检查人员不足：每组需要 {needed} 人，该部门 {total} 人中可选 {available} 人（不在岗 {off_duty}、专家 {expert}、已在本组 {in_team}、回避 {recusal}、上次检查人员轮换 {rotation}、专业类别不符 {specialty}、同一区域 {same_area}）。抽取未完成，未写入任何内容；请增加该部门在岗执法人员或调整任务设置。",
    en: 'Not enough inspectors of {department} for target "{target}" ({uscc}): {needed} needed per team, {available} of {total} available (off duty {off_duty}, experts {expert}, already on this team {in_team}, recusal {recusal}, rotation {rotation}, wrong specialty {specialty}, same area {same_area}). Nothing was written; add inspectors or change the task settings.',
  },
  seed_invalid: {
    severity: "error",
    zh: "随机种子无效（{length} 个字符）：种子须为 1 至 200 个可打印字符。",
    en: "Invalid seed ({length} characters): a seed is 1 to 200 printable characters.",
  },
  below_min_ratio: {
    severity: "warning",
    zh: "任务 {task} 抽中 {selected} 户，占范围内对象 {inScope} 户的 {ratio}，低于最低抽查比例 {min}。",
    en: "Task {task} selects {selected} of {inScope} targets in scope ({ratio}), below the minimum ratio {min}.",
  },
  digest_mismatch: {
    severity: "error",
    zh: "快照摘要不符：记录为 {expected}，按快照重新计算为 {actual}。快照在抽取后被修改过。",
    en: "Snapshot digest mismatch: recorded {expected}, recomputed {actual}. The snapshot was changed after the draw.",
  },
} satisfies Record<string, CatalogueEntry>;
