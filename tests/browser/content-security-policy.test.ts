// The Content-Security-Policy as <meta http-equiv> (for hosts that cannot send _headers, such as
// GitHub Pages): on every page a reader opens, with the directives a meta element may carry,
// and nothing on any page is blocked by it. A control page that breaks the policy proves the
// violations would be seen.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_DIRECTIVES } from "../../scripts/site/securityPolicy.ts";
import { isPrintPage, usePageOnSite } from "../helpers/browser.ts";

const session = usePageOnSite();
const violations: string[] = [];
let current = "";
const readerPages = () => session.web.pages.filter((path) => !isPrintPage(path));
const metaPolicy = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];

beforeAll(async () => {
  const { page } = session;
  await page.exposeFunction("reportViolation", (text: string) => violations.push(`${current}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${current}: console: ${message.text()}`);
  });
});

test("every reader page carries the policy as a meta element, without the header-only directives", () => {
  const pages = readerPages();
  expect(pages).toEqual(expect.arrayContaining(["/en/", "/ar/", "/404.html", "/", "/translation-status/"]));
  for (const path of pages) {
    const policy = metaPolicy(session.web.site.read(path === "/" ? "/index.html" : path));
    expect(policy, path).toBe(CONTENT_SECURITY_POLICY.meta);
  }
  for (const name of HEADER_ONLY_DIRECTIVES) expect(CONTENT_SECURITY_POLICY.meta).not.toContain(name);
  expect(CONTENT_SECURITY_POLICY.meta).toContain("default-src 'none'");
  // Lighthouse fetches robots.txt from the page (its SEO audit): the same origin may be fetched.
  expect(CONTENT_SECURITY_POLICY.meta).toContain("connect-src 'self'");
  // The header keeps the full policy.
  expect(session.web.site.read("/_headers")).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY.header}`);
  expect(CONTENT_SECURITY_POLICY.header).toContain("frame-ancestors 'none'");
});

test("nothing on any reader page is blocked by it, and the stylesheet still applies", async () => {
  for (const path of readerPages()) {
    current = path;
    await session.page.goto(session.web.url(path), { waitUntil: "load" });
    await session.page.evaluate(async () => {
      for (const d of document.querySelectorAll("details")) d.open = true;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
    // site.css sets the paper colour: it loaded under the policy.
    expect(await session.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), path).toBe("rgb(253, 253, 251)");
  }
  expect(violations.join("\n")).toBe("");
});

test("control: a page that breaks the policy is reported", async () => {
  const control = join(session.web.site.dir, "csp-control.html");
  writeFileSync(
    control,
    `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.meta}"><title>control</title><style>body { color: red; }</style></head><body><p>x</p></body></html>`,
  );
  const before = violations.length;
  current = "/csp-control.html";
  await session.page.goto(session.web.url("/csp-control.html"), { waitUntil: "load" });
  await session.page.waitForTimeout(200);
  expect(violations.slice(before).join("\n")).toMatch(/style-src/);
  expect(await session.page.evaluate(() => getComputedStyle(document.body).color)).not.toBe("rgb(255, 0, 0)");
  violations.splice(before);
});

test("a reader page may fetch from its own origin (Lighthouse reads robots.txt so), and from no other", async () => {
  current = "/en/ (fetch)";
  await session.page.goto(session.web.url("/en/"), { waitUntil: "load" });
  // Run through the DevTools protocol, as Lighthouse runs it: the fetch itself is under the page's policy.
  expect(await session.page.evaluate(async () => (await fetch("/robots.txt")).status)).toBe(200);
  const before = violations.length;
  const elsewhere = await session.page.evaluate(() =>
    fetch("https://example.org/robots.txt").then(
      () => "fetched",
      (error: unknown) => String(error),
    ),
  );
  expect(elsewhere).not.toBe("fetched");
  await session.page.waitForTimeout(200);
  expect(violations.slice(before).join("\n")).toMatch(/connect-src/);
  violations.splice(before);
});
