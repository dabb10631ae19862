// Untranslated text: what may rightly stay as the English has it (placeholders, citation markers,
// addresses, digits, acronyms, a name) and what a translator still has to translate.
import { expect, test } from "vitest";
import { needsTranslation } from "../../scripts/project/untranslated.ts";

test.each([
  ["", false],
  ["123 456", false],
  ["Francesca Albanese", false],
  ["Gaza", true],
  ["IMOD ICMs GitHub", false],
  ["The pledge", true],
  ["sign here", true],
  ["{{count}} signatures", true],
  ["{{count}}", false],
  ["$t(site.name)", false],
  ["$t(site.name) here", true],
  ["https://example.org/sign", false],
  ["see https://example.org/sign", true],
  ["mailto:x@example.org", false],
  ["x@example.org", false],
  ["write to x@example.org today", true],
  ["[78 A, B]", false],
  ["A/75/212 and S/RES/2720 (2023)", true],
  ["A-HRC-59-23-AEV*", false],
  ["Sub* 2.24", false],
  ["O’Brien", false],
  ["’tis", true],
  ["-- --", false],
  ["Case Details:", false],
  ["UN A/HRC", false],
  ["Le Monde", false],
  ["مرحبا بكم", true],
  ["الأمم المتحدة", true],
  ["Microsoft Azure OpenAI", false],
  ["Microsoft azure", true],
  ["A B", false],
  ["a", false],
  ["Ab", true],
  ["x-ray", true],
  ["'quoted' Words", true],
] as [string, boolean][])("%j needs translating: %s", (text, expected) => {
  expect(needsTranslation(text)).toBe(expected);
});
