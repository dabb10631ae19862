// One-step deploys: the GitHub Pages and pull-request workflows, netlify.toml, the root page's
// language redirects, a site published under a path (GitHub Pages project sites), and the
// address a Pages deploy builds for.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { CAMPAIGN_DEFAULTS } from "../scripts/project/campaign.ts";
import { pagesSiteUrl } from "../scripts/site/pagesSiteUrl.ts";
import { sitePathPrefix } from "../scripts/site/pathPrefix.ts";
import { runScript } from "./helpers/cli.ts";
import { attributeValues } from "./helpers/html.ts";
import { buildRealSite, ROOT, type BuiltSite } from "./helpers/site.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { if?: string; needs?: string; steps: Step[]; environment?: { name: string } }>;
}
const workflow = (name: string) => parse(readFileSync(join(ROOT, ".github", "workflows", name), "utf8")) as Workflow;
const runs = (steps: Step[]) => steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
const uses = (steps: Step[]) => steps.flatMap((s) => (s.uses ? [s.uses.split("@")[0]] : []));

describe("GitHub Pages", () => {
  const deploy = workflow("deploy.yml");

  test("on a push to the default branch: setup, tests, build, then the official Pages actions publish _site/", () => {
    expect(Object.keys(deploy.on)).toContain("push");
    expect(deploy.jobs.build!.if).toBe("github.ref_name == github.event.repository.default_branch");
    const steps = deploy.jobs.build!.steps;
    const commands = runs(steps);
    const order = ["npm run setup", "npm test", "npm run build"].map((c) => commands.indexOf(c));
    expect(
      order.every((i) => i >= 0),
      commands.join("\n"),
    ).toBe(true);
    expect([...order].toSorted((a, b) => a - b)).toEqual(order);
    expect(uses(steps)).toEqual(expect.arrayContaining(["actions/checkout", "actions/setup-node", "actions/configure-pages", "actions/upload-pages-artifact"]));
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with).toEqual({ path: "_site" });
    expect(deploy.jobs.deploy!.needs).toBe("build");
    expect(uses(deploy.jobs.deploy!.steps)).toEqual(["actions/deploy-pages"]);
    expect(deploy.jobs.deploy!.environment?.name).toBe("github-pages");
    expect(deploy.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });

  test(".cache/ is restored from the last run before the tests and the build, and saved by every run", () => {
    const steps = deploy.jobs.build!.steps;
    const at = steps.findIndex((s) => s.uses?.startsWith("actions/cache@"));
    expect(at, "an actions/cache step").toBeGreaterThanOrEqual(0);
    const { path, key, "restore-keys": restoreKeys } = steps[at]!.with as { path: string; key: string; "restore-keys": string };
    expect(path).toBe(".cache");
    // A key no earlier run has: never an exact hit, so the run saves what it added; the prefix restores the newest.
    expect(key).toMatch(/\$\{\{ github\.run_id \}\}/);
    expect(key.startsWith(restoreKeys)).toBe(true);
    const before = (command: string) => steps.findIndex((s) => s.run?.trim() === command);
    expect(at).toBeLessThan(before("npm test"));
    expect(at).toBeLessThan(before("npm run build"));
  });

  test("SITE_URL comes from the Pages address while campaign.yml has the example address, before the build", () => {
    const commands = runs(deploy.jobs.build!.steps);
    const address = commands.findIndex((c) => c.includes("scripts/pages-site-url.ts") && c.includes("steps.pages.outputs.base_url") && c.includes("GITHUB_ENV"));
    expect(address).toBeGreaterThan(commands.indexOf("npm test"));
    expect(address).toBeLessThan(commands.indexOf("npm run build"));
    expect(pagesSiteUrl({ siteUrl: CAMPAIGN_DEFAULTS.siteUrl }, "https://owner.github.io/pledge-site/")).toBe("https://owner.github.io/pledge-site");
    expect(pagesSiteUrl({ siteUrl: "https://pledge.campaign.org" }, "https://owner.github.io/pledge-site/")).toBe("https://pledge.campaign.org");
    expect(pagesSiteUrl({ siteUrl: CAMPAIGN_DEFAULTS.siteUrl }, "")).toBe(CAMPAIGN_DEFAULTS.siteUrl);
  });

  test("pull requests run the README's test command", () => {
    const tests = workflow("test.yml");
    expect(Object.keys(tests.on)).toEqual(["pull_request"]);
    const commands = runs(tests.jobs.test!.steps);
    const readmeTest = /^(npm test)\s+#/m.exec(readFileSync(join(ROOT, "README.md"), "utf8"))?.[1];
    expect(readmeTest).toBe("npm test");
    expect(commands).toEqual(["npm run setup", readmeTest]);
  });
});

