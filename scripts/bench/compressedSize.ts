// A file's size as it travels: raw, gzip (level 9) and brotli (quality 11). Formats that are
// compressed already (woff2, images) travel as they are: servers do not compress them again.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

const PRECOMPRESSED = /\.(woff2?|png|jpe?g|gif|webp|avif|ico|pdf|zip|gz|br)$/i;

export function sizesOf(path: string, bytes: Buffer): Sizes {
  if (PRECOMPRESSED.test(path)) return { raw: bytes.length, gzip: bytes.length, brotli: bytes.length };
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

export const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

export function addSizes(a: Sizes, b: Sizes): Sizes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}
