// The dev server's route to the print fonts: /assets/print/fonts/<file> answered from
// node_modules (scripts/print/fonts.ts), so print pages previewed with `npm start` use the
// fonts the PDFs embed, without a copy in _site/.
import { createReadStream, existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

/** `routes` is asked on the first request: a build that serves nothing never reads the font packages. */
export function printFontMiddleware(routes: () => ReadonlyMap<string, string>) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const file = routes().get(new URL(request.url ?? "/", "http://localhost").pathname);
    if (!file || !existsSync(file)) return next();
    response.writeHead(200, { "content-type": "font/woff2" });
    createReadStream(file).pipe(response);
  };
}
