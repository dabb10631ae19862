// npm run locale:mark: records that a translation now follows the current English section.
// It sets the translation's `source:` line to the English section's version and keeps the
// English text of that version in content/.versions/, so a later English edit can be shown
// to the translator word by word. Run by a person after updating a translation, never by CI.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { problemAsError } from "../project/problems.ts";
import { checkBlocks } from "../check/index.ts";
import type { Expansion } from "../project/expansion.ts";
import { readProject, stopOnProblemIn, type Project, type ProjectLocale, type Section } from "../project/readProject.ts";
import { parseSectionFile } from "../project/sectionFile.ts";
import { SECTIONS_FILE } from "../project/sectionList.ts";
import { writeSnapshot } from "../project/sourceHistory.ts";
import { translationState, type SectionState } from "../project/translationState.ts";
import { ContentError } from "../shared/contentError.ts";
import { decodeText } from "../shared/readText.ts";
import { decodeExact, setFrontMatterLine, yamlScalar } from "./frontMatterEdit.ts";

export type MarkOutcome =
  /** `differences`: places where the translation's blocks stop matching the English (the check names them). */
  { id: string; file: string; result: "marked" | "unchanged"; version: string; snapshot: string; differences: number } | { id: string; file: string; result: "refused"; reason: string; hint: string };

export function markSections(root: string, code: string, ids: string[] | "all"): MarkOutcome[] {
  const project = readProject(root);
  stopOnProblemIn(project, "campaign.yml", SECTIONS_FILE);
  const source = project.campaign.sourceLocale;
  if (code === source) {
    throw new ContentError(
      { file: `content/${code}/` },
      `"${code}" is the source locale: its sections are what the others translate`,
      "give the code of a translation, e.g. npm run locale:mark -- ar pledge",
    );
  }
  if (!existsSync(join(root, "content", code))) {
    throw new ContentError({ file: `content/${code}/` }, `there is no content folder for "${code}"`, `check the locale code; a new locale starts with: npm run locale:new -- ${code}`);
  }
  const listed = project.sectionIds;
  const wanted = ids === "all" ? listed.filter((id) => existsSync(join(root, "content", code, `${id}.md`))) : ids;
  return wanted.map((id) => markSection(project, code, id));
}

function markSection(project: Project, code: string, id: string): MarkOutcome {
  const { root, sectionIds: listed } = project;
  const source = project.campaign.sourceLocale;
  const file = `content/${code}/${id}.md`;
  const englishFile = `content/${source}/${id}.md`;
  const refuse = (reason: string, hint: string): MarkOutcome => ({ id, file, result: "refused", reason, hint });
  if (!listed.includes(id)) return refuse(`"${id}" is not a section of content/sections.yml`, `the sections are: ${listed.join(", ")}`);
  if (!existsSync(join(root, englishFile))) return refuse(`the English section ${englishFile} does not exist`, "restore it, or remove the id from content/sections.yml");
  if (!existsSync(join(root, file))) return refuse(`${file} does not exist`, `translate ${englishFile} into it first`);
  let english: Section, translation: Section;
  try {
    english = sectionOf(project, source, id);
    translation = sectionOf(project, code, id);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return refuse(error.message, "fix the file first (npm run check shows every problem)");
  }
  const version = english.version;
  const state = translationState(project).section(code, id)!;
  // Marking an untranslated copy would hide it: the check compares the text, not only the mark.
  if (state.kind === "untranslated") {
    return refuse(`${file} is still the English text`, `translate it first, then run npm run locale:mark -- ${code} ${id}`);
  }
  // The exact bytes, for a snapshot of the English and an edit that changes one line only.
  const raw = { english: decodeExact(readFileSync(join(root, englishFile))), translation: decodeExact(readFileSync(join(root, file))) };
  const snapshot = writeSnapshot(root, id, version, raw.english);
  // Marked all the same: the mark records which English it follows, and the check keeps naming what differs.
  const differences = blockDifferences(state, translation, localeOf(project, code)!.expansion);
  const updated = setFrontMatterLine(raw.translation, "source", yamlScalar(version), file);
  if (updated === raw.translation) return { id, file, result: "unchanged", version, snapshot, differences };
  // Never write a file the site would then refuse.
  const reparsed = parseSectionFile(decodeText(Buffer.from(updated, "utf8"), file), file);
  if (reparsed.frontMatter.source !== version || reparsed.body !== translation.body) {
    return refuse(`could not set the source: line of ${file} safely`, "check its front matter by hand: one `key: value` per line between the --- lines");
  }
  writeFileSync(join(root, file), updated);
  return { id, file, result: "marked", version, snapshot, differences };
}

/** The check's markup and structure problems of a translation held to the current English, counted. */
function blockDifferences(state: SectionState, translation: Section, expansion: Expansion): number {
  let count = 0;
  const { reference, alignment } = state.currentEnglish;
  checkBlocks(reference, alignment, translation, expansion, (kind) => {
    if (kind === "markup" || kind === "structure" || kind === "added-structure") count++;
  });
  return count;
}

function localeOf(project: Project, code: string): ProjectLocale | undefined {
  return project.locales.find((l) => l.code === code);
}

/** A section of the project, or the reader's error for its file. */
function sectionOf(project: Project, code: string, id: string): Section {
  const locale = localeOf(project, code);
  const section = locale?.sections.get(id);
  if (section) return section;
  const file = `content/${code}/${id}.md`;
  const problem = locale?.problems.find((p) => p.file === file);
  throw problem ? problemAsError(problem) : new ContentError({ file }, "the file could not be read", "check that it exists and is readable");
}
