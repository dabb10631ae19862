// The campaign's configuration (campaign.yml), with defaults so a build needs none of it set.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { ContentError } from "../content/errors.ts";
import { displayPath, readText } from "../content/readText.ts";
import { isPlainObject } from "../locales/locales.ts";

export interface Campaign {
  name: string;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  signupUrl: string;
  repositoryUrl: string;
  sourceLocale: string;
}

export const CAMPAIGN_DEFAULTS: Campaign = {
  name: "No Azure for Apartheid",
  siteUrl: "https://pledge.example.org",
  signupUrl: "https://pledge.example.org/sign/",
  repositoryUrl: "https://github.com/example/pledge-site",
  sourceLocale: "en",
};

export function loadCampaign(root: string, env: NodeJS.ProcessEnv = process.env): Campaign {
  const path = join(root, "campaign.yml");
  const file = displayPath(path, root);
  let values: Record<string, unknown> = {};
  if (existsSync(path)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(readText(path, root));
    } catch (error) {
      if (!(error instanceof YAMLParseError)) throw error;
      const pos = error.linePos?.[0];
      throw new ContentError({ file, line: pos?.line, column: pos?.col }, `not valid YAML: ${error.message.split("\n")[0]}`, "write one `key: value` per line");
    }
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
  return campaign;
}
