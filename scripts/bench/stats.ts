// Medians over several runs, and ratios of runs made side by side: on a noisy machine a
// single run, or a ratio of medians from different moments, says little.

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

export interface Paired<T> {
  a: T[];
  b: T[];
}

/**
 * Runs A and B `runs` times each, alternating and swapping who goes first every round
 * (A B, B A, A B …), so drift in the machine's load falls on both alike.
 */
export async function alternate<T>(runs: number, a: () => Promise<T>, b: () => Promise<T>): Promise<Paired<T>> {
  const [outA, outB] = await rotate(runs, [a, b]);
  return { a: outA!, b: outB! };
}

/**
 * Runs each of `sides` `runs` times, in rounds whose order rotates (A B C, B C A, C A B …), so
 * each side goes first as often as the others; with two sides this is `alternate`. One list of
 * results per side, round by round.
 */
export async function rotate<T>(runs: number, sides: readonly (() => Promise<T>)[]): Promise<T[][]> {
  const out: T[][] = sides.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < sides.length; k++) {
      const side = (round + k) % sides.length;
      out[side]!.push(await sides[side]!());
    }
  }
  return out;
}

/** Round by round A/B: each ratio compares two runs made next to each other. */
export function pairedRatios(a: readonly number[], b: readonly number[]): Summary {
  return summarize(a.map((value, i) => value / b[i]!));
}

export const seconds = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`;
export const kib = (bytes: number, digits = 1) => `${(bytes / 1024).toFixed(digits)} KB`;
export const mib = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;
export const times = (ratio: number) => `${ratio.toFixed(2)}×`;
/** "1.23 s (1.10–1.40)": the median and the spread of the runs. */
export const spread = (s: Summary, format: (n: number) => string) => (s.runs > 1 ? `${format(s.median)} (${format(s.min)}–${format(s.max)})` : format(s.median));
