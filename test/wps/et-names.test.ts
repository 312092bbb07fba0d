// The adapter's hand-typed ET subset (src/wps/et.ts) names only members that the vendor's own
// declarations (wps-jsapi 1.0.5, lib.et.d.ts and lib.kso.d.ts) declare, on the same objects:
// a misspelt or invented member would only fail inside a real WPS.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

const VENDOR = dirname(require.resolve("wps-jsapi/package.json"));
const OURS = join(__dirname, "..", "..", "src", "wps", "et.ts");

interface Decl {
  members: Map<string, ts.TypeNode | undefined>;
  heritage: string[];
}

/** Every interface of the vendor's Et and Kso namespaces: its members and what it extends. */
function vendorInterfaces(): Map<string, Decl> {
  const out = new Map<string, Decl>();
  for (const file of ["lib.et.d.ts", "lib.kso.d.ts"]) {
    const src = ts.createSourceFile(
      file,
      readFileSync(join(VENDOR, "src", file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node, ns: string) => {
      if (ts.isModuleDeclaration(node)) {
        const name = node.name.getText(src);
        if (node.body) ts.forEachChild(node.body, (n) => visit(n, name));
        return;
      }
      if (ts.isInterfaceDeclaration(node)) {
        const members = new Map<string, ts.TypeNode | undefined>();
        for (const m of node.members)
          if (m.name) members.set(m.name.getText(src), ts.isPropertySignature(m) ? m.type : undefined);
        const heritage = (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(src)));
        out.set(`${ns}.${node.name.text}`, { members, heritage });
      }
      ts.forEachChild(node, (n) => visit(n, ns));
    };
    visit(src, "");
  }
  return out;
}

const vendor = vendorInterfaces();

/** The vendor's members of an interface, inherited ones included. */
function vendorMembers(name: string): Map<string, ts.TypeNode | undefined> {
  const d = vendor.get(name);
  if (!d) throw new Error(`the vendor declares no ${name}`);
  const all = new Map(d.members);
  for (const h of d.heritage) for (const [k, v] of vendorMembers(h.includes(".") ? h : `Et.${h}`)) all.set(k, v);
  return all;
}

/** Our interfaces and the vendor's objects they stand for. */
const COUNTERPARTS: Record<string, string> = {
  EtApplication: "Et.EtApplication",
  EtWorkbook: "Et.EtWorkbook",
  EtWorksheets: "Et.EtSheets",
  EtWorksheet: "Et.EtWorksheet",
  EtRange: "Et.EtRange",
  EtValidation: "Et.EtValidation",
  EtPageSetup: "Et.EtPageSetup",
  EtWindow: "Et.EtWindow",
  EtNames: "Et.EtNames",
  EtName: "Et.EtName",
  EtListObjects: "Et.EtListObjects",
  EtListObject: "Et.EtListObject",
  EtShapes: "Kso.KsoShapes",
  EtChart: "Et.EtChart",
};

/**
 * Members whose vendor type is a generator slip (EtChart.ChartTitle is declared a number), with
 * the object the WPS reference gives them.
 */
const VENDOR_SLIPS: Record<string, string> = { "EtChart.ChartTitle": "Et.EtChartTitle" };

/** Every member path of ours that the vendor lacks, following inline object types into theirs. */
function missing(): string[] {
  const src = ts.createSourceFile("et.ts", readFileSync(OURS, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const check = (path: string, members: ts.NodeArray<ts.TypeElement>, theirs: string) => {
    const known = vendorMembers(theirs);
    for (const m of members) {
      if (!m.name) continue;
      const name = m.name.getText(src);
      if (!known.has(name)) {
        out.push(`${path}.${name} (not on ${theirs})`);
        continue;
      }
      // an inline object type of ours: its members must be on the vendor's type of that member
      const type = ts.isPropertySignature(m) ? m.type : undefined;
      if (type && ts.isTypeLiteralNode(type)) {
        const ref = known.get(name);
        const target =
          VENDOR_SLIPS[`${path}.${name}`] ?? (ref && ts.isTypeReferenceNode(ref) ? ref.typeName.getText() : null);
        if (!target) out.push(`${path}.${name} (the vendor gives it no object type)`);
        else check(`${path}.${name}`, type.members, target.includes(".") ? target : `Et.${target}`);
      }
    }
  };
  ts.forEachChild(src, (node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    const theirs = COUNTERPARTS[node.name.text];
    if (!theirs) {
      out.push(`${node.name.text} has no counterpart listed in this test`);
      return;
    }
    check(node.name.text, node.members, theirs);
  });
  return out;
}

test("every member the adapter calls is declared by the vendor, on the same object", () => {
  expect(missing()).toEqual([]);
});

test("the check bites: a member the vendor does not declare is reported", () => {
  expect(vendorMembers("Et.EtRange").has("Value2")).toBe(true);
  expect(vendorMembers("Et.EtRange").has("values")).toBe(false);
  // Shapes is inherited from Kso: AddChart comes through the heritage clause
  expect(vendorMembers("Kso.KsoShapes").has("AddChart")).toBe(true);
});
