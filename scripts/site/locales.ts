// The locales as pages show them, and the one shape for the language a piece of text is in.
import type { Direction } from "../project/localeMeta.ts";
import type { PaperFamily } from "../project/paperFamily.ts";
import type { Project } from "../project/readProject.ts";
import { ogLocaleOf } from "./ogLocale.ts";

export interface LocaleView {
  code: string;
  name: string;
  dir: Direction;
  numberingSystem: string;
  complete: boolean;
  /** The paper family its readers most likely have: their files come first in the downloads. */
  paper: PaperFamily;
  isSource: boolean;
  homeUrl: string;
  /** og:locale form, e.g. en_US, ar_AR, pt_BR (scripts/site/ogLocale.ts). */
  ogLocale: string;
}

/** The language a text is in: its page's own, or the source locale's standing in for a translation the locale lacks. */
export interface TextLanguage {
  lang: string;
  dir: Direction;
  /** The source locale's text on another locale's page: marked with its lang and dir, never claimed by hreflang. */
  fallback: boolean;
}

/** Every locale, the source locale first (as the project lists them). */
export function localeViews(project: Project): LocaleView[] {
  return project.locales.map((l) => ({
    code: l.code,
    name: l.name,
    dir: l.dir,
    numberingSystem: l.numberingSystem,
    complete: l.complete,
    paper: l.paper,
    isSource: l.code === project.campaign.sourceLocale,
    homeUrl: `/${l.code}/`,
    ogLocale: ogLocaleOf(l.code),
  }));
}

/** Text written in `locale`; `fallback` where it stands in on another locale's page. */
export function textIn(locale: LocaleView, fallback = false): TextLanguage {
  return { lang: locale.code, dir: locale.dir, fallback };
}
