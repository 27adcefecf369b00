#!/usr/bin/env bash
# The .deb names every shared library its programs link: builds it with CPack from the build
# tree into a temporary directory, then for each library the packaged `cairn` and desktop
# module link directly (ELF NEEDED, resolved by ldd), the Debian package that ships it must be
# in Depends, or be pulled in by one that is (libtag1v5 ships its file in libtag1v5-vanilla).
# A .deb without libsodium23 or libqt6multimedia6 installed fine and could not start.
# Usage: deb_depends.sh BUILD_DIR
set -euo pipefail
build=$1
for tool in cpack dpkg-deb dpkg-shlibdeps ldd objdump dpkg-query; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(find "$work" -maxdepth 1 -name 'cairn_*.deb' | head -1)
[ -n "$deb" ] || { echo "FAIL: no .deb in $work"; cat "$work/cpack.log"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
mkdir "$work/root"
dpkg-deb -x "$deb" "$work/root"

package_names() { tr ',' '\n' | sed 's/(.*//; s/|.*//; s/ //g; /^$/d' | tr '\n' ' '; }
names=" $(package_names <<<"$depends") "
# …and what those packages depend on in turn, one level down.
for p in $names; do
  names+="$(dpkg-query -W -f='${Depends}' "$p" 2>/dev/null | package_names) "
done
names=" $names "
failed=0
binaries=$(find "$work/root" -type f \( -name cairn -o -name '*.so' \))
[ -n "$binaries" ] || { echo "FAIL: no programs in the package"; exit 1; }
for bin in $binaries; do
  needed=" $(objdump -p "$bin" | awk '/NEEDED/ {print $2}' | tr '\n' ' ') "
  while read -r soname lib; do
    case "$needed" in *" $soname "*) ;; *) continue ;; esac
    lib=$(realpath "$lib")
    owner=$(dpkg-query -S "$lib" 2>/dev/null | head -1 | cut -d: -f1) || true
    [ -n "$owner" ] || continue   # not from a package (e.g. the build tree): nothing to depend on
    case "$owner" in libc6|libgcc-s1|libstdc++6) continue ;; esac
    case "$names" in
      *" $owner "*) ;;
      *) echo "FAIL: ${bin#"$work/root"} links $lib from $owner, which Depends does not name"; failed=1 ;;
    esac
  done < <(ldd "$bin" | awk '/=> \// {print $1, $3}')
done
[ "$failed" -eq 0 ] && echo "PASS: every linked library's package is in Depends"
exit "$failed"
