// The QR code's one path, drawn back into pixels by reading its commands, decodes to the text.
import { expect, test } from "vitest";
import { QUIET_ZONE, qrCodePath, qrCodeSvg } from "../../scripts/shared/qrCode.ts";
import { decodeQrBitmap } from "../helpers/qr.ts";

/** The modules the path darkens: runs of `h{n}v1h-{n}z` placed by M (absolute) and m (relative to the last run). */
function modulesOf(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let at = [0, 0];
  for (const [, move, dx, dy, run] of path.matchAll(/([Mm])(-?\d+) (-?\d+)h(\d+)v1h-\4z/g)) {
    at = move === "M" ? [Number(dx), Number(dy)] : [at[0]! + Number(dx), at[1]! + Number(dy)];
    for (let i = 0; i < Number(run); i++) grid[at[1]!]![at[0]! + i] = true;
  }
  return grid;
}

// The library's code (its mask picked by the penalty rules, as print draws it) and the site's own encoder under each fixed mask.
test.each([undefined, 0, 1, 2, 3, 4, 5, 6, 7] as const)("the path draws a code jsQR reads back, with a quiet zone of 4 light modules (mask %s)", (mask) => {
  const url = "https://pledge.example.org/ar/non-compliant/";
  const { path, size } = qrCodePath(url, mask === undefined ? {} : { mask });
  expect(path).toMatch(/^(?:[Mm]-?\d+ -?\d+h\d+v1h-\d+z)+$/);
  const grid = modulesOf(path, size);
  for (let i = 0; i < size; i++) for (const edge of [0, QUIET_ZONE - 1, size - QUIET_ZONE, size - 1]) expect(grid[edge]![i] || grid[i]![edge]).toBe(false);
  const scale = 4;
  const pixels = new Uint8ClampedArray(size * scale * size * scale * 4);
  for (let y = 0; y < size * scale; y++)
    for (let x = 0; x < size * scale; x++) {
      const value = grid[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      pixels.set([value, value, value, 255], (y * size * scale + x) * 4);
    }
  expect(decodeQrBitmap(pixels, size * scale, size * scale)).toBe(url);
});

test("the SVG: white square, black modules, its label escaped", () => {
  const svg = qrCodeSvg("https://pledge.example.org/en/", 'QR code for "a" & <b>');
  expect(svg).toMatch(/^<svg class="qr-code" [^>]*aria-label="QR code for &quot;a&quot; &amp; &lt;b>"/);
  expect(svg).toContain('<rect width="37" height="37" fill="#fff"/><path fill="#000" d="M');
});
