#!/usr/bin/env bash
# Static image export (kaleido) and the browser tests need a Chromium. On Debian and Ubuntu the
# `chromium` package provides /usr/bin/chromium. As root (CI) this installs it; otherwise it says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and poppler-utils (for image export and browser tests)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
  exit 0
fi
echo "Chromium is missing. Install it with: sudo apt-get install chromium poppler-utils" >&2
echo "(Tests that need a browser will be skipped with that message.)" >&2
