// Puppeteer (used by pagedjs-cli) must never download a browser: the project finds an
// installed Chrome/Chromium itself (scripts/browser/chromium.ts).
module.exports = { skipDownload: true };
