import { STRINGS, t } from "../../src/taskpane/strings";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("pane labels", () => {
  test("every label exists in Chinese and English with the same placeholders", () => {
    const keys = Object.keys(STRINGS.zh) as (keyof typeof STRINGS.zh)[];
    expect(Object.keys(STRINGS.en).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(STRINGS.zh[k].trim()).not.toBe("");
      expect(STRINGS.en[k].trim()).not.toBe("");
      expect([k, placeholders(STRINGS.en[k])]).toEqual([k, placeholders(STRINGS.zh[k])]);
    }
  });

  test("Chinese labels are Chinese (the English ones did not leak in)", () => {
    for (const k of ["tabData", "tabDraw", "tabVerify", "tabChecklists", "tabPublicity", "tabSelfTest"] as const)
      expect(STRINGS.zh[k]).toMatch(/[\u4e00-\u9fff]/);
    expect(t("zh", "drawDone", { n: 4, sheet: "抽取结果" })).toBe("抽取完成：抽中 4 户，结果表“抽取结果”。");
  });
});
