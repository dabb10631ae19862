// Markdown outside the content model, in the English: the renderer (scripts/shared/markdown.ts)
// escapes HTML and has images, tables, setext headings, rules and reference links off, and makes
// a link only to a web address or a page of the site, so readers would see such markdown as text.
// The block reader reads it as text too: nothing else in the check says so. A warning (an English
// edit always publishes), at the line, with what to write instead.
import { isTextBlock, type Block } from "../project/blocks.ts";
import type { Section } from "../project/readProject.ts";
import { isSafeLink } from "../shared/markdown.ts";
import { addedTags, tagList } from "./blockRules.ts";

interface ShownAsText {
  line: number;
  message: string;
  hint: string;
}

const IMAGE = /!\[[^\]\n]*\]\(/;
const TABLE_ROW = /^\|.*\|[ \t]*$/m;
const UNDERLINE = /\n((?:-{2,}|=+))[ \t]*(?=\n|$)/;
const RULE = /^([*_-])(?:[ \t]*\1){2,}[ \t]*$/m;
/** `[text][label]`, unless the first brackets hold a citation marker ([78 A][79 B] are two markers). */
const REFERENCE_LINK = /\[(?![\d]|A-HRC)([^\]\n]+)\]\[[^\]\n]*\]/;
const DEFINITION = /^\[[^\]\n]+\]:[ \t]*\S/m;
const WRITTEN_LINK = /\]\(<?([^)>\s]+)/g;
/** What any of the patterns above needs (a tag's <, ![, a |, a second line, ][, ]:, ]( or a rule's first sign): most blocks hold none, and are looked at no further. */
const MAY_HOLD = /[<|\n]|!\[|\][[:(]|^[*_-]/;
/** Heading levels the site's sections use (the page title is the one level-1 heading). */
const LEVELS = "write ## for a part of the section, ### for a part of that";

export function shownAsText(doc: Section): ShownAsText[] {
  const found: ShownAsText[] = [];
  for (const block of doc.structure.blocks) {
    if (!isTextBlock(block)) continue;
    if (block.kind === "heading" && (block.level === 1 || block.level >= 4)) {
      found.push({
        line: block.line,
        message: block.level === 1 ? "this heading has one # sign: the page's title is its only level-1 heading" : `this heading has ${block.level} # signs: the site's sections use ## and ###`,
        hint: LEVELS,
      });
    }
    if (MAY_HOLD.test(block.markdown)) found.push(...inBlock(block, `/${doc.locale}/${doc.id}/`));
  }
  return found;
}

/** `page`: the section's own page address, as an example of a link the site makes. */
function inBlock(block: Block, page: string): ShownAsText[] {
  const { markdown } = block;
  const found: ShownAsText[] = [];
  /** The file line of a place in the block's markdown (its lines are the file's, one for one). */
  const lineAt = (index: number) => block.line + (markdown.slice(0, index).match(/\n/g)?.length ?? 0);
  const add = (match: RegExpExecArray | null, message: (m: RegExpExecArray) => string, hint: (m: RegExpExecArray) => string, at = 0) => {
    if (match) found.push({ line: lineAt(match.index + at), message: message(match), hint: hint(match) });
  };
  const tags = addedTags("", markdown);
  if (tags.length > 0) {
    found.push({
      line: lineAt(markdown.indexOf(tags[0]!)),
      message: `the page shows ${tagList(tags).tags} as text (the site writes no HTML from the content)`,
      hint: "write **bold** for emphasis, or leave the tags out",
    });
  }
  add(
    IMAGE.exec(markdown),
    () => "the page shows the image as text (“!” and a link): the site shows no images from the content",
    () => "remove the ! to keep it a link, or remove the image",
  );
  add(
    TABLE_ROW.exec(markdown),
    () => "the page shows this table as text, with its | signs: the site has no tables",
    () => "write the rows as a list (- one item per row)",
  );
  const underline = UNDERLINE.exec(markdown);
  add(
    underline,
    (m) => `the page shows this line of ${m[1]![0]} signs as text, under the line above: it makes no heading`,
    (m) => `write the heading as ## ${markdown.slice(markdown.lastIndexOf("\n", m.index - 1) + 1, m.index).trim()}, on its own line`,
    1,
  );
  const rule = RULE.exec(markdown);
  // A line of - signs under text is the underline above, not a rule of its own.
  add(
    rule && (!underline || rule.index !== underline.index + 1) ? rule : null,
    (m) => `the page shows ${m[0].trim()} as text: the site draws no rules between paragraphs`,
    () => "remove the line (a ## heading starts a new part)",
  );
  add(
    REFERENCE_LINK.exec(markdown),
    (m) => `the page shows the reference link ${m[0]} as text`,
    (m) => `write the address in the link itself: [${m[1]}](https://…)`,
  );
  add(
    DEFINITION.exec(markdown),
    () => "the page shows this link definition as text",
    () => "write the address in the link itself, and remove this line",
  );
  if (markdown.includes("](")) {
    for (const match of markdown.matchAll(WRITTEN_LINK)) {
      const address = match[1]!;
      if (isSafeLink(address)) continue;
      found.push({
        line: lineAt(match.index),
        message: `the page shows the link to ${address} as text: a link goes to a web address (https://…, mailto:) or to a page of the site (${page})`,
        hint: "link to the page's address, not to its file",
      });
    }
  }
  return found.toSorted((a, b) => a.line - b.line);
}
