// Preloaded into a command (node --import) by tests/read-once.test.ts: counts how often each
// content and locale file (and campaign.yml) is read, and writes the counts as JSON to
// READ_COUNTS_FILE when the process exits.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.cwd();
const counts = {};

function count(target) {
  let path;
  if (typeof target === "string") path = target;
  else if (target instanceof URL) path = fileURLToPath(target);
  else if (Buffer.isBuffer(target)) path = target.toString();
  else return;
  const file = relative(root, resolve(path)).split("\\").join("/");
  if (/^(content|locales)\//.test(file) || file === "campaign.yml") counts[file] = (counts[file] ?? 0) + 1;
}

for (const [owner, name] of [[fs, "readFileSync"], [fs, "readFile"], [fs.promises, "readFile"]]) {
  const original = owner[name];
  owner[name] = function (target, ...rest) {
    count(target);
    return original.call(this, target, ...rest);
  };
}
// ES modules importing { readFileSync } from "node:fs" see the counting version too.
syncBuiltinESMExports();

process.on("exit", () => fs.writeFileSync(process.env.READ_COUNTS_FILE, JSON.stringify(counts)));
