// The drawn list in the pane: a long draw shows a page at a time (20,000 targets rendered at once
// blocked the pane for seconds), and an imported list says it has no seed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DrawStateView, PAGE } from "../../src/taskpane/components/DrawState";
import type { DrawState, Engine } from "../../src/taskpane/engine";
import { describeDraw, runDraw } from "../../src/workbook/usecases";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

const SAMPLE = join(__dirname, "../../assets/sample-新华区-2026.xlsx");

let state: DrawState;
beforeAll(async () => {
  const book = await XlsxWorkbook.fromBuffer(readFileSync(SAMPLE));
  const drawn = await runDraw(book, { taskId: "XH-2026-03", seed: "527", date: "2026-04-01" });
  if (!drawn.ok) throw new Error(JSON.stringify(drawn.errors));
  const d = await describeDraw(book, { draw: drawn.report.sheet });
  if (!d.ok) throw new Error(JSON.stringify(d.errors));
  state = d.report;
});

const view = (s: DrawState) =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <DrawStateView
        lang="zh"
        engine={{} as Engine}
        sheetMap={{}}
        state={s}
        operator=""
        busy={false}
        run={async (f) => f()}
        onChanged={() => undefined}
      />
    </FluentProvider>,
  );
const listed = (html: string) => (html.match(/data-uscc="/g) ?? []).length;

test("a short draw shows every target, and no button for more", () => {
  const html = view(state);
  expect(listed(html)).toBe(state.selected.length);
  expect(html.includes("再显示")).toBe(false);
  expect(html.includes("随机种子<!-- -->:")).toBe(true);
});

test(`a draw of 120 shows the first ${PAGE}, and says how many more the button brings`, () => {
  const many = Array.from({ length: 120 }, (_, i) => ({
    ...state.selected[i % state.selected.length],
    seq: i + 1,
    uscc: `U${i}`,
  }));
  const html = view({ ...state, selected: many });
  expect(listed(html)).toBe(PAGE);
  expect(html.includes(`"U${PAGE - 1}"`)).toBe(true);
  expect(html.includes(`"U${PAGE}"`)).toBe(false);
  expect(html.includes(`再显示 ${PAGE} 户（已显示 ${PAGE} / 120）`)).toBe(true);
});

test("an imported list says it has no seed, instead of an empty seed line", () => {
  const html = view({ ...state, protocol: "外部抽取", seed: "" });
  // the seed line is the label, a colon and the seed
  expect(html.includes("随机种子<!-- -->:")).toBe(false);
  expect(html.includes("外部抽取（平台名单，无随机种子）")).toBe(true);
});
