// What is on this machine, for `npm run setup`: read-only looks at files and PATH, no shell,
// no POSIX tools, so it runs the same on Linux, macOS and Windows.
import { existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { CHROMIUM_ENV_VARS, USUAL_PATHS } from "../shared/chromiumPaths.mjs";

/**
 * @param {string} root  the project folder
 * @param {NodeJS.ProcessEnv} env
 * @returns {import("./plan.mjs").Machine}
 */
export function probeMachine(root, env = process.env, argv = process.argv.slice(2)) {
  const platform = process.platform;
  const onPath = (/** @type {string} */ name) => findOnPath(name, env, platform);
  return {
    platform,
    distro: platform === "linux" && onPath("apt-get") ? debianFamily(readOsRelease()) : undefined,
    mode: argv.includes("--translator") ? "translator" : argv.includes("--tools") ? "tools" : "full",
    npmPackages: npmPackages(root),
    browser: findBrowser(env),
    pdftoppm: onPath("pdftoppm"),
    java: onPath("java"),
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    sudo: onPath("sudo"),
  };
}

/**
 * npm ci writes node_modules/.package-lock.json: missing, or older than the lock file, means install.
 * dev and tools: every devDependency of package.json, and of tools/package.json, is in node_modules/.
 */
export function npmPackages(root) {
  const installed = join(root, "node_modules", ".package-lock.json");
  const present = (/** @type {string} */ manifest) => Object.keys(readJson(join(root, manifest)).devDependencies ?? {}).every((name) => existsSync(join(root, "node_modules", name, "package.json")));
  if (!existsSync(installed)) return { installed: false, upToDate: false, dev: false, tools: false };
  return { installed: true, upToDate: statSync(join(root, "package-lock.json")).mtimeMs <= statSync(installed).mtimeMs, dev: present("package.json"), tools: present(join("tools", "package.json")) };
}

function readJson(/** @type {string} */ file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}

/**
 * The os-release ID and ID_LIKE say which apt package names apply.
 * @param {string} text  /etc/os-release
 * @returns {"debian" | "ubuntu" | undefined}
 */
export function debianFamily(text) {
  const field = (/** @type {string} */ key) => new RegExp(`^${key}="?([^"\\n]*)"?$`, "m").exec(text)?.[1]?.split(/\s+/) ?? [];
  const ids = [...field("ID"), ...field("ID_LIKE")];
  if (ids.includes("ubuntu")) return "ubuntu";
  if (ids.includes("debian")) return "debian";
  return undefined;
}

function readOsRelease() {
  try {
    return readFileSync("/etc/os-release", "utf8");
  } catch {
    return "";
  }
}

function findBrowser(env) {
  const candidates = [...CHROMIUM_ENV_VARS.map((name) => env[name]), ...USUAL_PATHS];
  return candidates.find((path) => path && existsSync(path));
}

/**
 * Whether a program is on PATH (with PATHEXT's extensions on Windows).
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 * @param {string} platform
 */
export function findOnPath(name, env, platform) {
  const dirs = (env.PATH ?? env.Path ?? "").split(delimiter).filter(Boolean);
  const extensions = platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  return dirs.some((dir) => extensions.some((ext) => isFile(join(dir, name + ext))));
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
