#!/usr/bin/env bash
# Syntax-checks the sources with Windows-only branches (zero-copy by TransmitFile, the Run key of
# start at login) with MinGW-w64,
# since no Windows machine builds Cairn: the Windows SDK headers (winsock2, mswsock, io) are
# MinGW's, Qt's are this machine's Linux Qt 6 headers, which hold up for a syntax check. Installs
# g++-mingw-w64-x86-64-posix when missing. Not part of CTest; exit status 0 = clean, no warnings.
# Usage: tools/check-windows-syntax.sh [source files...]   (default: the Windows-branch files)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cxx=x86_64-w64-mingw32-g++-posix
qt="${CAIRN_QT_INCLUDE_DIR:-/usr/include/x86_64-linux-gnu/qt6}"

if ! command -v "$cxx" >/dev/null; then
  echo "cairn: installing g++-mingw-w64-x86-64-posix"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends g++-mingw-w64-x86-64-posix
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(core/http/OverlappedFileSend.cpp core/http/ZeroCopy.cpp core/http/ResponsePump.cpp app/LoginStart.cpp)
fi

includes=(-I "$here/core/http")
for dir in "$here"/core/*/include; do includes+=(-I "$dir"); done
# Qt's headers as system headers: their dllimport friends warn under MinGW with a Linux qconfig.
qt_includes=(-isystem "$qt" -isystem "$qt/QtCore" -isystem "$qt/QtNetwork" -isystem "$qt/QtSql")
# The definitions cairn_http compiles with; CAIRN_ZERO_COPY is added per pass.
defines=(-D_WIN32_WINNT=0x0A00 -DUNICODE -D_UNICODE -DQT_NO_VERSION_TAGGING
         -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_FOREACH -DQT_NO_URL_CAST_FROM_STRING
         -DQT_USE_QSTRINGBUILDER -DQT_DISABLE_DEPRECATED_BEFORE=0x060400)

status=0
cd "$here"
# Built with the option ON (the TransmitFile branch) and OFF (the pump only).
for zero_copy in 1 0; do
  for f in "${files[@]}"; do
    echo "== $f (CAIRN_ZERO_COPY=$zero_copy)"
    "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Werror "${defines[@]}" -DCAIRN_ZERO_COPY=$zero_copy \
      "${includes[@]}" "${qt_includes[@]}" "$f" || status=1
  done
done
[ $status -eq 0 ] && echo "cairn: Windows syntax check clean (${#files[@]} files, option on and off)"
exit $status
