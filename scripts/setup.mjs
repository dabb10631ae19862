// npm run setup [-- --translator | --tools]: installs what is missing and nothing else, so it is quick when all is present.
//   1. npm packages (npm ci) when node_modules/ is missing or older than package-lock.json (a
//      translator's: no devDependencies; the maintainers' tools in tools/ only with --tools), then
//      the print fonts the project's locales need (setup/fonts.ts);
//   2. on Debian/Ubuntu, Chrome/Chromium, poppler-utils and Java through apt where absent;
//      elsewhere, says exactly what to install and which commands work without it.
// Plain Node, no dependencies and no shell: it runs before node_modules exists, on any OS.
// What it decides is in setup/plan.mjs (tested), what it looks at in setup/probe.mjs.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { planSetup } from "./setup/plan.mjs";
import { probeMachine } from "./setup/probe.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

for (const step of planSetup(probeMachine(root))) {
  if (step.kind === "say") {
    console.log(step.text);
    continue;
  }
  const [command, args] = resolveCommand(step.command, step.args);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...step.env },
    // npm is a .cmd file on Windows, which Node runs only through the shell.
    shell: process.platform === "win32" && command === "npm",
  });
  if (result.status !== 0) {
    console.error(`✗ ${result.error ? `${step.command}: ${result.error.message}` : step.failure}`);
    process.exit(1);
  }
}

/** Under `npm run`, npm itself is run with the same Node, so no shell or PATH lookup is needed. */
function resolveCommand(command, args) {
  const npmCli = process.env.npm_execpath;
  if (command === "npm" && npmCli && /\.c?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args]];
  if (command === "node") return [process.execPath, args];
  return [command, args];
}
