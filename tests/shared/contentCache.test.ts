// The content-hash cache: a value comes back only under its own key, in the current format; a
// damaged, truncated or foreign entry reads as absent; unused entries age out; the bypass works.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { cacheBypassed, codeIdentity, ContentFiles, JsonCache, JsonPack, OutputCache, sha256 } from "../../scripts/shared/contentCache.ts";
import { ROOT } from "../helpers/site.ts";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "content-cache-"));
  dirs.push(dir);
  return join(dir, "cache");
}

describe("JsonCache", () => {
  test("a value is read back under its key, and the entry holds the key and the format", () => {
    const cache = new JsonCache<{ n: number }>(folder(), "code-1");
    const key = cache.key(["content", "options"]);
    expect(cache.get(key)).toBeUndefined();
    cache.put(key, { n: 1 });
    expect(cache.get(key)).toEqual({ n: 1 });
    expect(JSON.parse(readFileSync(cache.file(key), "utf8"))).toEqual({ format: 1, key, value: { n: 1 } });
    expect(readdirSync(cache.dir)).toEqual([`${key}.json`]);
  });

  test("the key changes with every part, the code identity, and where one part ends", () => {
    const a = new JsonCache(folder(), "code-1");
    const b = new JsonCache(folder(), "code-2");
    const keys = [a.key(["ab", "c"]), a.key(["a", "bc"]), a.key(["ab", undefined]), a.key(["ab", ""]), b.key(["ab", "c"])];
    expect(new Set(keys).size).toBe(keys.length);
    expect(a.key(["ab", "c"])).toBe(a.key(["ab", "c"]));
  });

  test.each([
    ["garbage", () => "\u0000\u00ff not json"],
    ["a truncated entry", (key: string) => JSON.stringify({ format: 1, key, value: { n: 1 } }).slice(0, 20)],
    ["a valid entry of another key", () => JSON.stringify({ format: 1, key: "0".repeat(32), value: { n: 2 } })],
    ["another format", (key: string) => JSON.stringify({ format: 0, key, value: { n: 2 } })],
    ["no value", (key: string) => JSON.stringify({ format: 1, key })],
    ["null", () => "null"],
  ])("%s is not trusted, and a put replaces it", (_, write) => {
    const cache = new JsonCache<{ n: number }>(folder(), "code");
    const key = cache.key(["x"]);
    mkdirSync(cache.dir, { recursive: true });
    writeFileSync(cache.file(key), write(key));
    expect(cache.get(key)).toBeUndefined();
    cache.put(key, { n: 3 });
    expect(cache.get(key)).toEqual({ n: 3 });
  });

  test("entries unused for two weeks are dropped, once a day; a read counts as a use", () => {
    const cache = new JsonCache<number>(folder(), "code");
    const [old, used, fresh] = ["old", "used", "fresh"].map((k) => cache.key([k])) as [string, string, string];
    for (const key of [old, used, fresh]) cache.put(key, 1);
    const weeksAgo = new Date(Date.now() - 15 * 86_400_000);
    for (const key of [old, used]) utimesSync(cache.file(key), weeksAgo, weeksAgo);
    expect(cache.get(used)).toBe(1);
    cache.prune();
    expect(readdirSync(cache.dir).toSorted()).toEqual([".pruned", `${fresh}.json`, `${used}.json`].toSorted());
    // Pruned today: a second instance does not list the folder again.
    utimesSync(cache.file(fresh), weeksAgo, weeksAgo);
    new JsonCache<number>(cache.dir, "code").prune();
    expect(readdirSync(cache.dir)).toContain(`${fresh}.json`);
  });

  test("a folder that cannot be created only means nothing is kept", () => {
    const dir = folder();
    writeFileSync(dir, "a file where the folder would go");
    const cache = new JsonCache<number>(join(dir, "cache"), "code");
    expect(() => cache.put(cache.key(["x"]), 1)).not.toThrow();
    expect(cache.get(cache.key(["x"]))).toBeUndefined();
  });
});

