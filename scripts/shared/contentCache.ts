// A content-hash cache of JSON values in a folder of .cache/: each value is stored under a key made
// of what it is computed from, the code that computes it (its source files and the versions of the
// packages that shape it) and the options, so a changed input, module or package is another key and
// a stale value is never served. An entry carries its key and the format inside and is written
// whole (temporary file, then rename): a damaged, truncated or foreign entry is ignored and rebuilt.
import { createHash } from "node:crypto";
import { type BigIntStats, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Set (to anything but "0") to bypass every cache: nothing is read or written. */
const NO_CACHE_ENV = "PLEDGE_NO_CACHE";
/** The shape of an entry file; a new shape is a new number, and older entries are rebuilt. */
const FORMAT = 1;
const KEEP_UNUSED_DAYS = 14;
const DAY_MS = 86_400_000;
/** A marker whose date says when the folder was last pruned: at most once a day. */
const PRUNED_MARKER = ".pruned";

export function cacheBypassed(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[NO_CACHE_ENV];
  return value !== undefined && value !== "" && value !== "0";
}

/** An installed package's version, "?" when it is not installed. */
export function packageVersion(root: string, name: string): string {
  const file = join(root, "node_modules", name, "package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : "?";
}

/** What computes a value: source files (each module's text), packages (their installed versions) and Node's (its Unicode tables, Intl). */
export interface CodeParts {
  root: string;
  /** Folders whose .ts files are the computing modules (not recursive). */
  folders: readonly string[];
  packages: readonly string[];
  /** Folders whose every file, at any depth, shapes the value (templates, stylesheets). */
  trees?: readonly string[];
}

/** A hash of the computing code: a change to any of its modules or packages gives every key anew. */
export function codeIdentity({ root, folders, packages, trees = [] }: CodeParts): string {
  const hash = createHash("sha256").update(`node ${process.version}\n`);
  for (const name of packages) hash.update(`package ${name}@${packageVersion(root, name)}\n`);
  for (const folder of folders) {
    for (const name of readdirSync(folder).toSorted()) {
      if (name.endsWith(".ts")) hash.update(`module ${name}\n`).update(readFileSync(join(folder, name)));
    }
  }
  for (const tree of trees) {
    for (const name of (readdirSync(tree, { recursive: true }) as string[]).toSorted()) {
      const file = join(tree, name);
      if (statSync(file).isFile()) hash.update(`file ${name} ${statSync(file).size}\n`).update(readFileSync(file));
    }
  }
  return hash.digest("hex");
}

/** The key of a value computed from these parts by this code (each part told apart from the next by its length). */
function contentKey(identity: string, parts: readonly (string | undefined)[]): string {
  const hash = createHash("sha256").update(`${identity}\n`);
  for (const part of parts) {
    if (part === undefined) hash.update("-\n");
    else hash.update(`${part.length}:`).update(part).update("\n");
  }
  return hash.digest("hex").slice(0, 32);
}

interface Entry {
  format: number;
  key: string;
  value: unknown;
}

/** One folder of JSON values by key: `<key>.json`. */
export class JsonCache<Value> {
  private pruned = false;
  private made = false;

  constructor(
    readonly dir: string,
    private readonly identity: string,
  ) {}

  key(parts: readonly (string | undefined)[]): string {
    return contentKey(this.identity, parts);
  }

  file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The value stored under the key; undefined when there is none or it cannot be trusted. */
  get(key: string): Value | undefined {
    const file = this.file(key);
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(file, "utf8")) as Entry;
    } catch {
      // Absent, unreadable or not JSON (a truncated write from another tool): rebuilt.
      return undefined;
    }
    if (entry === null || typeof entry !== "object" || entry.format !== FORMAT || entry.key !== key || !("value" in entry)) return undefined;
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // A folder that cannot be written still serves its entries; they age out elsewhere.
    }
    return entry.value as Value;
  }

  /** Stores the value; a folder that cannot be written only means a cold run next time. */
  put(key: string, value: Value): void {
    try {
      // Once per instance: a run writes thousands of entries into one folder.
      if (!this.made) mkdirSync(this.dir, { recursive: true });
      this.made = true;
      writeAtomically(this.file(key), JSON.stringify({ format: FORMAT, key, value } satisfies Entry));
    } catch {
      // Read-only checkout, full disk: the value was computed, only not kept.
    }
  }

  /** Drops entries unused for two weeks (with the files they describe), at most once a day (a listing of the folder). */
  prune(now = Date.now(), keepDays = KEEP_UNUSED_DAYS): void {
    if (this.pruned || !existsSync(this.dir)) return;
    this.pruned = true;
    atMostDaily(this.dir, now, (names) => {
      const kept = new Set<string>();
      for (const name of names) {
        if (!name.endsWith(".json")) continue;
        const file = join(this.dir, name);
        if (now - statSync(file).mtimeMs > keepDays * DAY_MS) rmSync(file, { force: true });
        else kept.add(name.slice(0, -".json".length));
      }
      // An output whose entry is gone (or a temporary file left by a process that died mid-write), once a day old.
      for (const name of names) {
        if (name.endsWith(".json") || kept.has(name.slice(0, name.indexOf(".")))) continue;
        const file = join(this.dir, name);
        if (now - statSync(file).mtimeMs > DAY_MS) rmSync(file, { force: true });
      }
    });
  }
}

