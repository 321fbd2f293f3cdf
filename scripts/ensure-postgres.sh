#!/usr/bin/env bash
# The store's PostgreSQL tests start a throwaway cluster of their own (src/testing/postgres.ts) and
# need only the server's programs (initdb, pg_ctl). Installs Debian's postgresql when they are
# missing, as root on a fresh machine (CI); anyone else is told the one command to run.
set -euo pipefail
has_initdb() {
  local dir
  dir="$(pg_config --bindir 2>/dev/null || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then return 0; fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then return 0; fi
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}
if has_initdb; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "the PostgreSQL tests need Debian's postgresql: run 'sudo apt-get update && sudo apt-get install -y postgresql'" >&2
  exit 1
fi
echo "installing Debian's postgresql for the PostgreSQL tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
has_initdb
