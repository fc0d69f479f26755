#!/usr/bin/env bash
# The Word pack's rendering test converts it to PDF with LibreOffice (`soffice`), as an officer's Word would lay
# it out. On Debian and Ubuntu `libreoffice-writer-nogui` provides it. As root (CI) this installs it; otherwise
# it says how (the test is skipped without it).
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
source "$(dirname "$0")/ensure-package.sh"
install_or_explain LibreOffice "LibreOffice Writer (for the Word pack's rendering test)" \
  "The Word pack's rendering test will be skipped with that message." --no-install-recommends libreoffice-writer-nogui
