#!/usr/bin/env bash
# The browser tests need Chromium: Debian's, installed here when missing, or the
# one CHROMIUM points at. A missing browser is a failure of the browser tier,
# never a skipped tier; on a machine without apt this step says what to set.
set -euo pipefail
bin="${CHROMIUM:-${CHROMIUM_PATH:-/usr/bin/chromium}}"
if [ -x "$bin" ]; then
  echo "chromium: $("$bin" --version 2>/dev/null || echo "present at $bin")"
  exit 0
fi
if [ -n "${CHROMIUM:-}${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM is set to $bin, but nothing executable is there; the browser tests will fail until it points at a Chromium binary." >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  cat >&2 <<'MSG'
No apt-get on this machine, so Debian's chromium can't be installed here. Point the
browser tests at a Chromium (or Chrome) of your own, for example on macOS:
  make test CHROMIUM="/Applications/Chromium.app/Contents/MacOS/Chromium"
Without it the browser tier fails with "Chromium not found".
MSG
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null || { echo "chromium is missing and this user cannot install it (needs root or sudo); or set CHROMIUM to a Chromium binary" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian's chromium for the browser tests..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
[ -x "$bin" ] || { echo "chromium did not install at $bin" >&2; exit 1; }
echo "chromium: $("$bin" --version)"
