// The dev server's routes to files it does not build (scripts/build/eleventy/fileRoutes.ts),
// served by a real HTTP server: each route's file with its type, behind the site's path prefix
// too; anything else, and a route whose file is gone, is left to the next handler.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { fileRoutesMiddleware } from "../../scripts/build/eleventy/fileRoutes.ts";

const dir = mkdtempSync(join(tmpdir(), "file-routes-"));
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

async function serve(routes: ReadonlyMap<string, string>, pathPrefix?: string): Promise<string> {
  const middleware = fileRoutesMiddleware(() => routes, pathPrefix);
  const server = createServer((request, response) => middleware(request, response, () => response.writeHead(404).end("next")));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

test("a route's file is answered with its type, at its path and behind the path prefix; other paths and a removed file go to the next handler", async () => {
  writeFileSync(join(dir, "leaflet.pdf"), "%PDF-1.7 a leaflet");
  writeFileSync(join(dir, "card.png"), "a card");
  const routes = new Map([
    ["/en/leaflet.pdf", join(dir, "leaflet.pdf")],
    ["/en/card.png", join(dir, "card.png")],
    ["/en/gone.pdf", join(dir, "gone.pdf")],
  ]);
  for (const [base, prefix] of [[await serve(routes), ""], [await serve(routes, "/repo/"), "/repo"]] as const) {
    const pdf = await fetch(`${base}${prefix}/en/leaflet.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(await pdf.text()).toBe("%PDF-1.7 a leaflet");
    const card = await fetch(`${base}${prefix}/en/card.png?v=1`);
    expect(card.headers.get("content-type")).toBe("image/png");
    expect(await card.text()).toBe("a card");
    for (const path of ["/en/gone.pdf", "/en/other.pdf", "/en/"]) expect(await (await fetch(`${base}${prefix}${path}`)).text(), path).toBe("next");
  }
});
