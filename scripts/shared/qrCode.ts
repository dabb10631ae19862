// A QR code as inline SVG: vector (sharp at any size, on paper or a screen), a 4-module quiet
// zone, dark modules on a white square whatever the page's colours, and the plain address it
// encodes (no redirect or tracking service logs the scans).
import QRCode from "qrcode";

export const QUIET_ZONE = 4;

export interface QrOptions {
  /**
   * A fixed mask pattern (0-7) instead of the one the standard's penalty rules pick: picking
   * costs about 1 ms a code (2 s for a 2000-page site); phone readers read any mask, and pattern 2
   * is the one the rules pick most often for the site's addresses.
   */
  mask?: QRCode.QRCodeMaskPattern;
}

export function qrCodeSvg(text: string, label: string, options: QrOptions = {}): string {
  const { path, size } = qrCodePath(text, options);
  const escaped = label.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return (
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escaped}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/**
 * The dark modules as one path, quiet zone included in `size`: each horizontal run of dark
 * modules one rectangle, every run after the first placed relative to the one before (short,
 * repetitive text: a page's code adds about 1 KB gzipped).
 */
export function qrCodePath(text: string, { mask }: QrOptions = {}): { path: string; size: number } {
  // One byte-mode segment, as an address is (lower case, slashes): the library's search for the
  // shortest mix of modes takes twice as long as the rest of the code.
  const { size: n, data } = QRCode.create([{ data: new TextEncoder().encode(text), mode: "byte" }], { errorCorrectionLevel: "M", ...(mask === undefined ? {} : { maskPattern: mask }) }).modules;
  // Written as ASCII into one buffer and read as one string (a string per run was most of the time).
  const out = PathWriter.for(n);
  let atX = -1;
  let atY = 0;
  for (let y = 0; y < n; y++) {
    const row = y * n;
    for (let x = 0; x < n; ) {
      if (!data[row + x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < n && data[row + x + run]) run++;
      const px = x + QUIET_ZONE;
      const py = y + QUIET_ZONE;
      // After `z` the pen is back at the run's start: the next run moves from there.
      if (atX < 0) out.move("M", px, py);
      else out.move("m", px - atX, py - atY);
      out.run(run);
      atX = px;
      atY = py;
      x += run;
    }
  }
  return { path: out.text(), size: n + 2 * QUIET_ZONE };
}

/** A path of `M`/`m x y` moves and `h<run>v1h-<run>z` runs, as bytes. */
class PathWriter {
  private static shared = new PathWriter(Buffer.alloc(0));
  private length = 0;

  private constructor(private readonly bytes: Buffer) {}

  /** A writer for a code of n × n modules: one buffer, reused, large enough for every run (at most 22 bytes each, at most ⌈n/2⌉ a row). */
  static for(n: number): PathWriter {
    const capacity = n * Math.ceil(n / 2) * 24 + 16;
    if (PathWriter.shared.bytes.length < capacity) PathWriter.shared = new PathWriter(Buffer.allocUnsafe(capacity));
    PathWriter.shared.length = 0;
    return PathWriter.shared;
  }

  move(command: "M" | "m", dx: number, dy: number): void {
    this.bytes[this.length++] = command.charCodeAt(0);
    this.number(dx);
    this.bytes[this.length++] = 0x20;
    this.number(dy);
  }

  run(length: number): void {
    this.bytes[this.length++] = 0x68; // h
    this.number(length);
    this.bytes[this.length++] = 0x76; // v
    this.bytes[this.length++] = 0x31; // 1
    this.bytes[this.length++] = 0x68; // h
    this.bytes[this.length++] = 0x2d; // -
    this.number(length);
    this.bytes[this.length++] = 0x7a; // z
  }

  text(): string {
    return this.bytes.toString("latin1", 0, this.length);
  }

  private number(value: number): void {
    if (value < 0) {
      this.bytes[this.length++] = 0x2d;
      value = -value;
    }
    const digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : String(value).length;
    for (let i = digits - 1; i >= 0; i--, value = Math.floor(value / 10)) this.bytes[this.length + i] = 0x30 + (value % 10);
    this.length += digits;
  }
}
