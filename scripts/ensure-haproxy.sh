#!/usr/bin/env bash
# `make serve-many` and tests/test_cluster.py put HAProxy in front of several Streamlit processes. On Debian and
# Ubuntu the `haproxy` package provides it. As root (CI) this installs it; otherwise it says how.
set -euo pipefail
if command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing HAProxy (for several server processes behind one address)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  exit 0
fi
echo "HAProxy is missing. Install it with: sudo apt-get install haproxy" >&2
echo "(make serve-many needs it; the cluster tests will be skipped with that message.)" >&2
