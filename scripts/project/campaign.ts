// The campaign's configuration (campaign.yml), with defaults so a build needs none of it set.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../shared/contentError.ts";
import { isPlainObject } from "../shared/json.ts";
import { displayPath, readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";
import { isMap, isScalar, isSeq, type Node } from "yaml";

/** The networks a page's share links can offer, in the order pages show them by default; `copy` is the address to copy (for Signal, which has no share address). */
const SHARE_NETWORKS = ["whatsapp", "telegram", "email", "linkedin", "x", "bluesky", "copy"] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

/** A network campaign.yml adds: its name as shown, and an https address with {url} (and optionally {title}) filled in, encoded. */
interface ExtraShareNetwork {
  name: string;
  url: string;
}

interface ShareSettings {
  networks: ShareNetwork[];
  extra: ExtraShareNetwork[];
}

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
  /** Which share links reader pages offer (campaign.yml `share:`): some networks are blocked or unsafe in some countries. */
  share: ShareSettings;
}

type TextKey = Exclude<keyof Campaign, "share">;

export const CAMPAIGN_DEFAULTS: Campaign = {
  name: "No Azure for Apartheid",
  siteUrl: "https://pledge.example.org",
  signupUrl: "https://pledge.example.org/sign/",
  repositoryUrl: "https://github.com/example/pledge-site",
  branch: "main",
  // GitHub's form; GitLab: {repositoryUrl}/-/blob/{branch}/{file}, Codeberg: {repositoryUrl}/src/branch/{branch}/{file}.
  fileUrl: "{repositoryUrl}/blob/{branch}/{file}",
  sourceLocale: "en",
  share: { networks: [...SHARE_NETWORKS], extra: [] },
};

export function loadCampaign(root: string, env: NodeJS.ProcessEnv = process.env): Campaign {
  const path = join(root, "campaign.yml");
  const file = displayPath(path, root);
  let values: Record<string, unknown> = {};
  let share: ShareSettings = CAMPAIGN_DEFAULTS.share;
  if (existsSync(path)) {
    const { doc, lineOf } = parseYaml(readText(path, root), file, "write one `key: value` per line");
    const parsed: unknown = doc.toJS();
    if (parsed != null && !isPlainObject(parsed)) {
      throw new ContentError({ file }, "must be a list of `key: value` lines", `the keys are: ${Object.keys(CAMPAIGN_DEFAULTS).join(", ")}`);
    }
    values = parsed ?? {};
    if ("share" in values) {
      const node = isMap(doc.contents) ? (doc.contents.get("share", true) as Node | undefined) : undefined;
      share = readShare(node, file, lineOf);
    }
  }
  const campaign = { ...CAMPAIGN_DEFAULTS, share };
  for (const [key, value] of Object.entries(values)) {
    if (!(key in CAMPAIGN_DEFAULTS)) {
      throw new ContentError({ file }, `unknown key "${key}"`, `remove it; the keys are: ${Object.keys(CAMPAIGN_DEFAULTS).join(", ")}`);
    }
    if (key === "share") continue;
    if (typeof value !== "string" || !value.trim()) {
      throw new ContentError({ file }, `"${key}" must be a line of text`, `write it as  ${key}: value`);
    }
    campaign[key as TextKey] = value.trim();
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

const SHARE_EXAMPLE = 'e.g.\n  share:\n    networks: [whatsapp, telegram, email, copy]\n    extra:\n      - name: Mastodon\n        url: "https://example.social/share?text={title}%20{url}"';

/** campaign.yml's `share:`: which built-in networks, in which order, and the networks it adds. */
function readShare(node: Node | undefined, file: string, lineOf: (node: Node | null | undefined) => number | undefined): ShareSettings {
  const line = lineOf(node);
  if (!isMap(node)) throw new ContentError({ file, line }, '"share" must have `networks:` and/or `extra:`', SHARE_EXAMPLE);
  const share: ShareSettings = { networks: [...SHARE_NETWORKS], extra: [] };
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const keyLine = lineOf(pair.key as Node) ?? line;
    const value = pair.value as Node | null;
    if (key === "networks") {
      if (!isSeq(value))
        throw new ContentError({ file, line: keyLine }, '"networks" must be a list', `list the networks to show, e.g. networks: [whatsapp, telegram, copy]; they are: ${SHARE_NETWORKS.join(", ")}`);
      share.networks = [];
      for (const item of value.items) {
        const name = isScalar(item) ? String(item.value) : "";
        const itemLine = lineOf(item as Node) ?? keyLine;
        if (!(SHARE_NETWORKS as readonly string[]).includes(name)) {
          throw new ContentError({ file, line: itemLine }, `unknown network "${name}"`, `the networks are: ${SHARE_NETWORKS.join(", ")}; add any other under extra: with its address`);
        }
        if (share.networks.includes(name as ShareNetwork)) throw new ContentError({ file, line: itemLine }, `the network "${name}" is listed twice`, "list each network once");
        share.networks.push(name as ShareNetwork);
      }
    } else if (key === "extra") {
      if (!isSeq(value)) throw new ContentError({ file, line: keyLine }, '"extra" must be a list of networks, each with `name:` and `url:`', SHARE_EXAMPLE);
      for (const item of value.items) share.extra.push(readExtraNetwork(item as Node, file, lineOf(item as Node) ?? keyLine, lineOf));
    } else {
      throw new ContentError({ file, line: keyLine }, `unknown key "${key}" under share`, "share has only `networks:` (which built-in networks to show) and `extra:` (networks to add)");
    }
  }
  return share;
}

function readExtraNetwork(item: Node, file: string, line: number | undefined, lineOf: (node: Node | null | undefined) => number | undefined): ExtraShareNetwork {
  if (!isMap(item)) throw new ContentError({ file, line }, "an extra network needs a `name:` and a `url:`", SHARE_EXAMPLE);
  const value = item.toJSON() as Record<string, unknown>;
  const lineOfKey = (key: string) => lineOf(item.get(key, true) as Node | undefined) ?? line;
  for (const key of Object.keys(value)) {
    if (key !== "name" && key !== "url") throw new ContentError({ file, line: lineOfKey(key) }, `unknown key "${key}" in an extra network`, "an extra network has only `name:` and `url:`");
  }
  const { name, url } = value;
  if (typeof name !== "string" || !name.trim()) throw new ContentError({ file, line }, "an extra network needs a `name:`", "the name readers see on its link, e.g. name: Mastodon");
  const where = { file, line: lineOfKey("url") };
  if (typeof url !== "string" || !url.trim())
    throw new ContentError(
      { file, line },
      `the network "${name}" needs a \`url:\``,
      'its share address with {url} where the page\'s address goes, e.g. url: "https://example.social/share?text={title}%20{url}"',
    );
  if (!/^https:\/\/[^\s/{}]+\//.test(url)) throw new ContentError(where, `the address of "${name}" is not https: ${url}`, "write its full https address; readers' links never go over plain http");
  if (!url.includes("{url}")) throw new ContentError(where, `the address of "${name}" has no {url}`, "put {url} where the page's address goes (and {title} for its title, if the network takes one)");
  const unknown = [...url.matchAll(/\{([^}]*)\}/g)].map((m) => m[0]).find((p) => p !== "{url}" && p !== "{title}");
  if (unknown) throw new ContentError(where, `the address of "${name}" has ${unknown}`, "only {url} (the page's address) and {title} (its title) are filled in");
  if (/\s/.test(url.trim())) throw new ContentError(where, `the address of "${name}" has a space in it`, "write a space as %20");
  return { name: name.trim(), url: url.trim() };
}
