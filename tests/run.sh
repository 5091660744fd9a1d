#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: installs what the tests use, then lint,
# the import-layer contract and pytest. README's test command; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use for real: PostgreSQL (sync), LibreOffice (files written by another
# program), a CJK font (Qt offscreen renders Japanese), tesseract with Japanese data (card OCR),
# poppler (PDF cards); a real X server for the UI tests (tests/ui_x11): Xvfb, openbox as the
# window manager, and the xcb libraries Qt's xcb platform plugin loads that nothing else brings;
# openssl (a sync test makes a self-signed certificate); and the libraries PySide6's QtGui links
# (EGL, GL, xkbcommon, fontconfig, GLib, D-Bus), which a leaner machine may lack.
debs=(postgresql libreoffice-calc-nogui fonts-noto-cjk tesseract-ocr tesseract-ocr-jpn poppler-utils
  xvfb openbox libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 openssl
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3)
missing=()
# "install ok installed" only: a package removed but not purged still answers `dpkg -s`.
for d in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]' 2>&1 | grep -v "^WARNING: Location\|Running pip as the 'root'" || true

echo "== ruff check"; python3 -m ruff check .
echo "== ruff format --check"; python3 -m ruff format --check .
echo "== import-linter"; lint-imports
echo "== pytest"
export QT_QPA_PLATFORM=offscreen
exec python3 -m pytest -q -p no:cacheprovider "$@"
