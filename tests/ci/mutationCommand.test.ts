// npm run test:mutation without Stryker installed (the default setup leaves it out): a message that
// says which setup adds it, and a failing exit status, instead of "stryker: command not found".
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ROOT } from "../helpers/site.ts";

const project = mkdtempSync(join(tmpdir(), "mutation-command-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

test("without StrykerJS it says to run npm run setup -- --tools and fails", () => {
  mkdirSync(join(project, "scripts", "setup"), { recursive: true });
  copyFileSync(join(ROOT, "scripts", "setup", "mutation.mjs"), join(project, "scripts", "setup", "mutation.mjs"));
  const result = spawnSync(process.execPath, [join(project, "scripts", "setup", "mutation.mjs")], { encoding: "utf8" });
  expect(result.status).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    "✗ npm run test:mutation needs StrykerJS, a maintainers' tool the default setup leaves out\n" +
      "  → run npm run setup -- --tools (it installs tools/package.json's packages), then run the command again\n",
  );
});
