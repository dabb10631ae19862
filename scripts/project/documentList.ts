// Reads content/documents.yml, the print kit: the papers, and the printed documents with their
// layout, the sections (whole, or their marked excerpts) each takes, its page rule and the
// outputs made on each paper. Every mistake names the file and line.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { ContentError } from "../shared/contentError.ts";
import { displayPath, readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";
import { LAYOUTS_DIR } from "./projectInputs.ts";
import { SECTION_ID } from "./sectionList.ts";

type Take = "all" | "excerpt" | "first-excerpt";
const TAKES: readonly Take[] = ["all", "excerpt", "first-excerpt"];

export interface DocumentPart {
  section: string;
  take: Take;
  /** Line in content/documents.yml, for messages. */
  line: number;
}

interface Paper {
  name: string;
  /** Finished size in millimetres. */
  width: number;
  height: number;
  line: number;
}

/** home: no bleed; press: bleed and crop marks; two-up: two copies on one home-printer sheet. */
export type Output = "home" | "press" | "two-up";
const OUTPUTS: readonly Output[] = ["home", "press", "two-up"];

interface DocumentSize {
  paper: Paper;
  outputs: Output[];
  /** For two-up: the sheet two copies share (A4 for A5). */
  sheet: Sheet | undefined;
  line: number;
}

export interface PrintDocument {
  id: string;
  /** templates/print/<layout>.njk */
  layout: string;
  parts: DocumentPart[];
  /** Page counts a finished document may have; anything else fails the build. */
  minPages: number;
  maxPages: number;
  /** UI string keys (locales/<code>/ui.json) of its name and of its PDFs' subject. */
  nameKey: string;
  subjectKey: string;
  sizes: DocumentSize[];
  line: number;
}

export interface DocumentPlan {
  papers: Paper[];
  documents: PrintDocument[];
}

export const DOCUMENTS_FILE = "documents.yml";
/** Templates there that are not document layouts. */
const NOT_LAYOUTS = new Set(["card"]);

export interface Sheet {
  name: string;
  width: number;
  height: number;
}
/** The sheets home printers take: a paper half of one of them can be printed two-up. */
export const HOME_SHEETS: readonly Sheet[] = [
  { name: "A4", width: 210, height: 297 },
  { name: "Letter", width: 215.9, height: 279.4 },
];

/** The home sheet a paper is half of (A5 → A4, half-letter → Letter), within half a millimetre. */
export function twoUpSheet(paper: { width: number; height: number }): Sheet | undefined {
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.5;
  return HOME_SHEETS.find((sheet) => near(paper.width, sheet.height / 2) && near(paper.height, sheet.width));
}

/** "fact-sheet" → "factSheet": the id as it appears in UI string keys. */
export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * `projectRoot`: shown paths are relative to it (default: the working directory); the layouts
 * are looked for in its templates/print/ unless `layoutsDir` says otherwise.
 */
export function loadDocumentPlan(contentDir: string, sectionIds: readonly string[], projectRoot?: string, layoutsDir = join(projectRoot ?? process.cwd(), LAYOUTS_DIR)): DocumentPlan {
  const path = join(contentDir, DOCUMENTS_FILE);
  const file = displayPath(path, projectRoot);
  const shape = "`papers:` (a list of { name, width, height } in mm) and `documents:` (a list of documents, each with id, layout, pages, parts and sizes)";
  if (!existsSync(path)) {
    throw new ContentError({ file }, "the list of printed documents is missing", `create it with ${shape}`);
  }
  const { doc, lineOf: nodeLine } = parseYaml(readText(path, projectRoot), file, "indent each entry by two spaces under the key that holds it");
  const lineOf = (node: unknown, fallback?: number) => nodeLine(node) ?? fallback;
  const fail = (line: number | undefined, problem: string, hint: string): never => {
    throw new ContentError({ file, line }, problem, hint);
  };
  const root = doc.contents;
  if (!isMap(root)) fail(lineOf(root), "must have two keys, papers and documents", `write ${shape}`);
  const map = root as YAMLMap;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "papers" && key !== "documents") fail(lineOf(pair.key), `unknown key "${key}"`, `the file has two keys: ${shape}`);
  }

  // Papers.
  const papersNode = map.get("papers", true);
  if (!isSeq(papersNode) || papersNode.items.length === 0) fail(lineOf(papersNode, 1), "`papers:` must list at least one paper", "e.g.  - { name: A4, width: 210, height: 297 }");
  const papers: Paper[] = [];
  for (const item of (papersNode as unknown as { items: unknown[] }).items) {
    const line = lineOf(item, 1)!;
    const hint = "a paper is { name: <name>, width: <mm>, height: <mm> }, e.g. { name: square-200, width: 200, height: 200 }";
    if (!isMap(item)) fail(line, "a paper must have a name, a width and a height", hint);
    const value = (item as YAMLMap).toJSON() as Record<string, unknown>;
    for (const name of Object.keys(value)) if (!["name", "width", "height"].includes(name)) fail(line, `unknown key "${name}" in a paper`, hint);
    const name = value.name;
    if (typeof name !== "string" && typeof name !== "number") fail(line, "a paper has no name", hint);
    for (const side of ["width", "height"] as const) {
      const mm = value[side];
      if (typeof mm !== "number" || !(mm >= 10 && mm <= 2000))
        fail(line, `the paper "${String(name)}" has no usable ${side} (${String(mm)})`, `give the ${side} in millimetres, a number from 10 to 2000`);
    }
    if (papers.some((p) => p.name.toLowerCase() === String(name).toLowerCase())) fail(line, `the paper "${String(name)}" is listed twice`, "give each paper its own name");
    papers.push({ name: String(name), width: value.width as number, height: value.height as number, line });
  }
  const paperNames = papers.map((p) => p.name).join(", ");

  // Documents.
  const documentsNode = map.get("documents", true);
  if (!isSeq(documentsNode) || documentsNode.items.length === 0) fail(lineOf(documentsNode, 1), "`documents:` must list at least one document", `write ${shape}`);
  const documents: PrintDocument[] = [];
  for (const item of (documentsNode as unknown as { items: unknown[] }).items) {
    const line = lineOf(item, 1)!;
    if (!isMap(item)) fail(line, "a document must be a map with id, layout, pages, parts and sizes", "start it with  - id: <document-id>");
    const entry = item as YAMLMap;
    const value = entry.toJSON() as Record<string, unknown>;
    const lineOfKey = (key: string) => lineOf(entry.get(key, true), line)!;
    const known = ["id", "layout", "pages", "parts", "sizes", "name", "subject"];
    for (const key of Object.keys(value)) if (!known.includes(key)) fail(lineOfKey(key), `unknown key "${key}" in a document`, `a document has: ${known.join(", ")}`);

    const id = value.id;
    if (typeof id !== "string" || !SECTION_ID.test(id))
      fail(lineOfKey("id"), `"${String(id)}" is not a valid document id`, "use lower-case letters a-z, digits and single hyphens: it becomes the PDF's file name (e.g. poster → poster.pdf)");
    if (documents.some((d) => d.id === id)) fail(lineOfKey("id"), `the document "${String(id)}" is declared twice`, "give each document its own id");

    const layout = value.layout;
    const layouts = () => availableLayouts(layoutsDir).join(", ");
    if (typeof layout !== "string" || !SECTION_ID.test(layout) || NOT_LAYOUTS.has(layout) || !existsSync(join(layoutsDir, `${layout}.njk`))) {
      fail(lineOfKey("layout"), `"${String(layout)}" is not a layout: there is no ${LAYOUTS_DIR}/${String(layout)}.njk`, `use one of: ${layouts()}, or add the template`);
    }

    const { min, max } = pageRule(value.pages, (problem) => fail(lineOfKey("pages"), problem, "write the pages a document may have: a number (pages: 2) or a range (pages: 2-4), at least 1"));

    const parts = readParts(entry.get("parts", true), lineOfKey("parts"), String(id), sectionIds, lineOf, fail);

    for (const key of ["name", "subject"] as const) {
      if (value[key] !== undefined && (typeof value[key] !== "string" || !/^[A-Za-z0-9_.-]+$/.test(value[key] as string))) {
        fail(
          lineOfKey(key),
          `${key} must be a UI string key, not "${String(value[key])}"`,
          `e.g. ${key}: print.${camelCase(String(id))}${key === "subject" ? "Subject" : ""} (a key of locales/<code>/ui.json)`,
        );
      }
    }

    const sizesNode = entry.get("sizes", true);
    const sizesHint = "map each paper to its outputs, e.g.  A5: [home, two-up, press]";
    if (!isMap(sizesNode) || sizesNode.items.length === 0) fail(lineOfKey("sizes"), `"${String(id)}" must have at least one size`, sizesHint);
    const sizes: DocumentSize[] = [];
    for (const pair of (sizesNode as unknown as YAMLMap).items) {
      const sizeLine = lineOf(pair.key, line)!;
      const name = isScalar(pair.key) ? String(pair.key.value) : "";
      const paper = papers.find((p) => p.name === name);
      if (!paper) fail(sizeLine, `unknown paper "${name}"`, `use a paper of the papers: list (${paperNames}), or add it there`);
      if (sizes.some((s) => s.paper === paper)) fail(sizeLine, `the paper "${name}" is listed twice in "${String(id)}"`, "list each paper once per document");
      const list = isSeq(pair.value) ? (pair.value.toJSON() as unknown[]) : [];
      if (list.length === 0) fail(sizeLine, `"${String(id)}" on ${name} makes no output`, `list its outputs: ${OUTPUTS.join(", ")}, e.g.  ${name}: [home, press]`);
      const outputs: Output[] = [];
      for (const output of list) {
        if (!(OUTPUTS as readonly unknown[]).includes(output))
          fail(sizeLine, `"${String(output)}" is not an output`, `the outputs are: home (no bleed), press (bleed and crop marks), two-up (two copies on one home-printer sheet)`);
        if (outputs.includes(output as Output)) fail(sizeLine, `the output "${String(output)}" is listed twice`, "list each output once");
        outputs.push(output as Output);
      }
      const sheet = twoUpSheet(paper!);
      if (outputs.includes("two-up") && !sheet) {
        fail(
          sizeLine,
          `two-up is only for a paper that is half a common sheet; ${name} (${paper!.width} × ${paper!.height} mm) is not`,
          `two-up prints two copies on one ${HOME_SHEETS.map((s) => `${s.name} (a paper of ${s.height / 2} × ${s.width} mm)`).join(" or ")} sheet: remove two-up from ${name}`,
        );
      }
      sizes.push({ paper: paper!, outputs, sheet: outputs.includes("two-up") ? sheet : undefined, line: sizeLine });
    }

    const camel = camelCase(String(id));
    documents.push({
      id: String(id),
      layout: String(layout),
      parts,
      minPages: min,
      maxPages: max,
      nameKey: (value.name as string | undefined) ?? `print.${camel}`,
      subjectKey: (value.subject as string | undefined) ?? `print.${camel}Subject`,
      sizes,
      line,
    });
  }
  return { papers, documents };
}

