// Preloaded into a command run as a person runs it (node --import <this> scripts/run.mjs build …):
// reports, when the command ends well, what a child script's reportFromChild reports
// (scripts/bench/childProcess.ts): the time from here to the exit, peak memory and CPU time.
import { performance } from "node:perf_hooks";

const started = performance.now();
process.on("exit", (code) => {
  if (code !== 0) return;
  const usage = process.resourceUsage();
  const figures = { ms: performance.now() - started, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  // Written at once: stdout to a pipe is synchronous on Linux and macOS.
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(figures)}\n`);
});
