// The pane rendered on the server side (no DOM needed): what a clerk sees first, in each mode.
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { createEngine } from "../../src/taskpane/port-engine";
import { mockPort, mockUseCases } from "./mock-engine";

const render = (el: React.ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

describe("App", () => {
  test("in Excel: Chinese tabs, the sheet pickers, no file bar", () => {
    const engine = createEngine(mockPort(), mockUseCases(), {
      mode: "excel",
      title: "样例",
      loadSheetMap: async () => ({}),
      saveSheetMap: async () => undefined,
      selectCell: async () => undefined,
      activateSheet: async () => undefined,
      selfTest: async () => ({ checks: [], excelApi: [] }),
    });
    const html = render(
      <App mode="excel" engine={engine} hostInfo={{ host: "Excel", platform: "PC" }} initialLang="zh" />,
    );
    for (const label of [
      "数据",
      "抽取",
      "核验",
      "一企一表与文书",
      "结果公示",
      "年度",
      "自检",
      "检查对象名录库",
      "检查数据",
      "Excel 工作簿",
    ])
      expect(html).toContain(label);
    expect(html).not.toContain("打开 .xlsx 文件");
    expect(html).toContain('role="tablist"');
  });

  test("outside Office: file mode offers to open a .xlsx, in English when chosen", () => {
    const html = render(
      <App
        mode="file"
        engine={null}
        openFile={async () => Promise.reject(new Error("x"))}
        hostInfo={{ host: "browser", platform: "" }}
        initialLang="en"
      />,
    );
    expect(html).toContain("Open .xlsx file");
    expect(html).toContain("Browser file mode");
    expect(html).toContain('type="file"');
    expect(html).not.toContain("下载结果工作簿");
  });
});