/** `pages: 2` or `pages: 2-4`, at least one page, the smaller number first. */
function pageRule(value: unknown, fail: (problem: string) => never): { min: number; max: number } {
  const text = String(value ?? "").trim();
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(text);
  if (!match) return fail(value === undefined ? "the page rule is missing" : `"${text}" is not a page rule`);
  const min = Number(match[1]);
  const max = Number(match[2] ?? match[1]);
  if (min < 1) return fail(`"${text}" is not a page rule: a document has at least 1 page`);
  if (max < min) return fail(`"${text}" is not a page rule: ${max} is fewer than ${min} (write the smaller number first)`);
  return { min, max };
}

function readParts(
  list: unknown,
  line: number,
  id: string,
  sectionIds: readonly string[],
  lineOf: (node: unknown, fallback?: number) => number | undefined,
  fail: (line: number | undefined, problem: string, hint: string) => never,
): DocumentPart[] {
  if (!isSeq(list) || list.items.length === 0) {
    fail(line, `"${id}" must list at least one section under parts:`, "write its parts as `- section: <id>` lines, each followed by `take: all`, `take: excerpt` or `take: first-excerpt`");
  }
  const parts: DocumentPart[] = [];
  for (const item of (list as { items: unknown[] }).items) {
    const partLine = lineOf(item, line)!;
    if (!isMap(item)) fail(partLine, "a part must have a `section:` and a `take:`", "e.g.  - section: pledge\n        take: excerpt");
    const map = item as YAMLMap;
    const value = map.toJSON() as Record<string, unknown>;
    for (const name of Object.keys(value)) {
      if (name !== "section" && name !== "take") fail(partLine, `unknown key "${name}"`, "a part has only `section:` and `take:`");
    }
    const lineOfKey = (key: string) => lineOf(map.get(key, true), partLine);
    const section = value.section;
    if (typeof section !== "string" || !sectionIds.includes(section)) {
      fail(lineOfKey("section"), `"${String(section)}" is not a section`, `use a section id from content/sections.yml: ${sectionIds.join(", ")}`);
    }
    const take = value.take ?? "all";
    if (!(TAKES as readonly unknown[]).includes(take)) {
      fail(
        lineOfKey("take"),
        `take must be "all", "excerpt" or "first-excerpt", not "${String(take)}"`,
        "all prints the whole section; excerpt prints only its ::: excerpt blocks; first-excerpt the first of them",
      );
    }
    if (parts.some((p) => p.section === section)) fail(partLine, `the section "${String(section)}" is listed twice in "${id}"`, "list each section once per document");
    parts.push({ section: section as string, take: take as Take, line: partLine });
  }
  return parts;
}

function availableLayouts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".njk"))
    .map((name) => name.slice(0, -4))
    .filter((name) => !NOT_LAYOUTS.has(name))
    .toSorted();
}
