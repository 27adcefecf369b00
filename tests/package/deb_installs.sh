#!/usr/bin/env bash
# The .deb installs on a clean Debian 12 and runs there, as a new user's apt would do it: builds
# the package with CPack from the build tree, makes a minimal bookworm root with Debian's
# mmdebstrap (apt variant) that installs the .deb with everything it depends on from Debian's
# archive, then in that root: `cairn --version`, `cairn --headless` on a loopback port whose
# /health answers from outside, the service user the maintainer scripts create, and a purge
# that leaves none of the package's files behind.
# Needs root (chroot, mounts) and Debian's archive; skipped (77) with the reason otherwise.
# Usage: deb_installs.sh BUILD_DIR
set -euo pipefail
build=$1
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (mmdebstrap --mode=root, chroot, mount)"; exit 77; }
for tool in cpack dpkg-deb mmdebstrap chroot mount curl python3; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing"; exit 77; }
done

work=$(mktemp -d /var/tmp/cairn-install.XXXXXX)
root="$work/root"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  for m in "$root/proc" "$root/dev"; do
    mountpoint -q "$m" 2>/dev/null && umount -l "$m" || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(find "$work" -maxdepth 1 -name 'cairn_*.deb' | head -1)
[ -n "$deb" ] || { echo "FAIL: no .deb in $work"; cat "$work/cpack.log"; exit 1; }
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# apt inside the new root resolves the package's Depends from Debian's archive, as a user's
# `apt install ./cairn_….deb` does; no recommends, as a minimal install.
name=$(basename "$deb")
if ! mmdebstrap --variant=apt --mode=root --aptopt='APT::Install-Recommends "false"' \
     --customize-hook="copy-in '$deb' /tmp" \
     --customize-hook="chroot \"\$1\" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$name" \
     --customize-hook="rm -f \"\$1/tmp/$name\"" \
     bookworm "$root" >"$work/mmdebstrap.log" 2>&1; then
  if grep -qiE "could not resolve|failed to fetch|temporary failure|connection failed|unable to connect" "$work/mmdebstrap.log"; then
    tail -5 "$work/mmdebstrap.log"
    echo "SKIP: Debian's archive cannot be reached"
    exit 77
  fi
  tail -40 "$work/mmdebstrap.log"
  echo "FAIL: the package does not install on a clean Debian 12"
  exit 1
fi
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"

in_root dpkg-query -W -f='${Status}\n' cairn | grep -qx 'install ok installed' \
  || { echo "FAIL: cairn is not installed in the new root"; exit 1; }
version=$(in_root cairn --version)
echo "$version"
grep -q '^cairn ' <<<"$version" || { echo "FAIL: cairn --version printed no version"; exit 1; }
grep -qi 'Qt' <<<"$version" || { echo "FAIL: cairn --version does not name Qt"; exit 1; }
in_root getent passwd cairn >/dev/null || { echo "FAIL: the maintainer scripts made no cairn user"; exit 1; }
[ -f "$root/lib/systemd/system/cairn.service" ] || [ -f "$root/usr/lib/systemd/system/cairn.service" ] \
  || { echo "FAIL: no systemd unit installed"; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
in_root cairn --headless --data-dir /var/tmp/cairn-data --port "$port" --bind 127.0.0.1 >"$work/cairn.log" 2>&1 &
pid=$!
health=""
for _ in $(seq 1 100); do
  health=$(curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null) && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if ! grep -q '"status":"ok"' <<<"$health"; then
  cat "$work/cairn.log"
  echo "FAIL: the installed cairn did not answer /health on port $port"
  exit 1
fi
echo "health: $health"
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=""

files=$(in_root dpkg-query -L cairn | while read -r f; do [ -f "$root$f" ] && echo "$f"; done)
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q cairn >"$work/purge.log" 2>&1 \
  || { cat "$work/purge.log"; echo "FAIL: apt-get purge cairn failed"; exit 1; }
if in_root dpkg-query -W -f='${Status}\n' cairn 2>/dev/null | grep -q 'installed'; then
  echo "FAIL: cairn is still installed after the purge"
  exit 1
fi
left=""
for f in $files; do [ -e "$root$f" ] && left+="$f "; done
[ -z "$left" ] || { echo "FAIL: files left after the purge: $left"; exit 1; }
echo "PASS: installed, ran, answered /health and purged cleanly ($(wc -w <<<"$files") files)"
