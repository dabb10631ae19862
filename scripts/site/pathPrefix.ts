// Where the site lives on its host: "/" for https://pledge.example.org, "/pledge-site/" for a
// GitHub Pages project site such as https://owner.github.io/pledge-site.
export function sitePathPrefix(siteUrl: string): string {
  return new URL(`${siteUrl.replace(/\/+$/, "")}/`).pathname;
}
