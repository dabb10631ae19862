// npm run locale:mark: records that a translation now follows the current English section.
// It sets the translation's `source:` line to the English section's version and keeps the
// English text of that version in content/.versions/, so a later English edit can be shown
// to the translator word by word. Run by a person after updating a translation, never by CI.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../content/errors.ts";
import { parse as parseYaml } from "yaml";
import { parseSectionFile } from "../content/frontMatter.ts";
import { decodeText } from "../content/readText.ts";
import { loadSectionIds } from "../content/sections.ts";
import { loadCampaign } from "../site/campaign.ts";
import { checkSection, sourceSection } from "../check/sections.ts";
import { readBlocks } from "../project/blocks.ts";
import type { SectionDoc } from "../check/project.ts";
import { writeSnapshot } from "../check/sourceHistory.ts";
import { decodeExact, setFrontMatterLine } from "./frontMatterEdit.ts";

export type MarkOutcome =
  | { id: string; file: string; result: "marked" | "unchanged"; version: string; snapshot: string }
  | { id: string; file: string; result: "refused"; reason: string; hint: string };

/** Reads a section file exactly (for editing) and parsed (for checking). */
function readSection(root: string, file: string, id: string): { raw: string; doc: SectionDoc } {
  const bytes = readFileSync(join(root, file));
  const parsed = parseSectionFile(decodeText(bytes, file), file);
  return { raw: decodeExact(bytes), doc: { ...parsed, id, file, structure: readBlocks(parsed.body, parsed.bodyLine) } };
}

export function markSections(root: string, code: string, ids: string[] | "all"): MarkOutcome[] {
  const source = loadCampaign(root).sourceLocale;
  if (code === source) {
    throw new ContentError({ file: `content/${code}/` }, `"${code}" is the source locale: its sections are what the others translate`, "give the code of a translation, e.g. npm run locale:mark -- ar pledge");
  }
  if (!existsSync(join(root, "content", code))) {
    throw new ContentError({ file: `content/${code}/` }, `there is no content folder for "${code}"`, `check the locale code; a new locale starts with: npm run locale:new -- ${code}`);
  }
  const listed = loadSectionIds(join(root, "content"));
  const wanted = ids === "all" ? listed.filter((id) => existsSync(join(root, "content", code, `${id}.md`))) : ids;
  return wanted.map((id) => markSection(root, source, code, id, listed));
}

function markSection(root: string, source: string, code: string, id: string, listed: string[]): MarkOutcome {
  const file = `content/${code}/${id}.md`;
  const englishFile = `content/${source}/${id}.md`;
  const refuse = (reason: string, hint: string): MarkOutcome => ({ id, file, result: "refused", reason, hint });
  if (!listed.includes(id)) return refuse(`"${id}" is not a section of content/sections.yml`, `the sections are: ${listed.join(", ")}`);
  if (!existsSync(join(root, englishFile))) return refuse(`the English section ${englishFile} does not exist`, "restore it, or remove the id from content/sections.yml");
  if (!existsSync(join(root, file))) return refuse(`${file} does not exist`, `translate ${englishFile} into it first`);
  let english, translation;
  try {
    english = readSection(root, englishFile, id);
    translation = readSection(root, file, id);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return refuse(error.message, "fix the file first (npm run check shows every problem)");
  }
  const englishSection = sourceSection(english.doc);
  const version = englishSection.version;
  // Marking an untranslated copy would hide it: the check compares the text, not only the mark.
  const check = checkSection(englishSection, translation.doc, { code, complete: false, history: undefined });
  if (check.state === "untranslated") {
    return refuse(`${file} is still the English text`, `translate it first, then run npm run locale:mark -- ${code} ${id}`);
  }
  const snapshot = writeSnapshot(root, id, version, english.raw);
  const updated = setFrontMatterLine(translation.raw, "source", yamlText(version), file);
  if (updated === translation.raw) return { id, file, result: "unchanged", version, snapshot };
  // Never write a file the site would then refuse.
  const reparsed = parseSectionFile(decodeText(Buffer.from(updated, "utf8"), file), file);
  if (reparsed.frontMatter.source !== version || reparsed.body !== translation.doc.body) {
    return refuse(`could not set the source: line of ${file} safely`, "check its front matter by hand: one `key: value` per line between the --- lines");
  }
  writeFileSync(join(root, file), updated);
  return { id, file, result: "marked", version, snapshot };
}

/** The version as YAML text: bare, unless YAML would read it as a number (e.g. 1234567e8901). */
export function yamlText(version: string): string {
  return typeof parseYaml(version) === "string" ? version : `"${version}"`;
}
