// npm start reads each content and locale file once per rebuild, keeps serving through a broken
// edit, shows the error, and recovers when the file is fixed; it serves the print pages' fonts,
// and an open page reloads itself after an edit.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort, stopDevServer, watcherReady } from "../../scripts/bench/devServer.ts";
import { DEV_SITE, REMOVAL_SIGNAL } from "../../scripts/build/liveBuild.ts";
import { findChromium, HEADLESS_ARGS } from "../../scripts/shared/chromium.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { eachRead, readCounts } from "../helpers/readCounts.ts";
import { ROOT } from "../helpers/site.ts";
import { treeFingerprint } from "../helpers/tree.ts";

let project: ProjectCopy;
let server: ChildProcess;
let log = "";
let base = "";
let countsFile = "";
let firstBuildReads: Record<string, number> = {};
/** The _site/ an earlier npm run build left, as it was before the server started. */
let published = new Map<string, string>();

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; server log:\n${log}`);
}

const page = async (path: string) => {
  const response = await fetch(base + path);
  return { status: response.status, text: await response.text() };
};

/** npm start in `root` (its own process group), counting the files it reads. */
function serve(root: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", join(ROOT, "tests/helpers/countReads.mjs"), join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--serve", `--port=${port}`], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

beforeAll(async () => {
  project = copyProject();
  // A file changed in the last 2 s is read again on every rebuild (its stat could hide an edit in
  // the same clock tick): wait, so that the server reads only what an edit changed from the first build on.
  await new Promise((r) => setTimeout(r, 2100));
  // What npm run build left in _site/: a page, a PDF (two pages) and a share card.
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  project.write("_site/en/index.html", "<p>the published page</p>\n");
  project.write("_site/en/leaflet.pdf", await pdf.save());
  project.write("_site/en/card.png", PNG.sync.write(new PNG({ width: 2, height: 1 })));
  published = treeFingerprint(join(project.root, "_site"));
  const port = await freePort();
  base = `http://localhost:${port}`;
  countsFile = join(project.root, "read-counts.json");
  server = serve(project.root, port, { READ_COUNTS_FILE: countsFile });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  await until("the dev server", async () => ((await page("/ar/")).status === 200 ? true : undefined));
  await until("the first build", async () => (log.includes("Watching") ? true : undefined));
  firstBuildReads = readCounts(countsFile);
  await watcherReady(project.root, () => log, Date.now() + 20_000);
});

afterAll(async () => {
  if (server) await stopDevServer(server);
  project?.remove();
});

test("each content and locale file is read once for the first build; a rebuild reads the edited section file alone, with the small files every section shares", async () => {
  expect(firstBuildReads).toEqual(eachRead(project.root, 1));
  const before = readCounts(countsFile);
  const file = join(project.root, "content/en/pledge.md");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: The pledge, edited"));
  await until("the edited page", async () => ((await page("/en/pledge/")).text.includes("The pledge, edited") ? true : undefined));
  // The page is served once the rebuild has written it, which is after every file was read.
  const after = readCounts(countsFile);
  const read = Object.fromEntries(Object.keys(after).flatMap((path) => (after[path]! > (before[path] ?? 0) ? [[path, after[path]! - (before[path] ?? 0)]] : [])));
  const sectionFile = (path: string) => /^content\/[^/]+\/[^/]+\.md$/.test(path);
  const expected = Object.entries(eachRead(project.root, 1)).filter(([path]) => !sectionFile(path) || path === "content/en/pledge.md");
  expect(read).toEqual(Object.fromEntries(expected));
  expect(expected.length).toBeGreaterThan(5);
});

