// npm run check: every locale against the source locale (see TRANSLATING.md).
//   --locale ar          only this locale (repeat, or separate with commas, for several)
//   --json               machine-readable results
//   --format markdown    a report for a pull-request comment or a CI job summary
//   --root <folder>      check another project folder (default: the current one)
//   --no-diff            do not look up what changed in the English for stale sections
//   --no-cache           neither read nor write .cache/ (also PLEDGE_NO_CACHE=1)
// Exit status: 0 without errors (warnings allowed), 1 on any error, 2 on a usage mistake.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { reportFailure } from "./cli.ts";
import { checkLocales, jsonReport, markdownReport, textReport } from "./check/index.ts";
import { readProject } from "./project/readProject.ts";

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

try {
  const project = readProject(resolve(args.root ?? process.cwd()), { cache: !args["no-cache"] });
  const locales = args.locale
    ?.flatMap((l) => l.split(","))
    .map((l) => l.trim())
    .filter(Boolean);
  if (locales) {
    const known = project.locales.map((l) => l.code);
    for (const code of locales) {
      if (!known.includes(code)) usage(`there is no locale "${code}": the locales are ${known.join(", ")}`);
    }
  }
  const result = checkLocales(project, { ...(locales ? { locales } : {}), diffs: !args["no-diff"], cache: !args["no-cache"] });
  const report = format === "json" ? jsonReport(result) : format === "markdown" ? markdownReport(result) : textReport(result);
  console.log(report);
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  reportFailure(error, "The translation check");
}
