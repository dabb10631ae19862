// The alignment walk always ends: each step advances a side that has blocks left, whatever the
// costs say. Before walkStep, a step chosen by comparing costs could step past the translation's
// end and never stop (56 of Stryker's mutants did); now the bounds decide before the costs.
import { expect, test } from "vitest";
import { alignBlocks, walkStep } from "../../scripts/project/align.ts";
import { readBlocks } from "../../scripts/project/blocks.ts";

const blocks = (body: string) => readBlocks(body, 1).blocks;
const never = (): [number, number, number] => {
  throw new Error("costs asked for with one side at its end");
};

test("at the end of one side the step takes the other side's next block, without asking the costs", () => {
  expect(walkStep(3, 0, 3, 2, never)).toBe("extra");
  expect(walkStep(3, 1, 3, 2, never)).toBe("extra");
  expect(walkStep(0, 2, 3, 2, never)).toBe("missing");
  expect(walkStep(2, 2, 3, 2, never)).toBe("missing");
});

test("with blocks left on both sides it takes the cheapest step, pairing first, then missing, on a tie", () => {
  expect(walkStep(0, 0, 2, 2, () => [1, 1, 1])).toBe("pair");
  expect(walkStep(0, 0, 2, 2, () => [1.5, 1, 1])).toBe("missing");
  expect(walkStep(0, 0, 2, 2, () => [1.5, 2, 1])).toBe("extra");
  expect(walkStep(0, 0, 2, 2, () => [1, 2, 0.5])).toBe("extra");
  expect(walkStep(0, 0, 2, 2, () => [1, 0.5, 2])).toBe("missing");
  expect(walkStep(0, 0, 2, 2, () => [Infinity, 3, 3])).toBe("missing");
  // Costs that compare as nothing (NaN) still give a step, and one the caller can take.
  expect(walkStep(0, 0, 2, 2, () => [Number.NaN, Number.NaN, Number.NaN])).toBe("extra");
});

test("a NaN length ratio still ends the walk with every block of both sides once, in order", () => {
  const english = blocks("## Title\n\nOne paragraph that is long enough to weigh.\n\nAnother paragraph, as long as the first one.");
  const translation = blocks("## Title\n\n- an item where the English has none\n\nOne paragraph that is long enough to weigh.");
  const alignment = alignBlocks(english, translation, { ratio: Number.NaN });
  expect(alignment.pairs.filter((p) => p.english >= 0).map((p) => p.english)).toEqual([0, 1, 2]);
  expect(alignment.pairs.filter((p) => p.translation >= 0).map((p) => p.translation)).toEqual([0, 1, 2]);
  expect(alignment.pairs.length).toBeLessThanOrEqual(english.length + translation.length);
});
