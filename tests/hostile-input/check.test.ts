// A translation is untrusted input: it can never publish an address, a heading or a quotation the
// English does not have. Each form an attacker may try, on a copy of the real project: the check
// reports it as an error in every locale (complete or in progress, and when the English it follows
// is unknown), the build refuses it, and what the renderer refuses never reaches a built page.
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import type { Problem } from "../../scripts/check/types.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { buildRealSite } from "../helpers/site.ts";

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

const FILE = "content/ar/pledge.md";
/** The paragraph of the Arabic pledge outside any block, and one inside its second excerpt. */
const OUTSIDE = "وبالنظر";
const INSIDE = "ورفض";
const BUILD_TIMEOUT = 300_000;

interface Copy extends ProjectCopy {
  /** The line of the file that starts with `start`. */
  lineOf(start: string): number;
  /** Appends text to the line that starts with `start` (a line of the same paragraph). */
  append(start: string, text: string): number;
  /** Inserts lines after the line that starts with `start`. */
  insertAfter(start: string, lines: string[]): number;
}

function project({ complete }: { complete: boolean }): Copy {
  const copy = copyProject();
  copies.push(copy);
  const path = join(copy.root, FILE);
  const lines = () => readFileSync(path, "utf8").split("\n");
  const lineOf = (start: string) => lines().findIndex((l) => l.startsWith(start)) + 1;
  const meta = join(copy.root, "locales/ar/locale.json");
  writeFileSync(meta, JSON.stringify({ ...JSON.parse(readFileSync(meta, "utf8")), complete }, null, 2));
  return {
    ...copy,
    lineOf,
    append(start, text) {
      const all = lines();
      const at = lineOf(start);
      all[at - 1] += text;
      writeFileSync(path, all.join("\n"));
      return at;
    },
    insertAfter(start, inserted) {
      const all = lines();
      const at = lineOf(start);
      all.splice(at, 0, ...inserted);
      writeFileSync(path, all.join("\n"));
      return at;
    },
  };
}

const check = (root: string) => checkLocales(root, { diffs: false, locales: ["ar"] });
const ofKind = (problems: Problem[], kind: Problem["kind"]) => problems.filter((p) => p.kind === kind);
const checkJson = (root: string) => {
  const result = runScript("check.ts", ["--root", root, "--json", "--no-diff"]);
  return { status: result.status, json: JSON.parse(result.stdout) as { ok: boolean; problems: Problem[]; locales: { code: string; blockProblems: Record<string, number> }[] } };
};
const build = (root: string) => runScript("build.ts", ["--site-only"], { cwd: root, env: { SITE_DIR: "_site" } });

/** Every href and visible occurrence of the attacker's site in the built pages. */
function evilIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html")) for (const m of readFileSync(path, "utf8").matchAll(/<a [^>]*href="[^"]*evil\.example[^"]*"/g)) found.push(`${path}: ${m[0]}`);
    }
  };
  walk(dir);
  return found;
}