/** Whether a TCP connection to `host`:`port` is accepted ("connected"), else the error's code (ECONNREFUSED: nothing listens there). */
function connection(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

test("the server answers on this machine only: on the loopback address, not on the machine's network addresses", async ({ skip }) => {
  const port = Number(new URL(base).port);
  expect(await connection("127.0.0.1", port)).toBe("connected");
  // The addresses other machines reach this one at (a link-local IPv6 address needs its interface named: left out).
  const outside = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((a) => !a.internal && !a.address.startsWith("fe80:"))
    .map((a) => a.address);
  if (outside.length === 0) skip("this machine has no network address but loopback");
  for (const address of outside) expect(await connection(address, port), address).toBe("ECONNREFUSED");
});

test("the fonts a print page declares are served from node_modules, and nothing else under their path", async () => {
  const { text } = await page("/ar/print/leaflet/");
  const fonts = [...text.matchAll(/url\("\.\.\/\.\.\/\.\.(\/assets\/print\/fonts\/[\w.-]+\.woff2)"\)/g)].map((m) => m[1]!);
  expect(fonts.some((f) => f.includes("amiri-arabic"))).toBe(true);
  for (const font of fonts) {
    const response = await fetch(base + font);
    expect(response.status, font).toBe(200);
    expect(response.headers.get("content-type"), font).toBe("font/woff2");
    expect((await response.arrayBuffer()).byteLength, font).toBeGreaterThan(1000);
  }
  expect((await fetch(`${base}/assets/print/fonts/no-such-font.woff2`)).status).toBe(404);
});

test("a broken locale file is reported with its name, the last good pages stay served, and a fix is picked up", async () => {
  const file = join(project.root, "locales/ar/ui.json");
  const good = readFileSync(file, "utf8");
  writeFileSync(file, good.replace('"site": {', '"site": {{'));
  await until("the error in the log", async () => (log.includes("locales/ar/ui.json:") ? true : undefined));
  expect(log).toMatch(/locales\/ar\/ui\.json:\d+:\d+: not valid JSON/);
  expect((await page("/ar/")).status).toBe(200);

  writeFileSync(file, good.replace("انتقل إلى المحتوى", "تخطَّ إلى المحتوى"));
  const fixed = await until("the fixed page", async () => {
    const { text } = await page("/ar/");
    return text.includes("تخطَّ إلى المحتوى") ? text : undefined;
  });
  expect(fixed).toContain('<html lang="ar" dir="rtl">');
});

test("broken ::: markup in an edited section is shown in the terminal once, with its line and what to do; the page stays served, and a fix is picked up", async () => {
  const file = join(project.root, "content/en/dual-use.md");
  const good = readFileSync(file, "utf8");
  const before = (await page("/en/dual-use/")).text;
  const message = [
    "content/en/dual-use.md:7: error: the quotation opened here (::: quote) is never closed, so everything after it is swallowed into it",
    "  → add a line with only ::: where the quotation ends",
  ].join("\n");
  const from = log.length;
  const since = () => log.slice(from);
  // The closing ::: of the first quotation left out: the rest of the section would sit in the quote.
  writeFileSync(file, good.replace("across the Israeli military\n:::\n", "across the Israeli military\n"));
  expect(readFileSync(file, "utf8")).not.toBe(good);
  await until("the markup error in the log", async () => (since().includes(message) && /Wrote \d+ files/.test(since().slice(since().indexOf(message))) ? true : undefined));
  expect(since().split(message).length - 1).toBe(1);
  expect((await page("/en/dual-use/")).status).toBe(200);

  // A stray ::: line, in another place.
  const strayFrom = log.length;
  writeFileSync(file, good.replace("across the Israeli military\n:::\n", "across the Israeli military\n:::\n:::\n"));
  await until("the stray ::: in the log", async () => (/content\/en\/dual-use\.md:10: error: .*\n  → /.test(log.slice(strayFrom)) ? true : undefined));

  const fixedFrom = log.length;
  writeFileSync(file, good);
  await until("the page as it was", async () => ((await page("/en/dual-use/")).text === before ? true : undefined));
  await until("the rebuild's end", async () => (/Wrote \d+ files/.test(log.slice(fixedFrom)) ? true : undefined));
  expect(log.slice(fixedFrom)).not.toMatch(/dual-use\.md:\d+: error/);
});

/** Saves `text` as sed -i does: into a new file beside it, renamed over it (the file is never missing). */
function saveThroughTemporaryFile(file: string, text: string): void {
  const temporary = join(file, "..", "sedAb12Cd");
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

test("a save through a temporary file (sed -i) is an edit, not a removal: no removal signal, one rebuild", async () => {
  const signal = join(project.root, REMOVAL_SIGNAL);
  const signalled = () => [readFileSync(signal, "utf8"), statSync(signal).mtimeMs];
  const before = signalled();
  const from = log.length;
  const file = join(project.root, "content/en/dual-use.md");
  const good = readFileSync(file, "utf8");
  saveThroughTemporaryFile(file, good.replace(/\n\n([A-Z][a-z]+) /, "\n\n$1 Sedword "));
  await until("the edited page", async () => ((await page("/en/dual-use/")).text.includes("Sedword") ? true : undefined));
  // Another edit, made after the temporary file was gone: its rebuild comes after anything the server's watchers made of that.
  const other = join(project.root, "content/en/pledge.md");
  writeFileSync(other, readFileSync(other, "utf8").replace(/^title: .*$/m, "title: The pledge, after sed"));
  await until("the other edit", async () => ((await page("/en/pledge/")).text.includes("The pledge, after sed") ? true : undefined));
  expect(signalled()).toEqual(before);
  expect(log.slice(from)).not.toContain("file-removed");
  writeFileSync(file, good);
  await until("the page as it was", async () => (!(await page("/en/dual-use/")).text.includes("Sedword") ? true : undefined));
});

test("a broken front matter saved through a temporary file is reported once, without a stack trace; a fix is picked up", async () => {
  const file = join(project.root, "content/en/dual-use.md");
  const good = readFileSync(file, "utf8");
  const message = "content/en/dual-use.md:1: the file does not start with front matter (a line with ---)";
  const from = log.length;
  saveThroughTemporaryFile(file, good.replace(/^---\n/, ""));
  await until("the error in the log", async () => (log.slice(from).includes(message) ? true : undefined));
  saveThroughTemporaryFile(file, good.replace(/\n\n([A-Z][a-z]+) /, "\n\n$1 Fixedword "));
  await until("the fixed page", async () => ((await page("/en/dual-use/")).text.includes("Fixedword") ? true : undefined));
  const reported = log.slice(from);
  expect(reported.split(message).length - 1).toBe(1);
  expect(reported).toContain("  → begin the file with ---");
  expect(reported).not.toContain("stack trace");
  expect(reported).not.toMatch(/^\S*\s+at \S/m);
  writeFileSync(file, good);
  await until("the page as it was", async () => (!(await page("/en/dual-use/")).text.includes("Fixedword") ? true : undefined));
});

test("an open page reloads with the edit: the dev server's reload script is allowed to run and connect", async () => {
  const browser = await chromium.launch({ executablePath: findChromium(), args: HEADLESS_ARGS });
  try {
    const tab = await browser.newPage();
    const refused: string[] = [];
    tab.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await tab.goto(`${base}/en/pledge/`, { waitUntil: "load" });
    const reloaded = tab.waitForEvent("load", { timeout: 20_000 });
    const file = join(project.root, "content/en/pledge.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: The pledge, reloaded"));
    await reloaded;
    expect(await tab.textContent("h1")).toContain("The pledge, reloaded");
    expect(refused).toEqual([]);
  } finally {
    await browser.close();
  }
});

test("a rebuild writes again only the section and card pages whose inputs changed; the others keep their files", async () => {
  const output = join(project.root, DEV_SITE);
  const ids = readdirSync(join(project.root, "content", "en")).filter((f) => f.endsWith(".md")).map((f) => f.replace(/\.md$/, ""));
  // Each section's page and its share card's page, in both locales.
  const sectionPages = ["en", "ar"].flatMap((locale) => ids.flatMap((id) => [join(output, locale, id, "index.html"), join(output, locale, "print", `card-${id}`, "index.html")]));
  const before = new Map(sectionPages.map((file) => [file, statSync(file).mtimeMs]));
  const file = join(project.root, "content/en/immoral.md");
  // A word in the body: the page changes, not its title, which the pages before and after it link with.
  writeFileSync(file, readFileSync(file, "utf8").replace(/\n\n([A-Z][a-z]+) /, "\n\n$1 Editedword "));
  await until("the edited page", async () => ((await page("/en/immoral/")).text.includes("Editedword") ? true : undefined));
  const rewritten = sectionPages.filter((f) => statSync(f).mtimeMs !== before.get(f)).map((f) => f.slice(output.length));
  // The Arabic page is rendered again too: it now tells its reader the English has changed since.
  expect(rewritten).toEqual(["/en/immoral/index.html", "/ar/immoral/index.html"]);
  expect((await page("/ar/immoral/")).text).toContain('class="fallback-notice stale-notice"');
  expect(sectionPages.length).toBeGreaterThan(20);
});

test("each kind of edit reaches the section pages it changes: a UI string, campaign.yml, a translated section, a section file removed and put back", async () => {
  const edit = (path: string, change: (text: string) => string) => {
    const file = join(project.root, path);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, change(text));
    expect(readFileSync(file, "utf8")).not.toBe(text);
  };
  const shows = (path: string, what: string | RegExp) =>
    until(`${what} on ${path}`, async () => {
      const { text } = await page(path);
      return (typeof what === "string" ? text.includes(what) : what.test(text)) ? text : undefined;
    });

  // A UI string every section page shows (a second i18next or a string kept from the last build would serve the old one).
  edit("locales/en/ui.json", (text) => text.replace('"Section {{index}} of {{total}}"', '"Part {{index}} of {{total}}"'));
  await shows("/en/precedents/", /Part \d+ of \d+/);
  expect((await page("/en/immoral/")).text).toMatch(/Part \d+ of \d+/);

  edit("campaign.yml", (text) => text.replace(/^name: .*$/m, "name: Campaign Renamed"));
  await shows("/ar/precedents/", "Campaign Renamed");
  expect((await page("/en/dual-use/")).text).toContain("Campaign Renamed");

  edit("content/ar/precedents.md", (text) => text.replace(/\n\n(\S+) /, "\n\n$1 كلمةمعدلة "));
  await shows("/ar/precedents/", "كلمةمعدلة");

  // Removed: the Arabic page shows the English under a notice; put back: the translation again, as it was.
  const file = join(project.root, "content/ar/precedents.md");
  const translation = readFileSync(file, "utf8");
  const before = (await page("/ar/precedents/")).text;
  // (Eleventy 3.1's watcher only logs a removal: the server builds it through its own signal.)
  rmSync(file);
  const fallback = await shows("/ar/precedents/", '<aside class="fallback-notice" role="note">');
  expect(fallback).not.toContain("كلمةمعدلة");
  writeFileSync(file, translation);
  await shows("/ar/precedents/", "كلمةمعدلة");
  expect((await page("/ar/precedents/")).text).toBe(before);
});

