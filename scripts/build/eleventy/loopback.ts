// npm start answers on this machine only: its pages are unpublished drafts, which no other
// machine on a shared network may read. @11ty/eleventy-dev-server 2.1 has no option for the
// address it listens on (its server calls listen({ port }), which is every address of the
// machine; `host` in setServerOptions is ignored), and Eleventy loads a server module of another
// name only from node_modules/. So the listen of the class Eleventy loads is replaced, in this
// process only, by one on the loopback address; and the server, once listening, is checked: one
// that listens anywhere else (a later dev server that listens some other way) is stopped.
import { createRequire } from "node:module";
import type { Server } from "node:http";

/** The loopback address: what http://localhost:<port>/ reaches on any machine (IPv4 first, or after ::1 refuses). */
const LOOPBACK = "127.0.0.1";

interface DevServer {
  /** The HTTP server, made on first use (the dev server's own getter). */
  readonly server: Server;
}

interface DevServerClass {
  prototype: DevServer & { _serverListen?: (this: DevServer, port: number) => void };
}

/** Makes Eleventy's dev server listen on the loopback address alone; throws when its class is not the one this knows how to. */
export function listenOnLoopback(): void {
  // Resolved from Eleventy's own folder, as Eleventy imports it: the one class it makes its server from.
  const fromEleventy = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const { prototype } = fromEleventy("@11ty/eleventy-dev-server") as DevServerClass;
  // oxlint-disable-next-line no-underscore-dangle -- the dev server's own method, the one that calls listen
  if (typeof prototype._serverListen !== "function") {
    throw new Error("@11ty/eleventy-dev-server no longer listens through _serverListen: npm start cannot make it answer on this machine only (scripts/build/eleventy/loopback.ts)");
  }
  // Also where the port in use is retried (port + 1), which calls the same method.
  // oxlint-disable-next-line no-underscore-dangle -- the dev server's own method, replaced
  prototype._serverListen = function listen(port) {
    this.server.listen({ port, host: LOOPBACK });
  };
}

/** setServerOptions' `ready`: a server listening on any other address than the loopback is stopped, with the process. */
export function stopUnlessLoopback(devServer: DevServer): void {
  const address = devServer.server.address();
  if (typeof address === "object" && address?.address === LOOPBACK) return;
  const where = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
  console.error(`✗ the dev server listens on ${where}, not on this machine only (${LOOPBACK}): stopped, so that no other machine can read the drafts`);
  process.exit(1);
}
