// The reader's decoding (scripts/shared/readText.ts) gives every valid UTF-8 text exactly as
// Buffer's own decoder does, whichever way it decodes: ASCII byte for byte, the rest through UTF-16.
import { expect, test } from "vitest";
import { decodeText } from "../../scripts/shared/readText.ts";

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Code points from every kind of range a file may hold: ASCII, Latin-1, Arabic and Hebrew, marks, the BMP's top, astral letters and emoji. */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x24f],
  [0x590, 0x6ff],
  [0x300, 0x36f],
  [0x2000, 0x206f],
  [0xe000, 0xfffd],
  [0x10000, 0x1d7ff],
  [0x1f300, 0x1faff],
  [0x20000, 0x2a6df],
  [0xf0000, 0x10fffd],
];

function text(next: () => number, length: number, ranges = RANGES): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    const [from, to] = ranges[Math.floor(next() * ranges.length)]!;
    out += String.fromCodePoint(from + Math.floor(next() * (to - from + 1)));
  }
  return out;
}

test("any valid UTF-8 decodes to the text Buffer's decoder gives", () => {
  const next = random(27);
  for (let round = 0; round < 400; round++) {
    const written = `x${text(next, 1 + Math.floor(next() * 300))}`;
    const bytes = Buffer.from(written, "utf8");
    expect(decodeText(bytes, "f.md")).toBe(bytes.toString("utf8"));
    expect(decodeText(bytes, "f.md")).toBe(written);
  }
});

test("ASCII, Latin-1 only and large texts decode alike", () => {
  const next = random(7);
  for (const written of ["plain ascii text\n", text(next, 500, [RANGES[0]!, RANGES[1]!]), `# ${text(next, 200_000)}\n`, "ا".repeat(400_000)]) {
    expect(decodeText(Buffer.from(written, "utf8"), "f.md")).toBe(written);
  }
});

test("a byte-order mark is dropped and CRLF becomes LF, after decoding", () => {
  expect(decodeText(Buffer.from("\uFEFFسطر 𝐀\r\nline\rend\uFEFF", "utf8"), "f.md")).toBe("سطر 𝐀\nline\nend\uFEFF");
});
