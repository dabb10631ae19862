// The same page in every locale: hreflang links, og:locale:alternate and the language switcher.
import type { Direction } from "../project/localeMeta.ts";
import type { LocaleView } from "./locales.ts";

export interface Alternate {
  code: string;
  name: string;
  dir: Direction;
  url: string;
  /** False where that locale shows the English fallback: hreflang never claims it. */
  translated: boolean;
  current: boolean;
  ogLocale: string;
}

/** Where each locale has this page (`target`: its address there, and whether it is translated there), seen from `current` (none: a page of no locale, the language chooser). */
export function alternates(locales: readonly LocaleView[], current: LocaleView | undefined, target: (locale: LocaleView) => { url: string; translated: boolean }): Alternate[] {
  return locales.map((other) => {
    const { url, translated } = target(other);
    return { code: other.code, name: other.name, dir: other.dir, url, translated, current: other.code === current?.code, ogLocale: other.ogLocale };
  });
}
