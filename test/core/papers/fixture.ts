// The papers' inputs: the checklist fixture's draw (three targets, two departments, the lead
// written second), its departments' 单位信息, and register facts with a chain head, a freeze and
// a substitution.
import type { StoredDraw, Unit } from "../../../src/core/model";
import type { RegisterFacts } from "../../../src/core/papers";
import { HEALTH, INSURANCE, ITEMS, makeDraw } from "../checklist/fixture";

export { HEALTH, INSURANCE, ITEMS };

export const UNITS: Unit[] = [
  {
    department: HEALTH,
    authority: "石家庄市长安区卫生健康局",
    contact: "周明",
    phone: "0311-86001234",
    address: "石家庄市长安区中山东路 1 号",
    head: "孙局长",
    row: 2,
  },
  {
    department: INSURANCE,
    authority: "石家庄市长安区医疗保障局",
    contact: "吴芳",
    phone: "0311-86005678",
    address: "石家庄市长安区建设北大街 9 号",
    head: "郑局长",
    row: 3,
  },
];

export const CHAIN = "c0ffee".repeat(10) + "1234";
export const DIGEST = "0123456789abcdef".repeat(4);
/** a seed with characters that are not ASCII: the record prints its bytes */
export const SEED = "2026-04-02 福彩3D 527";

export function paperDraw(): StoredDraw {
  const d = makeDraw();
  d.record = {
    ...d.record,
    seed: SEED,
    frozen: true,
    seedRule: "2026-04-02 福彩3D开奖号码（21:15 开奖）",
    digest: DIGEST,
  };
  d.outcome.strata = [
    { stratum: "A", eligible: 1, selected: 1 },
    { stratum: "C", eligible: 1, selected: 1 },
    { stratum: "D", eligible: 1, selected: 1 },
  ];
  d.snapshot.excluded = { out_of_scope: 4, inactive: 3, upper_sampled: 2, cooldown: 1, drawn_this_year: 0 };
  d.snapshot.registrySize = 13;
  d.snapshot.inScope = 9;
  return d;
}

export const FACTS: RegisterFacts = {
  chainHead: CHAIN,
  freeze: {
    time: "2026-03-29T16:00:00+08:00",
    operator: "张三",
    seedRule: "2026-04-02 福彩3D开奖号码（21:15 开奖）",
    seedDue: "2026-04-02 21:30",
  },
  draw: { time: "2026-03-30T09:30:00+08:00", operator: "张三", witness: "李四" },
  void: null,
  substitutions: [
    {
      n: 1,
      replaced: "91130102MA0000002B",
      substitute: "91130102MA0000009Z",
      stratum: "A",
      rank: 1,
      reason: "已注销",
      time: "2026-04-03T10:00:00+08:00",
      operator: "张三",
    },
  ],
};
