// Shared by the command-line entry points: clear messages for mistakes a person can fix,
// stack traces only with --debug.
import { ContentError } from "./shared/contentError.ts";
import { BrowserNotFoundError } from "./shared/chromium.ts";
import { printable } from "./shared/printable.ts";

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

/** The messages along an error's cause chain, outermost first, without repeats. */
export function errorChain(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !messages.includes(message)) messages.push(message);
    current = current instanceof Error ? ((current as { originalError?: unknown }).originalError ?? current.cause) : undefined;
  }
  return messages;
}

export const isDebug = () => process.argv.includes("--debug");

/** A mistake in the command line (node:util parseArgs) gets the usage line and exit code 2; anything else is reportFailure's. */
export function reportCommandFailure(error: unknown, what: string, usage: string): never {
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`✗ ${error.message}\n  ${usage}`);
    process.exit(2);
  }
  reportFailure(error, what);
}

export function reportFailure(error: unknown, what: string, debug = isDebug()): never {
  const actionable = actionableError(error);
  if (actionable) {
    // A content error may quote the file: nothing in it may drive the terminal.
    console.error(printable(`\n✗ ${what} failed:\n${actionable.message}\n`));
  } else {
    // Template and script problems: Eleventy names the template and the missing or broken file.
    const chain = errorChain(error);
    console.error(printable(`\n✗ ${what} failed:\n${chain.map((m) => `  ${m}`).join("\n")}`));
    if (chain.some((m) => /\.(?:njk|md|json|ya?ml|ts|css)\b/.test(m))) {
      console.error("  → fix or restore the file named above (a deleted file comes back with: git checkout -- <file>)");
    }
    if (!debug) console.error("  (run again with --debug for the full details)\n");
  }
  if (debug && error instanceof Error) console.error(error.stack);
  process.exit(1);
}
