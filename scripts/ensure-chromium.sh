#!/usr/bin/env bash
# The browser tests drive Debian's chromium (playwright-core downloads no browser). Installs it when
# missing, as root on a fresh machine (CI); anyone else is told the one command to run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "the browser tests need Debian's chromium: run 'sudo apt-get update && sudo apt-get install -y chromium'" >&2
  exit 1
fi
echo "installing Debian's chromium for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
