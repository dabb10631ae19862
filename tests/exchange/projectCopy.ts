// A throwaway copy of the project for one exchange test, removed after it, with the readers
// the export/import tests share: a file's text, and a fingerprint of content/ and locales/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { treeFingerprint } from "../helpers/tree.ts";

export function useProjectCopy() {
  let project: ProjectCopy | undefined;
  afterEach(() => project?.remove());
  return () => {
    project = copyProject();
    const root = project.root;
    const read = (file: string) => readFileSync(join(root, file), "utf8");
    const fingerprint = () => [...treeFingerprint(join(root, "content")), ...treeFingerprint(join(root, "locales"))];
    return { root, read, fingerprint, write: project.write };
  };
}
