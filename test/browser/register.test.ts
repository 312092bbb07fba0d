// The draw register in the pane, in a real Chromium on the sample workbook: the list frozen and its
// digest and chain head shown before the seed exists, 由系统生成 unavailable on a frozen task and
// honest otherwise (logged 系统生成), a target substituted and a draw voided from the pane, and a
// workbook not yet downloaded marked and guarded against closing the page.
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { listDraws, verifyDraws } from "../../src/workbook/usecases";
import { readLog } from "../../src/workbook/log-sheet";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import {
  OUTPUT,
  ROOT,
  buildBundle,
  externalRequests,
  findBrowser,
  launchBrowser,
  panePage,
  screenshot,
  serve,
  warnNoBrowser,
  type StaticServer,
} from "./harness";

const executable = findBrowser();
if (!executable) warnNoBrowser();
const describeWithBrowser = executable ? describe : describe.skip;
jest.setTimeout(300_000);

const SAMPLE = join(ROOT, "assets", "sample-新华区-2026.xlsx");
const TASK_LABEL = "XH-2026-03 新华区2026年第三次跨部门联合抽查";

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

async function download(page: Page, name: string): Promise<XlsxWorkbook> {
  const wait = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载结果工作簿" }).click();
  const file = join(OUTPUT, name);
  await (await wait).saveAs(file);
  return XlsxWorkbook.fromBuffer(readFileSync(file));
}

