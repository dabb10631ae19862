// Citations in rendered text keep their own direction (<span class="ref" dir="ltr">), however
// the source writes them: plainly, or through a backslash escape or a character reference that
// makes their characters (a line is ruled out by its source text before its tokens are searched).
import { expect, test } from "vitest";
import { renderMarkdown } from "../../scripts/shared/markdown.ts";

const ref = (text: string) => `<span class="ref" dir="ltr">${text}</span>`;

test.each([
  ["See [78 A, B] and A/75/212.", `<p>See ${ref("[78 A, B]")} and ${ref("A/75/212")}.</p>`],
  ["A link [here](/en/x/) and S/RES/2720 (2023).", `<p>A link <a href="/en/x/">here</a> and ${ref("S/RES/2720 (2023)")}.</p>`],
  ["Sub\\* 2.24 says so.", `<p>${ref("Sub* 2.24")} says so.</p>`],
  ["Escaped &#91;78 A&#93; here.", `<p>Escaped ${ref("[78 A]")} here.</p>`],
  ["Hyphen A\\-HRC-59-23-AEV\\* here.", `<p>Hyphen ${ref("A-HRC-59-23-AEV*")} here.</p>`],
  ["&#83;ub* 2.24", `<p>${ref("Sub* 2.24")}</p>`],
  ["Plain words only.", "<p>Plain words only.</p>"],
])("%s", (source, html) => {
  expect(renderMarkdown(source).trim()).toBe(html);
});

// A "+" and digits that stand as a word of their own (the magazine +972) are isolated left to right
// too, or an Arabic sentence shows them as "972+"; they are no citation marker (the check does not compare them).
const ltr = (text: string) => `<span dir="ltr">${text}</span>`;

test.each([
  ["وكما كشفت مجلة +972 وموقع «لوكال كول»", `<p>وكما كشفت مجلة ${ltr("+972")} وموقع «لوكال كول»</p>`],
  ["«وثائق مسرّبة»، مجلة +972", `<p>«وثائق مسرّبة»، مجلة ${ltr("+972")}</p>`],
  ["as +972 and Local Call revealed", `<p>as ${ltr("+972")} and Local Call revealed</p>`],
  ["(+972) and [78 A, B]", `<p>(${ltr("+972")}) and ${ref("[78 A, B]")}</p>`],
  ["Escaped &#43;972 here.", `<p>Escaped ${ltr("+972")} here.</p>`],
  ["3+4, a+972, +972x and + 972 stay as they are.", "<p>3+4, a+972, +972x and + 972 stay as they are.</p>"],
])("%s", (source, html) => {
  expect(renderMarkdown(source).trim()).toBe(html);
});
