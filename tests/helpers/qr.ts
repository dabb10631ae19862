// Decoding QR codes in the tests with jsQR: from an RGBA bitmap or a PNG (a screenshot).
import jsqrModule, { type QRCode } from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS: its default export is the module object or the function, depending on the loader.
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;

export function decodeQrBitmap(rgba: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(rgba, width, height)?.data;
}

export function decodeQrPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return decodeQrBitmap(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
}
