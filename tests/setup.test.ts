// npm run setup's decisions for each kind of machine, without touching this one: the plan is a
// pure function of what the probes found (scripts/setup/plan.mjs).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FONTS_STEP, planSetup, type Machine, type Step } from "../scripts/setup/plan.mjs";
import { debianFamily, findOnPath, npmPackages, probeMachine } from "../scripts/setup/probe.mjs";
import { ROOT } from "./helpers/site.ts";
import { addLocaleFonts } from "../scripts/translators/newLocale.ts";

const everything: Machine = {
  platform: "linux",
  distro: "debian",
  mode: "full",
  npmPackages: { installed: true, upToDate: true, dev: true, tools: false },
  browser: "/usr/lib/chromium/chromium",
  pdftoppm: true,
  java: true,
  isRoot: true,
  sudo: false,
};
const bare = { browser: undefined, pdftoppm: false, java: false };
const text = (steps: Step[]) => steps.flatMap((s) => (s.kind === "say" ? [s.text] : [])).join("\n");
const runs = (steps: Step[]) => steps.flatMap((s) => (s.kind === "run" && s.command !== "node" ? [[s.command, ...s.args].join(" ")] : []));
const fontsStep = (steps: Step[]) => steps.filter((s) => s.kind === "run" && s.command === "node").map((s) => (s.kind === "run" ? s.args.join(" ") : ""));
const fresh = { installed: false, upToDate: false, dev: false, tools: false };

describe("npm packages", () => {
  test("nothing missing: only the fonts step runs, two ✓ lines", () => {
    const steps = planSetup(everything);
    expect(runs(steps)).toEqual([]);
    expect(fontsStep(steps)).toEqual([FONTS_STEP.join(" ")]);
    expect(text(steps)).toBe("✓ npm packages are installed\n✓ Chrome or Chromium, poppler and Java are installed");
  });

  test("node_modules missing or older than the lock: npm ci, with the browser download off in its own environment", () => {
    for (const npm of [fresh, { installed: true, upToDate: false, dev: true, tools: false }]) {
      const steps = planSetup({ ...everything, npmPackages: npm });
      const ci = steps.find((s) => s.kind === "run");
      // The maintainers' tools (tools/package.json, a workspace) are left out.
      expect(ci).toMatchObject({ command: "npm", args: ["ci", "--workspaces=false", "--no-audit", "--no-fund"], env: { PUPPETEER_SKIP_DOWNLOAD: "1" } });
      // Then the fonts the locales need, once tsx is there.
      expect(steps.findIndex((s) => s.kind === "run" && s.command === "node")).toBeGreaterThan(steps.indexOf(ci!));
    }
    expect(text(planSetup({ ...everything, npmPackages: { installed: true, upToDate: false, dev: true, tools: false } }))).toContain("package-lock.json is newer than node_modules/");
  });

  test("on every platform the npm packages are installed, whatever else is missing", () => {
    for (const platform of ["linux", "darwin", "win32"]) {
      const steps = planSetup({ ...everything, ...bare, platform, distro: undefined, npmPackages: fresh });
      expect(runs(steps)[0], platform).toBe("npm ci --workspaces=false --no-audit --no-fund");
    }
  });
});

describe("a translator's setup (--translator) and the maintainers' tools (--tools)", () => {
  const translator: Machine = { ...everything, ...bare, mode: "translator", npmPackages: fresh };

  test("--translator: npm ci without the devDependencies and the tools, no apt, and says what is left out and how to add it", () => {
    const steps = planSetup(translator);
    expect(runs(steps)).toEqual(["npm ci --omit=dev --workspaces=false --no-audit --no-fund"]);
    expect(fontsStep(steps)).toEqual([`${FONTS_STEP.join(" ")} --omit=dev`]);
    const out = text(steps);
    expect(out).toContain("npm run check, npm run locale:*, npm start and npm run build:site work");
    expect(out).toContain("npm run build, npm run pdf, npm test); npm run setup adds them");
    expect(out).not.toMatch(/apt-get|not installed/);
  });

  test("--translator on a full install removes nothing; npm run setup after a translator's adds the devDependencies and the apt tools", () => {
    expect(runs(planSetup({ ...everything, mode: "translator" }))).toEqual([]);
    const steps = planSetup({ ...everything, java: false, npmPackages: { installed: true, upToDate: true, dev: false, tools: false } });
    expect(runs(steps)).toEqual(["npm ci --workspaces=false --no-audit --no-fund", "apt-get update -qq", "apt-get install -y -qq --no-install-recommends default-jre-headless"]);
    expect(text(steps)).toContain("the build's and the tests' tools are missing");
  });

  test("--tools: npm ci with the tools/ workspace; once there, setup keeps them", () => {
    expect(runs(planSetup({ ...everything, mode: "tools" }))).toEqual(["npm ci --no-audit --no-fund"]);
    expect(text(planSetup({ ...everything, mode: "tools" }))).toContain("the maintainers' tools are missing");
    expect(runs(planSetup({ ...everything, npmPackages: { installed: true, upToDate: false, dev: true, tools: true } }))).toEqual(["npm ci --no-audit --no-fund"]);
  });
});

