#!/usr/bin/env bash
# Static image export (kaleido) and the browser tests need a Chromium. On Debian and Ubuntu the
# `chromium` package provides /usr/bin/chromium. As root (CI) this installs it; otherwise it says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
source "$(dirname "$0")/ensure-package.sh"
install_or_explain Chromium "Chromium and poppler-utils (for image export and browser tests)" \
  "Tests that need a browser will be skipped with that message." chromium poppler-utils
