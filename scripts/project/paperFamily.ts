// Paper families: the sheets a reader can buy. Most of the world sells ISO paper (A4, and A5 and
// A3 with it); the United States, Canada, Mexico, the Philippines and a few more sell Letter (with
// half letter and Tabloid). A locale's readers get their family's files first on the home page.

export type PaperFamily = "a4" | "letter";
export const PAPER_FAMILIES: readonly PaperFamily[] = ["a4", "letter"];

/** Regions whose paper is Letter: CLDR's measurement data (paperSize US-Letter). */
const LETTER_REGIONS = new Set(["BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"]);

/**
 * The family a locale's readers most likely have, from its region: the code's own (fr-CA → CA),
 * else the language's likeliest one in CLDR (es → ES, ar → EG). So bare "en" is en-US, Letter,
 * which is right for this campaign: its readers are mostly Microsoft workers in the United States.
 */
export function defaultPaperFamily(code: string): PaperFamily {
  let region: string | undefined;
  try {
    region = new Intl.Locale(code).maximize().region;
  } catch {
    region = undefined;
  }
  return region && LETTER_REGIONS.has(region) ? "letter" : "a4";
}

/** ISO A sizes and the North American sizes, in mm (short side, long side). */
const FAMILY_SIZES: Record<PaperFamily, readonly [number, number][]> = {
  a4: [
    [841, 1189],
    [594, 841],
    [420, 594],
    [297, 420],
    [210, 297],
    [148, 210],
    [105, 148],
    [74, 105],
  ],
  letter: [
    [139.7, 215.9],
    [215.9, 279.4],
    [215.9, 355.6],
    [279.4, 431.8],
    [431.8, 558.8],
  ],
};

/** The family a paper belongs to (A5 → a4, half letter → letter), either way up, within a millimetre; undefined for a custom size. */
export function paperFamilyOf(paper: { width: number; height: number }): PaperFamily | undefined {
  const short = Math.min(paper.width, paper.height);
  const long = Math.max(paper.width, paper.height);
  return PAPER_FAMILIES.find((family) => FAMILY_SIZES[family].some(([a, b]) => Math.abs(short - a) <= 1 && Math.abs(long - b) <= 1));
}
