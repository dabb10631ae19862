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
