#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what Cairn needs,
# configures and builds it, then runs Cairn (`run`) or the whole test suite (`test`).
# Idempotent: packages already present are not reinstalled, CMake rebuilds only what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${CAIRN_BUILD_DIR:-$here/build}"
build_type="${CAIRN_BUILD_TYPE:-RelWithDebInfo}"

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
  qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libgl-dev
  libtag1-dev libavformat-dev libavcodec-dev libavutil-dev
  ffmpeg ccache libsodium-dev openssl qt6-image-formats-plugins zlib1g-dev
  nodejs chromium
)
# Debian's nodejs needs its separate npm; a Node from elsewhere (NodeSource) bundles it and
# would conflict with the Debian package.
command -v npm >/dev/null || packages+=(npm)

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "cairn: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The web app's third-party code (hls.js) and its browser tests' driver (playwright-core),
# exactly as package-lock.json pins them; reinstalled only when the lock file is newer.
install_node_modules() {
  if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    echo "cairn: npm ci"
    (cd "$here" && npm ci --no-audit --no-fund)
  fi
}

configure_and_build() {
  install_node_modules
  if [ ! -f "$build/build.ninja" ]; then
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${launcher[@]}" ${CAIRN_CMAKE_ARGS:-}
  fi
  cmake --build "$build" --parallel "$(nproc)"
}

cmd="${1:-run}"
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_packages
    configure_and_build
    exec "$build/app/cairn" "$@"
    ;;
  test)
    install_packages
    configure_and_build
    cd "$build"
    exec ctest --output-on-failure --timeout 600 "$@"
    ;;
  build)
    install_packages
    configure_and_build
    ;;
  *)
    echo "usage: tools/dev.sh run [cairn options] | test [ctest options] | build" >&2
    exit 2
    ;;
esac
