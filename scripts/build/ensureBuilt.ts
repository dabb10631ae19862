// For the tools that look at _site (audit, screenshots): build the site first when there is none.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export function ensureBuiltSite(siteDir: string, root = process.cwd()): void {
  if (existsSync(join(siteDir, "index.html"))) return;
  console.log(`${siteDir} has no built site yet: building it (npm run build:site)`);
  const build = spawnSync("npm", ["run", "build:site"], { stdio: "inherit", cwd: root, env: { ...process.env, SITE_DIR: siteDir } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
