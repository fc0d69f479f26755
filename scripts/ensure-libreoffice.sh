#!/usr/bin/env bash
# The Word pack's rendering test converts it to PDF with LibreOffice (`soffice`), as an officer's Word would lay
# it out. On Debian and Ubuntu `libreoffice-writer-nogui` provides it. As root (CI) this installs it; otherwise
# it says how (the test is skipped without it).
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing LibreOffice Writer (for the Word pack's rendering test)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
  exit 0
fi
echo "LibreOffice is missing. Install it with: sudo apt-get install libreoffice-writer-nogui" >&2
echo "(The Word pack's rendering test will be skipped with that message.)" >&2
