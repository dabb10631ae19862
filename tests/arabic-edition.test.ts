// The Arabic edition mirrors the English one: same structure section by section, every
// citation marker and number kept, no fallback notice anywhere.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mainOf, visibleText } from "./helpers/html.ts";
import { buildRealSite, type BuiltSite } from "./helpers/site.ts";
import { CITATION_PATTERN } from "../scripts/shared/markdown.ts";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildRealSite();
});
afterAll(() => site?.remove());

const NUMBERS_AS_WORDS: Record<string, Record<string, number>> = {
  pledge: { "1": -1, "2": -1 },
  illegal: { "1": 1, "2": 1 },
};

/** The block skeleton of a section's body: each block element with its nesting depth. */
function skeleton(html: string): string[] {
  const body = /<div class="section-body"[^>]*>([\s\S]*)<\/div>\s*<\/article>/.exec(html)?.[1] ?? "";
  const blocks: string[] = [];
  let depth = 0;
  for (const [tag, closing, name] of body.matchAll(/<(\/?)(p|li|ul|ol|h[1-6]|blockquote|figure|figcaption|details|summary|strong)\b[^>]*>/g)) {
    if (closing) depth--;
    else blocks.push(`${"  ".repeat(depth++)}${name}`);
    void tag;
  }
  return blocks;
}

const sectionText = (html: string) => visibleText(/<div class="section-body"[^>]*>([\s\S]*)<\/div>\s*<\/article>/.exec(html)?.[1] ?? "");

describe.each(["pledge", "dual-use", "illegal", "precedents", "non-compliant", "immoral", "demands", "references"])("%s", (id) => {
  test("every English paragraph, list item, heading and quote has its Arabic counterpart in the same place", () => {
    const en = skeleton(site.read(`/en/${id}/`));
    const ar = skeleton(site.read(`/ar/${id}/`));
    expect(en.length).toBeGreaterThan(0);
    expect(ar).toEqual(en);
  });

  test("citation markers and document symbols are kept as written, in order", () => {
    const markers = (html: string) => [...sectionText(html).matchAll(CITATION_PATTERN)].map((m) => m[0]);
    expect(markers(site.read(`/ar/${id}/`))).toEqual(markers(site.read(`/en/${id}/`)));
  });

  test("every number of the English text is in the Arabic text (Western digits, as the locale's metadata says)", () => {
    const count = (locale: string) => {
      const section = site.model.sections.get(locale)!.get(id)!;
      const text = `${section.title} ${section.body}`.replace(CITATION_PATTERN, " ");
      const counts = new Map<string, number>();
      for (const [n] of text.matchAll(/\d+(?:[,.]\d+)*/g)) counts.set(n, (counts.get(n) ?? 0) + 1);
      return counts;
    };
    const en = count("en");
    // Written as words in Arabic: "Tier 1/2" (المستوى الأول/الثاني); "(i)/(ii)" numbered (1)/(2).
    for (const [n, delta] of Object.entries(NUMBERS_AS_WORDS[id] ?? {})) en.set(n, (en.get(n) ?? 0) + delta);
    expect(Object.fromEntries([...count("ar")].toSorted())).toEqual(Object.fromEntries([...en].filter(([, c]) => c > 0).toSorted()));
  });

  test("the Arabic page is a translation, not the English fallback", () => {
    const html = site.read(`/ar/${id}/`);
    expect(html).not.toContain("fallback-notice");
    expect(mainOf(html)).toMatch(/[\u0600-\u06FF]{3,}/);
  });
});

test("the Arabic locale is marked complete", () => {
  expect(site.model.locales.find((l) => l.code === "ar")?.complete).toBe(true);
});

// Errors of meaning a professional revision found (issue 11): each wrong rendering must stay gone.
describe("the corrections of the professional revision", () => {
  const arabic = (id: string) => {
    const section = site.model.sections.get("ar")!.get(id)!;
    return `${section.title}\n${section.body}`;
  };
  const all = () => ["pledge", "dual-use", "illegal", "precedents", "non-compliant", "immoral", "demands", "references"].map(arabic).join("\n");

  test("the Human Rights Council is named as such, never by the refugee agency's acronym UNHCR", () => {
    expect(arabic("non-compliant")).toContain("قرارًا صادرًا عن مجلس حقوق الإنسان");
    for (const id of ["non-compliant", "dual-use", "references"]) expect(arabic(id)).not.toContain("UNHCR");
  });

  test("the Israeli military frees hostages, it does not release them as if it held them", () => {
    const text = arabic("non-compliant");
    expect(text).not.toContain("سراح رهائن");
    expect(text).not.toContain("لإطلاق سراح 4 رهائن");
    expect(text).toContain("التي حرّر فيها الجيش الإسرائيلي رهائن بالوسائل العسكرية");
    expect(text).toContain("لتحرير 4 رهائن فقط");
  });

  test("Professor Nizam Mamode's name is transliterated as pronounced", () => {
    expect(arabic("immoral")).not.toContain("ممدوح");
    expect(arabic("immoral")).toContain("البروفيسور نظام مامود");
  });

  test("Azure is written one way that cannot be read as the verb 'I visit'", () => {
    expect(all()).not.toContain("أزور");
    for (const id of ["demands", "references"]) expect(arabic(id)).toContain("«لا Azure للفصل العنصري» (No Azure for Apartheid)");
  });

  test("'is prosecutable' says prosecution is possible, not required", () => {
    const text = arabic("precedents");
    expect(text).not.toContain("يستوجب الملاحقة");
    expect(text.split("تجوز الملاحقة القضائية عليه").length - 1).toBe(2);
  });

  test("'such surveillance systems used by the Israeli military' is not narrowed to the systems just named", () => {
    const text = arabic("non-compliant");
    expect(text).not.toContain("أنظمة المراقبة هذه");
    expect(text).toContain("وأنظمة المراقبة من هذا النوع التي يستخدمها الجيش الإسرائيلي تستخدم تقنية التعرف على الوجه");
  });

  test("one spelling habit: tanween on the letter before alif, and the ellipsis as one character", () => {
    expect(all()).not.toContain("اً");
    expect(all()).not.toContain("...");
  });
});