test("npm start builds into its own folder, never into _site/: the published site is left as it was, and its PDFs and share cards are shown and served", async () => {
  // After the first build and every edit above.
  expect(treeFingerprint(join(project.root, "_site"))).toEqual(published);
  expect(readFileSync(join(project.root, DEV_SITE, "en/index.html"), "utf8")).toBe((await page("/en/")).text);
  const home = (await page("/en/")).text;
  expect(home).toContain('<a href="/en/leaflet.pdf" type="application/pdf"');
  expect(home).toMatch(/<meta property="og:image" content="[^"]*\/en\/card\.png">/);
  for (const [file, type] of [["en/leaflet.pdf", "application/pdf"], ["en/card.png", "image/png"]] as const) {
    const response = await fetch(`${base}/${file}`);
    expect(response.status, file).toBe(200);
    expect(response.headers.get("content-type"), file).toBe(type);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(project.root, "_site", file))), file).toBe(true);
  }
});

test("a server stopped by SIGTERM right after a rebuild still writes that rebuild's caches, then ends as the signal ends it", async () => {
  const copy = copyProject();
  const port = await freePort();
  // With the caches on (the tests turn them off).
  const stopped = serve(copy.root, port, { PLEDGE_NO_CACHE: "", READ_COUNTS_FILE: join(copy.root, "read-counts.json") });
  try {
    let output = "";
    stopped.stdout!.on("data", (d) => (output += d));
    stopped.stderr!.on("data", (d) => (output += d));
    const at = (path: string) => fetch(`http://localhost:${port}${path}`).then((r) => r.text());
    await until("the dev server", async () => (output.includes("Watching") ? true : undefined));
    await watcherReady(copy.root, () => output, Date.now() + 20_000);
    const file = join(copy.root, "content/en/dual-use.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n\n([A-Z][a-z]+) /, "\n\n$1 Stoppedword "));
    await until("the edited page", async () => ((await at("/en/dual-use/")).includes("Stoppedword") ? true : undefined));
    // Well within the 5 s after which a rebuild's packs are written anyway.
    const stoppedAt = Date.now();
    const ended = new Promise<NodeJS.Signals | null>((resolve) => stopped.once("exit", (_code, signal) => resolve(signal)));
    process.kill(-stopped.pid!, "SIGTERM");
    expect(await ended).toBe("SIGTERM");
    expect(Date.now() - stoppedAt).toBeLessThan(4000);
    const cache = join(copy.root, ".cache");
    const written = readdirSync(cache, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json") && statSync(join(cache, f)).mtimeMs >= stoppedAt - 5);
    // The edited section's HTML is among what was kept.
    expect(written.map((f) => readFileSync(join(cache, f), "utf8")).filter((text) => text.includes("Stoppedword")).length).toBeGreaterThan(0);
  } finally {
    // (Ended already where the test got that far.)
    await stopDevServer(stopped);
    copy.remove();
  }
});
