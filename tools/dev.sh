#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what Cairn needs,
# configures and builds it, then runs Cairn (`run`) or the whole test suite (`test`: once as
# built, once more built with AddressSanitizer + UBSan unless CAIRN_SANITIZERS=0, and once
# built with clang and every portable fallback unless CAIRN_PORTABLE=0).
# Idempotent: packages already present are not reinstalled, CMake rebuilds only what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${CAIRN_BUILD_DIR:-$here/build}"
build_type="${CAIRN_BUILD_TYPE:-RelWithDebInfo}"
# `test` also runs the whole suite built with AddressSanitizer + UBSan (leaks included) in a
# second build directory; CAIRN_SANITIZERS=0 runs the plain suite only.
sanitizers="${CAIRN_SANITIZERS:-1}"
asan_build="${CAIRN_ASAN_BUILD_DIR:-$build-asan}"
asan_build_type="${CAIRN_ASAN_BUILD_TYPE:-Debug}"
# `test` also builds Cairn with clang, warnings as errors, and every OS-specific call replaced
# by the portable fallback Windows or macOS runs (CAIRN_PORTABLE_FALLBACKS), and runs the
# suite there; CAIRN_PORTABLE=0 leaves it out.
portable="${CAIRN_PORTABLE:-1}"
portable_build="${CAIRN_PORTABLE_BUILD_DIR:-$build-portable}"

packages=(
  cmake ninja-build g++ clang lld pkg-config
  qt6-base-dev qt6-base-dev-tools
  qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libgl-dev qt6-translations-l10n libqrencode-dev
  libtag1-dev libavformat-dev libavcodec-dev libavutil-dev
  ffmpeg ccache libsodium-dev openssl qt6-image-formats-plugins zlib1g-dev
  nodejs chromium
  # DLNA tests: real control points (gssdp-discover, GUPnP from Python), minidlna as a reference,
  # ip for the network namespace multicast tests run in.
  gupnp-tools gir1.2-gupnp-1.6 gir1.2-gupnp-av-1.0 python3-gi minidlna iproute2
  # The first run's QR code is read back by a real decoder.
  zbar-tools
  # A real video player on the HLS master playlist (tests/web/mpv.test.mjs).
  mpv
  # The install test: a clean Debian 12 root the .deb is installed into (tests/package).
  mmdebstrap curl
  # PostgreSQL catalogs: Qt's driver, and a real server the catalog tests start in a temp dir.
  libqt6sql6-psql postgresql
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
  # Debian starts MiniDLNA's own service on install: it is only the tests' reference and must
  # not announce this machine's files on a real network.
  if printf '%s\n' "${missing[@]}" | grep -qx minidlna; then
    $sudo systemctl disable --now minidlna.service >/dev/null 2>&1 || $sudo service minidlna stop >/dev/null 2>&1 || true
  fi
  # Likewise PostgreSQL's own cluster: the tests start servers of their own.
  if printf '%s\n' "${missing[@]}" | grep -qx postgresql; then
    $sudo systemctl disable --now postgresql.service >/dev/null 2>&1 || $sudo service postgresql stop >/dev/null 2>&1 || true
  fi
}

