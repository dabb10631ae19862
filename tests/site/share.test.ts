// The share panel the site model gives each reader page: which networks (campaign.yml), each
// link's address with the page's own encoded address and title, the labels in the page's language.
import { afterEach, expect, test } from "vitest";
import { buildSiteModel } from "../../scripts/site/model.ts";
import { absoluteUrl, fillShareAddress } from "../../scripts/site/share.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { ROOT } from "../helpers/site.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

test("every reader page: the six networks in order, each address carrying the page's own encoded address and title", () => {
  const site = buildSiteModel(ROOT);
  const pages = [...site.homes, ...site.sectionPages];
  for (const page of pages) {
    const url = absoluteUrl(site.campaign.siteUrl, page.url);
    expect(page.share.url).toBe(url);
    expect(page.share.links.map((l) => l.network)).toEqual(["whatsapp", "telegram", "email", "linkedin", "x", "bluesky"]);
    for (const link of page.share.links) expect(link.href, `${page.url} ${link.network}`).toContain(encodeURIComponent(url));
    const title = encodeURIComponent(`${page.title} · ${site.campaign.name}`);
    for (const link of page.share.links.filter((l) => l.network !== "linkedin")) expect(link.href, `${page.url} ${link.network}`).toContain(title);
    expect(page.share.copy).toBe(true);
    expect(page.share.qrSvg).toMatch(/^<svg class="qr-code" [^>]*role="img" aria-label="[^"]*https:\/\/pledge\.example\.org\//);
  }
  const ar = site.sectionPages.find((p) => p.locale.code === "ar" && p.id === "immoral")!;
  expect(ar.share.links.map((l) => l.label)).toEqual(["واتساب", "تيليغرام", "البريد الإلكتروني", "لينكدإن", "إكس", "بلوسكاي"]);
  expect(ar.share.links.every((l) => l.labelLang === undefined)).toBe(true);
  expect(ar.share.links[2]!.href).toMatch(/^mailto:\?subject=[^&]+&body=/);
  expect(ar.share.links[0]!.href).toBe(`https://wa.me/?text=${encodeURIComponent(`${ar.title} · ${site.campaign.name}`)}%20${encodeURIComponent("https://pledge.example.org/ar/immoral/")}`);
});

test("campaign.yml switches networks off and adds one; the address to copy only where listed", () => {
  project = copyProject();
  project.write("campaign.yml", 'share:\n  networks: [telegram, email]\n  extra:\n    - name: Mastodon\n      url: "https://toot.example/share?text={title}%20{url}"\n');
  const site = buildSiteModel(project.root);
  const home = site.homes.find((h) => h.locale.code === "en")!;
  expect(home.share.links.map((l) => [l.network, l.label])).toEqual([
    ["telegram", "Telegram"],
    ["email", "Email"],
    ["Mastodon", "Mastodon"],
  ]);
  expect(home.share.links[2]!.href).toBe(`https://toot.example/share?text=${encodeURIComponent(`${home.title} · ${site.campaign.name}`)}%20https%3A%2F%2Fpledge.example.org%2Fen%2F`);
  expect(home.share.copy).toBe(false);
});

test("a site under a path (GitHub Pages) shares the address with its path; {url} and {title} are encoded", () => {
  expect(absoluteUrl("https://owner.github.io/pledge-site", "/ar/immoral/")).toBe("https://owner.github.io/pledge-site/ar/immoral/");
  expect(fillShareAddress("https://s.example/?u={url}&t={title}", "https://a.example/x/?q=1&r=2", "A & B #1")).toBe(
    "https://s.example/?u=https%3A%2F%2Fa.example%2Fx%2F%3Fq%3D1%26r%3D2&t=A%20%26%20B%20%231",
  );
});
