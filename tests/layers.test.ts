// The layers of scripts/ (.dependency-cruiser.cjs): shared ← project ← views ← render ← build ← commands.
// The real tree keeps them; a small tree that breaks each rule once is refused, naming both files.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const DEPCRUISE = join(ROOT, "node_modules/.bin/depcruise");

function cruise(cwd: string, paths: string[]) {
  const result = spawnSync(DEPCRUISE, [...paths, "--config", join(ROOT, ".dependency-cruiser.cjs"), "--output-type", "err"], { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the layers of scripts/", () => {
  test("the project keeps them (npm run lint:deps)", () => {
    const { status, output } = cruise(ROOT, ["scripts", "tests", ".eleventy.js", "vitest.config.ts"]);
    expect(output).toContain("no dependency violations found");
    expect(status).toBe(0);
  });

  const tree = mkdtempSync(join(tmpdir(), "layers-"));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const files: Record<string, string> = {
    "scripts/shared/text.ts": 'import { readProject } from "../project/read.ts";\nexport const text = () => readProject;\n',
    "scripts/project/read.ts": 'import { model } from "../site/index.ts";\nexport const readProject = () => model;\n',
    "scripts/site/index.ts": 'export { model } from "./model.ts";\n',
    "scripts/site/model.ts": 'import { rule } from "../check/rules.ts";\nimport { build } from "../build/pipeline.ts";\nexport const model = () => [rule, build];\n',
    "scripts/check/index.ts": 'export { rule } from "./rules.ts";\n',
    "scripts/check/rules.ts": 'import { again } from "./again.ts";\nexport const rule = () => again;\n',
    "scripts/check/again.ts": 'import { rule } from "./rules.ts";\nexport const again = () => rule;\n',
    "scripts/build/pipeline.ts": 'import { command } from "../command.ts";\nimport { pdfs } from "../render/pdfs.ts";\nexport const build = () => [command, pdfs];\n',
    "scripts/render/pdfs.ts": 'import { model } from "../site/model.ts";\nimport { build } from "../build/pipeline.ts";\nexport const pdfs = () => [model, build];\n',
    "scripts/command.ts":
      'import { text } from "./shared/text.ts";\nimport { model } from "./site/index.ts";\nimport { rule } from "./check/index.ts";\nexport const command = () => [text, model, rule];\n',
    "scripts/check/unused.ts": "export const nobody = 1;\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(tree, dirname(file)), { recursive: true });
    writeFileSync(join(tree, file), text);
  }
  copyFileSync(join(ROOT, "tsconfig.json"), join(tree, "tsconfig.json"));
  const { status, output } = cruise(tree, ["scripts"]);

  test.each([
    ["shared-is-the-bottom", "scripts/shared/text.ts → scripts/project/read.ts"],
    ["project-knows-no-view", "scripts/project/read.ts → scripts/site/index.ts"],
    ["a-view-uses-another-through-its-index", "scripts/site/model.ts → scripts/check/rules.ts"],
    ["views-stay-below-the-build", "scripts/site/model.ts → scripts/build/pipeline.ts"],
    ["the-build-is-not-a-command", "scripts/build/pipeline.ts → scripts/command.ts"],
    ["render-stays-below-the-build", "scripts/render/pdfs.ts → scripts/build/pipeline.ts"],
    ["render-uses-views-through-their-index", "scripts/render/pdfs.ts → scripts/site/model.ts"],
    ["no-orphans", "scripts/check/unused.ts"],
  ])("%s: refused, naming both files", (rule, place) => {
    expect(status).not.toBe(0);
    expect(output).toContain(`error ${rule}: ${place}`);
  });

  test("a cycle is refused, naming its modules", () => {
    expect(output).toMatch(/error no-circular: scripts\/check\/(rules|again)\.ts → \n\s+scripts\/check\/(again|rules)\.ts/);
  });
});
