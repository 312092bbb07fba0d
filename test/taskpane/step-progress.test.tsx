// The pane's progress line: nothing for a quick action, then the engine's current step in words,
// with its count, until the last action ends.
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SHOW_AFTER_MS, StepProgress, activityText } from "../../src/taskpane/components/StepProgress";
import { beginAction, reportActivity } from "../../src/taskpane/worker/activity";

const render = () =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <StepProgress />
    </FluentProvider>,
  );
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("StepProgress", () => {
  test("a quick action paints nothing; past 200 ms the step is shown with its count; gone at the end", async () => {
    const end = beginAction("zh");
    reportActivity({ step: "write", method: "runDraw", done: 3, total: 6 });
    expect(render()).not.toContain("step-progress");
    await wait(SHOW_AFTER_MS + 20);
    const html = render();
    expect(html).toContain('data-testid="step-progress"');
    expect(html).toContain("正在写入工作簿…");
    expect(html).toContain("3/6");
    expect(html).toContain('role="status"');
    end();
    expect(render()).not.toContain("step-progress");
  });

  test("two actions: the line stays until both end; a report after the end is dropped", async () => {
    const first = beginAction("en");
    const second = beginAction("en");
    await wait(SHOW_AFTER_MS + 20);
    reportActivity({ step: "read", method: "verifyDraws", sheet: "抽取记录" });
    first();
    expect(render()).toContain("Reading sheet “抽取记录”…");
    second();
    reportActivity({ step: "compute", method: "check" });
    expect(render()).not.toContain("step-progress");
  });

  test("each step in words, in both languages", () => {
    expect(activityText("zh", { step: "open" })).toBe("正在读取文件…");
    expect(activityText("zh", { step: "read", sheet: "检查对象名录库" })).toBe("正在读取工作表「检查对象名录库」…");
    expect(activityText("zh", { step: "compute", method: "check" })).toBe("正在检查数据…");
    expect(activityText("zh", { step: "compute", method: "runDraw" })).toBe("正在抽取…");
    expect(activityText("zh", { step: "compute", method: "writeChecklists" })).toBe("正在生成一企一表…");
    // a method added to the Engine later still gets a line
    expect(activityText("zh", { step: "compute", method: "somethingNew" })).toBe("正在计算…");
    expect(activityText("zh", { step: "download" })).toBe("正在生成下载文件…");
    expect(activityText("en", { step: "write" })).toBe("Writing the workbook…");
    expect(activityText("zh", null)).toBe("正在处理…");
  });
});
