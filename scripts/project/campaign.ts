// The campaign's configuration (campaign.yml), with defaults so a build needs none of it set.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../shared/contentError.ts";
import { isPlainObject } from "../shared/json.ts";
import { displayPath, readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";

export interface Campaign {
  name: string;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  signupUrl: string;
  repositoryUrl: string;
  /** The branch people edit: "improve this translation" links open files on it. */
  branch: string;
  /** Where a file of the repository is shown: {repositoryUrl}, {branch} and {file} are filled in. */
  fileUrl: string;
  sourceLocale: string;
}

export const CAMPAIGN_DEFAULTS: Campaign = {
  name: "No Azure for Apartheid",
  siteUrl: "https://pledge.example.org",
  signupUrl: "https://pledge.example.org/sign/",
  repositoryUrl: "https://github.com/example/pledge-site",
  branch: "main",
  // GitHub's form; GitLab: {repositoryUrl}/-/blob/{branch}/{file}, Codeberg: {repositoryUrl}/src/branch/{branch}/{file}.
  fileUrl: "{repositoryUrl}/blob/{branch}/{file}",
  sourceLocale: "en",
};

export function loadCampaign(root: string, env: NodeJS.ProcessEnv = process.env): Campaign {
  const path = join(root, "campaign.yml");
  const file = displayPath(path, root);
  let values: Record<string, unknown> = {};
  if (existsSync(path)) {
    const parsed: unknown = parseYaml(readText(path, root), file, "write one `key: value` per line").doc.toJS();
    if (parsed != null && !isPlainObject(parsed)) {
      throw new ContentError({ file }, "must be a list of `key: value` lines", `the keys are: ${Object.keys(CAMPAIGN_DEFAULTS).join(", ")}`);
    }
    values = parsed ?? {};
  }
  const campaign = { ...CAMPAIGN_DEFAULTS };
  for (const [key, value] of Object.entries(values)) {
    if (!(key in CAMPAIGN_DEFAULTS)) {
      throw new ContentError({ file }, `unknown key "${key}"`, `remove it; the keys are: ${Object.keys(CAMPAIGN_DEFAULTS).join(", ")}`);
    }
    if (typeof value !== "string" || !value.trim()) {
      throw new ContentError({ file }, `"${key}" must be a line of text`, `write it as  ${key}: value`);
    }
    campaign[key as keyof Campaign] = value.trim();
  }
  if (env.SITE_URL) campaign.siteUrl = env.SITE_URL;
  if (env.SIGNUP_URL) campaign.signupUrl = env.SIGNUP_URL;
  for (const key of ["siteUrl", "signupUrl"] as const) {
    if (!/^https?:\/\/[^\s/]+/.test(campaign[key])) {
      throw new ContentError({ file }, `"${key}" is not an http(s) URL: ${campaign[key]}`, "write the full address, e.g. https://pledge.example.org");
    }
  }
  campaign.siteUrl = campaign.siteUrl.replace(/\/+$/, "");
  campaign.repositoryUrl = campaign.repositoryUrl.replace(/\/+$/, "");
  if (!campaign.fileUrl.includes("{file}")) {
    throw new ContentError({ file }, '"fileUrl" has no {file}', "write the address of a file in the repository, e.g. {repositoryUrl}/blob/{branch}/{file}");
  }
  return campaign;
}

/** The address where people read (and can propose changes to) a file of the repository. */
export function repositoryFileUrl(campaign: Campaign, file: string): string {
  return campaign.fileUrl.replace(/\{(repositoryUrl|branch|file)\}/g, (_, key: "repositoryUrl" | "branch" | "file") => (key === "file" ? file : campaign[key]));
}
