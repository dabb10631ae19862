// Where the time goes: a V8 .cpuprofile (node --cpu-prof) summed up by self time, per
// package or project file, and per function.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface TimeShare {
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byPlace: TimeShare[];
  byFunction: TimeShare[];
}

/** "eleventy" for …/node_modules/@11ty/eleventy/…, "scripts/site/model.ts" for project files. */
export function placeOf(url: string, functionName: string, projectRoot: string): string {
  // V8's own entries: (garbage collector), (program), (idle); built-ins have no URL either.
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const path = url.startsWith("file:") ? fileURLToPath(url.split("?")[0]!) : url;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1]!;
  if (path.startsWith(projectRoot)) return path.slice(projectRoot.length + 1);
  if (path.startsWith("node:")) return "node (built-in)";
  return path;
}

export function summarizeCpuProfile(file: string, projectRoot: string, top = 8): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const place = new Map<string, number>();
  const fn = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    total += ms;
    const where = placeOf(frame.url, frame.functionName, projectRoot);
    place.set(where, (place.get(where) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
  });
  const rank = (map: Map<string, number>): TimeShare[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, ms]) => ({ where, ms, share: ms / total }));
  return { totalMs: total, byPlace: rank(place), byFunction: rank(fn) };
}
