// The dev server's routes to files it does not build: /assets/print/fonts/<file> answered from
// node_modules (scripts/print/fonts.ts), so print pages previewed with `npm start` use the fonts
// the PDFs embed, without a copy in _site/; and the PDFs and share card images the last
// `npm run build` rendered, answered from _site/, which the dev server reads and never writes.
import { createReadStream, existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname } from "node:path";

const TYPES: Readonly<Record<string, string>> = { ".woff2": "font/woff2", ".pdf": "application/pdf", ".png": "image/png" };

/**
 * Answers each URL path of `routes` (root-relative, as the site model writes them) with its file;
 * under a path prefix ("/repo/"), the pages ask for them behind it. `routes` is asked on each
 * request: a build that serves nothing never works them out.
 */
export function fileRoutesMiddleware(routes: () => ReadonlyMap<string, string>, pathPrefix = "/") {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = routes().get(path.startsWith(pathPrefix) ? path.slice(pathPrefix.length - 1) : path);
    const type = file === undefined ? undefined : TYPES[extname(file)];
    if (!file || !type || !existsSync(file)) return next();
    response.writeHead(200, { "content-type": type });
    // A file removed since (a build replacing _site/): the answer ends there, the server goes on.
    createReadStream(file)
      .on("error", () => response.destroy())
      .pipe(response);
  };
}
