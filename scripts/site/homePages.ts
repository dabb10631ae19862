// Each locale's home page: its pledge (a section page's text) and the list of every section.
import { alternates, type Alternate } from "./alternates.ts";
import type { LocaleView } from "./locales.ts";
import type { SectionLink, SectionPage } from "./sectionPages.ts";
import type { SharePanel, Sharing } from "./share.ts";

export interface HomePage {
  locale: LocaleView;
  url: string;
  title: string;
  pledge: SectionPage;
  sections: SectionLink[];
  alternates: Alternate[];
  xDefaultUrl: string;
  description: string;
  share: SharePanel;
}

/** The root page: the language chooser, which is no locale's page, with each locale's home page as its alternates. */
export interface ChooserPage {
  url: string;
  alternates: Alternate[];
  xDefaultUrl: string;
}

/** Where the language chooser is: the x-default of the home pages and of itself. */
const CHOOSER_URL = "/";

/** The section the home page shows in full. */
const HOME_SECTION = "pledge";

/** The root page: every locale's home page an alternate of it, and it the x-default of them all. */
export function chooserPage(locales: readonly LocaleView[]): ChooserPage {
  return { url: CHOOSER_URL, alternates: alternates(locales, undefined, (locale) => ({ url: locale.homeUrl, translated: true })), xDefaultUrl: CHOOSER_URL };
}

/** The home page of `pages`' locale (its section pages in the list's order); every locale has one, so each is translated. */
export function homePage(pages: SectionPage[], sections: SectionLink[], locales: readonly LocaleView[], share: Sharing): HomePage {
  const pledge = pages.find((p) => p.id === HOME_SECTION) ?? pages[0]!;
  const { locale } = pledge;
  return {
    locale,
    url: locale.homeUrl,
    title: pledge.title,
    pledge,
    sections,
    description: pledge.description,
    alternates: alternates(locales, locale, (other) => ({ url: other.homeUrl, translated: true })),
    // The language chooser, as the chooser's own x-default: one x-default for the whole set.
    xDefaultUrl: CHOOSER_URL,
    share: share(locale, locale.homeUrl, pledge.title),
  };
}
