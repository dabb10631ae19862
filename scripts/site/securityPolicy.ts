// The Content-Security-Policy of every reader page, in one place: sent as a header where the
// host reads _site/_headers (Netlify, Cloudflare Pages), and carried in each page as
// <meta http-equiv> for hosts that cannot set headers (GitHub Pages). No script runs anywhere,
// nothing is loaded from another origin.
const DIRECTIVES: [name: string, value: string][] = [
  ["default-src", "'none'"],
  ["style-src", "'self'"],
  ["img-src", "'self'"],
  ["font-src", "'self'"],
  // Nothing here fetches, but auditors do from the page (Lighthouse reads robots.txt so): same origin only.
  ["connect-src", "'self'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  ["frame-ancestors", "'none'"],
  ["upgrade-insecure-requests", ""],
];

/** Ignored in a meta element (CSP 3, §"Delivery via meta"): they work only as a header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors", "report-uri", "sandbox"];

const serialize = (directives: typeof DIRECTIVES) => directives.map(([name, value]) => (value ? `${name} ${value}` : name)).join("; ");

const policy = (directives: typeof DIRECTIVES) => ({
  header: serialize(directives),
  meta: serialize(directives.filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name))),
});

export const CONTENT_SECURITY_POLICY = policy(DIRECTIVES);

/**
 * The dev server's pages (npm start, on this machine only): the same policy, except that the
 * server's own reload script may run and reach it (same origin, plain http and ws), so an edit
 * reaches the open page. Never in _site/: a build always writes CONTENT_SECURITY_POLICY.
 */
export const DEV_SERVER_POLICY = policy([
  ...DIRECTIVES.filter(([name]) => name !== "upgrade-insecure-requests"),
  ["script-src", "'self'"],
]);
