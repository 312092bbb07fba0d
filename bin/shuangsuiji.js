#!/usr/bin/env node
// The shuangsuiji command. Runs the TypeScript sources through tsx, so a checkout works right
// after `npm ci` with no build step.
/* global require, process */
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误 / internal error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 3;
  },
);
