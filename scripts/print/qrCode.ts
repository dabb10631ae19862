// The print pages' QR codes as inline SVG: vector (sharp at any print size), a 4-module quiet
// zone, and the plain address it encodes (no redirect or tracking service logs the scans).
import QRCode from "qrcode";

const QUIET_ZONE = 4;

function qrCodeSvg(url: string, label: string): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const full = size + 2 * QUIET_ZONE;
  let path = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (modules.get(y, x)) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const escaped = label.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return (
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" role="img" aria-label="${escaped}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/**
 * The QR code of an address, checked before any page prints it: the dark squares the SVG draws,
 * read back from its path, must be the qrcode library's own matrix for that address with its
 * quiet zone (a drawing mistake would print a code no phone reads). Its printed size is checked
 * after layout (render/pdfTask.ts), and tests decode it from the PDFs with jsqr.
 */
export function checkedQrCodeSvg(url: string, label: string): string {
  const svg = qrCodeSvg(url, label);
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const drawn = new Set([...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[1]) - QUIET_ZONE},${Number(m[2]) - QUIET_ZONE}`));
  const full = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1]);
  let expected = 0;
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      expected++;
      if (!drawn.has(`${x},${y}`)) throw new Error(`the QR code of ${url} misses the module at ${x},${y}: scripts/print/qrCode.ts draws it wrong`);
    }
  }
  if (drawn.size !== expected || full !== modules.size + 2 * QUIET_ZONE) {
    throw new Error(`the QR code of ${url} draws ${drawn.size} modules in ${full} squares, not ${expected} in ${modules.size + 2 * QUIET_ZONE}: scripts/print/qrCode.ts draws it wrong`);
  }
  return svg;
}
