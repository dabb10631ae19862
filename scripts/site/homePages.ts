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

/** The section the home page shows in full. */
const HOME_SECTION = "pledge";

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
    xDefaultUrl: locales[0]!.homeUrl,
    share: share(locale, locale.homeUrl, pledge.title),
  };
}
