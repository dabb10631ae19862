// What earlier imports did, so the same exchange file imports again after more translating: for
// each exported state (the file's X-Locale-Files header), the locale's files as the last import
// from it left them; and each entry a translator confirmed (not fuzzy) with its English, so a
// re-export does not mark it "to review" only because its section has no source: line yet.
// Kept in .cache/locale-imports.json: it describes exchange files on this computer, and file
// hashes stay valid across commits, so nothing of it belongs in the repository.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { changedLocaleFiles, localeFilesHash } from "./localeFiles.ts";
import type { ImportedEntry } from "./types.ts";

const IMPORT_RECORD = ".cache/locale-imports.json";

interface LocaleRecord {
  /** sha of an export's X-Locale-Files header → localeFilesHash after the last import from it. */
  imports: Record<string, string>;
  /** shas of context + English + translation the translator confirmed in an imported file. */
  confirmed: string[];
}

type Record_ = Record<string, LocaleRecord>;

const sha = (...parts: string[]) => createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 20);

function readRecord(root: string): Record_ {
  try {
    const parsed = JSON.parse(readFileSync(join(root, IMPORT_RECORD), "utf8")) as unknown;
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record_) : {};
  } catch {
    // Absent or damaged: a cache. Without it import asks for --force as it did before any record.
    return {};
  }
}

function localeRecord(record: Record_, code: string): LocaleRecord {
  const found = Object.hasOwn(record, code) ? record[code] : undefined;
  return {
    imports: found && typeof found.imports === "object" && found.imports !== null ? found.imports : {},
    confirmed: Array.isArray(found?.confirmed) ? found.confirmed.filter((c) => typeof c === "string") : [],
  };
}

/**
 * The locale's files that someone other than an import from this export changed since it was
 * made: a file counts as unchanged when it is as it was at export, or as the last import from
 * the same export left it.
 */
export function changedSinceExport(root: string, code: string, headerHash: string): string[] {
  const now = localeFilesHash(root, code);
  const changed = changedLocaleFiles(headerHash, now);
  if (changed.length === 0) return [];
  const afterImport = localeRecord(readRecord(root), code).imports[sha(headerHash)];
  if (afterImport === undefined) return changed;
  const byOurImport = new Set(changedLocaleFiles(afterImport, now));
  return changed.filter((file) => byOurImport.has(file));
}

/** After an import from a file exported at headerHash (undefined: a file without the header) wrote its files. */
export function recordImport(root: string, code: string, headerHash: string | undefined, entries: Iterable<ImportedEntry>): void {
  const record = readRecord(root);
  const mine = localeRecord(record, code);
  if (headerHash !== undefined) {
    // Deleted first so the newest export is last, where the bound below keeps it.
    delete mine.imports[sha(headerHash)];
    mine.imports[sha(headerHash)] = localeFilesHash(root, code);
  }
  const confirmed = new Set(mine.confirmed);
  for (const entry of entries) {
    if (entry.fuzzy || entry.translation.length !== 1 || !entry.translation[0]) continue;
    confirmed.add(sha(entry.context, entry.source, entry.translation[0]));
  }
  // Bounded: the newest exports and confirmations are the ones a translator still has.
  const imports = Object.entries(mine.imports).slice(-50);
  record[code] = { imports: Object.fromEntries(imports), confirmed: [...confirmed].slice(-20_000) };
  const path = join(root, IMPORT_RECORD);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Whether a translator confirmed this translation of this English in an imported file (see recordImport). */
export function confirmedTranslations(root: string, code: string): (context: string, source: string, translation: string) => boolean {
  const confirmed = existsSync(join(root, IMPORT_RECORD)) ? new Set(localeRecord(readRecord(root), code).confirmed) : new Set<string>();
  return (context, source, translation) => confirmed.has(sha(context, source, translation));
}
