// What `npm run setup` does on this machine (--translator: only what check, locale:* and npm start
// need; --tools: also the maintainers' tools in tools/package.json), decided from what was found on it: a pure function,
// so every platform's decisions and messages are tested without changing the machine
// (tests/setup.test.ts). The probes are in ./probe.mjs, the actions in ../setup.mjs.
// Plain JavaScript: setup runs before node_modules exists.

/** The tools besides Node, what each one is for, and the commands that need it. */
const TOOLS = [
  {
    id: "browser",
    name: "Chrome or Chromium",
    purpose: "PDFs, share cards, browser tests",
    needs: ["npm run build", "npm run pdf", "npm run screenshots", "npm run audit", "npm test"],
  },
  { id: "poppler", name: "poppler", purpose: "PDF checks in the tests", needs: ["npm test"] },
  { id: "java", name: "Java 17 or later", purpose: "the HTML checker in the tests", needs: ["npm test"] },
];

/** The fonts step, run once the packages are in (with tsx, as the other commands). */
export const FONTS_STEP = ["node_modules/tsx/dist/cli.mjs", "scripts/setup/fonts.ts"];

/** Commands that need nothing but Node and the npm packages. */
const WITHOUT_TOOLS = ["npm run check", "npm start", "npm run build:site", "npm run locale:new", "npm run locale:mark"];

const APT_PACKAGES = {
  debian: { browser: "chromium", poppler: "poppler-utils", java: "default-jre-headless" },
  // Ubuntu has no "chromium" package; "chromium-browser" installs the snap.
  ubuntu: { browser: "chromium-browser", poppler: "poppler-utils", java: "default-jre-headless" },
};

/** How to install each tool where setup cannot do it itself. */
const INSTALL_HINTS = {
  darwin: {
    browser: "Google Chrome from https://www.google.com/chrome/ (or: brew install --cask chromium)",
    poppler: "brew install poppler",
    java: "brew install --cask temurin",
  },
  win32: {
    browser: "winget install Google.Chrome",
    poppler: "scoop install poppler   (or: choco install poppler)",
    java: "winget install EclipseAdoptium.Temurin.21.JRE",
  },
  linux: {
    browser: "chromium from your distribution (Fedora: sudo dnf install chromium; Arch: sudo pacman -S chromium)",
    poppler: "poppler-utils (Fedora: sudo dnf install poppler-utils; Arch: sudo pacman -S poppler)",
    java: "a Java 17+ runtime (Fedora: sudo dnf install java-17-openjdk-headless; Arch: sudo pacman -S jre-openjdk-headless)",
  },
};

/**
 * @typedef {object} Machine
 * @property {string} platform       process.platform
 * @property {"debian" | "ubuntu" | undefined} distro  a Debian-family Linux with apt-get
 * @property {"full" | "translator" | "tools"} mode  what was asked for: --translator, --tools or neither
 * @property {{ installed: boolean, upToDate: boolean, dev: boolean, tools: boolean }} npmPackages  node_modules present, not older than package-lock.json, with the devDependencies, with tools/'
 * @property {string | undefined} browser  the Chrome/Chromium found, if any
 * @property {boolean} pdftoppm
 * @property {boolean} java
 * @property {boolean} isRoot
 * @property {boolean} sudo
 *
 * @typedef {{ kind: "say", text: string } | { kind: "run", command: string, args: string[], env?: Record<string, string>, failure: string }} Step
 */

/**
 * @param {Machine} machine
 * @returns {Step[]}
 */
