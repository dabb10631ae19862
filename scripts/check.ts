// npm run check: every locale against the source locale (see TRANSLATING.md).
//   --locale ar          only this locale (repeat, or separate with commas, for several)
//   --json               machine-readable results
//   --format markdown    a report for a pull-request comment or a CI job summary
//   --root <folder>      check another project folder (default: the current one)
//   --no-diff            do not look up what changed in the English for stale sections
//   --no-cache           neither read nor write .cache/ (also PLEDGE_NO_CACHE=1)
//   --debug              stack traces; says when the run was replayed
// Exit status: 0 without errors (warnings allowed), 1 on any error, 2 on a usage mistake.
// A run with nothing changed since the last one (code, options, every file it reads) prints what
// that run printed, from its record in .cache/replay/ (scripts/shared/runRecord.ts), without
// loading the check: the check's modules are imported only for a real run.
import { delimiter, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { reportFailure } from "./cli.ts";
import { projectInputs } from "./project/projectInputs.ts";
import { cacheBypassed } from "./shared/contentCache.ts";
import { codeOfThisRun, RunRecords, takeStamps, type RunInput } from "./shared/runRecord.ts";

const USAGE = "usage: npm run check -- [--locale <code>] [--json | --format text|markdown|json] [--root <folder>] [--no-diff] [--no-cache]";

function usage(problem: string): never {
  console.error(`✗ ${problem}\n  ${USAGE}`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        locale: { type: "string", multiple: true },
        json: { type: "boolean" },
        format: { type: "string" },
        root: { type: "string" },
        "no-diff": { type: "boolean" },
        "no-cache": { type: "boolean" },
        debug: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
}
const args = readArgs();
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const format = args.json ? "json" : (args.format ?? "text");
if (!["text", "markdown", "json"].includes(format)) usage(`unknown format "${format}": use text, markdown or json`);

const root = resolve(args.root ?? process.cwd());
const cache = !args["no-cache"];
const diffs = !args["no-diff"];
const locales = args.locale
  ?.flatMap((l) => l.split(","))
  .map((l) => l.trim())
  .filter(Boolean);
/** Folders of print fonts searched first (scripts/print/fonts.ts), relative to where the command runs. */
const fontFolders = (process.env.PRINT_FONT_PACKAGES ?? "").split(delimiter).filter(Boolean).map((path) => resolve(path));
/** What else shapes the report: the campaign's addresses, the print fonts' folders, where git looks, the locale Node sorts file names by. */
const environment = [
  ...Object.entries(process.env)
    .filter(([name]) => name === "SITE_URL" || name === "SIGNUP_URL" || name.startsWith("GIT_") || name === "LANG" || name === "LANGUAGE" || name.startsWith("LC_"))
    .toSorted(([a], [b]) => (a < b ? -1 : 1)),
  ["fonts", fontFolders],
];
const thisCode = cache && !cacheBypassed() ? codeOfThisRun() : undefined;
const records = thisCode === undefined ? undefined : new RunRecords(join(root, ".cache", "replay"), thisCode, ["check", root, format, JSON.stringify(locales ?? null), String(diffs), JSON.stringify(environment)]);
// Stamped before anything is read (a file edited during the run is seen as changed next time), once for the replay and the record.
const taken = records && stamps();
const replayed = taken && records!.replay(taken);
if (replayed) {
  if (args.debug) console.error(`(replayed from ${records!.file}: nothing the check reads has changed since that run)`);
  process.stdout.write(replayed.stdout);
  process.exitCode = replayed.status;
} else {
  await run();
}

/** The stamps of what the check reads; none where a folder cannot be listed (the run then says what is wrong, and is not recorded). */
function stamps() {
  try {
    return takeStamps([...projectInputs(root, { gitHistory: diffs }), ...fontFolders.map((path): RunInput => ({ path, tree: true }))]);
  } catch {
    return undefined;
  }
}

async function run(): Promise<void> {
  try {
    const [{ checkLocales, jsonReport, markdownReport, textReport }, { readProject }] = await Promise.all([import("./check/index.ts"), import("./project/readProject.ts")]);
    const project = readProject(root, { cache, ...(taken ? { stamps: taken.files } : {}) });
    if (locales) {
      const known = project.locales.map((l) => l.code);
      for (const code of locales) {
        if (!known.includes(code)) usage(`there is no locale "${code}": the locales are ${known.join(", ")}`);
      }
    }
    const result = checkLocales(project, { ...(locales ? { locales } : {}), diffs, cache });
    const report = format === "json" ? jsonReport(result) : format === "markdown" ? markdownReport(result) : textReport(result);
    const status = result.ok ? 0 : 1;
    process.stdout.write(`${report}\n`);
    process.exitCode = status;
    if (taken) records!.record(taken, `${report}\n`, status);
  } catch (error) {
    reportFailure(error, "The translation check");
  }
}
