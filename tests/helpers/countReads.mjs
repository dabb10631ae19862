// Preloaded into a command (node --import) by tests/read-once.test.ts and the dev server test:
// counts how often each content and locale file (and campaign.yml) is read, and keeps the counts
// as JSON in READ_COUNTS_FILE, written after every counted read (a dev server never exits by itself).
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.cwd();
const counts = {};
const writeFileSync = fs.writeFileSync;

function count(target) {
  let path;
  if (typeof target === "string") path = target;
  else if (target instanceof URL) path = fileURLToPath(target);
  else if (Buffer.isBuffer(target)) path = target.toString();
  else return;
  const file = relative(root, resolve(path)).split("\\").join("/");
  if (/^(content|locales)\//.test(file) || file === "campaign.yml") {
    counts[file] = (counts[file] ?? 0) + 1;
    writeFileSync(process.env.READ_COUNTS_FILE, JSON.stringify(counts));
  }
}

// A read is a readFile of a path, or an open for reading (then read through the descriptor);
// an open made by readFile itself is not counted again.
let inReadFile = 0;
for (const [owner, name] of [
  [fs, "readFileSync"],
  [fs, "readFile"],
  [fs.promises, "readFile"],
]) {
  const original = owner[name];
  owner[name] = function (target, ...rest) {
    count(target);
    inReadFile++;
    try {
      return original.call(this, target, ...rest);
    } finally {
      inReadFile--;
    }
  };
}
for (const [owner, name] of [
  [fs, "openSync"],
  [fs, "open"],
  [fs.promises, "open"],
]) {
  const original = owner[name];
  owner[name] = function (target, flags, ...rest) {
    // Numeric flags (the reader's O_RDONLY | O_NOFOLLOW): read-only is an access mode of O_RDONLY.
    const readOnly = flags === undefined || flags === "r" || typeof flags === "function" || (typeof flags === "number" && (flags & 3) === fs.constants.O_RDONLY);
    if (inReadFile === 0 && readOnly) count(target);
    return original.call(this, target, flags, ...rest);
  };
}
// ES modules importing { readFileSync } from "node:fs" see the counting version too.
syncBuiltinESMExports();