export function planSetup(machine) {
  /** @type {Step[]} */
  const steps = [];
  const say = (/** @type {string} */ text) => steps.push({ kind: "say", text });

  const npm = machine.npmPackages;
  const translator = machine.mode === "translator";
  // What is installed stays: a translator's setup on a full install, or setup on one with the tools, removes nothing.
  const withDev = !translator || npm.dev;
  const withTools = machine.mode === "tools" || npm.tools;
  const why = !npm.installed
    ? ""
    : !npm.upToDate
      ? ": package-lock.json is newer than node_modules/"
      : withDev && !npm.dev
        ? ": the build's and the tests' tools are missing"
        : ": the maintainers' tools are missing";
  if (!npm.installed || !npm.upToDate || (withDev && !npm.dev) || (withTools && !npm.tools)) {
    const args = ["ci", ...(withDev ? [] : ["--omit=dev"]), ...(withTools ? [] : ["--workspaces=false"]), "--no-audit", "--no-fund"];
    say(`→ installing npm packages (npm ${args.slice(0, -2).join(" ")})${why}`);
    steps.push({
      kind: "run",
      command: "npm",
      args,
      // Set for the child process itself, whatever the shell: npm never downloads a browser.
      env: { PUPPETEER_SKIP_DOWNLOAD: "1" },
      failure: "npm ci failed (see above)\n  → check your network connection and run npm run setup again; delete node_modules/ if the error persists",
    });
  } else {
    say("✓ npm packages are installed");
  }
  // Fonts follow locales: the print fonts the project's locales need, installed if package.json lacks one.
  steps.push({
    kind: "run",
    command: "node",
    args: [FONTS_STEP[0], FONTS_STEP[1], ...(withDev ? [] : ["--omit=dev"])],
    failure: "the print fonts could not be installed (see above)\n  → run the npm install command it names yourself, then npm run setup again",
  });

  if (translator && !npm.dev) {
    say(
      "✓ a translator's setup: npm run check, npm run locale:*, npm start and npm run build:site work.\n" +
        "  Left out: the PDF build, the tests and Chromium, poppler and Java (npm run build, npm run pdf, npm test); npm run setup adds them.",
    );
    return steps;
  }

  const missing = TOOLS.filter((tool) => !has(machine, tool.id));
  if (missing.length === 0) {
    say("✓ Chrome or Chromium, poppler and Java are installed");
    return steps;
  }

  const apt = machine.platform === "linux" && machine.distro ? APT_PACKAGES[machine.distro] : undefined;
  if (apt && (machine.isRoot || machine.sudo)) {
    const packages = missing.map((tool) => apt[/** @type {"browser" | "poppler" | "java"} */ (tool.id)]);
    const sudo = machine.isRoot ? [] : ["sudo"];
    const [command, ...prefix] = [...sudo, "apt-get"];
    say(`→ installing ${packages.join(", ")} (apt-get)`);
    steps.push({
      kind: "run",
      command: /** @type {string} */ (command),
      args: [...prefix, "update", "-qq"],
      failure: "apt-get update failed (see above)\n  → check the network and /etc/apt/sources.list, then run npm run setup again",
    });
    steps.push({
      kind: "run",
      command: /** @type {string} */ (command),
      args: [...prefix, "install", "-y", "-qq", "--no-install-recommends", ...packages],
      env: { DEBIAN_FRONTEND: "noninteractive" },
      failure: `apt-get could not install ${packages.join(", ")} (see above)\n  → install them yourself: sudo apt-get install -y ${packages.join(" ")}`,
    });
    say(`✓ installed ${packages.join(", ")}`);
    return steps;
  }

  say(`! not installed: ${missing.map((tool) => `${tool.name} (${tool.purpose})`).join(", ")}`);
  if (apt) {
    const packages = missing.map((tool) => apt[/** @type {"browser" | "poppler" | "java"} */ (tool.id)]);
    say(`  setup needs root to install them; run:\n    sudo apt-get install -y ${packages.join(" ")}`);
  } else {
    const hints = INSTALL_HINTS[/** @type {"darwin" | "win32" | "linux"} */ (machine.platform)] ?? INSTALL_HINTS.linux;
    say("  install them yourself:");
    for (const tool of missing) say(`    ${tool.name}: ${hints[/** @type {"browser" | "poppler" | "java"} */ (tool.id)]}`);
  }
  if (missing.some((tool) => tool.id === "browser")) {
    say("  A browser installed elsewhere is found through CHROME_PATH: set it to the browser's program file.");
  }
  const needing = [...new Set(missing.flatMap((tool) => tool.needs))];
  const working = [...new Set([...WITHOUT_TOOLS, ...TOOLS.flatMap((tool) => tool.needs)])].filter((c) => !needing.includes(c));
  say(`  Until then these work: ${working.join(", ")}.`);
  say(`  These need what is missing: ${needing.join(", ")}.`);
  return steps;
}

/**
 * @param {Machine} machine
 * @param {string} id
 */
function has(machine, id) {
  if (id === "browser") return machine.browser !== undefined;
  if (id === "poppler") return machine.pdftoppm;
  return machine.java;
}
