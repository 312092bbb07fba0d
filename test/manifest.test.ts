// The add-in manifest, checked offline: a broken manifest is only found when a clerk sideloads it.
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { SaxesParser } from "saxes";
import { REQUIRED_SET } from "../src/excel/capabilities";

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict parse (saxes throws on any well-formedness error) into a small element tree. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[k] = String(v);
    const el: XmlElement = { name: tag.name, attributes, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.write(xml).close();
  return root.children[0];
}

const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];
const child = (el: XmlElement, name: string): XmlElement | undefined => el.children.find((c) => c.name === name);
const path = (el: XmlElement, ...names: string[]): XmlElement => {
  let cur = el;
  for (const n of names) {
    const next = child(cur, n);
    if (!next) throw new Error(`missing <${n}> under <${cur.name}>`);
    cur = next;
  }
  return cur;
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const ROOT = join(__dirname, "..");
const DEV_ORIGIN = "https://localhost:3000";
const manifest = parseXml(readFileSync(join(ROOT, "manifest.xml"), "utf8"));

describe("manifest.xml", () => {
  test("is a task-pane add-in for Excel workbooks with the required elements in schema order", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    const order = manifest.children.map((c) => c.name);
    const required = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    expect(order).toEqual(required);
    expect(path(manifest, "Hosts", "Host").attributes.Name).toBe("Workbook");
    expect(path(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
    expect(path(manifest, "DefaultLocale").text.trim()).toBe("zh-CN");
  });

  test("has a fixed GUID id and a four-part version", () => {
    expect(path(manifest, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(path(manifest, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("is named in Chinese with an English override", () => {
    const name = path(manifest, "DisplayName");
    expect(name.attributes.DefaultValue).toBe("双随机抽查助手");
    const en = name.children.find((c) => c.name === "Override" && c.attributes.Locale === "en-us");
    expect(en?.attributes.Value).toBe("Random Inspection Assistant");
  });

  test("asks for the least set that draws, the adapter's base set (ExcelApi 1.7); higher sets are checked at run time", () => {
    const sets = path(manifest, "Requirements", "Sets");
    const list = sets.children.filter((c) => c.name === "Set");
    expect(list.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([
      ["ExcelApi", `1.${REQUIRED_SET.base}`],
    ]);
    expect(sets.attributes.DefaultMinVersion).toBe(`1.${REQUIRED_SET.base}`);
  });

  test("has a Home-tab ribbon button that shows the task pane", () => {
    const buttons = all(manifest).filter((e) => e.name === "Control" && e.attributes["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    expect(path(buttons[0], "Action").attributes["xsi:type"]).toBe("ShowTaskpane");
    const tab = all(manifest).find((e) => e.name === "OfficeTab");
    expect(tab?.attributes.id).toBe("TabHome");
  });

  test("every resid referenced is defined once, and every defined resource is used", () => {
    const resources = path(manifest, "VersionOverrides", "Resources");
    const defined = all(resources)
      .filter((e) => e.attributes.id !== undefined)
      .map((e) => e.attributes.id);
    expect(new Set(defined).size).toBe(defined.length);
    const used = all(manifest)
      .filter((e) => e.attributes.resid !== undefined)
      .map((e) => e.attributes.resid);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(used).toContain(id);
    // the 32-character limit Office enforces on resource ids
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("every URL is on the development origin, and AppDomains lists it", () => {
    const urls = all(manifest).flatMap((e) =>
      Object.entries(e.attributes)
        .filter(([k, v]) => (k === "DefaultValue" || k === "Value") && /^[a-z]+:\/\//i.test(v))
        .map(([, v]) => v),
    );
    const domains = all(path(manifest, "AppDomains")).filter((e) => e.name === "AppDomain");
    urls.push(...domains.map((d) => d.text.trim()));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).origin).toBe(DEV_ORIGIN);
    expect(domains.map((d) => d.text.trim())).toContain(DEV_ORIGIN);
    expect(path(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(
      `${DEV_ORIGIN}/taskpane.html`,
    );
  });

  test("every asset URL names a file in assets/ and each icon has its declared size", () => {
    const images = all(manifest).filter((e) => e.name === "bt:Image" && e.attributes.DefaultValue);
    const icons: [string, number][] = images.map((e) => [
      e.attributes.DefaultValue,
      Number(/(\d+)x\d+$/.exec(e.attributes.id)?.[1]),
    ]);
    icons.push([path(manifest, "IconUrl").attributes.DefaultValue, 32]);
    icons.push([path(manifest, "HighResolutionIconUrl").attributes.DefaultValue, 64]);
    expect(icons.map(([, s]) => s).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const [url, size] of icons) {
      const file = join(ROOT, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // the 128 px icon is for the store listing / AppSource, not the manifest
    expect(pngSize(join(ROOT, "assets/icon-128.png"))).toEqual({ width: 128, height: 128 });
  });
});