interface OutputEntry<Facts> {
  /** The output's bytes' hash: bytes that do not match (truncated, replaced) are not served. */
  sha256: string;
  facts?: Facts;
}

/** A cached output and what its task recorded about it. */
export interface CachedOutput<Facts> {
  bytes: Uint8Array;
  /** What the task recorded about the output (a PDF's page count); undefined when it recorded nothing. */
  facts: Facts | undefined;
}

/** Files (a PDF, a PNG) by key: `<key>.<extension>`, described by the JSON entry `<key>.json` (its hash and facts). */
export class OutputCache<Facts = never> {
  private readonly entries: JsonCache<OutputEntry<Facts>>;

  constructor(
    readonly dir: string,
    readonly extension: string,
  ) {
    // The keys are made by the caller (from the content, code and settings), not by the entries.
    this.entries = new JsonCache(dir, "");
  }

  /** The cache in `dir`, none for `false`; by default in `projectDir`, none under PLEDGE_NO_CACHE. */
  static open<Facts = never>(dir: string | false | undefined, projectDir: string, extension: string): OutputCache<Facts> | undefined {
    const chosen = dir ?? (cacheBypassed() ? false : projectDir);
    return chosen === false ? undefined : new OutputCache<Facts>(chosen, extension);
  }

  output(key: string): string {
    return join(this.dir, `${key}.${this.extension}`);
  }

  get(key: string): CachedOutput<Facts> | undefined {
    const entry = this.entries.get(key);
    if (!entry || typeof entry.sha256 !== "string") return undefined;
    try {
      const bytes = readFileSync(this.output(key));
      if (createHash("sha256").update(bytes).digest("hex") !== entry.sha256) return undefined;
      const now = new Date();
      utimesSync(this.output(key), now, now);
      return { bytes, facts: entry.facts };
    } catch {
      return undefined;
    }
  }

  /** The output first, then the entry that vouches for it. */
  put(key: string, bytes: Uint8Array, facts?: Facts): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      writeAtomically(this.output(key), bytes);
    } catch {
      return;
    }
    this.entries.put(key, { sha256: createHash("sha256").update(bytes).digest("hex"), ...(facts === undefined ? {} : { facts }) });
  }

  prune(now?: number): void {
    this.entries.prune(now);
  }
}

interface PackedEntry {
  /** The day (since 1970) a run last used it. */
  used: number;
  value: unknown;
}

/** A pack's entries as read once in this process (npm start): every later build in it shares them, and writes wait for writePacks(). */
interface LivePack {
  identity: string;
  entries: Map<string, PackedEntry>;
}
let livePacks: Map<string, LivePack> | undefined;
/** Packs whose entries changed since they were last written, by file. */
const unsaved = new Map<string, () => void>();

/** From now on this process reads each pack file once and writes packs only in writePacks(): a long-running server rebuilding often (npm start). */
export function keepPacksInProcess(): void {
  livePacks ??= new Map();
}

/** Writes every pack changed since its last write (npm start: after the page reloaded, and on exit). */
export function writePacks(): void {
  const writes = [...unsaved.values()];
  unsaved.clear();
  for (const write of writes) write();
}

/**
 * Many small values in one file, by key (a locale's sections: thousands of files would cost more
 * to write and read than the work they spare). Read whole on first use, written whole by save()
 * when a value was added or first used on a new day; entries unused for two weeks are left out
 * then. A pack that is damaged, truncated, of another format or written by other code (another
 * identity: its entries' keys can never be asked for again) is read as empty, and rebuilt.
 */
export class JsonPack<Value> {
  private entries: Map<string, PackedEntry> | undefined;
  private changed = false;
  private readonly today: number;

  constructor(
    readonly file: string,
    private readonly identity: string,
    now = Date.now(),
  ) {
    this.today = Math.floor(now / DAY_MS);
  }

  key(parts: readonly (string | undefined)[]): string {
    return contentKey(this.identity, parts);
  }

