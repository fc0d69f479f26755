#!/usr/bin/env bash
# `make serve-many` and tests/test_cluster.py put HAProxy in front of several Streamlit processes. On Debian and
# Ubuntu the `haproxy` package provides it. As root (CI) this installs it; otherwise it says how.
set -euo pipefail
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
source "$(dirname "$0")/ensure-package.sh"
install_or_explain HAProxy "HAProxy (for several server processes behind one address)" \
  "make serve-many needs it; the cluster tests will be skipped with that message." haproxy
