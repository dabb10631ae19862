// The command launcher (scripts/run.mjs, what npm run check runs): a command runs from its bundle
// with its arguments, exit status and each module's own paths; the bundle is made again after any
// edit of a file it was made of (and is not kept as it is while a file was changed just before it
// was made); a command esbuild cannot bundle runs through tsx as before.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { ROOT } from "./helpers/site.ts";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A project with the launcher and one command, `hello`, whose module in lib/ says where it is. */
function project(): string {
  root = mkdtempSync(join(tmpdir(), "pledge-run-"));
  mkdirSync(join(root, "scripts", "lib"), { recursive: true });
  copyFileSync(join(ROOT, "scripts", "run.mjs"), join(root, "scripts", "run.mjs"));
  copyFileSync(join(ROOT, "tsconfig.json"), join(root, "tsconfig.json"));
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  writeFileSync(join(root, "scripts", "lib", "greeting.ts"), 'export const greeting: string = "hello";\nexport const where: string = import.meta.dirname;\n');
  writeFileSync(
    join(root, "scripts", "hello.ts"),
    'import { greeting, where } from "./lib/greeting.ts";\nconsole.log(JSON.stringify({ args: process.argv.slice(2), greeting, where, url: import.meta.url.endsWith("/scripts/hello.ts") }));\nprocess.exitCode = 3;\n',
  );
  // Written an hour ago (their change time is now: a run in the next two seconds still finds them racy).
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of ["scripts/run.mjs", "tsconfig.json", "scripts/lib/greeting.ts", "scripts/hello.ts"]) utimesSync(join(root, file), hourAgo, hourAgo);
  return root;
}

