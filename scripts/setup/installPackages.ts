// npm install, for the print fonts that follow locales (npm run setup, npm run locale:new): the
// package goes into package.json and package-lock.json, and the install keeps its kind (a
// translator's stays without the devDependencies, the maintainers' tools stay as they are).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export function installPackages(root: string, packages: string[], omitDev = !existsSync(join(root, "node_modules", "vitest", "package.json"))): boolean {
  const args = ["install", ...packages, ...(omitDev ? ["--omit=dev"] : []), "--workspaces=false", "--no-audit", "--no-fund"];
  // Under npm run, npm itself is run with the same Node; npm is a .cmd file on Windows, run only through the shell.
  const npmCli = process.env.npm_execpath;
  const [command, commandArgs] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ["npm", args];
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" }, shell: process.platform === "win32" && command === "npm" });
  return result.status === 0;
}
