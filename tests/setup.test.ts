// npm run setup's decisions for each kind of machine, without touching this one: the plan is a
// pure function of what the probes found (scripts/setup/plan.mjs).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { planSetup, type Machine, type Step } from "../scripts/setup/plan.mjs";
import { debianFamily, findOnPath, npmPackages, probeMachine } from "../scripts/setup/probe.mjs";
import { ROOT } from "./helpers/site.ts";

const everything: Machine = {
  platform: "linux",
  distro: "debian",
  npmPackages: { installed: true, upToDate: true },
  browser: "/usr/lib/chromium/chromium",
  pdftoppm: true,
  java: true,
  isRoot: true,
  sudo: false,
};
const bare = { browser: undefined, pdftoppm: false, java: false };
const text = (steps: Step[]) => steps.flatMap((s) => (s.kind === "say" ? [s.text] : [])).join("\n");
const runs = (steps: Step[]) => steps.flatMap((s) => (s.kind === "run" ? [[s.command, ...s.args].join(" ")] : []));

describe("npm packages", () => {
  test("nothing missing: no command runs, two ✓ lines", () => {
    const steps = planSetup(everything);
    expect(runs(steps)).toEqual([]);
    expect(text(steps)).toBe("✓ npm packages are installed\n✓ Chrome or Chromium, poppler and Java are installed");
  });

  test("node_modules missing or older than the lock: npm ci, with the browser download off in its own environment", () => {
    for (const npm of [
      { installed: false, upToDate: false },
      { installed: true, upToDate: false },
    ]) {
      const steps = planSetup({ ...everything, npmPackages: npm });
      const ci = steps.find((s) => s.kind === "run");
      expect(ci).toMatchObject({ command: "npm", args: ["ci", "--no-audit", "--no-fund"], env: { PUPPETEER_SKIP_DOWNLOAD: "1" } });
    }
    expect(text(planSetup({ ...everything, npmPackages: { installed: true, upToDate: false } }))).toContain("package-lock.json is newer than node_modules/");
  });

  test("on every platform the npm packages are installed, whatever else is missing", () => {
    for (const platform of ["linux", "darwin", "win32"]) {
      const steps = planSetup({ ...everything, ...bare, platform, distro: undefined, npmPackages: { installed: false, upToDate: false } });
      expect(runs(steps)[0], platform).toBe("npm ci --no-audit --no-fund");
    }
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
      expect(npmPackages(dir)).toEqual({ installed: false, upToDate: false });
      mkdirSync(join(dir, "node_modules"));
      writeFileSync(join(dir, "node_modules", ".package-lock.json"), "{}");
      utimesSync(join(dir, "node_modules", ".package-lock.json"), new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(npmPackages(dir)).toEqual({ installed: true, upToDate: false });
      utimesSync(join(dir, "node_modules", ".package-lock.json"), new Date(), new Date(Date.now() + 1000));
      expect(npmPackages(dir)).toEqual({ installed: true, upToDate: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("this machine, looked at without changing it, needs nothing", () => {
    expect(runs(planSetup(probeMachine(ROOT)))).toEqual([]);
  });
});
