// The old English: the text of a section as it was at a given version, so a stale translation
// can be held to the English it was made from and shown what changed. Two places hold it: the
// snapshot store that `npm run locale:mark` writes (content/.versions/<id>/<version>.md, the
// English file as it was), then the git history of content/<source>/<id>.md. Either may lack it
// (snapshot deleted, shallow clone): then no diff. This module alone reads and writes that store.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseSectionFile } from "./sectionFile.ts";
import { sectionVersion } from "./sectionVersion.ts";
import { ContentError } from "../shared/contentError.ts";
import { decodeText, readText } from "../shared/readText.ts";

export interface SectionText {
  title: string;
  kicker?: string | undefined;
  body: string;
  /** The body's first line in the file it was read from. */
  bodyLine?: number;
}

/** Where the English text of a section version is kept, relative to the project root. */
export function snapshotFile(id: string, version: string): string {
  return `content/.versions/${id}/${version}.md`;
}

/** Stores the English file's exact text under its version, once. Returns the path, relative to root. */
export function writeSnapshot(root: string, id: string, version: string, englishFileText: string): string {
  const file = snapshotFile(id, version);
  const path = join(root, file);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, englishFileText);
  }
  return file;
}

export type OldSource = { text: SectionText; from: "snapshot" | "git" } | { reason: string };

export class SourceHistory {
  private readonly gitVersions = new Map<string, Map<string, SectionText> | string>();
  private readonly found = new Map<string, OldSource>();
  private gitPrefix: string | undefined | null;

  constructor(
    private readonly root: string,
    private readonly sourceLocale: string,
  ) {}

  /** The English of a section at a version, looked up once however often it is asked for. */
  find(id: string, version: string): OldSource {
    const key = `${id}@${version}`;
    let old = this.found.get(key);
    if (!old) {
      old = this.lookUp(id, version);
      this.found.set(key, old);
    }
    return old;
  }

  private lookUp(id: string, version: string): OldSource {
    const fromSnapshot = this.snapshot(id, version);
    if (fromSnapshot) return { text: fromSnapshot, from: "snapshot" };
    const history = this.git(id);
    if (typeof history === "string") return { reason: `${snapshotFile(id, version)} is absent and ${history}` };
    const fromGit = history.get(version);
    if (fromGit) return { text: fromGit, from: "git" };
    return {
      reason: `neither ${snapshotFile(id, version)} nor the git history of content/${this.sourceLocale}/${id}.md has English version ${version} (a shallow clone lacks history; a hand-edited source: line matches no version)`,
    };
  }

  /** Every version of the English section in git, newest first (by the newest commit that had it), or why there is none. */
  versionsInGit(id: string): ReadonlyMap<string, SectionText> | string {
    return this.git(id);
  }

  private snapshot(id: string, version: string): SectionText | undefined {
    const file = snapshotFile(id, version);
    const path = join(this.root, file);
    if (!existsSync(path)) return undefined;
    try {
      const parsed = parseSectionFile(readText(path, this.root), file);
      const text = { title: parsed.frontMatter.title, kicker: parsed.frontMatter.kicker, body: parsed.body, bodyLine: parsed.bodyLine };
      return sectionVersion(text) === version ? text : undefined;
    } catch (error) {
      if (error instanceof ContentError) return undefined;
      throw error;
    }
  }

  /** Every version the English file had in git, read with two git commands per section. */
  private git(id: string): Map<string, SectionText> | string {
    const known = this.gitVersions.get(id);
    if (known) return known;
    let result: Map<string, SectionText> | string;
    try {
      result = this.readGitVersions(id);
    } catch {
      result = "git could not be asked (is this a git clone?)";
    }
    this.gitVersions.set(id, result);
    return result;
  }

  private readGitVersions(id: string): Map<string, SectionText> | string {
    const run = (args: string[], input?: string) => execFileSync("git", args, { cwd: this.root, input, stdio: ["pipe", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
    this.gitPrefix ??= run(["rev-parse", "--show-prefix"]).toString("utf8").trim();
    const file = `content/${this.sourceLocale}/${id}.md`;
    const commits = run(["rev-list", "--max-count=1000", "HEAD", "--", file]).toString("utf8").split("\n").filter(Boolean);
    if (commits.length === 0) return `the git history has no version of ${file}`;
    const output = run(["cat-file", "--batch"], commits.map((c) => `${c}:${this.gitPrefix}${file}\n`).join(""));
    const versions = new Map<string, SectionText>();
    let at = 0;
    while (at < output.length) {
      const headerEnd = output.indexOf(0x0a, at);
      if (headerEnd === -1) break;
      const header = output.subarray(at, headerEnd).toString("utf8").split(" ");
      at = headerEnd + 1;
      if (header[1] !== "blob") continue; // "<name> missing": the file did not exist at that commit
      const size = Number(header[2]);
      const bytes = output.subarray(at, at + size);
      at += size + 1;
      try {
        const parsed = parseSectionFile(decodeText(bytes, file), file);
        const text = { title: parsed.frontMatter.title, kicker: parsed.frontMatter.kicker, body: parsed.body, bodyLine: parsed.bodyLine };
        versions.set(sectionVersion(text), text);
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
      }
    }
    return versions;
  }
}
