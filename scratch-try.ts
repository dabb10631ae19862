import { cpSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { copyProject } from "./tests/helpers/project.ts";
import { buildSite } from "./scripts/site/buildSite.ts";
import { buildPdfs } from "./scripts/print/buildPdfs.ts";
const fixture = process.argv[2] ?? "print-scripts";
const p = copyProject();
cpSync(join("tests/fixtures", fixture), p.root, { recursive: true });
const dir = "/tmp/i16/site";
process.chdir(p.root);
await buildSite(p.root, dir);
try {
  const r = await buildPdfs({ root: p.root, siteDir: dir, cacheDir: false, filter: (j) => j.variant.id === "leaflet" });
  console.log(r.map((x) => `${x.job.label} ${x.pages} ${x.bytes}`).join("\n"));
} finally { p.remove(); }
