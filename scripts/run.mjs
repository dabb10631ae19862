// Runs a command (scripts/<name>.ts) from one bundle of it and the project modules it imports
// (.cache/bundle/<name>/<name>.mjs, made by esbuild, which tsx brings), made again when any file it was
// made of has changed: Node then loads one file instead of compiling every module through tsx on
// each run (npm run check: about 0.5 s of CPU less). Packages stay outside the bundle, each module
// keeps its own import.meta paths, and without esbuild or when bundling fails the command runs
// through tsx exactly as `tsx scripts/<name>.ts` would. A module the command imports with import()
// is a chunk of its own, loaded only when the command gets there (a run replayed from its record
// never loads the check's code). While the bundle is fresh, globalThis[Symbol.for("pledge.code")]
// tells the command which code it is (the record's stamp, packages included), so it can tell its
// own records apart.
//   node scripts/run.mjs <name> [arguments]
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
/** The bundle's shape and how it is made; another number makes every bundle again. */
const FORMAT = 2;
/** A file changed this little before the bundle was made may change again in the same clock tick unseen: the bundle is made again next time. */
const RACY_MS = 2000;

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error("✗ usage: node scripts/run.mjs <command> [arguments], the command being a file scripts/<command>.ts");
  process.exit(2);
}
const entry = join(ROOT, "scripts", `${name}.ts`);
const folder = join(ROOT, ".cache", "bundle", name);
const bundle = join(folder, `${name}.mjs`);
const recordFile = join(folder, "record.json");
/** A chunk another process may still load stays this long after a newer bundle stopped using it. */
const OLD_CHUNK_MS = 86_400_000;
// The command reads its arguments as though it were run itself.
process.argv = [process.argv[0], entry, ...args];

/** A file as its stat tells it apart (size, modification and change times): any write changes it. */
function stamp(file, stat = statSync(file, { bigint: true })) {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
}

/** Whether the bundle was made of the files as they are now. */
function fresh() {
  try {
    const record = JSON.parse(readFileSync(recordFile, "utf8"));
    if (record.format !== FORMAT || record.node !== process.version) return false;
    for (const output of record.outputs) statSync(join(folder, output));
    return Object.entries(record.files).every(([file, was]) => stamp(join(ROOT, file)) === was);
  } catch {
    // No record, a damaged one, or a file gone: made again.
    return false;
  }
}

/** Each module's import.meta paths as its own file's (the bundle sits elsewhere). */
const ownPaths = {
  name: "own-paths",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs)$/ }, (load) => {
      const source = readFileSync(load.path, "utf8");
      const contents = source
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(load.path)))
        .replaceAll("import.meta.filename", JSON.stringify(load.path))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(load.path).href));
      return { contents, loader: load.path.endsWith(".mjs") ? "js" : "ts" };
    });
  },
};

async function make() {
  const require = createRequire(join(ROOT, "node_modules", "tsx", "package.json"));
  const esbuild = require("esbuild");
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node.split(".")[0]}`,
    packages: "external",
    splitting: true,
    outdir: folder,
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [ownPaths],
  });
  // The packages it imports are part of the code a run is: npm's record of node_modules changes with any install.
  const packages = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external && !i.path.startsWith("node:")).map((i) => join(ROOT, "node_modules", ...i.path.split("/").slice(0, i.path.startsWith("@") ? 2 : 1), "package.json")));
  const files = [...Object.keys(result.metafile.inputs).map((file) => resolve(file)), import.meta.filename, join(ROOT, "tsconfig.json"), require.resolve("esbuild/package.json"), ...new Set([...packages, join(ROOT, "node_modules", ".package-lock.json")].filter((file) => existsSync(file)))];
  mkdirSync(folder, { recursive: true });
  // The bundle and its record where they were before each command had a folder (FORMAT 1): nothing reads them any more.
  for (const old of [`${name}.mjs`, `${name}.mjs.json`]) rmSync(join(ROOT, ".cache", "bundle", old), { force: true });
  const temporary = join(folder, `.${process.pid}.tmp`);
  // The chunks first, the entry that imports them last (chunks are named by their content).
  const outputs = result.outputFiles.toSorted((a, b) => (a.path === bundle) - (b.path === bundle));
  for (const output of outputs) {
    writeFileSync(temporary, output.contents);
    renameSync(temporary, output.path);
  }
  const names = outputs.map((output) => relative(folder, output.path));
  for (const old of readdirSync(folder)) {
    if (names.includes(old) || old === "record.json" || Date.now() - statSync(join(folder, old)).mtimeMs < OLD_CHUNK_MS) continue;
    rmSync(join(folder, old), { force: true });
  }
  // One stat per file, for its stamp and for whether it was changed just before.
  const stats = files.map((file) => [file, statSync(file, { bigint: true })]);
  const stamps = Object.fromEntries(stats.map(([file, stat]) => [relative(ROOT, file), stamp(file, stat)]));
  const racyFromNs = BigInt(started - RACY_MS) * 1_000_000n;
  const racy = stats.some(([, stat]) => stat.mtimeNs >= racyFromNs || stat.ctimeNs >= racyFromNs);
  // Recorded only when no file was changed just before: otherwise made again next time.
  if (racy) rmSync(recordFile, { force: true });
  else {
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, node: process.version, outputs: names, files: stamps }));
    renameSync(temporary, recordFile);
  }
}

let ready = fresh();
if (!ready) {
  try {
    await make();
    ready = true;
  } catch {
    // No esbuild (or a module it cannot read, or a folder that cannot be written): tsx runs the command and reports any error in it as it always has.
  }
}
if (ready) {
  try {
    globalThis[Symbol.for("pledge.code")] = stamp(recordFile);
  } catch {
    // Made while a file was being changed (no record): the command runs as code no record names.
  }
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(entry).href);
}
