// After rendering: which fonts a PDF embeds, and what each one prints (read from the fonts'
// ToUnicode maps: Chromium embeds subsets, so a font's map lists exactly the characters drawn
// with it). A font the project does not ship means Chromium fell back to a font of this
// machine, which another machine may not have: the build stops and says what to add.
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { byScript, printFontHint, printFontNamed, uncoveredCharacters } from "../print/index.ts";
import { RenderError } from "./session.ts";

export interface EmbeddedFont {
  /** BaseFont without the subset tag ("NotoSansHebrew-Bold"); Type 3 fonts have none. */
  name: string;
  type: string;
  /** The characters the font's ToUnicode map lists, in order. */
  chars: string[];
}

class PdfFontError extends RenderError {
  constructor(message: string) {
    super(message);
    this.name = "PdfFontError";
  }
}

export async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const type = object.get(PDFName.of("Subtype"));
    // The descendant of a Type 0 font: its parent carries the name and the ToUnicode map.
    if (type === PDFName.of("CIDFontType0") || type === PDFName.of("CIDFontType2")) continue;
    const base = object.get(PDFName.of("BaseFont"));
    const toUnicode = object.lookup(PDFName.of("ToUnicode"));
    const cmap = toUnicode instanceof PDFRawStream ? new TextDecoder("latin1").decode(decodePDFRawStream(toUnicode).decode()) : "";
    fonts.push({
      name: base instanceof PDFName ? base.decodeText().replace(/^[A-Z]{6}\+/, "") : "",
      type: type instanceof PDFName ? type.decodeText() : "?",
      chars: toUnicodeChars(cmap),
    });
  }
  return fonts;
}

/** The characters a ToUnicode CMap maps to (bfchar and bfrange entries). */
export function toUnicodeChars(cmap: string): string[] {
  const chars = new Set<string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, , to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) for (const c of utf16(to!)) chars.add(c);
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to, list] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      if (list !== undefined) {
        for (const [, item] of list.matchAll(/<([0-9a-fA-F]*)>/g)) for (const c of utf16(item!)) chars.add(c);
        continue;
      }
      const count = parseInt(hi!, 16) - parseInt(lo!, 16);
      const start = utf16(to!);
      const last = start.charCodeAt(start.length - 1);
      for (let i = 0; i <= count && i < 0x10000; i++) for (const c of start.slice(0, -1) + String.fromCharCode(last + i)) chars.add(c);
    }
  }
  return [...chars].filter((c) => c.trim() !== "" && c.codePointAt(0)! >= 0x20);
}

export interface FontCheckSubject {
  locale: string;
  /** The document ("leaflet", "fact-sheet"). */
  document: string;
  /** The PDF as named in progress lines ("he/leaflet.pdf"). */
  label: string;
  /** The print page it was rendered from: its text must be covered by the print fonts too. */
  html?: string;
}

/**
 * Fails when the PDF embeds a font that is not one of the project's print fonts, or when the
 * print page holds characters no print font covers (drawn as empty boxes where no system font has them).
 */
export async function checkPdfFonts(pdf: Uint8Array, subject: FontCheckSubject): Promise<void> {
  const strangers = (await embeddedFonts(pdf)).filter((font) => font.type === "Type3" || !printFontNamed(font.name));
  const uncovered = subject.html === undefined ? [] : uncoveredCharacters(pageText(subject.html));
  if (strangers.length === 0 && uncovered.length === 0) return;
  const describe = (what: string, chars: string[]) => {
    const groups = [...byScript(chars)];
    return { scripts: groups.map(([script]) => script), text: `    ${what}\n      ${groups.map(([script, c]) => `${script}: ${quote(c)}`).join("\n      ") || "(no characters listed)"}` };
  };
  const lines = [
    ...strangers.map((font) => describe(font.type === "Type3" ? "a Type 3 font (a weight or style faked by Chromium)" : `${font.name}, a font of this machine the project does not ship`, font.chars)),
    ...(uncovered.length > 0 ? [describe("characters no print font covers", uncovered)] : []),
  ];
  const scripts = [...new Set(lines.flatMap((l) => l.scripts))].filter((s) => s !== "symbols" && s !== "combining marks");
  const hints =
    scripts.length > 0
      ? scripts.map((s) => `  → ${printFontHint(s)}`)
      : ["  → give every weight and style the print CSS uses a file in scripts/print/fonts.ts, or a character a print font that covers it"];
  throw new PdfFontError(
    `${subject.label} (locale ${subject.locale}, ${subject.document}): characters were printed with a font the project does not ship, so another machine prints them differently or not at all:\n` +
      `${lines.map((l) => l.text).join("\n")}\n${hints.join("\n")}`,
  );
}

/** The text of a print page: markup, styles and the QR code's drawing left out. */
function pageText(html: string): string {
  return html
    .replace(/<(style|svg|script)\b[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&[#\w]+;/g, " ");
}

function quote(chars: string[]): string {
  const shown = chars.slice(0, 24).join(" ");
  return `"${shown}"${chars.length > 24 ? ` and ${chars.length - 24} more` : ""}`;
}