describeWithBrowser("the draw register in the pane (browser file mode, sample workbook)", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let consoleErrors: string[];
  let digest = "";

  beforeAll(async () => {
    server = await serve(buildBundle());
    browser = await launchBrowser(executable!);
    ({ page, requests, consoleErrors } = await panePage(browser, 360));
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=file]", { timeout: 60_000 });
    await page.setInputFiles("#xlsx-file", SAMPLE);
    await page.getByText("已打开：sample-新华区-2026.xlsx").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText("检查通过：没有错误。").waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("freezes the list: the digest and chain head to publish, and the seed then only by its rule", async () => {
    await page.getByRole("tab", { name: "抽取" }).click();
    await choose(page, "抽查任务", TASK_LABEL);
    await page.getByLabel("抽取日期").fill("2026-04-01");
    await page.getByLabel("操作人").fill("张三");
    await page.getByLabel("取种规则").fill("2026-04-02 福彩3D 开奖号码");
    await expect(page.getByTestId("unsaved").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "冻结名单" }).click();
    const done = page.getByText(/已冻结任务 XH-2026-03 的名单/);
    await done.waitFor({ timeout: 60_000 });
    const bar = page.getByRole("region", { name: "先冻结名单，再取种（推荐）" });
    const text = (await bar.textContent()) ?? "";
    digest = /快照摘要: ([0-9a-f]{64})/.exec(text)?.[1] ?? "";
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toMatch(/抽取记录链头: [0-9a-f]{64}/);
    // frozen: the seed comes from the published rule, never from the system
    await page.getByText("该任务已冻结名单").waitFor();
    await expect(page.getByRole("button", { name: "由系统生成" }).isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("unsaved").isVisible()).resolves.toBe(true);
    await screenshot(page, "pane-register-1-frozen-360");
  });

  test("draws on the frozen list with the published seed and lists the targets with their teams", async () => {
    await page.getByLabel("监督人").fill("李四");
    await page.getByLabel("随机种子").fill("527");
    await page.getByRole("button", { name: "抽取", exact: true }).click();
    await page
      .getByText(/抽取完成：抽中 17 户/)
      .first()
      .waitFor({ timeout: 60_000 });
    const items = page.getByTestId("drawn-targets").first().locator("li");
    await expect(items.count()).resolves.toBe(17);
    await expect(items.first().textContent()).resolves.toMatch(/组长：.+（.+）/);
    await expect(page.getByTestId("reserves").first().locator("li").count()).resolves.toBeGreaterThan(0);
    await screenshot(page, "pane-register-2-drawn-360");
  });

  test("substitutes a target from the pane: the next reserve takes its place", async () => {
    const list = page.getByTestId("drawn-targets").first();
    const row = list
      .locator("li")
      .filter({ has: page.getByRole("button", { name: "替补", disabled: false }) })
      .first();
    const replaced = await row.getAttribute("data-uscc");
    await row.getByRole("button", { name: "替补" }).click();
    await page.getByLabel("替补原因").fill("已注销");
    await page.getByRole("button", { name: "确认替补" }).click();
    await page.getByText(new RegExp(`已替补：${replaced} → \\w+（第 1 号替补）`)).waitFor({ timeout: 60_000 });
    await expect(list.locator(`li[data-uscc="${replaced}"]`).count()).resolves.toBe(0);
    await screenshot(page, "pane-register-3-substituted-360");
  });

  test("the downloaded workbook holds the freeze, the draw and the substitution, chained, and verifies", async () => {
    const book = await download(page, "pane-register-download.xlsx");
    await expect(page.getByTestId("unsaved").count()).resolves.toBe(0);
    const log = readLog(await book.readSheet("抽取记录")).register;
    expect(log.problems).toEqual([]);
    expect(log.entries.map((e) => [e.event, e.operator])).toEqual([
      ["冻结", "张三"],
      ["抽取", "张三"],
      ["替补", "张三"],
    ]);
    expect(log.entries[0].digest).toBe(digest);
    expect(log.entries[1]).toMatchObject({ seed: "527", seedSource: "人工输入", frozen: "是", witness: "李四" });
    const v = await verifyDraws(book);
    expect(v.ok).toBe(true);
  });

  test("voids the draw from the pane, then draws again with a seed the system generates", async () => {
    await page.getByRole("button", { name: "作废本次抽取" }).first().click();
    await page.getByLabel("作废理由").fill("演示作废");
    await page.getByRole("button", { name: "确认作废" }).click();
    await page.getByText(/已作废“抽取结果-XH-2026-03-1”/).waitFor({ timeout: 60_000 });
    // the task is free again and not frozen: 由系统生成 is offered, and the seed field is locked
    await choose(page, "抽查任务", TASK_LABEL);
    // enabled once the pane has re-read the task's state (a moment later on a loaded machine)
    const generate = page.getByRole("button", { name: "由系统生成", disabled: false });
    await generate.waitFor({ timeout: 30_000 });
    await generate.click();
    await expect(page.getByLabel("随机种子").isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "抽取", exact: true }).click();
    await page
      .getByText(/抽取完成：抽中 \d+ 户，结果表“抽取结果-XH-2026-03-2”/)
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(page, "pane-register-4-generated-360");
    const book = await download(page, "pane-register-download-2.xlsx");
    const draws = await listDraws(book);
    expect(draws.map((d) => [d.sheet, d.status])).toEqual([
      ["抽取结果-XH-2026-03-1", "作废"],
      ["抽取结果-XH-2026-03-2", "有效"],
    ]);
    const log = readLog(await book.readSheet("抽取记录")).register.entries;
    const drawn = log[log.length - 1];
    expect(drawn).toMatchObject({ event: "抽取", seedSource: "系统生成（密码学随机源，128位）", frozen: "否" });
    expect(drawn.seed).toMatch(/^[0-9a-f]{32}$/);
    expect((await verifyDraws(book)).ok).toBe(true);
  });

  test("a workbook written and not downloaded asks before the page is closed", async () => {
    await page.getByRole("tab", { name: "结果公示" }).click();
    await page.getByRole("button", { name: "生成结果公示" }).click();
    await page.getByText(/已写入：/).waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("unsaved").isVisible()).resolves.toBe(true);
    let asked = false;
    page.once("dialog", (d) => {
      asked = d.type() === "beforeunload";
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 1000));
    expect(asked).toBe(true);
  });

  test("never made a request outside localhost, and logged no errors", () => {
    expect(externalRequests(requests)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
