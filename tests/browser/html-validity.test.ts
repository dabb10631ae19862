// The W3C checker (vnu-jar, on Java 17) over every built HTML page in one run: no errors.
// A deliberately broken control page goes along so a checker that reads nothing cannot pass.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { builtPages } from "../../scripts/build/builtPages.ts";
import { buildRealSite, type BuiltSite } from "../helpers/site.ts";

interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const require = createRequire(import.meta.url);
const VNU_JAR = join(require.resolve("vnu-jar/package.json"), "..", "build", "dist", "vnu.jar");

let site: BuiltSite;
let controlDir: string;
let files: string[];
let messages: VnuMessage[];

beforeAll(async () => {
  site = await buildRealSite();
  controlDir = mkdtempSync(join(tmpdir(), "vnu-control-"));
  const control = join(controlDir, "control.html");
  writeFileSync(control, '<!doctype html><html lang="en"><title>x</title><p><div>block in p</div></p></html>\n');
  files = builtPages(site.dir).map((path) => join(site.dir, path.endsWith("/") ? `${path}index.html` : path));
  const run = await promisify(execFile)("java", ["-jar", VNU_JAR, "--format", "json", "--skip-non-html", ...files, control], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; code?: number }) => {
      // Exit code 1 only means "errors found"; anything else (no Java, no jar) is a failure to run.
      if (error.code !== 1 || !error.stderr)
        throw new Error(`the W3C checker did not run: ${String(error.stderr ?? error)}\nInstall Java 17 (apt-get install openjdk-17-jre-headless) and run npm install.`);
      return error as { stdout: string; stderr: string };
    },
  );
  // vnu writes its JSON report to standard error.
  messages = (JSON.parse(run.stderr) as { messages: VnuMessage[] }).messages;
}, 120_000);
afterAll(() => {
  site?.remove();
  if (controlDir) rmSync(controlDir, { recursive: true, force: true });
});

/**
 * The checker's CSS grammar predates CSS Paged Media 3: `bleed` (https://www.w3.org/TR/css-page-3/#bleed),
 * used by the print pages for press-ready PDFs, is valid CSS it does not know. Only that exact message is let through.
 */
const CHECKER_GAPS = [/^CSS: “bleed”: Property “bleed” doesn't exist\.$/];
const isCheckerGap = (m: VnuMessage) => m.type === "error" && CHECKER_GAPS.some((gap) => gap.test(m.message));

const describeMessage = (m: VnuMessage) => `${(m.url ?? "").replace(/^file:/, "").replace(site.dir, "")}:${m.lastLine ?? "?"} ${m.type}${m.subType ? `/${m.subType}` : ""}: ${m.message}`;
const about = (m: VnuMessage, file: string) => decodeURIComponent((m.url ?? "").replace(/^file:/, "")) === file;

test("the checker reads the pages: the broken control page is reported", () => {
  expect(files.length).toBeGreaterThan(site.model.homes.length + site.model.sectionPages.length);
  expect(messages.some((m) => m.type === "error" && about(m, join(controlDir, "control.html")))).toBe(true);
});

test("no built page has an HTML error (warnings are printed, not failed)", () => {
  const warnings = messages.filter((m) => m.type === "info" && m.subType === "warning" && !about(m, join(controlDir, "control.html")));
  if (warnings.length > 0) console.warn(`W3C checker warnings:\n${warnings.map(describeMessage).join("\n")}`);
  const gaps = messages.filter(isCheckerGap);
  if (gaps.length > 0) console.warn(`W3C checker messages about valid CSS it does not know (not failed):\n${gaps.map(describeMessage).join("\n")}`);
  const errors = messages.filter((m) => (m.type === "error" || m.type === "non-document-error") && !isCheckerGap(m) && !about(m, join(controlDir, "control.html")));
  expect(errors.map(describeMessage).join("\n")).toBe("");
});
