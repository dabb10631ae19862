// npm start's report of broken ::: markup. A section with it still renders (the rest of the
// section swallowed into a quotation left open, say), so the build goes on and nothing else would
// tell the editor; npm run check and npm run build stop on it. The dev server prints it as the
// check words it (file:line: error: message, then what to do), for the sections an edit touched.
import type { Project } from "../project/readProject.ts";
import { printable } from "../shared/printable.ts";

/** The markup problems of the project's sections whose file is in `files` (every section when undefined), as the check's report lines. */
function markupProblemLines(project: Project, files?: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (const locale of project.locales) {
    for (const section of locale.sections.values()) {
      if (files && !files.has(section.file)) continue;
      // The English's own hints say what to do there; a translation's, to follow the English.
      for (const problem of section.structure.problems) lines.push(`${section.file}:${problem.line}: error: ${problem.message}`, `  → ${locale.code === project.campaign.sourceLocale ? problem.sourceHint : problem.hint}`);
    }
  }
  // Messages may quote the file: nothing in them may drive the terminal.
  return lines.map(printable);
}

/**
 * What the dev server has reported: the first build reports every section, each rebuild the
 * sections whose files Eleventy saw change (a save of a file still broken reports it again).
 */
export class MarkupReport {
  private edited: Set<string> | undefined;
  private reported = false;

  /** Eleventy's queue of changed files for the coming rebuild (eleventy.beforeWatch): "./content/en/pledge.md". */
  changed(queue: readonly string[]): void {
    if (!this.reported) return;
    this.edited ??= new Set();
    for (const path of queue) this.edited.add(path.replace(/^\.\//, ""));
  }

  /** The lines to print for this build: once per build (a second call in the same build, as after a failed site model, has none). */
  take(project: Project): string[] {
    if (this.reported && this.edited === undefined) return [];
    const lines = markupProblemLines(project, this.reported ? this.edited : undefined);
    this.reported = true;
    this.edited = undefined;
    return lines;
  }
}
