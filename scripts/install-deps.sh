#!/usr/bin/env bash
# Installs every Debian package pmstudio needs to build, test and benchmark.
# Idempotent: packages already present are skipped without touching apt.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config clang-format clang-tidy
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev libssl-dev
  libspdlog-dev libfmt-dev libcli11-dev
  libxxhash-dev libzstd-dev libexpat1-dev zlib1g-dev libzip-dev libhowardhinnant-date-dev
  libfast-float-dev libsimdjson-dev libcurl4-openssl-dev
  libgraphviz-dev
  libgtest-dev libgmock-dev
  python3 python3-pytest python3-requests
  sqlite3 curl tzdata
  chromium
)
# Node.js and npm build the dashboard pages' front end (web/) and install the browser tests'
# driver; a machine that has them from elsewhere (NodeSource's nodejs bundles npm) keeps its own.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
