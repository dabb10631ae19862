// The reader's code (this folder's and shared/'s modules, the YAML parser) as one hash: what the
// reader keeps in .cache/ (a parsed glossary, each section file's front matter) is kept under it.
import { join, resolve } from "node:path";
import { codeIdentity } from "../shared/contentCache.ts";

const CODE_ROOT = resolve(import.meta.dirname, "..", "..");
let identity: string | undefined;

/** Hashed once per process. */
export function readerIdentity(): string {
  identity ??= codeIdentity({ root: CODE_ROOT, folders: ["project", "shared"].map((f) => join(CODE_ROOT, "scripts", f)), packages: ["yaml"] });
  return identity;
}