describe("an added link is an error in every locale", () => {
  test.each([
    ["an autolink", " <https://evil.example/sign>", "https://evil.example/sign"],
    ["a link with a title", ' [وقّع هنا](https://evil.example/t "النموذج الرسمي")', "https://evil.example/t"],
    ["a link with spaces around its address", " [وقّع هنا]( https://evil.example/s )", "https://evil.example/s"],
    ["an angle-bracket address", " [وقّع هنا](<https://evil.example/a x>)", "https://evil.example/a%20x"],
    ["a protocol-relative address", " [وقّع هنا](//evil.example/p)", "//evil.example/p"],
    ["a plain-text address", " وقّعوا على https://evil.example/plain.", "https://evil.example/plain"],
    ["a www. address", " www.evil.example/w", "www.evil.example/w"],
    ["a script link the renderer refuses, shown as text", " [وقّع](javascript:alert(1))", "javascript:alert(1)"],
    ["a data address", " data:text/html,<b>x</b>", "data:text/html,"],
  ])("%s in a paragraph of a locale in progress", (_, text, address) => {
    const copy = project({ complete: false });
    const line = copy.append(OUTSIDE, text);
    const added = ofKind(check(copy.root).problems, "added-link");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ file: FILE, line, severity: "error" });
    expect(added[0]!.message).toContain(address);
    expect(added[0]!.hint).toMatch(/^remove /);
  });

  test.each([true, false])("a reference link ([text][r] with [r]: address), complete: %s: an error in the check's JSON and exit status", (complete) => {
    const copy = project({ complete });
    const line = copy.append(OUTSIDE, " [وقّع هنا][r]");
    copy.insertAfter(OUTSIDE, ["", "[r]: https://evil.example/ref"]);
    const { status, json } = checkJson(copy.root);
    expect(status).toBe(1);
    expect(json.ok).toBe(false);
    const added = json.problems.filter((p) => p.kind === "added-link");
    expect(added).toEqual([expect.objectContaining({ locale: "ar", file: FILE, line: line + 2, severity: "error", message: expect.stringContaining("https://evil.example/ref") })]);
    expect(json.locales.find((l) => l.code === "ar")!.blockProblems["added-link"]).toBe(1);
  });

  test("an autolink in a complete locale: an error in the text report", () => {
    const copy = project({ complete: true });
    const line = copy.append(OUTSIDE, " <https://evil.example/sign>");
    const result = runScript("check.ts", ["--root", copy.root, "--no-diff"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${FILE}:${line}: error: this text writes out the address https://evil.example/sign, which the English (content/en/pledge.md) does not have`);
  });

  test("a bogus source: line (the English it follows is unknown) leaves other differences warnings, an added link an error", () => {
    const copy = project({ complete: false });
    const text = readFileSync(join(copy.root, FILE), "utf8").replace(/^source: .*$/m, "source: deadbeef0000");
    writeFileSync(join(copy.root, FILE), text);
    const line = copy.append(OUTSIDE, " [وقّع هنا](https://evil.example/u)");
    copy.insertAfter(OUTSIDE, ["", "فقرة إضافية ليست في النص الإنجليزي."]);
    const { problems } = check(copy.root);
    expect(ofKind(problems, "unknown-source")).toHaveLength(1);
    expect(ofKind(problems, "structure").map((p) => p.severity)).toEqual(["warning"]);
    expect(ofKind(problems, "added-link")).toEqual([expect.objectContaining({ line, severity: "error" })]);
  });

  test("a link to an address the English has elsewhere in the section is no added link", () => {
    const copy = project({ complete: false });
    const english = join(copy.root, "content/en/pledge.md");
    writeFileSync(english, readFileSync(english, "utf8").replace(/\n\n(Knowing all we do)/, "\n\nSee [the policy](https://example.org/policy).\n\n$1"));
    copy.append(OUTSIDE, " [السياسة](https://example.org/policy)");
    expect(ofKind(check(copy.root).problems, "added-link")).toEqual([]);
  });
});

describe("a UI string adds no address either", () => {
  test.each([true, false])("an address written into a UI string, complete: %s: an error naming the key and its line", (complete) => {
    const copy = project({ complete });
    const file = join(copy.root, "locales/ar/ui.json");
    const strings = JSON.parse(readFileSync(file, "utf8")) as { home: Record<string, string> };
    const key = Object.keys(strings.home)[0]!;
    strings.home[key] = `${strings.home[key]} https://evil.example/ui`;
    writeFileSync(file, JSON.stringify(strings, null, 2));
    const line =
      readFileSync(file, "utf8")
        .split("\n")
        .findIndex((l) => l.includes("evil.example")) + 1;
    const added = ofKind(check(copy.root).problems, "added-link");
    expect(added).toEqual([
      expect.objectContaining({ file: "locales/ar/ui.json", line, severity: "error", message: expect.stringContaining(`"home.${key}" writes out the address https://evil.example/ui`) }),
    ]);
  });

  test("an address the English string has is kept without a problem", () => {
    const copy = project({ complete: true });
    for (const code of ["en", "ar"]) {
      const file = join(copy.root, `locales/${code}/ui.json`);
      const strings = JSON.parse(readFileSync(file, "utf8")) as { home: Record<string, string> };
      const key = Object.keys(strings.home)[0]!;
      strings.home[key] = `${strings.home[key]} https://example.org/ok`;
      writeFileSync(file, JSON.stringify(strings, null, 2));
    }
    expect(ofKind(check(copy.root).problems, "added-link")).toEqual([]);
  });
});