# The web app's third-party code (hls.js) and its browser tests' driver (playwright-core),
# exactly as package-lock.json pins them; reinstalled only when the lock file is newer.
install_node_modules() {
  if [ ! -d "$here/node_modules" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    echo "cairn: npm ci"
    (cd "$here" && npm ci --no-audit --no-fund)
  fi
}

# configure_and_build <dir> <build type> [cmake options…]
configure_and_build() {
  local dir="$1" type="$2"
  shift 2
  install_node_modules
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Configured every time (a few seconds), so a tree made by an older version of this script
  # takes the options it gives now.
  cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${launcher[@]}" "$@" ${CAIRN_CMAKE_ARGS:-} >/dev/null
  cmake --build "$dir" --parallel "$(nproc)"
}

build_plain() { configure_and_build "$build" "$build_type"; }
# No benchmarks there: they are never run, and would only lengthen the build. On Linux its
# test programs share Cairn's libraries as shared objects: static, the tree took 13 GB.
build_asan() {
  local shared=OFF
  [ "$(uname -s)" = Linux ] && shared=ON
  configure_and_build "$asan_build" "$asan_build_type" -DCAIRN_SANITIZE=ON -DCAIRN_BUILD_BENCH=OFF -DCAIRN_SHARED_LIBS=$shared
}

# clang with every fallback: the compiler macOS builds with, the calls Windows and macOS make.
# Warnings fail the build there, so both compilers stay warning-free. Shared libraries and no
# benchmarks, as in the sanitizer tree, for its size.
build_portable() {
  local shared=OFF
  [ "$(uname -s)" = Linux ] && shared=ON
  CC=clang CXX=clang++ configure_and_build "$portable_build" Debug -DCAIRN_PORTABLE_FALLBACKS=ON \
    -DCAIRN_WARNINGS_AS_ERRORS=ON -DCAIRN_BUILD_BENCH=OFF -DCAIRN_SHARED_LIBS=$shared
}

# run_suite <build dir> <log> [ctest options…]: ctest's output also goes to <log>; its status is returned.
run_suite() {
  local dir="$1" log="$2"
  shift 2
  set +e
  (cd "$dir" && ctest --output-on-failure --timeout 600 "$@") 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

# counts_of <log> <status>: "<passed> <failed>" from ctest's closing line ("…, 2 tests failed
# out of 90"). Without one: "0 0" when ctest found no test to run (-R matching none), else "0 1"
# (it did not get that far: a failure).
counts_of() {
  local line
  line=$(grep -E 'tests? passed, [0-9]+ tests? failed out of [0-9]+' "$1" | tail -n 1 || true)
  if [ -z "$line" ]; then
    if [ "$2" -eq 0 ]; then echo "0 0"; else echo "0 1"; fi
    return
  fi
  local failed total
  failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  echo "$((total - failed)) $failed"
}

# The sanitizers' settings for every process of the suite, the servers it starts included:
# the first error of either sanitizer fails the test (with a stack), leaks are reported at exit
# except the libraries' own (tests/sanitizers/lsan.supp says why for each).
sanitizer_env() {
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0:strict_init_order=1:check_initialization_order=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
}

run_tests() {
  local logs
  logs=$(mktemp -d)
  local plain_rc=0 asan_rc=0 portable_rc=0 passed failed more_passed more_failed
  # The `_pump` runs force the portable body pump in a tree that has zero-copy; the portable tree
  # runs every suite that way, and the sanitizer tree keeps them: the plain tree need not.
  local plain_only=()
  [ "$portable" != 0 ] && plain_only=(-E '_pump$')
  run_suite "$build" "$logs/plain.log" "${plain_only[@]}" "$@" || plain_rc=$?
  read -r passed failed < <(counts_of "$logs/plain.log" "$plain_rc")
  local summary="plain suite: $passed passed, $failed failed"
  if [ "$sanitizers" != 0 ]; then
    echo "cairn: the same suite built with AddressSanitizer + UBSan ($asan_build)"
    (sanitizer_env && run_suite "$asan_build" "$logs/asan.log" "$@") || asan_rc=$?
    read -r more_passed more_failed < <(counts_of "$logs/asan.log" "$asan_rc")
    summary="$summary; sanitizer suite: $more_passed passed, $more_failed failed"
    passed=$((passed + more_passed))
    failed=$((failed + more_failed))
  fi
  if [ "$portable" != 0 ]; then
    echo "cairn: the same suite built with clang and the portable fallbacks ($portable_build)"
    run_suite "$portable_build" "$logs/portable.log" "$@" || portable_rc=$?
    read -r more_passed more_failed < <(counts_of "$logs/portable.log" "$portable_rc")
    summary="$summary; portable suite: $more_passed passed, $more_failed failed"
    passed=$((passed + more_passed))
    failed=$((failed + more_failed))
  fi
  rm -rf "$logs"
  echo "cairn: $summary"
  echo "$passed passed, $failed failed"
  [ "$plain_rc" -eq 0 ] && [ "$asan_rc" -eq 0 ] && [ "$portable_rc" -eq 0 ]
}

cmd="${1:-run}"
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_packages
    build_plain
    exec "$build/app/cairn" "$@"
    ;;
  test)
    install_packages
    build_plain
    [ "$sanitizers" != 0 ] && build_asan
    [ "$portable" != 0 ] && build_portable
    run_tests "$@"
    ;;
  build)
    install_packages
    build_plain
    ;;
  build-asan)
    install_packages
    build_asan
    ;;
  build-portable)
    install_packages
    build_portable
    ;;
  *)
    echo "usage: tools/dev.sh run [cairn options] | test [ctest options] | build | build-asan | build-portable" >&2
    exit 2
    ;;
esac
