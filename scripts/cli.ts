// Shared by the command-line entry points: clear messages for mistakes a person can fix,
// stack traces only with --debug.
import { ContentError } from "./content/errors.ts";
import { BrowserNotFoundError } from "./browser/chromium.ts";

/** The first error in the cause chain that a person can act on (Eleventy wraps errors). */
export function actionableError(error: unknown): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof ContentError || current instanceof BrowserNotFoundError || current.name === "ContentError") return current;
    const next = (current as { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  return undefined;
}

export function reportFailure(error: unknown, what: string, debug = process.argv.includes("--debug")): never {
  const actionable = actionableError(error);
  if (actionable) {
    console.error(`\n✗ ${what} failed:\n${actionable.message}\n`);
  } else {
    console.error(`\n✗ ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!debug) console.error("  (run again with --debug for the full details)\n");
  }
  if (debug && error instanceof Error) console.error(error.stack);
  process.exit(1);
}
