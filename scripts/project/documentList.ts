// Reads content/documents.yml: the sections (whole, or their marked excerpts) that each
// printed document takes. Every mistake names the file and line.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { ContentError } from "../shared/contentError.ts";
import { displayPath, readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";

/** The printed documents the campaign has (print/variants.ts gives each its paper and rules). */
export const DOCUMENT_IDS = ["leaflet", "fact-sheet"] as const;
export type DocumentId = (typeof DOCUMENT_IDS)[number];

type Take = "all" | "excerpt";

export interface DocumentPart {
  section: string;
  take: Take;
  /** Line in content/documents.yml, for messages. */
  line: number;
}

export type DocumentPlan = Record<DocumentId, DocumentPart[]>;

export const DOCUMENTS_FILE = "documents.yml";

/** `projectRoot`: shown paths are relative to it (default: the working directory). */
export function loadDocumentPlan(contentDir: string, sectionIds: readonly string[], projectRoot?: string): DocumentPlan {
  const path = join(contentDir, DOCUMENTS_FILE);
  const file = displayPath(path, projectRoot);
  if (!existsSync(path)) {
    throw new ContentError(
      { file },
      "the list of printed documents is missing",
      `create it with one entry per document (${DOCUMENT_IDS.join(", ")}), each a list of "- section: <id>" and "take: all" or "take: excerpt"`,
    );
  }
  const { doc, lineAt } = parseYaml(readText(path, projectRoot), file, "indent the parts of a document by two spaces under its name");
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineAt(node.range[0]) : undefined);
  const root = doc.contents;
  if (!isMap(root)) {
    throw new ContentError({ file, line: lineOf(root as Node | null) }, "must map each document name to its list of sections", `the documents are: ${DOCUMENT_IDS.join(", ")}`);
  }
  const plan: Partial<DocumentPlan> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const keyLine = lineOf(pair.key as Node);
    if (!(DOCUMENT_IDS as readonly string[]).includes(key)) {
      throw new ContentError({ file, line: keyLine }, `unknown document "${key}"`, `the documents are: ${DOCUMENT_IDS.join(", ")}`);
    }
    const list = pair.value;
    if (!isSeq(list) || list.items.length === 0) {
      throw new ContentError({ file, line: keyLine }, `"${key}" must list at least one section`, "write its parts as `- section: <id>` lines, each followed by `take: all` or `take: excerpt`");
    }
    const parts: DocumentPart[] = [];
    for (const item of list.items) {
      const line = lineOf(item as Node) ?? keyLine ?? 1;
      if (!isMap(item)) {
        throw new ContentError({ file, line }, "a part must have a `section:` and a `take:`", "e.g.  - section: pledge\n        take: excerpt");
      }
      const value = item.toJSON() as Record<string, unknown>;
      for (const name of Object.keys(value)) {
        if (name !== "section" && name !== "take") throw new ContentError({ file, line }, `unknown key "${name}"`, "a part has only `section:` and `take:`");
      }
      const lineOfKey = (key: string) => lineOf(item.get(key, true) as Node | undefined) ?? line;
      const section = value.section;
      if (typeof section !== "string" || !sectionIds.includes(section)) {
        throw new ContentError({ file, line: lineOfKey("section") }, `"${String(section)}" is not a section`, `use a section id from content/sections.yml: ${sectionIds.join(", ")}`);
      }
      const take = value.take ?? "all";
      if (take !== "all" && take !== "excerpt") {
        throw new ContentError({ file, line: lineOfKey("take") }, `take must be "all" or "excerpt", not "${String(take)}"`, "all prints the whole section; excerpt prints only its ::: excerpt blocks");
      }
      if (parts.some((p) => p.section === section)) {
        throw new ContentError({ file, line }, `the section "${section}" is listed twice in "${key}"`, "list each section once per document");
      }
      parts.push({ section, take, line });
    }
    plan[key as DocumentId] = parts;
  }
  for (const id of DOCUMENT_IDS) {
    if (!plan[id]) throw new ContentError({ file }, `the document "${id}" is missing`, `add "${id}:" with its list of sections`);
  }
  return plan as DocumentPlan;
}
