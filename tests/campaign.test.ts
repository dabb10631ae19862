// The campaign's configuration: one optional file, defaults for every key, env overrides for deploys.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { CAMPAIGN_DEFAULTS, loadCampaign } from "../scripts/project/campaign.ts";
import { ContentError } from "../scripts/shared/contentError.ts";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

test("a build needs no campaign.yml: every key has a default", () => {
  project = copyProject();
  rmSync(join(project.root, "campaign.yml"));
  expect(loadCampaign(project.root, {})).toEqual(CAMPAIGN_DEFAULTS);
});

test("SITE_URL and SIGNUP_URL override the file; a trailing slash is dropped", () => {
  project = copyProject();
  const campaign = loadCampaign(project.root, { SITE_URL: "https://pledge.test/", SIGNUP_URL: "https://sign.test/now" });
  expect(campaign.siteUrl).toBe("https://pledge.test");
  expect(campaign.signupUrl).toBe("https://sign.test/now");
});

test.each([
  ["an unknown key", "nme: Typo\n", /campaign\.yml: unknown key "nme"/],
  ["a site URL that is not http(s)", "siteUrl: javascript:alert(1)\n", /campaign\.yml: "siteUrl" is not an http\(s\) URL/],
  ["invalid YAML", "name: [unclosed\n", /campaign\.yml:\d+:\d+: not valid YAML/],
])("%s is an error naming the file", (_, text, message) => {
  project = copyProject();
  project.write("campaign.yml", text);
  expect(() => loadCampaign(project!.root, {})).toThrow(ContentError);
  expect(() => loadCampaign(project!.root, {})).toThrow(message);
});

test("repository links follow repositoryUrl, branch and fileUrl: GitHub's form and main by default", async () => {
  const { repositoryFileUrl } = await import("../scripts/project/campaign.ts");
  expect(repositoryFileUrl(CAMPAIGN_DEFAULTS, "content/en/pledge.md")).toBe("https://github.com/example/pledge-site/blob/main/content/en/pledge.md");
  project = copyProject();
  project.write("campaign.yml", 'repositoryUrl: https://gitlab.example/pledge/\nbranch: trunk\nfileUrl: "{repositoryUrl}/-/blob/{branch}/{file}"\n');
  const campaign = loadCampaign(project.root, {});
  expect(repositoryFileUrl(campaign, "TRANSLATING.md")).toBe("https://gitlab.example/pledge/-/blob/trunk/TRANSLATING.md");
  // The site model gives each page the address; the templates only print it.
  const { buildSiteModel } = await import("../scripts/site/model.ts");
  const site = buildSiteModel(project.root);
  expect(site.sectionPages.find((p) => p.id === "pledge" && p.locale.code === "ar")!.improveUrl).toBe("https://gitlab.example/pledge/-/blob/trunk/content/en/pledge.md");
  project.write("campaign.yml", "fileUrl: https://elsewhere.example/\n");
  expect(() => loadCampaign(project!.root, {})).toThrow(/campaign\.yml: "fileUrl" has no \{file\}/);
});