describe("JsonPack (many small values in one file)", () => {
  const day = 86_400_000;

  test("values come back under their keys in the next run; written only when something changed", () => {
    const file = join(folder(), "ar.json");
    const first = new JsonPack<number[]>(file, "code");
    const [a, b] = [first.key(["a"]), first.key(["b"])];
    first.put(a, [1]);
    first.put(b, [2]);
    first.save();
    const next = new JsonPack<number[]>(file, "code");
    expect([next.get(a), next.get(b), next.get(next.key(["c"]))]).toEqual([[1], [2], undefined]);
    writeFileSync(file, readFileSync(file, "utf8").replace('"format":1', '"format":1 '));
    next.save();
    // Nothing new, used today already: the file is not written again.
    expect(readFileSync(file, "utf8")).toContain('"format":1 ');
  });

  test.each([
    ["garbage", "\u0000"],
    ["a truncated pack", '{"format":1,"entries":{"'],
    ["another format", '{"format":0,"entries":{}}'],
    ["a pack without its code identity", '{"format":1,"entries":{"KEY":{"used":1,"value":2}}}'],
    ["an entry without its value", '{"format":1,"identity":"code","entries":{"KEY":{"used":1}}}'],
    ["entries that are not objects", '{"format":1,"identity":"code","entries":{"KEY":3}}'],
  ])("%s reads as empty, and the next save replaces it", (_, text) => {
    const file = join(folder(), "ar.json");
    const pack = new JsonPack<number>(file, "code");
    const key = pack.key(["a"]);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, text.replace("KEY", key));
    expect(pack.get(key)).toBeUndefined();
    pack.put(key, 1);
    pack.save();
    expect(new JsonPack<number>(file, "code").get(key)).toBe(1);
  });

  test("an entry unused for two weeks is left out when the pack is next written; a use keeps it", () => {
    const file = join(folder(), "ar.json");
    const then = Date.now() - 15 * day;
    const old = new JsonPack<number>(file, "code", then);
    const [unused, used] = [old.key(["unused"]), old.key(["used"])];
    old.put(unused, 1);
    old.put(used, 2);
    old.save();
    const now = new JsonPack<number>(file, "code");
    expect(now.get(used)).toBe(2);
    now.save();
    const later = new JsonPack<number>(file, "code");
    expect([later.get(unused), later.get(used)]).toEqual([undefined, 2]);
  });

  test("a pack written by other code is read as empty and written without its entries; this code's are kept", () => {
    const file = join(folder(), "ar.json");
    const before = new JsonPack<number>(file, "code-1");
    const old = before.key(["a"]);
    before.put(old, 1);
    before.save();
    const after = new JsonPack<number>(file, "code-2");
    const key = after.key(["a"]);
    expect(after.get(key)).toBeUndefined();
    after.put(key, 2);
    after.save();
    const written = JSON.parse(readFileSync(file, "utf8")) as { identity: string; entries: object };
    expect([written.identity, Object.keys(written.entries)]).toEqual(["code-2", [key]]);
    // Back to the first code (a branch switched back): its entries were dropped, never served.
    expect(new JsonPack<number>(file, "code-1").get(old)).toBeUndefined();
    expect(new JsonPack<number>(file, "code-2").get(key)).toBe(2);
  });

  test("the key holds the code identity", () => {
    const dir = folder();
    expect(new JsonPack(join(dir, "a.json"), "code-1").key(["x"])).not.toBe(new JsonPack(join(dir, "a.json"), "code-2").key(["x"]));
  });
});

describe("OutputCache (the PDFs and share cards)", () => {
  const pdf = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55, 10, 1, 2, 3]);
  const key = "a".repeat(32);

  test("an output comes back byte for byte with its facts; without facts, facts are undefined", () => {
    const cache = new OutputCache<{ pages: number }>(folder(), "pdf");
    expect(cache.get(key)).toBeUndefined();
    cache.put(key, pdf, { pages: 2 });
    expect(cache.get(key)).toEqual({ bytes: Buffer.from(pdf), facts: { pages: 2 } });
    expect(readdirSync(cache.dir).toSorted()).toEqual([`${key}.json`, `${key}.pdf`]);
    const cards = new OutputCache(folder(), "png");
    cards.put(key, pdf);
    expect(cards.get(key)).toEqual({ bytes: Buffer.from(pdf), facts: undefined });
  });

  test.each([
    ["a truncated output", (cache: OutputCache<{ pages: number }>) => writeFileSync(cache.output(key), pdf.slice(0, 5))],
    ["another output in its place", (cache: OutputCache<{ pages: number }>) => writeFileSync(cache.output(key), "not the PDF")],
    ["its entry damaged", (cache: OutputCache<{ pages: number }>) => writeFileSync(join(cache.dir, `${key}.json`), "{")],
    ["its entry another key's", (cache: OutputCache<{ pages: number }>) => writeFileSync(join(cache.dir, `${key}.json`), JSON.stringify({ format: 1, key: "b".repeat(32), value: { sha256: "0", facts: { pages: 9 } } }))],
    ["its entry gone", (cache: OutputCache<{ pages: number }>) => rmSync(join(cache.dir, `${key}.json`))],
  ])("%s: not served, and rendering again replaces it", (_, damage) => {
    const cache = new OutputCache<{ pages: number }>(folder(), "pdf");
    cache.put(key, pdf, { pages: 2 });
    damage(cache);
    expect(cache.get(key)).toBeUndefined();
    cache.put(key, pdf, { pages: 2 });
    expect(cache.get(key)?.facts).toEqual({ pages: 2 });
  });

  test("pruning drops an output with its entry, and an output whose entry is gone", () => {
    const cache = new OutputCache(folder(), "png");
    const [old, orphan, fresh] = ["1", "2", "3"].map((c) => c.repeat(32)) as [string, string, string];
    for (const k of [old, orphan, fresh]) cache.put(k, pdf);
    rmSync(join(cache.dir, `${orphan}.json`));
    const weeksAgo = new Date(Date.now() - 15 * 86_400_000);
    for (const file of [`${old}.json`, `${old}.png`, `${orphan}.png`]) utimesSync(join(cache.dir, file), weeksAgo, weeksAgo);
    cache.prune();
    expect(readdirSync(cache.dir).toSorted()).toEqual([".pruned", `${fresh}.json`, `${fresh}.png`]);
  });
});

