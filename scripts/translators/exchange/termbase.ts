// The glossary (content/glossary.yml) for translation tools: the line a PO comment or an XLIFF note
// gives each term an entry's English holds, XLIFF 2.0's glossary module for a unit, and the whole
// glossary of one locale as TBX-Basic (CAT tools, Crowdin, Weblate) or CSV (Weblate, Crowdin).
import type { Glossary, GlossaryEntry, GlossaryRendering } from "../../project/glossary.ts";
import { termsIn } from "../../project/glossary.ts";
import type { GlossaryHint } from "./types.ts";

export type TermbaseFormat = "tbx" | "csv";
export const GLS_NAMESPACE = "urn:oasis:names:tc:xliff:glossary:2.0";

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The glossary terms a text holds, with `code`'s renderings (none for a template: code ""). */
export function glossaryHints(text: string, glossary: Glossary, code: string): GlossaryHint[] {
  return termsIn(text, glossary).map((entry) => ({ term: entry.term, note: entry.note, rendering: code === "" ? undefined : entry.locales.get(code) }));
}

/** What a translation may write for the term: the accepted renderings, the English itself when kept in Latin. */
function renderingsOf(term: string, rendering: GlossaryRendering): string[] {
  return [...rendering.accepted, ...(rendering.keep && !rendering.accepted.includes(term) ? [term] : [])];
}

/** "Glossary: abet → التواطؤ / المساعدة والتحريض (not: الدعم). help or encourage a crime" */
export function glossaryLine(hint: GlossaryHint): string {
  const { rendering } = hint;
  let use = "";
  if (rendering && !rendering.decided) use = " → not decided yet (content/glossary.yml)";
  else if (rendering) use = ` → ${renderingsOf(hint.term, rendering).join(" / ")}${rendering.keep ? " (kept in Latin letters)" : ""}`;
  const not = rendering && rendering.forbidden.length > 0 ? ` (not: ${rendering.forbidden.join(", ")})` : "";
  return oneLine(`Glossary: ${hint.term}${use}${not}.${hint.note ? ` ${hint.note}` : ""}`);
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** XLIFF 2.0's glossary module for one unit (the gls prefix is declared on <xliff>). */
export function glsGlossary(hints: GlossaryHint[]): string {
  const entries = hints.map((hint) => {
    const translations = hint.rendering?.decided ? renderingsOf(hint.term, hint.rendering).map((t) => `<gls:translation>${escapeXml(t)}</gls:translation>`) : [];
    const forbidden = hint.rendering && hint.rendering.forbidden.length > 0 ? ` Do not write: ${hint.rendering.forbidden.join(", ")}.` : "";
    const undecided = hint.rendering && !hint.rendering.decided ? " The rendering is not decided yet (content/glossary.yml)." : "";
    const definition = oneLine(`${hint.note}${forbidden}${undecided}`);
    return `<gls:glossEntry><gls:term>${escapeXml(hint.term)}</gls:term>${translations.join("")}${definition ? `<gls:definition>${escapeXml(definition)}</gls:definition>` : ""}</gls:glossEntry>`;
  });
  return `<gls:glossary>${entries.join("")}</gls:glossary>`;
}

export interface TermbaseSource {
  glossary: Glossary;
  sourceLocale: string;
  code: string;
  project: string;
}

/** An XML id for each entry: the term's letters and digits, numbered when two would clash. */
function entryIds(entries: GlossaryEntry[]): string[] {
  const used = new Set<string>();
  return entries.map((entry) => {
    const base = `term-${
      entry.term
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "x"
    }`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * TBX-Basic: one termEntry per term with its definition, the English term and the locale's
 * accepted renderings (the first preferred, the others admitted). Each forbidden rendering is a
 * termEntry of its own with the deprecated status: Weblate (translate-toolkit) marks a whole
 * termEntry forbidden when any of its terms is deprecated, which would forbid the accepted ones.
 * An undecided term has no langSet for the locale: a tool shows it untranslated.
 */
export function writeTbx({ glossary, sourceLocale, code, project }: TermbaseSource): string {
  const ids = entryIds(glossary.entries);
  const tig = (term: string, status: string) => `<tig><term>${escapeXml(term)}</term><termNote type="administrativeStatus">${status}</termNote></tig>`;
  const english = (term: string) => `<langSet xml:lang="${escapeXml(sourceLocale)}"><tig><term>${escapeXml(term)}</term></tig></langSet>`;
  const definition = (note: string) => (note ? `<descrip type="definition">${escapeXml(oneLine(note))}</descrip>` : "");
  const out: string[] = [];
  glossary.entries.forEach((entry, i) => {
    const rendering = entry.locales.get(code);
    const renderings = rendering?.decided ? renderingsOf(entry.term, rendering) : [];
    const target =
      renderings.length > 0 ? `<langSet xml:lang="${escapeXml(code)}">${renderings.map((t, j) => tig(t, j === 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts")).join("")}</langSet>` : "";
    out.push(`<termEntry id="${ids[i]}">${definition(entry.note)}${english(entry.term)}${target}</termEntry>`);
    (rendering?.forbidden ?? []).forEach((word, j) => {
      out.push(
        `<termEntry id="${ids[i]}-not-${j + 1}">${definition(`Not a rendering of “${entry.term}”: ${entry.note || "it misleads"}`)}${english(entry.term)}<langSet xml:lang="${escapeXml(code)}">${tig(word, "deprecatedTerm-admn-sts")}</langSet></termEntry>`,
      );
    });
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="${escapeXml(sourceLocale)}">
<martifHeader><fileDesc><sourceDesc><p>${escapeXml(`${project}: the glossary of content/glossary.yml, ${sourceLocale} → ${code}, written by npm run locale:export`)}</p></sourceDesc></fileDesc><encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader>
<text>
<body>
${out.join("\n")}
</body>
</text>
</martif>
`;
}

const csvField = (text: string) => (/[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * CSV with Weblate's column names (source, target, context, developer_comments; Crowdin's import
 * maps them to term, translation and description): one row per accepted rendering, told apart by
 * the context, or one row with no target while undecided. CSV has no forbidden mark: the
 * forbidden renderings are in the comment, never in the target column.
 */
export function writeGlossaryCsv({ glossary, code }: TermbaseSource): string {
  const rows = [["source", "target", "context", "developer_comments"]];
  for (const entry of glossary.entries) {
    const rendering = entry.locales.get(code);
    const renderings = rendering?.decided ? renderingsOf(entry.term, rendering) : [];
    const forbidden = rendering && rendering.forbidden.length > 0 ? ` Not: ${rendering.forbidden.join(", ")}.` : "";
    const undecided = rendering && !rendering.decided ? " Not decided yet." : "";
    const comment = oneLine(`${entry.note}${forbidden}${undecided}`);
    if (renderings.length === 0) rows.push([entry.term, "", "", comment]);
    renderings.forEach((target, i) => {
      rows.push([entry.term, target, i === 0 ? "" : String(i + 1), comment]);
    });
  }
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export function writeTermbase(format: TermbaseFormat, source: TermbaseSource): string {
  return format === "tbx" ? writeTbx(source) : writeGlossaryCsv(source);
}
