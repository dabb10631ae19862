// Lists the HTML pages of a built site as URL paths ("/en/", "/ar/dual-use/", "/404.html").
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

export function builtPages(folder: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const rel = relative(folder, path).split(sep).join("/");
        pages.push(`/${rel.replace(/(^|\/)index\.html$/, "$1")}`);
      }
    }
  };
  walk(folder);
  return pages.toSorted();
}