describe("fonts follow locales (npm run locale:new, the fonts step of npm run setup)", () => {
  const project = (dependencies: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "setup-fonts-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ dependencies, devDependencies: { vitest: "1" } }));
    return dir;
  };
  const enAr = { "@fontsource/ibm-plex-sans": "^5.3.0", "@fontsource/amiri": "^5.3.0" };

  test("English and Arabic: the two fonts are listed, nothing is installed", () => {
    const dir = project(enAr);
    const installed: string[][] = [];
    try {
      expect(
        addLocaleFonts(dir, ["en", "ar"], (p) => {
          installed.push(p);
          return true;
        }),
      ).toEqual(["✓ print fonts for en, ar: IBM Plex Sans, Amiri (package.json lists them)"]);
      expect(installed).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a Japanese locale: its font package is installed through the injected installer, and the output says so", () => {
    const dir = project(enAr);
    const installed: string[][] = [];
    try {
      const lines = addLocaleFonts(dir, ["ja"], (p) => {
        installed.push(p);
        return true;
      });
      expect(installed).toEqual([["@fontsource/noto-sans-jp"]]);
      expect(lines[0]).toBe("→ the PDFs in ja need the print font Noto Sans JP (Japanese): installing it, npm install @fontsource/noto-sans-jp");
      expect(lines[1]).toMatch(/^✓ installed @fontsource\/noto-sans-jp and added it to package.json/);
      // Said as it happens: the reason before npm's own output, the outcome after.
      const events: string[] = [];
      addLocaleFonts(
        dir,
        ["th"],
        (p) => {
          events.push(`install ${p.join(" ")}`);
          return true;
        },
        (line) => events.push(line.slice(0, 1)),
      );
      expect(events).toEqual(["→", "install @fontsource/noto-sans-thai", "✓"]);
      // A failed install names the command to run.
      expect(addLocaleFonts(dir, ["ko"], () => false).at(-1)).toBe("✗ npm install failed (see above)\n  → run it yourself: npm install @fontsource/noto-sans-kr");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("setup over all locales: a locale added by hand gets its font; a font no locale needs is named, not removed", () => {
    const dir = project({ ...enAr, "@fontsource/noto-sans-thai": "^5.3.0" });
    const installed: string[][] = [];
    try {
      const lines = addLocaleFonts(dir, ["en", "ar", "hi"], (p) => {
        installed.push(p);
        return true;
      });
      expect(installed).toEqual([["@fontsource/noto-sans-devanagari"]]);
      expect(lines.at(-1)).toBe("– package.json lists @fontsource/noto-sans-thai, which no locale needs: npm uninstall @fontsource/noto-sans-thai makes the install smaller");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the project's package.json lists exactly the fonts its locales need", () => {
    expect(addLocaleFonts(ROOT, ["en", "ar"], () => false)).toEqual(["✓ print fonts for en, ar: IBM Plex Sans, Amiri (package.json lists them)"]);
  });
});

describe("Debian and Ubuntu: apt installs what is absent, and only that", () => {
  test("as root: apt-get update, then install the missing packages", () => {
    const steps = planSetup({ ...everything, browser: undefined, java: false });
    expect(runs(steps)).toEqual(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium default-jre-headless"]);
    expect(steps.find((s) => s.kind === "run" && s.args.includes("install"))).toMatchObject({ env: { DEBIAN_FRONTEND: "noninteractive" } });
  });

  test("as a user with sudo: through sudo", () => {
    expect(runs(planSetup({ ...everything, isRoot: false, sudo: true, pdftoppm: false }))).toEqual(["sudo apt-get update -qq", "sudo apt-get install -y -qq --no-install-recommends poppler-utils"]);
  });

  test("Ubuntu's browser package is chromium-browser", () => {
    expect(runs(planSetup({ ...everything, distro: "ubuntu", browser: undefined }))[1]).toMatch(/ chromium-browser$/);
  });

  test("without root or sudo: the exact apt command to run, and no failure", () => {
    const steps = planSetup({ ...everything, ...bare, isRoot: false, sudo: false });
    expect(runs(steps)).toEqual([]);
    expect(text(steps)).toContain("sudo apt-get install -y chromium poppler-utils default-jre-headless");
  });
});

describe("macOS and Windows: says what to install and what works without it", () => {
  test("macOS without anything: Chrome, brew commands, CHROME_PATH, and the commands that work", () => {
    const out = text(planSetup({ ...everything, ...bare, platform: "darwin", distro: undefined }));
    expect(out).toContain("Chrome or Chromium: Google Chrome from https://www.google.com/chrome/");
    expect(out).toContain("poppler: brew install poppler");
    expect(out).toContain("Java 17 or later: brew install --cask temurin");
    expect(out).toContain("CHROME_PATH");
    expect(out).toContain("Until then these work: npm run check, npm start, npm run build:site, npm run locale:new, npm run locale:mark.");
    expect(out).toContain("These need what is missing: npm run build, npm run pdf, npm run screenshots, npm run audit, npm test.");
  });

  test("Windows without anything: winget and scoop commands", () => {
    const out = text(planSetup({ ...everything, ...bare, platform: "win32", distro: undefined }));
    expect(out).toContain("Chrome or Chromium: winget install Google.Chrome");
    expect(out).toContain("poppler: scoop install poppler");
    expect(out).toContain("Java 17 or later: winget install EclipseAdoptium.Temurin.21.JRE");
  });

  test("with a browser but no poppler: only npm test is held back", () => {
    const out = text(planSetup({ ...everything, platform: "win32", distro: undefined, pdftoppm: false }));
    expect(out).toContain("! not installed: poppler (PDF checks in the tests)");
    expect(out).toContain("These need what is missing: npm test.");
    expect(out).toContain("npm run build, npm run pdf, npm run screenshots, npm run audit.");
    expect(out).not.toContain("CHROME_PATH");
  });

  test("another Linux without apt: its own package managers' commands", () => {
    expect(text(planSetup({ ...everything, java: false, distro: undefined }))).toContain("sudo dnf install java-17-openjdk-headless");
  });
});

describe("probes", () => {
  test("os-release: Debian, Ubuntu and derivatives, others", () => {
    expect(debianFamily('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe("debian");
    expect(debianFamily("ID=ubuntu\nID_LIKE=debian\n")).toBe("ubuntu");
    expect(debianFamily('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe("ubuntu");
    expect(debianFamily("ID=raspbian\nID_LIKE=debian\n")).toBe("debian");
    expect(debianFamily('ID="fedora"\n')).toBeUndefined();
  });

  test("PATH lookup, with PATHEXT on Windows", () => {
    const dir = mkdtempSync(join(tmpdir(), "setup-path-"));
    try {
      writeFileSync(join(dir, "java"), "");
      writeFileSync(join(dir, "pdftoppm.EXE"), "");
      mkdirSync(join(dir, "sudo"));
      expect(findOnPath("java", { PATH: dir }, "linux")).toBe(true);
      expect(findOnPath("sudo", { PATH: dir }, "linux")).toBe(false);
      expect(findOnPath("pdftoppm", { Path: dir, PATHEXT: ".COM;.EXE" }, "win32")).toBe(true);
      expect(findOnPath("pdftoppm", { PATH: dir }, "linux")).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("node_modules missing, older than the lock, or current", () => {
    const dir = mkdtempSync(join(tmpdir(), "setup-npm-"));
    try {
      writeFileSync(join(dir, "package-lock.json"), "{}");
      writeFileSync(join(dir, "package.json"), JSON.stringify({ devDependencies: { vitest: "1" } }));
      mkdirSync(join(dir, "tools"));
      writeFileSync(join(dir, "tools", "package.json"), JSON.stringify({ devDependencies: { lighthouse: "1" } }));
      expect(npmPackages(dir)).toEqual({ installed: false, upToDate: false, dev: false, tools: false });
      mkdirSync(join(dir, "node_modules"));
      writeFileSync(join(dir, "node_modules", ".package-lock.json"), "{}");
      utimesSync(join(dir, "node_modules", ".package-lock.json"), new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(npmPackages(dir)).toEqual({ installed: true, upToDate: false, dev: false, tools: false });
      utimesSync(join(dir, "node_modules", ".package-lock.json"), new Date(), new Date(Date.now() + 1000));
      expect(npmPackages(dir)).toEqual({ installed: true, upToDate: true, dev: false, tools: false });
      // A full install has every devDependency; --tools adds tools/package.json's.
      mkdirSync(join(dir, "node_modules", "vitest"));
      writeFileSync(join(dir, "node_modules", "vitest", "package.json"), "{}");
      expect(npmPackages(dir)).toMatchObject({ dev: true, tools: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("this machine, looked at without changing it, needs nothing but the fonts step", () => {
    expect(runs(planSetup(probeMachine(ROOT, process.env, [])))).toEqual([]);
  });

  test("--translator and --tools are read from the command line", () => {
    expect(probeMachine(ROOT, process.env, ["--translator"]).mode).toBe("translator");
    expect(probeMachine(ROOT, process.env, ["--tools"]).mode).toBe("tools");
    expect(probeMachine(ROOT, process.env, []).mode).toBe("full");
  });
});
