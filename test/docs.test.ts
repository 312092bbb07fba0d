// The project's README and docs/ stand alone: a clerk or an auditor has only the checkout, so they
// never point into the developers' folder, name only commands, options and npm scripts that exist,
// and document every command the CLI has.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { COMMANDS } from "../src/cli/main";

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
