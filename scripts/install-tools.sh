#!/usr/bin/env bash
# Installs the external programs the dev stack and the tests need into .tools/ (git-ignored).
# Idempotent: each step is skipped when its result is already there.
#   scripts/install-tools.sh livekit          LiveKit server (for npm start and npm test)
#   scripts/install-tools.sh ferretdb         FerretDB, the MongoDB wire-protocol stand-in for tests
#   scripts/install-tools.sh chromium         Debian's chromium for browser tests
#   scripts/install-tools.sh all              everything above
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"
LIVEKIT_VERSION="v1.13.5"
FERRETDB_VERSION="v1.24.2"
mkdir -p "$BIN"
export GOBIN="$BIN"
# Keep Go's caches inside .tools when the user has none, so nothing lands elsewhere unexpectedly.
export GOFLAGS="${GOFLAGS:-} -modcacherw"

log() { printf '[tools] %s\n' "$*" >&2; }

need_go() {
  if ! command -v go >/dev/null 2>&1; then
    cat >&2 <<MSG
[tools] $1 is not installed and Go is not available to build it.
        Install the LiveKit server one of these ways, then run the command again:
          - Homebrew:               brew install livekit
          - the official script:    curl -sSL https://get.livekit.io | bash
          - Docker:                 docker run --rm -p 7880:7880 -p 7882:7882/udp livekit/livekit-server:${LIVEKIT_VERSION} --dev
          - or install Go >= 1.22 (https://go.dev/dl/) and let this script build it.
MSG
    exit 1
  fi
}

install_livekit() {
  if [ -x "$BIN/livekit-server" ]; then return 0; fi
  if command -v livekit-server >/dev/null 2>&1; then
    log "using livekit-server from PATH: $(command -v livekit-server)"
    ln -sf "$(command -v livekit-server)" "$BIN/livekit-server"
    return 0
  fi
  need_go livekit-server
  log "building livekit-server ${LIVEKIT_VERSION} with go install (about 2 minutes the first time)…"
  go install "github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}"
  mv "$BIN/server" "$BIN/livekit-server"
  log "$("$BIN/livekit-server" --version)"
}

install_ferretdb() {
  if [ -x "$BIN/ferretdb" ]; then return 0; fi
  if command -v ferretdb >/dev/null 2>&1; then
    ln -sf "$(command -v ferretdb)" "$BIN/ferretdb"; return 0
  fi
  need_go ferretdb
  log "building FerretDB ${FERRETDB_VERSION} (about 1 minute the first time)…"
  local src tmp
  src=$(go mod download -json "github.com/FerretDB/FerretDB@${FERRETDB_VERSION}" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  tmp=$(mktemp -d)
  cp -r "$src/." "$tmp"; chmod -R u+w "$tmp"
  # `go install` leaves this file empty and the binary panics at start; the module source needs it written.
  echo "${FERRETDB_VERSION}" > "$tmp/build/version/version.txt"
  (cd "$tmp" && go build -buildvcs=false -o "$BIN/ferretdb" ./cmd/ferretdb)
  rm -rf "$tmp"
}

install_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's chromium with apt-get…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium
  else
    log "browser tests need Chromium at /usr/bin/chromium (Debian/Ubuntu: apt-get install chromium); set CHROMIUM_PATH to use another."
    [ -n "${CHROMIUM_PATH:-}" ] || exit 1
  fi
}

what="${1:-all}"
case "$what" in
  livekit) install_livekit ;;
  ferretdb) install_ferretdb ;;
  chromium) install_chromium ;;
  all) install_livekit; install_ferretdb; install_chromium ;;
  *) echo "usage: $0 livekit|ferretdb|chromium|all" >&2; exit 2 ;;
esac
