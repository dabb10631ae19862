// Child process for tests/read-once.test.ts: builds the site twice in one process without
// handing the project over, as the dev server and the tests build it.
//   node --import tsx buildSiteTwice.ts <output folder>
import { buildSite } from "../../scripts/build/buildSite.ts";

const output = process.argv[2]!;
await buildSite(process.cwd(), output);
await buildSite(process.cwd(), output);