test("netlify.toml: setup and build, _site/ published, headers left to _site/_headers", () => {
  const toml = readFileSync(join(ROOT, "netlify.toml"), "utf8");
  expect(toml).toMatch(/^\s*command = "npm run setup && npm run build -- --browser-optional"$/m);
  expect(toml).toMatch(/^\s*publish = "_site"$/m);
  expect(toml).not.toMatch(/\[\[headers\]\]/);
});

describe("the built site", () => {
  let site: BuiltSite;
  let prefixedDir: string;
  let buildOutput = "";
  const prefixed = { read: (url: string) => readFileSync(join(prefixedDir, url.endsWith("/") ? `${url}index.html` : url), "utf8") };
  beforeAll(async () => {
    site = await buildRealSite();
    // A separate process, as on GitHub: SITE_URL is read when the build starts.
    prefixedDir = join(mkdtempSync(join(tmpdir(), "pledge-prefixed-")), "_site");
    const build = runScript("build.ts", ["--site-only"], { env: { SITE_URL: "https://owner.github.io/pledge-site", SITE_DIR: prefixedDir } });
    buildOutput = build.stdout + build.stderr;
    expect(build.status, buildOutput).toBe(0);
  }, 180_000);
  afterAll(() => {
    site?.remove();
    if (prefixedDir) rmSync(join(prefixedDir, ".."), { recursive: true, force: true });
  });

  test("npm run build:site says once that pages carry no og:image", () => {
    expect(buildOutput.match(/og:image/g)).toHaveLength(1);
    expect(buildOutput).toContain("no share cards (npm run build renders them in Chromium): pages carry no og:image");
  });

  test("_redirects sends the root page on by browser language, other locales before the source; the chooser stays", () => {
    const rules = site
      .read("/_redirects")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    const homes = site.model.homes;
    expect(rules).toHaveLength(homes.length);
    for (const home of homes) expect(rules).toContain(`/  ${home.url}  302!  Language=${home.locale.code}`);
    expect(rules.at(-1)).toBe(`/  /${site.model.sourceLocale.code}/  302!  Language=${site.model.sourceLocale.code}`);
    for (const home of homes) expect(site.read("/index.html")).toContain(`href="${home.url}"`);
  });

  test("under a path (https://owner.github.io/pledge-site), every link, stylesheet and absolute URL keeps the path", () => {
    expect(sitePathPrefix("https://owner.github.io/pledge-site")).toBe("/pledge-site/");
    expect(sitePathPrefix("https://pledge.example.org")).toBe("/");
    for (const url of ["/index.html", "/en/", "/ar/illegal/", "/404.html"]) {
      const html = prefixed.read(url);
      const local = [...attributeValues(html, "a", "href"), ...attributeValues(html, "link", "href")].filter((h) => h.startsWith("/"));
      expect(local.length, url).toBeGreaterThan(1);
      for (const href of local) expect(href, url).toMatch(/^\/pledge-site\//);
      const absolute = [...attributeValues(html, "link", "href"), ...attributeValues(html, "meta", "content")].filter((h) => h.startsWith("https://owner.github.io"));
      for (const href of absolute) expect(href, url).toMatch(/^https:\/\/owner\.github\.io\/pledge-site\//);
    }
    expect(prefixed.read("/en/")).toContain('<link rel="canonical" href="https://owner.github.io/pledge-site/en/">');
    // Without a path nothing changes.
    expect(site.read("/en/")).toContain('<link rel="stylesheet" href="/assets/site.css">');
  });
});

test("npm run setup needs no shell: a Node script", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  expect(pkg.scripts.setup).toBe("node scripts/setup.mjs");
  expect(readFileSync(join(ROOT, ".puppeteerrc.cjs"), "utf8")).toMatch(/skipDownload: true/);
});
