// The print pages' QR codes: the shared drawing (scripts/shared/qrCode.ts), checked before any
// page prints it. Its printed size is checked after layout (render/pdfTask.ts), and tests decode
// it from the PDFs with jsqr.
import QRCode from "qrcode";
import { QUIET_ZONE, qrCodePath, qrCodeSvg } from "../shared/qrCode.ts";

/**
 * The QR code of an address as SVG, with the dark squares its path draws read back and compared
 * with the qrcode library's own matrix for that address (a drawing mistake would print a code no
 * phone reads).
 */
export function checkedQrCodeSvg(url: string, label: string): string {
  const { path, size } = qrCodePath(url);
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(url), mode: "byte" }], { errorCorrectionLevel: "M" });
  const drawn = drawnModules(path);
  let expected = 0;
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      expected++;
      if (!drawn.has(`${x},${y}`)) throw new Error(`the QR code of ${url} misses the module at ${x},${y}: scripts/shared/qrCode.ts draws it wrong`);
    }
  }
  if (drawn.size !== expected || size !== modules.size + 2 * QUIET_ZONE) {
    throw new Error(`the QR code of ${url} draws ${drawn.size} modules in ${size} squares, not ${expected} in ${modules.size + 2 * QUIET_ZONE}: scripts/shared/qrCode.ts draws it wrong`);
  }
  return qrCodeSvg(url, label);
}

/** "x,y" of every module a path of runs draws (`M`/`m` to a run's start, `h<run>v1h-<run>z`), quiet zone taken off. */
function drawnModules(path: string): Set<string> {
  const cells = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, move, dx, dy, run] of path.matchAll(/([Mm])(-?\d+) (-?\d+)h(\d+)v1h-\d+z/g)) {
    x = move === "M" ? Number(dx) : x + Number(dx);
    y = move === "M" ? Number(dy) : y + Number(dy);
    for (let i = 0; i < Number(run); i++) cells.add(`${x + i - QUIET_ZONE},${y - QUIET_ZONE}`);
  }
  return cells;
}
