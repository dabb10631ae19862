// npm run audit [-- /en/immoral/ …] [--min=90]: Lighthouse (mobile settings) against the home page
// of each locale (or the pages named), served from _site on the loopback interface, in Debian's
// Chromium. Prints the four category scores per page and what kept a score under the target.
// Exits 1 when a score is under --min (100 unless told). Not part of npm test: scores move with load.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findChromium, HEADLESS_ARGS } from "./shared/chromium.ts";
import { reportFailure } from "./cli.ts";
import { ensureBuiltSite } from "./build/ensureBuilt.ts";
import { buildSiteModel } from "./site/model.ts";
import { serveFolder } from "./shared/staticServer.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

const root = process.cwd();
const siteDir = resolve(root, process.env.SITE_DIR ?? "_site");
const args = process.argv.slice(2).filter((a) => a !== "--debug");
const minArg = args.find((a) => a.startsWith("--min="));
const min = minArg ? Number(minArg.slice("--min=".length)) : 100;
const named = args.filter((a) => !a.startsWith("--"));

try {
  if (!Number.isFinite(min) || min < 0 || min > 100) throw new Error(`--min must be a score from 0 to 100, not "${minArg}"`);
  const lighthouse = await loadLighthouse();
  ensureBuiltSite(siteDir, root);
  const pages = named.length > 0 ? named : buildSiteModel(root).homes.map((home) => home.url);
  process.exitCode = await audit(lighthouse, pages);
} catch (error) {
  reportFailure(error, "The audit");
}

/** What the audit reads of Lighthouse's report. */
interface Report {
  runtimeError?: { message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; score: number | null; title: string; displayValue?: string } | undefined>;
}
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Report } | undefined>;

/** Lighthouse is one of the maintainers' tools (tools/package.json), which npm run setup leaves out. */
async function loadLighthouse(): Promise<Lighthouse> {
  try {
    // A name TypeScript does not resolve: the typecheck passes without the package.
    return ((await import("lighthouse" as string)) as { default: Lighthouse }).default;
  } catch {
    console.error("✗ npm run audit needs Lighthouse, one of the maintainers' tools (tools/package.json), which npm run setup leaves out\n  → run npm run setup -- --tools, then npm run audit again");
    process.exit(1);
  }
}

async function audit(lighthouse: Lighthouse, pages: string[]): Promise<number> {
  const server = await serveFolder(siteDir);
  const profile = mkdtempSync(join(tmpdir(), "pledge-audit-"));
  const chromium = spawn(findChromium(), [...HEADLESS_ARGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });
  let under = 0;
  try {
    const port = await devtoolsPort(chromium);
    for (const path of pages) {
      const url = server.url + path;
      // Lighthouse's default settings are the mobile ones: a phone screen, simulated slow 4G and a 4x slower CPU.
      const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores = CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)] as const);
      console.log(`${path.padEnd(24)} ${scores.map(([id, score]) => `${id} ${score}`).join("  ")}`);
      for (const [id, score] of scores) {
        if (score >= min) continue;
        under++;
        // The audits that cost points in this category, so the fix is obvious.
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const item = lhr.audits[ref.id];
          if (!item || ref.weight === 0 || item.score === null || item.score >= 1) continue;
          console.log(`    ${id}: ${item.id} (${Math.round(item.score * 100)}) ${item.title}${item.displayValue ? ` — ${item.displayValue}` : ""}`);
        }
      }
    }
  } finally {
    // The profile folder can go only once Chromium has stopped writing to it.
    const exited = new Promise((done) => (chromium.exitCode !== null ? done(null) : chromium.once("exit", done)));
    chromium.kill();
    await exited;
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (under > 0) console.log(`\n${under} score(s) under ${min}.`);
  return under > 0 ? 1 : 0;
}

/** The port Chromium's DevTools endpoint listens on, read from its first lines of output. */
function devtoolsPort(child: ChildProcess): Promise<number> {
  return new Promise((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`Chromium did not open its DevTools port within 20 s:\n${output}`)), 20_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (code ${code}) before opening its DevTools port:\n${output}`));
    });
  });
}
