// Runs a project command (a TypeScript entry point under scripts/) as a person would.
import { execFile, spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./site.ts";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[], { cwd = ROOT, env = {}, timeoutMs = 120_000 }: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", script), ...args], {
    cwd,
    env: { ...process.env, ...env, FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** runScript without blocking: several commands at once (a warm and a cold build side by side). */
export function runScriptAsync(script: string, args: string[], { cwd = ROOT, env = {}, timeoutMs = 120_000 }: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ["--import", "tsx", join(ROOT, "scripts", script), ...args], { cwd, env: { ...process.env, ...env, FORCE_COLOR: "0" }, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error?.code;
      if (error && typeof code !== "number") fail(error);
      else done({ status: typeof code === "number" ? code : 0, stdout, stderr });
    });
  });
}
