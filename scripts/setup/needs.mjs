// Guards the commands a translator's setup (npm run setup -- --translator) leaves out: run before
// them in package.json, it says what to run when the devDependencies (the PDF build, the tests)
// are not installed, instead of a "command not found". Plain Node: nothing else may be there.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { npmPackages } from "./probe.mjs";

const command = process.argv[2] ?? "this command";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
if (!npmPackages(root).dev) {
  console.error(
    `✗ npm run ${command} needs the PDF build's and the tests' tools, which a translator's setup leaves out\n` +
      "  → run npm run setup (it adds them, and Chromium, poppler and Java where absent), then run the command again;\n" +
      "    npm run check, npm start and npm run build:site work without them",
  );
  process.exit(1);
}
