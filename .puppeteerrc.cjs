// Puppeteer (used by pagedjs-cli) must never download a browser: the project finds an
// installed Chrome/Chromium itself (scripts/shared/chromium.ts).
module.exports = { skipDownload: true };
