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
