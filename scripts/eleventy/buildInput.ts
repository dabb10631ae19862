// What one build renders: the project read once, its site model and its check. `npm run build`
// reads them before Eleventy runs and hands them to both HTML passes (buildSite); a build
// without them (the dev server, a test building the site) reads the project once per build.
import { checkLocales } from "../check/checkLocales.ts";
import { translationStatusPage, type TranslationStatusPage } from "../check/statusPage.ts";
import type { CheckResult } from "../check/types.ts";
import { buildPrintModel, type PrintModel } from "../print/printModel.ts";
import { readProject, type Project } from "../project/readProject.ts";
import { buildSiteModel, type SiteModel } from "../site/model.ts";

export interface BuildInput {
  project: Project;
  /** Throws the first problem that stops a build when the project has one. */
  site: SiteModel;
  /** The print pages: the same in both HTML passes of npm run build, so made once. */
  print(): PrintModel;
  /** The translators' check without word diffs: the publish gate and the status page. */
  check(): CheckResult;
  translationStatus(): TranslationStatusPage;
}

export function buildInput(project: Project): BuildInput {
  const site = buildSiteModel(project);
  let print: PrintModel | undefined;
  let check: CheckResult | undefined;
  let status: TranslationStatusPage | undefined;
  const input: BuildInput = {
    project,
    site,
    print: () => (print ??= buildPrintModel(site)),
    check: () => (check ??= checkLocales(project, { diffs: false })),
    translationStatus: () => (status ??= translationStatusPage(site, input.check())),
  };
  return input;
}

export function readBuildInput(root: string): BuildInput {
  return buildInput(readProject(root));
}

let handedOver: BuildInput | undefined;

/** Runs `build` with `input` as what the Eleventy configuration renders. */
export async function withBuildInput<T>(input: BuildInput | undefined, build: () => Promise<T>): Promise<T> {
  handedOver = input;
  try {
    return await build();
  } finally {
    handedOver = undefined;
  }
}

/** What the running build was handed, if anything. */
export function handedOverBuildInput(): BuildInput | undefined {
  return handedOver;
}
