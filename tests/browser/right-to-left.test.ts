// Right to left in a real layout engine: start edges, mirrored navigation, no sideways
// scrolling at 320 px, and Latin names and document symbols inside Arabic sentences. And one
// rule of another script: Korean lines break between words.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../../scripts/build/buildSite.ts";
import { printVariants } from "../../scripts/print/index.ts";
import { localeOf, newContext, usePageOnSite } from "../helpers/browser.ts";
import { ROOT } from "../helpers/site.ts";

const session = usePageOnSite();

const codes = () => session.web.site.model.locales.map((l) => l.code);
const dirOf = (code: string) => session.web.site.model.locales.find((l) => l.code === code)!.dir;

interface Edge {
  char: string;
  direction: string;
  fromLeft: number;
  fromRight: number;
}

/** Where the first character of each element's text sits, measured from its content box edges. */
function firstCharacterEdges(selector: string): Edge[] {
  return [...document.querySelectorAll(selector)].flatMap((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => ((n.textContent ?? "").trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP) });
    const node = walker.nextNode() as Text | null;
    if (!node) return [];
    const offset = node.data.search(/\S/);
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const glyph = range.getClientRects()[0];
    if (!glyph) return [];
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    return [{ char: node.data[offset]!, direction: style.direction, fromLeft: glyph.left - left, fromRight: right - glyph.right }];
  });
}

