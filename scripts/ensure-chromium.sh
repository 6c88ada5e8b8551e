#!/usr/bin/env bash
# Browser tests need Debian's chromium; install it when missing. A missing browser
# is a failure, never a skipped tier.
set -euo pipefail
bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$bin" ]; then
  echo "chromium: $("$bin" --version 2>/dev/null || echo present)"
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  command -v sudo >/dev/null || { echo "chromium is missing and this user cannot install it (needs root or sudo)" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian's chromium for the browser tests..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
[ -x "$bin" ] || { echo "chromium did not install at $bin" >&2; exit 1; }
echo "chromium: $("$bin" --version)"
