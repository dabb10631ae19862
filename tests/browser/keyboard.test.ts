// The site from the keyboard alone, in Debian's Chromium: skip link, visible focus, language
// switcher, collapsed testimonies, and targets of at least 24 by 24 px (WCAG 2.5.8).
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { isPrintPage, usePageOnSite } from "../helpers/browser.ts";

const session = usePageOnSite();

const readerPages = () => session.web.pages.filter((path) => !isPrintPage(path));

interface Stop {
  label: string;
  width: number;
  height: number;
  outline: string;
  boxShadow: string;
  /** An inline link inside running text: exempt from the 24 px minimum. */
  inText: boolean;
}

/** What has the focus now, as a short label plus its focus styles and size. */
function focusedStop(): Stop | null {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  let block = el.parentElement;
  while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
  const own = (el.textContent ?? "").trim();
  const around = (block?.textContent ?? "").replace(own, "").trim();
  const text = own.replace(/\s+/g, " ").slice(0, 40);
  return {
    label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.split(" ").join(".")}` : ""} "${text}"`,
    width: rect.width,
    height: rect.height,
    outline:
      style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0 || style.outlineColor === "rgba(0, 0, 0, 0)" ? "" : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
    boxShadow: style.boxShadow === "none" ? "" : style.boxShadow,
    inText: style.display === "inline" && around.length > 0,
  };
}

/** Tabs through the whole page once, from the top, and returns every stop. */
async function tabStops(target: Page): Promise<Stop[]> {
  const stops: Stop[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < 400; i++) {
    await target.keyboard.press("Tab");
    const key = await target.evaluate(() => {
      const el = document.activeElement;
      return el && el !== document.body ? [...document.querySelectorAll("*")].indexOf(el) : -1;
    });
    if (key < 0 || seen.has(key)) break;
    seen.add(key);
    const stop = await target.evaluate(focusedStop);
    if (stop) stops.push(stop);
  }
  return stops;
}

describe("skip link", () => {
  test("on every page with a header: the first Tab focuses it, it shows, Enter moves focus to main", async () => {
    let checked = 0;
    for (const path of readerPages()) {
      await session.page.goto(session.web.url(path));
      const hasHeader = (await session.page.locator("header.site-header").count()) > 0;
      if (!hasHeader) continue;
      checked++;
      await session.page.keyboard.press("Tab");
      const focused = await session.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        const visible = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        return { isSkip: el.classList.contains("skip-link"), href: el.getAttribute("href"), visible };
      });
      expect(focused, `${path}: first Tab stop`).toEqual({ isSkip: true, href: "#main", visible: true });
      await session.page.keyboard.press("Enter");
      expect(await session.page.evaluate(() => document.activeElement?.id), `${path}: focus after Enter on the skip link`).toBe("main");
      // Focus really moved: the next Tab lands inside main, past the header.
      await session.page.keyboard.press("Tab");
      expect(await session.page.evaluate(() => !!document.activeElement?.closest("main")), `${path}: Tab after skipping`).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(session.web.site.model.homes.length + session.web.site.model.sectionPages.length);
  });

  test("is off screen until it has the focus", async () => {
    await session.page.goto(session.web.url("/en/"));
    const box = await session.page.locator(".skip-link").boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(0);
  });
});

describe("every keyboard stop", () => {
  test("shows a focus indicator and is at least 24 by 24 px, testimonies opened, on every page", async () => {
    const problems: string[] = [];
    let total = 0;
    for (const path of readerPages()) {
      await session.page.goto(session.web.url(path));
      // Open every collapsed testimony so the links inside are walked too.
      await session.page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      const stops = await tabStops(session.page);
      expect(stops.length, `${path} has keyboard stops`).toBeGreaterThan(0);
      total += stops.length;
      for (const stop of stops) {
        if (!stop.outline && !stop.boxShadow) problems.push(`${path} ${stop.label}: no outline or box-shadow when focused`);
        if (!stop.inText && (stop.width < 24 || stop.height < 24)) {
          problems.push(`${path} ${stop.label}: target ${stop.width.toFixed(1)} x ${stop.height.toFixed(1)} px, under 24 x 24`);
        }
      }
    }
    expect(total).toBeGreaterThan(readerPages().length);
    expect(problems.join("\n")).toBe("");
  });
});

describe("language switcher", () => {
  test.each([
    ["/en/immoral/", "ar", "/ar/immoral/"],
    ["/ar/immoral/", "en", "/en/immoral/"],
    ["/ar/", "en", "/en/"],
  ])("from %s, Tab to %s and Enter opens %s", async (from, code, to) => {
    await session.page.goto(session.web.url(from));
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await session.page.keyboard.press("Tab");
      reached = await session.page.evaluate((c) => document.activeElement?.matches(`.language-switcher a[hreflang="${c}"]`) ?? false, code);
    }
    expect(reached, `the ${code} link of the switcher is reachable with Tab`).toBe(true);
    await Promise.all([session.page.waitForURL(session.web.url(to)), session.page.keyboard.press("Enter")]);
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe(code);
  });
});

describe("collapsed testimonies", () => {
  test.each(["/en/immoral/", "/ar/immoral/"])("on %s: Enter opens the summary, Space closes and reopens it", async (path) => {
    await session.page.goto(session.web.url(path));
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await session.page.keyboard.press("Tab");
      reached = await session.page.evaluate(() => document.activeElement?.tagName === "SUMMARY");
    }
    expect(reached, "a summary is reachable with Tab").toBe(true);
    const isOpen = () => session.page.evaluate(() => (document.activeElement!.parentElement as HTMLDetailsElement).open);
    expect(await isOpen()).toBe(false);
    await session.page.keyboard.press("Enter");
    expect(await isOpen()).toBe(true);
    const bodyVisible = await session.page.evaluate(() => {
      const body = document.activeElement!.parentElement!.querySelector(".details-body")!;
      return body.getBoundingClientRect().height > 0;
    });
    expect(bodyVisible).toBe(true);
    await session.page.keyboard.press("Space");
    expect(await isOpen()).toBe(false);
    await session.page.keyboard.press("Space");
    expect(await isOpen()).toBe(true);
  });
});
