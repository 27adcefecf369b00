#!/usr/bin/env bash
# The README's screenshots: every tab of the main window, every settings page, the first-run
# wizard's pages, the user and app-password dialogs and the tray menu, over a demo library made
# on the spot (tools/screenshots/main.cpp), rendered by a real X server (Xvfb) in English.
# Builds only cairn_screenshots in the build directory tools/dev.sh made (CAIRN_BUILD_DIR,
# default build/). As root, installs xvfb and xauth when missing; otherwise names them, exit 2.
# Usage: tools/screenshots.sh [OUTPUT_DIR]   (default: docs/screenshots)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${CAIRN_BUILD_DIR:-$here/build}"
out="${1:-$here/docs/screenshots}"

missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "cairn: the screenshots need ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
  echo "cairn: installing ${missing[*]}"
  env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
  echo "cairn: no build in $build: run tools/dev.sh first" >&2
  exit 2
fi
# Built with the benchmarks (the default); a tree without them takes the one option it needs.
if ! ninja -C "$build" -t targets all 2>/dev/null | grep -q '^cairn_screenshots:'; then
  cmake "$build" -DCAIRN_BUILD_SCREENSHOTS=ON >/dev/null
fi
ninja -C "$build" cairn_screenshots

mkdir -p "$out"
# English as written, whatever this machine's language; a fixed style and no scaling, so the
# pictures match the README from one machine to the next.
env LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1 QT_AUTO_SCREEN_SCALE_FACTOR=0 \
  QT_STYLE_OVERRIDE=Fusion \
  xvfb-run -a -s "-screen 0 1280x800x24" "$build/tools/screenshots/cairn_screenshots" "$out"
echo "cairn: screenshots in $out"
ls -l "$out"
