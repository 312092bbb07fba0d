// The project's README and docs/ stand alone: a clerk or an auditor has only the checkout, so they
// never point into the developers' folder, name only commands, options and npm scripts that exist,
// and document every command the CLI has.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { COMMANDS } from "../src/cli/main";
import { externalDigest, externalDrawn } from "../src/core/draw/external";
import type { ExternalDraw } from "../src/core/platform/import";
import { HEALTH, INSURANCE, inspector, target, task } from "./core/draw/fixture";

const ROOT = join(__dirname, "..");
const GLOBAL_OPTIONS = ["json", "lang", "help", "version"];

interface Doc {
  path: string;
  text: string;
}

function projectDocs(): Doc[] {
  const docs = readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => join("docs", f));
  return ["README.md", ...docs].map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));
}

interface Known {
  commands: Record<string, readonly string[]>;
  scripts: readonly string[];
}

/** Every problem of one document, as `path:line: what`. */
function docProblems(doc: Doc, known: Known): string[] {
  const out: string[] = [];
  doc.text.split("\n").forEach((line, i) => {
    const at = `${doc.path}:${i + 1}`;
    // the developers' folder, however it is reached
    if (/(^|[^\w.])(\.\.\/)+shared\b|\/work\/shared|(^|[^\w-])shared\/spec\b/.test(line))
      out.push(`${at}: points into the developers' shared folder`);
    // `shuangsuiji <command> … --option …`, up to the end of the code span, a comment or the line
    for (const m of line.matchAll(/\bshuangsuiji[ \t]+([a-z][a-z-]*)([^`#]*)/g)) {
      const [, command, rest] = m;
      const options = known.commands[command];
      if (!options) {
        out.push(`${at}: names a command the CLI does not have: shuangsuiji ${command}`);
        continue;
      }
      for (const o of rest.matchAll(/(?:^|\s)--([a-z][a-z-]*)/g))
        if (!options.includes(o[1]) && !GLOBAL_OPTIONS.includes(o[1]))
          out.push(`${at}: shuangsuiji ${command} has no option --${o[1]}`);
    }
    for (const m of line.matchAll(/\bnpm run ([\w:-]+)/g))
      if (!known.scripts.includes(m[1])) out.push(`${at}: names an npm script package.json does not have: ${m[1]}`);
    // relative links: the file must be in the checkout
    for (const m of line.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue;
      if (!existsSync(resolve(ROOT, dirname(doc.path), target))) out.push(`${at}: links to a missing file: ${target}`);
    }
  });
  return out;
}

const known: Known = {
  commands: Object.fromEntries(Object.entries(COMMANDS).map(([name, spec]) => [name, spec.options])),
  scripts: Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts),
};

describe("README and docs/", () => {
  const docs = projectDocs();

  it("never point into the developers' folder, and name only real commands, options, scripts and files", () => {
    expect(docs.map((d) => d.path)).toEqual(
      expect.arrayContaining(["README.md", "docs/cli.md", "docs/workbook.md", "docs/draw-protocol.md"]),
    );
    expect(docs.flatMap((d) => docProblems(d, known))).toEqual([]);
  });

  it("the checker catches what it is there to catch", () => {
    const bad: Doc = {
      path: "README.md",
      text: [
        "See ../shared/spec/cli.md and /work/shared/odd-inputs.md.",
        "```sh",
        "shuangsuiji frobnicate BOOK.xlsx",
        "shuangsuiji draw BOOK.xlsx --taks X --json   # --not-checked-in-a-comment",
        "npm run deploy-everything",
        "```",
        "[the missing page](docs/nowhere.md)",
      ].join("\n"),
    };
    const problems = docProblems(bad, known);
    expect(problems).toEqual([
      "README.md:1: points into the developers' shared folder",
      "README.md:3: names a command the CLI does not have: shuangsuiji frobnicate",
      "README.md:4: shuangsuiji draw has no option --taks",
      "README.md:5: names an npm script package.json does not have: deploy-everything",
      "README.md:7: links to a missing file: docs/nowhere.md",
    ]);
    // the project's own words are not mistaken for commands
    const fine: Doc = {
      path: "README.md",
      text: "`npx shuangsuiji` runs it; the lock `BOOK.xlsx.shuangsuiji-lock`; shuangsuiji --version",
    };
    expect(docProblems(fine, known)).toEqual([]);
  });

  it("README documents every command, and docs/cli.md gives each its own section", () => {
    const readme = docs.find((d) => d.path === "README.md")!.text;
    const cli = docs.find((d) => d.path === "docs/cli.md")!.text;
    for (const name of Object.keys(COMMANDS)) {
      expect(readme).toContain(`| \`${name}\` |`);
      expect(cli).toMatch(new RegExp(`^### \`${name}\``, "m"));
    }
  });

  it("README starts with the two commands that work on a fresh machine", () => {
    const readme = docs.find((d) => d.path === "README.md")!.text;
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(first.split("\n").map((l) => l.split("#")[0].trim())).toEqual(["npm ci && npm run demo", "npm test", ""]);
  });
});

describe("docs/draw-protocol.md §11, the list digest of an import", () => {
  it("is the SHA-256 of the lines the page lists, computed from the page alone", async () => {
    const registry = [1, 2, 3, 4, 5].map((n) => target(n, { riskGrade: n % 2 ? "A" : "C" }));
    const people = [inspector("WS002", HEALTH), inspector("WS001", HEALTH), inspector("YB001", INSURANCE)];
    const t = task({ id: "PT-1" });
    const listed = (text: string, id: string | null) => ({ text, id });
    // the list names target 4 before target 2, target 2 for one department only, and a stranger
    const imported: ExternalDraw = {
      sheet: "平台导出",
      taskId: t.id,
      taskName: t.name,
      date: "2026-04-02",
      itemIds: t.itemIds,
      departments: t.departments,
      external: true,
      protocol: "外部抽取",
      byGrade: false,
      source: "河北省双随机执法监管平台",
      targets: [
        {
          uscc: registry[3].uscc,
          name: registry[3].name,
          stratum: null,
          grade: null,
          departments: [HEALTH, INSURANCE],
          teams: [
            { department: HEALTH, inspectors: [listed("人员WS002", "WS002"), listed("人员WS001", "WS001")] },
            { department: INSURANCE, inspectors: [listed("人员YB001", "YB001"), listed("外聘专家", null)] },
          ],
          itemIds: t.itemIds,
          rows: [2, 3],
        },
        {
          uscc: registry[1].uscc,
          name: registry[1].name,
          stratum: null,
          grade: null,
          departments: [HEALTH],
          teams: [{ department: HEALTH, inspectors: [listed("人员WS001", "WS001")] }],
          itemIds: ["I1"],
          rows: [4],
        },
      ],
    };
    const drawn = externalDrawn(t, imported, registry, people, "2026-04-02");

    // the page's rule, written out: §7's lines of the external snapshot, the source, the rows
    const line = (v: unknown[]) => JSON.stringify(v) + "\n";
    const targetLine = (x: (typeof registry)[number]) =>
      line([
        "target",
        x.uscc,
        x.name,
        x.category,
        x.tags,
        x.area,
        x.address,
        x.legalRep,
        x.phone,
        x.riskGrade,
        x.complaints,
        x.violations,
        x.upperSampled,
        x.lastInspected,
        x.lastInspectors,
        x.status,
      ]);
    const inspectorLine = (x: (typeof people)[number]) =>
      line([
        "inspector",
        x.id,
        x.name,
        x.department,
        x.section,
        x.title,
        x.specialties,
        x.fields,
        x.role,
        x.status,
        x.area,
        x.recusals,
      ]);
    const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
    const text =
      line(["protocol", "外部抽取"]) +
      line([
        "task",
        t.id,
        t.name,
        t.leadDepartment,
        t.departments,
        t.itemIds,
        t.categories,
        t.mode,
        [t.ratios!.A, t.ratios!.B, t.ratios!.C, t.ratios!.D],
        null,
        t.priorityRatio,
        t.minRatio,
        t.perDepartment,
        t.rotate,
        t.excludeUpper,
        t.cooldownDays,
        t.reserves,
        t.crossArea,
        t.startDate,
        t.endDate,
      ]) +
      line(["date", "2026-04-02"]) +
      [...t.departments]
        .sort(byBytes)
        .map((d) => line(["specialties", d, []]))
        .join("") +
      [registry[1], registry[3]]
        .sort((a, b) => byBytes(a.uscc, b.uscc))
        .map(targetLine)
        .join("") +
      [...people]
        .sort((a, b) => byBytes(a.id, b.id))
        .map(inspectorLine)
        .join("") +
      line(["excluded", 0, 0, 0, 0, 0]) +
      line(["counts", 5, 5]) +
      line(["external", "河北省双随机执法监管平台", false]) +
      [
        [1, registry[3].uscc, INSURANCE, ["YB001"], "人员YB001、外聘专家"],
        [1, registry[3].uscc, HEALTH, ["WS002", "WS001"], "人员WS002、人员WS001"],
        [2, registry[1].uscc, INSURANCE, [], ""],
        [2, registry[1].uscc, HEALTH, ["WS001"], "人员WS001"],
      ]
        .map((r) => line(["listed", ...r]))
        .join("");
    const expected = createHash("sha256").update(text, "utf8").digest("hex");
    expect(await externalDigest(drawn.snapshot, drawn.list)).toBe(expected);
  });
});
