// A throwaway copy of the project (content, locales, campaign.yml copied; code linked)
// that a test may break or extend without touching the real files.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./site.ts";
import { CAMPAIGN_FILES, linkCode } from "../../scripts/bench/projectFiles.ts";

export interface ProjectCopy {
  root: string;
  write(path: string, content: string | Uint8Array): void;
  remove(): void;
}

export function copyProject({ copyTemplates = false } = {}): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), "pledge-project-"));
  const copiedFolders: string[] = [...CAMPAIGN_FILES, ...(copyTemplates ? ["templates"] : [])];
  linkCode(ROOT, root, copiedFolders);
  for (const copied of copiedFolders) {
    cpSync(join(ROOT, copied), join(root, copied), { recursive: true });
  }
  return {
    root,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
