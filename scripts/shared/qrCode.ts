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
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: "byte" }], { errorCorrectionLevel: "M", ...(mask === undefined ? {} : { maskPattern: mask }) });
  const n = modules.size;
  let path = "";
  let at: [number, number] | undefined;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; ) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      const [px, py] = [x + QUIET_ZONE, y + QUIET_ZONE];
      // After `z` the pen is back at the run's start: the next run moves from there.
      path += `${at ? `m${px - at[0]} ${py - at[1]}` : `M${px} ${py}`}h${run}v1h-${run}z`;
      at = [px, py];
      x += run;
    }
  }
  return { path, size: n + 2 * QUIET_ZONE };
}
