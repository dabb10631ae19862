// The translators' check fixtures (tests/fixtures/check-*): tiny projects, one per kind of problem.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import type { Problem } from "../../scripts/check/types.ts";
import { ROOT } from "../helpers/site.ts";
import { treeFingerprint } from "../helpers/tree.ts";

export const fixture = (name: string) => join(ROOT, "tests", "fixtures", `check-${name}`);

export function check(name: string, options: Parameters<typeof checkLocales>[1] = {}) {
  return checkLocales(fixture(name), { diffs: false, ...options });
}

/** The problem fields a test compares: where, how bad, what kind. */
export const brief = (p: Problem) => ({ locale: p.locale, file: p.file, line: p.line, severity: p.severity, kind: p.kind });

/** A throwaway copy of a fixture that a test may change; commands run in it find node_modules. */
export function copyFixture(name: string): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), `check-${name}-`));
  cpSync(fixture(name), root, { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file under content/ and locales/ with a hash of its bytes, keyed by its project path. */
export function projectFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ["content", "locales"]) {
    for (const [file, hash] of treeFingerprint(join(root, folder))) files.set(`${folder}/${file}`, hash);
  }
  return files;
}
