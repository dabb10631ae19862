// What reading the project depends on, as paths a record of a whole run stamps (scripts/shared/
// runRecord.ts): campaign.yml, everything under content/ (sections.yml, documents.yml, the
// glossary, the snapshots in content/.versions/) and locales/, the print layouts documents.yml
// names, and, where the English's history comes from git, the git state that history is read
// from. Light on purpose: it loads no parser, so a replayed run loads none.
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { RunInput } from "../shared/runRecord.ts";

/** Where a document's layout template is, relative to the project. */
export const LAYOUTS_DIR = "templates/print";

/** The paths readProject() reads; with `gitHistory`, the git files `git rev-list HEAD` depends on too. */
export function projectInputs(root: string, { gitHistory }: { gitHistory: boolean }): RunInput[] {
  const inputs: RunInput[] = [{ path: join(root, "campaign.yml") }, { path: join(root, "content"), tree: true }, { path: join(root, "locales"), tree: true }, { path: join(root, LAYOUTS_DIR) }];
  return gitHistory ? [...inputs, ...gitInputs(root)] : inputs;
}

/**
 * The .git that git finds from the root (each folder up to it without one: a new repository
 * nearer the root shows), HEAD, the ref it points to, packed-refs and shallow (a worktree's HEAD
 * is its own, its refs the common ones), or the reftable. Commits are content-addressed: the
 * history of HEAD is known by HEAD's commit.
 */
function gitInputs(root: string): RunInput[] {
  const inputs: RunInput[] = [];
  for (let dir = root; ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    let gitDir: string | undefined;
    try {
      if (statSync(dotGit).isDirectory()) {
        // Its own listing changes with every lock file git makes: only that it is there counts.
        inputs.push({ path: dotGit, kindOnly: true });
        gitDir = dotGit;
      } else {
        inputs.push({ path: dotGit });
        gitDir = resolve(dir, readFileSync(dotGit, "utf8").replace(/^gitdir:\s*/, "").trim());
      }
    } catch {
      inputs.push({ path: dotGit });
    }
    if (gitDir !== undefined) return [...inputs, ...gitDirInputs(gitDir)];
    if (dirname(dir) === dir) return inputs;
  }
}

function gitDirInputs(gitDir: string): RunInput[] {
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8").trim();
    } catch {
      return undefined;
    }
  };
  const commonFile = join(gitDir, "commondir");
  const commonDir = resolve(gitDir, read(commonFile) ?? ".");
  const head = read(join(gitDir, "HEAD"));
  const ref = head?.startsWith("ref: ") ? head.slice(5) : undefined;
  return [
    { path: join(gitDir, "HEAD") },
    { path: commonFile },
    ...(ref ? [{ path: join(/^refs\/(worktree|bisect|rewritten)\//.test(ref) ? gitDir : commonDir, ref) }] : []),
    { path: join(commonDir, "packed-refs") },
    { path: join(commonDir, "shallow") },
    { path: join(commonDir, "reftable"), tree: true },
  ];
}
