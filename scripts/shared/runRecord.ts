// A record of a whole run of a command, replayed while nothing it depends on has changed, as make,
// Bazel or Turborepo replay a task that is up to date: the same code (scripts/run.mjs names it),
// the same options and environment (the record's key), and every file and folder the run read
// with the stamp it had before the run (size, modification and change times in ns, inode; a
// folder also by its names, so an added or removed file shows). Any doubt is a normal run: no
// record, a damaged one, other code, one changed stamp. A file changed less than 2 s (racyFrom) before a
// run is not recorded: a later edit in the same clock tick could leave its stamp as it was. The
// record keeps a hash of the stamps, not the stamps: a run that is not replayed reads little more.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileStamp, JsonCache, racyFrom } from "./contentCache.ts";

/** A path the run reads: a file, a folder (its stat and names), a folder with everything in it (`tree`), or only what it is (`kindOnly`: file, folder or absent). */
export interface RunInput {
  path: string;
  tree?: boolean;
  kindOnly?: boolean;
}

/** The inputs as the run is about to read them (a hash of each path and its stamp, "-" where it is absent), and the newest modification or change time among them. */
export interface TakenStamps {
  digest: string;
  newestNs: bigint;
  /** Each file's stamp as FileRecords writes it, by path: the run need not stat them again. */
  files: ReadonlyMap<string, string>;
}

/** What a run wrote and how it ended, the code that ran and what it read. */
interface RunEntry {
  code: string;
  inputs: string;
  stdout: string;
  status: number;
}

const CODE = Symbol.for("pledge.code");

/** Which code this run is, as scripts/run.mjs tells it while the command's bundle is fresh; undefined otherwise (through tsx, a bundle being remade). */
export function codeOfThisRun(): string | undefined {
  const code = (globalThis as Record<symbol, unknown>)[CODE];
  return typeof code === "string" ? code : undefined;
}

/** The stamp of one path now, and its names when it is a folder. */
function stampOf(path: string, kindOnly = false): { stamp: string; names?: string[]; changedNs: bigint } {
  let stat;
  try {
    stat = statSync(path, { bigint: true });
  } catch {
    return { stamp: "-", changedNs: 0n };
  }
  const changedNs = stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
  if (!stat.isDirectory()) return { stamp: kindOnly ? "f" : `f${fileStamp(stat)}`, changedNs: kindOnly ? 0n : changedNs };
  if (kindOnly) return { stamp: "d", changedNs: 0n };
  const names = readdirSync(path).toSorted();
  // "/" is in no file name: the names cannot run into each other.
  return { stamp: `d${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${names.join("/")}`, names, changedNs };
}

/** Stamps the inputs (before the run reads them: an edit while it reads shows next time). */
export function takeStamps(inputs: readonly RunInput[]): TakenStamps {
  const hash = createHash("sha256");
  let newestNs = 0n;
  const files = new Map<string, string>();
  const add = (path: string, tree: boolean, kindOnly: boolean) => {
    const { stamp, names, changedNs } = stampOf(path, kindOnly);
    // (No path or stamp holds a line break.)
    hash.update(`${path}\n${stamp}\n`);
    if (stamp.length > 1 && stamp.startsWith("f")) files.set(path, stamp.slice(1));
    if (changedNs > newestNs) newestNs = changedNs;
    if (tree) for (const name of names ?? []) add(join(path, name), true, false);
  };
  for (const input of inputs) add(input.path, input.tree === true, input.kindOnly === true);
  return { digest: hash.digest("hex"), newestNs, files };
}

function wellFormed(entry: unknown): entry is RunEntry {
  const e = entry as Partial<RunEntry> | null;
  return (
    e !== null &&
    typeof e === "object" &&
    typeof e.code === "string" &&
    typeof e.inputs === "string" &&
    typeof e.stdout === "string" &&
    Number.isInteger(e.status)
  );
}

/** The records of one command's runs in a folder (.cache/replay/), one file per key (its options and environment). */
export class RunRecords {
  private readonly cache: JsonCache<RunEntry>;
  private readonly key: string;

  constructor(
    dir: string,
    private readonly code: string,
    /** Everything besides the inputs that shapes the output: command, root, options, environment. */
    parts: readonly (string | undefined)[],
  ) {
    // Keyed by the options alone, the code kept inside: a code change replaces the record rather than adding one.
    this.cache = new JsonCache(dir, "");
    this.key = this.cache.key(parts);
  }

  /** The record's file, whether or not it exists. */
  get file(): string {
    return this.cache.file(this.key);
  }

  /** What the recorded run printed and its exit status, while the code and every input (stamped `now`) are as recorded; otherwise undefined. */
  replay(now: TakenStamps): { stdout: string; status: number } | undefined {
    const entry = this.cache.get(this.key);
    if (!wellFormed(entry) || entry.code !== this.code || entry.inputs !== now.digest) return undefined;
    return { stdout: entry.stdout, status: entry.status };
  }

  /** Records a run whose inputs were `taken` before it read them; not when one had changed just before (it is then run again next time). */
  record(taken: TakenStamps, stdout: string, status: number, now = Date.now()): void {
    if (taken.newestNs >= racyFrom(now)) return;
    this.cache.put(this.key, { code: this.code, inputs: taken.digest, stdout, status });
    this.cache.prune(now);
  }
}
