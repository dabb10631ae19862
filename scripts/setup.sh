#!/usr/bin/env bash
# npm run setup: installs what is missing and nothing else, so it is quick when all is present.
#   1. npm packages (npm ci) when node_modules is missing or older than package-lock.json
#   2. Chromium (PDFs, browser tests), poppler-utils (PDF checks) and Java (HTML checker),
#      through apt on Debian/Ubuntu, only where they are absent.
# No browser is ever downloaded by npm: Puppeteer's download is switched off.
set -euo pipefail
cd "$(dirname "$0")/.."

export PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "→ installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
else
  echo "✓ npm packages are installed"
fi

have_browser() {
  for p in "${CHROME_PATH:-}" "${CHROMIUM_PATH:-}" "${PUPPETEER_EXECUTABLE_PATH:-}" \
    /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium \
    /usr/bin/google-chrome-stable /usr/bin/google-chrome /opt/google/chrome/chrome \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do
    [ -n "$p" ] && [ -x "$p" ] && return 0
  done
  return 1
}

missing=()
have_browser || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ ${#missing[@]} -eq 0 ]; then
  echo "✓ Chromium, poppler-utils and Java are installed"
  exit 0
fi

echo "→ missing system packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
✗ This is not a Debian/Ubuntu system, so setup cannot install: ${missing[*]}
  Install them with your system's package manager:
    chromium (or Google Chrome; set CHROME_PATH=/path/to/chrome if it is somewhere unusual),
    poppler-utils (pdftoppm, pdffonts), a Java 17+ runtime (for the HTML checker).
MSG
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "✗ Installing ${missing[*]} needs root: run  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "✓ installed ${missing[*]}"
