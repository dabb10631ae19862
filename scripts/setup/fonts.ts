// The fonts step of npm run setup: the print font packages the project's locales (locales/<code>/)
// need, installed when package.json lacks one (a locale added by hand, or merged without its font).
// Runs once the npm packages are in, with tsx, so it reads the one font registry (scripts/print/fonts.ts).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { addLocaleFonts } from "../translators/newLocale.ts";
import { installPackages } from "./installPackages.ts";

const root = process.cwd();
const codes = readdirSync(join(root, "locales")).filter((code) => existsSync(join(root, "locales", code, "locale.json")));
const lines = addLocaleFonts(root, codes, (packages) => installPackages(root, packages, process.argv.includes("--omit=dev")), console.log);
if (lines.some((line) => line.startsWith("✗"))) process.exit(1);
