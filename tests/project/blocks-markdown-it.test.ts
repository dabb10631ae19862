// The line reader against markdown-it on generated samples of the forms the real content rarely
// or never uses: every list marker (*, + and numbers of one to three digits), nesting at and off
// the item's text, headings with closing #s, headings and lists inside > quotations, and lines
// that continue a paragraph, a list item or a > quotation without their marker.
import { expect, test } from "vitest";
import { readBlocks, readBlocksByParser, type Block } from "../../scripts/project/blocks.ts";
import { CASES, SAMPLES } from "../helpers/blockSamples.ts";

/** What both readings see: everything but the source markdown and the end lines. */
function seen(blocks: Block[]) {
  return blocks.map(({ kind, line, level, depth, parent, form, text, links, citations }) => ({ kind, line, level, depth, parent, form, text, links, citations }));
}

test.each(CASES)("%s: the line reader reads what markdown-it reads", (_, body) => {
  const read = readBlocks(body, 4);
  expect(read.problems).toEqual([]);
  expect(seen(read.blocks)).toEqual(seen(readBlocksByParser(body, 4)));
});

test("the samples hold what their names say: the readers agree on blocks that are there", () => {
  const kinds = (body: string) => readBlocksByParser(body, 1).map((b) => `${b.kind}${b.level || ""}:${b.depth}:${b.parent}`);
  expect(kinds(SAMPLES["10. nested at the text"]!)).toEqual(["item:1:-1", "item:2:-1", "item:1:-1"]);
  expect(kinds(SAMPLES["+ three deep"]!)).toEqual(["item:1:-1", "item:2:-1", "item:3:-1", "item:1:-1"]);
  expect(kinds(SAMPLES["heading: closing #s"]!)).toEqual(["heading2:0:-1"]);
  expect(kinds(SAMPLES["quotation: > ## heading then text"]!)).toEqual(["quote:0:-1", "heading2:0:0", "paragraph:0:0"]);
  expect(kinds(SAMPLES["quotation: a line continuing a > quotation"]!)).toEqual(["quote:0:-1", "paragraph:0:0"]);
  expect(kinds(SAMPLES["10. under an item's text, at the text"]!)).toEqual(["item:1:-1", "item:1:-1"]);
  expect(kinds(SAMPLES["* right after a > quotation"]!)).toEqual(["quote:0:-1", "paragraph:0:0", "item:1:-1"]);
  expect(kinds(SAMPLES["12) right after a > quotation"]!)).toEqual(["quote:0:-1", "paragraph:0:0", "item:1:-1"]);
  expect(readBlocks(SAMPLES["heading: closing #s"]!, 1).blocks[0]!.text).toBe("A heading");
  expect(readBlocks(SAMPLES["heading: only #s"]!, 1).blocks[0]!.text).toBe("");
  expect(readBlocks(SAMPLES["10. under an item's text, at the text"]!, 1).blocks[0]!.text).toBe("outer item 10. text or item");
  expect(readBlocks(SAMPLES["quotation: a line continuing a > quotation"]!, 1).blocks[1]!.text).toBe("a quoted paragraph that goes on without the sign");
});
