// The translation status page in the built site, the footer link to it, and the build's gate:
// a complete locale that fails the check is not published; one in progress never stops the build.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { attributeValues, mainOf, visibleText } from "../helpers/html.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { buildRealSite, type BuiltSite } from "../helpers/site.ts";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildRealSite();
});
afterAll(() => site?.remove());

describe("/translation-status/", () => {
  test("has a block per locale, its name in its own language and direction", () => {
    const html = site.read("/translation-status/");
    expect(html).toContain('<html lang="en" dir="ltr">');
    for (const locale of site.model.locales) {
      expect(html).toContain(`<h2 id="ts-${locale.code}"><span lang="${locale.code}" dir="${locale.dir}">${locale.name}</span>`);
    }
  });

  test("draws progress bars with width classes and no inline style, with the numbers in words", () => {
    const main = mainOf(site.read("/translation-status/"));
    expect(main).not.toMatch(/\sstyle=/i);
    const bars = [...main.matchAll(/<div class="ts-bar" aria-hidden="true">([\s\S]*?)<\/div>/g)].map((m) => m[1]!);
    expect(bars.length).toBe(2 * (site.model.locales.length - 1)); // sections and strings per translation
    for (const bar of bars) {
      const widths = [...bar.matchAll(/ts-w-(\d+)/g)].map((m) => Number(m[1]));
      expect(widths.reduce((a, b) => a + b, 0)).toBe(100);
    }
    const text = visibleText(main);
    expect(text).toMatch(new RegExp(`Sections: \\d+ of ${site.model.sectionIds.length} up to date`));
    expect(text).toMatch(/Interface strings: \d+ of \d+ translated/);
    const css = site.read("/assets/site.css");
    for (const width of [0, 5, 50, 100]) expect(css).toContain(`.ts-w-${width} { inline-size: ${width}%; }`);
  });

  test("links every section and strings file to edit in the repository", () => {
    const links = attributeValues(site.read("/translation-status/"), "a", "href");
    const repo = site.model.campaign.repositoryUrl;
    for (const id of site.model.sectionIds) expect(links).toContain(`${repo}/blob/main/content/ar/${id}.md`);
    expect(links).toContain(`${repo}/blob/main/locales/ar/ui.json`);
  });

  test("is linked from the footer of every page, in the page's language", () => {
    for (const url of ["/en/", "/ar/", `/ar/${site.model.sectionIds[1]}/`, "/translation-status/"]) {
      const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(site.read(url))![0];
      expect(footer, url).toContain('href="/translation-status/" hreflang="en"');
    }
    expect(site.read("/ar/")).toMatch(/<a href="\/translation-status\/" hreflang="en">حالة الترجمة<\/a>/);
    expect(site.read("/en/")).toMatch(/<a href="\/translation-status\/" hreflang="en">Translation status<\/a>/);
  });
});

describe("npm run build and the check", () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = copyProject({ copyTemplates: false });
  });
  afterAll(() => project?.remove());
  const build = () => runScript("build.ts", ["--site-only"], { cwd: project.root, env: { SITE_DIR: "_site" } });
  const setComplete = (complete: boolean) => {
    const file = join(project.root, "locales/ar/locale.json");
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), complete }, null, 2));
  };

  test("a locale in progress with check errors still builds, and the status page shows them", () => {
    setComplete(false);
    const file = join(project.root, "locales/ar/ui.json");
    const strings = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...strings, home: { ...strings.home, cta: { wrong: "نص" } } }, null, 2));
    // And a demand (list item) deleted: a structure warning while the locale is in progress.
    const demands = join(project.root, "content/ar/demands.md");
    const lines = readFileSync(demands, "utf8").split("\n");
    lines.splice(lines.findIndex((l) => l.startsWith("- ")) + 1, 1);
    writeFileSync(demands, lines.join("\n"));
    const result = build();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const page = visibleText(readFileSync(join(project.root, "_site/translation-status/index.html"), "utf8"));
    expect(page).toMatch(/In progress: .* 1 error and \d+ warnings? in npm run check -- --locale ar\. Compared block by block with the English: 1 block that differs from the English\./);
  });

  test("a locale marked complete that fails the check is refused, with the check's report", () => {
    setComplete(true);
    const result = build();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'locales/ar/ui.json:11: error: "home.cta" is a group of strings here, but a single text in English\n  → replace the { … } group with one text: "cta": "…" (English: "Take the pledge")',
    );
    // The demand deleted above, a warning while in progress, is an error once the locale is complete.
    expect(result.stderr).toMatch(/content\/ar\/demands\.md:\d+: error: the English list item at content\/en\/demands\.md:\d+ has no counterpart here/);
    expect(result.stderr).toMatch(/the translation check found 2 errors \(listed above\) in a locale marked complete \(ar\)/);
    expect(result.stderr).toContain('set "complete": false in locales/ar/locale.json');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
