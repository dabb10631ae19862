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

test("share links: every network by default; campaign.yml can switch some off and add one", () => {
  expect(CAMPAIGN_DEFAULTS.share.networks).toEqual(["whatsapp", "telegram", "email", "linkedin", "x", "bluesky", "copy"]);
  expect(CAMPAIGN_DEFAULTS.share.extra).toEqual([]);
  project = copyProject();
  project.write("campaign.yml", 'name: Test\nshare:\n  networks: [telegram, email, copy]\n  extra:\n    - name: Mastodon\n      url: "https://toot.example/share?text={title}%20{url}"\n');
  expect(loadCampaign(project.root, {}).share).toEqual({ networks: ["telegram", "email", "copy"], extra: [{ name: "Mastodon", url: "https://toot.example/share?text={title}%20{url}" }] });
  project.write("campaign.yml", "share:\n  networks: []\n");
  expect(loadCampaign(project.root, {}).share).toEqual({ networks: [], extra: [] });
});

test.each([
  ["an unknown network", "name: Test\nshare:\n  networks: [whatsapp, myspace]\n", /campaign\.yml:3: unknown network "myspace"[\s\S]*whatsapp, telegram/],
  ["a network listed twice", "share:\n  networks: [x, x]\n", /campaign\.yml:2: the network "x" is listed twice/],
  ["networks that are not a list", "share:\n  networks: whatsapp\n", /campaign\.yml:2: "networks" must be a list/],
  ["an unknown key under share", "share:\n  netwroks: [x]\n", /campaign\.yml:2: unknown key "netwroks" under share/],
  ["share that is not a mapping", "share: yes\n", /campaign\.yml:1: "share" must have `networks:` and\/or `extra:`/],
  ["an extra without {url}", 'share:\n  extra:\n    - name: Mastodon\n      url: "https://toot.example/share?text={title}"\n', /campaign\.yml:4: the address of "Mastodon" has no \{url\}/],
  ["an extra that is not https", 'share:\n  extra:\n    - name: Plain\n      url: "http://plain.example/?u={url}"\n', /campaign\.yml:4: the address of "Plain" is not https/],
  ["an extra with an unknown placeholder", 'share:\n  extra:\n    - name: Odd\n      url: "https://odd.example/?u={url}&t={text}"\n', /campaign\.yml:4: the address of "Odd" has \{text\}/],
  ["an extra without a name", 'share:\n  extra:\n    - url: "https://odd.example/?u={url}"\n', /campaign\.yml:3: an extra network needs a `name:`/],
])("share: %s is an error at its line", (_, text, message) => {
  project = copyProject();
  project.write("campaign.yml", text);
  expect(() => loadCampaign(project!.root, {})).toThrow(ContentError);
  expect(() => loadCampaign(project!.root, {})).toThrow(message);
});
