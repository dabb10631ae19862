// npm run locale:new -- <code>: scaffolds locales/<code>/ and content/<code>/ from the source
// locale. Files that already exist are left exactly as they are. When the locale's script needs a
// print font package.json does not list (ja: @fontsource/noto-sans-jp), it runs npm install for it, and says so.
import { reportFailure } from "./cli.ts";
import { installPackages } from "./setup/installPackages.ts";
import { addLocaleFonts, scaffoldLocale } from "./translators/newLocale.ts";

const code = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!code) {
  console.error("✗ name the locale to create\n  usage: npm run locale:new -- <code>   (a BCP 47 language tag: fr, ar, pt-BR, zh-Hant…)");
  process.exit(2);
}
try {
  const outcomes = scaffoldLocale(process.cwd(), code);
  for (const { file, result, terms } of outcomes) {
    if (result === "updated") console.log(`✓ added ${code} to ${terms} term${terms === 1 ? "" : "s"} in ${file} (accepted: [], to be decided first)`);
    else if (file.endsWith("glossary.yml")) console.log(`– ${file}: every term already has ${code}; left as it is`);
    else console.log(result === "created" ? `✓ created ${file}` : `– skipped ${file} (it already exists; left as it is)`);
  }
  addLocaleFonts(process.cwd(), [code], (packages) => installPackages(process.cwd(), packages), console.log);
  const created = outcomes.filter((o) => o.result === "created").length;
  console.log(`
${created} file${created === 1 ? "" : "s"} created. Next:
  1. Check locales/${code}/locale.json (the language's name, direction and digits), and decide the
     glossary's renderings first: each  ${code}: { accepted: [] }  in content/glossary.yml.
  2. Translate locales/${code}/ui.json (the text after each colon) and each file in content/${code}/.
  3. After translating a section:  npm run locale:mark -- ${code} <section-id>
  4. See what is left:             npm run check -- --locale ${code}
  5. Preview:                      npm start, then open http://localhost:8080/${code}/
TRANSLATING.md explains every step.`);
} catch (error) {
  reportFailure(error, "Creating the locale");
}
