// Finds an installed Chrome or Chromium. Nothing is ever downloaded at run time.
import { existsSync } from "node:fs";
import { CHROMIUM_ENV_VARS, USUAL_PATHS } from "./chromiumPaths.mjs";

export class BrowserNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      [
        "No Chrome or Chromium was found. Looked at:",
        ...tried.map((p) => `  ${p}`),
        "Install one:",
        "  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium   (or run: npm run setup)",
        "  elsewhere:      install Google Chrome or Chromium, then set CHROME_PATH=/path/to/chrome",
      ].join("\n"),
    );
    this.name = "BrowserNotFoundError";
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const tried: string[] = [];
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name];
    if (!value) continue;
    if (exists(value)) return value;
    tried.push(`${value} (from ${name}: no such file)`);
  }
  for (const path of USUAL_PATHS) {
    if (exists(path)) return path;
    tried.push(path);
  }
  throw new BrowserNotFoundError(tried);
}

/** Flags for a headless Chromium that talks to nobody but the pages it is given. */
export const HEADLESS_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--disable-extensions",
  "--metrics-recording-only",
  "--font-render-hinting=none",
];
