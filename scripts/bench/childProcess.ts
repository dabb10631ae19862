// Runs a TypeScript script in a fresh Node process (`node --import tsx`): each run starts with
// clean memory and caches. The child reports its figures as one JSON line on stdout.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const RESULT_PREFIX = "BENCH_RESULT ";

interface ChildFigures {
  /** Time the child measured around its own work, in ms. */
  ms: number;
  /** Peak resident memory of the child, in kilobytes (process.resourceUsage().maxRSS). */
  maxRssKb: number;
  /** CPU time of the whole child (user + system, every thread), in ms: steadier than wall time when other work shares the machine. */
  cpuMs: number;
  [key: string]: unknown;
}

export interface ChildRun extends ChildFigures {
  /** Wall time of the whole process, Node start-up included. */
  wallMs: number;
}

export interface ChildOptions {
  cwd: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  /** false: a plain Node script (the command launcher, scripts/run.mjs), run without tsx. */
  tsx?: boolean;
}

/** A child script that reports its figures on a BENCH_RESULT line; fails if it exits badly or reports none. */
export async function runChild(script: string, args: string[], options: ChildOptions): Promise<ChildRun> {
  const run = await runCommand(script, args, options);
  const line = run.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (run.status !== 0 || !line) {
    const why = run.signal ? `was killed (${run.signal})` : `exited with ${run.status}`;
    throw new Error(`${script} ${args.join(" ")} ${why}:\n${(run.stderr || run.stdout).trim().slice(-4000)}`);
  }
  return { ...(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildFigures), wallMs: run.wallMs };
}

/** Called by a child script at its end. */
export function reportFromChild(figures: { ms: number; [key: string]: unknown }): void {
  const usage = process.resourceUsage();
  const out: ChildFigures = { ...figures, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(out)}\n`);
}

export interface CommandRun {
  wallMs: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A project command as a person runs it (node --import tsx scripts/<entry>.ts …), timed from outside. */
export function runCommand(script: string, args: string[], { cwd, nodeArgs = [], env = {}, timeoutMs = 600_000, tsx = true }: ChildOptions): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, ...(tsx ? ["--import", TSX] : []), script, ...args], {
      cwd,
      env: { ...process.env, ...env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ wallMs: performance.now() - started, status, signal, stdout, stderr });
    });
  });
}
