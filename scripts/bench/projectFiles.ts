// A project copy for a benchmark or a test: the campaign's own files copied (or generated), the
// code linked to this checkout, so a copy runs exactly the code under test.
import { symlinkSync } from "node:fs";
import { join } from "node:path";

/** What a campaign writes: a copy may change these. */
export const CAMPAIGN_FILES = ["content", "locales", "campaign.yml"] as const;
/** The project's code, templates and packages: linked, never changed by a copy. */
const CODE_FILES = ["templates", "scripts", "node_modules", ".eleventy.js", "package.json", "tsconfig.json", ".puppeteerrc.cjs"] as const;

/** Links the code of `from` into the copy at `to`, except what the copy has of its own. */
export function linkCode(from: string, to: string, except: readonly string[] = []): void {
  for (const name of CODE_FILES) if (!except.includes(name)) symlinkSync(join(from, name), join(to, name));
}