describe("an added heading or quotation is an error in every locale", () => {
  test("::: lines inside a translated paragraph close the excerpt and open a made-up quotation: errors in a locale in progress", () => {
    const copy = project({ complete: false });
    const at = copy.insertAfter(INSIDE, [":::", "::: quote مايكروسوفت، بيان رسمي", "نص مختلق منسوب إلى الشركة.", ":::", "::: excerpt"]);
    const added = ofKind(check(copy.root).problems, "added-structure");
    expect(added.map((p) => [p.line, p.severity])).toEqual([
      [at + 2, "error"],
      [at + 5, "error"],
    ]);
    expect(added[0]!.message).toMatch(/^this quotation is not in the English/);
    expect(added[0]!.message).toContain("مايكروسوفت، بيان رسمي");
    expect(added[1]!.message).toMatch(/^this excerpt is not in the English/);
  });

  test("an added # heading is an error; a --- line under a paragraph is text, not a heading", () => {
    const copy = project({ complete: false });
    copy.insertAfter(OUTSIDE, ["", "## عنوان مختلق"]);
    const headingLine = copy.lineOf("## عنوان مختلق");
    copy.insertAfter(INSIDE, ["---"]);
    const problems = check(copy.root).problems;
    expect(ofKind(problems, "added-structure")).toEqual([expect.objectContaining({ line: headingLine, severity: "error", message: expect.stringMatching(/^this heading is not in the English/) })]);
  });

  test("an excerpt turned into a quotation with a made-up source is an error", () => {
    const copy = project({ complete: false });
    const path = join(copy.root, FILE);
    // The first excerpt becomes an attributed quotation: what the campaign quotes, with a made-up source.
    writeFileSync(path, readFileSync(path, "utf8").replace("::: excerpt", "::: quote مايكروسوفت"));
    const added = ofKind(check(copy.root).problems, "added-structure");
    expect(added).toEqual([
      expect.objectContaining({ line: 7, severity: "error", message: expect.stringMatching(/^this quotation is not in the English \(compare with content\/en\/pledge\.md:5\): “مايكروسوفت”/) }),
    ]);
  });
});

describe("HTML the English does not have (the page would show it as text) is an error in every locale", () => {
  test.each([true, false])("a tag in a paragraph, complete: %s: an error naming the tag; the build refuses it", (complete) => {
    const copy = project({ complete });
    const line = copy.append(OUTSIDE, " <script>alert(1)</script> <b onclick=x>هنا</b>");
    const found = checkLocales(copy.root).problems.filter((p) => p.kind === "added-html");
    expect(found).toEqual([
      expect.objectContaining({
        file: FILE,
        line,
        severity: "error",
        message: "this text holds the HTML tags <script>, </script>, <b onclick=x> and </b>, which the English (content/en/pledge.md) does not have: the page would show them as text",
      }),
    ]);
    if (complete) {
      const refused = build(copy.root);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${FILE}:${line}: error: this text holds the HTML tags <script>`);
    }
  }, BUILD_TIMEOUT);

  test("a tag in a UI string or a title is an error too; an autolink or a < between words is no tag", () => {
    const copy = project({ complete: false });
    const strings = join(copy.root, "locales/ar/ui.json");
    writeFileSync(strings, readFileSync(strings, "utf8").replace('"cta": "', '"cta": "<img src=x onerror=alert(1)>'));
    const path = join(copy.root, FILE);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^title: (.*)$/m, "title: $1 <i>x</i> 3 < 4"));
    const found = checkLocales(copy.root).problems.filter((p) => p.kind === "added-html");
    expect(found.map((p) => [p.file, p.severity, p.message])).toEqual([
      [FILE, "error", "the title holds the HTML tags <i> and </i>, which the English (content/en/pledge.md) does not have: the page would show them as text"],
      ["locales/ar/ui.json", "error", '"home.cta" holds the HTML tag <img src=x onerror=alert(1)>, which the English does not have: the page would show it as text'],
    ]);
  });
});

test("a translation's control characters (a terminal's escape sequences) reach a report or an error only as visible codes", () => {
  const copy = project({ complete: false });
  // ESC c resets a terminal; CSI (U+009B) starts a sequence on some; both inside an address the check quotes.
  copy.append(OUTSIDE, " www.evil\u001bc.example.com/\u009b2J");
  const outputs = [runScript("check.ts", [], { cwd: copy.root }), runScript("check.ts", ["--format", "markdown"], { cwd: copy.root }), build(copy.root)];
  for (const { stdout, stderr } of outputs) {
    // oxlint-disable-next-line no-control-regex -- the control characters are what must not be printed
    expect(stdout + stderr).not.toMatch(/[\u001b\u009b]/);
    expect(stdout + stderr).toContain("www.evil\\u001bc.example.com/\\u009b2J");
  }
}, BUILD_TIMEOUT);

describe("a file or folder that is a symbolic link is refused, and what it points to is never read", () => {
  const SECRET = "https://hunter2-secret.example/token";
  /** A folder outside the project, removed after the test, holding what the links point to. */
  function outside(): string {
    const dir = mkdtempSync(join(tmpdir(), "pledge-linked-"));
    copies.push({ remove: () => rmSync(dir, { recursive: true, force: true }) });
    return dir;
  }
  const text = (problems: Problem[]) => JSON.stringify(problems);

  test.each([
    ["a section file", "content/ar/references.md", (from: string, there: string) => writeFileSync(there, readFileSync(from, "utf8").replace("المراجع", `المراجع ${SECRET}`))],
    ["a UI strings file", "locales/ar/ui.json", (from: string, there: string) => writeFileSync(there, readFileSync(from, "utf8").replace('"cta": "', `"cta": "${SECRET} `))],
  ])("%s linked to a file outside: an error naming it, in the check and the build; nothing of its target reaches a report or a page", (_, file, fill) => {
    const copy = project({ complete: false });
    const there = join(outside(), "target");
    fill(join(copy.root, file), there);
    expect(readFileSync(there, "utf8")).toContain(SECRET);
    rmSync(join(copy.root, file));
    symlinkSync(there, join(copy.root, file));
    const problems = checkLocales(copy.root).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file, severity: "error", message: expect.stringContaining("a symbolic link") }));
    expect(text(problems)).not.toContain("hunter2");
    const report = runScript("check.ts", ["--format", "markdown"], { cwd: copy.root });
    expect(report.stdout).toContain(file);
    expect(report.stdout + report.stderr).not.toContain("hunter2");
    const refused = build(copy.root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${file}: this is a symbolic link`);
  }, BUILD_TIMEOUT);

  test("any other link in content/ or locales/ (to a file, or to nothing) is an error naming it too", () => {
    const copy = project({ complete: false });
    const there = join(outside(), "notes.md");
    writeFileSync(there, `# ${SECRET}\n`);
    symlinkSync(there, join(copy.root, "content/notes.md"));
    symlinkSync(join(outside(), "gone"), join(copy.root, "locales/fr"));
    const linked = checkLocales(copy.root).problems.filter((p) => p.message.includes("a symbolic link"));
    expect(linked.map((p) => [p.file, p.severity])).toEqual([
      ["content/notes.md", "error"],
      ["locales/fr", "error"],
    ]);
    expect(text(linked)).not.toContain("hunter2");
  });

  test("a locale folder linked to a folder outside: an error naming it; its files are not read", () => {
    const copy = project({ complete: false });
    const there = join(outside(), "ar");
    cpSync(join(copy.root, "content/ar"), there, { recursive: true });
    writeFileSync(join(there, "references.md"), readFileSync(join(there, "references.md"), "utf8").replace("المراجع", `المراجع ${SECRET}`));
    expect(readFileSync(join(there, "references.md"), "utf8")).toContain(SECRET);
    renameSync(join(copy.root, "content/ar"), join(copy.root, "ar-moved"));
    symlinkSync(there, join(copy.root, "content/ar"));
    const problems = checkLocales(copy.root).problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: "content/ar", severity: "error", message: expect.stringContaining("a symbolic link") }));
    expect(text(problems)).not.toContain("hunter2");
  });
});