  get(key: string): Value | undefined {
    const entry = this.read().get(key);
    if (!entry) return undefined;
    if (entry.used !== this.today) {
      entry.used = this.today;
      this.changed = true;
    }
    return entry.value as Value;
  }

  put(key: string, value: Value): void {
    this.read().set(key, { used: this.today, value });
    this.changed = true;
  }

  /** Forgets the key's value (one that no longer holds). */
  delete(key: string): void {
    if (this.read().delete(key)) this.changed = true;
  }

  /** Writes the pack if anything changed (in a process that keeps packs, at its next writePacks()); a folder that cannot be written only means a cold run next time. */
  save(): void {
    if (!this.changed || !this.entries) return;
    if (livePacks) {
      this.changed = false;
      unsaved.set(this.file, () => this.write());
      return;
    }
    this.write();
  }

  private write(): void {
    if (!this.entries) return;
    const kept: Record<string, PackedEntry> = {};
    // (A day to come is no use: a clock set wrong, or not this cache's writing.)
    for (const [key, entry] of this.entries) if (entry.used <= this.today && this.today - entry.used <= KEEP_UNUSED_DAYS) kept[key] = entry;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeAtomically(this.file, JSON.stringify({ format: FORMAT, identity: this.identity, entries: kept }));
      this.changed = false;
    } catch {
      // Read-only checkout, full disk: the values were computed, only not kept.
    }
  }

  private read(): Map<string, PackedEntry> {
    if (this.entries) return this.entries;
    const live = livePacks?.get(this.file);
    if (live && live.identity === this.identity) return (this.entries = live.entries);
    this.entries = new Map();
    livePacks?.set(this.file, { identity: this.identity, entries: this.entries });
    let pack: { format?: unknown; identity?: unknown; entries?: unknown };
    try {
      pack = JSON.parse(readFileSync(this.file, "utf8")) as typeof pack;
    } catch {
      return this.entries;
    }
    // Another code's entries are dropped here, so a pack never grows with the versions of the code.
    if (pack === null || typeof pack !== "object" || pack.format !== FORMAT || pack.identity !== this.identity || pack.entries === null || typeof pack.entries !== "object") return this.entries;
    for (const [key, entry] of Object.entries(pack.entries as Record<string, unknown>)) {
      if (entry !== null && typeof entry === "object" && typeof (entry as PackedEntry).used === "number" && "value" in entry) this.entries.set(key, entry as PackedEntry);
    }
    return this.entries;
  }
}

/** A file as its stat tells it apart: size, modification and change times (ns), inode. */
type Stamp = string;

/** The stamp of a file from its stat. */
export function fileStamp(stat: BigIntStats): Stamp {
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
}

/** A file changed this little before a run is "racy": an edit later in the same clock tick could keep its stamp (2 s: FAT's tick). */
const RACY_NS = 2_000_000_000n;

/** The stamp of the file at `path`, statted now. */
export function pathStamp(path: string): Stamp {
  return fileStamp(statSync(path, { bigint: true }));
}

/** Files changed from this time (ns) on are racy for a run started `now`. */
export function racyFrom(now = Date.now()): bigint {
  return BigInt(now) * 1_000_000n - RACY_NS;
}

/** Whether a file of this stamp is old enough for its stamp to tell an edit apart, in a run whose racy time starts at `from`. */
export function stampSettled(stamp: Stamp, from: bigint): boolean {
  const [, mtime, ctime] = stamp.split(":").map(BigInt) as [bigint, bigint, bigint];
  return mtime < from && ctime < from;
}

interface FileRecord<Value> {
  stamp: Stamp;
  /** The file's text's hash, and what was read from it. */
  hash: string;
  value: Value;
}

/**
 * What a run read from files (a hash of each file's text and a value), trusted in a later run
 * while the file's stat is what it was, as git's index does: any write changes the change time
 * (which nothing but the clock sets back: utimes restoring the modification time still changes
 * it), a replaced file has another inode. A file changed less than RACY_NS before the run that
 * read it is not recorded: an edit in the same tick could have left its times as they were. A
 * record that is damaged, of other code or of another stamp is not served; the file is read.
 */
export class FileRecords<Value> {
  private readonly pack: JsonPack<FileRecord<Value>>;
  private racyFrom: bigint;

  constructor(
    file: string,
    identity: string,
    /** Whether a recorded value has the shape the reader writes (a damaged one is not trusted). */
    private readonly wellFormed: (value: unknown) => value is Value,
    now = Date.now(),
    /** Stamps taken earlier in the run, before any of these files was read (a run record's): not statted again. */
    private readonly known?: ReadonlyMap<string, Stamp>,
  ) {
    this.pack = new JsonPack(file, identity, now);
    this.racyFrom = racyFrom(now);
  }

