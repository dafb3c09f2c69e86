#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian's `chromium` and `chromium-driver`) for the
# dashboard's browser tests (agent/src/test/.../dashboard/*BrowserIT) and benchmark. Idempotent: a
# stamp records the installed versions and the script returns at once while both binaries are there.
# Needs root (or sudo) and apt-get; on other systems install Chromium and a matching chromedriver
# by hand and point CAPSTAN_CHROMIUM / CAPSTAN_CHROMEDRIVER at them.
#
#   tools/chromium.sh            install if missing
#   tools/chromium.sh --check    exit 0 when installed, 1 when not, installing nothing
set -euo pipefail

chromium="${CAPSTAN_CHROMIUM:-/usr/bin/chromium}"
driver="${CAPSTAN_CHROMEDRIVER:-/usr/bin/chromedriver}"
stamp="${XDG_CACHE_HOME:-$HOME/.cache}/capstan/chromium.stamp"

installed() {
  [[ -x "$chromium" && -x "$driver" ]]
}

if [[ "${1:-}" == "--check" ]]; then
  installed
  exit $?
fi

if installed && [[ -f "$stamp" ]]; then
  echo "chromium: up to date ($(cat "$stamp"))"
  exit 0
fi

if ! installed; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium: apt-get is not available; install Chromium and chromedriver and set CAPSTAN_CHROMIUM and CAPSTAN_CHROMEDRIVER" >&2
    exit 1
  fi
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    sudo="sudo"
  fi
  echo "chromium: installing Debian's chromium and chromium-driver"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi

mkdir -p "$(dirname "$stamp")"
"$chromium" --version > "$stamp" 2>/dev/null || echo "chromium (version unknown)" > "$stamp"
echo "chromium: installed ($(cat "$stamp"))"
