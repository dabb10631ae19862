// A section's version: a short hash of its normalised text. A translation records the
// version of the English section it follows (`source:`), so an English edit makes it stale.
import { createHash } from "node:crypto";
import { singleSpaced } from "../shared/whitespace.ts";

/** Whitespace-insensitive form of a section: title, kicker and body. */
function normaliseSectionText(parts: { title: string; kicker?: string | undefined; body: string }): string {
  return singleSpaced([parts.kicker ?? "", parts.title, parts.body].join("\n").normalize("NFC")).trim();
}

export function sectionVersion(parts: { title: string; kicker?: string | undefined; body: string }): string {
  return createHash("sha256").update(normaliseSectionText(parts)).digest("hex").slice(0, 12);
}
