#!/bin/bash
# Real DLNA clients against a real `cairn --headless`, inside a network namespace of its own
# (so SSDP never reaches a real network): Debian's gssdp-discover finds the MediaServer, the
# GUPnP control point browses, searches, fetches and seeks (control_point.py), and every byebye
# arrives when Cairn stops (byebye_listener.py). With --minidlna, the same control point runs against Debian's
# MiniDLNA serving the same files, for the README's comparison.
#
# usage: dlna_clients.sh CAIRN_BINARY [--minidlna] [--report-dir DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ -z "${CAIRN_IN_NETNS:-}" ]; then
  if ! unshare -n true 2>/dev/null; then
    echo "SKIP: cannot create a network namespace (needs root); DLNA client tests not run"
    exit 0
  fi
  exec unshare -n -- env CAIRN_IN_NETNS=1 "$0" "$@"
fi

cairn="$1"; shift
minidlna=0; report_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minidlna) minidlna=1 ;;
    --report-dir) report_dir="$2"; shift ;;
  esac
  shift
done

ip link set lo up
ip link set lo multicast on
ip route add 239.0.0.0/8 dev lo

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# The library: an MP3 and a FLAC (which gets an MP3 copy for renderers), an H.264 video, and a
# Matroska one (which gets an MPEG-TS copy).
mkdir -p "$work/library/Album" "$work/library/Clips" "$work/data"
ff() { ffmpeg -v error -y "$@"; }
ff -f lavfi -i "sine=frequency=440:duration=8" -c:a libmp3lame -b:a 128k \
   -metadata title="Mp3 Tone" -metadata artist="Cairn Tester" -metadata album="Test Album" -metadata track=1 \
   -metadata genre="Ambient" "$work/library/Album/01 mp3 tone.mp3"
ff -f lavfi -i "sine=frequency=660:duration=8" -c:a flac \
   -metadata title="Flac Tone" -metadata artist="Cairn Tester" -metadata album="Test Album" -metadata track=2 \
   -metadata genre="Ambient" "$work/library/Album/02 flac tone.flac"
ff -f lavfi -i "testsrc2=size=320x240:rate=25:duration=6" -f lavfi -i "sine=frequency=330:duration=6" \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -metadata title="Test Clip" \
   "$work/library/Clips/clip.mp4"
ff -f lavfi -i "testsrc2=size=320x240:rate=25:duration=6" -f lavfi -i "sine=frequency=550:duration=6" \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -metadata title="Matroska Clip" \
   "$work/library/Clips/clip.mkv"

status=0
if [ "$minidlna" = 1 ]; then
  cat >"$work/minidlna.conf" <<CONF
media_dir=$work/library
db_dir=$work/minidlna-db
log_dir=$work
network_interface=lo
port=8200
friendly_name=MiniDLNA reference
inotify=no
CONF
  minidlnad -d -f "$work/minidlna.conf" -P "$work/minidlna.pid" >"$work/minidlna.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do   # its scan first: until then its root container is empty
    grep -qi "scanning.*finished" "$work/minidlna.log" && break
    sleep 0.2
  done
  sleep 1
  # MiniDLNA lists the Matroska clip under its file name ("clip"): it reads no Matroska title.
  /usr/bin/python3 "$here/control_point.py" lo --expect-title "Mp3 Tone" --expect-title "Flac Tone" \
      --expect-title "Test Clip" --expect-title "clip" --search-title Flac \
      ${report_dir:+--report "$report_dir/minidlna.json"} || status=$?
  exit $status
fi

printf 'secret admin password' >"$work/admin.password"
cat >"$work/data/cairn.ini" <<INI
[dlna]
enabled=true
user=admin
friendlyName=Cairn under test
interfaces=lo
INI
"$cairn" --headless --data-dir "$work/data" --port 0 --bind 127.0.0.1 --library "$work/library" \
  --admin-user admin --admin-password-file "$work/admin.password" >"$work/cairn.log" 2>&1 &
cairn_pid=$!
pids+=($cairn_pid)
for _ in $(seq 1 100); do
  grep -q "serving on http://127.0.0.1:" "$work/cairn.log" && break
  sleep 0.2
done
port="$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/cairn.log" | head -n1)"
[ -n "$port" ] || { echo "FAIL: cairn did not start"; cat "$work/cairn.log"; exit 1; }
uuid="$(cat "$work/data/dlna.uuid")"
# The first scan: the control point should see the whole library.
for _ in $(seq 1 100); do
  grep -q "scan done:" "$work/cairn.log" && break
  sleep 0.2
done
sleep 1

echo "== gssdp-discover"
gssdp-discover -i lo -t urn:schemas-upnp-org:device:MediaServer:1 -n 4 >"$work/discover.txt" 2>&1 || true
cat "$work/discover.txt"
if ! grep -q "uuid:$uuid::urn:schemas-upnp-org:device:MediaServer:1" "$work/discover.txt"; then
  echo "FAIL: gssdp-discover did not find Cairn's MediaServer (uuid:$uuid)"; status=1
fi
if ! grep -q "http://127.0.0.1:$port/dlna/description.xml" "$work/discover.txt"; then
  echo "FAIL: gssdp-discover did not get the description URL on port $port"; status=1
fi

echo "== control point"
/usr/bin/python3 "$here/control_point.py" lo --udn "uuid:$uuid" --expect-title "Mp3 Tone" \
    --expect-title "Flac Tone" --expect-title "Test Clip" --expect-title "Matroska Clip" \
    --expect-copy "Flac Tone" --expect-copy "Matroska Clip" --search-title Flac \
    ${report_dir:+--report "$report_dir/cairn.json"} || status=1

echo "== byebye at stop"
/usr/bin/python3 "$here/byebye_listener.py" "$uuid" 15 >"$work/byebye.txt" 2>&1 &
watcher=$!
for _ in $(seq 1 50); do grep -q READY "$work/byebye.txt" && break; sleep 0.1; done
kill -TERM "$cairn_pid"
wait "$cairn_pid" || true
wait "$watcher" || true
cat "$work/byebye.txt"
if [ "$(grep -c "^BYEBYE uuid:$uuid" "$work/byebye.txt")" -lt 6 ]; then
  echo "FAIL: not every ssdp:byebye (root device, uuid, device, three services) came when Cairn stopped"; status=1
fi
if [ "$status" != 0 ]; then
  echo "--- cairn log"; tail -n 60 "$work/cairn.log"
fi
exit $status