/** The launcher run as npm runs it; `later`: as though 10 s had passed (no file is racy then). */
function run(dir: string, args: string[], { later = true } = {}) {
  const shift = "data:text/javascript,const now=Date.now;Date.now=()=>now()+10000;";
  const result = spawnSync(process.execPath, [...(later ? ["--import", shift] : []), join(dir, "scripts", "run.mjs"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bundle = (dir: string) => join(dir, ".cache", "bundle", "hello", "hello.mjs");
const record = (dir: string) => join(dir, ".cache", "bundle", "hello", "record.json");
/** The bundle file as its stat tells it apart: the same after a run that did not make it again. */
const made = (dir: string) => {
  const stat = statSync(bundle(dir), { bigint: true });
  return `${stat.ino}:${stat.mtimeNs}`;
};

test("a command runs from its bundle with its arguments, exit status and own paths; made again after an edit, kept otherwise", () => {
  const dir = project();
  // The bundle and record where the first launcher kept them: removed when the bundle is made.
  mkdirSync(join(dir, ".cache", "bundle"), { recursive: true });
  for (const old of ["hello.mjs", "hello.mjs.json"]) writeFileSync(join(dir, ".cache", "bundle", old), "");
  const first = run(dir, ["hello", "--flag", "x"]);
  expect(readdirSync(join(dir, ".cache", "bundle"))).toEqual(["hello"]);
  expect(first.stderr).toBe("");
  expect(first.status).toBe(3);
  expect(JSON.parse(first.stdout)).toEqual({ args: ["--flag", "x"], greeting: "hello", where: join(dir, "scripts", "lib"), url: true });
  expect(existsSync(bundle(dir))).toBe(true);
  const once = made(dir);
  expect(run(dir, ["hello"]).status).toBe(3);
  expect(made(dir)).toBe(once);

  // An edit that keeps the size, its modification time set back: the change time tells.
  const greeting = join(dir, "scripts", "lib", "greeting.ts");
  const before = statSync(greeting);
  writeFileSync(greeting, readFileSync(greeting, "utf8").replace('"hello"', '"howdy"'));
  utimesSync(greeting, before.atime, before.mtime);
  expect(JSON.parse(run(dir, ["hello"]).stdout).greeting).toBe("howdy");
  expect(made(dir)).not.toBe(once);

  // A file changed just before the bundle was made: run from it, but made again next time.
  writeFileSync(greeting, readFileSync(greeting, "utf8").replace('"howdy"', '"hi"'));
  expect(JSON.parse(run(dir, ["hello"], { later: false }).stdout).greeting).toBe("hi");
  expect(existsSync(record(dir))).toBe(false);
  const racy = made(dir);
  expect(run(dir, ["hello"]).status).toBe(3);
  expect(made(dir)).not.toBe(racy);
});

test("a damaged record makes the bundle again; a command esbuild cannot bundle runs through tsx; a bad name is a usage error", () => {
  const dir = project();
  run(dir, ["hello"]);
  const once = made(dir);
  writeFileSync(record(dir), "{ not json");
  expect(JSON.parse(run(dir, ["hello"]).stdout).greeting).toBe("hello");
  expect(made(dir)).not.toBe(once);

  // A module importing one that does not exist: tsx runs it and reports the missing module, as without the launcher.
  writeFileSync(join(dir, "scripts", "broken.ts"), 'import { nothing } from "./lib/missing.ts";\nconsole.log(nothing);\n');
  const broken = run(dir, ["broken"]);
  expect(broken.status).toBe(1);
  expect(broken.stderr).toContain("missing.ts");
  expect(existsSync(join(dir, ".cache", "bundle", "broken", "broken.mjs"))).toBe(false);

  const usage = run(dir, ["../hello"]);
  expect([usage.status, usage.stderr]).toEqual([2, "✗ usage: node scripts/run.mjs <command> [arguments], the command being a file scripts/<command>.ts\n"]);
});

test("a module imported with import() is a chunk loaded when asked for; the command is told its code while its bundle is fresh, other code after an edit", () => {
  const dir = project();
  writeFileSync(join(dir, "scripts", "lib", "late.ts"), "export const late: string = \"loaded\";\n");
  writeFileSync(
    join(dir, "scripts", "lazy.ts"),
    'const code = (globalThis as Record<symbol, unknown>)[Symbol.for("pledge.code")];\nconst late = process.argv.includes("--late") ? (await import("./lib/late.ts")).late : "not loaded";\nconsole.log(JSON.stringify({ code, late }));\n',
  );
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of ["scripts/lib/late.ts", "scripts/lazy.ts"]) utimesSync(join(dir, file), hourAgo, hourAgo);
  const folder = join(dir, ".cache", "bundle", "lazy");
  const first = JSON.parse(run(dir, ["lazy"]).stdout);
  expect(first.late).toBe("not loaded");
  expect(typeof first.code).toBe("string");
  // The late module is in a chunk of its own, not in the entry.
  const chunks = readdirSync(folder).filter((name) => name.startsWith("chunk-"));
  expect(chunks).toHaveLength(1);
  expect(readFileSync(join(folder, "lazy.mjs"), "utf8")).not.toContain('"loaded"');
  expect(readFileSync(join(folder, chunks[0]!), "utf8")).toContain('"loaded"');
  expect(JSON.parse(run(dir, ["lazy", "--late"]).stdout)).toEqual({ code: first.code, late: "loaded" });
  // An npm install is other code too: npm's record of node_modules is among the files the bundle is checked against.
  expect(Object.keys(JSON.parse(readFileSync(join(folder, "record.json"), "utf8")).files)).toContain(join("node_modules", ".package-lock.json"));

  // Another text of a module it imports: other code.
  writeFileSync(join(dir, "scripts", "lib", "late.ts"), "export const late: string = \"changed\";\n");
  const edited = JSON.parse(run(dir, ["lazy", "--late"]).stdout);
  expect(edited.late).toBe("changed");
  expect(edited.code).not.toBe(first.code);
  // Made while a file was just changed (no record is kept): no code named.
  writeFileSync(join(dir, "scripts", "lib", "late.ts"), "export const late: string = \"racy\";\n");
  expect(JSON.parse(run(dir, ["lazy", "--late"], { later: false }).stdout)).toEqual({ late: "racy" });
});
