// Where an installed Chrome or Chromium is looked for: the environment variables, then the usual
// install paths on Linux, macOS and Windows. Plain JavaScript, because `npm run setup` reads it
// before node_modules (and with it the TypeScript loader) exists.

export const CHROMIUM_ENV_VARS = ["CHROME_PATH", "CHROMIUM_PATH", "PUPPETEER_EXECUTABLE_PATH"];

export const USUAL_PATHS = [
  "/usr/lib/chromium/chromium", // Debian's binary itself (/usr/bin/chromium is a shell wrapper)
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];
