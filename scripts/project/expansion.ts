// How much longer or shorter a language's text usually is than the English, as the range of
// (translated length / English length) a paragraph may have before the check asks whether a
// sentence was dropped or added. `"expansion": [min, max]` in locales/<code>/locale.json sets it;
// otherwise the language's default below.

export type Expansion = readonly [min: number, max: number];

/** Most languages: half to twice the English. */
export const DEFAULT_EXPANSION: Expansion = [0.5, 2];

const BY_LANGUAGE: Record<string, Expansion> = {
  // Written with far fewer characters than English.
  zh: [0.15, 0.9],
  ja: [0.2, 1],
  ko: [0.25, 1.1],
  // Longer than English as a rule.
  de: [0.7, 2.3],
  fr: [0.7, 2.2],
  es: [0.7, 2.2],
  it: [0.7, 2.2],
  pt: [0.7, 2.2],
  nl: [0.7, 2.2],
  ru: [0.7, 2.2],
  pl: [0.7, 2.2],
  el: [0.7, 2.3],
  fi: [0.6, 2.2],
};

export function defaultExpansion(code: string): Expansion {
  return BY_LANGUAGE[code.split("-")[0]!.toLowerCase()] ?? DEFAULT_EXPANSION;
}

/** The usual ratio of a locale: the middle of its range (geometric, as the range is a ratio). */
export function usualRatio([min, max]: Expansion): number {
  return Math.sqrt(min * max);
}

/** The value of "expansion" in locale.json, or what is wrong with it (a problem and a hint). */
export function parseExpansion(value: unknown): Expansion | { problem: string; hint: string } {
  if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === "number" && Number.isFinite(n) && n > 0) && value[0] < value[1]) {
    return [value[0], value[1]];
  }
  return {
    problem: `"expansion" must be two numbers, the shortest and the longest a translated paragraph usually is compared with the English: ${JSON.stringify(value)}`,
    hint: 'write it as e.g. "expansion": [0.6, 1.8] (0.6: 60 % of the English length; 1.8: 180 %), or remove it to use the default',
  };
}