describe("the build", () => {
  test.each([
    ["an autolink", (c: Copy) => c.append(OUTSIDE, " <https://evil.example/sign>")],
    [
      "a reference link",
      (c: Copy) => {
        c.append(OUTSIDE, " [وقّع هنا][r]");
        return c.insertAfter(OUTSIDE, ["", "[r]: https://evil.example/ref"]) + 2;
      },
    ],
    ["a made-up ::: quotation", (c: Copy) => c.insertAfter(INSIDE, [":::", "::: quote مايكروسوفت، بيان رسمي", "نص مختلق.", ":::", "::: excerpt"]) + 2],
  ])(
    "refuses %s in a locale in progress, naming file:line and what to do",
    (_, edit) => {
      const copy = project({ complete: false });
      const line = edit(copy);
      const refused = build(copy.root);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${FILE}:${line}: error: this`);
      expect(refused.stderr).toMatch(/the English does not have .* in ar; a translation publishes only what the English says/);
      expect(refused.stderr).toContain("remove each one named above and keep only what the English says");
    },
    BUILD_TIMEOUT,
  );

  test(
    "the real project still builds",
    () => {
      const copy = project({ complete: true });
      const result = build(copy.root);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    },
    BUILD_TIMEOUT,
  );

  test(
    "the forms the renderer refuses never become a link or a heading on a built page, even past the check",
    async () => {
      const copy = project({ complete: false });
      copy.append(OUTSIDE, " <https://evil.example/sign> [هنا][r] [هنا](//evil.example/p) [هنا](/\\evil.example)");
      copy.insertAfter(OUTSIDE, ["", "[r]: https://evil.example/ref"]);
      copy.insertAfter(INSIDE, ["---"]);
      const site = await buildRealSite(copy.root);
      try {
        expect(evilIn(site.dir)).toEqual([]);
        for (const page of ["/ar/", "/ar/pledge/"]) {
          const html = site.read(page);
          expect(html).toContain("&lt;https://evil.example/sign&gt;");
          expect(html).not.toMatch(/<h2[^>]*>ورفض/);
        }
      } finally {
        site.remove();
      }
    },
    BUILD_TIMEOUT,
  );
});
