// Warns, before anyone runs the PDF build, when a locale's text uses a script no print font
// covers (scripts/print/fonts.ts): its leaflets would print those letters with a font of the
// machine that builds them, or as empty boxes, and the PDF build stops there.
import { allCovered, byScript, printFontHint, uncoveredCharacters } from "../print/index.ts";
import type { ProjectLocale, Section } from "../project/readProject.ts";
import type { Problem } from "./types.ts";

interface Text {
  file: string;
  line: number | undefined;
  text: string;
}

/** Whether the print fonts cover a section's title, kicker and body. */
export function sectionCovered(doc: Section): boolean {
  return allCovered([doc.title, doc.kicker ?? "", doc.body]);
}

/** `known`: a section's coverage where the check has it already (from its cache), else undefined. */
export function printFontProblems(locale: ProjectLocale, known: (doc: Section) => boolean | undefined = () => undefined): Problem[] {
  const strings = [...(locale.strings?.values ?? [])].filter((entry): entry is [string, string] => typeof entry[1] === "string");
  // Usually every character is covered: one pass over all the text, stopping at the first that is not, says so.
  const covered = () => {
    for (const doc of locale.sections.values()) if (!(known(doc) ?? sectionCovered(doc))) return false;
    return allCovered(strings.map(([, value]) => value));
  };
  if (covered()) return [];

  const texts: Text[] = [];
  for (const doc of locale.sections.values()) {
    texts.push({ file: doc.file, line: doc.keyLines.title, text: doc.title });
    if (doc.kicker) texts.push({ file: doc.file, line: doc.keyLines.kicker, text: doc.kicker });
    doc.body.split("\n").forEach((text, i) => {
      texts.push({ file: doc.file, line: doc.bodyLine + i, text });
    });
  }
  for (const [key, value] of strings) texts.push({ file: locale.stringsFile, line: locale.strings!.lines.get(key), text: value });
  // Per file and script: the characters, and the first line that uses one.
  const found = new Map<string, { file: string; script: string; line: number | undefined; chars: Set<string> }>();
  for (const { file, line, text } of texts) {
    for (const [script, chars] of byScript(uncoveredCharacters(text))) {
      const key = `${file}\n${script}`;
      const entry = found.get(key) ?? { file, script, line, chars: new Set<string>() };
      for (const c of chars) entry.chars.add(c);
      found.set(key, entry);
    }
  }
  return [...found.values()].map(({ file, script, line, chars }) => ({
    locale: locale.code,
    file,
    ...(line === undefined ? {} : { line }),
    severity: "warning",
    kind: "print-font",
    message: `no print font covers the ${script} characters ${[...chars].slice(0, 12).join(" ")}${chars.size > 12 ? " …" : ""}: the PDFs cannot print them (npm run build stops at this locale's documents)`,
    hint: printFontHint(script),
  }));
}
