// A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], no apostrophe at
// either end, and unique among the workbook's sheets regardless of case.
const MAX = 31;

export function safeSheetName(base: string, existing: readonly string[]): string {
  const clean = [...base.replace(/[:\\/?*[\]]/g, "_").replace(/^'+|'+$/g, "")];
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const fit = (suffix: string) => clean.slice(0, MAX - suffix.length).join("") + suffix;
  if (!taken.has(fit("").toLowerCase()) && clean.length > 0) return fit("");
  for (let n = 2; ; n++) {
    const name = fit(`-${n}`);
    if (!taken.has(name.toLowerCase())) return name;
  }
}
