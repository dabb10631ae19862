// Writes a set of files all or nothing: every file first goes to a temporary file beside its
// target (a dot name, which the project reader skips), then each is renamed over its target. When
// any step fails, the targets already replaced get their old bytes back, new ones are removed, and
// so are the temporary files and the folders made for them, so an import never stops half-done.
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface FileWrite {
  /** Absolute path. */
  path: string;
  text: string;
}

/** The file operations used, replaceable so a test can make one fail midway. */
export interface WriteOps {
  writeFile(path: string, text: string | Buffer): void;
  rename(from: string, to: string): void;
}

const REAL_OPS: WriteOps = { writeFile: (path, text) => writeFileSync(path, text), rename: renameSync };

/** A write that failed (after everything was put back): which file, and the system's reason. */
export class WriteFailure extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export function writeAllOrNothing(writes: FileWrite[], ops: WriteOps = REAL_OPS): void {
  const madeDirs: string[] = [];
  const temps: string[] = [];
  /** Targets replaced so far, with their bytes before (undefined: the file did not exist). */
  const replaced: { path: string; before: Buffer | undefined }[] = [];
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  let current = "";
  try {
    const pending = writes.map((write) => {
      current = write.path;
      makeDir(dirname(write.path), madeDirs);
      const temp = join(dirname(write.path), `.${basename(write.path)}.${tag}.tmp`);
      temps.push(temp);
      ops.writeFile(temp, write.text);
      return { ...write, temp, before: existsSync(write.path) && statSync(write.path).isFile() ? readFileSync(write.path) : undefined };
    });
    for (const write of pending) {
      current = write.path;
      ops.rename(write.temp, write.path);
      temps.splice(temps.indexOf(write.temp), 1);
      replaced.push({ path: write.path, before: write.before });
    }
  } catch (error) {
    for (const { path, before } of replaced.toReversed()) {
      try {
        if (before === undefined) unlinkSync(path);
        else {
          const temp = join(dirname(path), `.${basename(path)}.${tag}.restore`);
          writeFileSync(temp, before);
          renameSync(temp, path);
        }
      } catch {}
    }
    for (const temp of temps) {
      try {
        unlinkSync(temp);
      } catch {}
    }
    for (const dir of madeDirs.toReversed()) {
      try {
        rmdirSync(dir);
      } catch {}
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteFailure(
      current,
      code === "EISDIR" || code === "ENOTEMPTY" || code === "EEXIST"
        ? "a folder stands where the file goes"
        : code === "EACCES" || code === "EPERM"
          ? "no permission to write there"
          : code === "ENOSPC"
            ? "the disk is full"
            : (error as Error).message,
    );
  }
}

/** Makes the folder and any missing parents, noting each one made (outermost first). */
function makeDir(dir: string, made: string[]): void {
  if (existsSync(dir)) return;
  makeDir(dirname(dir), made);
  mkdirSync(dir);
  made.push(dir);
}
