// The process around the command, as bundled into build/cli/shuangsuiji.cjs: standard streams,
// exit codes, and signals. The signal handlers are installed before the engine (ExcelJS and
// the rest) is loaded, so that an interrupted command always removes its temp file and lock
// before it exits; a broken pipe (| head) ends it quietly; no stack trace ever goes to stdout.
type Main = typeof import("./main");
type Files = typeof import("../workbook/xlsx/file");

let loaded: { main: Main; files: Files } | null = null;

const line = (stream: NodeJS.WriteStream) => (s: string) => {
  stream.write(s + "\n");
};

/** Exits once both streams have taken what was written (process.exit alone may cut a pipe short). */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

function cleanUp(): void {
  loaded?.files.runInterruptCleanups();
}

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") {
    cleanUp();
    process.exit(process.exitCode ?? 0);
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    cleanUp();
    exitAfterFlush(loaded ? loaded.main.interrupted(signal) : signal === "SIGINT" ? 130 : 143);
  });

function crash(e: unknown): void {
  cleanUp();
  if (loaded) exitAfterFlush(loaded.main.uncaught(e));
  else {
    process.stderr.write(`内部错误 / internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    exitAfterFlush(3);
  }
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

(async () => {
  loaded = { main: await import("./main"), files: await import("../workbook/xlsx/file") };
  process.exitCode = await loaded.main.main(process.argv.slice(2), {
    out: line(process.stdout),
    err: line(process.stderr),
  });
})().catch(crash);