describe("ContentFiles (the site's pages by the hash of their bytes)", () => {
  const pages = ["<p>one</p>", "<p>two</p>"];
  const [one, two] = pages.map(sha256) as [string, string];
  function keptPages() {
    const files = new ContentFiles(folder(), "html");
    const out = join(files.dir, "..", "out");
    mkdirSync(out);
    for (const [i, page] of pages.entries()) {
      writeFileSync(join(out, `${i}.html`), page);
      files.keep(join(out, `${i}.html`), sha256(page));
    }
    return { files, out };
  }

  test("a kept page is placed in a folder made for it, and over a page there, which is replaced, never written through", () => {
    const { files, out } = keptPages();
    const page = join(out, "en", "section", "index.html");
    expect(files.place(one, page)).toBe(true);
    expect(readFileSync(page, "utf8")).toBe(pages[0]);
    // The page there is the link to another kept page: placing over it leaves that one as it was.
    expect(files.place(two, page)).toBe(true);
    expect(readFileSync(page, "utf8")).toBe(pages[1]);
    expect(readFileSync(files.file(one), "utf8")).toBe(pages[0]);
    writeFileSync(join(out, "plain.html"), "an earlier build's page");
    expect(files.place(one, join(out, "plain.html"))).toBe(true);
    expect(readFileSync(join(out, "plain.html"), "utf8")).toBe(pages[0]);
  });

  test("a kept page whose bytes no longer hash to its name, or one not kept, is not placed", () => {
    const { files, out } = keptPages();
    writeFileSync(files.file(one), "<p>garbage</p>");
    expect(files.place(one, join(out, "a", "index.html"))).toBe(false);
    expect(files.place("0".repeat(64), join(out, "b", "index.html"))).toBe(false);
    expect(readdirSync(out).toSorted()).toEqual(["0.html", "1.html"]);
  });
});

test("PLEDGE_NO_CACHE bypasses the cache unless empty or 0", () => {
  expect(cacheBypassed({})).toBe(false);
  expect(cacheBypassed({ PLEDGE_NO_CACHE: "" })).toBe(false);
  expect(cacheBypassed({ PLEDGE_NO_CACHE: "0" })).toBe(false);
  expect(cacheBypassed({ PLEDGE_NO_CACHE: "1" })).toBe(true);
});

test("the code identity changes with a module's text and a package's version", () => {
  const root = folder();
  mkdirSync(join(root, "code"), { recursive: true });
  mkdirSync(join(root, "node_modules", "pkg"), { recursive: true });
  const identity = () => codeIdentity({ root, folders: [join(root, "code")], packages: ["pkg"] });
  writeFileSync(join(root, "code", "a.ts"), "export const a = 1;");
  writeFileSync(join(root, "node_modules", "pkg", "package.json"), '{"version":"1.0.0"}');
  const first = identity();
  writeFileSync(join(root, "code", "a.ts"), "export const a = 2;");
  const edited = identity();
  writeFileSync(join(root, "node_modules", "pkg", "package.json"), '{"version":"1.0.1"}');
  expect(new Set([first, edited, identity()]).size).toBe(3);
  expect(codeIdentity({ root: ROOT, folders: [], packages: [] })).toMatch(/^[0-9a-f]{64}$/);
});

test("a tree of the code identity counts every file under it, at any depth, by its path and text", () => {
  const root = folder();
  mkdirSync(join(root, "templates", "layouts"), { recursive: true });
  const identity = () => codeIdentity({ root, folders: [], packages: [], trees: [join(root, "templates")] });
  writeFileSync(join(root, "templates", "layouts", "base.njk"), "<p>{{ a }}</p>");
  const first = identity();
  writeFileSync(join(root, "templates", "layouts", "base.njk"), "<p>{{ b }}</p>");
  const edited = identity();
  writeFileSync(join(root, "templates", "site.css"), "p {}");
  const added = identity();
  rmSync(join(root, "templates", "site.css"));
  writeFileSync(join(root, "templates", "layouts", "site.css"), "p {}");
  expect(new Set([first, edited, added, identity()]).size).toBe(4);
});
