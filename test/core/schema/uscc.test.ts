import { usccCheckChar, usccProblem } from "../../../src/core/schema/uscc";

describe("统一社会信用代码 check character (GB 32100-2015)", () => {
  // real published codes
  it.each(["91350100M000100Y43", "91110000600037341L"])("accepts %s", (code) => {
    expect(usccProblem(code)).toBeNull();
  });
  it("rejects a code whose check character is wrong", () => {
    expect(usccProblem("91350100M000100Y44")).toBe("checksum");
  });
  it("rejects letters outside the alphabet and wrong lengths", () => {
    expect(usccProblem("91350100M000100YI3")).toBe("charset");
    expect(usccProblem("91350100M000100Y4")).toBe("length");
  });
  it("computes the character from the first 17", () => {
    expect(usccCheckChar("91350100M000100Y4")).toBe("3");
  });
});
