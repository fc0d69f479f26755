#!/usr/bin/env bash
# Sourced by scripts/ensure-*.sh: the one way this project gets a Debian package that a test or a make target needs.
#
# install_or_explain MISSING INSTALLING SKIPPED APT_ARGUMENT...
#   As root with apt-get (CI): say "Installing INSTALLING…" and install the packages. Otherwise say "MISSING is
#   missing", the command that installs them, and "(SKIPPED)", on stderr. Exits 0 either way, so `make test` goes
#   on and the tests that need the package skip themselves. APT_ARGUMENTs starting with - are options for
#   apt-get install, left out of the advice.
install_or_explain() {
  local missing=$1 installing=$2 skipped=$3
  shift 3
  local packages=() argument
  for argument in "$@"; do
    [[ $argument == -* ]] || packages+=("$argument")
  done
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $installing…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    exit 0
  fi
  echo "$missing is missing. Install it with: sudo apt-get install ${packages[*]}" >&2
  echo "($skipped)" >&2
}
