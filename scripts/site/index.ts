// The site as the other views see it: the site model (print is a view of it). Its other modules
// (the UI translator, the status page, the home page's downloads, the deploy settings) are the
// site's own and the build's.
export { buildSiteModel } from "./model.ts";
export { textIn } from "./locales.ts";
export type { LocaleView, SectionPage, SiteModel, TextLanguage } from "./model.ts";