  /** A new run of the same records (a server's rebuild): racy is judged against its start. */
  restart(now = Date.now()): void {
    this.racyFrom = racyFrom(now);
  }

  /** The file's stamp: as taken earlier in the run (a run record's), else statted now. */
  stampOf(path: string): Stamp {
    return this.known?.get(path) ?? pathStamp(path);
  }

  /** The file's record when `stamp` (taken before the file is read, so that an edit while it is read shows next time) is the recorded one. */
  look(path: string, stamp: Stamp): { hash: string; value: Value } | undefined {
    // Keyed by the path itself: a pack of other code is read as empty, so no key needs the code in it.
    const found = this.pack.get(path) as Partial<FileRecord<Value>> | undefined;
    const trusted = found !== undefined && found !== null && found.stamp === stamp && typeof found.hash === "string" && this.wellFormed(found.value);
    return trusted ? { hash: found.hash!, value: found.value! } : undefined;
  }

  /** Records what was read from the file with this stamp (unless the file is racy: then it is read again next time). */
  keep(path: string, stamp: Stamp, hash: string, value: Value): void {
    if (this.settled(stamp)) this.pack.put(path, { stamp, hash, value });
    else this.pack.delete(path);
  }

  private settled(stamp: Stamp): boolean {
    return stampSettled(stamp, this.racyFrom);
  }

  save(): void {
    this.pack.save();
  }
}

/** A hash of bytes, as ContentFiles names them. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Files by the hash of their bytes (`<sha256>.<extension>`), for outputs a JsonPack maps keys to
 * (the site's pages): equal outputs share one file, and a file whose bytes do not hash to its
 * name (damaged, or written over in place) is never served. Files are hard-linked in and out
 * (no bytes copied; a copy where the file system has no links).
 */
export class ContentFiles {
  private made = false;
  private pruned = false;

  constructor(
    readonly dir: string,
    readonly extension: string,
  ) {}

  file(hash: string): string {
    return join(this.dir, `${hash}.${this.extension}`);
  }

  /** Keeps `from`, whose bytes hash to `hash`, unless that content is kept already. */
  keep(from: string, hash: string): void {
    const file = this.file(hash);
    try {
      if (!this.made) mkdirSync(this.dir, { recursive: true });
      this.made = true;
      if (existsSync(file)) return;
      linkOrCopy(from, file);
    } catch {
      // Read-only checkout, full disk: the output was written, only not kept.
    }
  }

  /** Puts the kept content with this hash at `to` (replacing what is there); false when it is absent or damaged. */
  place(hash: string, to: string): boolean {
    const file = this.file(hash);
    try {
      if (sha256(readFileSync(file)) !== hash) return false;
      placeFile(file, to);
      const now = Date.now();
      if (now - statSync(file).mtimeMs > DAY_MS) utimesSync(file, new Date(now), new Date(now));
      return true;
    } catch {
      return false;
    }
  }

  /** Drops files unused for two weeks (placing one marks it used), at most once a day. */
  prune(now = Date.now(), keepDays = KEEP_UNUSED_DAYS): void {
    if (this.pruned || !existsSync(this.dir)) return;
    this.pruned = true;
    atMostDaily(this.dir, now, (names) => {
      for (const name of names) {
        const file = join(this.dir, name);
        if (now - statSync(file).mtimeMs > keepDays * DAY_MS) rmSync(file, { force: true });
      }
    });
  }
}

/**
 * `from` linked (or copied) to `to`, its folder made and what is there removed only when the link
 * fails for that (a build places thousands of pages into a new folder). What is there is never
 * written through: it may be another cached page's link.
 */
function placeFile(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") mkdirSync(dirname(to), { recursive: true });
    else rmSync(to, { force: true });
  }
  linkOrCopy(from, to);
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    // Another file system, or one without hard links.
    copyFileSync(from, to);
  }
}

/** Written under a temporary name and renamed when complete: never a half-written file. */
export function writeAtomically(file: string, data: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * A folder's housekeeping, at most once a day: `sweep` gets the folder's names (the marker left
 * out) when the marker's date is a day old or absent. Pruning is housekeeping: a failure leaves
 * the files for the next run.
 */
function atMostDaily(dir: string, now: number, sweep: (names: string[]) => void): void {
  const marker = join(dir, PRUNED_MARKER);
  try {
    if (existsSync(marker) && now - statSync(marker).mtimeMs < DAY_MS) return;
    sweep(readdirSync(dir).filter((name) => name !== PRUNED_MARKER));
    writeFileSync(marker, "");
    utimesSync(marker, new Date(now), new Date(now));
  } catch {
    // Left for the next run.
  }
}
