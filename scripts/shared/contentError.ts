// One kind of error for everything a person can fix by editing a file:
// it names the file (and line/column where known) and says what to do next.
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export class ContentError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problem: string;
  readonly hint: string;

  constructor(place: Place, problem: string, hint: string) {
    super(`${formatPlace(place)}: ${problem}\n  → ${hint}`);
    this.name = "ContentError";
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.problem = problem;
    this.hint = hint;
  }
}

function formatPlace({ file, line, column }: Place): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}
