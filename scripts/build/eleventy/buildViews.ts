// What one build renders: the project read once, its site model and its check. `npm run build`
// reads them before Eleventy runs and hands them to both HTML passes (buildSite); a build
// without them (the dev server, a test building the site) reads the project once per build.
import { checkLocales } from "../../check/checkLocales.ts";
import { translationStatusPage, type TranslationStatusPage } from "../../site/statusPage.ts";
import type { CheckResult } from "../../check/types.ts";
import { buildPrintModel, type PrintModel } from "../../print/printModel.ts";
import { shareCards, type ShareCard } from "../../print/shareCardPages.ts";
import { readProject, type Project } from "../../project/readProject.ts";
import { buildSiteModel, type SectionPage, type SiteModel } from "../../site/model.ts";
import type { SiteParts } from "../../site/siteParts.ts";

export interface BuildViews {
  project: Project;
  /** Throws the first problem that stops a build when the project has one. */
  site: SiteModel;
  /** The print pages: the same in both HTML passes of npm run build, so made once. */
  print(): PrintModel;
  /** The share cards of the reader pages. */
  cards(): ShareCard[];
  /** The translators' check without word diffs: the publish gate and the status page. */
  check(): CheckResult;
  translationStatus(): TranslationStatusPage;
}

/** `parts`: the site model's pieces as the dev server keeps them from build to build. */
export function buildViews(project: Project, { parts }: { parts?: SiteParts } = {}): BuildViews {
  // Both through the content-hash cache (.cache/site/, .cache/check/): a warm build works out only what changed.
  const site = buildSiteModel(project, { cache: true, ...(parts ? { parts } : {}) });
  let print: PrintModel | undefined;
  let cards: ShareCard[] | undefined;
  let check: CheckResult | undefined;
  let status: TranslationStatusPage | undefined;
  const input: BuildViews = {
    project,
    site,
    print: () => (print ??= buildPrintModel(site)),
    cards: () => (cards ??= shareCards(site)),
    // With the check's cache (.cache/check/): a second build, or npm run check after it, reuses each section's result.
    check: () => (check ??= checkLocales(project, { diffs: false, cache: true })),
    translationStatus: () => (status ??= translationStatusPage(site, input.check())),
  };
  return input;
}

export function readBuildViews(root: string): BuildViews {
  return buildViews(readProject(root));
}

/** One HTML pass, as buildSite hands it to the Eleventy configuration. */
export interface BuildPass {
  /** The project folder, and the project read from it (for the path prefix and the pages). */
  root: string;
  project: Project;
  /** Every view of this build, when npm run build made them already; otherwise made from `project`. */
  input?: BuildViews;
  /**
   * Whether to write the pages only Chromium reads (/<locale>/print/…/: the printed documents'
   * pages and the share card pages): a pass that is followed by rendering the PDFs and cards
   * writes them, others (npm run build:site, the second pass of npm run build) do not, so the
   * published site has the PDFs and images, not their sources. A build nobody configured (the
   * dev server, which serves their fonts) does.
   */
  chromiumPages: boolean;
  /** The section pages Eleventy renders: the others are in the output folder already (scripts/build/pageCache.ts). Default: all. */
  sectionPagesToRender?: SectionPage[];
}
