// npm run test:mutation: StrykerJS is a maintainers' tool (tools/package.json), left out of the
// default setup, so say how to install it instead of a "command not found", then run it with the
// arguments given (stryker.config.json: incremental, the core modules). Plain Node.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
const runner = join(root, "node_modules", "@stryker-mutator", "vitest-runner", "package.json");
if (!existsSync(cli) || !existsSync(runner)) {
  console.error(
    "✗ npm run test:mutation needs StrykerJS, a maintainers' tool the default setup leaves out\n" +
      "  → run npm run setup -- --tools (it installs tools/package.json's packages), then run the command again",
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [cli, "run", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(result.status ?? 1);
