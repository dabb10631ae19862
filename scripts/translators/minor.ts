// npm run locale:mark -- --minor <section>: an editor records that the current English change
// to a section needs no new translation (a typo, a punctuation fix). Every translation made from
// the English version just before this one moves to the current version; translations already
// made from an older version stay stale, so their translators still see everything since.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../shared/contentError.ts";
import { problemAsError } from "../project/problems.ts";
import { readProject, stopOnProblemIn, type ProjectLocale, type Section } from "../project/readProject.ts";
import { parseSectionFile } from "../project/sectionFile.ts";
import { SECTIONS_FILE } from "../project/sectionList.ts";
import { decodeText } from "../shared/readText.ts";
import { writeSnapshot, type SectionText } from "../project/sourceHistory.ts";
import { translationState } from "../project/translationState.ts";
import { alignBlocks } from "../project/align.ts";
import { readBlocks } from "../project/blocks.ts";
import { isSmallChange, wordDiff } from "../project/wordDiff.ts";
import type { StaleDiff } from "../project/wordDiff.ts";
import { decodeExact, setFrontMatterLine, yamlScalar } from "./frontMatterEdit.ts";

interface MinorTranslation {
  file: string;
  /** moved: now follows the current English; current: already did; stale: made from an older version, left alone. */
  result: "moved" | "current" | "stale" | "unmarked";
  source: string | undefined;
}

export interface MinorOutcome {
  id: string;
  englishFile: string;
  previous: string;
  current: string;
  /** Where the previous English text was found. */
  previousFrom: "git" | "snapshot" | "--from";
  diff: StaleDiff;
  /** Why the change is more than a typo fix (undefined: it is one); `structure`: blocks were added or removed, which no translation can skip. */
  notMinor: { reason: string; structure: boolean } | undefined;
  translations: MinorTranslation[];
  /** Writes the moved translations' source: lines (and the current English snapshot). Call after showing the diff. */
  apply(): void;
}

export interface MinorOptions {
  /** The previous English version, when git cannot tell (a shallow clone, an export without history). */
  from?: string | undefined;
}

export function planMinorChange(root: string, id: string, options: MinorOptions = {}): MinorOutcome {
  const project = readProject(root);
  stopOnProblemIn(project, "campaign.yml", SECTIONS_FILE);
  const source = project.campaign.sourceLocale;
  const listed = project.sectionIds;
  const englishFile = `content/${source}/${id}.md`;
  if (!listed.includes(id)) {
    throw new ContentError({ file: "content/sections.yml" }, `"${id}" is not a section of content/sections.yml`, `the sections are: ${listed.join(", ")}`);
  }
  const english = sectionOf(project.locales[0]!, id);
  if (!english) throw new ContentError({ file: englishFile }, `the section "${id}" is listed in ${SECTIONS_FILE} but has no file`, `create the file, or remove the id from ${SECTIONS_FILE}`);
  const current = english.version;

  const states = translationState(project);
  const history = states.history;
  let previous: string;
  let previousText: SectionText;
  let previousFrom: MinorOutcome["previousFrom"];
  if (options.from) {
    const found = history.find(id, options.from);
    if (!("text" in found)) {
      throw new ContentError(
        { file: englishFile },
        `the English version ${options.from} given with --from cannot be found: ${found.reason}`,
        "give a version a translation's source: line names, or run the command in a full git clone",
      );
    }
    previous = options.from;
    previousText = found.text;
    previousFrom = "--from";
  } else {
    // The newest version in git that is not the current text: the one the editor just changed.
    const versions = history.versionsInGit(id);
    const before = typeof versions === "string" ? undefined : [...versions].find(([version]) => version !== current);
    if (!before) {
      throw new ContentError(
        { file: englishFile },
        typeof versions === "string" ? `cannot tell which English version came before this one: ${versions}` : "the git history has no earlier English version of this section to compare with",
        `name it: npm run locale:mark -- --minor ${id} --from <version> (a translation's source: line shows the version it was made from)`,
      );
    }
    [previous, previousText] = before;
    previousFrom = "git";
  }
  if (previous === current) {
    throw new ContentError(
      { file: englishFile },
      `--from ${previous} is the current English version: there is no change to mark`,
      "edit the English first, or give the version it had before the edit",
    );
  }

  const translations: MinorTranslation[] = [];
  const toMove: { file: string; raw: string; body: string }[] = [];
  for (const locale of project.locales.slice(1)) {
    const translation = sectionOf(locale, id);
    if (!translation) continue;
    const file = translation.file;
    const made = translation.source;
    if (made === previous) {
      // The exact bytes, for an edit that changes the source: line only.
      toMove.push({ file, raw: decodeExact(readFileSync(join(root, file))), body: translation.body });
      translations.push({ file, result: "moved", source: made });
    } else {
      const mark = states.section(locale.code, id)!.mark;
      translations.push({ file, result: mark === "current" ? "current" : mark === "none" ? "unmarked" : "stale", source: made });
    }
  }
  // Every file is checked before any is written: all move, or none.
  const updates = toMove.map(({ file, raw, body }) => {
    const updated = setFrontMatterLine(raw, "source", yamlScalar(current), file);
    const reparsed = parseSectionFile(decodeText(Buffer.from(updated, "utf8"), file), file);
    if (reparsed.frontMatter.source !== current || reparsed.body !== body) {
      throw new ContentError({ file }, "could not set the source: line safely", "check its front matter by hand: one `key: value` per line between the --- lines; nothing was changed");
    }
    return { file, updated };
  });
  const apply = () => {
    if (updates.length > 0) writeSnapshot(root, id, current, decodeExact(readFileSync(join(root, englishFile))));
    for (const { file, updated } of updates) writeFileSync(join(root, file), updated);
  };
  const diff = wordDiff(previousText, english, previousFrom === "git" ? "git" : "snapshot");
  return { id, englishFile, previous, current, previousFrom, diff, notMinor: notMinor(previousText, english, diff), translations, apply };
}

/** Why moving the translations to this English would hide work from their translators, if it would. */
function notMinor(previous: SectionText, current: Section, diff: StaleDiff): MinorOutcome["notMinor"] {
  // A translation that follows the previous English has its blocks: aligned with the current ones as the check aligns them, any divergence is work for it.
  const diverges = alignBlocks(current.structure.blocks, readBlocks(previous.body, 1).blocks).divergences.length > 0;
  if (diverges || (previous.kicker === undefined) !== (current.kicker === undefined)) {
    return { reason: "it adds or removes blocks (a heading, paragraph, list item or quotation): every translation must follow it", structure: true };
  }
  if (isSmallChange(diff)) return undefined;
  return { reason: "it changes more than a few words (a typo or punctuation fix changes at most 3 places of at most 2 words each): translators should see it", structure: false };
}

/** The locale's section, undefined when it has no file, or the reader's error for a file that does not parse. */
function sectionOf(locale: ProjectLocale, id: string): Section | undefined {
  const section = locale.sections.get(id);
  if (section || !locale.brokenSections.has(id)) return section;
  const problem = locale.problems.find((p) => p.file === `content/${locale.code}/${id}.md`);
  throw problem ? problemAsError(problem) : new ContentError({ file: `content/${locale.code}/${id}.md` }, "the file could not be read", "check that it exists and is readable");
}