describe("start edge", () => {
  test("headings and paragraphs start at the right in Arabic and at the left in English", async () => {
    const checked = new Map<string, number>();
    for (const view of [...session.web.site.model.homes, ...session.web.site.model.sectionPages]) {
      const code = view.locale.code;
      await session.page.goto(session.web.url(view.url));
      const fallback = "pledge" in view ? view.pledge.language.fallback : view.language.fallback;
      // Blocks whose first character takes the paragraph direction (a Latin word opening an Arabic line does not).
      const strong = dirOf(code) === "rtl" ? /[\p{Script=Arabic}«(\d]/u : /[\p{Script=Latin}“"(\d]/u;
      const edges = (await session.page.evaluate(firstCharacterEdges, "main h1, main .section-body > p")).filter((e) => strong.test(e.char));
      expect(edges.length, `${view.url}: blocks to measure`).toBeGreaterThan(0);
      for (const edge of edges) {
        const expected = fallback ? dirOf(session.web.site.model.sourceLocale.code) : dirOf(code);
        expect(edge.direction, `${view.url} "${edge.char}"`).toBe(expected);
        const gap = expected === "rtl" ? edge.fromRight : edge.fromLeft;
        expect(Math.abs(gap), `${view.url}: "${edge.char}" starts ${gap.toFixed(1)} px from the ${expected === "rtl" ? "right" : "left"} edge`).toBeLessThan(1.5);
      }
      checked.set(code, (checked.get(code) ?? 0) + edges.length);
    }
    expect(checked.get("ar")).toBeGreaterThan(10);
    expect(checked.get("en")).toBeGreaterThan(10);
  });

  test.each(["en", "ar"])("in %s the site name sits at the start of the header and the switcher at the end", async (code) => {
    await session.page.goto(session.web.url(`/${code}/`));
    const layout = await session.page.evaluate(() => {
      const bar = document.querySelector(".site-header .bar")!;
      const style = getComputedStyle(bar);
      const box = bar.getBoundingClientRect();
      const left = box.left + parseFloat(style.paddingLeft);
      const right = box.right - parseFloat(style.paddingRight);
      const name = document.querySelector(".site-name")!.getBoundingClientRect();
      const switcher = document.querySelector(".language-switcher ul")!.getBoundingClientRect();
      return { nameLeft: name.left - left, nameRight: right - name.right, switcherLeft: switcher.left - left, switcherRight: right - switcher.right };
    });
    if (dirOf(code) === "rtl") {
      expect(layout.nameRight).toBeCloseTo(0, 0);
      expect(layout.switcherLeft).toBeCloseTo(0, 0);
      expect(layout.nameLeft).toBeGreaterThan(100);
    } else {
      expect(layout.nameLeft).toBeCloseTo(0, 0);
      expect(layout.switcherRight).toBeCloseTo(0, 0);
      expect(layout.nameRight).toBeGreaterThan(100);
    }
  });
});

describe("mirrored navigation", () => {
  test.each(["en", "ar"])("in %s the language switcher runs in the reading direction", async (code) => {
    await session.page.goto(session.web.url(`/${code}/immoral/`));
    const lefts = await session.page.locator(".language-switcher li").evaluateAll((items) => items.map((li) => li.getBoundingClientRect().left));
    expect(lefts.length).toBe(codes().length);
    const ordered = [...lefts].toSorted((a, b) => (dirOf(code) === "rtl" ? b - a : a - b));
    expect(lefts, "first item at the start edge").toEqual(ordered);
  });

  test.each(["en", "ar"])("in %s previous sits at the start side and next at the end side, arrows pointing outwards", async (code) => {
    const middle = session.web.site.model.sectionPages.find((p) => p.locale.code === code && p.previous && p.next)!;
    await session.page.goto(session.web.url(middle.url));
    const nav = await session.page.evaluate(() => {
      const previous = document.querySelector(".prev-next .previous")!;
      const next = document.querySelector(".prev-next .next")!;
      return {
        previousLeft: previous.getBoundingClientRect().left,
        nextLeft: next.getBoundingClientRect().left,
        previousArrow: getComputedStyle(previous.querySelector(".label")!, "::before").content,
        nextArrow: getComputedStyle(next.querySelector(".label")!, "::after").content,
      };
    });
    if (dirOf(code) === "rtl") {
      expect(nav.previousLeft, "previous is on the right").toBeGreaterThan(nav.nextLeft);
      expect(nav.previousArrow).toBe('"→ "');
      expect(nav.nextArrow).toBe('" ←"');
    } else {
      expect(nav.previousLeft, "previous is on the left").toBeLessThan(nav.nextLeft);
      expect(nav.previousArrow).toBe('"← "');
      expect(nav.nextArrow).toBe('" →"');
    }
  });
});

test("no page in any locale scrolls sideways at 320 px, testimonies opened", async () => {
  const narrow = await newContext(session.web.browser, 320, 640);
  try {
    const tab = await narrow.newPage();
    const wide: string[] = [];
    // Print pages are the PDFs' sources, laid out on their paper (a poster is A3 wide), and are not published.
    for (const path of session.web.pages.filter((p) => !p.includes("/print/"))) {
      await tab.goto(session.web.url(path));
      await tab.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      // Measured with the page's own fonts (a slow font load once measured the fallback's width).
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      const { scrollWidth, clientWidth } = await tab.evaluate(() => {
        const s = document.scrollingElement!;
        return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
      });
      if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px wide in a ${clientWidth} px window`);
    }
    expect(session.web.pages.filter((p) => localeOf(p, codes()) === "ar").length).toBeGreaterThan(0);
    expect(wide.join("\n")).toBe("");
  } finally {
    await narrow.close();
  }
});

describe("Latin inside Arabic sentences", () => {
  interface Glyphs {
    isolated: boolean;
    /** Left x of each character of the isolate, in logical order. */
    lefts: number[];
    /** The isolate against the Arabic word before it. */
    isolateRight: number;
    wordBeforeLeft: number;
  }

  /** Lays out the citation marker or other left-to-right isolate `text` of `page` and measures it character by character. */
  async function measureRef(path: string, text: string): Promise<Glyphs> {
    await session.page.goto(session.web.url(path));
    return session.page.evaluate((wanted) => {
      const span = [...document.querySelectorAll('main .section-body span[dir="ltr"]')].find((s) => s.textContent === wanted && s.previousSibling?.nodeType === Node.TEXT_NODE);
      if (!span) throw new Error(`no isolated "${wanted}" after Arabic text`);
      const before = span.previousSibling as Text;
      (span.closest("p, li") as HTMLElement).style.whiteSpace = "nowrap"; // one line: visual order is the paragraph's own
      const marker = span.firstChild as Text;
      const box = (node: Text, start: number, end: number) => {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        return range.getBoundingClientRect();
      };
      const style = getComputedStyle(span);
      const lastWord = before.data.trimEnd().length;
      return {
        isolated: span.getAttribute("dir") === "ltr" && style.direction === "ltr" && style.unicodeBidi === "isolate",
        lefts: [...marker.data].map((_, i) => box(marker, i, i + 1).left),
        isolateRight: span.getBoundingClientRect().right,
        wordBeforeLeft: box(before, Math.max(0, lastWord - 1), lastWord).left,
      };
    }, text);
  }

  test.each([
    ["/ar/dual-use/", "[78 A, B]"],
    ["/ar/illegal/", "A-HRC-59-23-AEV*"],
    ["/ar/dual-use/", "+972"],
  ])("on %s, %s reads left to right in an isolate, brackets and asterisk in place", async (path, ref) => {
    const glyphs = await measureRef(path, ref);
    expect(glyphs.isolated, "span dir=ltr with unicode-bidi: isolate").toBe(true);
    // Left to right, character by character: "[" leftmost and "]" (or "*") rightmost, so nothing is mirrored.
    const sorted = [...glyphs.lefts].toSorted((a, b) => a - b);
    expect(glyphs.lefts).toEqual(sorted);
    expect(glyphs.lefts[0]).toBeLessThan(glyphs.lefts.at(-1)!);
    // The marker follows the Arabic word before it, so it sits to its left.
    expect(glyphs.isolateRight).toBeLessThanOrEqual(glyphs.wordBeforeLeft + 0.5);
  });

  /** Positions (left, right) of each piece, in logical order, inside the first text node that contains them all. */
  async function measurePieces(path: string, pieces: string[]) {
    await session.page.goto(session.web.url(path));
    return session.page.evaluate((parts) => {
      const whole = parts.join("");
      const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(whole);
        if (at < 0) continue;
        (node.parentElement!.closest("p, li") as HTMLElement).style.whiteSpace = "nowrap";
        let offset = at;
        return parts.map((part) => {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + part.length);
          offset += part.length;
          const r = range.getBoundingClientRect();
          return { part, left: r.left, right: r.right };
        });
      }
      throw new Error(`"${whole}" is not on the page`);
    }, pieces);
  }

  test("the Arabic comma after Azure Storage sits at its visual left", async () => {
    const [name, comma] = await measurePieces("/ar/precedents/", ["Azure Storage", "،"]);
    expect(comma!.right, "comma left of the name").toBeLessThanOrEqual(name!.left + 0.5);
  });

  test("after Azure at the end of a sentence the full stop sits at its visual left", async () => {
    const [name, stop] = await measurePieces("/ar/precedents/", ["Azure", "."]);
    expect(stop!.right, "full stop left of the name").toBeLessThanOrEqual(name!.left + 0.5);
  });

  test("in (Twitter). the brackets enclose the name and the full stop sits at the far left", async () => {
    const [open, name, close, stop] = await measurePieces("/ar/non-compliant/", ["(", "Twitter", ")", "."]);
    expect(open!.left, "( on the right of the name").toBeGreaterThanOrEqual(name!.right - 0.5);
    expect(close!.right, ") on the left of the name").toBeLessThanOrEqual(name!.left + 0.5);
    expect(stop!.right, "full stop left of the closing bracket").toBeLessThanOrEqual(close!.left + 0.5);
  });
});

describe("the Arabic downloads list", () => {
  // A small PDF per declared file, as npm run build leaves them (the fact sheets three pages long), then the second HTML pass lists them.
  beforeAll(async () => {
    const { PDFDocument } = await import("pdf-lib");
    const withPages = async (count: number) => {
      const pdf = await PDFDocument.create();
      for (let i = 0; i < count; i++) pdf.addPage();
      return pdf.save();
    };
    const [two, three] = [await withPages(2), await withPages(3)];
    const { dir, model } = session.web.site;
    for (const variant of printVariants(model.documents)) writeFileSync(join(dir, "ar", variant.file), variant.document === "fact-sheet" ? three : two);
    await buildSite(ROOT, dir);
  }, 120_000);

  interface Word {
    text: string;
    left: number;
    right: number;
  }

  /** Each download on one line: its link's and its meta's words (split at spaces and commas) in logical order, with where they are drawn. */
  async function downloads(): Promise<{ file: string; isolated: boolean; link: Word[]; meta: Word[] }[]> {
    await session.page.goto(session.web.url("/ar/"));
    return session.page.evaluate(() => {
      const words = (el: Element): Word[] => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const found: Word[] = [];
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (const match of node.data.matchAll(/[^\s،,]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const r = range.getBoundingClientRect();
            found.push({ text: match[0], left: r.left, right: r.right });
          }
        }
        return found;
      };
      return [...document.querySelectorAll("#downloads .download-list > li")].map((li) => {
        (li as HTMLElement).style.whiteSpace = "nowrap"; // one line: visual order is the line's own
        const link = li.querySelector("a")!;
        const meta = li.querySelector(".meta")!;
        return {
          file: link.getAttribute("href")!,
          isolated: [link, meta].every((el) => getComputedStyle(el).unicodeBidi === "isolate"),
          link: words(link),
          meta: words(meta),
        };
      });
    });
  }

  test("each link and its size, page count and file size are runs of their own: the link's words all right of the meta's", async () => {
    const items = await downloads();
    expect(items.length).toBeGreaterThan(8);
    for (const item of items) {
      const linkLeft = Math.min(...item.link.map((w) => w.left));
      const metaRight = Math.max(...item.meta.map((w) => w.right));
      expect(metaRight, `${item.file}: "${item.meta.map((w) => w.text).join(" ")}" drawn inside the link`).toBeLessThanOrEqual(linkLeft + 0.5);
      expect(item.isolated, `${item.file}: link and meta isolated`).toBe(true);
    }
  });

  test("the meta reads right to left word by word: PDF, then the page count with its number, then the size", async () => {
    const items = await downloads();
    const counted = items.filter((item) => item.meta.some((w) => w.text === "صفحات"));
    expect(counted.length, "fact sheets of 3 pages").toBeGreaterThan(0);
    for (const item of items) {
      // No run of Latin words in the meta but "PDF": each word is drawn left of the one before it.
      const order = item.meta.map((w) => w.text).join(" ");
      item.meta.slice(1).forEach((word, i) => {
        expect(word.right, `${item.file}: "${word.text}" after "${item.meta[i]!.text}" in "${order}"`).toBeLessThanOrEqual(item.meta[i]!.left + 0.5);
      });
    }
  });
});

describe("line breaking", () => {
  test("Korean text breaks lines between words, not between two syllables of a word (360 px)", async () => {
    const context = await newContext(session.web.browser, 360, 740);
    try {
      const page = await context.newPage();
      await page.goto(session.web.url("/en/"));
      // A translator's Korean paragraph (tests/fixtures/print-scripts/content/ko/pledge.md), laid out by the site's stylesheet.
      const breaks = await page.evaluate((text) => {
        const p = document.createElement("p");
        p.lang = "ko";
        p.textContent = text;
        document.querySelector("main")!.prepend(p);
        const node = p.firstChild as Text;
        const range = document.createRange();
        const tops: number[] = [];
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          tops.push(range.getClientRects()[0]?.top ?? Number.NaN);
        }
        // Each place a line starts: the text on either side of it.
        return tops.flatMap((top, i) => (i > 0 && top > tops[i - 1]! + 1 ? [`${text.slice(Math.max(0, i - 3), i)}|${text.slice(i, i + 3)}`] : []));
      }, KOREAN);
      expect(breaks.length).toBeGreaterThan(3);
      // No line breaks between two letters of a word; at a space, or after a closing bracket, it may.
      expect(breaks.filter((at) => /\p{L}\|\p{L}/u.test(at))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

const KOREAN =
  "기술 지원부터 엔지니어링, 그 밖의 분야에 이르기까지 다양한 조직과 역할에 종사하는 Microsoft 직원으로서, 우리는 팔레스타인에서의 제노사이드 및 기타 반인도적 범죄에 기여할 수 있는 티켓 또는 그로 인한 에스컬레이션(인시던트 관리 항목(ICM), 협업 작업 또는 기타)을 맡지 않고, 작업하지 않고, 돕지 않으며, 그 지원에도 협력하지 않을 것을 서약합니다.";
